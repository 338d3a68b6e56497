//! `:target` from the command palette: an audited write that waits for another process's write
//! lock and lands after it, keeping that process's own change; a bad command says the usage.

use super::district::build;
use crate::common::tui::{dark, LockHolder, Ui};
use crossterm::event::KeyCode;
use liaoyuan::store::OpenMode;
use liaoyuan::tui::i18n::Lang;

fn open(lang: Lang) -> Ui {
    let now = crate::common::district::at("2026-11-28 09:10");
    Ui::build(build, OpenMode::Existing, &dark(lang), now, (80, 24))
}

#[test]
fn a_target_set_while_another_process_writes_lands_after_it_audited() {
    let mut ui = open(Lang::Zh);
    ui.typed("8t");
    let other = LockHolder::hold(&ui.path);
    other.run(
        "UPDATE targets SET number = 60 WHERE what = 'municipal_teachers' AND year = 2025;
         INSERT INTO audit_log (at, actor, entity, action, after)
           VALUES ('2026-11-28 09:10:00', 'other', 'target', 'update', '{\"number\": 60}');",
    );
    ui.typed(":target 区级骨干教师 2025 520");
    ui.key(KeyCode::Enter);
    assert!(ui.text().contains("另一台电脑正在写入"), "{}", ui.text());
    other.release();
    ui.app.tick();
    let text = ui.settled();
    assert!(text.contains("512 / 520（2025）"), "{text}");
    assert!(
        text.contains("30 / 60（2025）"),
        "the other process's change is kept:\n{text}"
    );
    assert_eq!(
        ui.count("SELECT number FROM targets WHERE what = 'district_backbone' AND year = 2025"),
        520
    );
    assert_eq!(
        ui.count(
            "SELECT count(*) FROM audit_log WHERE entity = 'target' AND actor = 'tester'
               AND json_extract(before, '$.number') = 500 AND json_extract(after, '$.number') = 520"
        ),
        1
    );
}

#[test]
fn a_target_command_that_does_not_parse_says_how_and_writes_nothing() {
    let mut ui = open(Lang::En);
    ui.typed(":target 区级骨干教师 2025");
    ui.key(KeyCode::Enter);
    let text = ui.text();
    assert!(text.contains("usage: :target"), "{text}");
    assert_eq!(
        ui.count("SELECT count(*) FROM audit_log WHERE entity = 'target'"),
        0
    );
}
