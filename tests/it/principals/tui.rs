//! The project form's training metadata (学时, 培训形式, 任职资格培训, 预算, 已支出) at 80×24 in
//! Chinese and English, saved and shown on the project's heading.

use crate::common::district::at;
use crate::common::tui::{dark, Ui};
use crossterm::event::KeyCode;
use liaoyuan::store::OpenMode;
use liaoyuan::tui::i18n::Lang;
use liaoyuan::tui::screens::TabId;
use std::path::{Path, PathBuf};

fn build(dir: &Path) -> PathBuf {
    super::district(dir).0
}

fn open(lang: Lang) -> Ui {
    let mut ui = Ui::build(
        build,
        OpenMode::Existing,
        &dark(lang),
        at("2026-09-03 09:00"),
        (80, 24),
    );
    ui.typed("2");
    assert_eq!(ui.app.active_tab(), TabId::Projects);
    ui
}

fn tabs(ui: &mut Ui, n: usize) {
    for _ in 0..n {
        ui.key(KeyCode::Tab);
    }
}

/// Fills a new project's code and title, then its hours, form (two steps right: 名校跟岗),
/// the qualification box, and the budget planned and spent; leaves the focus on 已支出.
fn fill_new_project(ui: &mut Ui) {
    ui.typed("n");
    ui.typed("RZ27");
    tabs(ui, 1);
    ui.typed("新任校长任职资格培训");
    tabs(ui, 11); // to the hours, after the completion threshold
    ui.ctrl('u');
    ui.typed("300");
    tabs(ui, 1);
    ui.key(KeyCode::Right);
    ui.key(KeyCode::Right);
    tabs(ui, 1);
    ui.key(KeyCode::Char(' '));
    tabs(ui, 1); // to the budget planned
    ui.typed("90000");
    tabs(ui, 1);
    ui.typed("12500");
}

#[test]
fn the_project_form_takes_hours_form_qualification_and_budget_in_chinese() {
    let mut ui = open(Lang::Zh);
    fill_new_project(&mut ui);
    let text = ui.text();
    for line in [
        "学时",
        "培训形式",
        "‹ 名校跟岗 ›",
        "任职资格培训",
        "[x]",
        "预算（元）",
        "90000",
        "已支出（元）",
        "12500",
    ] {
        assert!(text.contains(line), "{line}:\n{text}");
    }
    assert!(text
        .lines()
        .all(|l| unicode_width::UnicodeWidthStr::width(l) <= 80));
    ui.ctrl('s');
    assert!(ui.text().contains("已创建项目 RZ27"), "{}", ui.text());
    assert_eq!(
        ui.count(
            "SELECT count(*) FROM projects WHERE code = 'RZ27' AND hours = 300 AND form = 'shadowing'
               AND qualification = 1 AND budget_planned = 90000 AND budget_spent = 12500"
        ),
        1
    );
    assert_eq!(
        ui.count(
            "SELECT count(*) FROM audit_log WHERE entity = 'project' AND action = 'create'
               AND json_extract(after, '$.hours') = 300"
        ),
        1
    );
}

#[test]
fn the_project_form_in_english_and_the_heading_shows_the_facts() {
    let mut ui = open(Lang::En);
    fill_new_project(&mut ui);
    let text = ui.text();
    for line in [
        "Hours",
        "Form",
        "‹ Shadowing ›",
        "Qualification",
        "Budget (yuan)",
        "Spent (yuan)",
    ] {
        assert!(text.contains(line), "{line}:\n{text}");
    }
    // A bad amount is shown beside its field and blocks saving.
    ui.typed("x");
    ui.ctrl('s');
    let text = ui.text();
    assert!(text.contains("must be a number"), "{text}");
    assert_eq!(
        ui.count("SELECT count(*) FROM projects WHERE code = 'RZ27'"),
        0
    );
    ui.key(KeyCode::Backspace);
    ui.ctrl('s');
    // Open the saved project: its heading line shows hours, form and budget.
    ui.typed("/");
    ui.typed("RZ27");
    ui.key(KeyCode::Enter);
    ui.key(KeyCode::Enter);
    let text = ui.text();
    assert!(text.contains("300 h · Shadowing · ¥90k/12.5k"), "{text}");
}

fn principals_view(lang: Lang) -> Ui {
    let mut ui = Ui::build(
        build,
        OpenMode::Existing,
        &dark(lang),
        at("2026-09-03 09:00"),
        (80, 24),
    );
    ui.typed("4");
    assert_eq!(ui.app.active_tab(), TabId::Teachers);
    ui.typed("p");
    ui
}

#[test]
fn the_principals_view_lists_hours_against_240_and_flags_the_unqualified_first_in_chinese() {
    let mut ui = principals_view(Lang::Zh);
    let text = ui.settled();
    assert!(
        text.contains("校长（干部）2 位 · 未取得资格 1 · 2026–2030"),
        "{text}"
    );
    let lines: Vec<&str> = text.lines().collect();
    let li = lines.iter().position(|l| l.contains("李娜")).expect(&text);
    let zhang = lines.iter().position(|l| l.contains("张伟")).expect(&text);
    assert!(li < zhang, "the flagged leader comes first:\n{text}");
    for (line, parts) in [
        (
            lines[li],
            ["柏梓中学", "园长", "2025-09-02", "40/240", "满一年未取得"],
        ),
        (
            lines[zhang],
            ["实验小学", "校长", "2025-09-01", "40/240", "已取得"],
        ),
    ] {
        for p in parts {
            assert!(line.contains(p), "{p}: {line}");
        }
    }
    assert!(text
        .lines()
        .all(|l| unicode_width::UnicodeWidthStr::width(l) <= 80));
    // p again goes back to the teachers list.
    ui.typed("p");
    assert!(ui.text().contains("位教师"), "{}", ui.text());
}

#[test]
fn the_principals_view_in_english_and_at_exactly_one_year_no_flag() {
    let mut ui = principals_view(Lang::En);
    let text = ui.settled();
    assert!(
        text.contains("Leaders 2 · unqualified 1 · 2026–2030"),
        "{text}"
    );
    let li = text.lines().find(|l| l.contains("李娜")).expect(&text);
    assert!(li.contains("KG head") && li.contains("overdue"), "{li}");
    let mut ui = Ui::build(
        build,
        OpenMode::Existing,
        &dark(Lang::En),
        at("2026-09-02 09:00"),
        (80, 24),
    );
    ui.typed("4");
    ui.typed("p");
    let text = ui.settled();
    assert!(text.contains("unqualified 0"), "{text}");
    assert!(!text.contains("overdue"), "{text}");
}

#[test]
fn a_role_is_set_from_the_teachers_pane_with_its_date_and_audited() {
    let mut ui = Ui::build(
        build,
        OpenMode::Existing,
        &dark(Lang::Zh),
        at("2026-09-03 09:00"),
        (80, 24),
    );
    ui.typed("4");
    ui.typed("/");
    ui.typed("王芳");
    ui.key(KeyCode::Enter);
    ui.typed("r");
    assert!(
        ui.text().contains("王芳 的职务：1校长 2副校长"),
        "{}",
        ui.text()
    );
    ui.typed("2");
    assert!(
        ui.text().contains("王芳 任副校长，任职时间"),
        "{}",
        ui.text()
    );
    ui.typed("2026-08-01");
    ui.key(KeyCode::Enter);
    let text = ui.settled();
    assert!(
        text.contains("副校长 2026-08-01"),
        "the pane shows the role:\n{text}"
    );
    assert_eq!(
        ui.count(
            "SELECT count(*) FROM teachers WHERE id = 3 AND role = 'vice_principal' AND role_since = '2026-08-01'"
        ),
        1
    );
    assert_eq!(
        ui.count(
            "SELECT count(*) FROM audit_log WHERE entity = 'teacher' AND entity_id = 3
               AND json_extract(after, '$.role') = 'vice_principal' AND actor = 'tester'"
        ),
        1
    );
    // A date that is not one is refused, and nothing changes.
    ui.typed("r");
    ui.typed("1");
    ui.typed("昨天");
    ui.key(KeyCode::Enter);
    assert!(ui.settled().contains("不是日期"), "{}", ui.text());
    assert_eq!(
        ui.count("SELECT count(*) FROM teachers WHERE role = 'principal'"),
        1
    );
}

fn plans_view(lang: Lang) -> String {
    let mut ui = Ui::build(
        build,
        OpenMode::Existing,
        &dark(lang),
        at("2026-09-03 09:00"),
        (80, 24),
    );
    ui.typed("8");
    assert_eq!(ui.app.active_tab(), TabId::Reports);
    ui.typed("p");
    let text = ui.settled();
    assert!(text
        .lines()
        .all(|l| unicode_width::UnicodeWidthStr::width(l) <= 80));
    text
}

fn row_with<'a>(text: &'a str, label: &str) -> Vec<&'a str> {
    let line = text.lines().find(|l| l.trim_start().starts_with(label));
    line.unwrap_or_else(|| panic!("{label}:\n{text}"))
        .split_whitespace()
        .collect()
}

#[test]
fn the_seven_plans_summary_of_the_year_in_chinese_and_english() {
    let text = plans_view(Lang::Zh);
    assert!(text.contains("2026 年七项计划汇总"), "{text}");
    assert_eq!(
        row_with(&text, "校园长能力提升"),
        ["校园长能力提升", "1", "2", "40", "20000", "15000"]
    );
    assert_eq!(
        row_with(&text, "星光燎原"),
        ["星光燎原", "1", "1", "16", "8000", "7600"]
    );
    assert_eq!(
        row_with(&text, "紧缺学科"),
        ["紧缺学科", "0", "0", "0", "0", "0"]
    );
    assert_eq!(
        row_with(&text, "合计"),
        ["合计", "2", "3", "56", "28000", "22600"]
    );
    let text = plans_view(Lang::En);
    assert!(text.contains("The seven plans in 2026"), "{text}");
    assert_eq!(
        row_with(&text, "Total"),
        ["Total", "2", "3", "56", "28000", "22600"]
    );
}

#[test]
fn enter_over_the_plans_summary_opens_no_hidden_list() {
    let mut ui = Ui::build(
        build,
        OpenMode::Existing,
        &dark(Lang::Zh),
        at("2026-09-03 09:00"),
        (80, 24),
    );
    ui.typed("8p");
    ui.key(crossterm::event::KeyCode::Enter);
    // Still the summary; Esc (or p) leaves it for the school table, not for a list opened
    // behind it.
    assert!(ui.settled().contains("2026 年七项计划汇总"));
    ui.key(crossterm::event::KeyCode::Esc);
    let text = ui.settled();
    assert!(!text.contains("七项计划汇总"), "{text}");
    assert!(
        !text.contains("Esc 返回"),
        "no evidence list left open: {text}"
    );
}
