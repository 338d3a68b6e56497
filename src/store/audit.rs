//! The audit log: every change, with time, actor, entity, before/after and reason.

use crate::error::Result;
use chrono::NaiveDateTime;
use rusqlite::{params, Connection};

/// What an audit entry is about. The stored codes ([`Entity::code`]) never change: existing
/// databases and `liaoyuan check` read them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entity {
    Mark,
    Project,
    Session,
    Enrolment,
    CreditEntry,
    FollowUp,
    Import,
    Settings,
    Teacher,
    Trainer,
    School,
    /// A target of the plan (its key is in before/after: what and year).
    Target,
    Feedback,
}

impl Entity {
    /// The code stored in `audit_log.entity`.
    pub fn code(self) -> &'static str {
        match self {
            Entity::Mark => "mark",
            Entity::Project => "project",
            Entity::Session => "session",
            Entity::Enrolment => "enrolment",
            Entity::CreditEntry => "credit_entry",
            Entity::FollowUp => "follow_up",
            Entity::Import => "import",
            Entity::Settings => "settings",
            Entity::Teacher => "teacher",
            Entity::Trainer => "trainer",
            Entity::School => "school",
            Entity::Target => "target",
            Entity::Feedback => "feedback",
        }
    }
}

/// What was done. The stored codes ([`AuditAction::code`]) never change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AuditAction {
    Create,
    Update,
    Delete,
    Close,
    Reopen,
    Complete,
    Undo,
    /// A row that an import changed (additions are covered by the import's summary entry).
    ImportUpdate,
    /// An import's summary; the code is the import kind's (`ops::import::Kind::code`).
    Import(&'static str),
}

impl AuditAction {
    /// The code stored in `audit_log.action`.
    pub fn code(self) -> &'static str {
        match self {
            AuditAction::Create => "create",
            AuditAction::Update => "update",
            AuditAction::Delete => "delete",
            AuditAction::Close => "close",
            AuditAction::Reopen => "reopen",
            AuditAction::Complete => "complete",
            AuditAction::Undo => "undo",
            AuditAction::ImportUpdate => "import_update",
            AuditAction::Import(kind) => kind,
        }
    }
}

/// One audit entry to write (ops write theirs through `store::Write::audit`).
pub struct AuditEntry<'a> {
    pub at: NaiveDateTime,
    pub actor: &'a str,
    pub entity: Entity,
    pub entity_id: Option<i64>,
    pub action: AuditAction,
    pub before: Option<serde_json::Value>,
    pub after: Option<serde_json::Value>,
    pub reason: &'a str,
}

pub fn record(conn: &Connection, e: &AuditEntry) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO audit_log (at, actor, entity, entity_id, action, before, after, reason)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?
    .execute(params![
        e.at.format(crate::domain::DATETIME_FMT).to_string(),
        e.actor,
        e.entity.code(),
        e.entity_id,
        e.action.code(),
        e.before.as_ref().map(|v| v.to_string()),
        e.after.as_ref().map(|v| v.to_string()),
        e.reason,
    ])?;
    Ok(())
}

/// A stored audit entry.
#[derive(Debug, Clone, PartialEq)]
pub struct AuditRow {
    pub id: i64,
    pub at: String,
    pub actor: String,
    pub entity: String,
    pub entity_id: Option<i64>,
    pub action: String,
    pub before: Option<String>,
    pub after: Option<String>,
    pub reason: String,
}

/// History of one entity, oldest first.
pub fn history(conn: &Connection, entity: Entity, entity_id: i64) -> Result<Vec<AuditRow>> {
    let mut st = conn.prepare_cached(
        "SELECT id, at, actor, entity, entity_id, action, before, after, reason
         FROM audit_log WHERE entity = ?1 AND entity_id = ?2 ORDER BY id",
    )?;
    let rows = st
        .query_map(params![entity.code(), entity_id], |r| {
            Ok(AuditRow {
                id: r.get(0)?,
                at: r.get(1)?,
                actor: r.get(2)?,
                entity: r.get(3)?,
                entity_id: r.get(4)?,
                action: r.get(5)?,
                before: r.get(6)?,
                after: r.get(7)?,
                reason: r.get(8)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_codes_stay_what_existing_databases_hold() {
        let entities = [
            (Entity::Mark, "mark"),
            (Entity::Project, "project"),
            (Entity::Session, "session"),
            (Entity::Enrolment, "enrolment"),
            (Entity::CreditEntry, "credit_entry"),
            (Entity::FollowUp, "follow_up"),
            (Entity::Import, "import"),
            (Entity::Settings, "settings"),
            (Entity::Teacher, "teacher"),
            (Entity::Trainer, "trainer"),
            (Entity::School, "school"),
        ];
        for (e, code) in entities {
            assert_eq!(e.code(), code);
        }
        let actions = [
            (AuditAction::Create, "create"),
            (AuditAction::Update, "update"),
            (AuditAction::Delete, "delete"),
            (AuditAction::Close, "close"),
            (AuditAction::Reopen, "reopen"),
            (AuditAction::Complete, "complete"),
            (AuditAction::Undo, "undo"),
            (AuditAction::ImportUpdate, "import_update"),
            (AuditAction::Import("teachers"), "teachers"),
        ];
        for (a, code) in actions {
            assert_eq!(a.code(), code);
        }
    }

    #[test]
    fn a_write_records_its_entry_with_its_stamp_and_nothing_without_commit() {
        let mut db = crate::store::Db::open_in_memory().unwrap_or_else(|e| panic!("{e}"));
        let entry = || crate::store::Audit {
            entity: Entity::Settings,
            entity_id: None,
            action: AuditAction::Update,
            before: None,
            after: None,
            reason: "why",
        };
        let stamp = crate::store::test_stamp("2026-03-02 09:00");
        {
            let tx = db.write(&stamp).unwrap();
            tx.audit(entry()).unwrap();
            // dropped without commit
        }
        let n: i64 = db
            .conn
            .query_row("SELECT count(*) FROM audit_log", [], |r| r.get(0))
            .unwrap();
        assert_eq!(n, 0);
        let tx = db.write(&stamp).unwrap();
        tx.audit(entry()).unwrap();
        tx.commit().unwrap();
        let (at, actor, entity, action): (String, String, String, String) = db
            .conn
            .query_row("SELECT at, actor, entity, action FROM audit_log", [], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
            })
            .unwrap();
        assert_eq!(
            (
                at.as_str(),
                actor.as_str(),
                entity.as_str(),
                action.as_str()
            ),
            ("2026-03-02 09:00:00", "tester", "settings", "update")
        );
    }
}
