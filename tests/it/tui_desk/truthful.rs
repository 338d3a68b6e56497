//! The reason prompt tells what a change really does: it lifts the teacher's veto for the year
//! only when no other mark causes one, and says when completion changes.

use super::*;

impl Ui {
    /// The reason window's text (between its borders), one line per row.
    fn prompt(&mut self) -> String {
        assert!(self.app.has_overlay(), "no prompt: {}", self.text());
        self.text()
            .lines()
            .filter_map(|l| Some(l.split('│').nth(1)?.trim_end().to_string()))
            .collect::<Vec<_>>()
            .join("\n")
    }
}

#[test]
fn late_to_present_with_another_veto_mark_that_year_says_the_veto_stays() {
    // 张伟 was late in March: a second late today, then corrected to present.
    let mut ui = open(Lang::Zh, "2026-11-28 08:50");
    ui.desk(1);
    ui.typed("zw");
    ui.key(KeyCode::Enter);
    assert_eq!(ui.status_of(1, 1).as_deref(), Some("late"));
    ui.typed("zw");
    ui.key(KeyCode::F(6));
    let prompt = ui.prompt();
    assert!(prompt.contains("张伟（实验小学）：迟到 → 出勤"), "{prompt}");
    assert!(
        prompt.contains("2026 年度仍有 1 条其他一票否决记录：一票否决不变"),
        "{prompt}"
    );
    assert!(!prompt.contains("撤销"), "{prompt}");
    ui.typed("路上堵车，已核实");
    ui.key(KeyCode::Enter);
    assert_eq!(ui.status_of(1, 1).as_deref(), Some("present"));
    // The Vetoes tab agrees: 张伟 still has his 2026 veto.
    ui.key(KeyCode::Esc);
    ui.typed("7");
    let text = ui.text();
    assert!(text.contains("张伟 T0001"), "{text}");
}

#[test]
fn late_to_present_without_other_veto_marks_says_it_lifts_the_veto() {
    let mut ui = open(Lang::En, "2026-11-28 08:50");
    ui.desk(1);
    ui.typed("ln");
    ui.key(KeyCode::Enter);
    ui.typed("ln");
    ui.key(KeyCode::F(6));
    let prompt = ui.prompt();
    assert!(prompt.contains("Late → Present"), "{prompt}");
    assert!(
        prompt.contains("Lifts the teacher's 2026 one-vote veto"),
        "{prompt}"
    );
    assert!(prompt.contains("Give the reason:"), "{prompt}");
}

#[test]
fn leave_that_drops_the_share_below_the_threshold_says_completion_changes() {
    let mut ui = open(Lang::Zh, "2026-11-28 08:32");
    {
        // 李娜 was present at sessions 2 and 3: with today's check-in, 3 of 3.
        let db = Db::open(&ui.path, OpenMode::Existing).unwrap();
        db.conn
            .execute(
                "INSERT INTO marks (session_id, teacher_id, school_id, session_date, status,
                   checked_in_at, recorded_at)
                 VALUES (3, 2, 1, '2026-11-27', 'present', '2026-11-27 13:55:00', '2026-11-27 13:55:00')",
                [],
            )
            .unwrap();
    }
    ui.app.check_external_changes();
    ui.desk(1);
    ui.typed("ln");
    ui.key(KeyCode::Enter);
    ui.typed("ln");
    ui.key(KeyCode::F(5));
    let prompt = ui.prompt();
    assert!(prompt.contains("P1 结业将从 达标 变为 未达标"), "{prompt}");
    assert!(prompt.contains("请假事由"), "{prompt}");
    assert!(!prompt.contains("一票否决"), "{prompt}");
}
