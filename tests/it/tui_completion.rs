//! Completion review and manual credits in the Projects tab, rendered into TestBackend at
//! 80×24 (Chinese, and English once), on a small district built here. Assertions read the
//! text a user would read and the rows the tab wrote.

use crate::common;

use common::district::{at, insert_teachers, two_schools};
use common::tui::{dark, Ui};
use crossterm::event::KeyCode;
use liaoyuan::store::{Db, OpenMode};
use liaoyuan::tui::i18n::Lang;
use liaoyuan::tui::screens::TabId;
use std::path::{Path, PathBuf};

const NOW: &str = "2026-11-28 09:10";

/// E1 (ended 2026-11-06, 5 sessions, 12 credits, concentrated, threshold 80%, follow-up
/// report_back +14): 张伟 5/5, 李娜 4/5 (one excused), 王芳 3/5 (two absent) → 2 complete.
/// U1 runs into December (a session not over yet).
fn build_db(dir: &Path) -> PathBuf {
    let (path, db) = two_schools(dir, "completion.db");
    let c = &db.conn;
    c.execute_batch(
        "INSERT INTO projects (id, code, title, level, plan, concentrated, credits, start_date, end_date)
           VALUES (1, 'E1', '骨干教师培训', 'district', 'continuing_education', 1, 12, '2026-11-02', '2026-11-06'),
                  (2, 'U1', '新教师入职培训', 'school', 'continuing_education', 0, 6, '2026-11-20', '2026-12-03');
         INSERT INTO project_follow_up_kinds (project_id, kind, due_days) VALUES (1, 'report_back', 14);
         INSERT INTO sessions (id, project_id, date, start_time, end_time, closed_at) VALUES
           (1, 1, '2026-11-02', '08:30', '11:30', '2026-11-02 12:00:00'),
           (2, 1, '2026-11-03', '08:30', '11:30', '2026-11-03 12:00:00'),
           (3, 1, '2026-11-04', '08:30', '11:30', '2026-11-04 12:00:00'),
           (4, 1, '2026-11-05', '08:30', '11:30', '2026-11-05 12:00:00'),
           (5, 1, '2026-11-06', '08:30', '11:30', '2026-11-06 12:00:00'),
           (6, 2, '2026-12-03', '08:30', '11:30', NULL);",
    )
    .unwrap();
    insert_teachers(
        c,
        &[
            (1, "T0001", "张伟", 1),
            (2, "T0002", "李娜", 1),
            (3, "T0003", "王芳", 2),
            (4, "T0004", "刘洋", 2),
        ],
    );
    c.execute_batch(
        "INSERT INTO enrolments (project_id, teacher_id, school_id, enrolled_at) VALUES
           (1, 1, 1, '2026-10-20'), (1, 2, 1, '2026-10-20'), (1, 3, 2, '2026-10-20'),
           (2, 4, 2, '2026-11-01');",
    )
    .unwrap();
    let marks: [(i64, i64, &str); 15] = [
        (1, 1, "present"),
        (2, 1, "present"),
        (3, 1, "late"),
        (4, 1, "present"),
        (5, 1, "left_early"),
        (1, 2, "present"),
        (2, 2, "present"),
        (3, 2, "present"),
        (4, 2, "present"),
        (5, 2, "excused"),
        (1, 3, "present"),
        (2, 3, "present"),
        (3, 3, "present"),
        (4, 3, "absent"),
        (5, 3, "absent"),
    ];
    for (session, teacher, status) in marks {
        let school = if teacher == 3 { 2 } else { 1 };
        c.execute(
            "INSERT INTO marks (session_id, teacher_id, school_id, session_date, status, reason, recorded_at)
             VALUES (?1, ?2, ?3, (SELECT date FROM sessions WHERE id = ?1), ?4, ?5, '2026-11-02 08:00:00')",
            rusqlite::params![session, teacher, school, status, if status == "excused" { "病假" } else { "" }],
        )
        .unwrap();
    }
    path
}

fn open(lang: Lang) -> Ui {
    let mut ui = Ui::build(build_db, OpenMode::Existing, &dark(lang), at(NOW), (80, 24));
    ui.typed("2");
    assert_eq!(ui.app.active_tab(), TabId::Projects);
    ui
}

impl Ui {
    fn line_of(&mut self, start: &str) -> String {
        let text = self.text();
        text.lines()
            .find(|l| l.starts_with(start))
            .unwrap_or_else(|| panic!("no line starting {start:?}:\n{text}"))
            .to_string()
    }
}

#[test]
fn review_lists_completers_and_confirming_marks_the_project_completed() {
    let mut ui = open(Lang::Zh);
    ui.pick("E1");
    assert!(ui.line_of("E1 ").contains("已结束"));
    ui.typed("F");
    let text = ui.text();
    assert!(text.contains("结业审核 E1 骨干教师培训"), "{text}");
    assert!(
        text.contains("场次 5 · 结业线 80% · 学分 12（集中）"),
        "{text}"
    );
    assert!(text.contains("结业 2 人 · 未结业 1 人"), "{text}");
    assert!(text.contains("汇报分享（14 天内）"), "{text}");
    let zhang = text.lines().find(|l| l.contains("张伟")).expect(&text);
    assert!(
        zhang.contains("5/5") && zhang.contains("100%") && zhang.contains("结业"),
        "{zhang}"
    );
    let li = text.lines().find(|l| l.contains("李娜")).expect(&text);
    assert!(li.contains("4/5") && li.contains("80%"), "{li}");
    let wang = text.lines().find(|l| l.contains("王芳")).expect(&text);
    assert!(
        wang.contains("3/5") && wang.contains("60%") && wang.contains("未结业"),
        "{wang}"
    );
    assert!(text.contains("Enter 确认结业并发放学分"), "{text}");
    for l in text.lines() {
        assert!(unicode_width::UnicodeWidthStr::width(l) <= 80, "{l}");
    }
    // Nothing written before the confirmation.
    assert_eq!(ui.count("SELECT count(*) FROM credit_entries"), 0);

    ui.key(KeyCode::Enter);
    let text = ui.text();
    assert!(!text.contains("结业审核"), "the review closes: {text}");
    assert!(ui.line_of("E1 ").contains("已结业"), "{text}");
    assert!(text.contains("E1 已结业：2 人获得学分"), "{text}");
    assert_eq!(
        ui.count("SELECT count(*) FROM credit_entries WHERE project_id = 1 AND credits = 12 AND concentrated = 1"),
        2
    );
    assert_eq!(
        ui.count("SELECT count(*) FROM follow_ups WHERE project_id = 1 AND due_date = '2026-11-20' AND teacher_id IN (1, 2)"),
        2
    );
    assert!(ui.count("SELECT completed_at IS NOT NULL FROM projects WHERE id = 1") == 1);

    // A second review says it is done and Enter does nothing.
    ui.typed("F");
    let text = ui.text();
    assert!(text.contains("已于 2026-11-28 结业"), "{text}");
    assert!(text.contains("不能结业"), "{text}");
    ui.key(KeyCode::Enter);
    ui.key(KeyCode::Esc);
    assert_eq!(ui.count("SELECT count(*) FROM credit_entries"), 2);
}

#[test]
fn esc_closes_the_review_without_writing_and_unfinished_projects_are_refused() {
    let mut ui = open(Lang::Zh);
    ui.pick("E1");
    ui.typed("F");
    ui.key(KeyCode::Esc);
    assert!(!ui.text().contains("结业审核"));
    assert_eq!(ui.count("SELECT count(*) FROM audit_log"), 0);

    ui.key(KeyCode::Esc); // leave the search
    ui.pick("U1");
    ui.typed("F");
    let text = ui.text();
    assert!(
        text.contains("1 个场次尚未结束（最早 2026-12-03 08:30）"),
        "{text}"
    );
    assert!(text.contains("1 个场次未关闭"), "{text}");
    ui.key(KeyCode::Enter);
    assert_eq!(
        ui.count("SELECT count(*) FROM projects WHERE completed_at IS NOT NULL"),
        0
    );
}

#[test]
fn review_in_english() {
    let mut ui = open(Lang::En);
    ui.pick("E1");
    ui.typed("F");
    let text = ui.text();
    assert!(text.contains("Completion review E1"), "{text}");
    assert!(
        text.contains("5 sessions · threshold 80% · 12 credits (concentrated)"),
        "{text}"
    );
    assert!(text.contains("Complete: 2 · not complete: 1"), "{text}");
    assert!(
        text.lines()
            .any(|l| l.contains("王芳") && l.contains("not complete")),
        "{text}"
    );
    ui.key(KeyCode::Enter);
    assert!(ui.line_of("E1 ").contains("Completed"));
}

#[test]
fn palette_opens_the_manual_credit_form_and_saving_adds_the_entry() {
    let mut ui = open(Lang::Zh);
    ui.typed(":");
    ui.typed("credit add");
    ui.key(KeyCode::Enter);
    let text = ui.text();
    assert!(text.contains("登记学分（待审核）"), "{text}");
    // Pick 刘洋 by pinyin initials.
    ui.typed("ly");
    let text = ui.text();
    assert!(text.contains("刘洋") && text.contains("T0004"), "{text}");
    ui.key(KeyCode::Enter);
    let text = ui.text();
    assert!(text.contains("2026–2030 周期：已获 0 学分"), "{text}");
    // The focus moved on to the category (集中培训 first); 16 hours give 8 credits.
    ui.key(KeyCode::Tab);
    ui.typed("16");
    ui.key(KeyCode::Tab); // the date stays today
    ui.key(KeyCode::Tab);
    ui.key(KeyCode::Tab);
    ui.typed("国家智慧教育平台研修");
    ui.ctrl('s');
    let text = ui.text();
    assert!(
        !text.contains("登记学分（待审核）"),
        "the form closes: {text}"
    );
    assert!(text.contains("已为 刘洋"), "{text}");
    assert_eq!(
        ui.count(
            "SELECT count(*) FROM credit_entries WHERE teacher_id = 4 AND source = 'manual'
             AND credits = 8 AND concentrated = 1 AND earned_on = '2026-11-28'
             AND note = '国家智慧教育平台研修' AND category = '集中培训' AND hours = 16
             AND status = 'pending'"
        ),
        1
    );
    assert_eq!(
        ui.count(
            "SELECT count(*) FROM audit_log WHERE entity = 'credit_entry' AND action = 'create'"
        ),
        1
    );
}

#[test]
fn a_manual_entry_is_deleted_from_the_ledger_with_a_reason() {
    let mut ui = open(Lang::Zh);
    {
        let db = Db::open(&ui.path, OpenMode::Existing).unwrap();
        db.conn
            .execute(
                "INSERT INTO credit_entries (teacher_id, credits, concentrated, earned_on, source, note)
                 VALUES (1, 3, 0, '2026-09-01', 'manual', '网络研修')",
                [],
            )
            .unwrap();
    }
    ui.typed(":");
    ui.typed("credit add");
    ui.key(KeyCode::Enter);
    ui.typed("zw");
    ui.key(KeyCode::Enter);
    let text = ui.text();
    assert!(text.contains("已获 3 学分"), "{text}");
    assert!(text.contains("手工 网络研修"), "{text}");
    // Ctrl-D before choosing says how to choose.
    ui.ctrl('d');
    assert!(ui.text().contains("先用 PgUp/PgDn 选择"));
    ui.key(KeyCode::PageDown);
    ui.ctrl('d');
    let text = ui.text();
    assert!(text.contains("删除这条学分记录的原因"), "{text}");
    ui.typed("录入错误");
    ui.key(KeyCode::Enter);
    let text = ui.text();
    assert!(text.contains("已删除 张伟"), "{text}");
    assert!(text.contains("已获 0 学分"), "{text}");
    assert_eq!(ui.count("SELECT count(*) FROM credit_entries"), 0);
    assert_eq!(
        ui.count("SELECT count(*) FROM audit_log WHERE entity = 'credit_entry' AND action = 'delete' AND reason = '录入错误'"),
        1
    );
}

#[test]
fn the_review_key_works_in_an_opened_project_and_is_in_the_help() {
    let mut ui = open(Lang::Zh);
    ui.typed("?");
    let text = ui.text();
    assert!(text.contains("结业审核（发放学分）"), "{text}");
    ui.key(KeyCode::Esc);
    ui.pick("E1");
    ui.key(KeyCode::Enter); // open E1's sessions
    ui.typed("F");
    let text = ui.text();
    assert!(text.contains("结业审核 E1"), "{text}");
    ui.typed("?");
    let text = ui.text();
    assert!(text.contains("关闭，不结业"), "the review's keys: {text}");
    ui.key(KeyCode::Esc); // closes the help; the review stays
    assert!(ui.text().contains("结业审核 E1"));
}
