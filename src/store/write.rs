//! The write context: one user intent's IMMEDIATE transaction together with its time and actor
//! (a [`Stamp`]). Ops receive it from [`Db::write`](super::Db::write) instead of reading the
//! clock or the environment, and record their audit entry through [`Write::audit`].

use super::audit::{self, AuditAction, AuditEntry, Entity};
use crate::error::Result;
use chrono::NaiveDateTime;
use rusqlite::Transaction;

/// When and by whom a change is made: computed once at the edges (the CLI at start, the TUI
/// per event) and passed down.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stamp {
    pub now: NaiveDateTime,
    pub actor: String,
}

impl Stamp {
    pub fn new(now: NaiveDateTime, actor: impl Into<String>) -> Stamp {
        Stamp {
            now,
            actor: actor.into(),
        }
    }
}

/// An audit entry of the write in progress (its time and actor come from the context).
pub struct Audit<'a> {
    pub entity: Entity,
    pub entity_id: Option<i64>,
    pub action: AuditAction,
    pub before: Option<serde_json::Value>,
    pub after: Option<serde_json::Value>,
    pub reason: &'a str,
}

/// A write in progress: derefs to its transaction, so store functions taking `&Connection` or
/// `&Transaction` compose inside it. Dropped without [`Write::commit`], it changes nothing.
pub struct Write<'c> {
    tx: Transaction<'c>,
    stamp: Stamp,
}

impl<'c> Write<'c> {
    pub(super) fn new(tx: Transaction<'c>, stamp: &Stamp) -> Write<'c> {
        Write {
            tx,
            stamp: stamp.clone(),
        }
    }

    /// The time of this intent.
    pub fn now(&self) -> NaiveDateTime {
        self.stamp.now
    }

    /// The person responsible for this intent.
    pub fn actor(&self) -> &str {
        &self.stamp.actor
    }

    pub fn stamp(&self) -> &Stamp {
        &self.stamp
    }

    /// Records `entry` in the audit log, stamped with this write's time and actor.
    pub fn audit(&self, entry: Audit<'_>) -> Result<()> {
        audit::record(
            &self.tx,
            &AuditEntry {
                at: self.stamp.now,
                actor: &self.stamp.actor,
                entity: entry.entity,
                entity_id: entry.entity_id,
                action: entry.action,
                before: entry.before,
                after: entry.after,
                reason: entry.reason,
            },
        )
    }

    pub fn commit(self) -> Result<()> {
        Ok(self.tx.commit()?)
    }

    pub fn rollback(self) -> Result<()> {
        Ok(self.tx.rollback()?)
    }
}

impl<'c> std::ops::Deref for Write<'c> {
    type Target = Transaction<'c>;
    fn deref(&self) -> &Transaction<'c> {
        &self.tx
    }
}

/// A stamp for unit tests: `at` ("YYYY-MM-DD HH:MM") by "tester".
#[cfg(test)]
pub(crate) fn test_stamp(at: &str) -> Stamp {
    let now = crate::domain::parse_datetime(at).unwrap_or_default();
    Stamp::new(now, "tester")
}
