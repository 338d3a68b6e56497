//! The schema, its versioned upgrades (PRAGMA user_version), and telling a Liaoyuan database
//! from another program's file.

use crate::error::{Error, Result};
use crate::lang::pick;
use rusqlite::{Connection, TransactionBehavior};
use std::path::Path;

#[cfg(test)]
mod credit_registration_tests;
mod migrations;
#[cfg(test)]
mod principals_upgrade_tests;
#[cfg(test)]
mod v3_tests;

/// The whole schema; `schema.sql` at the repository root is its only source.
pub const SCHEMA_SQL: &str = include_str!("../../schema.sql");

/// Version written by this binary. A database is created from `SCHEMA_SQL` at
/// this version; a later schema change bumps it and adds the upgrade from the
/// previous version to `MIGRATIONS` (entry i upgrades version i + 1 to i + 2),
/// with the same objects added to schema.sql so a new database gets them.
pub const SCHEMA_VERSION: i64 = 12;

/// One upgrade, run in its own transaction; an error refuses the upgrade and
/// leaves the file as it was. `Path` names the file in messages.
type Upgrade = fn(&rusqlite::Transaction, &Path) -> Result<()>;

/// Upgrades from older versions (version 1 is the first schema any released
/// Liaoyuan wrote).
const MIGRATIONS: &[Upgrade] = &[
    // 1 → 2: staff numbers in upper case, one teacher per number in any case.
    migrations::v2_canonical_staff_numbers,
    // 2 → 3: the absences a close made are recorded as such (reopen can remove them).
    migrations::v3_close_absences,
    // 3 → 4: a project's veto scope; marks that know it, and whether they count as attended.
    migrations::v4_veto_scope_and_presence,
    // 4 → 5: a teacher's employment status; every existing teacher is active.
    migrations::v5_teacher_status,
    // 5 → 6: tier steps with a level and a 文号; the plan's targets.
    migrations::tier_levels_targets,
    // 6 → 7: Starlight trainers' selection, exit and competency assessments.
    migrations::starlight_life_cycle,
    // 7 → 8: credit registration: category, hours, certificate, the registrar's status.
    migrations::credit_registration,
    // 8 → 9: teachers' roles (principals' track); projects' hours, form, budget, qualification.
    migrations::principals_and_training_metadata,
    // 9 → 10: stored search keys (`lookup` without building the whole index).
    migrations::teacher_search_keys,
    // 10 → 11: feedback per session or project, with content, trainer and organisation ratings.
    migrations::feedback_ratings,
    // 11 → 12: needs surveys (训前调研): answers per teacher, topics, drafts made from them.
    migrations::needs_survey,
];

/// Turns a database just created from `SCHEMA_SQL` into one as version 2 wrote it: for the
/// tests of the upgrades (here and in tests/). Run it on a file with no rows.
#[doc(hidden)]
pub const AS_VERSION_2_SQL: &str = concat!(
    include_str!("schema/as_version_5.sql"),
    include_str!("schema/as_version_2.sql")
);

/// Turns a database just created from `SCHEMA_SQL` into one as version 5 wrote it: for the
/// tests of the upgrades after version 5. Run it on a file with no rows.
#[doc(hidden)]
pub const AS_VERSION_5_SQL: &str = include_str!("schema/as_version_5.sql");

/// Tables every Liaoyuan database has had since version 1: with a user_version of 1 or more,
/// they tell our file from another program's that also numbers its schema.
const OUR_TABLES: &[&str] = &["settings", "teachers", "marks", "audit_log"];

/// What a database file holds, as far as opening it is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Found {
    /// No tables and user_version 0: a new (or zero-length) file.
    Empty,
    /// A Liaoyuan database at this schema version.
    Ours(i64),
    /// Another program's SQLite file.
    Foreign,
}

/// Reads the header and the table names (through SQLite, which checks the header) and tells
/// what the file is. Reads only.
pub fn identify(conn: &Connection) -> rusqlite::Result<Found> {
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    let names = OUR_TABLES
        .iter()
        .map(|t| format!("'{t}'"))
        .collect::<Vec<_>>()
        .join(",");
    let (tables, ours): (i64, i64) = conn.query_row(
        &format!(
            "SELECT count(*), coalesce(sum(type = 'table' AND name IN ({names})), 0)
             FROM sqlite_master"
        ),
        [],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    Ok(if tables == 0 && version == 0 {
        Found::Empty
    } else if version >= 1 && ours == OUR_TABLES.len() as i64 {
        Found::Ours(version)
    } else {
        Found::Foreign
    })
}

/// Creates the schema in an empty database or upgrades an older one; each step takes the
/// write lock and looks again first (another process may have done it meanwhile).
/// Another program's file and a newer Liaoyuan's are refused unchanged.
pub fn ensure(conn: &mut Connection, path: &Path) -> Result<()> {
    // The usual case reads only, without waiting for the write lock.
    if identify(conn).map_err(|e| super::open::refusal(path, e))? == Found::Ours(SCHEMA_VERSION) {
        return Ok(());
    }
    loop {
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let found = identify(&tx).map_err(|e| super::open::refusal(path, e))?;
        match found {
            Found::Foreign => return Err(foreign(path)),
            Found::Ours(v) if v > SCHEMA_VERSION => {
                return Err(Error::TooNew {
                    path: path.to_path_buf(),
                    found: v,
                    supported: SCHEMA_VERSION,
                })
            }
            Found::Ours(v) if v == SCHEMA_VERSION => return Ok(()),
            Found::Empty => {
                tx.execute_batch(SCHEMA_SQL)?;
                tx.pragma_update(None, "user_version", SCHEMA_VERSION)?;
            }
            Found::Ours(v) => {
                let Some(upgrade) = usize::try_from(v - 1).ok().and_then(|i| MIGRATIONS.get(i))
                else {
                    return Err(needs_upgrade(path, v));
                };
                upgrade(&tx, path)?;
                tx.pragma_update(None, "user_version", v + 1)?;
            }
        }
        tx.commit()?;
    }
}

/// Another program's SQLite file: refused, and never told to open it for writing.
pub fn foreign(path: &Path) -> Error {
    Error::NotADatabase {
        path: path.to_path_buf(),
        detail: pick(
            "这是其他程序的 SQLite 文件",
            "it is an SQLite file of another program",
        ),
    }
}

/// A Liaoyuan database of an older schema, opened read-only (no upgrade possible).
pub fn needs_upgrade(path: &Path, version: i64) -> Error {
    Error::NotADatabase {
        path: path.to_path_buf(),
        detail: pick(
            format!(
                "燎原数据库结构版本 {version}，应为 {SCHEMA_VERSION}；请先不加 --read-only 打开一次以升级"
            ),
            format!(
                "a Liaoyuan database of schema version {version}, expected {SCHEMA_VERSION}; open it once without --read-only to upgrade"
            ),
        ),
    }
}
