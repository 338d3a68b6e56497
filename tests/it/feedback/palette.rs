//! `:import feedback PATH --project CODE` in the TUI: the questionnaire's dry run in the
//! preview dialog (how many answers, the ignored question), written only after `y`, while
//! another process marks a teacher meanwhile.

use super::district;
use super::fixtures::fixture;
use crate::common::district::at;
use crate::common::tui::{dark, other_writes, Ui};
use crossterm::event::KeyCode;
use liaoyuan::store::OpenMode;
use liaoyuan::tui::i18n::Lang;

fn open(lang: Lang) -> Ui {
    Ui::build(
        |dir| district(dir).0,
        OpenMode::Existing,
        &dark(lang),
        at("2026-03-03 12:00"),
        (80, 24),
    )
}

#[test]
fn the_palette_previews_a_questionnaire_and_imports_it_after_yes_in_chinese() {
    let mut ui = open(Lang::Zh);
    let file = fixture("feedback-questionnaire-gbk.csv");
    ui.command(&format!("import feedback {} --project P1", file.display()));
    let text = ui.text();
    assert!(text.contains("导入预览"), "{text}");
    assert!(text.contains("导入培训反馈问卷"), "{text}");
    assert!(text.contains("可导入 3 条反馈（试运行，未写入）"), "{text}");
    assert!(text.contains("8、您是从哪里得知本次培训的"), "{text}");
    assert_eq!(
        ui.count("SELECT count(*) FROM feedback"),
        0,
        "a preview writes nothing"
    );
    // another desk records a mark between the preview and the yes
    other_writes(
        &ui.path,
        "UPDATE marks SET reason = '补签' WHERE teacher_id = 1 AND session_id = 1",
    );
    ui.key(KeyCode::Char('y'));
    assert_eq!(ui.count("SELECT count(*) FROM feedback"), 3);
    assert_eq!(
        ui.count("SELECT count(*) FROM marks WHERE reason = '补签'"),
        1,
        "the other write stays"
    );
    let text = ui.text();
    assert!(!text.contains("导入预览"), "{text}");
    assert!(text.contains("已导入 3 条反馈"), "{text}");
}

#[test]
fn feedback_without_a_project_is_refused_with_the_usage_in_english() {
    let mut ui = open(Lang::En);
    let file = fixture("feedback-questionnaire-gbk.csv");
    ui.command(&format!("import feedback {}", file.display()));
    let text = ui.text();
    assert!(!text.contains("Import preview"), "{text}");
    assert!(
        text.contains("import feedback PATH --project CODE"),
        "{text}"
    );
    assert_eq!(ui.count("SELECT count(*) FROM feedback"), 0);
}
