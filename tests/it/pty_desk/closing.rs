//! Closing a register nobody took, and undoing it, in a real terminal: F8 asks for the number
//! of teachers typed (y alone closes nothing), F9 offers to remove the close's absences.

use super::*;

const F8: &[u8] = b"\x1b[19~";
const F9: &[u8] = b"\x1b[20~";
const BACKSPACE: &[u8] = b"\x7f";

#[test]
fn an_untaken_register_closes_only_after_the_number_is_typed_and_reopening_removes_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("desk.db");
    build_db(&db);
    let mut t = start(&db);
    t.open_desk();
    t.send(F8);
    t.wait_for("the review of an untaken register", |s| {
        s.contains("这一场还没有任何签到记录")
            && s.contains("关闭将把 4 人全部记为旷课：4 个一票否决")
    });
    t.send(b"y\r");
    t.wait_for("y refused", |s| s.contains("请输入 4 或“关闭”"));
    assert!(marks(&db).is_empty());
    t.send(BACKSPACE);
    t.send(b"4\r");
    t.wait_for("the session closed", |s| {
        s.contains("［已关闭］") && s.contains("4 人记为旷课")
    });
    let absent = |db: &Path| marks(db).iter().filter(|(_, s)| s == "absent").count();
    assert_eq!(absent(&db), 4);
    t.send(F9);
    t.wait_for("the reopen question", |s| s.contains("未改动的有 4 条"));
    t.send(b"y");
    t.wait_for("the reason", |s| {
        s.contains("删除 4 条关闭时记的旷课，原因")
    });
    t.send("误关闭\r".as_bytes());
    t.wait_for("reopened", |s| {
        !s.contains("［已关闭］") && s.contains("删除了关闭时记的 4 条旷课")
    });
    assert!(marks(&db).is_empty(), "{:?}", marks(&db));
    t.quit();
}
