//! The ranking at the desk: whole syllables before initials, and teachers with the same name
//! reached without the staff number (the next one to arrive is offered first; ↓ steps to
//! another among the candidates, the school tells them apart).

use super::*;

/// Today's session 1 of P1 with two 王艳 (实验小学, 柏梓中学), 李娜 and 林静 enrolled.
fn same_names(dir: &Path) -> PathBuf {
    let (path, db) = two_schools(dir, "same.db");
    let c = &db.conn;
    c.execute_batch(
        "INSERT INTO projects (id, code, title, level, plan, concentrated, credits, start_date, end_date)
           VALUES (1, 'P1', '骨干教师培训', 'district', 'continuing_education', 1, 24, '2026-03-01', '2026-11-30');
         INSERT INTO sessions (id, project_id, date, start_time, end_time, topic)
           VALUES (1, 1, '2026-11-28', '08:30', '11:30', '大单元教学');",
    )
    .unwrap();
    insert_teachers(
        c,
        &[
            (11, "T0011", "王艳", 1),
            (12, "T0012", "王艳", 2),
            (13, "T0013", "李娜", 1),
            (14, "T0014", "林静", 2),
        ],
    );
    c.execute_batch(
        "INSERT INTO enrolments (project_id, teacher_id, school_id, enrolled_at) VALUES
           (1, 11, 1, '2026-02-20'), (1, 12, 2, '2026-02-20'), (1, 13, 1, '2026-02-20'),
           (1, 14, 2, '2026-02-20');",
    )
    .unwrap();
    path
}

fn open_same(now: &str) -> Ui {
    let mut ui = Ui::build(
        same_names,
        OpenMode::Existing,
        &dark(Lang::Zh),
        at(now),
        (80, 24),
    );
    ui.desk(1);
    ui
}

#[test]
fn whole_syllables_come_before_initials_at_the_desk() {
    let mut ui = open_same("2026-11-28 08:25");
    ui.typed("lin");
    let text = ui.text();
    assert!(text.contains("▶ 林静 柏梓中学"), "{text}");
    ui.key(KeyCode::Enter);
    assert_eq!(ui.status_of(1, 14).as_deref(), Some("present"));
    assert_eq!(ui.status_of(1, 13), None);
}

#[test]
fn the_same_name_twice_offers_the_one_not_yet_in() {
    let mut ui = open_same("2026-11-28 08:25");
    ui.typed("wangyan");
    // equal matches by school (pinyin order): 柏梓中学 before 实验小学
    let text = ui.text();
    assert!(text.contains("▶ 王艳 柏梓中学"), "{text}");
    ui.key(KeyCode::Enter);
    assert_eq!(ui.status_of(1, 12).as_deref(), Some("present"));
    // the other 王艳 arrives: the same keys find her, not the one already in
    ui.typed("wangyan");
    let text = ui.text();
    assert!(text.contains("▶ 王艳 实验小学"), "{text}");
    ui.key(KeyCode::Enter);
    assert_eq!(ui.status_of(1, 11).as_deref(), Some("present"));
}

#[test]
fn down_steps_to_the_other_teacher_of_the_same_name() {
    let mut ui = open_same("2026-11-28 08:25");
    ui.typed("wy");
    let text = ui.text();
    assert!(text.contains("▶ 王艳 柏梓中学"), "{text}");
    let listed = text
        .lines()
        .filter(|l| without_gutter(l).starts_with("王艳 "))
        .count();
    assert_eq!(listed, 2, "both are listed, each with the school: {text}");
    ui.key(KeyCode::Down);
    assert!(ui.text().contains("▶ 王艳 实验小学"), "{}", ui.text());
    ui.key(KeyCode::Enter);
    assert_eq!(ui.status_of(1, 11).as_deref(), Some("present"));
    assert_eq!(ui.status_of(1, 12), None);
}
