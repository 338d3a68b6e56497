//! The registrar's queue (Reports › `g`) in ratatui's TestBackend at 80×24, Chinese and
//! English: pending registrations listed with category, hours, credits and certificate;
//! approve (one, marked, all) and return with a reason.

use crate::common;
use common::district::at;
use common::tui::{dark, Ui};
use crossterm::event::KeyCode;
use liaoyuan::store::{Db, OpenMode};
use liaoyuan::tui::action::Action;
use liaoyuan::tui::i18n::Lang;
use liaoyuan::tui::screens::TabId;
use std::path::{Path, PathBuf};

/// Three teachers, three pending registrations (oldest first: 王芳, 李娜, 张伟) and one
/// already recognised.
fn district(dir: &Path) -> PathBuf {
    let path = dir.join("queue.db");
    let db = Db::open(&path, OpenMode::Create).unwrap();
    db.conn
        .execute_batch(
            "INSERT INTO schools (id, name, stage) VALUES (1, '潼南区实验小学', 'primary'),
               (2, '潼南区塘坝中学', 'junior');
             INSERT INTO teachers (id, staff_no, name, school_id) VALUES
               (1, 'T001', '张伟', 1), (2, 'T002', '李娜', 2), (3, 'T003', '王芳', 1);
             INSERT INTO credit_entries (teacher_id, credits, concentrated, earned_on, source,
                 category, hours, evidence, status) VALUES
               (1, 10, 0, '2026-10-08', 'manual', '网络研修', 20, 'GP2026-0001', 'pending'),
               (2, 7.5, 0, '2026-09-30', 'manual', '网络研修', 15, 'GP2026-0002', 'pending'),
               (3, 3, 0, '2026-09-01', 'manual', '校本研修', 12, 'XB-17', 'pending'),
               (3, 5, 0, '2026-03-01', 'manual', '网络研修', 10, 'GP2026-0000', 'recognised');",
        )
        .unwrap();
    path
}

fn open(lang: Lang) -> Ui {
    let mut ui = Ui::build(
        district,
        OpenMode::Existing,
        &dark(lang),
        at("2026-11-20 09:00"),
        (80, 24),
    );
    ui.app.update(Action::GoToTab(TabId::Reports));
    ui.settled();
    ui.key(KeyCode::Char('g'));
    ui
}

fn fits(text: &str) {
    for l in text.lines() {
        assert!(unicode_width::UnicodeWidthStr::width(l) <= 80, "{l}");
    }
}

#[test]
fn the_queue_lists_pending_registrations_oldest_first_in_chinese() {
    let mut ui = open(Lang::Zh);
    let text = ui.settled();
    assert!(text.contains("学分登记审核 · 待审核 3 条"), "{text}");
    for h in [
        "教师",
        "学校",
        "类别",
        "学时",
        "学分",
        "证书编号",
        "完成日期",
    ] {
        assert!(text.contains(h), "{h}: {text}");
    }
    let lines: Vec<&str> = text.lines().collect();
    let at = |s: &str| lines.iter().position(|l| l.contains(s)).unwrap();
    assert!(at("王芳") < at("李娜") && at("李娜") < at("张伟"), "{text}");
    let li = lines[at("李娜")];
    assert!(
        li.contains("网络研修") && li.contains("7.5") && li.contains("GP2026-0002"),
        "{li}"
    );
    assert!(
        !text.contains("GP2026-0000"),
        "a recognised entry is not in the queue: {text}"
    );
    fits(&text);
}

#[test]
fn the_queue_in_english_approves_marked_rows_and_returns_with_a_reason() {
    let mut ui = open(Lang::En);
    let text = ui.settled();
    assert!(text.contains("Credit registrations · 3 pending"), "{text}");
    for h in ["Teacher", "Category", "Hours", "Certificate"] {
        assert!(text.contains(h), "{h}: {text}");
    }
    fits(&text);
    // Mark the first two (王芳, 李娜) and approve them together.
    ui.key(KeyCode::Char(' '));
    ui.key(KeyCode::Char(' '));
    assert!(ui.settled().contains("2 marked"));
    ui.key(KeyCode::Char('a'));
    let text = ui.settled();
    assert!(text.contains("1 pending"), "{text}");
    assert_eq!(
        ui.count("SELECT count(*) FROM credit_entries WHERE status = 'recognised'"),
        3
    );
    // Return the last one: a reason is asked; an empty one refuses.
    ui.key(KeyCode::Char('x'));
    assert!(ui.settled().contains("reason"));
    ui.typed("证书编号不符");
    ui.key(KeyCode::Enter);
    let text = ui.settled();
    assert!(text.contains("No credit registrations waiting"), "{text}");
    assert_eq!(
        ui.count(
            "SELECT count(*) FROM credit_entries WHERE status = 'returned'
             AND return_reason = '证书编号不符' AND reviewed_by = 'tester'"
        ),
        1
    );
    assert_eq!(
        ui.count("SELECT count(*) FROM audit_log WHERE entity = 'credit_entry'"),
        3
    );
    // Esc goes back to the school report.
    ui.key(KeyCode::Esc);
    assert!(ui.settled().contains("Sorted by"));
}

/// 2021–2025 has ended: 张伟 met it, 李娜 did not (100 of 120), 王芳 has nothing recognised.
fn ended(dir: &Path) -> PathBuf {
    let path = district(dir);
    let db = Db::open(&path, OpenMode::Existing).unwrap();
    db.conn
        .execute_batch(
            "INSERT INTO credit_entries (teacher_id, credits, concentrated, earned_on, source) VALUES
               (1, 100, 0, '2023-05-01', 'manual'), (1, 20, 1, '2024-05-01', 'manual'),
               (2, 80, 0, '2023-05-01', 'manual'), (2, 20, 1, '2024-05-01', 'manual');",
        )
        .unwrap();
    path
}

fn short_list(lang: Lang) -> String {
    let mut ui = Ui::build(
        ended,
        OpenMode::Existing,
        &dark(lang),
        at("2026-11-20 09:00"),
        (80, 24),
    );
    ui.app.update(Action::GoToTab(TabId::Reports));
    ui.settled();
    ui.key(KeyCode::Char('[')); // 2025
    ui.settled();
    ui.key(KeyCode::Char('u'));
    let text = ui.settled();
    fits(&text);
    ui.key(KeyCode::Esc);
    let back = ui.settled();
    assert!(!back.contains("T002"), "Esc closes the list: {back}");
    text
}

#[test]
fn the_not_met_list_of_an_ended_cycle_by_school_in_chinese_and_english() {
    let zh = short_list(Lang::Zh);
    assert!(
        zh.contains("学分周期 2021–2025 已结束 · 未达标 2 人"),
        "{zh}"
    );
    for h in ["学校", "工号", "教师", "总学分", "集中", "情况"] {
        assert!(zh.contains(h), "{h}: {zh}");
    }
    let lines: Vec<&str> = zh.lines().collect();
    let li = lines.iter().find(|l| l.contains("T002")).unwrap();
    assert!(
        li.contains("潼南区塘坝中学") && li.contains("100") && li.contains("未达标"),
        "{li}"
    );
    assert!(zh.contains("T003"), "{zh}");
    assert!(!zh.contains("T001"), "张伟 met the cycle: {zh}");
    let en = short_list(Lang::En);
    assert!(
        en.contains("Credit cycle 2021–2025 ended · 2 not met"),
        "{en}"
    );
    assert!(en.contains("not met") && en.contains("Staff no."), "{en}");
}
