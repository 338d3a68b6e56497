//! Teachers matched by staff number in bulk: an import of many rows loads every stored
//! staff number once, then fetches only the teachers it matched with one statement,
//! instead of one query per row.

use super::teachers::{from_row, SELECT};
use crate::domain::{canonical_staff_no, Teacher};
use crate::error::Result;
use rusqlite::Connection;
use std::collections::HashMap;

/// Every teacher's id by staff number in its canonical form (`canonical_staff_no`: the
/// lookup is case-insensitive, as `teachers::by_staff_no`).
pub fn ids_by_staff_no(conn: &Connection) -> Result<HashMap<String, i64>> {
    let mut st = conn.prepare("SELECT staff_no, id FROM teachers")?;
    let mut map = HashMap::new();
    let mut rows = st.query([])?;
    while let Some(r) = rows.next()? {
        let staff_no: String = r.get(0)?;
        map.insert(canonical_staff_no(&staff_no), r.get(1)?);
    }
    Ok(map)
}

/// The teachers with these ids (those absent are left out), read with one statement.
pub fn by_ids(conn: &Connection, ids: &[i64]) -> Result<HashMap<i64, Teacher>> {
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    let list = serde_json::to_string(ids).unwrap_or_else(|_| "[]".into());
    let mut st = conn.prepare(&format!(
        "{SELECT} WHERE t.id IN (SELECT value FROM json_each(?1))"
    ))?;
    let rows = st.query_map([list], from_row)?;
    let mut map = HashMap::with_capacity(ids.len());
    for t in rows {
        let t = t?;
        map.insert(t.id, t);
    }
    Ok(map)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Db;

    #[test]
    fn staff_numbers_match_in_any_case_and_only_matched_teachers_are_read() {
        let db = Db::open_in_memory().unwrap();
        db.conn
            .execute_batch(
                "INSERT INTO schools (id, name, township, stage) VALUES (1, '甲校', '镇', 'primary');
                 INSERT INTO teachers (id, staff_no, name, school_id, subject, phone, tier, pinyin, initials)
                 VALUES (7, 'T000013', '张伟', 1, '语文', '', 'qualified', 'zhangwei', 'zw'),
                        (8, 'ab-1', '王芳', 1, '数学', '', 'qualified', 'wangfang', 'wf');",
            )
            .unwrap();
        let ids = ids_by_staff_no(&db.conn).unwrap();
        assert_eq!(ids.get(&canonical_staff_no("t000013")), Some(&7));
        assert_eq!(ids.get(&canonical_staff_no("AB-1")), Some(&8));
        assert_eq!(ids.len(), 2);
        let got = by_ids(&db.conn, &[8, 99]).unwrap();
        assert_eq!(got.len(), 1);
        assert_eq!(got[&8].name, "王芳");
        assert_eq!(got[&8].school, "甲校");
        assert!(by_ids(&db.conn, &[]).unwrap().is_empty());
    }
}
