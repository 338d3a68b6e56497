//! The `?`/F1 help at 80×24 in Chinese and English: a line too long for the window ends with
//! "…" (measured by display width), and every Esc is shown with Ctrl-X, the key that does
//! the same under a terminal multiplexer.

use crate::common;

use common::district::{at, insert_teachers, two_schools};
use common::tui::{dark, Ui};
use crossterm::event::KeyCode;
use liaoyuan::store::OpenMode;
use liaoyuan::tui::action::{Action, Target};
use liaoyuan::tui::i18n::{self, Lang};
use std::path::{Path, PathBuf};
use unicode_width::UnicodeWidthStr;

/// One project with a session today and two enrolled teachers.
fn build_db(dir: &Path) -> PathBuf {
    let (path, db) = two_schools(dir, "help.db");
    let c = &db.conn;
    c.execute_batch(
        "INSERT INTO projects (id, code, title, level, plan, concentrated, credits, start_date, end_date)
           VALUES (1, 'P1', '骨干教师培训', 'district', 'continuing_education', 1, 24, '2026-03-01', '2026-11-30');
         INSERT INTO sessions (id, project_id, date, start_time, end_time, topic)
           VALUES (1, 1, '2026-11-28', '08:30', '11:30', '大单元教学');",
    )
    .unwrap();
    insert_teachers(c, &[(1, "T0001", "张伟", 1), (2, "T0002", "李娜", 1)]);
    c.execute_batch(
        "INSERT INTO enrolments (project_id, teacher_id, school_id, enrolled_at)
           VALUES (1, 1, 1, '2026-02-20'), (1, 2, 1, '2026-02-20');",
    )
    .unwrap();
    path
}

/// The desk's help (F1) at `size`: the rows inside the help window, borders removed.
fn desk_help(lang: Lang, size: (u16, u16)) -> Vec<String> {
    let mut ui = Ui::build(
        build_db,
        OpenMode::Existing,
        &dark(lang),
        at("2026-11-28 09:10"),
        size,
    );
    ui.app.update(Action::Open(Target::Session(1)));
    ui.key(KeyCode::F(1));
    let text = ui.settled();
    let title = i18n::HELP_TITLE.get(lang).split('{').next().unwrap_or("");
    assert!(text.contains(title), "{text}");
    text.lines()
        .filter_map(|l| {
            let inner = l.split('│').nth(1)?;
            l.matches('│').nth(1)?;
            Some(inner.trim_end().to_string())
        })
        .collect()
}

/// The help row of `msg`, checked: cut with "…", its text a prefix of the whole.
fn cut_row(rows: &[String], keys: &str, msg: i18n::Msg, lang: Lang) -> String {
    let full = msg.get(lang);
    let start: String = full.chars().take(4).collect();
    let row = rows
        .iter()
        .find(|r| r.contains(&start))
        .unwrap_or_else(|| panic!("no row for {full:?}: {rows:#?}"))
        .clone();
    assert!(row.starts_with(keys), "{row:?}");
    assert!(row.ends_with('…'), "cut without …: {row:?}");
    let shown = row[keys.len()..].trim_start().trim_end_matches('…');
    assert!(
        full.starts_with(shown),
        "{shown:?} is not the start of {full:?}"
    );
    assert!(shown.width() < full.width());
    row
}

#[test]
fn the_desk_help_cuts_the_esc_line_with_an_ellipsis_in_english() {
    // At 80×24 the window is 70 columns inside its borders: nothing runs past it.
    let rows = desk_help(Lang::En, (80, 24));
    assert!(rows.iter().all(|r| r.width() <= 70), "{rows:#?}");
    // A narrower terminal cuts the Esc line, with "…".
    let rows = desk_help(Lang::En, (60, 24));
    let row = cut_row(&rows, "Esc Ctrl-x", i18n::KEY_DESK_LEAVE, Lang::En);
    assert!(row.contains("Clear the box"), "{row}");
    assert!(rows.iter().all(|r| r.width() <= 58), "{rows:#?}");
}

#[test]
fn the_desk_help_cuts_the_esc_line_with_an_ellipsis_in_chinese() {
    let rows = desk_help(Lang::Zh, (60, 24));
    cut_row(&rows, "Esc Ctrl-x", i18n::KEY_DESK_LEAVE, Lang::Zh);
    // Lines that fit are whole.
    let whole = i18n::KEY_DESK_UNDO.get(Lang::Zh);
    assert!(rows.iter().any(|r| r.ends_with(whole)), "{rows:#?}");
}
