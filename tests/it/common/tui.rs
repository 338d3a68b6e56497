//! The App driven in ratatui's TestBackend: keys in, the screen as text out.

use chrono::NaiveDateTime;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use liaoyuan::store::{Db, OpenMode};
use liaoyuan::tui::i18n::Lang;
use liaoyuan::tui::{App, Options};
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::Terminal;
use std::path::{Path, PathBuf};

/// The App on a database file in a temporary directory, drawn into a TestBackend.
pub struct Ui {
    pub app: App,
    pub term: Terminal<TestBackend>,
    /// The database file, for a second connection that checks what was written.
    pub path: PathBuf,
    _dir: tempfile::TempDir,
}

/// The options most tests run with: `lang`, the dark theme, colours on.
pub fn dark(lang: Lang) -> Options {
    Options {
        lang,
        theme: Some("dark".into()),
        no_color: false,
        colors: liaoyuan::tui::colors::ColorDepth::TrueColor,
        actor: "tester".into(),
    }
}

impl Ui {
    /// The App on `db` (the file `path` inside `dir`, kept alive as long as the Ui) at `now`,
    /// in a `w`×`h` TestBackend.
    pub fn new(
        db: Db,
        path: PathBuf,
        dir: tempfile::TempDir,
        opts: &Options,
        now: NaiveDateTime,
        (w, h): (u16, u16),
    ) -> Ui {
        let app = App::new(db, opts, now).unwrap();
        let term = Terminal::new(TestBackend::new(w, h)).unwrap();
        Ui {
            app,
            term,
            path,
            _dir: dir,
        }
    }

    /// A fresh temporary directory, `build` writing the district into it (returning the
    /// file), the file opened with `mode`, the App on it with `opts`.
    pub fn build(
        build: impl FnOnce(&Path) -> PathBuf,
        mode: OpenMode,
        opts: &Options,
        now: NaiveDateTime,
        size: (u16, u16),
    ) -> Ui {
        let dir = tempfile::tempdir().unwrap();
        let path = build(dir.path());
        let db = Db::open(&path, mode).unwrap();
        Ui::new(db, path, dir, opts, now, size)
    }

    /// Runs `text` as a command of the palette (`:` text Enter).
    pub fn command(&mut self, text: &str) {
        self.key(KeyCode::Char(':'));
        self.typed(text);
        self.key(KeyCode::Enter);
    }

    /// The screen as text, one line per row (wide characters written once).
    pub fn text(&mut self) -> String {
        self.term.draw(|f| self.app.draw(f)).unwrap();
        buffer_text(self.term.backend().buffer())
    }

    /// The screen after two frames (the first frame after a tab switch may leave wide
    /// characters of the previous tab in TestBackend's buffer).
    pub fn settled(&mut self) -> String {
        self.text();
        self.text()
    }

    pub fn key(&mut self, code: KeyCode) {
        self.app.handle_key(KeyEvent::new(code, KeyModifiers::NONE));
    }

    pub fn ctrl(&mut self, c: char) {
        self.app
            .handle_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL));
    }

    pub fn typed(&mut self, s: &str) {
        for c in s.chars() {
            self.key(KeyCode::Char(c));
        }
    }

    /// Searches the list for `text` (`/`, the text, Enter): the cursor lands on the first
    /// match and the search box is left.
    pub fn pick(&mut self, text: &str) {
        self.typed("/");
        self.typed(text);
        self.key(KeyCode::Enter);
    }

    /// The screen without its status bar (where a toast may also say it): what the screen
    /// itself shows.
    pub fn above_status(&mut self) -> String {
        let text = self.text();
        let lines: Vec<&str> = text.lines().collect();
        lines[..lines.len().saturating_sub(1)].join("\n")
    }

    /// Lets every toast expire (a refusal's stays ≈10 s = 40 ticks), driving the ticks by hand.
    pub fn toasts_expire(&mut self) {
        for _ in 0..41 {
            self.app.tick();
        }
    }

    /// The first column of the first row of `sql`, read through a second, read-only connection.
    pub fn count(&self, sql: &str) -> i64 {
        let db = Db::open(&self.path, OpenMode::ReadOnly).unwrap();
        db.conn.query_row(sql, [], |r| r.get(0)).unwrap()
    }
}

/// A buffer as text, one line per row; a wide character's trailing cells are skipped.
pub fn buffer_text(b: &Buffer) -> String {
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

/// Another computer's write in progress: a second connection holding the write lock
/// (BEGIN IMMEDIATE) until `release`; `run` writes inside that transaction.
pub struct LockHolder(rusqlite::Connection);

impl LockHolder {
    pub fn hold(path: &Path) -> LockHolder {
        let c = rusqlite::Connection::open(path).unwrap();
        c.execute_batch("PRAGMA foreign_keys = ON; BEGIN IMMEDIATE")
            .unwrap();
        LockHolder(c)
    }

    pub fn run(&self, sql: &str) {
        self.0.execute_batch(sql).unwrap();
    }

    pub fn release(self) {
        self.0.execute_batch("COMMIT").unwrap();
    }
}

/// Another process's write, committed at once (foreign keys on, as the app has them).
pub fn other_writes(path: &Path, sql: &str) {
    let c = rusqlite::Connection::open(path).unwrap();
    c.execute_batch(&format!("PRAGMA foreign_keys = ON; {sql}"))
        .unwrap();
}
