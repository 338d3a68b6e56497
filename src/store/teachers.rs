//! The `teachers` table, with the tier history (五型) kept on every tier change.

use crate::domain::{canonical_staff_no, Gender, Stage, Teacher, TeacherStatus, Tier, TierLevel};
use crate::error::{Error, Result};
use crate::search::keys::pinyin_keys;
use crate::store::decode::Stored;
use crate::store::tier_steps::TierStep;
use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Row};

/// The fields of a teacher to write; pinyin keys are derived from the name.
#[derive(Debug, Clone, PartialEq)]
pub struct TeacherInput {
    pub staff_no: String,
    pub name: String,
    pub gender: Option<Gender>,
    pub school_id: i64,
    pub subject: String,
    pub stage: Option<Stage>,
    pub phone: String,
    pub tier: Tier,
    /// The tier's level; `None` for tiers without levels (`domain::tiers::has_levels`).
    pub tier_level: Option<TierLevel>,
    pub status: TeacherStatus,
}

impl TeacherInput {
    /// The input that would leave `t` as it is.
    pub fn from_teacher(t: &Teacher) -> TeacherInput {
        TeacherInput {
            staff_no: t.staff_no.clone(),
            name: t.name.clone(),
            gender: t.gender,
            school_id: t.school_id,
            subject: t.subject.clone(),
            stage: t.stage,
            phone: t.phone.clone(),
            tier: t.tier,
            tier_level: t.tier_level,
            status: t.status,
        }
    }
}

/// What an upsert did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Upserted {
    Added(i64),
    Updated(i64),
    Unchanged(i64),
}

pub(super) const SELECT: &str =
    "SELECT t.id, t.staff_no, t.name, t.gender, t.school_id, s.name, t.subject,
        t.stage, t.phone, t.tier, t.pinyin, t.initials, t.status, t.tier_level
    FROM teachers t JOIN schools s ON s.id = t.school_id";

pub(super) fn from_row(r: &Row) -> rusqlite::Result<Teacher> {
    let row = Stored::new("teachers", 0);
    Ok(Teacher {
        id: r.get(0)?,
        staff_no: r.get(1)?,
        name: r.get(2)?,
        gender: row.optional(r, 3, Gender::parse)?,
        school_id: r.get(4)?,
        school: r.get(5)?,
        subject: r.get(6)?,
        stage: row.optional(r, 7, Stage::parse)?,
        phone: r.get(8)?,
        tier: row.code(r, 9, Tier::parse)?,
        pinyin: r.get(10)?,
        initials: r.get(11)?,
        status: row.code(r, 12, TeacherStatus::parse)?,
        tier_level: row.optional(r, 13, TierLevel::parse)?,
    })
}

pub fn get(conn: &Connection, id: i64) -> Result<Option<Teacher>> {
    let mut st = conn.prepare_cached(&format!("{SELECT} WHERE t.id = ?1"))?;
    Ok(st.query_row([id], from_row).optional()?)
}

/// The teacher with this staff number, in any case (`t000013` finds `T000013`).
pub fn by_staff_no(conn: &Connection, staff_no: &str) -> Result<Option<Teacher>> {
    let mut st = conn.prepare_cached(&format!("{SELECT} WHERE t.staff_no = ?1 COLLATE NOCASE"))?;
    Ok(st
        .query_row([canonical_staff_no(staff_no)], from_row)
        .optional()?)
}

/// All teachers, by id (for building the search index).
pub fn list(conn: &Connection) -> Result<Vec<Teacher>> {
    let mut st = conn.prepare_cached(&format!("{SELECT} ORDER BY t.id"))?;
    let rows = st
        .query_map([], from_row)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// Teachers of one school, by name.
pub fn by_school(conn: &Connection, school_id: i64) -> Result<Vec<Teacher>> {
    let mut st = conn.prepare_cached(&format!(
        "{SELECT} WHERE t.school_id = ?1 ORDER BY t.name, t.staff_no"
    ))?;
    let rows = st
        .query_map([school_id], from_row)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

fn check(t: &TeacherInput) -> Result<()> {
    if t.staff_no.trim().is_empty() {
        return Err(Error::invalid(crate::lang::pick(
            "教师需要填写工号",
            "a teacher needs a staff number",
        )));
    }
    if t.name.trim().is_empty() {
        return Err(Error::invalid(crate::lang::pick(
            "教师需要填写姓名",
            "a teacher needs a name",
        )));
    }
    Ok(())
}

/// Inserts a teacher; returns the new id.
pub fn insert(conn: &Connection, t: &TeacherInput) -> Result<i64> {
    let (pinyin, initials) = pinyin_keys(t.name.trim());
    insert_if_new(conn, t, &pinyin, &initials)?.ok_or_else(|| {
        Error::invalid(crate::lang::pick(
            format!("工号 {} 已经是另一位教师的工号", t.staff_no.trim()),
            format!(
                "staff number {} belongs to another teacher",
                t.staff_no.trim()
            ),
        ))
    })
}

/// Inserts a teacher whose pinyin keys were computed beforehand (an import
/// prepares them before its write transaction). Returns the new id, or None,
/// writing nothing, when the staff number is already taken.
pub fn insert_if_new(
    conn: &Connection,
    t: &TeacherInput,
    pinyin: &str,
    initials: &str,
) -> Result<Option<i64>> {
    check(t)?;
    let n = conn
        .prepare_cached(
            "INSERT INTO teachers (staff_no, name, gender, school_id, subject, stage, phone, tier,
                                   pinyin, initials, status, tier_level)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)
             ON CONFLICT DO NOTHING",
        )?
        .execute(params![
            canonical_staff_no(&t.staff_no),
            t.name.trim(),
            t.gender.map(|g| g.code()),
            t.school_id,
            t.subject.trim(),
            t.stage.map(|s| s.code()),
            t.phone.trim(),
            t.tier.code(),
            pinyin,
            initials,
            t.status.code(),
            t.tier_level.map(|l| l.code()),
        ])?;
    Ok((n > 0).then(|| conn.last_insert_rowid()))
}

/// Rewrites teacher `before.id` with `t`; a tier change adds a tier-history
/// row dated `today`. Returns false when nothing changed (nothing written).
pub fn update(
    conn: &Connection,
    before: &Teacher,
    t: &TeacherInput,
    today: NaiveDate,
) -> Result<bool> {
    check(t)?;
    let t = &TeacherInput {
        staff_no: canonical_staff_no(&t.staff_no),
        ..t.clone()
    };
    if TeacherInput::from_teacher(before) == *t {
        return Ok(false);
    }
    let (pinyin, initials) = if before.name == t.name.trim() {
        (before.pinyin.clone(), before.initials.clone())
    } else {
        pinyin_keys(t.name.trim())
    };
    conn.prepare_cached(
        "UPDATE teachers SET staff_no = ?2, name = ?3, gender = ?4, school_id = ?5, subject = ?6,
                stage = ?7, phone = ?8, tier = ?9, pinyin = ?10, initials = ?11, status = ?12,
                tier_level = ?13
         WHERE id = ?1",
    )?
    .execute(params![
        before.id,
        canonical_staff_no(&t.staff_no),
        t.name.trim(),
        t.gender.map(|g| g.code()),
        t.school_id,
        t.subject.trim(),
        t.stage.map(|s| s.code()),
        t.phone.trim(),
        t.tier.code(),
        pinyin,
        initials,
        t.status.code(),
        t.tier_level.map(|l| l.code()),
    ])?;
    if (before.tier, before.tier_level) != (t.tier, t.tier_level) {
        let step = TierStep::new(t.tier, t.tier_level, today);
        super::tier_steps::record(conn, before.id, &step)?;
    }
    Ok(true)
}

/// Inserts or updates by staff number.
pub fn upsert(conn: &Connection, t: &TeacherInput, today: NaiveDate) -> Result<Upserted> {
    match by_staff_no(conn, &t.staff_no)? {
        None => Ok(Upserted::Added(insert(conn, t)?)),
        Some(before) => Ok(if update(conn, &before, t, today)? {
            Upserted::Updated(before.id)
        } else {
            Upserted::Unchanged(before.id)
        }),
    }
}

impl Teacher {
    /// The teacher as JSON for the audit log.
    pub fn audit_json(&self) -> serde_json::Value {
        serde_json::json!({
            "staff_no": self.staff_no, "name": self.name,
            "gender": self.gender.map(|g| g.code()), "school_id": self.school_id,
            "school": self.school, "subject": self.subject,
            "stage": self.stage.map(|s| s.code()), "phone": self.phone, "tier": self.tier.code(),
            "tier_level": self.tier_level.map(|l| l.code()), "status": self.status.code(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::schools::{self, SchoolInput};
    use crate::store::tier_steps::history;
    use crate::store::Db;

    fn setup() -> (Db, i64) {
        let db = Db::open_in_memory().unwrap();
        let sid = schools::insert(
            &db.conn,
            &SchoolInput {
                name: "实验小学".into(),
                township: String::new(),
                stage: Stage::Primary,
            },
        )
        .unwrap();
        (db, sid)
    }

    fn input(sid: i64) -> TeacherInput {
        TeacherInput {
            staff_no: "T1".into(),
            name: "张伟".into(),
            gender: Some(Gender::Male),
            school_id: sid,
            subject: "数学".into(),
            stage: Some(Stage::Primary),
            phone: "13800000000".into(),
            tier: Tier::Qualified,
            tier_level: None,
            status: TeacherStatus::Active,
        }
    }

    #[test]
    fn upsert_adds_then_is_unchanged_then_updates_with_tier_history() {
        let (db, sid) = setup();
        let day = NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
        let Upserted::Added(id) = upsert(&db.conn, &input(sid), day).unwrap() else {
            panic!()
        };
        let t = get(&db.conn, id).unwrap().unwrap();
        assert_eq!(
            (t.pinyin.as_str(), t.initials.as_str()),
            ("zhang'wei", "zw")
        );
        assert_eq!(t.school, "实验小学");
        assert_eq!(
            upsert(&db.conn, &input(sid), day).unwrap(),
            Upserted::Unchanged(id)
        );
        assert!(history(&db.conn, id).unwrap().is_empty());
        let promoted = TeacherInput {
            tier: Tier::Backbone,
            ..input(sid)
        };
        assert_eq!(
            upsert(&db.conn, &promoted, day).unwrap(),
            Upserted::Updated(id)
        );
        let steps = history(&db.conn, id).unwrap();
        assert_eq!(
            steps.iter().map(|s| (s.tier, s.since)).collect::<Vec<_>>(),
            vec![(Tier::Backbone, day)]
        );
        assert_eq!(
            by_staff_no(&db.conn, "T1").unwrap().unwrap().tier,
            Tier::Backbone
        );
    }

    #[test]
    fn a_staff_number_is_stored_in_upper_case_and_found_in_any_case() {
        let (db, sid) = setup();
        let day = NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
        let lower = TeacherInput {
            staff_no: " t1 ".into(),
            ..input(sid)
        };
        let Upserted::Added(id) = upsert(&db.conn, &lower, day).unwrap() else {
            panic!()
        };
        assert_eq!(get(&db.conn, id).unwrap().unwrap().staff_no, "T1");
        assert_eq!(
            upsert(&db.conn, &input(sid), day).unwrap(),
            Upserted::Unchanged(id)
        );
        assert_eq!(
            upsert(&db.conn, &lower, day).unwrap(),
            Upserted::Unchanged(id)
        );
        assert_eq!(by_staff_no(&db.conn, "t1").unwrap().map(|t| t.id), Some(id));
    }
}
