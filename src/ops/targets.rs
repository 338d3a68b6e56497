//! The plan's targets: the report the Targets view and `export targets` show (count vs target
//! per target, by school, by subject, the trend per year) and the audited edit (`:target`).

use crate::domain::tiers::{count_by_role, count_for};
use crate::domain::TargetKind;
use crate::error::{Error, Result};
use crate::lang::pick;
use crate::store::audit::{AuditAction, Entity};
use crate::store::targets::{self, Group, Target, TierCounts};
use crate::store::{Audit, Db, Stamp};
use chrono::{Datelike, NaiveDate};
use rusqlite::Connection;

/// Years the trend shows, ending with the current one.
pub const TREND_YEARS: i32 = 5;

/// One target against its count.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TargetLine {
    pub what: TargetKind,
    /// The target's year and number (`None`: no number set for this kind).
    pub target: Option<(i32, i64)>,
    /// Teachers counted now (by tier and level, or for the principals' targets by role).
    pub count: Option<i64>,
}

/// Counts of the targets counted by tier (`TargetKind`s whose `count_for` is `Some`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupLine {
    pub name: String,
    /// Per `counted_kinds()`, in order.
    pub counts: Vec<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TargetsReport {
    pub lines: Vec<TargetLine>,
    /// By school, most counted first (then by name).
    pub by_school: Vec<GroupLine>,
    /// By subject, most counted first.
    pub by_subject: Vec<GroupLine>,
    /// (year, counts per `counted_kinds()` at that year's end), oldest first.
    pub trend: Vec<(i32, Vec<i64>)>,
}

/// The targets counted by tier and level (not by role), in `TargetKind::ALL` order.
pub fn counted_kinds() -> Vec<TargetKind> {
    TargetKind::ALL
        .iter()
        .copied()
        .filter(|k| count_for(*k, &[]).is_some())
        .collect()
}

fn per_kind(c: &TierCounts) -> Vec<i64> {
    counted_kinds()
        .into_iter()
        .map(|k| count_for(k, c).unwrap_or(0))
        .collect()
}

/// The target a kind is measured against on `today`: the first year not yet past, else the
/// latest year set.
fn target_of(all: &[Target], what: TargetKind, year: i32) -> Option<(i32, i64)> {
    let mine = all.iter().filter(|t| t.what == what);
    mine.clone()
        .filter(|t| t.year >= year)
        .min_by_key(|t| t.year)
        .or_else(|| mine.max_by_key(|t| t.year))
        .map(|t| (t.year, t.number))
}

fn groups(conn: &Connection, group: Group) -> Result<Vec<GroupLine>> {
    let mut out: Vec<GroupLine> = targets::current_by(conn, group)?
        .into_iter()
        .map(|(name, c)| GroupLine {
            name,
            counts: per_kind(&c),
        })
        .filter(|g| g.counts.iter().any(|n| *n > 0))
        .collect();
    out.sort_by(|a, b| {
        let total = |g: &GroupLine| g.counts.iter().sum::<i64>();
        total(b).cmp(&total(a)).then_with(|| a.name.cmp(&b.name))
    });
    Ok(out)
}

/// Everything the Targets view shows, as of `today`.
pub fn report(conn: &Connection, today: NaiveDate) -> Result<TargetsReport> {
    let all = targets::list(conn)?;
    let now = targets::current(conn)?;
    let by_role = targets::current_by_role(conn)?;
    let lines = TargetKind::ALL
        .iter()
        .map(|&what| TargetLine {
            what,
            target: target_of(&all, what, today.year()),
            count: count_for(what, &now).or_else(|| count_by_role(what, &by_role)),
        })
        .collect();
    let mut trend = Vec::new();
    for year in today.year() - TREND_YEARS + 1..=today.year() {
        let end = NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or(today);
        trend.push((year, per_kind(&targets::at(conn, end)?)));
    }
    Ok(TargetsReport {
        lines,
        by_school: groups(conn, Group::School)?,
        by_subject: groups(conn, Group::Subject)?,
        trend,
    })
}

/// Reads `区级骨干教师 2025 520` (what, year, number), as `:target` takes it.
pub fn parse_target(args: &str) -> Result<Target> {
    let usage = || {
        Error::invalid(pick(
            format!(
                "用法：:target 目标 年份 人数，例如 :target 区级骨干教师 2025 520（目标：{}）",
                TargetKind::choices()
            ),
            format!(
                "usage: :target WHAT YEAR NUMBER, e.g. :target district_backbone 2025 520 (what: {})",
                TargetKind::choices()
            ),
        ))
    };
    let words: Vec<&str> = args.split_whitespace().collect();
    let [what @ .., year, number] = words.as_slice() else {
        return Err(usage());
    };
    let what = TargetKind::parse(&what.join(" ")).ok_or_else(usage)?;
    let year: i32 = year.parse().map_err(|_| usage())?;
    let number: i64 = number.parse().map_err(|_| usage())?;
    Ok(Target { what, year, number })
}

/// Sets a target's number for a year: one transaction with its audit entry. Returns the
/// number it had before (`None`: a new year for this target). The same number writes nothing.
pub fn set_target(db: &mut Db, t: &Target, stamp: &Stamp) -> Result<Option<i64>> {
    if !(2000..=2100).contains(&t.year) || t.number < 0 {
        return Err(Error::invalid(pick(
            format!(
                "目标的年份须在 2000–2100 之间、人数不能为负（{} 年 {} 人）",
                t.year, t.number
            ),
            format!(
                "a target needs a year from 2000 to 2100 and a number not below 0 (year {}, {})",
                t.year, t.number
            ),
        )));
    }
    let tx = db.write(stamp)?;
    let before = targets::get(&tx, t.what, t.year)?;
    if before == Some(t.number) {
        return Ok(before);
    }
    targets::set(&tx, t)?;
    let json = |n: i64| serde_json::json!({"what": t.what.code(), "year": t.year, "number": n});
    tx.audit(Audit {
        entity: Entity::Target,
        entity_id: None,
        action: if before.is_some() {
            AuditAction::Update
        } else {
            AuditAction::Create
        },
        before: before.map(json),
        after: Some(json(t.number)),
        reason: "",
    })?;
    tx.commit()?;
    Ok(before)
}

#[cfg(test)]
#[path = "targets_tests.rs"]
mod tests;
