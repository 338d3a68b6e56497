//! A valid row of a teachers file, and the step it becomes: an addition (blank cells take the
//! defaults) or an update of the stored teacher (blank cells keep the stored value).

use super::teacher_roles;
use super::teachers_plan::Step;
use crate::domain::tiers::has_levels;
use crate::domain::{Gender, School, Stage, Teacher, TeacherStatus, Tier, TierLevel};
use crate::search::keys::pinyin_keys;
use crate::store::teachers::TeacherInput;
use std::collections::HashMap;

pub(crate) struct Row {
    pub(crate) line: usize,
    pub(crate) staff_no: String,
    pub(crate) name: String,
    pub(crate) gender: Option<Gender>,
    pub(crate) school: std::sync::Arc<School>,
    pub(crate) subject: Option<String>,
    pub(crate) stage: Option<Stage>,
    pub(crate) phone: Option<String>,
    pub(crate) tier: Option<Tier>,
    pub(crate) level: Option<TierLevel>,
    pub(crate) status: Option<TeacherStatus>,
    pub(crate) role: teacher_roles::RoleCells,
}

/// Pinyin keys by name: a roster repeats its common names many times (shared, not copied).
#[derive(Default)]
pub(crate) struct PinyinKeys(HashMap<String, std::sync::Arc<(String, String)>>);

impl PinyinKeys {
    pub(crate) fn of(&mut self, name: &str) -> std::sync::Arc<(String, String)> {
        if let Some(k) = self.0.get(name) {
            return k.clone();
        }
        let k = std::sync::Arc::new(pinyin_keys(name));
        self.0.insert(name.to_string(), k.clone());
        k
    }
}

/// A new teacher: blank cells take the defaults (the school's stage, 合格 tier).
pub(crate) fn addition(row: Row, keys: &mut PinyinKeys) -> Step {
    Step::Add {
        line: row.line,
        keys: keys.of(row.name.trim()),
        input: TeacherInput {
            stage: row.stage.or(Some(row.school.stage)),
            gender: row.gender,
            school_id: row.school.id,
            subject: row.subject.unwrap_or_default(),
            phone: row.phone.unwrap_or_default(),
            tier: row.tier.unwrap_or(Tier::Qualified),
            tier_level: row.level,
            status: row.status.unwrap_or(TeacherStatus::Active),
            staff_no: row.staff_no,
            name: row.name,
        },
    }
}

/// The update of a stored teacher (blank cells keep the stored value); None
/// when the row changes nothing.
pub(crate) fn update(before: Teacher, row: Row) -> Option<Step> {
    let mut input = TeacherInput {
        staff_no: row.staff_no,
        name: row.name,
        gender: row.gender.or(before.gender),
        school_id: row.school.id,
        subject: row.subject.unwrap_or_else(|| before.subject.clone()),
        stage: row.stage.or(before.stage),
        phone: row.phone.unwrap_or_else(|| before.phone.clone()),
        tier: row.tier.unwrap_or(before.tier),
        // A level given is kept; a new tier without one has none; a blank keeps the stored one.
        tier_level: match (row.level, row.tier) {
            (Some(l), _) => Some(l),
            (None, Some(t)) if t != before.tier => None,
            (None, _) => before.tier_level,
        },
        status: row.status.unwrap_or(before.status),
    };
    if !has_levels(input.tier) {
        input.tier_level = None;
    }
    if TeacherInput::from_teacher(&before) == input {
        return None;
    }
    let after = updated(&before, &input, &row.school).audit_json();
    Some(Step::Update {
        line: row.line,
        before: Box::new(before),
        input,
        after,
    })
}

/// The teacher `before` once `input` is written over it.
fn updated(before: &Teacher, input: &TeacherInput, school: &School) -> Teacher {
    Teacher {
        staff_no: input.staff_no.trim().to_string(),
        name: input.name.trim().to_string(),
        gender: input.gender,
        school_id: input.school_id,
        school: school.name.clone(),
        subject: input.subject.trim().to_string(),
        stage: input.stage,
        phone: input.phone.trim().to_string(),
        tier: input.tier,
        tier_level: input.tier_level,
        status: input.status,
        ..before.clone()
    }
}
