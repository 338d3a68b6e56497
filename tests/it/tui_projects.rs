//! The Projects tab rendered into TestBackend at 80×24, in Chinese and English, on a small
//! district built here. Driven through the App's public API; assertions read the text a
//! user would read and the rows the tab wrote.

use crate::common;
#[path = "tui_projects/written.rs"]
mod written;

use common::district::{at, insert_teachers, two_schools};
use common::tui::{dark, Ui};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use liaoyuan::store::{Db, OpenMode};
use liaoyuan::tui::i18n::Lang;
use liaoyuan::tui::screens::TabId;
use std::path::{Path, PathBuf};

const NOW: &str = "2026-11-28 09:10";

/// Two schools, six teachers, one trainer. Projects: P1 (district, running, three sessions,
/// 张伟 late and 王芳 absent at session 1), N1 (national, ended), P2 (school, upcoming, no
/// sessions). Enrolled in P1: 张伟, 李娜, 王芳. P1's session 3 is closed and unmarked.
fn build_db(dir: &Path) -> PathBuf {
    let (path, db) = two_schools(dir, "projects.db");
    let c = &db.conn;
    c.execute_batch(
        "INSERT INTO projects (id, code, title, level, plan, concentrated, credits, start_date, end_date, capacity)
           VALUES (1, 'P1', '骨干教师培训', 'district', 'continuing_education', 1, 24, '2026-11-02', '2026-11-30', 50),
                  (2, 'N1', '国培示范项目', 'national', 'starlight', 1, 30, '2026-07-01', '2026-07-05', NULL),
                  (3, 'P2', '新教师入职培训', 'school', 'continuing_education', 0, 6, '2026-12-01', '2026-12-03', 40);
         INSERT INTO sessions (id, project_id, date, start_time, end_time, topic) VALUES
           (1, 1, '2026-11-02', '08:30', '11:30', '开班'),
           (2, 1, '2026-11-02', '14:00', '17:00', '大单元教学'),
           (3, 1, '2026-11-03', '08:30', '11:30', '作业设计');
         UPDATE sessions SET closed_at = '2026-11-03 12:00:00', closed_by = 'desk' WHERE id = 3;
         INSERT INTO trainers (id, name, affiliation, status) VALUES (1, '陈思远', '进修学校', 'certified');",
    )
    .unwrap();
    insert_teachers(
        c,
        &[
            (1, "T0001", "张伟", 1),
            (2, "T0002", "李娜", 1),
            (3, "T0003", "王芳", 2),
            (4, "T0004", "刘洋", 2),
            (5, "T0005", "赵敏", 2),
            (6, "T0006", "曾小明", 1),
        ],
    );
    c.execute_batch(
        "INSERT INTO enrolments (project_id, teacher_id, school_id, enrolled_at) VALUES
           (1, 1, 1, '2026-10-20'), (1, 2, 1, '2026-10-20'), (1, 3, 2, '2026-10-20');
         INSERT INTO marks (session_id, teacher_id, school_id, session_date, status, minutes_late, reason, recorded_at)
           VALUES (1, 1, 1, '2026-11-02', 'late', 12, '', '2026-11-02 08:42:00'),
                  (1, 2, 1, '2026-11-02', 'present', 0, '', '2026-11-02 08:20:00'),
                  (1, 3, 2, '2026-11-02', 'absent', 0, '', '2026-11-02 12:00:00'),
                  (2, 1, 1, '2026-11-02', 'present', 0, '', '2026-11-02 13:55:00'),
                  (2, 2, 1, '2026-11-02', 'excused', 0, '病假', '2026-11-02 13:00:00');",
    )
    .unwrap();
    path
}

fn open(lang: Lang) -> Ui {
    // The App stamps its writes with its own clock: ops read none.
    let mut ui = Ui::build(build_db, OpenMode::Existing, &dark(lang), at(NOW), (80, 24));
    ui.typed("2");
    assert_eq!(ui.app.active_tab(), TabId::Projects);
    ui
}

impl Ui {
    /// The rows of the list that start with a project code.
    fn rows_with(&mut self, code: &str) -> usize {
        self.text().lines().filter(|l| l.starts_with(code)).count()
    }
}

#[test]
fn list_shows_projects_with_levels_plans_status_and_enrolment() {
    let mut ui = open(Lang::Zh);
    let text = ui.text();
    let p1 = text.lines().find(|l| l.starts_with("P1 ")).expect(&text);
    assert!(p1.contains("骨干教师培训") && p1.contains("区培"), "{p1}");
    assert!(p1.contains("进行中") && p1.contains("3/50"), "{p1}");
    assert!(p1.contains("2026-11-02~11-30"), "{p1}");
    let n1 = text.lines().find(|l| l.starts_with("N1 ")).expect(&text);
    assert!(n1.contains("国培") && n1.contains("已结束"), "{n1}");
    let p2 = text.lines().find(|l| l.starts_with("P2 ")).expect(&text);
    assert!(
        p2.contains("校培") && p2.contains("未开始") && p2.contains("0/40"),
        "{p2}"
    );
    assert!(text.contains("级别 全部 [l]"), "{text}");
    assert!(text.contains("3/3 个项目"), "{text}");
    // Every line fits in 80 columns.
    for l in text.lines() {
        assert!(unicode_width::UnicodeWidthStr::width(l) <= 80, "{l}");
    }
}

#[test]
fn level_filter_narrows_and_search_finds_by_title_pinyin() {
    let mut ui = open(Lang::Zh);
    ui.typed("l"); // 国培 (the first level)
    let text = ui.text();
    assert!(text.contains("级别 国培"), "{text}");
    assert_eq!(ui.rows_with("N1 "), 1, "{text}");
    assert_eq!(ui.rows_with("P1 "), 0, "{text}");
    ui.typed("x"); // clear the filters
    assert_eq!(ui.rows_with("P1 "), 1);
    ui.typed("s"); // 未开始
    let text = ui.text();
    assert!(text.contains("状态 未开始"), "{text}");
    assert_eq!(ui.rows_with("P2 "), 1, "{text}");
    assert_eq!(ui.rows_with("P1 "), 0, "{text}");
    ui.typed("x");
    // Pinyin initials of the title: 骨干教师培训 → ggjspx.
    ui.typed("/ggjs");
    let text = ui.text();
    assert_eq!(ui.rows_with("P1 "), 1, "{text}");
    assert_eq!(ui.rows_with("N1 "), 0, "{text}");
}

#[test]
fn create_a_project_through_the_form() {
    let mut ui = open(Lang::Zh);
    ui.typed("n");
    assert!(ui.text().contains("新建项目"));
    ui.typed("Q9");
    ui.key(KeyCode::Tab);
    ui.typed("班主任能力提升");
    ui.key(KeyCode::Tab);
    ui.key(KeyCode::Right); // level: district → school
                            // Unsaved input: quitting asks first.
    ui.app.update(liaoyuan::tui::action::Action::Quit);
    assert!(ui.app.has_overlay() && !ui.app.should_quit());
    ui.key(KeyCode::Char('n'));
    // Plan, concentrated, veto scope, credits.
    for _ in 0..4 {
        ui.key(KeyCode::Tab);
    }
    ui.app
        .handle_key(KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL));
    ui.typed("12"); // credits
    ui.ctrl('s');
    let text = ui.text();
    assert!(text.contains("已创建项目 Q9"), "{text}");
    let q9 = text.lines().find(|l| l.starts_with("Q9 ")).expect(&text);
    assert!(q9.contains("班主任能力提升") && q9.contains("校培"), "{q9}");
    assert_eq!(
        ui.count("SELECT count(*) FROM projects WHERE code='Q9' AND level='school' AND credits=12"),
        1
    );
    assert_eq!(
        ui.count("SELECT count(*) FROM audit_log WHERE entity='project' AND action='create'"),
        1
    );
}

/// The form's line of a field, from its label.
fn field_line(ui: &mut Ui, label: &str) -> String {
    let text = ui.text();
    let line = text.lines().find(|l| l.contains(label));
    line.unwrap_or_else(|| panic!("{label}: {text}"))
        .to_string()
}

#[test]
fn the_veto_scope_follows_concentrated_on_a_new_project_is_saved_and_can_be_changed() {
    let mut ui = open(Lang::Zh);
    ui.typed("n");
    assert!(field_line(&mut ui, "计入一票否决").contains("[x] 是"));
    ui.typed("X9");
    ui.key(KeyCode::Tab);
    ui.typed("校本研修");
    for _ in 0..3 {
        ui.key(KeyCode::Tab);
    }
    ui.key(KeyCode::Char(' ')); // not concentrated: the veto scope follows
    assert!(field_line(&mut ui, "集中培训").contains("[ ] 否"));
    assert!(field_line(&mut ui, "计入一票否决").contains("[ ] 否"));
    ui.ctrl('s');
    assert_eq!(
        ui.count("SELECT count(*) FROM projects WHERE code = 'X9' AND concentrated = 0 AND veto_scope = 0"),
        1,
        "{}",
        ui.text()
    );
    // Editing it: tick the veto scope alone; the change is audited with before and after.
    ui.pick("X9");
    ui.typed("e");
    for _ in 0..5 {
        ui.key(KeyCode::Tab);
    }
    ui.key(KeyCode::Char(' '));
    assert!(field_line(&mut ui, "计入一票否决").contains("[x] 是"));
    ui.ctrl('s');
    assert_eq!(
        ui.count("SELECT count(*) FROM projects WHERE code = 'X9' AND concentrated = 0 AND veto_scope = 1"),
        1,
        "{}",
        ui.text()
    );
    assert_eq!(
        ui.count(
            "SELECT count(*) FROM audit_log WHERE entity = 'project' AND action = 'update'
               AND json_extract(before, '$.veto_scope') = 0 AND json_extract(after, '$.veto_scope') = 1"
        ),
        1
    );
}

#[test]
fn bad_date_order_and_duplicate_code_block_saving() {
    let mut ui = open(Lang::Zh);
    ui.typed("n");
    ui.typed("P1");
    let text = ui.text();
    assert!(text.contains("编号“P1”已被其他项目使用"), "{text}");
    ui.key(KeyCode::Tab);
    ui.typed("测试");
    for _ in 0..7 {
        ui.key(KeyCode::Tab);
    }
    // End date field: clear it and type a date before the start (today).
    ui.ctrl('u');
    ui.typed("2026-01-01");
    let text = ui.text();
    assert!(text.contains("结束日期早于开始日期"), "{text}");
    ui.ctrl('s');
    assert_eq!(ui.count("SELECT count(*) FROM projects"), 3);
    // Still in the form, the focus on the first problem (the code), nothing saved.
    let text = ui.text();
    assert!(
        text.contains("新建项目") && text.contains("›项目编号"),
        "{text}"
    );
    // Esc twice discards.
    ui.key(KeyCode::Esc);
    assert!(ui.text().contains("再按 Esc"));
    ui.key(KeyCode::Esc);
    assert!(ui.text().contains("3/3 个项目"));
}

#[test]
fn bulk_schedule_creates_days_times_parts() {
    let mut ui = open(Lang::Zh);
    ui.pick("P2");
    ui.key(KeyCode::Enter);
    let text = ui.text();
    assert!(
        text.contains("P2 新教师入职培训") && text.contains("[场次 0]"),
        "{text}"
    );
    ui.typed("b");
    let text = ui.text();
    // Three days (12-01..12-03) × morning and afternoon ticked by default.
    assert!(text.contains("将新建 6 个场次"), "{text}");
    assert!(
        text.contains("08:30-11:30") && text.contains("14:00-17:00"),
        "{text}"
    );
    ui.ctrl('s');
    assert_eq!(
        ui.count("SELECT count(*) FROM sessions WHERE project_id=3"),
        6
    );
    let text = ui.text();
    assert!(text.contains("已新建 6 个场次"), "{text}");
    assert!(text.contains("[场次 6]"), "{text}");
    assert!(
        text.contains("2026-12-03") && text.contains("下午"),
        "{text}"
    );
    assert_eq!(
        ui.count("SELECT count(*) FROM audit_log WHERE entity='session' AND action='create'"),
        6
    );
}

#[test]
fn deleting_a_session_with_marks_shows_the_refusal() {
    let mut ui = open(Lang::Zh);
    ui.pick("P1");
    ui.key(KeyCode::Enter);
    let text = ui.text();
    assert!(text.contains("开班"), "{text}");
    ui.typed("d");
    let text = ui.text();
    assert!(
        text.contains("第 1 场已有 3 条签到记录，不能删除"),
        "{text}"
    );
    assert!(!ui.app.has_overlay());
    assert_eq!(
        ui.count("SELECT count(*) FROM sessions WHERE project_id=1"),
        3
    );
    // Session 3 has no marks: deleting it asks first, then deletes.
    ui.typed("G");
    ui.typed("d");
    assert!(ui.app.has_overlay());
    ui.typed("y");
    assert_eq!(
        ui.count("SELECT count(*) FROM sessions WHERE project_id=1"),
        2
    );
}

#[test]
fn enrol_two_teachers_by_multi_select() {
    let mut ui = open(Lang::Zh);
    ui.pick("P1");
    ui.typed("r");
    let text = ui.text();
    assert!(text.contains("[报名 3]"), "{text}");
    ui.typed("a");
    // 刘洋 (ly) and 赵敏 (zm) are not enrolled.
    ui.typed("T0004");
    ui.key(KeyCode::Enter); // leave the search box
    ui.typed(" ");
    ui.typed("/");
    ui.ctrl('u');
    ui.typed("zm");
    ui.key(KeyCode::Enter);
    ui.typed(" ");
    let text = ui.text();
    assert!(text.contains("已选 2 人"), "{text}");
    ui.key(KeyCode::Enter);
    assert_eq!(
        ui.count("SELECT count(*) FROM enrolments WHERE project_id=1"),
        5
    );
    let text = ui.text();
    assert!(text.contains("已报名 2 人"), "{text}");
    assert!(
        text.contains("[报名 5]") && text.contains("刘洋") && text.contains("赵敏"),
        "{text}"
    );
}

#[test]
fn attendance_matrix_shows_glyphs_and_totals() {
    let mut ui = open(Lang::Zh);
    ui.pick("P1");
    ui.typed("m");
    let text = ui.text();
    assert!(text.contains("[出勤表]"), "{text}");
    let zhang = text.lines().find(|l| l.starts_with("张伟")).expect(&text);
    assert!(zhang.contains("迟") && zhang.contains("勤"), "{zhang}");
    let wang = text.lines().find(|l| l.starts_with("王芳")).expect(&text);
    assert!(wang.contains("旷"), "{wang}");
    // Per-status totals per session at the bottom: session 1 has 1 present, 1 late, 1 absent.
    let late = text
        .lines()
        .find(|l| l.starts_with("迟 迟到"))
        .expect(&text);
    assert!(late.contains("Σ1"), "{late}");
    let none = text.lines().find(|l| l.starts_with("· 未签")).expect(&text);
    // Session 3 has nobody marked: 3 without a mark; session 2 one (王芳).
    assert!(none.contains("Σ4"), "{none}");
    // Sorting by name puts 李娜 (li) first; by school 柏梓中学 (bai) first.
    let first_row = |t: &str| t.lines().nth(4).unwrap_or("").to_string();
    assert!(first_row(&text).starts_with("王芳"), "{text}");
    ui.typed("o");
    let text = ui.text();
    assert!(first_row(&text).starts_with("李娜"), "{text}");
    for l in text.lines() {
        assert!(unicode_width::UnicodeWidthStr::width(l) <= 80, "{l}");
    }
}

#[test]
fn english_list_and_matrix() {
    let mut ui = open(Lang::En);
    let text = ui.text();
    let n1 = text.lines().find(|l| l.starts_with("N1 ")).expect(&text);
    assert!(n1.contains("National") && n1.contains("Ended"), "{n1}");
    assert!(text.contains("Level any [l]"), "{text}");
    ui.pick("P1");
    ui.typed("m");
    let text = ui.text();
    assert!(text.contains("[Attendance]"), "{text}");
    let zhang = text.lines().find(|l| l.starts_with("张伟")).expect(&text);
    assert!(zhang.contains('L') && zhang.contains('✓'), "{zhang}");
    assert!(text.contains("· no mark"), "{text}");
    assert!(!text.contains("出勤表"), "{text}");
}

#[test]
fn add_a_session_with_a_trainer_picked_by_pinyin() {
    let mut ui = open(Lang::Zh);
    ui.pick("P1");
    ui.key(KeyCode::Enter);
    ui.typed("a");
    assert!(ui.text().contains("添加场次"));
    for _ in 0..3 {
        ui.key(KeyCode::Tab);
    }
    ui.typed("观课议课");
    ui.key(KeyCode::Tab);
    ui.typed("csy");
    let text = ui.text();
    assert!(
        text.contains("陈思远") && text.contains("进修学校"),
        "{text}"
    );
    ui.key(KeyCode::Enter); // takes the candidate
    ui.ctrl('s');
    assert_eq!(
        ui.count("SELECT count(*) FROM sessions WHERE project_id=1 AND date='2026-11-28' AND topic='观课议课' AND trainer_id=1"),
        1
    );
    let text = ui.text();
    assert!(
        text.contains("[场次 4]") && text.contains("陈思远"),
        "{text}"
    );
    // A session outside the project's dates is refused next to the field.
    ui.typed("a");
    ui.ctrl('u');
    ui.typed("2026-12-25");
    let text = ui.text();
    assert!(text.contains("不在项目日期内"), "{text}");
    ui.ctrl('s');
    assert_eq!(
        ui.count("SELECT count(*) FROM sessions WHERE project_id=1"),
        4
    );
}

#[test]
fn editing_a_closed_session_asks_for_a_reason() {
    let mut ui = open(Lang::Zh);
    ui.pick("P1");
    ui.key(KeyCode::Enter);
    let text = ui.text();
    let row = text.lines().find(|l| l.contains("作业设计")).expect(&text);
    assert!(row.contains("已锁"), "{row}");
    ui.typed("G");
    ui.typed("e");
    for _ in 0..3 {
        ui.key(KeyCode::Tab);
    }
    ui.ctrl('u');
    ui.typed("作业设计与评价");
    ui.ctrl('s');
    assert!(ui.app.has_overlay());
    ui.typed("主题写错了");
    ui.key(KeyCode::Enter);
    assert_eq!(
        ui.count("SELECT count(*) FROM sessions WHERE id=3 AND topic='作业设计与评价'"),
        1
    );
    assert_eq!(
        ui.count("SELECT count(*) FROM audit_log WHERE entity='session' AND action='update' AND reason='主题写错了'"),
        1
    );
    assert!(!ui.text().contains("编辑场次"));
}

#[test]
fn moving_a_session_with_veto_marks_into_another_veto_year_asks_for_a_reason() {
    let mut ui = open(Lang::Zh);
    {
        let db = Db::open(&ui.path, OpenMode::Existing).unwrap();
        db.conn
            .execute(
                "UPDATE projects SET end_date = '2027-01-31' WHERE id = 1",
                [],
            )
            .unwrap();
    }
    ui.pick("P1");
    ui.key(KeyCode::Enter);
    ui.typed("g");
    ui.typed("e"); // session 1: 张伟 late, 王芳 absent (2026 vetoes)
    assert!(ui.text().contains("编辑场次"), "{}", ui.text());
    ui.ctrl('u');
    ui.typed("2027-01-04");
    ui.ctrl('s');
    assert!(ui.app.has_overlay(), "a reason is asked: {}", ui.text());
    assert!(ui.text().contains("一票否决"), "{}", ui.text());
    ui.typed("改期");
    ui.key(KeyCode::Enter);
    assert_eq!(
        ui.count("SELECT count(*) FROM sessions WHERE id=1 AND date='2027-01-04'"),
        1
    );
    assert_eq!(
        ui.count("SELECT count(*) FROM audit_log WHERE entity='session' AND action='update' AND reason='改期'"),
        1
    );
    // Within the same veto year no reason is asked.
    ui.typed("e");
    ui.ctrl('u');
    ui.typed("2027-01-05");
    ui.ctrl('s');
    assert!(!ui.app.has_overlay(), "{}", ui.text());
    assert_eq!(
        ui.count("SELECT count(*) FROM sessions WHERE id=1 AND date='2027-01-05'"),
        1
    );
}

#[test]
fn remove_an_enrolment_but_not_one_with_marks() {
    let mut ui = open(Lang::Zh);
    ui.pick("P1");
    ui.typed("r");
    // 张伟 (first: 实验小学 is sorted by the store by school name) has marks.
    let text = ui.text();
    assert!(text.contains("张伟"), "{text}");
    ui.typed("d");
    let text = ui.text();
    assert!(text.contains("条签到记录，不能移出"), "{text}");
    // Enrol 刘洋 then remove him again (confirm).
    ui.typed("a");
    ui.typed("T0004");
    ui.key(KeyCode::Enter);
    ui.key(KeyCode::Enter);
    assert_eq!(
        ui.count("SELECT count(*) FROM enrolments WHERE project_id=1"),
        4
    );
    let text = ui.text();
    let pos = text
        .lines()
        .skip(4)
        .position(|l| l.starts_with("刘洋"))
        .expect(&text);
    ui.typed("g");
    for _ in 0..pos {
        ui.typed("j");
    }
    ui.typed("d");
    assert!(ui.app.has_overlay());
    ui.typed("y");
    assert_eq!(
        ui.count("SELECT count(*) FROM enrolments WHERE project_id=1"),
        3
    );
    assert_eq!(
        ui.count("SELECT count(*) FROM audit_log WHERE entity='enrolment' AND action='delete'"),
        1
    );
}

#[test]
fn mouse_click_selects_then_opens_and_wheel_scrolls() {
    use crossterm::event::{Event, MouseButton, MouseEvent, MouseEventKind};
    let mut ui = open(Lang::Zh);
    let text = ui.text();
    let y = text
        .lines()
        .position(|l| l.starts_with("N1 "))
        .expect(&text) as u16;
    let click = |ui: &mut Ui| {
        ui.app.handle_event(Event::Mouse(MouseEvent {
            kind: MouseEventKind::Down(MouseButton::Left),
            column: 3,
            row: y,
            modifiers: KeyModifiers::NONE,
        }))
    };
    click(&mut ui);
    assert!(!ui.text().contains("[场次"), "first click only selects");
    click(&mut ui);
    let text = ui.text();
    assert!(
        text.contains("N1 国培示范项目") && text.contains("[场次 0]"),
        "{text}"
    );
    ui.key(KeyCode::Esc);
    ui.app.handle_event(Event::Mouse(MouseEvent {
        kind: MouseEventKind::ScrollUp,
        column: 3,
        row: y,
        modifiers: KeyModifiers::NONE,
    }));
    ui.key(KeyCode::Enter);
    assert!(ui.text().contains("P1 骨干教师培训 ·"));
}

#[test]
fn matrix_scrolls_across_sessions_beyond_the_width() {
    let mut ui = open(Lang::Zh);
    ui.pick("N1");
    ui.key(KeyCode::Enter);
    ui.typed("b");
    for _ in 0..6 {
        ui.key(KeyCode::Tab);
    }
    ui.typed(" "); // tick the evening
    let text = ui.text();
    assert!(text.contains("将新建 15 个场次"), "{text}");
    ui.ctrl('s');
    assert_eq!(
        ui.count("SELECT count(*) FROM sessions WHERE project_id=2"),
        15
    );
    ui.typed("]]");
    let header = |ui: &mut Ui| ui.text().lines().nth(3).unwrap_or("").to_string();
    let h = header(&mut ui);
    assert!(h.contains(" 14 ") && !h.contains(" 15 "), "{h}");
    for _ in 0..14 {
        ui.typed("l");
    }
    let h = header(&mut ui);
    assert!(h.contains(" 15 ") && !h.contains("  1  2 "), "{h}");
    assert!(ui.text().contains("#15/15 2026-07-05 晚上 19:00–21:00"));
}

#[test]
fn another_process_commit_shows_and_keeps_the_search() {
    let mut ui = open(Lang::Zh);
    ui.typed("y"); // year 2026 (the only year)
    assert!(ui.text().contains("年度 2026"));
    ui.typed("/P");
    ui.key(KeyCode::Enter);
    let other = Db::open(&ui.path, OpenMode::Existing).unwrap();
    other
        .conn
        .execute_batch(
            "INSERT INTO enrolments (project_id, teacher_id, school_id, enrolled_at)
             VALUES (1, 4, 2, '2026-11-28');",
        )
        .unwrap();
    ui.app.check_external_changes();
    let text = ui.text();
    assert!(text.contains("/ P"), "{text}");
    let p1 = text.lines().find(|l| l.starts_with("P1 ")).expect(&text);
    assert!(p1.contains("4/50"), "{p1}");
}
