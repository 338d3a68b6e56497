//! `liaoyuan backup DEST`: online backup to a new file.

use super::args::{BackupArgs, Lang};
use crate::error::Result;
use std::path::Path;

pub fn run(path: &Path, lang: Lang, args: &BackupArgs) -> Result<()> {
    let info = crate::ops::backup::backup(path, &args.dest)?;
    let mb = info.bytes as f64 / 1_048_576.0;
    match lang {
        Lang::Zh => eprintln!(
            "已备份到 {}（{mb:.1} MB，{} 名教师、{} 条考勤记录；副本已校验）",
            args.dest.display(),
            info.teachers,
            info.marks
        ),
        Lang::En => eprintln!(
            "backed up to {} ({mb:.1} MB, {} teachers, {} marks; copy verified)",
            args.dest.display(),
            info.teachers,
            info.marks
        ),
    }
    Ok(())
}
