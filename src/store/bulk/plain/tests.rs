use super::*;
use crate::store::Db;

fn one(conn: &Connection, sql: &str) -> String {
    conn.query_row(sql, [], |r| r.get::<_, rusqlite::types::Value>(0))
        .map(|v| format!("{v:?}"))
        .unwrap()
}

#[test]
fn the_column_list_is_cut_only_at_top_level_commas() {
    let sql = "CREATE TABLE t (\n    a INTEGER, -- a comment, with (a paren and it's quoted\n    \
               b TEXT CHECK (b IN ('x,y', 'z)')),\n    v INTEGER GENERATED ALWAYS AS (a IN (1, 2, 3)) VIRTUAL,\n    \
               \"w\" INTEGER AS (a + 1) /* , */ VIRTUAL,\n    CHECK (a > 0)\n)";
    let cut = without_columns(sql, &["v".into(), "w".into()]).unwrap();
    assert_eq!(
        cut,
        "CREATE TABLE t (\n    a INTEGER, -- a comment, with (a paren and it's quoted\n    \
         b TEXT CHECK (b IN ('x,y', 'z)')),\n    CHECK (a > 0)\n)"
    );
    assert_eq!(without_columns(sql, &["nope".into()]), None);
}

#[test]
fn marks_lose_their_virtual_columns_for_the_load_and_get_them_back_unchanged() {
    let mut db = Db::open_in_memory().unwrap();
    let tx = db
        .write(&crate::store::test_stamp("2026-03-02 09:00"))
        .unwrap();
    let schema = |c: &Connection| one(c, "SELECT sql FROM sqlite_master WHERE name = 'marks'");
    let before = schema(&tx);
    // As a load does: the marks' triggers (which read the virtual columns) go first.
    let triggers = crate::store::bulk::drop_triggers(&tx, "marks").unwrap();
    let stripped = strip_virtual_columns(&tx, "marks").unwrap().unwrap();
    let during = schema(&tx);
    assert!(!during.contains("GENERATED") && during.contains("UNIQUE (session_id, teacher_id)"));
    tx.execute_batch(
        "INSERT INTO schools (id, name, stage) VALUES (1, 'S', 'primary');
         INSERT INTO teachers (id, staff_no, name, school_id) VALUES (1, 'T1', '张伟', 1);
         INSERT INTO projects (id, code, title, level, plan, concentrated, credits, start_date, end_date)
             VALUES (1, 'P', 'P', 'district', 'continuing_education', 1, 1, '2026-03-02', '2026-03-02');
         INSERT INTO sessions (id, project_id, date, start_time, end_time) VALUES (1, 1, '2026-03-02', '08:30', '11:30');
         INSERT INTO marks (session_id, teacher_id, school_id, session_date, status, minutes_late, recorded_at, in_veto_scope)
             VALUES (1, 1, 1, '2026-03-02', 'late', 12, '2026-03-02 08:42:00', 1);",
    )
    .unwrap();
    stripped.restore(&tx).unwrap();
    crate::store::bulk::recreate_triggers(&tx, &triggers).unwrap();
    assert_eq!(schema(&tx), before);
    assert_eq!(
        one(&tx, "SELECT attended || causes_veto FROM marks"),
        "Text(\"11\")"
    );
    assert_eq!(one(&tx, "PRAGMA integrity_check"), "Text(\"ok\")");
    tx.commit().unwrap();
    assert_eq!(
        one(&db.conn, "SELECT count(*) FROM marks WHERE causes_veto"),
        "Integer(1)"
    );
}
