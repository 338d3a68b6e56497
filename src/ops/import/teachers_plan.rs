//! Writing a checked teachers file (`phases`): additions (many of them by one prepared
//! insert, with the per-row triggers and lookup indexes set aside), then updates, each
//! re-checked against the snapshot.

use super::phases::{self, Stale, Written};
use super::table::Table;
use super::{audit_update, teacher_roles, Context, Counts};
use crate::domain::Teacher;
use crate::error::Result;
use crate::store::teachers::{self, TeacherInput};
use crate::store::{bulk, search_keys};
use rusqlite::Connection;

/// From this many additions on, the new teachers are inserted by `bulk::insert_added_teachers`
/// and counted per school in one statement.
pub(crate) const BULK_ADDS: usize = 1000;

/// What a teachers file will write.
pub(crate) struct Plan {
    pub steps: Vec<Step>,
    pub unchanged: usize,
    /// Roles the rows set (职务, 任职时间), written after the teachers.
    pub roles: Vec<teacher_roles::RoleStep>,
    /// Rows that change nothing but the role (counted as updated).
    pub role_only: usize,
}

pub(crate) enum Step {
    Add {
        line: usize,
        input: TeacherInput,
        /// The name's pinyin keys (full, initials), computed during the check (shared by
        /// the rows of one name).
        keys: std::sync::Arc<(String, String)>,
    },
    Update {
        line: usize,
        before: Box<Teacher>,
        input: TeacherInput,
        /// The teacher as the update leaves it, for the audit log.
        after: serde_json::Value,
    },
}

impl phases::Plan for Plan {
    fn expected(&self) -> Counts {
        Counts::planned(
            self.adds(),
            self.steps.len() + self.role_only,
            self.unchanged,
        )
    }

    fn write(&self, conn: &Connection, table: &Table, ctx: &Context) -> Result<Written> {
        let mut counts = Counts {
            unchanged: self.unchanged,
            ..Counts::default()
        };
        let bulk = self.adds() >= BULK_ADDS;
        if bulk {
            if let Err(stale) = self.add_many(conn, table, &mut counts)? {
                return Ok(Err(stale));
            }
        }
        for (i, step) in self.steps.iter().enumerate() {
            match step {
                Step::Add { .. } if bulk => continue,
                Step::Add { line, input, keys } => {
                    // A staff number another desk took meanwhile refuses the insert.
                    let Some(id) = teachers::insert_if_new(conn, input, &keys.0, &keys.1)? else {
                        return Ok(Err(taken(table, *line, &input.staff_no)));
                    };
                    counts.changed_teachers.push(id);
                    counts.added += 1;
                }
                Step::Update {
                    line,
                    before,
                    input,
                    after,
                } => {
                    if teachers::get(conn, before.id)?.as_ref() != Some(before) {
                        return Ok(Err(Stale::new(
                            table,
                            *line,
                            "staff_no",
                            format!("工号 {} 的教师刚被修改", before.staff_no),
                            format!("{} was just changed", before.staff_no),
                        )));
                    }
                    teachers::update(conn, before, input, ctx.now.date())?;
                    audit_update(
                        conn,
                        ctx,
                        crate::store::audit::Entity::Teacher,
                        before.id,
                        before.audit_json(),
                        after.clone(),
                    )?;
                    counts.changed_teachers.push(before.id);
                    counts.updated += 1;
                }
            }
            ctx.tick(i + 1, self.steps.len());
        }
        teacher_roles::write(conn, ctx, &self.roles)?;
        if bulk {
            // the new teachers' search keys (and those the updates dropped), packed once
            // per block before the commit
            search_keys::refresh(conn)?;
        }
        counts.updated += self.role_only;
        Ok(Ok(counts))
    }
}

impl Plan {
    fn adds(&self) -> usize {
        self.steps
            .iter()
            .filter(|s| matches!(s, Step::Add { .. }))
            .count()
    }

    /// Inserts the additions by one prepared statement. The per-row triggers that count
    /// each school's teachers and drop the search-key block of each new teacher are dropped
    /// for the transaction; the new teachers are counted in one statement and their search
    /// keys stored once per block before the commit; a rollback takes the DDL back with the
    /// rest.
    fn add_many(
        &self,
        conn: &Connection,
        table: &Table,
        counts: &mut Counts,
    ) -> Result<std::result::Result<(), Stale>> {
        let last_id = bulk::last_teacher_id(conn)?;
        let trigger = bulk::drop_trigger(conn, bulk::TEACHERS_COUNT_INSERT)?;
        let keys_trigger = bulk::drop_trigger(conn, search_keys::INSERT_TRIGGER)?;
        // More new teachers than the district has: building the lookup indexes again
        // after the insert costs less than inserting into them row by row.
        let indexes = if self.adds() as i64 >= last_id {
            bulk::drop_named_indexes(conn, bulk::TEACHER_LOOKUP_INDEXES)?
        } else {
            Vec::new()
        };
        let rows = self.added_rows();
        // The new teachers' search keys are packed beside the insert, for the ids SQLite
        // gives them (`last_id + 1 …` in file order), and stored only if it gave those.
        let (inserted, packed) = std::thread::scope(|scope| {
            let packer = std::thread::Builder::new()
                .name("import-keys".into())
                .spawn_scoped(scope, || self.pack_new_keys(last_id));
            let inserted = bulk::insert_added_teachers(conn, &rows);
            let packed = match packer {
                Ok(handle) => handle.join().unwrap_or_default(),
                Err(_) => self.pack_new_keys(last_id),
            };
            (inserted, packed)
        });
        // A staff number another desk took meanwhile stops the insert (rolled back).
        let added = match inserted? {
            Ok(added) => added,
            Err((line, staff_no)) => return Ok(Err(taken(table, line, &staff_no))),
        };
        bulk::recreate_indexes(conn, &indexes)?;
        if !trigger.is_empty() {
            bulk::count_teachers_added_after(conn, last_id)?;
            bulk::recreate_triggers(conn, &trigger)?;
        }
        if !keys_trigger.is_empty() {
            search_keys::drop_blocks_from(conn, last_id + 1)?;
            bulk::recreate_triggers(conn, &keys_trigger)?;
        }
        counts.changed_teachers = bulk::teacher_ids_after(conn, last_id)?;
        counts.added = added;
        let as_packed = counts
            .changed_teachers
            .iter()
            .copied()
            .eq(last_id + 1..=last_id + self.adds() as i64);
        if as_packed {
            search_keys::store_blocks(conn, &packed)?;
        }
        Ok(Ok(()))
    }

    /// The teachers to add, in file order.
    fn added_rows(&self) -> Vec<bulk::AddedTeacher<'_>> {
        self.steps
            .iter()
            .filter_map(|s| match s {
                Step::Add { line, input, keys } => Some(bulk::AddedTeacher {
                    line: *line,
                    input,
                    pinyin: &keys.0,
                    initials: &keys.1,
                }),
                Step::Update { .. } => None,
            })
            .collect()
    }

    /// The search-key blocks that will hold only new teachers, packed from the planned values
    /// rather than read back, for new ids `last_id + 1 …` in file order (as SQLite gives
    /// them); `refresh` stores the rest before the commit.
    fn pack_new_keys(&self, last_id: i64) -> Vec<(i64, Vec<u8>)> {
        let rows: Vec<search_keys::KeyRow> = self
            .steps
            .iter()
            .filter_map(|s| match s {
                Step::Add { input, keys, .. } => Some((input, keys)),
                Step::Update { .. } => None,
            })
            .zip(last_id + 1..)
            .map(|((t, keys), id)| search_keys::KeyRow {
                id,
                school_id: t.school_id,
                name: t.name.trim(),
                pinyin: &keys.0,
                initials: &keys.1,
                staff_no: t.staff_no.trim(),
                phone: t.phone.trim(),
                tier: t.tier.code(),
                subject: t.subject.trim(),
                status: t.status.code(),
                stage: t.stage.map(|s| s.code()),
            })
            .collect();
        search_keys::pack_new_blocks(last_id, &rows)
    }
}

/// A staff number another desk took between the check and the write.
fn taken(table: &Table, line: usize, staff_no: &str) -> Stale {
    Stale::new(
        table,
        line,
        "staff_no",
        format!("工号 {staff_no} 的教师刚被添加"),
        format!("a teacher with staff number {staff_no} was just added"),
    )
}

#[cfg(test)]
#[path = "teachers_bulk_tests.rs"]
mod tests;
