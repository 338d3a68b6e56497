//! Teachers not in service (调离/退休/离职) are not offered at the desk: left out of its rows
//! and walk-ins, and a query that finds only them says why instead of "no match".

use super::*;

fn set_status(path: &Path, teacher: i64, status: &str) {
    let db = Db::open(path, OpenMode::Existing).unwrap();
    db.conn
        .execute(
            "UPDATE teachers SET status = ?2 WHERE id = ?1",
            rusqlite::params![teacher, status],
        )
        .unwrap();
}

/// The desk on session 1 with 李娜 (enrolled) retired and 刘洋 (a walk-in) transferred.
fn with_inactive(lang: Lang) -> Ui {
    let build = |dir: &Path| {
        let path = build_db(dir);
        set_status(&path, 2, "retired");
        set_status(&path, 4, "transferred");
        path
    };
    let mut ui = Ui::build(
        build,
        OpenMode::Existing,
        &dark(lang),
        at("2026-11-28 08:32"),
        (80, 24),
    );
    ui.desk(1);
    ui
}

#[test]
fn an_inactive_teacher_is_not_offered_and_the_desk_says_why() {
    let mut ui = with_inactive(Lang::Zh);
    ui.key(KeyCode::Esc); // the whole list of enrolled teachers
    let list = ui.text();
    assert!(list.contains("张伟") && list.contains("曾小明"), "{list}");
    assert!(!list.contains("李娜"), "{list}");

    ui.typed("lina");
    let text = ui.text();
    assert!(
        text.contains("李娜 已退休（状态：退休），不在签到名单中"),
        "{text}"
    );
    ui.key(KeyCode::Enter);
    assert!(ui.toast().contains("李娜 已退休"), "{}", ui.toast());
    assert_eq!(ui.status_of(1, 2), None);

    // Not among the walk-ins either.
    for _ in 0..4 {
        ui.key(KeyCode::Backspace);
    }
    ui.typed("liuyang");
    let text = ui.text();
    assert!(
        text.contains("刘洋 已调离（状态：调离），不在签到名单中"),
        "{text}"
    );
    // A query that finds active teachers too (every staff number) offers only them.
    for _ in 0..7 {
        ui.key(KeyCode::Backspace);
    }
    ui.typed("T000");
    let text = ui.text();
    assert!(text.contains("张伟") && text.contains("曾小明"), "{text}");
    let offered = |name: &str| text.lines().any(|l| l.starts_with(name));
    assert!(!offered("李娜") && !offered("刘洋"), "{text}");
}

#[test]
fn in_english_the_desk_names_the_status() {
    let mut ui = with_inactive(Lang::En);
    ui.typed("T0004");
    let text = ui.text();
    assert!(
        text.contains("刘洋 is not in service (status: Transferred out)"),
        "{text}"
    );
}

#[test]
fn another_process_retiring_a_teacher_while_the_desk_is_open() {
    let mut ui = open(Lang::Zh, "2026-11-28 08:32");
    ui.desk(1);
    ui.typed("lina");
    assert!(ui.text().contains("▶ 李娜"), "{}", ui.text());
    // Another process (the real binary) imports 李娜 as retired meanwhile.
    let sheet = ui.path.with_file_name("status.csv");
    std::fs::write(&sheet, "工号,姓名,学校,状态\nT0002,李娜,实验小学,退休\n").unwrap();
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_liaoyuan"))
        .arg("--db")
        .arg(&ui.path)
        .args(["import", "teachers"])
        .arg(&sheet)
        .env("LIAOYUAN_NOW", "2026-11-28 08:33")
        .env_remove("LIAOYUAN_DB")
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let audit = ui.count("SELECT count(*) FROM audit_log");
    // Enter before the desk has reloaded: the check-in is refused, nothing written.
    ui.key(KeyCode::Enter);
    assert!(
        ui.toast().contains("已退休（状态：退休）"),
        "{}",
        ui.toast()
    );
    assert_eq!(ui.status_of(1, 2), None);
    assert_eq!(ui.count("SELECT count(*) FROM audit_log"), audit);
    assert_eq!(
        ui.count("SELECT count(*) FROM marks WHERE teacher_id = 2 AND session_id = 1"),
        0
    );
    // On reload the desk no longer offers her, and says why.
    ui.app.check_external_changes();
    while ui.app.is_loading() {
        ui.app.poll_background();
    }
    ui.typed("lina");
    let text = ui.text();
    assert!(
        text.contains("李娜 已退休（状态：退休），不在签到名单中"),
        "{text}"
    );
}

#[test]
fn the_counter_counts_only_teachers_in_service() {
    for (lang, counter) in [(Lang::Zh, "已签到 0 / 3"), (Lang::En, "0 / 3")] {
        let mut ui = with_inactive(lang);
        let text = ui.text();
        // four enrolled, 李娜 retired without a mark here: three expected
        assert!(text.contains(counter), "{text}");
    }
}

#[test]
fn closing_never_marks_a_teacher_no_longer_in_service_absent() {
    let mut ui = with_inactive(Lang::Zh);
    ui.key(KeyCode::F(8));
    let text = ui.text();
    let figure = |label: &str| {
        text.lines()
            .find(|l| l.contains(label))
            .and_then(|l| l.split('│').nth(1))
            .map(|l| l.trim().to_string())
            .unwrap_or_default()
    };
    // 张伟 and 曾小明 become absent; 李娜 (retired) is named apart and not marked
    assert!(figure("未签到 → 记为旷课").ends_with('2'), "{text}");
    assert!(
        figure("未签到但已不在职（不记旷课）").ends_with('1'),
        "{text}"
    );
    ui.key(KeyCode::Char('y'));
    assert_eq!(ui.status_of(1, 1).as_deref(), Some("absent"));
    assert_eq!(ui.status_of(1, 5).as_deref(), Some("absent"));
    assert_eq!(ui.status_of(1, 2), None, "no absence, so no veto, for 李娜");
}
