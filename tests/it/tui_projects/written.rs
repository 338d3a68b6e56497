//! A write's outcome reaches the form that asked: a refused save keeps the input and the form
//! says why (after the status bar's toast has gone); a saved one closes the form, also when it
//! lands ticks later (another computer held the lock) while another tab is shown.

use super::*;
use common::tui::{other_writes, LockHolder};
use liaoyuan::tui::action::Action;

impl Ui {
    /// The edit form of project `code`, its title field cleared and `title` typed.
    fn edit_title(&mut self, code: &str, title: &str) {
        self.pick(code);
        self.typed("e");
        assert!(self.text().contains("编辑项目"), "{}", self.text());
        self.key(KeyCode::Tab);
        self.ctrl('u');
        self.typed(title);
    }
}

#[test]
fn an_edit_refused_because_another_process_deleted_the_project_keeps_the_input_and_says_why() {
    let mut ui = open(Lang::Zh);
    ui.edit_title("P2", "新教师入职培训（修订）");
    other_writes(&ui.path, "DELETE FROM projects WHERE id = 3");
    ui.ctrl('s');
    ui.toasts_expire();
    let text = ui.above_status();
    assert!(
        text.contains("编辑项目") && text.contains("新教师入职培训（修订）"),
        "{text}"
    );
    assert!(text.contains("找不到编号 3 的培训项目"), "{text}");
    // The next key clears the refusal; the input is still there to save elsewhere or discard.
    ui.key(KeyCode::Tab);
    assert!(!ui.above_status().contains("找不到编号 3"));
}

#[test]
fn a_refusal_after_a_busy_wait_reaches_the_form_while_another_tab_is_shown() {
    let mut ui = open(Lang::Zh);
    ui.typed("n");
    ui.typed("Q9");
    ui.key(KeyCode::Tab);
    ui.typed("班主任能力提升");
    // Another computer is creating a project Q9 and holds the lock.
    let other = LockHolder::hold(&ui.path);
    other.run(
        "INSERT INTO projects (code, title, level, plan, concentrated, credits, start_date, end_date)
         VALUES ('Q9', '别的项目', 'district', 'continuing_education', 0, 6, '2026-12-01', '2026-12-02')",
    );
    ui.ctrl('s');
    assert!(ui.text().contains("另一台电脑正在写入"), "{}", ui.text());
    ui.app.update(Action::GoToTab(TabId::Dashboard));
    other.release();
    ui.app.tick();
    ui.toasts_expire();
    ui.app.update(Action::GoToTab(TabId::Projects));
    let text = ui.above_status();
    assert!(
        text.contains("新建项目") && text.contains("班主任能力提升"),
        "{text}"
    );
    assert!(text.contains("项目编号“Q9”已被其他培训项目使用"), "{text}");
    assert_eq!(
        ui.count("SELECT count(*) FROM projects WHERE code = 'Q9'"),
        1
    );
}

#[test]
fn a_save_that_lands_after_a_busy_wait_closes_the_form_whatever_happens_next() {
    let mut ui = open(Lang::Zh);
    ui.edit_title("P2", "新教师入职培训（修订）");
    let other = LockHolder::hold(&ui.path);
    ui.ctrl('s');
    ui.app.update(Action::GoToTab(TabId::Dashboard));
    other.release();
    ui.app.tick();
    assert_eq!(
        ui.count("SELECT count(*) FROM projects WHERE title = '新教师入职培训（修订）'"),
        1
    );
    // Another computer renames it again before the tab is shown: the save still landed.
    other_writes(
        &ui.path,
        "UPDATE projects SET title = '入职培训' WHERE id = 3",
    );
    ui.app.tick();
    ui.app.update(Action::GoToTab(TabId::Projects));
    let text = ui.above_status();
    assert!(!text.contains("编辑项目"), "the form closed: {text}");
    assert!(
        text.lines()
            .any(|l| l.starts_with("P2 ") && l.contains("入职培训")),
        "{text}"
    );
}

#[test]
fn a_session_refused_because_another_process_completed_the_project_keeps_the_form() {
    let mut ui = open(Lang::Zh);
    ui.pick("P1");
    ui.key(KeyCode::Enter);
    ui.typed("a");
    assert!(ui.text().contains("添加场次"));
    for _ in 0..3 {
        ui.key(KeyCode::Tab);
    }
    ui.typed("观课议课");
    other_writes(
        &ui.path,
        "UPDATE projects SET completed_at = '2026-11-28 09:00:00' WHERE id = 1",
    );
    ui.ctrl('s');
    ui.toasts_expire();
    let text = ui.above_status();
    assert!(
        text.contains("添加场次") && text.contains("观课议课"),
        "{text}"
    );
    assert!(text.contains("项目 P1 已结业"), "{text}");
    assert_eq!(
        ui.count("SELECT count(*) FROM sessions WHERE project_id = 1"),
        3
    );
}

#[test]
fn a_credit_entry_refused_because_another_process_removed_the_teacher_keeps_the_form() {
    let mut ui = open(Lang::Zh);
    ui.typed(":");
    ui.typed("credit add");
    ui.key(KeyCode::Enter);
    ui.typed("ly");
    ui.key(KeyCode::Enter);
    ui.key(KeyCode::Tab); // the category stays 集中培训
    ui.typed("16");
    ui.key(KeyCode::Tab);
    ui.key(KeyCode::Tab);
    ui.key(KeyCode::Tab);
    ui.typed("国家智慧教育平台研修");
    other_writes(&ui.path, "DELETE FROM teachers WHERE id = 4");
    ui.ctrl('s');
    ui.toasts_expire();
    let text = ui.above_status();
    assert!(
        text.contains("登记学分（待审核）") && text.contains("国家智慧教育平台研修"),
        "{text}"
    );
    assert!(text.contains("找不到编号 4 的教师"), "{text}");
    assert_eq!(ui.count("SELECT count(*) FROM credit_entries"), 0);
}

#[test]
fn an_enrolment_refused_because_another_process_completed_the_project_keeps_the_ticks() {
    let mut ui = open(Lang::Zh);
    ui.pick("P1");
    ui.typed("r");
    ui.typed("a");
    ui.typed("T0004");
    ui.key(KeyCode::Enter); // leave the search box
    ui.typed(" ");
    other_writes(
        &ui.path,
        "UPDATE projects SET completed_at = '2026-11-28 09:00:00' WHERE id = 1",
    );
    ui.key(KeyCode::Enter);
    ui.toasts_expire();
    let text = ui.above_status();
    assert!(text.contains("已选 1 人") && text.contains("[x]"), "{text}");
    assert!(text.contains("项目 P1 已结业"), "{text}");
    assert_eq!(
        ui.count("SELECT count(*) FROM enrolments WHERE project_id = 1"),
        3
    );
}
