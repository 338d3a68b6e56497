//! The district and the rendering helpers shared by the TUI shell tests.

use crate::common::district::two_schools;
pub use crate::common::tui::dark;
pub use crate::common::tui::Ui;
use liaoyuan::search::keys::pinyin_keys;
use liaoyuan::store::OpenMode;
use liaoyuan::tui::i18n::Lang;
use ratatui::style::Color;
use std::path::{Path, PathBuf};

pub fn now() -> chrono::NaiveDateTime {
    crate::common::district::at("2026-11-28 09:10")
}

/// A district: two schools, four teachers (two named 张伟), one project with three sessions,
/// a late mark (veto) for 张伟 of 实验小学, credits, an overdue follow-up.
pub fn build_db(dir: &Path) -> PathBuf {
    let (path, db) = two_schools(dir, "district.db");
    let c = &db.conn;
    c.execute_batch(
        "INSERT INTO projects (id, code, title, level, plan, concentrated, credits, start_date, end_date)
           VALUES (1, 'P1', '骨干教师培训', 'district', 'continuing_education', 1, 24, '2026-03-01', '2026-11-28');
         INSERT INTO sessions (id, project_id, date, start_time, end_time, topic) VALUES
           (1, 1, '2026-03-01', '08:30', '11:30', '开班'),
           (2, 1, '2026-11-28', '08:30', '11:30', '大单元教学'),
           (3, 1, '2026-11-27', '14:00', '17:00', '作业设计'),
           (4, 1, '2026-11-30', '08:30', '11:30', '课堂观察');",
    )
    .unwrap();
    let teachers = [
        (1, "T0001", "张伟", 1, "数学", "13800005678", "backbone"),
        (2, "T0002", "张伟", 2, "物理", "13900001111", "qualified"),
        (3, "T0003", "李娜", 1, "语文", "13700002222", "rising"),
        (4, "T0004", "曾小明", 2, "英语", "13600003333", "renowned"),
    ];
    for (id, staff, name, school, subject, phone, tier) in teachers {
        let (py, ini) = pinyin_keys(name);
        c.execute(
            "INSERT INTO teachers (id, staff_no, name, school_id, subject, phone, tier, pinyin, initials)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            rusqlite::params![id, staff, name, school, subject, phone, tier, py, ini],
        )
        .unwrap();
    }
    c.execute_batch(
        "INSERT INTO enrolments (project_id, teacher_id, school_id, enrolled_at) VALUES
           (1, 1, 1, '2026-02-20'), (1, 3, 1, '2026-02-20');
         INSERT INTO marks (session_id, teacher_id, school_id, session_date, status, minutes_late, checked_in_at, recorded_at)
           VALUES (1, 1, 1, '2026-03-01', 'late', 12, '2026-03-01 08:47:00', '2026-03-01 08:47:00'),
                  (1, 3, 1, '2026-03-01', 'present', 0, '2026-03-01 08:20:00', '2026-03-01 08:20:00');
         INSERT INTO credit_entries (teacher_id, project_id, credits, concentrated, earned_on, source)
           VALUES (1, 1, 24, 1, '2026-03-02', 'project');
         INSERT INTO tier_history (teacher_id, tier, since) VALUES (1, 'qualified', '2020-09-01'), (1, 'backbone', '2024-03-01');
         INSERT INTO follow_ups (project_id, teacher_id, kind, due_date) VALUES (1, 1, 'transplant_lesson', '2026-05-01');",
    )
    .unwrap();
    path
}

pub fn open(lang: Lang, mode: OpenMode, w: u16, h: u16) -> Ui {
    Ui::build(build_db, mode, &dark(lang), now(), (w, h))
}

impl Ui {
    pub fn line(&mut self, y: usize) -> String {
        self.text().lines().nth(y).unwrap_or("").to_string()
    }

    /// Cells that break ratatui's "a double-width cell is followed by a blank cell" rule
    /// (a window's border drawn over the right half of a CJK character): "(x, y) 日│".
    /// Checks the frame drawn, not the TestBackend (which does not blank a wide character's
    /// second cell the way a terminal does).
    pub fn broken_wide_cells(&mut self) -> Vec<String> {
        let b = self.term.draw(|f| self.app.draw(f)).unwrap().buffer.clone();
        let mut out = Vec::new();
        for y in 0..b.area.height {
            for x in 0..b.area.width.saturating_sub(1) {
                let sym = b[(x, y)].symbol();
                let next = b[(x + 1, y)].symbol();
                if unicode_width::UnicodeWidthStr::width(sym) > 1 && next != " " {
                    out.push(format!("({x}, {y}) {sym}{next}"));
                }
            }
        }
        out
    }

    /// The foreground colour of the first cell showing `sym` on row `y`.
    pub fn fg_at(&mut self, y: u16, sym: &str) -> Option<Color> {
        self.term.draw(|f| self.app.draw(f)).unwrap();
        let b = self.term.backend().buffer();
        (0..b.area.width)
            .map(|x| &b[(x, y)])
            .find(|c| c.symbol() == sym)
            .map(|c| c.fg)
    }
}
