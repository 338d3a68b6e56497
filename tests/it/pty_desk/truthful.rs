//! The truthful reason prompt in a real terminal: 张伟 has two other veto marks this year, so
//! correcting today's absence says the veto stays (and `lookup` agrees after saving); for 李娜,
//! with none, the prompt says it lifts her veto.

use super::*;

const F4: &[u8] = b"\x1bOS";
const F6: &[u8] = b"\x1b[17~";

/// Two earlier sessions of P1 in November where 张伟 was late and left early.
fn two_earlier_veto_marks(db: &Path) {
    let c = Connection::open(db).unwrap();
    c.execute_batch(
        "INSERT INTO sessions (id, project_id, date, start_time, end_time, topic) VALUES
           (2, 1, '2026-11-02', '08:30', '11:30', ''), (3, 1, '2026-11-03', '08:30', '11:30', '');
         INSERT INTO marks (session_id, teacher_id, school_id, session_date, status, minutes_late,
                            minutes_early, checked_in_at, checked_out_at, recorded_at) VALUES
           (2, 1, 1, '2026-11-02', 'late', 20, 0, '2026-11-02 08:50:00', NULL, '2026-11-02 08:50:00'),
           (3, 1, 1, '2026-11-03', 'left_early', 0, 60, '2026-11-03 08:20:00', '2026-11-03 10:30:00', '2026-11-03 10:30:00');",
    )
    .unwrap();
}

fn lookup(db: &Path, query: &str) -> String {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_liaoyuan"))
        .arg("--db")
        .arg(db)
        .args(["lookup", query])
        .env("LIAOYUAN_NOW", NOW)
        .env_remove("LIAOYUAN_DB")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn the_reason_prompt_says_whether_the_veto_is_lifted_or_stays() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("desk.db");
    build_db(&db);
    two_earlier_veto_marks(&db);
    let mut t = start(&db);
    t.open_desk();
    t.send(b"zw");
    t.wait_for("张伟 highlighted", |s| s.contains("▶ 张伟"));
    t.send(F4);
    t.wait_for("张伟 absent", |s| {
        s.lines()
            .any(|l| l.trim_start().starts_with("张伟") && l.contains("旷课"))
    });
    t.send(b"zw");
    t.wait_for("张伟 highlighted", |s| {
        s.contains("> zw") && s.contains("▶ 张伟")
    });
    t.send(F6);
    t.wait_for("the truthful prompt", |s| {
        s.contains("旷课 → 出勤") && s.contains("2026 年度仍有 2 条其他一票否决记录：一票否决不变")
    });
    assert!(!t.screen().contains("撤销该教师"), "{}", t.screen());
    t.send("签到表上有\r".as_bytes());
    t.wait_for("张伟 present", |s| {
        s.lines()
            .any(|l| l.trim_start().starts_with("张伟") && l.contains("出勤"))
    });
    assert!(
        lookup(&db, "T0001").contains("一票否决：是"),
        "{}",
        lookup(&db, "T0001")
    );

    t.send(b"ln");
    t.wait_for("李娜 highlighted", |s| s.contains("▶ 李娜"));
    t.send(F4);
    t.wait_for("李娜 absent", |s| {
        s.lines()
            .any(|l| l.trim_start().starts_with("李娜") && l.contains("旷课"))
    });
    t.send(b"ln");
    t.wait_for("李娜 highlighted", |s| {
        s.contains("> ln") && s.contains("▶ 李娜")
    });
    t.send(F6);
    t.wait_for("the lifting prompt", |s| {
        s.contains("撤销该教师 2026 年度的一票否决")
    });
    t.send(b"\x1b"); // cancelled: nothing changes
    t.wait_for("the prompt gone", |s| !s.contains("需要填写原因"));
    assert!(lookup(&db, "T0002").contains("一票否决：是"));
    t.quit();
}
