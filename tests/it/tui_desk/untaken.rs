//! Closing a register nobody took needs a typed confirmation and says in red how many vetoes
//! it creates; reopening offers to remove exactly the absences the close made.

use super::*;
use std::process::Command;

/// Session 4 of P1 today 14:00–17:00: nobody marked, four enrolled. The desk on it at 15:00.
fn untaken(lang: Lang) -> Ui {
    let mut ui = open(lang, "2026-11-28 15:00");
    {
        let db = Db::open(&ui.path, OpenMode::Existing).unwrap();
        db.conn
            .execute(
                "INSERT INTO sessions (id, project_id, date, start_time, end_time, topic)
                 VALUES (4, 1, '2026-11-28', '14:00', '17:00', '')",
                [],
            )
            .unwrap();
    }
    ui.app.check_external_changes();
    ui.desk(4);
    ui
}

const ENROLLED: [i64; 4] = [1, 2, 3, 5];

impl Ui {
    fn absences_at_4(&self) -> usize {
        ENROLLED
            .iter()
            .filter(|id| self.status_of(4, **id).as_deref() == Some("absent"))
            .count()
    }

    /// The foreground colour of the first cell of the line holding `needle`.
    fn colour_of(&mut self, needle: &str) -> Option<ratatui::style::Color> {
        let text = self.text();
        let y = text.lines().position(|l| l.contains(needle))?;
        let line = text.lines().nth(y)?;
        let x = unicode_width::UnicodeWidthStr::width(&line[..line.find(needle)?]);
        self.term.backend().buffer()[(x as u16, y as u16)].fg.into()
    }
}

#[test]
fn closing_a_register_nobody_took_needs_the_number_typed_and_says_the_vetoes_in_red() {
    let mut ui = untaken(Lang::Zh);
    ui.key(KeyCode::F(8));
    let text = ui.text();
    assert!(text.contains("关闭场次：核对"), "{text}");
    assert!(text.contains("还没有任何签到记录"), "{text}");
    let warning = "关闭将把 4 人全部记为旷课：4 个一票否决";
    assert!(text.contains(warning), "{text}");
    let red = ui.app.shared.theme.bad().fg;
    assert_eq!(ui.colour_of(warning), red, "{text}");
    // y is not enough: it is typed into the confirmation.
    ui.key(KeyCode::Char('y'));
    ui.key(KeyCode::Enter);
    assert_eq!(ui.absences_at_4(), 0);
    assert!(ui.text().contains("请输入 4 或“关闭”"), "{}", ui.text());
    ui.key(KeyCode::Backspace);
    ui.typed("3");
    ui.key(KeyCode::Enter);
    assert_eq!(ui.absences_at_4(), 0);
    ui.key(KeyCode::Backspace);
    ui.typed("4");
    ui.key(KeyCode::Enter);
    assert_eq!(ui.absences_at_4(), 4);
    assert!(ui.text().contains("［已关闭］"), "{}", ui.text());
    assert!(ui.toast().contains("4 人记为旷课"), "{}", ui.toast());
}

#[test]
fn esc_leaves_the_typed_confirmation_and_closes_nothing() {
    let mut ui = untaken(Lang::En);
    ui.key(KeyCode::F(8));
    assert!(ui.text().contains("Type 4 or close"), "{}", ui.text());
    ui.typed("clo");
    ui.key(KeyCode::Esc);
    assert!(
        !ui.text().contains("Close session: review"),
        "{}",
        ui.text()
    );
    assert_eq!(ui.absences_at_4(), 0);
}

#[test]
fn reopening_removes_the_absences_of_the_close_but_not_a_mark_changed_by_hand() {
    let mut ui = untaken(Lang::En);
    ui.key(KeyCode::F(8));
    ui.typed("close");
    ui.key(KeyCode::Enter);
    assert_eq!(ui.absences_at_4(), 4);
    // 张伟 was there after all: corrected by hand at the closed session.
    ui.typed("zw");
    ui.key(KeyCode::F(6));
    ui.typed("on the paper sheet");
    ui.key(KeyCode::Enter);
    assert_eq!(ui.status_of(4, 1).as_deref(), Some("present"));
    ui.key(KeyCode::F(9));
    let text = ui.text();
    assert!(
        text.contains("3 absences were written by the close"),
        "{text}"
    );
    ui.key(KeyCode::Char('y'));
    assert!(ui.text().contains("remove 3 absences"), "{}", ui.text());
    ui.typed("closed by mistake");
    ui.key(KeyCode::Enter);
    assert!(!ui.text().contains("[closed]"), "{}", ui.text());
    assert_eq!(ui.absences_at_4(), 0);
    assert_eq!(ui.status_of(4, 1).as_deref(), Some("present"));
    let deleted = ui.count(
        "SELECT count(*) FROM audit_log WHERE entity = 'mark' AND action = 'delete'
           AND reason = 'closed by mistake'",
    );
    assert_eq!(deleted, 3);
    assert!(ui.toast().contains("3 absences"), "{}", ui.toast());
}

#[test]
fn reopening_can_keep_the_absences() {
    let mut ui = untaken(Lang::Zh);
    ui.key(KeyCode::F(8));
    ui.typed("关闭");
    ui.key(KeyCode::Enter);
    ui.key(KeyCode::F(9));
    assert!(ui.text().contains("n 保留并重新开放"), "{}", ui.text());
    ui.key(KeyCode::Char('n'));
    assert!(ui.text().contains("重新开放场次的原因"), "{}", ui.text());
    ui.typed("补录请假");
    ui.key(KeyCode::Enter);
    assert!(!ui.text().contains("［已关闭］"), "{}", ui.text());
    assert_eq!(ui.absences_at_4(), 4);
}

#[test]
fn a_cli_checkin_between_the_review_and_the_confirmation_is_kept() {
    let mut ui = untaken(Lang::Zh);
    ui.key(KeyCode::F(8));
    ui.typed("4");
    // Another desk checks 李娜 in before Enter.
    let out = Command::new(env!("CARGO_BIN_EXE_liaoyuan"))
        .arg("--db")
        .arg(&ui.path)
        .args(["checkin", "--project", "P1", "--session", "4", "T0002"])
        .args(["--at", "2026-11-28 14:02"])
        .env("LIAOYUAN_NOW", "2026-11-28 15:00")
        .env_remove("LIAOYUAN_DB")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    ui.key(KeyCode::Enter);
    assert_eq!(ui.absences_at_4(), 3);
    assert_eq!(ui.status_of(4, 2).as_deref(), Some("present"));
    ui.key(KeyCode::F(9));
    ui.key(KeyCode::Char('y'));
    ui.typed("误关闭");
    ui.key(KeyCode::Enter);
    assert_eq!(ui.absences_at_4(), 0);
    assert_eq!(ui.status_of(4, 2).as_deref(), Some("present"));
}
