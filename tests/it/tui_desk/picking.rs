//! Digits pick a candidate, as a pinyin input method picks its numbered candidates: while a
//! name is spelled, the candidates on screen carry 1, 2, 3, … at the left and a digit checks
//! that one in. A digit that could continue a staff number is typed instead.

use super::*;

/// Today's session 1 of P1: two 王艳, 唐艳 and 唐燕 (staff numbers T1011, T1012: a `t` may
/// start a staff number here), all enrolled.
fn pickers(dir: &Path) -> PathBuf {
    let (path, db) = two_schools(dir, "pick.db");
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
            (11, "W0011", "王艳", 1),
            (12, "W0012", "王艳", 2),
            (21, "T1011", "唐艳", 1),
            (22, "T1012", "唐燕", 2),
        ],
    );
    c.execute_batch(
        "INSERT INTO enrolments (project_id, teacher_id, school_id, enrolled_at) VALUES
           (1, 11, 1, '2026-02-20'), (1, 12, 2, '2026-02-20'), (1, 21, 1, '2026-02-20'),
           (1, 22, 2, '2026-02-20');",
    )
    .unwrap();
    path
}

fn open_pickers(lang: Lang) -> Ui {
    let mut ui = Ui::build(
        pickers,
        OpenMode::Existing,
        &dark(lang),
        at("2026-11-28 08:25"),
        (80, 24),
    );
    ui.desk(1);
    ui
}

#[test]
fn the_digit_left_of_a_candidate_checks_that_one_in() {
    for lang in [Lang::Zh, Lang::En] {
        let mut ui = open_pickers(lang);
        ui.typed("wy");
        let text = ui.text();
        // equal matches by school: 柏梓中学 (12) first, 实验小学 (11) second
        let first = text.lines().find(|l| l.starts_with("1 王艳")).unwrap_or("");
        let second = text.lines().find(|l| l.starts_with("2 王艳")).unwrap_or("");
        assert!(first.contains("柏梓中学"), "{text}");
        assert!(second.contains("实验小学"), "{text}");
        ui.key(KeyCode::Char('2'));
        assert_eq!(ui.status_of(1, 11).as_deref(), Some("present"), "{lang:?}");
        assert_eq!(ui.status_of(1, 12), None);
        // the box is clear for the next teacher, and the digit went nowhere else
        let text = ui.text();
        assert!(!text.contains("wy2"), "{text}");
        assert_eq!(ui.app.active_tab(), TabId::CheckIn);
    }
}

#[test]
fn keys_typed_faster_than_frames_pick_what_the_next_frame_would_show() {
    let mut ui = open_pickers(Lang::Zh);
    // "wy2" in one burst: no frame is drawn between the letters and the digit
    for c in "wy2".chars() {
        ui.app
            .handle_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
    }
    assert_eq!(ui.status_of(1, 11).as_deref(), Some("present"));
    assert_eq!(ui.status_of(1, 12), None);
}

#[test]
fn a_digit_that_could_continue_a_staff_number_is_typed() {
    let mut ui = open_pickers(Lang::Zh);
    ui.typed("t");
    // `t` matches 唐艳 and 唐燕 by initial, but staff numbers here start with T: no digits
    let text = ui.text();
    assert!(!text.lines().any(|l| l.starts_with("1 唐")), "{text}");
    ui.typed("1012");
    assert!(ui.text().contains("▶ 唐燕"), "{}", ui.text());
    ui.key(KeyCode::Enter);
    assert_eq!(ui.status_of(1, 22).as_deref(), Some("present"));
    assert_eq!(ui.status_of(1, 21), None, "nobody was picked by the 1");
}

#[test]
fn a_digit_no_candidate_carries_is_typed() {
    let mut ui = open_pickers(Lang::Zh);
    ui.typed("wy");
    ui.key(KeyCode::Char('7'));
    assert_eq!(ui.status_of(1, 11), None);
    assert_eq!(ui.status_of(1, 12), None);
    assert!(ui.text().contains("wy7"), "{}", ui.text());
}

#[test]
fn help_names_the_digits() {
    let mut ui = open_pickers(Lang::En);
    ui.key(KeyCode::F(1));
    let text = ui.text();
    assert!(text.contains("1–4"), "{text}");
    assert!(text.contains("a candidate's digit checks it in"), "{text}");
}
