//! The needs survey in the Reports tab (`n`) in ratatui's TestBackend at 80×24, Chinese and
//! English: the response rate, topics with bars, stages, forms and subjects; the filters; a
//! draft project from the topic under the cursor, opened in the Projects tab.

use super::{district, imported};
use crate::common::district::at;
use crate::common::tui::{dark, Ui};
use crossterm::event::KeyCode;
use liaoyuan::store::OpenMode;
use liaoyuan::tui::action::Action;
use liaoyuan::tui::i18n::Lang;
use liaoyuan::tui::screens::TabId;
use std::path::{Path, PathBuf};

fn surveyed(dir: &Path) -> PathBuf {
    let (path, mut db) = district(dir);
    imported(&mut db, "survey_wjx.csv");
    path
}

fn open(lang: Lang) -> Ui {
    let mut ui = Ui::build(
        surveyed,
        OpenMode::Existing,
        &dark(lang),
        at("2026-12-03 09:00"),
        (80, 24),
    );
    ui.app.update(Action::GoToTab(TabId::Reports));
    ui.settled();
    ui.key(KeyCode::Char('n'));
    ui
}

fn fits(text: &str) {
    for l in text.lines() {
        assert!(unicode_width::UnicodeWidthStr::width(l) <= 80, "{l}");
    }
}

fn line_with<'a>(text: &'a str, s: &str) -> &'a str {
    text.lines()
        .find(|l| l.contains(s))
        .unwrap_or_else(|| panic!("{s}: {text}"))
}

#[test]
fn the_summary_shows_the_response_rate_topics_stages_forms_and_subjects_in_chinese() {
    let mut ui = open(Lang::Zh);
    let text = ui.settled();
    fits(&text);
    assert!(text.contains("答卷 4 / 在职 5（80.0%）"), "{text}");
    assert!(text.contains("学科：全部 · 学段：全部"), "{text}");
    let top = line_with(&text, "大单元教学");
    assert!(top.contains(" 3 ") && top.contains('█'), "{top}");
    assert!(line_with(&text, "信息技术融合").contains(" 1 "), "{text}");
    assert!(line_with(&text, "工作坊研修").contains(" 2 "), "{text}");
    assert!(line_with(&text, "初中").contains(" 2 "), "{text}");
    assert!(line_with(&text, "数学").contains(" 3 "), "{text}");
    assert!(text.contains("Enter 建草稿项目"), "{text}");
    // f: the first subject (数学): three answers, against the three 数学 teachers.
    ui.key(KeyCode::Char('f'));
    let text = ui.settled();
    assert!(text.contains("学科：数学 · 学段：全部"), "{text}");
    assert!(text.contains("答卷 3 / 在职 3（100.0%）"), "{text}");
    assert!(!text.contains("信息技术融合"), "{text}");
    // l: the first stage (小学): 张伟 alone.
    ui.key(KeyCode::Char('l'));
    let text = ui.settled();
    assert!(text.contains("学科：数学 · 学段：小学"), "{text}");
    assert!(text.contains("答卷 1 / 在职 1"), "{text}");
}

#[test]
fn the_summary_in_english_and_a_draft_from_the_top_topic_opens_in_projects() {
    let mut ui = open(Lang::En);
    let text = ui.settled();
    fits(&text);
    assert!(text.contains("4 answers / 5 in service (80.0%)"), "{text}");
    for h in [
        "Topic wanted",
        "Asked",
        "Stage",
        "Preferred form",
        "Subject",
    ] {
        assert!(text.contains(h), "{h}: {text}");
    }
    assert!(line_with(&text, "Workshop").contains(" 2 "), "{text}");
    assert!(
        line_with(&text, "Junior secondary").contains(" 2 "),
        "{text}"
    );
    ui.key(KeyCode::Enter);
    let text = ui.settled();
    // The project's page in the Projects tab: no sessions yet, two places, workshop.
    let page = line_with(&text, "2027-DY-01");
    assert!(
        page.contains("大单元") && page.contains("enrolled 0/2"),
        "{text}"
    );
    assert!(
        text.contains("Workshop") && text.contains("no sessions yet"),
        "{text}"
    );
    assert!(
        text.contains("Draft project 2027-DY-01 created (2 asked)"),
        "{text}"
    );
    assert_eq!(
        ui.count(
            "SELECT count(*) FROM projects p JOIN survey_drafts d ON d.project_id = p.id
             WHERE p.capacity = 2 AND p.form = 'workshop' AND d.subject = '数学'"
        ),
        1
    );
}
