//! Field prefixes of a query resolved against the interned field values.

use super::query::{
    level_matches, stage_matches, teacher_status_matches, text_matches, tier_matches, Filters,
};
use super::storage::{Record, Storage};

/// The filters of one query, resolved to allowed field codes.
pub struct Allowed {
    school: Option<Vec<bool>>,
    subject: Option<Vec<bool>>,
    tier: Option<Vec<bool>>,
    /// Over the same interned tier fields (`backbone/district`).
    level: Option<Vec<bool>>,
    stage: Option<Vec<bool>>,
    status: Option<Vec<bool>>,
}

fn pass(allowed: &Option<Vec<bool>>, code: u32) -> bool {
    allowed
        .as_ref()
        .is_none_or(|a| a.get(code as usize).copied().unwrap_or(false))
}

impl Allowed {
    pub fn admits(&self, r: &Record) -> bool {
        pass(&self.school, r.school)
            && pass(&self.subject, r.subject)
            && pass(&self.tier, r.tier as u32)
            && pass(&self.level, r.tier as u32)
            && pass(&self.stage, r.stage as u32)
            && pass(&self.status, r.status as u32)
    }
}

impl Allowed {
    /// `None` when the query has no prefixes.
    pub fn resolve(store: &Storage, f: &Filters) -> Option<Allowed> {
        if f.is_empty() {
            return None;
        }
        Some(Allowed {
            school: store.schools.allowed(&f.school, text_matches),
            subject: store.subjects.allowed(&f.subject, text_matches),
            tier: store.tiers.allowed(&f.tier, tier_matches),
            level: store.tiers.allowed(&f.level, level_matches),
            stage: store.stages.allowed(&f.stage, stage_matches),
            status: store.statuses.allowed(&f.status, teacher_status_matches),
        })
    }
}
