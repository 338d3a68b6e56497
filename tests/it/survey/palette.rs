//! `:import survey PATH` in the TUI: the needs survey's dry run in the preview dialog, the
//! answers written only after `y` while another process writes meanwhile, and the Reports
//! tab's survey view showing them.

use super::district;
use super::fixtures::fixture;
use crate::common::district::at;
use crate::common::tui::{dark, other_writes, Ui};
use crossterm::event::KeyCode;
use liaoyuan::store::OpenMode;
use liaoyuan::tui::action::Action;
use liaoyuan::tui::i18n::Lang;
use liaoyuan::tui::screens::TabId;

fn open(lang: Lang) -> Ui {
    Ui::build(
        |dir| district(dir).0,
        OpenMode::Existing,
        &dark(lang),
        at("2026-12-03 09:00"),
        (80, 24),
    )
}

#[test]
fn the_palette_previews_a_survey_and_imports_it_after_yes_in_english() {
    let mut ui = open(Lang::En);
    let file = fixture("survey_wjx.xlsx");
    ui.command(&format!("import survey {}", file.display()));
    let text = ui.text();
    assert!(text.contains("Import preview"), "{text}");
    assert!(text.contains("Import survey:"), "{text}");
    assert!(text.contains("would get 4"), "{text}");
    assert!(
        text.contains("0 replaced (dry run, nothing written)"),
        "{text}"
    );
    assert!(text.contains("ignored columns"), "{text}");
    assert_eq!(ui.count("SELECT count(*) FROM survey_responses"), 0);
    other_writes(
        &ui.path,
        "UPDATE teachers SET phone = '13900000000' WHERE id = 5",
    );
    ui.key(KeyCode::Char('y'));
    assert_eq!(ui.count("SELECT count(*) FROM survey_responses"), 4);
    assert_eq!(
        ui.count("SELECT count(*) FROM teachers WHERE phone = '13900000000'"),
        1
    );
    let text = ui.text();
    assert!(
        text.contains("imported survey") && text.contains("4 new answers"),
        "{text}"
    );
    ui.app.update(Action::GoToTab(TabId::Reports));
    ui.settled();
    ui.key(KeyCode::Char('n'));
    let text = ui.settled();
    assert!(text.contains("4 answers / 5 in service (80.0%)"), "{text}");
}

#[test]
fn a_file_that_is_not_a_survey_lists_the_problem_and_cannot_be_imported_in_chinese() {
    let mut ui = open(Lang::Zh);
    let file = fixture("schools.csv");
    ui.command(&format!("import 调研 {}", file.display()));
    let text = ui.text();
    assert!(text.contains("导入预览"), "{text}");
    ui.key(KeyCode::Char('y'));
    assert!(
        ui.text().contains("导入预览"),
        "y does nothing on a refused file"
    );
    ui.key(KeyCode::Esc);
    assert_eq!(ui.count("SELECT count(*) FROM survey_responses"), 0);
}
