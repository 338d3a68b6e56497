//! The Check-in desk and the Vetoes tab rendered into TestBackend at 80×24, in Chinese and
//! English, on a small district built here. Driven through the App's public API; assertions
//! read the text a user would read (and the marks the desk wrote).

use chrono::NaiveDateTime;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use liaoyuan::search::keys::pinyin_keys;
use liaoyuan::store::{Db, OpenMode};
use liaoyuan::tui::action::{Action, Target};
use liaoyuan::tui::i18n::Lang;
use liaoyuan::tui::screens::TabId;
use liaoyuan::tui::{App, Options};
use ratatui::backend::TestBackend;
use ratatui::Terminal;
use std::path::{Path, PathBuf};

fn at(s: &str) -> NaiveDateTime {
    liaoyuan::domain::parse_datetime(s).unwrap()
}

/// Two schools, five teachers; project P1 with today's session 1 (08:30–11:30), a March
/// session 2 where 张伟 was late (a 2026 veto), and a closed session 3 yesterday.
/// Enrolled: 张伟, 李娜, 王芳, 曾小明 (刘洋 is not: a walk-in). 王芳 phoned in leave for today.
fn build_db(dir: &Path) -> PathBuf {
    let path = dir.join("desk.db");
    let db = Db::open(&path, OpenMode::Create).unwrap();
    let c = &db.conn;
    c.execute_batch(
        "INSERT INTO schools (id, name, township, stage) VALUES
           (1, '实验小学', '桂林街道', 'primary'), (2, '柏梓中学', '柏梓镇', 'junior');
         INSERT INTO projects (id, code, title, level, plan, concentrated, credits, start_date, end_date)
           VALUES (1, 'P1', '骨干教师培训', 'district', 'continuing_education', 1, 24, '2026-03-01', '2026-11-30');
         INSERT INTO sessions (id, project_id, date, start_time, end_time, topic, closed_at) VALUES
           (1, 1, '2026-11-28', '08:30', '11:30', '大单元教学', NULL),
           (2, 1, '2026-03-01', '08:30', '11:30', '开班', NULL),
           (3, 1, '2026-11-27', '14:00', '17:00', '作业设计', '2026-11-27 17:30:00');",
    )
    .unwrap();
    let teachers = [
        (1, "T0001", "张伟", 1),
        (2, "T0002", "李娜", 1),
        (3, "T0003", "王芳", 2),
        (4, "T0004", "刘洋", 2),
        (5, "T0005", "曾小明", 2),
    ];
    for (id, staff, name, school) in teachers {
        let (py, ini) = pinyin_keys(name);
        c.execute(
            "INSERT INTO teachers (id, staff_no, name, school_id, pinyin, initials)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            rusqlite::params![id, staff, name, school, py, ini],
        )
        .unwrap();
    }
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

struct Ui {
    app: App,
    term: Terminal<TestBackend>,
    path: PathBuf,
    _dir: tempfile::TempDir,
}

fn open(lang: Lang, now: &str) -> Ui {
    let dir = tempfile::tempdir().unwrap();
    let path = build_db(dir.path());
    let db = Db::open(&path, OpenMode::Existing).unwrap();
    let opts = Options {
        lang,
        theme: Some("dark".into()),
        no_color: false,
    };
    let app = App::new(db, &opts, at(now)).unwrap();
    let term = Terminal::new(TestBackend::new(80, 24)).unwrap();
    Ui {
        app,
        term,
        path,
        _dir: dir,
    }
}

impl Ui {
    fn text(&mut self) -> String {
        self.term.draw(|f| self.app.draw(f)).unwrap();
        let b = self.term.backend().buffer();
        let mut s = String::new();
        for y in 0..b.area.height {
            let mut skip = 0;
            for x in 0..b.area.width {
                if skip > 0 {
                    skip -= 1;
                    continue;
                }
                let sym = b[(x, y)].symbol();
                s.push_str(sym);
                skip = unicode_width::UnicodeWidthStr::width(sym).saturating_sub(1);
            }
            s.push('\n');
        }
        s
    }

    fn key(&mut self, code: KeyCode) {
        self.app.handle_key(KeyEvent::new(code, KeyModifiers::NONE));
    }

    fn ctrl(&mut self, c: char) {
        self.app
            .handle_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL));
    }

    fn typed(&mut self, s: &str) {
        for c in s.chars() {
            self.key(KeyCode::Char(c));
        }
    }

    /// The Check-in tab on session `id`.
    fn desk(&mut self, id: i64) {
        self.app.update(Action::Open(Target::Session(id)));
        assert_eq!(self.app.active_tab(), TabId::CheckIn);
    }

    /// The line of the desk list that starts with `name`.
    fn row(&mut self, name: &str) -> String {
        let text = self.text();
        text.lines()
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

#[test]
fn picker_lists_todays_session_first_and_enter_chooses_it() {
    let mut ui = open(Lang::Zh, "2026-11-28 08:20");
    ui.typed("3");
    let text = ui.text();
    assert!(text.contains("选择场次"), "{text}");
    let first = text.lines().nth(2).unwrap_or("");
    assert!(
        first.contains("2026-11-28") && first.contains("今天"),
        "{text}"
    );
    assert!(text.contains("［已关闭］"), "{text}");
    ui.key(KeyCode::Enter);
    let text = ui.text();
    assert!(text.contains("已签到 0 / 4，迟到 0"), "{text}");
    assert!(text.contains("大单元教学"), "{text}");
}

#[test]
fn initials_and_enter_mark_present_and_clear_the_box() {
    let mut ui = open(Lang::Zh, "2026-11-28 08:32");
    ui.desk(1);
    ui.typed("ln");
    let text = ui.text();
    assert!(text.contains("> ln"), "{text}");
    assert!(text.contains("▶ 李娜 实验小学"), "{text}");
    ui.key(KeyCode::Enter);
    let text = ui.text();
    assert!(text.contains("已签到 1 / 4，迟到 0"), "{text}");
    assert!(ui.row("李娜").contains("出勤 08:32"), "{text}");
    assert!(
        ui.toast().contains("李娜（实验小学） 出勤"),
        "{}",
        ui.toast()
    );
    assert!(!text.contains("> ln"), "the box is cleared: {text}");
    assert_eq!(ui.status_of(1, 2).as_deref(), Some("present"));
}

#[test]
fn after_the_grace_enter_marks_late_with_minutes() {
    let mut ui = open(Lang::Zh, "2026-11-28 08:20");
    ui.desk(1);
    ui.app.set_now(at("2026-11-28 08:47"));
    ui.typed("zw");
    ui.key(KeyCode::Enter);
    let text = ui.text();
    assert!(text.contains("已签到 1 / 4，迟到 1"), "{text}");
    assert!(ui.row("张伟").contains("迟到 17 分钟"), "{text}");
    assert_eq!(ui.status_of(1, 1).as_deref(), Some("late"));
}

#[test]
fn a_second_enter_says_already_in_and_writes_nothing() {
    let mut ui = open(Lang::En, "2026-11-28 08:34");
    ui.desk(1);
    ui.typed("ln");
    ui.key(KeyCode::Enter);
    ui.typed("ln");
    let text = ui.text();
    assert!(text.contains("already in at 08:34"), "{text}");
    ui.app.set_now(at("2026-11-28 09:30"));
    ui.key(KeyCode::Enter);
    assert!(ui.toast().contains("already in at 08:34"), "{}", ui.toast());
    let text = ui.text();
    assert!(text.contains("Checked in 1 / 4, late 0"), "{text}");
    assert_eq!(ui.status_of(1, 2).as_deref(), Some("present"));
}

#[test]
fn undo_restores_the_state_before_the_mark() {
    let mut ui = open(Lang::Zh, "2026-11-28 08:32");
    ui.desk(1);
    ui.typed("ln");
    ui.key(KeyCode::Enter);
    assert!(ui.text().contains("已签到 1 / 4"));
    ui.ctrl('z');
    let text = ui.text();
    assert!(text.contains("已签到 0 / 4"), "{text}");
    assert_eq!(ui.status_of(1, 2), None);
    assert!(ui.toast().contains("已撤销"), "{}", ui.toast());
    // Nothing more to undo at this desk.
    ui.ctrl('z');
    assert!(ui.toast().contains("没有可撤销"), "{}", ui.toast());
}

#[test]
fn preregistered_leave_stays_excused() {
    let mut ui = open(Lang::Zh, "2026-11-28 08:32");
    ui.desk(1);
    ui.typed("wf");
    ui.key(KeyCode::Enter);
    assert!(ui.toast().contains("保持 请假"), "{}", ui.toast());
    assert_eq!(ui.status_of(1, 3).as_deref(), Some("excused"));
}

#[test]
fn excused_asks_a_reason_then_marks() {
    let mut ui = open(Lang::Zh, "2026-11-28 08:32");
    ui.desk(1);
    ui.typed("zxm");
    ui.key(KeyCode::F(5));
    assert!(ui.app.has_overlay());
    let text = ui.text();
    assert!(text.contains("请假事由"), "{text}");
    ui.key(KeyCode::Enter); // empty: refused, still asking
    assert!(ui.app.has_overlay());
    ui.typed("事假");
    ui.key(KeyCode::Enter);
    assert!(!ui.app.has_overlay());
    assert_eq!(ui.status_of(1, 5).as_deref(), Some("excused"));
    assert!(ui.row("曾小明").contains("请假"));
}

#[test]
fn late_to_present_lifts_a_veto_and_asks_why() {
    let mut ui = open(Lang::Zh, "2026-11-28 08:50");
    ui.desk(1);
    ui.typed("zw");
    ui.key(KeyCode::Enter); // late
    assert_eq!(ui.status_of(1, 1).as_deref(), Some("late"));
    ui.key(KeyCode::Esc); // leave the empty box: single letters act on the row
    ui.key(KeyCode::Char('j')); // stay within the list
    ui.key(KeyCode::Char('g'));
    ui.key(KeyCode::Char('p'));
    let text = ui.text();
    assert!(text.contains("一票否决"), "{text}");
    ui.typed("路上堵车，已核实");
    ui.key(KeyCode::Enter);
    assert_eq!(ui.status_of(1, 1).as_deref(), Some("present"));
}

#[test]
fn left_early_asks_the_check_out_time() {
    let mut ui = open(Lang::En, "2026-11-28 08:30");
    ui.desk(1);
    ui.typed("ln");
    ui.key(KeyCode::Enter);
    ui.app.set_now(at("2026-11-28 10:00"));
    ui.typed("ln");
    ui.key(KeyCode::F(3));
    let text = ui.text();
    assert!(text.contains("left at (HH:MM)"), "{text}");
    assert!(text.contains("> 10:00"), "{text}");
    ui.key(KeyCode::Enter);
    assert_eq!(ui.status_of(1, 2).as_deref(), Some("left_early"));
    assert!(
        ui.row("李娜").contains("Left early 90 min"),
        "{}",
        ui.text()
    );
}

#[test]
fn at_a_closed_session_a_new_check_out_time_keeping_the_status_asks_the_reason_first() {
    let mut ui = open(Lang::En, "2026-11-28 08:30");
    ui.desk(1);
    ui.typed("ln");
    ui.key(KeyCode::Enter);
    ui.app.set_now(at("2026-11-28 10:00"));
    ui.typed("ln");
    ui.key(KeyCode::F(3));
    ui.key(KeyCode::Enter); // left early at 10:00
    ui.key(KeyCode::F(8));
    ui.key(KeyCode::Char('y')); // closed
    assert_eq!(ui.status_of(1, 2).as_deref(), Some("left_early"));
    // Still left early, at another time: the locked session asks why before writing.
    ui.typed("ln");
    ui.key(KeyCode::F(3));
    ui.key(KeyCode::Backspace);
    ui.key(KeyCode::Backspace);
    ui.typed("30");
    ui.key(KeyCode::Enter);
    assert!(ui.app.has_overlay(), "a reason is asked: {}", ui.text());
    ui.typed("sheet says 10:30");
    ui.key(KeyCode::Enter);
    assert!(
        ui.row("李娜").contains("Left early 60 min"),
        "{}",
        ui.text()
    );
}

#[test]
fn a_walk_in_is_enrolled_on_the_spot_after_a_confirm() {
    let mut ui = open(Lang::Zh, "2026-11-28 08:32");
    ui.desk(1);
    ui.typed("ly");
    let text = ui.text();
    assert!(text.contains("未报名"), "{text}");
    ui.key(KeyCode::Enter);
    assert!(ui.text().contains("现场报名并签到"), "{}", ui.text());
    ui.key(KeyCode::Char('y'));
    let text = ui.text();
    assert!(text.contains("已签到 1 / 5"), "{text}");
    assert_eq!(ui.status_of(1, 4).as_deref(), Some("present"));
}

#[test]
fn undoing_a_walk_in_check_in_also_undoes_the_on_the_spot_enrolment() {
    let mut ui = open(Lang::Zh, "2026-11-28 08:32");
    ui.desk(1);
    ui.typed("ly");
    ui.key(KeyCode::Enter);
    ui.key(KeyCode::Char('y'));
    assert!(ui.text().contains("已签到 1 / 5"), "{}", ui.text());
    ui.ctrl('z');
    let text = ui.text();
    assert!(text.contains("已签到 0 / 4"), "{text}");
    assert_eq!(ui.status_of(1, 4), None);
    let db = Db::open(&ui.path, OpenMode::ReadOnly).unwrap();
    let enrolled: i64 = db
        .conn
        .query_row(
            "SELECT count(*) FROM enrolments WHERE teacher_id = 4",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(enrolled, 0, "the walk-in's enrolment went with the mark");
}

#[test]
fn close_session_reviews_counts_then_marks_the_rest_absent_and_locks() {
    let mut ui = open(Lang::Zh, "2026-11-28 08:32");
    ui.desk(1);
    ui.typed("ln");
    ui.key(KeyCode::Enter);
    ui.key(KeyCode::F(8));
    let text = ui.text();
    assert!(text.contains("关闭场次：核对"), "{text}");
    let unmarked = text
        .lines()
        .find(|l| l.contains("未签到 → 记为旷课"))
        .unwrap();
    let figure = |l: &str| l.split('│').nth(1).unwrap_or("").trim().to_string();
    assert!(figure(unmarked).ends_with('2'), "{text}");
    let excused = text.lines().find(|l| l.contains("│请假")).unwrap();
    assert!(figure(excused).ends_with('1'), "{text}");
    ui.key(KeyCode::Char('y'));
    let text = ui.text();
    assert!(text.contains("［已关闭］"), "{text}");
    assert_eq!(ui.status_of(1, 1).as_deref(), Some("absent"));
    assert_eq!(ui.status_of(1, 3).as_deref(), Some("excused"));
    // A locked session: a change asks for a reason.
    ui.typed("zw");
    ui.key(KeyCode::F(6));
    assert!(ui.text().contains("原因"), "{}", ui.text());
    ui.key(KeyCode::Esc); // cancelled
    assert_eq!(ui.status_of(1, 1).as_deref(), Some("absent"));
    // Reopening asks for a reason too, and unlocks the session.
    ui.key(KeyCode::F(9));
    assert!(ui.text().contains("重新开放场次的原因"), "{}", ui.text());
    ui.typed("误关闭");
    ui.key(KeyCode::Enter);
    assert!(!ui.text().contains("［已关闭］"), "{}", ui.text());
}

#[test]
fn the_close_review_of_a_session_not_started_says_so_and_offers_no_close() {
    let mut ui = open(Lang::Zh, "2026-11-28 08:00");
    ui.desk(1);
    ui.key(KeyCode::F(8));
    let text = ui.text();
    assert!(text.contains("关闭场次：核对"), "{text}");
    assert!(text.contains("08:30 开始后才能关闭"), "{text}");
    assert!(!text.contains("y 关闭并锁定"), "{text}");
    ui.key(KeyCode::Char('y'));
    let text = ui.text();
    assert!(!text.contains("［已关闭］"), "{text}");
    assert!(text.contains("关闭场次：核对"), "y does nothing: {text}");
    assert!(ui.toast().is_empty(), "{}", ui.toast());
    ui.key(KeyCode::Esc);
    assert!(!ui.text().contains("关闭场次：核对"), "{}", ui.text());
    assert_eq!(ui.status_of(1, 1), None, "nobody marked absent");
}

#[test]
fn reload_keeps_session_cursor_and_search_text() {
    let mut ui = open(Lang::Zh, "2026-11-28 08:32");
    ui.desk(1);
    ui.typed("z");
    ui.app.update(Action::Reload);
    let text = ui.text();
    assert!(text.contains("> z"), "{text}");
    assert!(text.contains("大单元教学"), "{text}");
}

#[test]
fn vetoes_tab_lists_the_vetoed_teacher_under_the_school_with_evidence() {
    let mut ui = open(Lang::Zh, "2026-11-28 09:00");
    ui.typed("7");
    assert_eq!(ui.app.active_tab(), TabId::Vetoes);
    let text = ui.text();
    assert!(text.contains("2026年一票否决：1 人"), "{text}");
    let lines: Vec<&str> = text.lines().collect();
    let school = lines
        .iter()
        .position(|l| l.starts_with("实验小学"))
        .unwrap();
    assert!(lines[school + 1].contains("张伟 T0001"), "{text}");
    let ev = lines[school + 2];
    assert!(
        ev.contains("2026-03-01") && ev.contains("P1 骨干教师培训"),
        "{text}"
    );
    assert!(ev.contains("迟到 12 分钟"), "{text}");
    assert!(!text.contains("李娜"), "{text}");
    // The previous year has none.
    ui.typed("[");
    assert!(ui.text().contains("2025年没有一票否决"), "{}", ui.text());
    ui.typed("]");
    // The filter.
    ui.typed("/ln");
    assert!(ui.text().contains("（无记录）"), "{}", ui.text());
    ui.key(KeyCode::Esc);
    assert!(ui.text().contains("张伟 T0001"));
}

#[test]
fn lifting_a_veto_from_the_vetoes_tab_asks_a_reason_and_is_in_the_history() {
    let mut ui = open(Lang::En, "2026-11-28 09:00");
    ui.typed("7");
    ui.key(KeyCode::Down); // the evidence row
    ui.key(KeyCode::Enter); // the status picker, on Late
    let text = ui.text();
    assert!(text.contains("Change the mark"), "{text}");
    ui.key(KeyCode::Up); // Present
    ui.key(KeyCode::Enter);
    assert!(ui.app.has_overlay(), "a reason is asked");
    assert!(ui.text().contains("lifts a veto"), "{}", ui.text());
    ui.key(KeyCode::Esc); // cancelled: nothing changes
    assert_eq!(ui.status_of(2, 1).as_deref(), Some("late"));
    ui.key(KeyCode::Enter);
    ui.key(KeyCode::Up);
    ui.key(KeyCode::Enter);
    ui.typed("traffic jam, confirmed by the school");
    ui.key(KeyCode::Enter);
    assert_eq!(ui.status_of(2, 1).as_deref(), Some("present"));
    let text = ui.text();
    assert!(text.contains("No vetoes in 2026"), "{text}");
    // The audit log has the reason and the actor.
    let db = Db::open(&ui.path, OpenMode::ReadOnly).unwrap();
    let rows = liaoyuan::store::audit::history(&db.conn, "mark", 1).unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].reason, "traffic jam, confirmed by the school");
}

#[test]
fn vetoes_tab_at_a_closed_session_asks_a_reason_even_for_the_same_status() {
    let mut ui = open(Lang::En, "2026-11-28 09:00");
    {
        let db = Db::open(&ui.path, OpenMode::Existing).unwrap();
        db.conn
            .execute(
                "UPDATE sessions SET closed_at = '2026-03-01 12:00:00' WHERE id = 2",
                [],
            )
            .unwrap();
    }
    ui.typed("7");
    ui.key(KeyCode::Down); // the evidence row: 张伟 late at session 2
    ui.key(KeyCode::Enter); // the status picker, on Late
    ui.key(KeyCode::Enter); // Late again
    assert!(ui.app.has_overlay(), "a reason is asked: {}", ui.text());
    ui.typed("checked against the paper sheet");
    ui.key(KeyCode::Enter);
    assert_eq!(ui.status_of(2, 1).as_deref(), Some("late"));
    let db = Db::open(&ui.path, OpenMode::ReadOnly).unwrap();
    let rows = liaoyuan::store::audit::history(&db.conn, "mark", 1).unwrap();
    assert_eq!(rows.len(), 1, "{}", ui.toast());
    assert_eq!(rows[0].reason, "checked against the paper sheet");
}

#[test]
fn h_shows_the_audit_history_of_a_mark() {
    let mut ui = open(Lang::Zh, "2026-11-28 09:00");
    // A correction that keeps the veto (late → absent) needs no reason and is audited.
    ui.typed("7");
    ui.key(KeyCode::Down);
    ui.key(KeyCode::Enter);
    ui.key(KeyCode::Down); // left early
    ui.key(KeyCode::Down); // absent
    ui.key(KeyCode::Enter);
    assert!(!ui.app.has_overlay());
    assert_eq!(ui.status_of(2, 1).as_deref(), Some("absent"));
    ui.typed("h");
    let text = ui.text();
    assert!(text.contains("修改记录"), "{text}");
    assert!(text.contains("update 迟到 → 旷课"), "{text}");
    ui.key(KeyCode::Esc);
    assert!(!ui.text().contains("修改记录"));
}

#[test]
fn two_desks_marking_the_same_teacher_end_with_one_mark() {
    let mut a = open(Lang::Zh, "2026-11-28 08:32");
    let db = Db::open(&a.path, OpenMode::Existing).unwrap();
    let opts = Options {
        lang: Lang::Zh,
        theme: Some("dark".into()),
        no_color: false,
    };
    let mut b = Ui {
        app: App::new(db, &opts, at("2026-11-28 08:33")).unwrap(),
        term: Terminal::new(TestBackend::new(80, 24)).unwrap(),
        path: a.path.clone(),
        _dir: tempfile::tempdir().unwrap(),
    };
    a.desk(1);
    b.desk(1);
    a.typed("ln");
    b.typed("ln");
    a.key(KeyCode::Enter);
    // Desk B has not reloaded yet: its Enter finds the mark desk A wrote.
    b.key(KeyCode::Enter);
    assert!(b.toast().contains("已于 08:32 签到"), "{}", b.toast());
    let db = Db::open(&a.path, OpenMode::ReadOnly).unwrap();
    let n: i64 = db
        .conn
        .query_row(
            "SELECT count(*) FROM marks WHERE session_id = 1 AND teacher_id = 2",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(n, 1);
    // B's undo stack is empty: it wrote nothing.
    b.ctrl('z');
    assert!(b.toast().contains("没有可撤销"), "{}", b.toast());
    // A reload on B (another process committed) shows A's mark, keeping B's query.
    b.typed("l");
    b.app.check_external_changes();
    let text = b.text();
    assert!(text.contains("已签到 1 / 4"), "{text}");
    assert!(text.contains("> l"), "{text}");
}

#[test]
fn reload_keeps_the_highlighted_teacher_and_the_mouse_selects_rows() {
    let mut ui = open(Lang::En, "2026-11-28 08:32");
    ui.desk(1);
    ui.key(KeyCode::Esc); // leave the empty box: the list has the keys
    ui.key(KeyCode::Char('j'));
    ui.key(KeyCode::Char('j'));
    let before = ui.text();
    let picked = before
        .lines()
        .find(|l| l.starts_with("▶ "))
        .unwrap()
        .to_string();
    ui.app.update(Action::Reload);
    let after = ui.text();
    assert!(after.contains(&picked), "{after}");
    // A click on the first teacher row highlights it.
    let y = after.lines().position(|l| l.starts_with("张伟")).unwrap() as u16;
    ui.app.handle_event(crossterm::event::Event::Mouse(
        crossterm::event::MouseEvent {
            kind: crossterm::event::MouseEventKind::Down(crossterm::event::MouseButton::Left),
            column: 3,
            row: y,
            modifiers: KeyModifiers::NONE,
        },
    ));
    assert!(ui.text().contains("▶ 张伟 实验小学"), "{}", ui.text());
    // `l` in the list marks the highlighted teacher late.
    ui.key(KeyCode::Char('l'));
    assert_eq!(ui.status_of(1, 1).as_deref(), Some("late"));
}
