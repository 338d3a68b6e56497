//! The district of these tests: two schools; B0001–B0512 区级骨干 (steps in 2024 and 2025),
//! B0513–B0542 市级骨干 (2025), B0543–B0582 骨干 without a level, B0583–B1182 合格.

use crate::common::district::two_schools;
use std::path::{Path, PathBuf};

pub const DISTRICT_BACKBONE: i64 = 512;
pub const MUNICIPAL: i64 = 30;

pub fn build(dir: &Path) -> PathBuf {
    let (path, db) = two_schools(dir, "tiers.db");
    db.conn
        .execute_batch(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1182)
             INSERT INTO teachers (id, staff_no, name, school_id, subject, tier, tier_level)
             SELECT i, printf('B%04d', i), '骨干' || i, 1 + i % 2,
                    CASE WHEN i % 2 = 1 THEN '语文' ELSE '数学' END,
                    CASE WHEN i <= 582 THEN 'backbone' ELSE 'qualified' END,
                    CASE WHEN i <= 512 THEN 'district' WHEN i <= 542 THEN 'municipal' END
             FROM n;
             INSERT INTO tier_history (teacher_id, tier, level, since, doc_no)
             SELECT id, tier, tier_level,
                    CASE WHEN id <= 300 THEN '2024-09-01' WHEN id <= 512 THEN '2025-09-01'
                         ELSE '2025-03-01' END,
                    '潼教发〔2024〕12号'
             FROM teachers WHERE tier_level IS NOT NULL;",
        )
        .unwrap();
    path
}
