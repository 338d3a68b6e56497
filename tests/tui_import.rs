//! `:import teachers PATH` in the TUI: a preview dialog (counts, first problems) at 80×24,
//! and the import only after `y`.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use liaoyuan::ops::import::{import_file, ImportOptions, Kind};
use liaoyuan::store::{Db, OpenMode};
use liaoyuan::tui::i18n::Lang;
use liaoyuan::tui::{App, Options};
use ratatui::backend::TestBackend;
use ratatui::Terminal;
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

struct Ui {
    app: App,
    term: Terminal<TestBackend>,
    path: PathBuf,
    _dir: tempfile::TempDir,
}

fn open(lang: Lang) -> Ui {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("d.db");
    let mut db = Db::open(&path, OpenMode::Create).unwrap();
    import_file(
        &mut db,
        Kind::Schools,
        &fixture("schools.csv"),
        &ImportOptions::default(),
    )
    .unwrap();
    let opts = Options {
        lang,
        theme: Some("mono".into()),
        no_color: true,
    };
    let now = liaoyuan::domain::parse_datetime("2026-03-02 09:00").unwrap();
    let app = App::new(db, &opts, now).unwrap();
    let term = Terminal::new(TestBackend::new(80, 24)).unwrap();
    Ui {
        app,
        term,
        path,
        _dir: dir,
    }
}

impl Ui {
    fn text(&mut self) -> String {
        self.term.draw(|f| self.app.draw(f)).unwrap();
        let b = self.term.backend().buffer();
        let mut s = String::new();
        for y in 0..b.area.height {
            let mut skip = 0;
            for x in 0..b.area.width {
                if skip > 0 {
                    skip -= 1;
                    continue;
                }
                let sym = b[(x, y)].symbol();
                s.push_str(sym);
                skip = unicode_width::UnicodeWidthStr::width(sym).saturating_sub(1);
            }
            s.push('\n');
        }
        s
    }
    fn key(&mut self, code: KeyCode) {
        self.app.handle_key(KeyEvent::new(code, KeyModifiers::NONE));
    }
    fn command(&mut self, text: &str) {
        self.key(KeyCode::Char(':'));
        for c in text.chars() {
            self.key(KeyCode::Char(c));
        }
        self.key(KeyCode::Enter);
    }
    fn teachers(&self) -> i64 {
        let db = Db::open(&self.path, OpenMode::ReadOnly).unwrap();
        db.conn
            .query_row("SELECT count(*) FROM teachers", [], |r| r.get(0))
            .unwrap()
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
