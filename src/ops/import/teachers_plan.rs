//! Writing a checked teachers file (`phases`): additions (staged in a TEMP
//! table first when there are many), then updates, each re-checked against
//! the snapshot.

use super::phases::{self, Stale, Written};
use super::table::Table;
use super::{audit_update, teacher_roles, Context, Counts};
use crate::domain::Teacher;
use crate::error::Result;
use crate::store::teachers::{self, TeacherInput};
use crate::store::{bulk, search_keys};
use rusqlite::Connection;

/// From this many additions on, the new teachers are staged before the write
/// transaction and inserted, and counted per school, in one statement each.
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
        /// The name's pinyin keys (full, initials), computed during the check.
        keys: (String, String),
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

    fn stage(&self, conn: &Connection) -> Result<()> {
        if self.adds() < BULK_ADDS {
            return Ok(());
        }
        bulk::stage_teachers(
            conn,
            self.steps.iter().filter_map(|s| match s {
                Step::Add { line, input, keys } => Some(bulk::StagedTeacher {
                    line: *line,
                    input,
                    pinyin: &keys.0,
                    initials: &keys.1,
                }),
                Step::Update { .. } => None,
            }),
        )
    }

    fn unstage(&self, conn: &Connection) -> Result<()> {
        if self.adds() < BULK_ADDS {
            return Ok(());
        }
        bulk::unstage_teachers(conn)
    }

    fn write(&self, conn: &Connection, table: &Table, ctx: &Context) -> Result<Written> {
        let mut counts = Counts {
            unchanged: self.unchanged,
            ..Counts::default()
        };
        let bulk = self.adds() >= BULK_ADDS;
        if bulk {
            if let Err(stale) = self.add_staged(conn, table, &mut counts)? {
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

    /// Inserts the staged additions with one statement. The per-row triggers
    /// that count each school's teachers and drop the search-key block of each
    /// new teacher are dropped for the transaction; the new teachers are counted
    /// in one statement and their search keys stored once per block before the
    /// commit; a rollback takes the DDL back with the rest.
    fn add_staged(
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
        let added = bulk::insert_staged_teachers(conn)?;
        bulk::recreate_indexes(conn, &indexes)?;
        if added < self.adds() {
            // A staff number another desk took meanwhile: the insert skipped it.
            let (line, staff_no) = bulk::first_staged_taken(conn, last_id)?
                .unwrap_or((table.header_line + 1, String::new()));
            return Ok(Err(taken(table, line, &staff_no)));
        }
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
        self.store_new_keys(conn, last_id, &counts.changed_teachers)?;
        Ok(Ok(()))
    }

    /// Stores the search keys of the blocks that hold only new teachers, packed from the
    /// staged values rather than read back, when the new ids are `last_id + 1 …` in file
    /// order (as SQLite gives them); `refresh` stores the rest before the commit.
    fn store_new_keys(&self, conn: &Connection, last_id: i64, ids: &[i64]) -> Result<()> {
        let in_order = ids.iter().zip(last_id + 1..).all(|(id, want)| *id == want);
        if !in_order || ids.len() != self.adds() {
            return Ok(());
        }
        let rows: Vec<search_keys::KeyRow> = self
            .steps
            .iter()
            .filter_map(|s| match s {
                Step::Add { input, keys, .. } => Some((input, keys)),
                Step::Update { .. } => None,
            })
            .zip(ids)
            .map(|((t, keys), id)| search_keys::KeyRow {
                id: *id,
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
        search_keys::store_new_blocks(conn, last_id, &rows)?;
        Ok(())
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
