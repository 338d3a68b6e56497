//! The demo district's staff changes: about 2 % of its teachers have left service, most of
//! them retired (退休), the rest transferred out (调离). None of them is enrolled in a project
//! still running or to come (so today's desk never lists one), nor a Starlight trainer.

use super::Gen;
use crate::error::Result;

/// Share of the district's teachers no longer in service, in percent.
const INACTIVE_PCT: usize = 2;

/// Marks the teachers no longer in service; returns how many.
pub fn write(g: &mut Gen, conn: &rusqlite::Connection) -> Result<usize> {
    let candidates: Vec<i64> = conn
        .prepare(
            // Two sets built once (the load has dropped the enrolments' teacher index, so a
            // correlated NOT EXISTS would scan the enrolments once per teacher).
            "SELECT id FROM teachers
             WHERE id NOT IN (SELECT e.teacher_id FROM enrolments e JOIN projects p ON p.id = e.project_id
                              WHERE p.completed_at IS NULL AND e.teacher_id IS NOT NULL)
               AND id NOT IN (SELECT teacher_id FROM trainers WHERE teacher_id IS NOT NULL)
             ORDER BY id",
        )?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let wanted = (g.teachers * INACTIVE_PCT)
        .div_ceil(100)
        .min(candidates.len());
    let mut update = conn.prepare("UPDATE teachers SET status = ?2 WHERE id = ?1")?;
    for k in g.rng.sample(candidates.len(), wanted) {
        let status = if g.rng.chance(0.6) {
            "retired"
        } else {
            "transferred"
        };
        update.execute(rusqlite::params![candidates[k], status])?;
    }
    Ok(wanted)
}
