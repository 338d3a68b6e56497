//! Recording a Starlight assessment from the pane (`r`): competency, level, date, assessor,
//! evidence (a session the trainer taught, an observation, or the trainees' average), note.

use super::open;
use crate::common;
use crossterm::event::KeyCode;
use liaoyuan::tui::action::{Action, Target};
use liaoyuan::tui::i18n::Lang;

type Row = (String, i64, String, String, String, String, Option<i64>);

fn assessments(ui: &common::tui::Ui) -> Vec<Row> {
    let db = liaoyuan::store::Db::open(&ui.path, liaoyuan::store::OpenMode::ReadOnly).unwrap();
    let mut st = db
        .conn
        .prepare(
            "SELECT competency, level, assessed_on, assessor, evidence_kind, evidence, session_id
             FROM trainer_assessments WHERE trainer_id = 1 ORDER BY id",
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
            r.get(6)?,
        ))
    })
    .unwrap()
    .collect::<rusqlite::Result<_>>()
    .unwrap()
}

/// The Starlight pane on 陈老师 with the assessment form open.
fn form(lang: Lang) -> common::tui::Ui {
    let mut ui = open(lang, "2026-11-28 15:00");
    ui.app.update(Action::Open(Target::Trainer(1)));
    ui.typed("r");
    ui
}

#[test]
fn an_assessment_on_a_session_taught_sets_the_level_and_is_listed_in_chinese() {
    let mut ui = form(Lang::Zh);
    let text = ui.text();
    assert!(text.contains("能力考核"), "{text}");
    assert!(text.contains("陈老师"), "{text}");
    assert!(text.contains("‹ 能设计 ›"), "{text}");
    ui.key(KeyCode::Right);
    ui.key(KeyCode::Right);
    assert!(ui.text().contains("‹ 能教学 ›"));
    ui.key(KeyCode::Tab);
    let text = ui.text();
    assert!(
        text.contains("‹ 2 级 ›"),
        "the level starts at the current one: {text}"
    );
    ui.key(KeyCode::Right);
    ui.key(KeyCode::Tab);
    ui.key(KeyCode::Tab); // the date stays today
    ui.typed("王主任");
    ui.key(KeyCode::Tab);
    assert!(ui.text().contains("‹ 授课 ›"));
    ui.key(KeyCode::Tab);
    let text = ui.text();
    assert!(
        text.contains("2026-11-28 P1 大单元教学"),
        "held sessions, newest first: {text}"
    );
    ui.key(KeyCode::Right);
    assert!(ui.text().contains("2026-11-20 P2 作业设计"));
    ui.key(KeyCode::Tab);
    ui.typed("示范课扎实");
    ui.ctrl('s');
    let text = ui.text();
    assert!(!text.contains("能力考核"), "the form closes: {text}");
    let rows = assessments(&ui);
    assert_eq!(rows.len(), 1, "{rows:?}");
    let (competency, level, on, by, kind, evidence, session) = rows[0].clone();
    assert_eq!(
        (
            competency.as_str(),
            level,
            on.as_str(),
            by.as_str(),
            kind.as_str(),
            session
        ),
        ("teach", 3, "2026-11-28", "王主任", "session", Some(2))
    );
    assert!(
        evidence.contains("作业设计") && evidence.contains("示范课扎实"),
        "{evidence}"
    );
    assert_eq!(ui.count("SELECT teach FROM trainers WHERE id = 1"), 3);
    let text = ui.text();
    assert!(text.contains("能教学 3级"), "the pane lists it: {text}");
}

#[test]
fn the_feedback_average_is_shown_and_an_assessor_is_required_in_english() {
    let mut ui = form(Lang::En);
    let text = ui.text();
    assert!(text.contains("Assess a competency"), "{text}");
    for _ in 0..4 {
        ui.key(KeyCode::Tab); // competency, level, date, assessor (left empty)
    }
    ui.key(KeyCode::Right);
    ui.key(KeyCode::Right);
    let text = ui.text();
    assert!(text.contains("‹ Feedback average ›"), "{text}");
    assert!(text.contains("4.5 (2 ratings)"), "{text}");
    ui.ctrl('s');
    let text = ui.text();
    assert!(text.contains("Assess a competency"), "{text}");
    assert!(text.contains("who assessed"), "{text}");
    assert!(assessments(&ui).is_empty());
    // The focus went to the assessor. An observation needs its note.
    ui.typed("Wang");
    ui.key(KeyCode::Tab);
    ui.key(KeyCode::Left);
    ui.ctrl('s');
    assert!(
        ui.text().contains("write what was observed"),
        "{}",
        ui.text()
    );
    assert!(assessments(&ui).is_empty());
    ui.key(KeyCode::BackTab);
    ui.key(KeyCode::BackTab);
    ui.key(KeyCode::Right);
    ui.ctrl('s');
    let rows = assessments(&ui);
    assert_eq!(rows.len(), 1, "{}", ui.text());
    assert_eq!(
        (
            rows[0].0.as_str(),
            rows[0].1,
            rows[0].4.as_str(),
            rows[0].5.as_str()
        ),
        ("design", 0, "feedback", "4.5")
    );
}

#[test]
fn an_exit_by_another_process_is_refused_in_the_form_and_a_checkin_beside_it_lands() {
    let mut ui = form(Lang::En);
    for _ in 0..3 {
        ui.key(KeyCode::Tab);
    }
    ui.typed("Wang");
    let other = std::process::Command::new(env!("CARGO_BIN_EXE_liaoyuan"))
        .arg("--db")
        .arg(&ui.path)
        .args(["--lang", "en", "checkin", "--project", "P1", "T0001"])
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
        if !assessments(&ui).is_empty() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
        ui.app.tick();
    }
    assert_eq!(assessments(&ui).len(), 1);
    assert_eq!(
        ui.count("SELECT count(*) FROM marks WHERE teacher_id = 1"),
        1
    );
    // Another process lets the trainer exit; the next assessment is refused and kept.
    common::tui::other_writes(
        &ui.path,
        "UPDATE trainers SET status = 'retired', exited_on = '2026-11-28' WHERE id = 1",
    );
    ui.typed("r");
    for _ in 0..3 {
        ui.key(KeyCode::Tab);
    }
    ui.typed("Wang");
    ui.ctrl('s');
    ui.toasts_expire();
    let text = ui.above_status();
    assert!(text.contains("Assess a competency"), "{text}");
    assert!(text.contains("has left the corps"), "{text}");
    assert_eq!(assessments(&ui).len(), 1);
}
