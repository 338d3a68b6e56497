//! Bytes written to an 80×24 terminal for each letter typed at the desk (docs/rules.md §8: ≤ 1 KB),
//! on a district big enough to fill the screen: 400 teachers, 200 enrolled, 8 past sessions
//! (every strip full) and 20 already in today. Drawn through the app's CompactBackend.

use super::*;
use liaoyuan::tui::backend::CompactBackend;
use ratatui::layout::Rect;
use ratatui::{TerminalOptions, Viewport};
use std::cell::Cell;
use std::io::Write;
use std::rc::Rc;

struct Counter(Rc<Cell<usize>>);

impl Write for Counter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.set(self.0.get() + buf.len());
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

const SURNAMES: [&str; 10] = ["张", "王", "李", "赵", "刘", "陈", "杨", "黄", "周", "吴"];
const GIVEN: [&str; 20] = [
    "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明",
    "超", "秀英", "华", "平",
];

pub fn big_district(dir: &Path) -> PathBuf {
    let path = dir.join("big.db");
    let db = Db::open(&path, OpenMode::Create).unwrap();
    let c = &db.conn;
    c.execute_batch("BEGIN").unwrap();
    for s in 1..=20 {
        c.execute(
            "INSERT INTO schools (id, name, township, stage) VALUES (?1, ?2, '桂林街道', 'primary')",
            rusqlite::params![s, format!("第{s}实验小学")],
        )
        .unwrap();
    }
    c.execute_batch(
        "INSERT INTO projects (id, code, title, level, plan, concentrated, credits, start_date, end_date)
           VALUES (1, 'P1', '骨干教师培训', 'district', 'continuing_education', 1, 24, '2026-03-01', '2026-11-30');
         INSERT INTO sessions (id, project_id, date, start_time, end_time, topic) VALUES
           (1, 1, '2026-11-28', '08:30', '11:30', '大单元教学');",
    )
    .unwrap();
    for k in 0..8 {
        c.execute(
            "INSERT INTO sessions (id, project_id, date, start_time, end_time, topic)
             VALUES (?1, 1, ?2, '08:30', '11:30', '')",
            rusqlite::params![10 + k, format!("2026-0{}-01", k + 2)],
        )
        .unwrap();
    }
    let statuses = [
        "present",
        "late",
        "present",
        "excused",
        "present",
        "absent",
        "left_early",
    ];
    let mut id = 0;
    for twice in 0..2 {
        for sn in SURNAMES {
            for g in GIVEN {
                id += 1;
                let name = if twice == 0 {
                    format!("{sn}{g}")
                } else {
                    format!("{sn}小{g}")
                };
                let school = id % 20 + 1;
                insert_teachers(c, &[(id, &format!("T{id:04}"), &name, school)]);
                if id % 2 == 0 {
                    continue;
                }
                c.execute(
                    "INSERT INTO enrolments (project_id, teacher_id, school_id, enrolled_at)
                     VALUES (1, ?1, ?2, '2026-02-20')",
                    rusqlite::params![id, school],
                )
                .unwrap();
                for k in 0..8 {
                    let st = statuses[(id as usize + k) % statuses.len()];
                    c.execute(
                        "INSERT INTO marks (session_id, teacher_id, school_id, session_date, status, reason, recorded_at)
                         VALUES (?1, ?2, ?3, ?4, ?5, '病假', ?4)",
                        rusqlite::params![10 + k as i64, id, school, format!("2026-0{}-01", k + 2), st],
                    )
                    .unwrap();
                }
                if id < 40 {
                    let t = format!("2026-11-28 08:{:02}:00", id);
                    c.execute(
                        "INSERT INTO marks (session_id, teacher_id, school_id, session_date, status, checked_in_at, recorded_at)
                         VALUES (1, ?1, ?2, '2026-11-28', 'present', ?3, ?3)",
                        rusqlite::params![id, school, t],
                    )
                    .unwrap();
                }
            }
        }
    }
    c.execute_batch("COMMIT").unwrap();
    path
}

/// Bytes per letter of `query` typed after choosing today's session.
fn bytes_per_letter(lang: Lang, query: &str) -> Vec<usize> {
    let dir = tempfile::tempdir().unwrap();
    let path = big_district(dir.path());
    let db = Db::open(&path, OpenMode::Existing).unwrap();
    let mut app = App::new(db, &dark(lang), at("2026-11-28 08:40")).unwrap();
    let count = Rc::new(Cell::new(0));
    let viewport = Viewport::Fixed(Rect::new(0, 0, 80, 24));
    let mut term = Terminal::with_options(
        CompactBackend::new(Counter(count.clone())),
        TerminalOptions { viewport },
    )
    .unwrap();
    let key = |c: KeyCode| KeyEvent::new(c, KeyModifiers::NONE);
    app.handle_key(key(KeyCode::Char('3')));
    term.draw(|f| app.draw(f)).unwrap();
    app.handle_key(key(KeyCode::Enter));
    term.draw(|f| app.draw(f)).unwrap();
    let mut out = Vec::new();
    for c in query.chars() {
        count.set(0);
        app.handle_key(key(KeyCode::Char(c)));
        term.draw(|f| app.draw(f)).unwrap();
        out.push(count.get());
    }
    out
}

#[test]
fn typing_a_name_writes_under_a_kilobyte_per_letter() {
    for (lang, query) in [
        (Lang::Zh, "zhangw"),
        (Lang::En, "zhangw"),
        (Lang::Zh, "lxj"),
    ] {
        let per = bytes_per_letter(lang, query);
        eprintln!("{lang:?} {query}: {per:?}");
        assert!(per.iter().all(|&b| b <= 1024), "{lang:?} {query}: {per:?}");
    }
}
