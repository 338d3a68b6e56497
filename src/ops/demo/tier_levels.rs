//! The demo district's tier levels and 文号: most backbone (骨干) and renowned (名优) teachers
//! are 区级, a few 市级, very few 国家级; every tier step gets a document number of its year
//! (潼教发〔2024〕37号). Computed here as each teacher and step is generated and written with
//! the row (an UPDATE of every tier step after the load took 0.7 s at 200,000 teachers).

/// Per mille of backbone / renowned teachers at 市级 and at 国家级 (the rest are 区级).
const BACKBONE_MUNICIPAL: i64 = 35;
const BACKBONE_NATIONAL: i64 = 5;
const RENOWNED_MUNICIPAL: i64 = 90;
const RENOWNED_NATIONAL: i64 = 10;

/// The level of teacher `id`'s current `tier`, for the tiers held at a level: a fixed hash of
/// the id spreads the levels the same way on every run of one seed.
pub fn teacher_level(id: i64, tier: &str) -> Option<&'static str> {
    let (municipal, national) = match tier {
        "backbone" => (BACKBONE_MUNICIPAL, BACKBONE_NATIONAL),
        "renowned" => (RENOWNED_MUNICIPAL, RENOWNED_NATIONAL),
        _ => return None,
    };
    let spread = id.wrapping_mul(2_654_435_761) % 1000;
    Some(if spread < national {
        "national"
    } else if spread < municipal + national {
        "municipal"
    } else {
        "district"
    })
}

/// A tier step's level: the step that made the teacher's current tier has the teacher's
/// level; an earlier step of a tier held at a level was 区级.
pub fn step_level(
    step_tier: &str,
    current_tier: &str,
    current_level: Option<&'static str>,
) -> Option<&'static str> {
    if !matches!(step_tier, "backbone" | "renowned") {
        return None;
    }
    Some(match current_level {
        Some(level) if step_tier == current_tier => level,
        _ => "district",
    })
}

/// Writes into `out` the 文号 of the tier step with id `step_id`, of `tier`, since `since`
/// (YYYY-MM-DD): 潼教人 for the entry tiers, 潼教发 above, the step's year, and a number
/// from 8 to 127 spread by the id.
pub fn doc_no(out: &mut String, step_id: i64, tier: &str, since: &str) {
    use std::fmt::Write;
    out.clear();
    out.push_str(if matches!(tier, "rising" | "qualified") {
        "潼教人"
    } else {
        "潼教发"
    });
    out.push('〔');
    out.push_str(since.get(..4).unwrap_or(since));
    out.push('〕');
    let _ = write!(out, "{}号", 8 + step_id.wrapping_mul(7919) % 120);
}

#[cfg(test)]
mod tests {
    use crate::domain::TargetKind;
    use crate::ops::demo::{generate_into, DemoOptions};
    use crate::store::{Db, Stamp};

    #[test]
    fn the_demo_has_levels_and_document_numbers_that_fill_the_targets_view() {
        let mut db = Db::open_in_memory().unwrap();
        let now = crate::domain::parse_datetime("2026-11-28 09:00").unwrap();
        let today = now.date();
        let tx = db.write(&Stamp::new(now, "demo")).unwrap();
        let opts = DemoOptions {
            teachers: 2000,
            seed: 1,
            progress: false,
        };
        generate_into(&tx, &opts, today).unwrap();
        tx.commit().unwrap();
        let one = |sql: &str| -> i64 { db.conn.query_row(sql, [], |r| r.get(0)).unwrap() };
        assert_eq!(
            one("SELECT count(*) FROM teachers WHERE tier IN ('backbone','renowned') AND tier_level IS NULL"),
            0
        );
        assert_eq!(
            one("SELECT count(*) FROM tier_history WHERE doc_no = ''"),
            0
        );
        assert_eq!(
            one(
                "SELECT count(*) FROM tier_history h JOIN teachers t ON t.id = h.teacher_id
                 WHERE h.tier = t.tier AND h.level IS NOT t.tier_level"
            ),
            0,
            "the latest step has the current level"
        );
        let r = crate::ops::targets::report(&db.conn, today).unwrap();
        let count = |k| r.lines.iter().find(|l| l.what == k).unwrap().count.unwrap();
        // Real-looking progress on 2,000 teachers: most of the way, not all of it.
        let backbone = count(TargetKind::DistrictBackbone);
        assert!((250..500).contains(&backbone), "{backbone}");
        let renowned = count(TargetKind::DistrictRenowned);
        assert!((60..200).contains(&renowned), "{renowned}");
        let municipal = count(TargetKind::MunicipalTeachers);
        assert!((20..80).contains(&municipal), "{municipal}");
        assert!(r.trend.iter().all(|(_, c)| c[0] > 0), "{:?}", r.trend);
        assert!(!r.by_school.is_empty() && !r.by_subject.is_empty());
    }
}
