//! `liaoyuan demo --db PATH [--teachers N] [--seed S]`.

use super::args::{DemoArgs, Lang};
use crate::error::{Error, Result};
use crate::ops::demo::{self, DemoOptions};
use std::io::IsTerminal;
use std::path::PathBuf;
use std::time::Instant;

/// Districts at least this large show a progress bar (when stderr is a terminal).
const PROGRESS_FROM: usize = 20_000;

pub fn run(
    db: Option<&PathBuf>,
    lang: Lang,
    args: &DemoArgs,
    stamp: &crate::store::Stamp,
) -> Result<()> {
    let path = db.ok_or_else(|| {
        Error::invalid(match lang {
            Lang::Zh => "demo 需要指定新数据库文件：liaoyuan demo --db PATH",
            Lang::En => "demo needs a file to write: liaoyuan demo --db PATH",
        })
    })?;
    let started = Instant::now();
    let summary = demo::generate_for(
        path,
        &DemoOptions {
            teachers: args.teachers,
            seed: args.seed,
            progress: args.teachers >= PROGRESS_FROM && std::io::stderr().is_terminal(),
        },
        stamp,
        lang,
    )?;
    let secs = started.elapsed().as_secs_f64();
    match lang {
        Lang::Zh => eprintln!(
            "已生成演示数据 {}：{} 所学校、{} 名教师、{} 名星光讲师、{} 个培训项目、{} 个场次、{} 条报名、{} 条考勤记录、{} 条跟踪任务、{} 条学分记录（{secs:.1} 秒）",
            path.display(),
            summary.schools,
            summary.teachers,
            summary.trainers,
            summary.projects,
            summary.sessions,
            summary.enrolments,
            summary.marks,
            summary.follow_ups,
            summary.credit_entries
        ),
        Lang::En => eprintln!("wrote demo district {}: {summary} ({secs:.1} s)", path.display()),
    }
    Ok(())
}
