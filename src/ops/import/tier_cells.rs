//! The tier and level cells of a teachers file: `区级骨干` in the tier column, or a tier and a
//! separate level column (级别), which must agree; a level only on a tier that has levels.

use super::values::Cells;
use crate::domain::tiers::has_levels;
use crate::domain::{Tier, TierLevel};
use crate::lang::pick;

/// The accepted tiers, for the message on an unknown one.
pub(super) fn tier_choices() -> String {
    format!(
        "{}; 区级骨干/市级学科带头人 (district backbone, municipal renowned …)",
        Tier::choices()
    )
}

/// The tier and level of a row: the level from the tier cell (`区级骨干`) or the level column,
/// which must agree; a level on a tier without levels is a problem.
#[allow(clippy::type_complexity)]
pub(super) fn tier_with_level(
    c: &mut Cells,
    tier: std::result::Result<Option<(Tier, Option<TierLevel>)>, ()>,
    level: std::result::Result<Option<TierLevel>, ()>,
) -> std::result::Result<(Option<Tier>, Option<TierLevel>), ()> {
    let (Ok(tier), Ok(level)) = (tier, level) else {
        return Err(());
    };
    let (tier, written) = match tier {
        Some((t, l)) => (Some(t), l),
        None => (None, None),
    };
    let level = match (written, level) {
        (Some(a), Some(b)) if a != b => {
            c.problem(
                "tier_level",
                pick(
                    format!("级别“{}”与层级中的“{}”不一致", b.zh(), a.zh()),
                    format!("level {} disagrees with the tier's {}", b.en(), a.en()),
                ),
            );
            return Err(());
        }
        (a, b) => a.or(b),
    };
    if let (Some(t), Some(l)) = (tier, level) {
        if !has_levels(t) {
            c.problem(
                "tier_level",
                pick(
                    format!(
                        "{}没有级别（只有骨干教师、名优教师分区级/市级/国家级），不能是{}",
                        t.zh(),
                        l.zh()
                    ),
                    format!(
                        "{} has no level (only backbone and renowned teachers are district, \
                         municipal or national), so not {}",
                        t.en(),
                        l.en()
                    ),
                ),
            );
            return Err(());
        }
    }
    Ok((tier, level))
}

/// A level (from the level column) for a teacher whose tier — in the file, stored, or the
/// default 合格 — has none: refused rather than dropped.
pub(super) fn level_on_levelless(line: usize, tier: Tier, level: TierLevel) -> crate::error::Error {
    crate::error::Error::invalid(pick(
        format!(
            "第 {line} 行：{}没有级别（只有骨干教师、名优教师分区级/市级/国家级），不能是{}；\
             请在层级列写明层级，如 区级骨干",
            tier.zh(),
            level.zh()
        ),
        format!(
            "line {line}: {} has no level (only backbone and renowned teachers are district, \
             municipal or national), so not {}; give the tier in the tier column, e.g. 区级骨干",
            tier.en(),
            level.en()
        ),
    ))
}
