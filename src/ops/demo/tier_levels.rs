//! The demo district's tier levels and 文号: most backbone (骨干) and renowned (名优) teachers
//! are 区级, a few 市级, very few 国家级; every tier step gets a document number of its year
//! (潼教发〔2024〕37号). Set-based statements over the rows the demo wrote (its tier history has
//! no index during the load): a few hundred milliseconds at 200,000 teachers.

use super::Gen;
use crate::error::Result;

/// Per mille of backbone / renowned teachers at 市级 and at 国家级 (the rest are 区级).
const BACKBONE_MUNICIPAL: u32 = 35;
const BACKBONE_NATIONAL: u32 = 5;
const RENOWNED_MUNICIPAL: u32 = 90;
const RENOWNED_NATIONAL: u32 = 10;

/// Gives the current tiers their levels, then the tier history its levels and 文号.
pub fn write(g: &mut Gen) -> Result<()> {
    let conn = g.w.connection();
    // A fixed hash of the id spreads the levels the same way on every run of one seed.
    conn.execute(
        "UPDATE teachers SET tier_level = CASE
             WHEN (id * 2654435761) % 1000 < CASE tier WHEN 'backbone' THEN ?2 ELSE ?4 END
                 THEN 'national'
             WHEN (id * 2654435761) % 1000 < CASE tier WHEN 'backbone' THEN ?1 + ?2 ELSE ?3 + ?4 END
                 THEN 'municipal'
             ELSE 'district' END
         WHERE tier IN ('backbone', 'renowned')",
        rusqlite::params![
            BACKBONE_MUNICIPAL,
            BACKBONE_NATIONAL,
            RENOWNED_MUNICIPAL,
            RENOWNED_NATIONAL
        ],
    )?;
    // The step that made the current tier has its level; an earlier 骨干 step was 区级.
    conn.execute_batch(
        "UPDATE tier_history SET level = coalesce(
             (SELECT t.tier_level FROM teachers t
              WHERE t.id = tier_history.teacher_id AND t.tier = tier_history.tier),
             'district')
         WHERE tier IN ('backbone', 'renowned');
         UPDATE tier_history SET doc_no =
             CASE WHEN tier IN ('rising', 'qualified') THEN '潼教人' ELSE '潼教发' END
             || '〔' || substr(since, 1, 4) || '〕' || (8 + (id * 7919) % 120) || '号';",
    )?;
    Ok(())
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
