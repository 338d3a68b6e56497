//! Tier levels and the plan's targets (docs/rules.md "Tiers, levels and targets"): which
//! tiers are held at a level, how `区级骨干` reads, and whom each target counts.

use super::codes::{TargetKind, Tier, TierLevel};
use super::principals::Role;

/// Whether a tier is held at a level (区级/市级/国家级). The district plan (三) names
/// 区级/市级 骨干教师 and 区级/市级 学科名师、学科带头人 (our 名优教师); 教坛新秀 and 合格教师 are
/// school-level stages and 卓越型教师 has no level. `schema.sql`'s CHECKs on
/// `teachers.tier_level` and `tier_history.level` say the same (a contract test compares them).
pub fn has_levels(tier: Tier) -> bool {
    match tier {
        Tier::Backbone | Tier::Renowned => true,
        Tier::Rising | Tier::Qualified | Tier::Eminent => false,
    }
}

/// Reads a tier as files and the command line write it: a tier alone (`骨干`, `backbone`) or
/// with its level in front (`区级骨干`, `市级学科带头人`, `district backbone`). The level is
/// returned as written: the caller refuses a level on a tier without levels (`has_levels`).
pub fn parse_tier(text: &str) -> Option<(Tier, Option<TierLevel>)> {
    let t = text.trim();
    if let Some(tier) = Tier::parse(t) {
        return Some((tier, None));
    }
    for &level in TierLevel::ALL {
        let rest = t
            .strip_prefix(level.zh())
            .or_else(|| strip_prefix_ci(t, level.code()))
            .or_else(|| strip_prefix_ci(t, level.en()));
        if let Some(tier) = rest.and_then(|r| Tier::parse(r.trim_start_matches(['-', '/', ' ']))) {
            return Some((tier, Some(level)));
        }
    }
    None
}

fn strip_prefix_ci<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &text[prefix.len()..])
}

/// A tier with its level for the UI: `区级骨干教师`, `District backbone`.
pub fn tier_label(tier: Tier, level: Option<TierLevel>, zh: bool) -> String {
    match level {
        Some(l) if zh => format!("{}{}", l.zh(), tier.zh()),
        Some(l) => format!("{} {}", l.en(), tier.en().to_lowercase()),
        None => tier.label(zh).to_string(),
    }
}

/// Whom a target counts.
#[derive(Debug, Clone, Copy)]
pub enum Counted {
    /// Teachers whose tier and level pass this rule.
    Tiers(fn(Tier, Option<TierLevel>) -> bool),
    /// School leaders and cadres: teachers whose role, tier and level pass this rule.
    Role(fn(Role, Tier, Option<TierLevel>) -> bool),
}

/// What each target counts. 市级骨干/名师/学科带头人 (the plan's "市级骨干教师、市级学科名师、
/// 市级学科带头人、卓越型教师等50名") counts 骨干 and 名优 at 市级 or 国家级 and every 卓越型教师.
pub fn counted(kind: TargetKind) -> Counted {
    match kind {
        TargetKind::DistrictBackbone => {
            Counted::Tiers(|t, l| t == Tier::Backbone && l == Some(TierLevel::District))
        }
        TargetKind::DistrictRenowned => {
            Counted::Tiers(|t, l| t == Tier::Renowned && l == Some(TierLevel::District))
        }
        TargetKind::MunicipalTeachers => Counted::Tiers(|t, l| {
            t == Tier::Eminent
                || has_levels(t) && matches!(l, Some(TierLevel::Municipal | TierLevel::National))
        }),
        // 市级及以上骨干校长: a principal (or kindergarten head) held at 市级 or 国家级, or 卓越型.
        TargetKind::MunicipalPrincipals => Counted::Role(|r, t, l| {
            matches!(r, Role::Principal | Role::KindergartenHead)
                && (t == Tier::Eminent
                    || has_levels(t)
                        && matches!(l, Some(TierLevel::Municipal | TierLevel::National)))
        }),
        // 校长后备人才: every reserve cadre (后备干部).
        TargetKind::PrincipalReserve => Counted::Role(|r, _, _| r == Role::ReserveCadre),
    }
}

/// The plan's numbers, seeded into every new file and by the upgrade that added targets
/// (`schema.sql` holds the same rows; a test compares them).
pub const PLAN_TARGETS: &[(TargetKind, i32, i64)] = &[
    (TargetKind::DistrictBackbone, 2025, 500),
    (TargetKind::DistrictRenowned, 2025, 200),
    (TargetKind::MunicipalTeachers, 2025, 50),
    (TargetKind::MunicipalPrincipals, 2025, 5),
    (TargetKind::PrincipalReserve, 2025, 300),
];

/// Counts of teachers per (tier, level), summed for one target; `None` when the target is
/// counted by role (`count_by_role`).
pub fn count_for(kind: TargetKind, by_tier: &[(Tier, Option<TierLevel>, i64)]) -> Option<i64> {
    match counted(kind) {
        Counted::Tiers(rule) => Some(
            by_tier
                .iter()
                .filter(|(t, l, _)| rule(*t, *l))
                .map(|(_, _, n)| n)
                .sum(),
        ),
        Counted::Role(_) => None,
    }
}

/// Counts of teachers with a role per (role, tier, level), summed for a target counted by
/// role; `None` for a target counted by tier alone.
pub fn count_by_role(
    kind: TargetKind,
    by_role: &[(Role, Tier, Option<TierLevel>, i64)],
) -> Option<i64> {
    match counted(kind) {
        Counted::Role(rule) => Some(
            by_role
                .iter()
                .filter(|(r, t, l, _)| rule(*r, *t, *l))
                .map(|(_, _, _, n)| n)
                .sum(),
        ),
        Counted::Tiers(_) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tiers_read_with_or_without_their_level() {
        let d = Some(TierLevel::District);
        let m = Some(TierLevel::Municipal);
        assert_eq!(parse_tier("区级骨干"), Some((Tier::Backbone, d)));
        assert_eq!(parse_tier("区级骨干教师"), Some((Tier::Backbone, d)));
        assert_eq!(parse_tier("市级学科带头人"), Some((Tier::Renowned, m)));
        assert_eq!(parse_tier("市级学科名师"), Some((Tier::Renowned, m)));
        assert_eq!(parse_tier("district backbone"), Some((Tier::Backbone, d)));
        assert_eq!(
            parse_tier("国家级名优教师"),
            Some((Tier::Renowned, Some(TierLevel::National)))
        );
        assert_eq!(parse_tier("骨干"), Some((Tier::Backbone, None)));
        assert_eq!(parse_tier("区级合格"), Some((Tier::Qualified, d)));
        assert_eq!(parse_tier("区级特级"), None);
        assert_eq!(parse_tier("省级骨干"), None);
    }

    #[test]
    fn labels_put_the_level_first() {
        let d = Some(TierLevel::District);
        assert_eq!(tier_label(Tier::Backbone, d, true), "区级骨干教师");
        assert_eq!(tier_label(Tier::Backbone, d, false), "District backbone");
        assert_eq!(tier_label(Tier::Rising, None, true), "教坛新秀");
    }

    #[test]
    fn each_target_counts_its_tiers_and_levels() {
        use TierLevel::*;
        let by_tier = [
            (Tier::Backbone, Some(District), 7),
            (Tier::Backbone, Some(Municipal), 3),
            (Tier::Backbone, None, 100),
            (Tier::Renowned, Some(District), 5),
            (Tier::Renowned, Some(National), 1),
            (Tier::Eminent, None, 2),
            (Tier::Qualified, None, 900),
        ];
        let count = |k| count_for(k, &by_tier);
        assert_eq!(count(TargetKind::DistrictBackbone), Some(7));
        assert_eq!(count(TargetKind::DistrictRenowned), Some(5));
        assert_eq!(count(TargetKind::MunicipalTeachers), Some(3 + 1 + 2));
        assert_eq!(count(TargetKind::MunicipalPrincipals), None);
        assert_eq!(count(TargetKind::PrincipalReserve), None);
    }
}
