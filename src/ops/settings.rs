//! Changing a rule setting (grace minutes, veto year start, credit cycle …):
//! one transaction with its audit entry.

use crate::domain::Settings;
use crate::error::{Error, Result};
use crate::lang::pick;
use crate::store::audit::{AuditAction, Entity};
use crate::store::{self, Db};
use crate::store::{Audit, Stamp};

/// Stores `value` for the setting `key` and returns the settings after the change.
/// An unknown key, or a value the setting does not accept, changes nothing.
pub fn set_setting(
    db: &mut Db,
    key: &str,
    value: &str,
    reason: Option<&str>,
    stamp: &Stamp,
) -> Result<Settings> {
    if !Settings::KEYS.contains(&key) {
        let known = Settings::KEYS.join(", ");
        return Err(Error::invalid(pick(
            format!("没有名为 {key} 的设置（可用：{known}）"),
            format!("no setting is called {key} (known: {known})"),
        )));
    }
    let tx = db.write(stamp)?;
    let before = store::settings::load(&tx)?;
    let mut after = before.clone();
    after.apply(key, value);
    let stored = after.value_of(key).unwrap_or_default();
    // `apply` keeps the old value when the new one is out of range or unreadable.
    let accepted = match (stored.parse::<f64>(), value.trim().parse::<f64>()) {
        (Ok(a), Ok(b)) => a == b,
        // A list of rules is accepted in any spacing and number spelling that reads the same.
        _ if key == "credit_categories" => crate::domain::credit_registration::parse_rules(value)
            .is_some_and(|r| crate::domain::credit_registration::format_rules(&r) == stored),
        _ => stored == value.trim(),
    };
    if !accepted || value.trim().is_empty() {
        return Err(Error::invalid(pick(
            format!("设置 {key} 不接受“{value}”"),
            format!("{key}: '{value}' is not an accepted value"),
        )));
    }
    store::settings::set(&tx, key, &stored)?;
    tx.audit(Audit {
        entity: Entity::Settings,
        entity_id: None,
        action: AuditAction::Update,
        before: Some(serde_json::json!({ key: before.value_of(key) })),
        after: Some(serde_json::json!({ key: stored })),
        reason: reason.unwrap_or(""),
    })?;
    tx.commit()?;
    Ok(after)
}
