//! The Teachers tab: search, highlighting, detail pane, reloads.

use crate::tui_shell::fixture::*;
use crossterm::event::KeyCode;
use liaoyuan::search::keys::pinyin_keys;
use liaoyuan::store::{Db, OpenMode};
use liaoyuan::tui::action::{Action, Intent};
use liaoyuan::tui::i18n::Lang;
use liaoyuan::tui::screens::TabId;

#[test]
fn teachers_search_by_initials_highlights_and_tells_same_names_apart() {
    let mut ui = open(Lang::Zh, OpenMode::Existing, 80, 24);
    ui.typed("4");
    assert_eq!(ui.app.active_tab(), TabId::Teachers);
    assert!(ui.text().contains("4 位教师"));
    ui.typed("/zw");
    let text = ui.text();
    assert!(text.contains("/ zw"), "{text}");
    let rows: Vec<&str> = text
        .lines()
        .filter(|l| l.starts_with("张伟") && !l.contains('·'))
        .collect();
    assert_eq!(rows.len(), 2, "{text}");
    assert!(rows
        .iter()
        .any(|r| r.contains("实验小学") && r.contains("T0001")));
    assert!(rows
        .iter()
        .any(|r| r.contains("柏梓中学") && r.contains("T0002")));
    assert!(!text.contains("李娜"), "{text}");
    // Matched characters are drawn in the highlight colour, others are not.
    let hl = liaoyuan::tui::theme::Theme::built_in("dark").highlight;
    assert_eq!(ui.fg_at(3, "张"), Some(hl));
    assert_ne!(ui.fg_at(3, "学"), Some(hl));
    // Columns line up by display width: the school column starts at the same place.
    let a = rows[0].find('T').unwrap();
    let b = rows[1].find('T').unwrap();
    assert_eq!(
        unicode_width::UnicodeWidthStr::width(&rows[0][..a]),
        unicode_width::UnicodeWidthStr::width(&rows[1][..b])
    );
}

#[test]
fn detail_pane_shows_veto_evidence_credits_and_recent_marks() {
    let mut ui = open(Lang::Zh, OpenMode::Existing, 80, 24);
    ui.typed("4/T0001");
    ui.key(KeyCode::Enter);
    let text = ui.text();
    assert!(text.contains("张伟 · T0001 · 骨干教师"), "{text}");
    assert!(text.contains("实验小学 · 数学"), "{text}");
    assert!(text.contains("2026年一票否决 是"), "{text}");
    assert!(
        text.contains("2026-03-01 P1 骨干教师培训 迟到 · 集中培训"),
        "{text}"
    );
    assert!(text.contains("迟到 1"), "{text}");
    assert!(text.contains("24/120"), "{text}");
    assert!(text.contains("24/20"), "{text}");
    assert!(
        text.contains("合格教师 2020-09-01 → 骨干教师 2024-03-01"),
        "{text}"
    );
    assert!(text.contains("最近出勤 迟"), "{text}");
    // The other 张伟 has no veto.
    ui.key(KeyCode::Esc);
    ui.typed("/T0002");
    let text = ui.text();
    assert!(text.contains("2026年一票否决 否"), "{text}");
    // No marks at all: the strip says so instead of ending in a bare label.
    assert!(text.contains("最近出勤 （无记录）"), "{text}");
}

#[test]
fn detail_pane_in_english() {
    let mut ui = open(Lang::En, OpenMode::Existing, 80, 24);
    ui.typed("4/5678");
    let text = ui.text();
    assert!(text.contains("Veto 2026 yes"), "{text}");
    assert!(text.contains("Late 1"), "{text}");
    assert!(text.contains("Credit cycle 2026–2030"), "{text}");
    assert!(text.contains("Backbone"), "{text}");
}

#[test]
fn another_process_commit_reloads_keeping_search_text() {
    let mut ui = open(Lang::Zh, OpenMode::Existing, 80, 24);
    ui.typed("4/zhang");
    assert!(!ui.text().contains("张三丰"));
    let other = Db::open(&ui.app.shared.db.path, OpenMode::Existing).unwrap();
    let (py, ini) = pinyin_keys("张三丰");
    other
        .conn
        .execute(
            "INSERT INTO teachers (staff_no, name, school_id, pinyin, initials) VALUES ('T0009', '张三丰', 1, ?1, ?2)",
            rusqlite::params![py, ini],
        )
        .unwrap();
    ui.app.tick();
    // The index is rebuilt in a background thread: wait for it (no time limit asserted).
    while ui.app.is_loading() {
        ui.app.poll_background();
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    let text = ui.text();
    assert!(text.contains("/ zhang"), "{text}");
    assert!(text.contains("张三丰"), "{text}");
}

#[test]
fn slash_on_the_dashboard_starts_a_teacher_lookup() {
    let mut ui = open(Lang::Zh, OpenMode::Existing, 80, 24);
    ui.typed("/zengxm");
    assert_eq!(ui.app.active_tab(), TabId::Teachers);
    let text = ui.text();
    assert!(text.contains("/ zengxm"), "{text}");
    assert!(text.contains("曾小明 · T0004"), "{text}");
    // Esc clears the box; a second Esc goes back to the dashboard.
    ui.key(KeyCode::Esc);
    ui.key(KeyCode::Esc);
    assert_eq!(ui.app.active_tab(), TabId::Dashboard);
}

#[test]
fn field_prefixes_narrow_the_teacher_list() {
    let mut ui = open(Lang::Zh, OpenMode::Existing, 80, 24);
    ui.typed("4/school:柏梓");
    let text = ui.text();
    assert!(text.contains("T0002") && text.contains("T0004"), "{text}");
    assert!(!text.contains("T0001") && !text.contains("T0003"), "{text}");
    ui.key(KeyCode::Esc);
    ui.typed("/zw tier:backbone");
    let text = ui.text();
    assert!(
        text.contains("1 条匹配") && text.contains("T0001"),
        "{text}"
    );
    ui.key(KeyCode::Enter);
    ui.typed("?");
    assert!(ui.text().contains("按字段筛选"));
}

/// Waits for the background index rebuild (no time limit is asserted).
fn settle(ui: &mut Ui) {
    ui.app.tick();
    while ui.app.is_loading() {
        ui.app.poll_background();
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
}

#[test]
fn another_process_renaming_a_teacher_updates_the_search() {
    let mut ui = open(Lang::Zh, OpenMode::Existing, 80, 24);
    ui.typed("4/lina");
    assert!(ui.text().contains("李娜 · T0003"));
    let other = Db::open(&ui.app.shared.db.path, OpenMode::Existing).unwrap();
    let (py, ini) = pinyin_keys("李丽娜");
    other
        .conn
        .execute(
            "UPDATE teachers SET name = '李丽娜', pinyin = ?1, initials = ?2 WHERE id = 3",
            rusqlite::params![py, ini],
        )
        .unwrap();
    other
        .conn
        .execute(
            "INSERT INTO audit_log (at, actor, entity, entity_id, action)
             VALUES ('2026-11-28 09:11:00', 'desk2', 'teacher', 3, 'update')",
            [],
        )
        .unwrap();
    settle(&mut ui);
    let text = ui.text();
    assert!(text.contains("/ lina"), "{text}");
    assert!(text.contains("李丽娜 · T0003"), "{text}");
}

#[test]
fn our_own_write_does_not_hide_another_process_commit() {
    let mut ui = open(Lang::Zh, OpenMode::Existing, 80, 24);
    ui.typed("4/zhang");
    let other = Db::open(&ui.app.shared.db.path, OpenMode::Existing).unwrap();
    let (py, ini) = pinyin_keys("张三丰");
    other
        .conn
        .execute(
            "INSERT INTO teachers (staff_no, name, school_id, pinyin, initials) VALUES ('T0009', '张三丰', 1, ?1, ?2)",
            rusqlite::params![py, ini],
        )
        .unwrap();
    // Before the next tick, this desk writes something itself.
    ui.app.update(Action::write(Intent::SetSetting {
        key: "grace_minutes".into(),
        value: "6".into(),
    }));
    settle(&mut ui);
    assert!(ui.text().contains("张三丰"), "{}", ui.text());
}

#[test]
fn a_search_cut_at_the_list_limit_says_so() {
    let mut ui = open(Lang::Zh, OpenMode::Existing, 80, 24);
    let other = Db::open(&ui.app.shared.db.path, OpenMode::Existing).unwrap();
    let (py, ini) = pinyin_keys("王芳");
    other.conn.execute_batch("BEGIN").unwrap();
    for i in 0..600 {
        other
            .conn
            .execute(
                "INSERT INTO teachers (staff_no, name, school_id, pinyin, initials) VALUES (?1, '王芳', 1, ?2, ?3)",
                rusqlite::params![format!("W{i:04}"), py, ini],
            )
            .unwrap();
    }
    other.conn.execute_batch("COMMIT").unwrap();
    settle(&mut ui);
    ui.typed("4/wangf");
    let text = ui.text();
    // 600 match but the list keeps 500: the count is of every match, not of the list.
    assert!(text.contains("600 位"), "{text}");
    ui.key(KeyCode::Esc);
    ui.typed("/lina");
    assert!(ui.text().contains(" 1 条匹配"), "{}", ui.text());
}

#[test]
fn an_empty_list_says_why_and_what_to_do() {
    let mut ui = open(Lang::Zh, OpenMode::Existing, 80, 24);
    ui.typed("4/xyzq");
    let text = ui.text();
    assert!(text.contains("没有匹配的教师"), "{text}");

    // A new database: no roster yet, and how to import one.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("new.db");
    let db = Db::open(&path, OpenMode::Create).unwrap();
    let mut fresh = Ui::new(db, path, dir, &dark(Lang::Zh), now(), (80, 24));
    fresh.app.update(Action::GoToTab(TabId::Teachers));
    let row = fresh.text().lines().nth(3).unwrap_or("").to_string();
    assert!(
        row.contains("还没有教师") && row.contains("import teachers"),
        "{row}"
    );
}

#[test]
fn the_side_pane_of_a_wide_terminal_keeps_every_attendance_count() {
    for (lang, last, veto) in [
        (Lang::Zh, "请假 0", "2026年一票否决 是"),
        (Lang::En, "Excused 0", "Veto 2026 yes"),
    ] {
        let mut ui = open(lang, OpenMode::Existing, 120, 30);
        ui.typed("4/T0001");
        let text = ui.text();
        // The pane is beside the list (its rule on the left of the name line).
        let who = text
            .lines()
            .find(|l| l.contains("张伟 · T0001"))
            .unwrap_or("");
        assert!(
            who.contains("T0001 │张伟") || who.contains("│张伟 · T0001"),
            "{text}"
        );
        assert!(text.contains(last), "{text}");
        assert!(text.contains(veto), "{text}");
        // A cut tier history ends in "…", never mid-date at the edge.
        let hist = text
            .lines()
            .find(|l| l.contains("2020-09-01"))
            .unwrap_or("");
        assert!(
            hist.trim_end().ends_with('…') || hist.contains("2024-03-01"),
            "{text}"
        );
    }
}
