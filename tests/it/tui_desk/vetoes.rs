//! The Vetoes tab: the list, changing a mark (reasons), the audit history.

use super::*;

#[test]
fn vetoes_tab_lists_the_vetoed_teacher_under_the_school_with_evidence() {
    let mut ui = open(Lang::Zh, "2026-11-28 09:00");
    ui.typed("7");
    assert_eq!(ui.app.active_tab(), TabId::Vetoes);
    let text = ui.text();
    assert!(text.contains("2026年一票否决：1 人"), "{text}");
    let lines: Vec<&str> = text.lines().collect();
    let school = lines
        .iter()
        .position(|l| l.starts_with("实验小学"))
        .unwrap();
    assert!(lines[school + 1].contains("张伟 T0001"), "{text}");
    let ev = lines[school + 2];
    assert!(
        ev.contains("2026-03-01") && ev.contains("P1 骨干教师培训"),
        "{text}"
    );
    assert!(ev.contains("迟到 12 分钟"), "{text}");
    // The evidence names the project's veto scope.
    assert!(ev.contains("集中培训"), "{text}");
    assert!(!text.contains("李娜"), "{text}");
    // The previous year has none.
    ui.typed("[");
    assert!(ui.text().contains("2025年没有一票否决"), "{}", ui.text());
    ui.typed("]");
    // The filter.
    ui.typed("/ln");
    assert!(ui.text().contains("（无记录）"), "{}", ui.text());
    ui.key(KeyCode::Esc);
    assert!(ui.text().contains("张伟 T0001"));
}

#[test]
fn lifting_a_veto_from_the_vetoes_tab_asks_a_reason_and_is_in_the_history() {
    let mut ui = open(Lang::En, "2026-11-28 09:00");
    ui.typed("7");
    ui.key(KeyCode::Down); // the evidence row
    ui.key(KeyCode::Enter); // the status picker, on Late
    let text = ui.text();
    assert!(text.contains("Change the mark"), "{text}");
    ui.key(KeyCode::Up); // Present
    ui.key(KeyCode::Enter);
    assert!(ui.app.has_overlay(), "a reason is asked");
    assert!(
        ui.text().contains("Lifts the teacher's 2026 one-vote veto"),
        "{}",
        ui.text()
    );
    ui.key(KeyCode::Esc); // cancelled: nothing changes
    assert_eq!(ui.status_of(2, 1).as_deref(), Some("late"));
    ui.key(KeyCode::Enter);
    ui.key(KeyCode::Up);
    ui.key(KeyCode::Enter);
    ui.typed("traffic jam, confirmed by the school");
    ui.key(KeyCode::Enter);
    assert_eq!(ui.status_of(2, 1).as_deref(), Some("present"));
    let text = ui.text();
    assert!(text.contains("No vetoes in 2026"), "{text}");
    // The audit log has the reason and the actor.
    let db = Db::open(&ui.path, OpenMode::ReadOnly).unwrap();
    let rows =
        liaoyuan::store::audit::history(&db.conn, liaoyuan::store::audit::Entity::Mark, 1).unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].reason, "traffic jam, confirmed by the school");
}

#[test]
fn vetoes_tab_at_a_closed_session_asks_a_reason_even_for_the_same_status() {
    let mut ui = open(Lang::En, "2026-11-28 09:00");
    {
        let db = Db::open(&ui.path, OpenMode::Existing).unwrap();
        db.conn
            .execute(
                "UPDATE sessions SET closed_at = '2026-03-01 12:00:00' WHERE id = 2",
                [],
            )
            .unwrap();
    }
    ui.typed("7");
    ui.key(KeyCode::Down); // the evidence row: 张伟 late at session 2
    ui.key(KeyCode::Enter); // the status picker, on Late
    ui.key(KeyCode::Enter); // Late again
    assert!(ui.app.has_overlay(), "a reason is asked: {}", ui.text());
    ui.typed("checked against the paper sheet");
    ui.key(KeyCode::Enter);
    assert_eq!(ui.status_of(2, 1).as_deref(), Some("late"));
    let db = Db::open(&ui.path, OpenMode::ReadOnly).unwrap();
    let rows =
        liaoyuan::store::audit::history(&db.conn, liaoyuan::store::audit::Entity::Mark, 1).unwrap();
    assert_eq!(rows.len(), 1, "{}", ui.toast());
    assert_eq!(rows[0].reason, "checked against the paper sheet");
}

#[test]
fn h_shows_the_audit_history_of_a_mark() {
    let mut ui = open(Lang::Zh, "2026-11-28 09:00");
    // A correction that keeps the veto (late → absent) needs no reason and is audited.
    ui.typed("7");
    ui.key(KeyCode::Down);
    ui.key(KeyCode::Enter);
    ui.key(KeyCode::Down); // left early
    ui.key(KeyCode::Down); // absent
    ui.key(KeyCode::Enter);
    assert!(!ui.app.has_overlay());
    assert_eq!(ui.status_of(2, 1).as_deref(), Some("absent"));
    ui.typed("h");
    let text = ui.text();
    assert!(text.contains("修改记录"), "{text}");
    assert!(text.contains("update 迟到 → 旷课"), "{text}");
    ui.key(KeyCode::Esc);
    assert!(!ui.text().contains("修改记录"));
}

#[test]
fn vetoes_tab_orders_schools_by_pinyin() {
    let ui = open(Lang::Zh, "2026-11-28 09:00");
    // Three more schools, each with a teacher late in March (a 2026 veto). By code point they
    // read 上和镇 五桂镇 别口镇; by pinyin: bie, shang, wu.
    {
        let db = Db::open(&ui.path, OpenMode::Existing).unwrap();
        let c = &db.conn;
        for (i, school) in [
            (10, "上和镇中心小学"),
            (11, "五桂镇中学"),
            (12, "别口镇小学"),
        ] {
            c.execute(
                "INSERT INTO schools (id, name, township, stage) VALUES (?1, ?2, '', 'primary')",
                rusqlite::params![i, school],
            )
            .unwrap();
            insert_teachers(c, &[(i, &format!("T00{i}"), "赵敏", i)]);
            c.execute(
                "INSERT INTO marks (session_id, teacher_id, school_id, session_date, status, minutes_late, checked_in_at, recorded_at)
                 VALUES (2, ?1, ?1, '2026-03-01', 'late', 20, '2026-03-01 08:50:00', '2026-03-01 08:50:00')",
                [i],
            )
            .unwrap();
        }
    }
    let mut ui = ui;
    ui.app.check_external_changes();
    ui.typed("7");
    let text = ui.text();
    let at = |s: &str| text.find(s).unwrap_or_else(|| panic!("no {s}:\n{text}"));
    // 别口镇 (bie) < 上和镇 (shang) < 实验小学 (shi) < 五桂镇 (wu)
    assert!(at("别口镇小学") < at("上和镇中心小学"), "{text}");
    assert!(at("上和镇中心小学") < at("实验小学"), "{text}");
    assert!(at("实验小学") < at("五桂镇中学"), "{text}");
}

/// Writes `sql` through a second connection, then lets the App notice (a tick).
fn write_aside(ui: &mut Ui, sql: &str) {
    let db = Db::open(&ui.path, OpenMode::Existing).unwrap();
    db.conn.execute_batch(sql).unwrap();
    drop(db);
    ui.app.tick();
}

#[test]
fn the_vetoes_tab_follows_the_project_s_veto_scope() {
    let mut ui = open(Lang::En, "2026-11-28 09:00");
    ui.typed("7");
    assert!(
        ui.text().contains("Vetoes 2026: 1 teachers"),
        "{}",
        ui.text()
    );
    write_aside(&mut ui, "UPDATE projects SET veto_scope = 0 WHERE id = 1");
    assert!(ui.text().contains("No vetoes in 2026"), "{}", ui.text());
    write_aside(&mut ui, "UPDATE projects SET veto_scope = 1 WHERE id = 1");
    let text = ui.text();
    assert!(
        text.contains("Vetoes 2026: 1 teachers") && text.contains("concentrated"),
        "{text}"
    );
}

#[test]
fn absent_changed_to_left_early_in_the_vetoes_tab_asks_why_without_an_arrival() {
    let mut ui = open(Lang::En, "2026-11-28 09:00");
    // 张伟's late mark becomes absent (still a veto): no arrival on record.
    write_aside(
        &mut ui,
        "UPDATE marks SET status = 'absent', minutes_late = 0, checked_in_at = NULL
         WHERE session_id = 2 AND teacher_id = 1",
    );
    ui.typed("7");
    ui.key(KeyCode::Down); // the evidence row
    ui.key(KeyCode::Enter); // the status picker, on Absent
    ui.key(KeyCode::Up); // Left early
    ui.key(KeyCode::Enter);
    assert!(ui.app.has_overlay(), "a reason is asked: {}", ui.text());
    assert!(ui.text().contains("no arrival on record"), "{}", ui.text());
    ui.typed("sign-out sheet: arrived 08:40, left 10:00");
    ui.key(KeyCode::Enter);
    assert_eq!(ui.status_of(2, 1).as_deref(), Some("left_early"));
}
