//! `:import teachers PATH` in the TUI: a preview dialog (counts, first problems) at 80×24,
//! and the import only after `y`.

use crate::common;

use common::district::at;
use common::tui::Ui;
use crossterm::event::KeyCode;
use liaoyuan::ops::import::{import_file, ImportOptions, Kind};
use liaoyuan::store::{Db, OpenMode};
use liaoyuan::tui::i18n::Lang;
use liaoyuan::tui::Options;
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn open(lang: Lang) -> Ui {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("d.db");
    let mut db = Db::open(&path, OpenMode::Create).unwrap();
    import_file(
        &mut db,
        &crate::tui_import::stamp(),
        Kind::Schools,
        &fixture("schools.csv"),
        &ImportOptions::default(),
    )
    .unwrap();
    let opts = Options {
        lang,
        theme: Some("mono".into()),
        no_color: true,
        colors: liaoyuan::tui::colors::ColorDepth::TrueColor,
        actor: "tester".into(),
    };
    Ui::new(db, path, dir, &opts, at("2026-03-02 09:00"), (80, 24))
}

impl Ui {
    fn teachers(&self) -> i64 {
        self.count("SELECT count(*) FROM teachers")
    }
}

#[test]
fn preview_shows_counts_and_imports_only_after_yes() {
    let mut ui = open(Lang::Zh);
    let file = fixture("teachers-gbk.csv");
    ui.command(&format!("import teachers {}", file.display()));
    let text = ui.text();
    assert!(text.contains("导入预览"), "{text}");
    assert!(text.contains("读取 20 行：将新增 20，更新 0"), "{text}");
    assert_eq!(ui.teachers(), 0, "the preview writes nothing");
    ui.key(KeyCode::Char('y'));
    assert_eq!(ui.teachers(), 20);
    let text = ui.text();
    assert!(!text.contains("导入预览"), "{text}");
}

#[test]
fn preview_of_a_bad_file_lists_problems_and_cannot_import() {
    // Refusals built in ops carry both languages; the preview renders the UI's.
    let mut ui = open(Lang::En);
    let file = fixture("teachers-with-errors.csv");
    ui.command(&format!("import teachers {}", file.display()));
    let text = ui.text();
    assert!(text.contains("6 problem(s) found"), "{text}");
    assert!(text.contains("line 3: name: is empty"), "{text}");
    assert!(text.contains("did you mean"), "{text}");
    assert!(text.contains("line 8: stage:"), "{text}");
    ui.key(KeyCode::Char('y'));
    assert!(
        ui.text().contains("Import preview"),
        "y does nothing on a bad file"
    );
    ui.key(KeyCode::Esc);
    assert!(!ui.text().contains("Import preview"));
    assert_eq!(ui.teachers(), 0);
}

/// The time and actor of this file's writes: ops never read the clock, so tests give them one
/// (after every date the fixtures use).
pub fn stamp() -> liaoyuan::store::Stamp {
    let now = liaoyuan::domain::parse_datetime("2026-12-31 23:00").unwrap();
    liaoyuan::store::Stamp::new(now, "tester")
}
