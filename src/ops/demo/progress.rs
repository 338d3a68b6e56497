//! The demo's progress bar: one bar over the whole generation, in units of work that take
//! about the same time each (a row written; the closing stages — indexes, counts, search
//! keys, commit — as the rows they cost), so the estimate of what is left holds from
//! start to end instead of reaching 100 % before the indexes are built.

use crate::lang::Lang;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// Rows the demo writes per teacher, about (marks, enrolments, credits, follow-ups,
/// tier steps and the teacher, feedback): 200,000 teachers write about 4.8 million.
const ROWS_PER_TEACHER: u64 = 24;
/// The closing stages (indexes, counts, search keys, commit, the switch back to WAL), in
/// rows of the same time: since the rows are generated on a second thread, about 1.4 times
/// the rows' time at 200,000 teachers (6.4 s of rows, 8.8 s closing, load 3.9).
const CLOSING_PER_TEACHER: u64 = 33;

/// The stages the bar names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    Teachers,
    Projects,
    Details,
    Indexes,
}

impl Stage {
    fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Stage::Teachers, Lang::Zh) => "教师",
            (Stage::Teachers, Lang::En) => "teachers",
            (Stage::Projects, Lang::Zh) => "培训项目",
            (Stage::Projects, Lang::En) => "projects",
            (Stage::Details, Lang::Zh) => "学分与跟踪",
            (Stage::Details, Lang::En) => "details",
            (Stage::Indexes, Lang::Zh) => "索引与统计",
            (Stage::Indexes, Lang::En) => "indexes",
        }
    }
}

/// The stage, the bar, the share done, the time spent and the estimate of the time left.
fn template(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "{msg:10} [{bar:36}] {percent:>3}% 已用 {elapsed}，约剩 {eta}",
        Lang::En => "{msg:10} [{bar:36}] {percent:>3}% {elapsed} elapsed, about {eta} left",
    }
}

/// The bar, or nothing when none is shown.
pub struct Progress {
    bar: Option<ProgressBar>,
    lang: Lang,
    /// Units left for the closing stages.
    closing: u64,
}

impl Progress {
    /// A bar on stderr for a district of `teachers`, or none.
    pub fn new(show: bool, teachers: usize, lang: Lang) -> Progress {
        Progress::with_target(show.then(ProgressDrawTarget::stderr), teachers, lang)
    }

    pub(crate) fn with_target(
        target: Option<ProgressDrawTarget>,
        teachers: usize,
        lang: Lang,
    ) -> Progress {
        let teachers = teachers as u64;
        let closing = teachers * CLOSING_PER_TEACHER;
        let bar = target.map(|target| {
            let bar =
                ProgressBar::with_draw_target(Some(teachers * ROWS_PER_TEACHER + closing), target);
            if let Ok(style) = ProgressStyle::with_template(template(lang)) {
                bar.set_style(style.progress_chars("=> "));
            }
            // Redrawn while one long statement (an index of millions of marks) runs.
            bar.enable_steady_tick(std::time::Duration::from_millis(500));
            bar
        });
        Progress { bar, lang, closing }
    }

    pub fn stage(&self, stage: Stage) {
        if let Some(bar) = &self.bar {
            bar.set_message(stage.label(self.lang));
        }
    }

    /// `rows` more rows written.
    pub fn rows(&self, rows: u64) {
        if let Some(bar) = &self.bar {
            bar.inc(rows);
        }
    }

    /// The rows are written: the closing stages' units are what is left, whatever the
    /// estimate of the rows was.
    pub fn rows_done(&self) {
        if let Some(bar) = &self.bar {
            bar.set_length(bar.position() + self.closing);
        }
    }

    /// `share` (0..=1) of the closing stages is done.
    pub fn closing(&self, share: f64) {
        if let Some(bar) = &self.bar {
            let left = self.closing - (self.closing as f64 * share.clamp(0.0, 1.0)) as u64;
            let end = bar.length().unwrap_or(0);
            bar.set_position(end.saturating_sub(left).max(bar.position()));
        }
    }

    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.set_position(bar.length().unwrap_or(0));
            bar.finish_and_clear();
        }
    }

    #[cfg(test)]
    pub(crate) fn state(&self) -> Option<(u64, u64)> {
        self.bar
            .as_ref()
            .map(|b| (b.position(), b.length().unwrap_or(0)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ops::demo::{run, timing::Timing, DemoOptions};
    use crate::store::Db;

    #[test]
    fn the_bar_shows_an_estimate_and_keeps_room_for_the_closing_stages() {
        let mut db = Db::open_in_memory().unwrap();
        let tx = db
            .write(&crate::store::test_stamp("2026-03-02 09:00"))
            .unwrap();
        let opts = DemoOptions {
            teachers: 600,
            seed: 7,
            progress: true,
        };
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 28).unwrap();
        let progress = Progress::with_target(Some(ProgressDrawTarget::hidden()), 600, Lang::En);
        run::write_district(&tx, &opts, today, &progress, &mut Timing::from_env()).unwrap();
        // Written, indexed and counted, but not yet committed: the bar is not full.
        let (at, of) = progress.state().unwrap();
        assert!(at < of && at * 10 >= of * 8, "{at} of {of}");
        progress.finish();
        let (at, of) = progress.state().unwrap();
        assert_eq!(at, of);
        for lang in [Lang::Zh, Lang::En] {
            assert!(template(lang).contains("{eta}"));
            assert!(ProgressStyle::with_template(template(lang)).is_ok());
        }
    }
}
