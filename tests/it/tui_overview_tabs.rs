//! The Starlight, Follow-ups and Reports tabs rendered into ratatui's TestBackend at 80×24,
//! in Chinese and English, on a demo district (crate::tui_overview_tabs::ops::demo) generated for a pinned day.
//! Assertions read the text a user would read.

use crate::common;
#[path = "tui_overview_tabs/written.rs"]
mod written;

use common::district::at;
use common::tui::{dark, Ui};
use crossterm::event::KeyCode;
use liaoyuan::ops::demo::{generate_into, DemoOptions};
use liaoyuan::store::{Db, OpenMode};
use liaoyuan::tui::i18n::Lang;
use liaoyuan::tui::screens::TabId;
use ratatui::style::Color;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

const NOW: &str = "2026-11-28 09:10";

fn now() -> chrono::NaiveDateTime {
    at(NOW)
}

/// One demo district per test run, copied for each test (generation is the slow part).
fn template() -> &'static Path {
    static DB: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    let (_, path) = DB.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("demo.db");
        let mut db = Db::open(&path, OpenMode::Create).unwrap();
        let tx = db
            .write(&liaoyuan::store::Stamp::new(
                liaoyuan::domain::parse_datetime("2026-03-01 09:00").unwrap(),
                "tester",
            ))
            .unwrap();
        let opts = DemoOptions {
            teachers: 400,
            seed: 7,
            progress: false,
        };
        generate_into(&tx, &opts, now().date()).unwrap();
        tx.commit().unwrap();
        db.conn
            .execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")
            .unwrap();
        (dir, path)
    });
    path
}

fn open(lang: Lang, w: u16, h: u16) -> Ui {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("district.db");
    std::fs::copy(template(), &path).unwrap();
    let db = Db::open(&path, OpenMode::Existing).unwrap();
    Ui::new(db, path, dir, &dark(lang), now(), (w, h))
}

impl Ui {
    /// The foreground colour of the first cell showing `sym` on a row containing `needle`.
    fn fg_on_row(&mut self, needle: &str, sym: &str) -> Option<Color> {
        let text = self.settled();
        let y = text.lines().position(|l| l.contains(needle))? as u16;
        let b = self.term.backend().buffer();
        (0..b.area.width)
            .map(|x| &b[(x, y)])
            .find(|c| c.symbol() == sym)
            .map(|c| c.fg)
    }

    fn tab(&mut self, t: TabId) {
        self.app.update(liaoyuan::tui::action::Action::GoToTab(t));
    }

    /// A second connection to the same file, to check what was written.
    fn db(&self) -> rusqlite::Connection {
        rusqlite::Connection::open(&self.path).unwrap()
    }
}

fn count(c: &rusqlite::Connection, sql: &str) -> i64 {
    c.query_row(sql, [], |r| r.get(0)).unwrap()
}

/// The first trainer of the Starlight list (pinyin order): (id, name, design level).
fn first_trainer(c: &rusqlite::Connection) -> (i64, String, i64) {
    let mut st = c.prepare("SELECT id, name, design FROM trainers").unwrap();
    let mut all: Vec<(i64, String, i64)> = st
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .map(|r| r.unwrap())
        .collect();
    all.sort_by_key(|(id, name, _)| {
        (
            liaoyuan::search::keys::pinyin_keys(name).0,
            name.clone(),
            *id,
        )
    });
    all.remove(0)
}

fn first_text(c: &rusqlite::Connection, sql: &str) -> String {
    c.query_row(sql, [], |r| r.get(0)).unwrap()
}

// ── Starlight ────────────────────────────────────────────────────────────────

#[test]
fn starlight_lists_trainers_with_levels_and_a_competency_chart_in_chinese() {
    let mut ui = open(Lang::Zh, 80, 24);
    ui.tab(TabId::Starlight);
    let text = ui.settled();
    let db = ui.db();
    let (_, first, design) = first_trainer(&db);
    let n = count(&db, "SELECT count(*) FROM trainers");
    assert!(text.contains(&first), "{text}");
    assert!(text.contains(&format!("{n} 位讲师")), "{text}");
    // Pinyin order: the first row is the first trainer by pinyin.
    let row = text.lines().nth(3).unwrap_or("");
    assert!(row.starts_with(&first), "{row}\n{text}");
    for h in ["姓名", "学校", "状态", "六能", "授课"] {
        assert!(text.contains(h), "header {h}: {text}");
    }
    for c in ["能设计", "能组织", "能教学", "能指导", "能评价", "能研究"] {
        assert!(text.contains(c), "competency {c}: {text}");
    }
    // The chart: the first competency line carries a bar of the trainer's level.
    let line = text.lines().find(|l| l.starts_with("能设计")).unwrap();
    assert!(line.trim_end().ends_with(&design.to_string()), "{line}");
    assert_eq!(line.matches('█').count() as i64, design * 8, "{line}");
    assert!(text.contains("授课场次"), "{text}");
}

#[test]
fn starlight_in_english() {
    let mut ui = open(Lang::En, 80, 24);
    ui.tab(TabId::Starlight);
    let text = ui.settled();
    for w in [
        "Design",
        "Organize",
        "Teach",
        "Guide",
        "Evaluate",
        "Research",
        "Sessions taught",
    ] {
        assert!(text.contains(w), "{w}: {text}");
    }
    assert!(text.contains('█'));
    assert!(text.contains("Certified"), "{text}");
}

#[test]
fn starlight_search_and_status_filter() {
    let mut ui = open(Lang::Zh, 80, 24);
    ui.tab(TabId::Starlight);
    let db = ui.db();
    let external = first_text(
        &db,
        "SELECT name FROM trainers WHERE teacher_id IS NULL ORDER BY name LIMIT 1",
    );
    ui.key(KeyCode::Char('/'));
    ui.typed(&external);
    ui.key(KeyCode::Enter);
    let text = ui.settled();
    assert!(text.contains("1 位讲师"), "{text}");
    assert!(text.contains("外聘专家"), "{text}");
    ui.key(KeyCode::Esc);
    // Full pinyin finds the same expert.
    let (full, _) = liaoyuan::search::keys::pinyin_keys(&external);
    let full = full.split('|').next().unwrap().replace('\'', "");
    ui.key(KeyCode::Char('/'));
    ui.typed(&full);
    ui.key(KeyCode::Enter);
    let text = ui.settled();
    assert!(text.contains(&external), "{full}: {text}");
    ui.key(KeyCode::Esc);
    ui.key(KeyCode::Char('s'));
    let candidates = count(
        &db,
        "SELECT count(*) FROM trainers WHERE status = 'candidate'",
    );
    let text = ui.settled();
    assert!(text.contains("状态：培养对象"), "{text}");
    assert!(text.contains(&format!("{candidates} 位讲师")), "{text}");
}

#[test]
fn starlight_edit_form_saves_levels_with_an_audit_row() {
    let mut ui = open(Lang::Zh, 80, 24);
    ui.tab(TabId::Starlight);
    let db = ui.db();
    let (id, name, _) = first_trainer(&db);
    ui.key(KeyCode::Char('e'));
    let text = ui.settled();
    assert!(text.contains(&format!("修改讲师：{name}")), "{text}");
    ui.key(KeyCode::Right); // status → the next one
    ui.key(KeyCode::Down); // 能设计
    ui.key(KeyCode::Char('0'));
    ui.key(KeyCode::Down); // 能组织
    ui.key(KeyCode::Char('3'));
    ui.key(KeyCode::Enter);
    // A change of level asks the reason (the evidence) first (docs/rules.md §4.8).
    let text = ui.settled();
    assert!(text.contains(&format!("修改 {name} 的能力等级")), "{text}");
    ui.typed("听课评估");
    ui.key(KeyCode::Enter);
    let (design, organize): (i64, i64) = db
        .query_row(
            "SELECT design, organize FROM trainers WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!((design, organize), (0, 3));
    let audits = count(
        &db,
        &format!("SELECT count(*) FROM audit_log WHERE entity = 'trainer' AND entity_id = {id} AND action = 'update'"),
    );
    assert_eq!(audits, 1);
    let text = ui.settled();
    assert!(text.contains("已保存讲师"), "{text}");
}

// ── Follow-ups ───────────────────────────────────────────────────────────────

#[test]
fn follow_ups_show_counts_and_mark_overdue_rows_in_the_bad_colour() {
    let mut ui = open(Lang::Zh, 80, 24);
    ui.tab(TabId::FollowUps);
    let db = ui.db();
    let today = now().date().to_string();
    let pending = count(
        &db,
        "SELECT count(*) FROM follow_ups WHERE status = 'pending'",
    );
    let done = count(&db, "SELECT count(*) FROM follow_ups WHERE status = 'done'");
    let overdue = count(
        &db,
        &format!(
            "SELECT count(*) FROM follow_ups WHERE status = 'pending' AND due_date < '{today}'"
        ),
    );
    assert!(overdue > 0, "the demo district has overdue follow-ups");
    let text = ui.settled();
    assert!(text.contains(&format!("待完成 {pending}")), "{text}");
    assert!(text.contains(&format!("已完成 {done}")), "{text}");
    assert!(text.contains(&format!("逾期 {overdue}")), "{text}");
    // Overdue rows come first and say so, in the theme's "bad" colour.
    let row = text.lines().nth(5).unwrap().to_string();
    assert!(row.trim_end().ends_with("逾期"), "{text}");
    let bad = ui.app.shared.theme.bad;
    assert_eq!(ui.fg_on_row(&row, "逾"), Some(bad));
    // The pane of a task not yet held shows dashes, not bare labels ("开展日期  · 听评人  · 评价").
    assert!(
        text.lines()
            .any(|l| l.starts_with("开展日期 — · 听评人 — · 评价 —")),
        "{text}"
    );
}

#[test]
fn follow_ups_filters_by_status_and_kind_in_english() {
    let mut ui = open(Lang::En, 80, 24);
    ui.tab(TabId::FollowUps);
    ui.key(KeyCode::Char('s')); // pending
    ui.key(KeyCode::Char('s')); // done
    let text = ui.settled();
    assert!(text.contains("Status: Done"), "{text}");
    assert!(
        text.lines().skip(3).all(|l| !l.contains("Overdue")),
        "{text}"
    );
    ui.key(KeyCode::Char('t'));
    let text = ui.settled();
    assert!(text.contains("Kind: Report-back"), "{text}");
    let db = ui.db();
    let n = count(
        &db,
        "SELECT count(*) FROM follow_ups WHERE status = 'done' AND kind = 'report_back'",
    );
    assert!(text.contains(&format!("{n} shown")), "{text}");
    // p keeps only the selected row's project; p again shows all projects.
    ui.key(KeyCode::Char('t')); // forum
    ui.key(KeyCode::Char('t')); // transplant lesson
    let code = text_of_first_row_project(&mut ui);
    ui.key(KeyCode::Char('p'));
    let text = ui.settled();
    assert!(text.contains(&format!("Project: {code}")), "{text}");
    let rows: Vec<&str> = text.lines().skip(4).take(5).collect();
    assert!(
        rows.iter()
            .all(|l| l.contains(&code) || l.trim().is_empty()),
        "{text}"
    );
    ui.key(KeyCode::Char('p'));
    assert!(!ui.settled().contains("Project: "));
}

#[test]
fn recording_a_follow_up_moves_it_to_done_then_evaluated_with_audit_rows() {
    let mut ui = open(Lang::Zh, 80, 24);
    ui.tab(TabId::FollowUps);
    ui.settled();
    // The first row is the oldest overdue follow-up.
    let db = ui.db();
    let today = now().date().to_string();
    let id: i64 = count(
        &db,
        &format!(
            "SELECT f.id FROM follow_ups f JOIN teachers t ON t.id = f.teacher_id
             WHERE f.status = 'pending' AND f.due_date < '{today}'
             ORDER BY f.due_date, f.id LIMIT 1"
        ),
    );
    ui.key(KeyCode::Enter);
    let text = ui.settled();
    assert!(text.contains("记录跟踪任务"), "{text}");
    assert!(text.contains(&today), "held date proposed: {text}");
    ui.key(KeyCode::Down); // title
    ui.ctrl('u');
    ui.typed("移植课：大单元教学");
    ui.ctrl('s');
    let status = first_text(
        &db,
        &format!("SELECT status FROM follow_ups WHERE id = {id}"),
    );
    assert_eq!(status, "done");
    let title = first_text(
        &db,
        &format!("SELECT title FROM follow_ups WHERE id = {id}"),
    );
    assert_eq!(title, "移植课：大单元教学");
    // Evaluate it: observer picked among the trainers by pinyin initials, a rating.
    let (trainer_id, trainer): (i64, String) = db
        .query_row(
            "SELECT id, name FROM trainers WHERE teacher_id IS NULL ORDER BY name LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    // The list keeps the recorded follow-up selected: its detail shows what was recorded.
    let text = ui.settled();
    assert!(text.contains("题目 移植课：大单元教学"), "{text}");
    let toast = text.lines().next_back().unwrap_or("");
    assert!(
        toast.contains("已记录：") && toast.contains(" · 已完成"),
        "{toast}"
    );
    ui.key(KeyCode::Enter);
    for _ in 0..3 {
        ui.key(KeyCode::Down); // observer
    }
    ui.typed(&trainer);
    let text = ui.settled();
    assert!(text.contains("Enter 选定"), "{text}");
    ui.key(KeyCode::Enter); // picks the trainer
    ui.key(KeyCode::Down); // rating
    ui.key(KeyCode::Right); // 优秀 → evaluated
    ui.ctrl('s');
    let (status, observer, rating): (String, Option<i64>, Option<String>) = db
        .query_row(
            "SELECT status, observer_trainer_id, rating FROM follow_ups WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!(status, "evaluated");
    assert_eq!(observer, Some(trainer_id));
    assert_eq!(rating.as_deref(), Some("excellent"));
    let audits = count(
        &db,
        &format!("SELECT count(*) FROM audit_log WHERE entity = 'follow_up' AND entity_id = {id}"),
    );
    assert_eq!(audits, 2);
}

#[test]
fn a_bad_held_date_keeps_the_form_open_and_writes_nothing() {
    let mut ui = open(Lang::Zh, 80, 24);
    ui.tab(TabId::FollowUps);
    ui.settled();
    let db = ui.db();
    let before = count(
        &db,
        "SELECT count(*) FROM audit_log WHERE entity = 'follow_up'",
    );
    ui.key(KeyCode::Char('e'));
    ui.ctrl('u');
    ui.typed("2026-13-45");
    ui.ctrl('s');
    let text = ui.settled();
    assert!(text.contains("开展日期应写成 YYYY-MM-DD"), "{text}");
    assert!(text.contains("记录跟踪任务"), "{text}");
    // A future date is refused by the rule, with the form still open.
    ui.ctrl('u');
    ui.typed("2026-12-01");
    ui.ctrl('s');
    let text = ui.settled();
    assert!(text.contains("还没到"), "{text}");
    let after = count(
        &db,
        "SELECT count(*) FROM audit_log WHERE entity = 'follow_up'",
    );
    assert_eq!(before, after);
    // The first Esc warns about the typed changes, the second discards them.
    ui.key(KeyCode::Esc);
    let text = ui.settled();
    assert!(
        text.contains("再按 Esc 放弃") && text.contains("记录跟踪任务"),
        "{text}"
    );
    ui.key(KeyCode::Esc);
    assert!(!ui.settled().contains("记录跟踪任务"));
}

/// The project code on the first (selected) row of the follow-up list.
fn text_of_first_row_project(ui: &mut Ui) -> String {
    let text = ui.settled();
    let row = text.lines().nth(4).unwrap().to_string();
    row.split_whitespace()
        .find(|w| w.chars().filter(|c| *c == '-').count() == 2 && w.len() >= 10)
        .unwrap_or_else(|| panic!("no project code in {row}"))
        .to_string()
}

// ── Reports ──────────────────────────────────────────────────────────────────

#[test]
fn reports_list_schools_with_rates_bars_and_the_credit_gauge() {
    let mut ui = open(Lang::Zh, 80, 24);
    ui.tab(TabId::Reports);
    let text = ui.settled();
    let db = ui.db();
    let first = first_text(&db, "SELECT name FROM schools ORDER BY name, id LIMIT 1");
    let schools = count(&db, "SELECT count(*) FROM schools");
    assert!(
        text.contains(&format!("2026年 学校考核 · {schools} 所学校")),
        "{text}"
    );
    assert!(text.contains(&first), "{text}");
    for h in [
        "送培/名额",
        "出勤率",
        "否决人数",
        "跟踪完成",
        "已达标",
        "落后",
        "学分周期 2026–2030",
    ] {
        assert!(text.contains(h), "{h}: {text}");
    }
    let row = text.lines().find(|l| l.starts_with(&first)).unwrap();
    assert!(row.contains('%') && row.contains('█'), "{row}");
    for l in text.lines() {
        assert!(unicode_width::UnicodeWidthStr::width(l) <= 80, "{l}");
    }
}

#[test]
fn reports_sort_year_and_calendar_in_english() {
    let mut ui = open(Lang::En, 80, 24);
    ui.tab(TabId::Reports);
    ui.key(KeyCode::Char('s')); // sent, most first
    let text = ui.settled();
    assert!(text.contains("Sorted by Sent/places"), "{text}");
    let db = ui.db();
    // Most sent first (the figure before the slash); a tie in name (pinyin) order.
    let rows: Vec<(i64, String)> = text
        .lines()
        .skip(4)
        .take(8)
        .filter_map(|l| {
            let name = l.split_whitespace().next()?.to_string();
            let sent = l
                .split_whitespace()
                .nth(1)?
                .split('/')
                .next()?
                .parse()
                .ok()?;
            Some((sent, name))
        })
        .collect();
    assert!(rows.len() >= 5, "{text}");
    for pair in rows.windows(2) {
        let key = |n: &str| liaoyuan::search::keys::pinyin_keys(n).0;
        assert!(
            pair[0].0 > pair[1].0 || (pair[0].0 == pair[1].0 && key(&pair[0].1) <= key(&pair[1].1)),
            "{pair:?}: {text}"
        );
    }
    let top: i64 = count(
        &db,
        "SELECT max(n) FROM (SELECT count(DISTINCT e.teacher_id) AS n FROM enrolments e
         JOIN projects p ON p.id = e.project_id
         WHERE p.start_date BETWEEN '2026-01-01' AND '2026-12-31' GROUP BY e.school_id)",
    );
    assert!(rows[0].0 <= top, "{top}: {text}");
    ui.key(KeyCode::Char('['));
    assert!(ui.settled().contains("School report 2025"));
    ui.key(KeyCode::Char(']'));
    ui.key(KeyCode::Char('c'));
    let text = ui.settled();
    assert!(text.contains("Sessions in 2026"), "{text}");
    for m in ["Jan", "Feb", "Jun", "Sep", "Dec"] {
        assert!(text.contains(m), "{m}: {text}");
    }
    let sessions = count(
        &db,
        "SELECT count(*) FROM sessions WHERE date BETWEEN '2026-01-01' AND '2026-12-31'",
    );
    assert!(
        text.contains(&format!("Sessions in 2026 · {sessions}")),
        "{text}"
    );
}

#[test]
fn reports_calendar_in_chinese_shows_every_month() {
    let mut ui = open(Lang::Zh, 80, 24);
    ui.tab(TabId::Reports);
    ui.key(KeyCode::Char('c'));
    let text = ui.settled();
    for m in 1..=12 {
        assert!(text.contains(&format!("{m}月")), "{m}月: {text}");
    }
    assert!(text.contains("2026年培训日历"), "{text}");
}

#[test]
fn wide_terminal_shows_the_calendar_beside_the_table() {
    let mut ui = open(Lang::Zh, 160, 40);
    ui.tab(TabId::Reports);
    let text = ui.settled();
    assert!(text.contains("出勤率") && text.contains("12月"), "{text}");
}

#[test]
fn help_lists_each_tabs_own_keys() {
    let mut ui = open(Lang::Zh, 80, 24);
    for (tab, key_help) in [
        (TabId::Starlight, "按状态筛选"),
        (TabId::FollowUps, "按类型筛选"),
        (TabId::Reports, "换排序列"),
    ] {
        ui.tab(tab);
        ui.key(KeyCode::Char('?'));
        let text = ui.settled();
        assert!(text.contains(key_help), "{key_help}: {text}");
        ui.key(KeyCode::Esc);
    }
}

#[test]
fn every_tab_draws_at_the_smallest_and_a_large_size_without_breaking_lines() {
    for (w, h) in [(60, 16), (80, 24), (200, 60)] {
        for lang in [Lang::Zh, Lang::En] {
            let mut ui = open(lang, w, h);
            for tab in [TabId::Starlight, TabId::FollowUps, TabId::Reports] {
                ui.tab(tab);
                let mut screens = vec![ui.settled()];
                // The forms and the calendar too.
                let open_key = if tab == TabId::Reports { 'c' } else { 'e' };
                ui.key(KeyCode::Char(open_key));
                screens.push(ui.settled());
                ui.key(KeyCode::Esc);
                for text in screens {
                    for l in text.lines() {
                        let lw = unicode_width::UnicodeWidthStr::width(l);
                        assert!(lw <= w as usize, "{w}x{h} {tab:?}: {l}");
                    }
                }
            }
        }
    }
}

#[test]
fn empty_lists_say_why_on_starlight_and_follow_ups() {
    let mut ui = open(Lang::Zh, 80, 24);
    ui.tab(TabId::Starlight);
    ui.key(KeyCode::Char('/'));
    ui.typed("qqqqxx");
    let text = ui.settled();
    assert!(text.contains("没有符合搜索或筛选的讲师"), "{text}");
    ui.key(KeyCode::Esc);
    ui.tab(TabId::FollowUps);
    ui.key(KeyCode::Char('/'));
    ui.typed("qqqqxx");
    let text = ui.settled();
    assert!(text.contains("没有符合搜索或筛选的跟踪任务"), "{text}");
}

#[test]
fn follow_up_form_says_what_an_empty_observer_takes_and_how_enter_moves() {
    let mut ui = open(Lang::Zh, 80, 24);
    ui.tab(TabId::FollowUps);
    ui.key(KeyCode::Enter);
    let text = ui.settled();
    assert!(text.contains("↑↓ Enter 换项"), "{text}");
    assert!(!text.contains("输入星光讲师的姓名或拼音"), "{text}");
    for _ in 0..3 {
        ui.key(KeyCode::Down);
    }
    let text = ui.settled();
    assert!(text.contains("输入星光讲师的姓名或拼音选定"), "{text}");
}

#[test]
fn a_taller_terminal_lists_every_session_a_trainer_taught() {
    let mut ui = open(Lang::Zh, 100, 30);
    ui.tab(TabId::Starlight);
    let db = ui.db();
    // A trainer with 3 to 5 sessions (the pane had room for 2 at any height).
    let name = first_text(
        &db,
        "SELECT t.name FROM trainers t JOIN sessions s ON s.trainer_id = t.id
         GROUP BY t.id HAVING count(*) BETWEEN 3 AND 5 ORDER BY count(*) DESC, t.id LIMIT 1",
    );
    let n = count(
        &db,
        &format!("SELECT count(*) FROM sessions s JOIN trainers t ON t.id = s.trainer_id WHERE t.name = '{name}'"),
    );
    ui.key(KeyCode::Char('/'));
    ui.typed(&name);
    ui.key(KeyCode::Enter);
    let text = ui.settled();
    let title = text
        .lines()
        .position(|l| l.starts_with("授课场次"))
        .unwrap();
    let listed = text
        .lines()
        .skip(title + 1)
        .take_while(|l| l.starts_with("20"))
        .count() as i64;
    assert_eq!(listed, n, "{text}");
}

#[test]
fn starlight_on_a_wide_terminal_has_a_pane_beside_the_list_and_a_tidy_search_line() {
    let mut ui = open(Lang::En, 120, 30);
    ui.tab(TabId::Starlight);
    let text = ui.settled();
    let search = text.lines().nth(1).unwrap_or("");
    // The placeholder is cut with "…" before the filter, never run into it.
    assert!(!search.contains("schoolStatus"), "{search}");
    assert!(search.contains("Status: all"), "{search}");
    // A rule on the pane's left, beside the list's header.
    let header = text.lines().nth(2).unwrap_or("");
    assert!(header.contains("Taught │"), "{text}");
    // Follow-up kinds are whole once there is room.
    ui.tab(TabId::FollowUps);
    let text = ui.settled();
    assert!(text.contains("Transplant lesson"), "{text}");
}
