//! The Check-in desk and the Vetoes tab rendered into TestBackend at 80×24, in Chinese and
//! English, on a small district built here. Driven through the App's public API; assertions
//! read the text a user would read (and the marks the desk wrote).

use crate::common;

use common::district::{at, insert_teachers, two_schools};
use common::tui::{dark, Ui};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use liaoyuan::store::{Db, OpenMode};
use liaoyuan::tui::action::{Action, Target};
use liaoyuan::tui::i18n::Lang;
use liaoyuan::tui::screens::TabId;
use liaoyuan::tui::App;
use ratatui::backend::TestBackend;
use ratatui::Terminal;
use std::path::{Path, PathBuf};

mod busy;
mod bytes;
mod choosing;
mod focus;
mod inactive;
mod marking;
mod picking;
mod reload;
mod same_name;
mod truthful;
mod untaken;
mod vetoes;
mod walk_in_and_closing;
mod written;

/// Two schools, five teachers; project P1 with today's session 1 (08:30–11:30), a March
/// session 2 where 张伟 was late (a 2026 veto), and a closed session 3 yesterday.
/// Enrolled: 张伟, 李娜, 王芳, 曾小明 (刘洋 is not: a walk-in). 王芳 phoned in leave for today.
fn build_db(dir: &Path) -> PathBuf {
    let (path, db) = two_schools(dir, "desk.db");
    let c = &db.conn;
    c.execute_batch(
        "INSERT INTO projects (id, code, title, level, plan, concentrated, credits, start_date, end_date)
           VALUES (1, 'P1', '骨干教师培训', 'district', 'continuing_education', 1, 24, '2026-03-01', '2026-11-30');
         INSERT INTO sessions (id, project_id, date, start_time, end_time, topic, closed_at) VALUES
           (1, 1, '2026-11-28', '08:30', '11:30', '大单元教学', NULL),
           (2, 1, '2026-03-01', '08:30', '11:30', '开班', NULL),
           (3, 1, '2026-11-27', '14:00', '17:00', '作业设计', '2026-11-27 17:30:00');",
    )
    .unwrap();
    insert_teachers(
        c,
        &[
            (1, "T0001", "张伟", 1),
            (2, "T0002", "李娜", 1),
            (3, "T0003", "王芳", 2),
            (4, "T0004", "刘洋", 2),
            (5, "T0005", "曾小明", 2),
        ],
    );
    c.execute_batch(
        "INSERT INTO enrolments (project_id, teacher_id, school_id, enrolled_at) VALUES
           (1, 1, 1, '2026-02-20'), (1, 2, 1, '2026-02-20'), (1, 3, 2, '2026-02-20'), (1, 5, 2, '2026-02-20');
         INSERT INTO marks (session_id, teacher_id, school_id, session_date, status, minutes_late, checked_in_at, recorded_at)
           VALUES (2, 1, 1, '2026-03-01', 'late', 12, '2026-03-01 08:42:00', '2026-03-01 08:42:00'),
                  (2, 2, 1, '2026-03-01', 'present', 0, '2026-03-01 08:20:00', '2026-03-01 08:20:00');
         INSERT INTO marks (session_id, teacher_id, school_id, session_date, status, reason, recorded_at)
           VALUES (1, 3, 2, '2026-11-28', 'excused', '病假', '2026-11-27 16:00:00');",
    )
    .unwrap();
    path
}

/// A desk line without the two-column gutter that carries the candidates' digits while a
/// name is typed ("1 王艳 …" → "王艳 …").
fn without_gutter(line: &str) -> &str {
    match line.as_bytes() {
        [d, b' ', ..] if d.is_ascii_digit() || *d == b' ' => &line[2..],
        _ => line,
    }
}

fn open(lang: Lang, now: &str) -> Ui {
    Ui::build(build_db, OpenMode::Existing, &dark(lang), at(now), (80, 24))
}

impl Ui {
    /// The Check-in tab on session `id`.
    fn desk(&mut self, id: i64) {
        self.app.update(Action::Open(Target::Session(id)));
        assert_eq!(self.app.active_tab(), TabId::CheckIn);
    }

    /// The line of the desk list that starts with `name`, without the digit gutter the
    /// candidates have while a name is typed.
    fn row(&mut self, name: &str) -> String {
        let text = self.text();
        text.lines()
            .map(without_gutter)
            .find(|l| l.starts_with(name))
            .unwrap_or_else(|| panic!("no row {name}:\n{text}"))
            .to_string()
    }

    fn status_of(&self, session: i64, teacher: i64) -> Option<String> {
        let db = Db::open(&self.path, OpenMode::ReadOnly).unwrap();
        db.conn
            .query_row(
                "SELECT status FROM marks WHERE session_id = ?1 AND teacher_id = ?2",
                [session, teacher],
                |r| r.get(0),
            )
            .ok()
    }

    fn toast(&self) -> String {
        self.app
            .toast
            .as_ref()
            .map(|t| t.text.clone())
            .unwrap_or_default()
    }
}
