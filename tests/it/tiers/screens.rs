//! The Teachers filter's exact counts, the Targets view and the tier form, drawn at 80×24.

use super::district::{build, DISTRICT_BACKBONE, MUNICIPAL};
use crate::common::tui::{dark, Ui};
use crossterm::event::KeyCode;
use liaoyuan::store::OpenMode;
use liaoyuan::tui::i18n::Lang;
use liaoyuan::tui::widgets::text::width;

fn open(lang: Lang) -> Ui {
    let now = crate::common::district::at("2026-11-28 09:10");
    let mut ui = Ui::build(build, OpenMode::Existing, &dark(lang), now, (80, 24));
    ui.app.tick();
    while ui.app.is_loading() {
        ui.app.poll_background();
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    ui
}

#[test]
fn a_tier_and_level_filter_counts_every_teacher_not_the_list() {
    let mut ui = open(Lang::Zh);
    ui.typed("4/tier:骨干 level:区级");
    let text = ui.text();
    assert!(text.contains(&format!("{DISTRICT_BACKBONE} 位")), "{text}");
    assert!(text.contains("区级骨干教师"), "{text}");
    ui.key(KeyCode::Esc);
    ui.key(KeyCode::Esc);
    ui.typed("/level:市级");
    let text = ui.text();
    assert!(text.contains(&format!("{MUNICIPAL} 条匹配")), "{text}");
    ui.key(KeyCode::Esc);
    ui.key(KeyCode::Esc);
    // 骨干 without a level: every backbone teacher, 582, more than the list keeps.
    ui.typed("/tier:骨干");
    let text = ui.text();
    assert!(text.contains("582 位"), "{text}");
    ui.key(KeyCode::Esc);
    ui.key(KeyCode::Esc);
    ui.typed("/tier:区级骨干");
    assert!(ui.text().contains("512 位"), "{}", ui.text());
}

/// The display column where `needle` ends on the line that holds `label`.
fn end_column(text: &str, label: &str, needle: &str) -> usize {
    let line = text
        .lines()
        .find(|l| l.contains(label))
        .unwrap_or_else(|| panic!("no line with {label}:\n{text}"));
    let at = line
        .find(needle)
        .unwrap_or_else(|| panic!("{needle} not on {line}"));
    width(&line[..at + needle.len()])
}

#[test]
fn the_targets_view_shows_each_target_against_its_count_in_chinese() {
    let mut ui = open(Lang::Zh);
    ui.typed("8t");
    let text = ui.settled();
    assert!(text.contains("目标任务"), "{text}");
    for (label, figures) in [
        ("区级骨干教师", "512 / 500（2025）"),
        ("区级学科名师/学科带头人", "0 / 200（2025）"),
        ("市级骨干/名师/学科带头人", "30 / 50（2025）"),
        ("市级及以上骨干校长", "0 / 5（2025）"),
        ("校长后备人才", "0 / 300（2025）"),
    ] {
        assert!(
            text.lines()
                .any(|l| l.contains(label) && l.contains(figures)),
            "{label} {figures}:\n{text}"
        );
        // The figures end in one column whatever the label's width.
        assert_eq!(
            end_column(&text, label, "）"),
            end_column(&text, "区级骨干教师", "）")
        );
    }
    assert!(text.contains("100%") && text.contains("60%"), "{text}");
    // The trend: 300 district backbone at the end of 2024, 512 from 2025; 30 municipal in 2025.
    let row = |y: &str| {
        text.lines()
            .find(|l| l.trim_start().starts_with(y))
            .unwrap_or_else(|| panic!("no {y} row:\n{text}"))
            .split_whitespace()
            .map(str::to_string)
            .collect::<Vec<_>>()
    };
    assert_eq!(row("2024"), ["2024", "300", "0", "0"]);
    assert_eq!(row("2025"), ["2025", "512", "0", "30"]);
    assert_eq!(row("2026"), ["2026", "512", "0", "30"]);
    // By school: 271 + 15 at 实验小学 (odd ids), 256 + 15 at 柏梓中学.
    assert!(text.lines().any(|l| l.contains("按学校")), "{text}");
    let school = |name: &str| {
        text.lines()
            .find(|l| l.starts_with(name))
            .unwrap_or_else(|| panic!("no {name}:\n{text}"))
            .split_whitespace()
            .skip(1)
            .map(str::to_string)
            .collect::<Vec<_>>()
    };
    assert_eq!(school("实验小学"), ["256", "0", "15"]);
    assert_eq!(school("柏梓中学"), ["256", "0", "15"]);
    ui.key(KeyCode::Char('b'));
    let text = ui.settled();
    assert!(text.contains("按学科"), "{text}");
    assert!(text.lines().any(|l| l.starts_with("语文")), "{text}");
}

#[test]
fn the_targets_view_in_english_fits_80_columns() {
    let mut ui = open(Lang::En);
    ui.typed("8t");
    let text = ui.settled();
    assert!(text.contains("Targets"), "{text}");
    assert!(text.contains("512 / 500 (2025)"), "{text}");
    assert!(text.contains("0 / 300 (2025)"), "{text}");
    assert!(
        text.contains("Year end") && text.contains("By school"),
        "{text}"
    );
    for l in text.lines() {
        assert!(width(l) <= 80, "{l}");
    }
}

#[test]
fn the_tier_form_adds_a_step_with_level_and_document_number() {
    for lang in [Lang::Zh, Lang::En] {
        let mut ui = open(lang);
        ui.typed("4/B0600");
        ui.key(KeyCode::Enter);
        ui.typed("t");
        let text = ui.settled();
        let (title, tier, level, doc) = match lang {
            Lang::Zh => ("层级变动：骨干600", "合格教师", "无级别", "文号"),
            Lang::En => ("Tier step: 骨干600", "Qualified", "none", "Document no."),
        };
        for part in [title, tier, level, doc, "2026-11-28"] {
            assert!(text.contains(part), "{part}:\n{text}");
        }
        for l in text.lines() {
            assert!(width(l) <= 80, "{l}");
        }
        // 合格 → 骨干, no level → 区级, the date as it is, a 文号.
        ui.key(KeyCode::Right);
        ui.key(KeyCode::Down);
        ui.key(KeyCode::Right);
        ui.key(KeyCode::Down);
        ui.key(KeyCode::Down);
        ui.typed("潼教发〔2026〕3号");
        ui.ctrl('s');
        let text = ui.settled();
        assert!(!text.contains("2026〕3号"), "the form closed:\n{text}");
        assert_eq!(
            ui.count("SELECT count(*) FROM teachers WHERE id = 600 AND tier = 'backbone' AND tier_level = 'district'"),
            1
        );
        assert_eq!(
            ui.count("SELECT count(*) FROM tier_history WHERE teacher_id = 600 AND level = 'district' AND doc_no = '潼教发〔2026〕3号' AND since = '2026-11-28'"),
            1
        );
        assert_eq!(
            ui.count("SELECT count(*) FROM audit_log WHERE entity = 'teacher' AND entity_id = 600 AND json_extract(after, '$.tier_step.level') = 'district'"),
            1
        );
        // The list shows the new tier and level, and the filter counts the teacher.
        ui.key(KeyCode::Esc);
        ui.typed("/tier:区级骨干");
        assert!(ui.text().contains("513"), "{}", ui.text());
    }
}

#[test]
fn a_level_on_a_tier_without_levels_is_refused_in_the_form() {
    let mut ui = open(Lang::Zh);
    ui.typed("4/B0600");
    ui.key(KeyCode::Enter);
    ui.typed("t");
    ui.key(KeyCode::Down);
    ui.key(KeyCode::Right);
    ui.ctrl('s');
    let text = ui.settled();
    assert!(text.contains("只有骨干教师、名优教师分区级"), "{text}");
    assert_eq!(
        ui.count("SELECT count(*) FROM tier_history WHERE teacher_id = 600"),
        0
    );
}
