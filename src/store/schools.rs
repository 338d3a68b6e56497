//! The `schools` table (送培学校).

use crate::domain::{School, Stage};
use crate::error::{Error, Result};
use crate::store::decode::Stored;
use rusqlite::{params, Connection, OptionalExtension, Row};
use std::collections::HashMap;

/// The fields of a school to write.
#[derive(Debug, Clone, PartialEq)]
pub struct SchoolInput {
    pub name: String,
    pub township: String,
    pub stage: Stage,
}

const COLUMNS: &str = "id, name, township, stage";

fn from_row(r: &Row) -> rusqlite::Result<School> {
    Ok(School {
        id: r.get(0)?,
        name: r.get(1)?,
        township: r.get(2)?,
        stage: Stored::new("schools", 0).code(r, 3, Stage::parse)?,
    })
}

/// All schools by name.
pub fn list(conn: &Connection) -> Result<Vec<School>> {
    let mut st = conn.prepare_cached(&format!("SELECT {COLUMNS} FROM schools ORDER BY name"))?;
    let rows = st
        .query_map([], from_row)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

pub fn get(conn: &Connection, id: i64) -> Result<Option<School>> {
    let mut st = conn.prepare_cached(&format!("SELECT {COLUMNS} FROM schools WHERE id = ?1"))?;
    Ok(st.query_row([id], from_row).optional()?)
}

pub fn by_name(conn: &Connection, name: &str) -> Result<Option<School>> {
    let mut st = conn.prepare_cached(&format!("SELECT {COLUMNS} FROM schools WHERE name = ?1"))?;
    Ok(st.query_row([name.trim()], from_row).optional()?)
}

/// Name → school, for resolving many rows at once.
pub fn by_name_map(conn: &Connection) -> Result<HashMap<String, School>> {
    Ok(list(conn)?
        .into_iter()
        .map(|s| (s.name.clone(), s))
        .collect())
}

pub fn insert(conn: &Connection, s: &SchoolInput) -> Result<i64> {
    if s.name.trim().is_empty() {
        return Err(Error::invalid(crate::lang::pick(
            "学校需要填写名称",
            "a school needs a name",
        )));
    }
    conn.prepare_cached("INSERT INTO schools (name, township, stage) VALUES (?1, ?2, ?3)")?
        .execute(params![s.name.trim(), s.township.trim(), s.stage.code()])?;
    Ok(conn.last_insert_rowid())
}

pub fn update(conn: &Connection, id: i64, s: &SchoolInput) -> Result<()> {
    let n = conn
        .prepare_cached("UPDATE schools SET name = ?2, township = ?3, stage = ?4 WHERE id = ?1")?
        .execute(params![
            id,
            s.name.trim(),
            s.township.trim(),
            s.stage.code()
        ])?;
    if n == 0 {
        return Err(Error::NotFound(crate::lang::pick(
            format!("编号 {id} 的学校"),
            format!("school {id}"),
        )));
    }
    Ok(())
}

impl School {
    /// The school as JSON for the audit log.
    pub fn audit_json(&self) -> serde_json::Value {
        serde_json::json!({
            "name": self.name, "township": self.township, "stage": self.stage.code(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Db;

    #[test]
    fn insert_get_update() {
        let db = Db::open_in_memory().unwrap();
        let input = SchoolInput {
            name: "实验小学".into(),
            township: "桂林街道".into(),
            stage: Stage::Primary,
        };
        let id = insert(&db.conn, &input).unwrap();
        assert_eq!(by_name(&db.conn, "实验小学").unwrap().unwrap().id, id);
        update(
            &db.conn,
            id,
            &SchoolInput {
                stage: Stage::Junior,
                ..input
            },
        )
        .unwrap();
        assert_eq!(get(&db.conn, id).unwrap().unwrap().stage, Stage::Junior);
        assert!(update(
            &db.conn,
            999,
            &SchoolInput {
                name: "x".into(),
                township: String::new(),
                stage: Stage::Primary
            }
        )
        .is_err());
    }
}
