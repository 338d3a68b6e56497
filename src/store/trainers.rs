//! The `trainers` table: Starlight trainers (星光讲师) with six competency levels.

use crate::domain::{Trainer, TrainerStatus, DATE_FMT};
use crate::error::{Error, Result};
use crate::store::decode::Stored;
use chrono::NaiveDate;
use rusqlite::types::Value;
use rusqlite::{params_from_iter, Connection, OptionalExtension, Row};

/// The fields of a trainer to write.
#[derive(Debug, Clone, PartialEq)]
pub struct TrainerInput {
    /// The district teacher this trainer is, or None for an external expert.
    pub teacher_id: Option<i64>,
    pub name: String,
    pub affiliation: String,
    pub status: TrainerStatus,
    /// Levels 0–3 in the order of `Competency::ALL`.
    pub levels: [u8; 6],
    pub joined_on: Option<NaiveDate>,
}

impl TrainerInput {
    pub fn from_trainer(t: &Trainer) -> TrainerInput {
        TrainerInput {
            teacher_id: t.teacher_id,
            name: t.name.clone(),
            affiliation: t.affiliation.clone(),
            status: t.status,
            levels: t.levels,
            joined_on: t.joined_on,
        }
    }
}

const SELECT: &str = "SELECT id, teacher_id, name, affiliation, status, design, organize, teach,
        guide, evaluate, research, joined_on FROM trainers";

fn from_row(r: &Row) -> rusqlite::Result<Trainer> {
    let row = Stored::new("trainers", 0);
    let mut levels = [0u8; 6];
    for (i, level) in levels.iter_mut().enumerate() {
        *level = r.get::<_, i64>(5 + i)?.clamp(0, 3) as u8;
    }
    Ok(Trainer {
        id: r.get(0)?,
        teacher_id: r.get(1)?,
        name: r.get(2)?,
        affiliation: r.get(3)?,
        status: row.code(r, 4, TrainerStatus::parse)?,
        levels,
        joined_on: row.optional(r, 11, crate::domain::parse_date)?,
    })
}

pub fn get(conn: &Connection, id: i64) -> Result<Option<Trainer>> {
    let mut st = conn.prepare_cached(&format!("{SELECT} WHERE id = ?1"))?;
    Ok(st.query_row([id], from_row).optional()?)
}

/// The trainer record of a district teacher.
pub fn by_teacher(conn: &Connection, teacher_id: i64) -> Result<Option<Trainer>> {
    let mut st = conn.prepare_cached(&format!("{SELECT} WHERE teacher_id = ?1"))?;
    Ok(st.query_row([teacher_id], from_row).optional()?)
}

/// An external expert (no teacher record) by name.
pub fn external_by_name(conn: &Connection, name: &str) -> Result<Option<Trainer>> {
    let mut st =
        conn.prepare_cached(&format!("{SELECT} WHERE teacher_id IS NULL AND name = ?1"))?;
    Ok(st.query_row([name.trim()], from_row).optional()?)
}

/// Trainers whose name is `name` (teachers and externals).
pub fn by_name(conn: &Connection, name: &str) -> Result<Vec<Trainer>> {
    let mut st = conn.prepare_cached(&format!("{SELECT} WHERE name = ?1 ORDER BY id"))?;
    let rows = st
        .query_map([name.trim()], from_row)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// All trainers by name.
pub fn list(conn: &Connection) -> Result<Vec<Trainer>> {
    let mut st = conn.prepare_cached(&format!("{SELECT} ORDER BY name, id"))?;
    let rows = st
        .query_map([], from_row)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

fn check(t: &TrainerInput) -> Result<()> {
    if t.name.trim().is_empty() {
        return Err(Error::invalid(crate::lang::pick(
            "星光讲师需要填写姓名",
            "a trainer needs a name",
        )));
    }
    if t.levels.iter().any(|&l| l > 3) {
        return Err(Error::invalid(crate::lang::pick(
            "能力等级只能是 0–3",
            "competency levels are 0–3",
        )));
    }
    Ok(())
}

/// A trainer's column values, bound as ?1..?11 by both [`insert`] and [`update`] (in the
/// order their SQL names the columns).
fn trainer_values(t: &TrainerInput) -> [Value; 11] {
    let l = t.levels.map(i64::from);
    [
        t.teacher_id.into(),
        t.name.trim().to_owned().into(),
        t.affiliation.trim().to_owned().into(),
        t.status.code().to_owned().into(),
        l[0].into(),
        l[1].into(),
        l[2].into(),
        l[3].into(),
        l[4].into(),
        l[5].into(),
        t.joined_on.map(|d| d.format(DATE_FMT).to_string()).into(),
    ]
}

pub fn insert(conn: &Connection, t: &TrainerInput) -> Result<i64> {
    check(t)?;
    conn.prepare_cached(
        "INSERT INTO trainers (teacher_id, name, affiliation, status, design, organize, teach,
                               guide, evaluate, research, joined_on)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?
    .execute(params_from_iter(trainer_values(t)))?;
    Ok(conn.last_insert_rowid())
}

/// Rewrites trainer `id`; returns false when nothing changed.
pub fn update(conn: &Connection, before: &Trainer, t: &TrainerInput) -> Result<bool> {
    check(t)?;
    if TrainerInput::from_trainer(before) == *t {
        return Ok(false);
    }
    conn.prepare_cached(
        "UPDATE trainers SET teacher_id = ?1, name = ?2, affiliation = ?3, status = ?4,
                design = ?5, organize = ?6, teach = ?7, guide = ?8, evaluate = ?9,
                research = ?10, joined_on = ?11
         WHERE id = ?12",
    )?
    .execute(params_from_iter(
        trainer_values(t)
            .into_iter()
            .chain([Value::from(before.id)]),
    ))?;
    Ok(true)
}

impl Trainer {
    /// The trainer as JSON for the audit log.
    pub fn audit_json(&self) -> serde_json::Value {
        serde_json::json!({
            "teacher_id": self.teacher_id, "name": self.name, "affiliation": self.affiliation,
            "status": self.status.code(), "levels": self.levels,
            "joined_on": self.joined_on.map(|d| d.format(DATE_FMT).to_string()),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Db;

    #[test]
    fn external_expert_round_trip() {
        let db = Db::open_in_memory().unwrap();
        let input = TrainerInput {
            teacher_id: None,
            name: "李教授".into(),
            affiliation: "西南大学".into(),
            status: TrainerStatus::Certified,
            levels: [3, 2, 3, 1, 0, 2],
            joined_on: NaiveDate::from_ymd_opt(2025, 9, 1),
        };
        let id = insert(&db.conn, &input).unwrap();
        let t = external_by_name(&db.conn, "李教授").unwrap().unwrap();
        assert_eq!(t.id, id);
        assert_eq!(t.levels, [3, 2, 3, 1, 0, 2]);
        assert!(!update(&db.conn, &t, &input).unwrap());
        let bad = TrainerInput {
            levels: [4, 0, 0, 0, 0, 0],
            ..input
        };
        assert!(insert(&db.conn, &bad).is_err());
    }
}
