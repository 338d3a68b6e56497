//! The Reports tab's school report at 80×24 in Chinese and English on a demo district:
//! schools in pinyin order (as the Vetoes tab), every header whole.

use crate::common;
use common::district::at;
use common::tui::{dark, Ui};
use liaoyuan::ops::demo::{generate_into, DemoOptions};
use liaoyuan::search::keys::pinyin_keys;
use liaoyuan::store::{Db, OpenMode};
use liaoyuan::tui::i18n::Lang;
use liaoyuan::tui::screens::TabId;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

const NOW: &str = "2026-11-28 09:10";

fn template() -> &'static Path {
    static DB: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    let (_, path) = DB.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("demo.db");
        let mut db = Db::open(&path, OpenMode::Create).unwrap();
        let tx = db
            .write(&liaoyuan::store::Stamp::new(
                at("2026-03-01 09:00"),
                "tester",
            ))
            .unwrap();
        let opts = DemoOptions {
            teachers: 400,
            seed: 7,
            progress: false,
        };
        generate_into(&tx, &opts, at(NOW).date()).unwrap();
        tx.commit().unwrap();
        db.conn
            .execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")
            .unwrap();
        (dir, path)
    });
    path
}

pub(crate) fn open(lang: Lang) -> Ui {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("district.db");
    std::fs::copy(template(), &path).unwrap();
    let db = Db::open(&path, OpenMode::Existing).unwrap();
    Ui::new(db, path, dir, &dark(lang), at(NOW), (80, 24))
}

/// The school names of the table's rows, top to bottom.
fn listed(text: &str, schools: &[String]) -> Vec<String> {
    text.lines()
        .filter_map(|l| schools.iter().find(|s| l.starts_with(s.as_str())).cloned())
        .collect()
}

fn schools(ui: &Ui) -> Vec<String> {
    let c = rusqlite::Connection::open(&ui.path).unwrap();
    let mut stmt = c.prepare("SELECT name FROM schools").unwrap();
    let mut names: Vec<String> = stmt
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    // Longest first, so that a name is not taken for a shorter one it starts with.
    names.sort_by_key(|n| std::cmp::Reverse(n.len()));
    names
}

#[test]
fn schools_are_in_pinyin_order_and_every_header_is_whole() {
    for (lang, headers) in [
        (
            Lang::Zh,
            ["学校", "送培/名额", "出勤率", "否决人数", "跟踪完成"],
        ),
        (
            Lang::En,
            [
                "School",
                "Sent/places",
                "Attendance",
                "Vetoes",
                "Follow-ups",
            ],
        ),
    ] {
        let mut ui = open(lang);
        ui.app
            .update(liaoyuan::tui::action::Action::GoToTab(TabId::Reports));
        let text = ui.settled();
        let header = text.lines().find(|l| l.contains(headers[2])).unwrap_or("");
        for h in headers {
            assert!(header.contains(h), "{h} whole in: {header}\n{text}");
        }
        assert!(!header.contains('…'), "{header}");
        let rows = listed(&text, &schools(&ui));
        assert!(rows.len() >= 5, "{text}");
        let mut sorted = rows.clone();
        sorted.sort_by_cached_key(|s| (pinyin_keys(s).0, s.clone()));
        assert_eq!(rows, sorted, "pinyin order:\n{text}");
        for l in text.lines() {
            assert!(unicode_width::UnicodeWidthStr::width(l) <= 80, "{l}");
        }
        // Sorted on a figure, its header keeps room for the ▼ mark.
        ui.key(crossterm::event::KeyCode::Char('s'));
        let text = ui.settled();
        let header = text.lines().find(|l| l.contains(headers[2])).unwrap_or("");
        assert!(
            header.contains(&format!("{}▼", headers[1])),
            "{header}\n{text}"
        );
        assert!(!header.contains('…'), "{header}");
    }
}

#[test]
fn enter_on_a_figure_lists_the_teachers_and_sessions_that_make_it() {
    use crossterm::event::KeyCode;
    use liaoyuan::store::report_evidence::{evidence, Figure};
    for (lang, title, header) in [
        (Lang::Zh, "否决人数：", "工号"),
        (Lang::En, "Vetoes: ", "Staff no"),
    ] {
        let mut ui = open(lang);
        ui.app
            .update(liaoyuan::tui::action::Action::GoToTab(TabId::Reports));
        let text = ui.settled();
        let names = schools(&ui);
        let first = listed(&text, &names)[0].clone();
        let row = text.lines().find(|l| l.starts_with(&first)).unwrap();
        let cells: Vec<&str> = row.split_whitespace().collect();
        let sent: usize = cells[1].split('/').next().unwrap().parse().unwrap();
        // School, sent, rate, bar…, vetoes, follow-ups, credits met, credits behind: vetoes is
        // fourth from the end.
        let vetoes: usize = cells[cells.len() - 4].parse().unwrap();

        ui.key(KeyCode::Right);
        ui.key(KeyCode::Right);
        ui.key(KeyCode::Enter);
        let text = ui.settled();
        let head = text
            .lines()
            .find(|l| l.contains(title))
            .unwrap_or_else(|| panic!("{text}"));
        assert!(head.starts_with(&first), "{head}");
        assert!(text.contains(header), "{text}");
        let c = rusqlite::Connection::open(&ui.path).unwrap();
        let school: i64 = c
            .query_row("SELECT id FROM schools WHERE name = ?1", [&first], |r| {
                r.get(0)
            })
            .unwrap();
        let (from, to) = (
            chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
            chrono::NaiveDate::from_ymd_opt(2026, 12, 31).unwrap(),
        );
        let marks = evidence(&c, Figure::Vetoes, school, from, to).unwrap();
        assert!(head.contains(&format!("{}", marks.len())), "{head}");
        let teachers: std::collections::HashSet<&String> = marks.iter().map(|m| &m[1]).collect();
        assert_eq!(teachers.len(), vetoes, "the list makes the figure");
        for l in text.lines() {
            assert!(unicode_width::UnicodeWidthStr::width(l) <= 80, "{l}");
        }
        ui.key(KeyCode::PageDown);
        ui.key(KeyCode::Esc);
        assert!(
            listed(&ui.settled(), &names).len() >= 5,
            "Esc goes back to the table"
        );

        ui.key(KeyCode::Left);
        ui.key(KeyCode::Left);
        ui.key(KeyCode::Enter);
        ui.settled();
        let sent_rows = evidence(&c, Figure::Sent, school, from, to).unwrap();
        let teachers: std::collections::HashSet<&String> =
            sent_rows.iter().map(|m| &m[3]).collect();
        assert_eq!(teachers.len(), sent, "teachers sent");
        let text = ui.settled();
        assert!(
            text.contains(&sent_rows[0][0]),
            "the first project listed: {text}"
        );
    }
}

#[test]
fn the_report_that_exports_read_lists_schools_in_pinyin_order() {
    let ui = open(Lang::Zh);
    let c = rusqlite::Connection::open(&ui.path).unwrap();
    let s = liaoyuan::domain::Settings::default();
    let (from, to) = liaoyuan::domain::veto::veto_year_range(2026, s.veto_year_start_month);
    let cycle = liaoyuan::domain::credits::cycle_of(to, &s);
    let rows = liaoyuan::store::reports::school_report(&c, from, to, &cycle, to, &s).unwrap();
    let names: Vec<String> = rows.iter().map(|r| r.school.clone()).collect();
    let mut sorted = names.clone();
    sorted.sort_by_cached_key(|n| (pinyin_keys(n).0, n.clone()));
    assert!(names.len() > 10);
    assert_eq!(names, sorted);
}

#[test]
fn enter_on_a_credit_figure_lists_the_teachers_who_make_it() {
    use crossterm::event::KeyCode;
    for (lang, met, behind) in [
        (Lang::Zh, "已达标：", "落后："),
        (Lang::En, "Met: ", "Behind: "),
    ] {
        let mut ui = open(lang);
        ui.app
            .update(liaoyuan::tui::action::Action::GoToTab(TabId::Reports));
        let text = ui.settled();
        let names = schools(&ui);
        let first = listed(&text, &names)[0].clone();
        // The figures the report shows for that school, worked out as the screen does.
        let c = rusqlite::Connection::open(&ui.path).unwrap();
        let s = liaoyuan::domain::Settings::default();
        let today = at(NOW).date();
        let (from, to) = liaoyuan::domain::veto::veto_year_range(2026, s.veto_year_start_month);
        let cycle = liaoyuan::domain::credits::cycle_of(to.min(today).max(from), &s);
        let rows =
            liaoyuan::store::reports::school_report(&c, from, to, &cycle, today, &s).unwrap();
        let row = rows.iter().find(|r| r.school == first).unwrap();
        // Sent → attendance → vetoes → follow-ups → credits met (→ behind).
        for (steps, label, count) in [(4, met, row.teachers_met), (1, behind, row.teachers_behind)]
        {
            for _ in 0..steps {
                ui.key(KeyCode::Right);
            }
            ui.key(KeyCode::Enter);
            let text = ui.settled();
            let head = text
                .lines()
                .find(|l| l.contains(label))
                .unwrap_or_else(|| panic!("{label}\n{text}"));
            assert!(head.starts_with(&first), "{head}");
            assert!(
                head.contains(&format!("{label}{count} ")),
                "{count} teachers make the figure: {head}\n{text}"
            );
            for l in text.lines() {
                assert!(unicode_width::UnicodeWidthStr::width(l) <= 80, "{l}");
            }
            ui.key(KeyCode::Esc);
        }
    }
}
