//! Executes write intents: each in ONE transaction together with its audit entry
//! (`store::audit::record`, actor `store::actor()`). A failure leaves nothing behind.
//! To add a write: add the `Intent` variant in `action.rs` and its arm in `execute`, calling a
//! use-case in `crate::ops` (shared with the CLI) where one exists.

use super::action::Intent;
use super::i18n::{self, Lang};
use crate::domain::Settings;
use crate::error::{Error, Result};
use crate::store::{self, audit, Db};
use chrono::NaiveDateTime;

/// What a successful write changed, so that the App can refresh what depends on it.
#[derive(Debug, Default)]
pub struct Done {
    /// Shown in the status bar.
    pub message: Option<String>,
    /// Teachers whose search entry must be refreshed.
    pub teachers_changed: Vec<i64>,
    /// New settings, when they changed.
    pub settings: Option<Settings>,
}

pub fn execute(
    db: &mut Db,
    intent: &Intent,
    reason: Option<&str>,
    now: NaiveDateTime,
    lang: Lang,
) -> Result<Done> {
    match intent {
        Intent::SetSetting { key, value } => set_setting(db, key, value, reason, now, lang),
    }
}

fn set_setting(
    db: &mut Db,
    key: &str,
    value: &str,
    reason: Option<&str>,
    now: NaiveDateTime,
    lang: Lang,
) -> Result<Done> {
    if !Settings::KEYS.contains(&key) {
        return Err(Error::invalid(i18n::fill(
            i18n::SETTING_UNKNOWN.get(lang),
            &[&key, &Settings::KEYS.join(", ")],
        )));
    }
    let tx = db.write()?;
    let before = store::settings::load(&tx)?;
    let mut after = before.clone();
    after.apply(key, value);
    let stored = after.value_of(key).unwrap_or_default();
    let same = match (stored.parse::<f64>(), value.trim().parse::<f64>()) {
        (Ok(a), Ok(b)) => a == b,
        _ => stored == value.trim(),
    };
    if !same || value.trim().is_empty() {
        return Err(Error::invalid(format!(
            "{key}: '{value}' is not an accepted value"
        )));
    }
    store::settings::set(&tx, key, &stored)?;
    let actor = store::actor();
    audit::record(
        &tx,
        &audit::AuditEntry {
            at: now,
            actor: &actor,
            entity: "settings",
            entity_id: None,
            action: "update",
            before: Some(serde_json::json!({ key: before.value_of(key) })),
            after: Some(serde_json::json!({ key: stored })),
            reason: reason.unwrap_or(""),
        },
    )?;
    tx.commit()?;
    Ok(Done {
        message: Some(i18n::fill(i18n::SETTING_SAVED.get(lang), &[&key, &stored])),
        teachers_changed: Vec::new(),
        settings: Some(after),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> NaiveDateTime {
        crate::domain::parse_datetime("2026-03-02 09:00").unwrap()
    }

    #[test]
    fn setting_is_saved_with_audit_entry() {
        let mut db = Db::open_in_memory().unwrap();
        let i = Intent::SetSetting {
            key: "grace_minutes".into(),
            value: "10".into(),
        };
        let done = execute(&mut db, &i, None, now(), Lang::En).unwrap();
        assert_eq!(done.settings.unwrap().grace_minutes, 10);
        let n: i64 = db
            .conn
            .query_row(
                "SELECT count(*) FROM audit_log WHERE entity='settings'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(n, 1);
    }

    #[test]
    fn bad_setting_changes_nothing() {
        let mut db = Db::open_in_memory().unwrap();
        for (k, v) in [
            ("grace_minutes", "abc"),
            ("grace_minutes", "500"),
            ("nope", "1"),
        ] {
            let i = Intent::SetSetting {
                key: k.into(),
                value: v.into(),
            };
            assert!(
                execute(&mut db, &i, None, now(), Lang::En).is_err(),
                "{k}={v}"
            );
        }
        let n: i64 = db
            .conn
            .query_row("SELECT count(*) FROM audit_log", [], |r| r.get(0))
            .unwrap();
        assert_eq!(n, 0);
        assert_eq!(store::settings::load(&db.conn).unwrap().grace_minutes, 5);
    }
}
