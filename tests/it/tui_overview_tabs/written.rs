//! The Starlight and Follow-ups forms learn what their save did: a refusal keeps the form with
//! what was typed and says why in it (after the status bar's toast has gone), also when it
//! arrives after another computer's lock while another tab is shown; a save closes the form.

use super::*;
use common::tui::{other_writes, LockHolder};

/// Removes trainer `id` as another computer's import would, references first.
fn delete_trainer_sql(id: i64) -> String {
    format!(
        "UPDATE sessions SET trainer_id = NULL WHERE trainer_id = {id};
         UPDATE follow_ups SET observer_trainer_id = NULL WHERE observer_trainer_id = {id};
         DELETE FROM trainer_assessments WHERE trainer_id = {id};
         DELETE FROM trainers WHERE id = {id};"
    )
}

#[test]
fn a_refused_trainer_save_keeps_the_form_and_a_saved_one_closes_it() {
    let mut ui = open(Lang::Zh, 80, 24);
    ui.tab(TabId::Starlight);
    let (id, name, _) = first_trainer(&ui.db());
    ui.key(KeyCode::Char('e'));
    ui.key(KeyCode::Down);
    ui.key(KeyCode::Char('3'));
    other_writes(&ui.path, &delete_trainer_sql(id));
    ui.key(KeyCode::Enter);
    // A change of level asks the reason first.
    ui.typed("听课评估");
    ui.key(KeyCode::Enter);
    ui.toasts_expire();
    let text = ui.above_status();
    assert!(text.contains(&format!("修改讲师：{name}")), "{text}");
    assert!(text.contains("‹3›"), "the level typed is kept: {text}");
    assert!(
        text.contains(&format!("找不到编号 {id} 的星光讲师")),
        "{text}"
    );
    // Esc twice discards; then a save of another trainer closes its form.
    ui.key(KeyCode::Esc);
    ui.key(KeyCode::Esc);
    let (_, next, _) = first_trainer(&ui.db());
    ui.key(KeyCode::Char('e'));
    assert!(ui.text().contains(&format!("修改讲师：{next}")));
    ui.key(KeyCode::Down);
    ui.key(KeyCode::Right);
    ui.key(KeyCode::Enter);
    ui.typed("听课评估");
    ui.key(KeyCode::Enter);
    let text = ui.above_status();
    assert!(!text.contains("修改讲师"), "the form closed: {text}");
}

#[test]
fn a_trainer_refusal_after_a_busy_wait_reaches_the_form_while_another_tab_is_shown() {
    let mut ui = open(Lang::Zh, 80, 24);
    ui.tab(TabId::Starlight);
    let (id, name, _) = first_trainer(&ui.db());
    ui.key(KeyCode::Char('e'));
    ui.key(KeyCode::Down);
    ui.key(KeyCode::Char('3'));
    let other = LockHolder::hold(&ui.path);
    other.run(&delete_trainer_sql(id));
    ui.key(KeyCode::Enter);
    ui.typed("听课评估");
    ui.key(KeyCode::Enter);
    assert!(ui.text().contains("另一台电脑正在写入"), "{}", ui.text());
    ui.tab(TabId::Dashboard);
    other.release();
    ui.app.tick();
    ui.toasts_expire();
    ui.tab(TabId::Starlight);
    let text = ui.above_status();
    assert!(text.contains(&format!("修改讲师：{name}")), "{text}");
    assert!(
        text.contains(&format!("找不到编号 {id} 的星光讲师")),
        "{text}"
    );
}

#[test]
fn a_refused_follow_up_record_keeps_the_form_with_its_text() {
    let mut ui = open(Lang::Zh, 80, 24);
    ui.tab(TabId::FollowUps);
    ui.settled();
    let today = now().date().to_string();
    let id = count(
        &ui.db(),
        &format!(
            "SELECT f.id FROM follow_ups f JOIN teachers t ON t.id = f.teacher_id
             WHERE f.status = 'pending' AND f.due_date < '{today}'
             ORDER BY f.due_date, f.id LIMIT 1"
        ),
    );
    ui.key(KeyCode::Enter);
    ui.key(KeyCode::Down); // title
    ui.ctrl('u');
    ui.typed("移植课：大单元教学");
    other_writes(&ui.path, &format!("DELETE FROM follow_ups WHERE id = {id}"));
    ui.ctrl('s');
    ui.toasts_expire();
    let text = ui.above_status();
    assert!(
        text.contains("记录跟踪任务") && text.contains("移植课：大单元教学"),
        "{text}"
    );
    assert!(
        text.contains(&format!("找不到编号 {id} 的跟踪任务")),
        "{text}"
    );
    // Esc twice discards; recording the next follow-up closes its form.
    ui.key(KeyCode::Esc);
    ui.key(KeyCode::Esc);
    ui.key(KeyCode::Enter);
    assert!(ui.text().contains("记录跟踪任务"));
    ui.ctrl('s');
    let text = ui.above_status();
    assert!(!text.contains("记录跟踪任务"), "the form closed: {text}");
}
