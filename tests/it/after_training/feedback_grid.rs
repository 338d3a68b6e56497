//! The paper forms collected at the end, entered on the project's Feedback window (`R`, then
//! `e`): one row per teacher who attended, three ratings (a digit rates and moves on) and a
//! comment, saved in one transaction; refused rows are explained and nothing is written.

use super::{at, open};
use crate::common;
use crossterm::event::KeyCode;
use liaoyuan::tui::action::{Action, Target};
use liaoyuan::tui::i18n::Lang;

type Row = (i64, Option<i64>, Option<i64>, Option<i64>, String, String);

fn project_feedback(ui: &common::tui::Ui) -> Vec<Row> {
    let db = liaoyuan::store::Db::open(&ui.path, liaoyuan::store::OpenMode::ReadOnly).unwrap();
    let mut st = db
        .conn
        .prepare(
            "SELECT teacher_id, content, trainer, organisation, comment, source FROM feedback
             WHERE project_id = 1 AND session_id IS NULL ORDER BY teacher_id",
        )
        .unwrap();
    st.query_map([], |r| {
        Ok((
            r.get(0)?,
            r.get(1)?,
            r.get(2)?,
            r.get(3)?,
            r.get(4)?,
            r.get(5)?,
        ))
    })
    .unwrap()
    .collect::<rusqlite::Result<_>>()
    .unwrap()
}

/// P1's session 1 held this morning: 张伟 and 李娜 present, 王芳 absent, 刘洋 unmarked; the
/// grid open on P1.
fn grid(lang: Lang) -> common::tui::Ui {
    let mut ui = open(lang, "2026-11-28 15:00");
    common::tui::other_writes(
        &ui.path,
        "INSERT INTO marks (session_id, teacher_id, school_id, session_date, status, checked_in_at, recorded_at) VALUES
           (1, 1, 1, '2026-11-28', 'present', '2026-11-28 08:20:00', '2026-11-28 08:20:00'),
           (1, 2, 1, '2026-11-28', 'present', '2026-11-28 08:21:00', '2026-11-28 08:21:00');
         INSERT INTO marks (session_id, teacher_id, school_id, session_date, status, recorded_at)
           VALUES (1, 3, 2, '2026-11-28', 'absent', '2026-11-28 12:00:00');",
    );
    ui.app.update(Action::Reload);
    ui.app.update(Action::Open(Target::Project(1)));
    ui.typed("R");
    ui.typed("e");
    ui
}

#[test]
fn attendees_only_digits_move_on_and_one_save_writes_every_row_in_chinese() {
    let mut ui = grid(Lang::Zh);
    let text = ui.text();
    assert!(text.contains("录入纸质反馈"), "{text}");
    assert!(text.contains("张伟") && text.contains("李娜"), "{text}");
    assert!(
        !text.contains("王芳") && !text.contains("刘洋"),
        "absent teachers are not offered: {text}"
    );
    ui.typed("543");
    ui.typed("收获很大");
    ui.key(KeyCode::Enter); // the next teacher
    ui.typed("45");
    let text = ui.text();
    assert!(text.contains("收获很大"), "{text}");
    ui.ctrl('s');
    let text = ui.text();
    assert!(
        !text.contains("录入纸质反馈"),
        "the grid closes once saved: {text}"
    );
    assert_eq!(
        project_feedback(&ui),
        [
            (
                1,
                Some(5),
                Some(4),
                Some(3),
                "收获很大".into(),
                "form".into()
            ),
            (2, Some(4), Some(5), None, String::new(), "form".into()),
        ]
    );
    let audits = ui.count("SELECT count(*) FROM audit_log WHERE entity = 'feedback'");
    assert_eq!(audits, 2);
}

#[test]
fn a_refused_row_is_explained_and_nothing_is_written_in_english() {
    let mut ui = grid(Lang::En);
    let text = ui.text();
    assert!(text.contains("Enter paper forms"), "{text}");
    ui.typed("5");
    ui.key(KeyCode::Down);
    ui.typed("4");
    // Another desk corrects 李娜's mark away meanwhile.
    common::tui::other_writes(&ui.path, "DELETE FROM marks WHERE teacher_id = 2");
    ui.ctrl('s');
    ui.toasts_expire();
    let text = ui.above_status();
    assert!(text.contains("Enter paper forms"), "the grid stays: {text}");
    assert!(text.contains("李娜 attended no session"), "{text}");
    assert!(project_feedback(&ui).is_empty());
}

#[test]
fn the_grid_saves_while_another_process_checks_a_teacher_in() {
    let mut ui = grid(Lang::Zh);
    ui.typed("555");
    let other = std::process::Command::new(env!("CARGO_BIN_EXE_liaoyuan"))
        .arg("--db")
        .arg(&ui.path)
        .args(["--lang", "en", "checkin", "--project", "P1", "T0004"])
        .env("LIAOYUAN_NOW", "2026-11-28 08:40")
        .env_remove("LIAOYUAN_DB")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    ui.ctrl('s');
    let out = other.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for _ in 0..40 {
        if !project_feedback(&ui).is_empty() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
        ui.app.tick();
    }
    assert_eq!(project_feedback(&ui).len(), 1);
    assert_eq!(
        ui.count("SELECT count(*) FROM marks WHERE teacher_id = 4"),
        1
    );
    let _ = at("2026-11-28 15:00");
}

#[test]
fn bracket_keys_switch_the_grid_to_one_session_and_its_attendees() {
    let mut ui = grid(Lang::Zh);
    ui.typed("]");
    let text = ui.text();
    assert!(text.contains("2026-11-28 08:30 大单元教学"), "{text}");
    assert!(text.contains("张伟") && !text.contains("王芳"), "{text}");
    ui.typed("5");
    // Unsaved rows keep the scope until saved or discarded.
    ui.typed("[");
    assert!(ui.text().contains("2026-11-28 08:30 大单元教学"));
    ui.ctrl('s');
    let session: Vec<(i64, Option<i64>, String)> = {
        let db = liaoyuan::store::Db::open(&ui.path, liaoyuan::store::OpenMode::ReadOnly).unwrap();
        let mut st = db
            .conn
            .prepare("SELECT teacher_id, session_id, source FROM feedback WHERE project_id = 1")
            .unwrap();
        st.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap()
    };
    assert_eq!(session, [(1, Some(1), "form".to_string())]);
}
