//! The search index of every teacher built from the stored keys (about 200 blobs at
//! 200,000 teachers) instead of from every teacher's row: what the TUI loads at start.

use super::{each_teacher, each_teacher_with};
use crate::error::Result;
use crate::search::{EntryRef, FxHashMap, Index};
use rusqlite::types::ValueRef;
use rusqlite::{Connection, OptionalExtension};

/// Each teacher's tier level, by id (the stored keys carry the tier without it): index
/// into a list of the distinct level codes.
struct Levels {
    of: FxHashMap<i64, u8>,
    codes: Vec<String>,
}

fn levels(conn: &Connection) -> Result<Levels> {
    let mut levels = Levels {
        of: FxHashMap::default(),
        codes: Vec::new(),
    };
    let mut stmt =
        conn.prepare("SELECT id, tier_level FROM teachers WHERE tier_level IS NOT NULL")?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        let ValueRef::Text(code) = row.get_ref(1)? else {
            continue;
        };
        let code = String::from_utf8_lossy(code);
        let at = match levels.codes.iter().position(|c| *c == code) {
            Some(at) => at,
            None => {
                levels.codes.push(code.into_owned());
                levels.codes.len() - 1
            }
        };
        // the schema allows three levels; more distinct codes than fit are left out
        if let Ok(at) = u8::try_from(at) {
            levels.of.insert(row.get(0)?, at);
        }
    }
    Ok(levels)
}

/// The index field of a tier with a level (`backbone/district`, as
/// `search_source` reads it), made once per tier and level.
struct TierFields(Vec<(String, u8, String)>);

impl TierFields {
    fn of(&mut self, tier: &str, level: u8, levels: &Levels) -> &str {
        let at = match self.0.iter().position(|(t, l, _)| t == tier && *l == level) {
            Some(at) => at,
            None => {
                let code = levels.codes.get(level as usize).map_or("", String::as_str);
                let field = format!("{tier}/{code}");
                self.0.push((tier.to_string(), level, field));
                self.0.len() - 1
            }
        };
        &self.0[at].2
    }
}

/// The search index of every teacher whose school exists, from the stored keys (a block
/// not stored is read from its rows) and the tier levels, in one read transaction: the
/// same index `search_source::teacher_index` builds from the rows.
pub fn teacher_index(conn: &Connection) -> Result<Index> {
    let tx = conn.unchecked_transaction()?;
    let schools = crate::store::search_source::school_table(&tx)?;
    let levels = levels(&tx)?;
    let mut tiers = TierFields(Vec::new());
    let count: i64 = tx.query_row("SELECT count(*) FROM teachers", [], |r| r.get(0))?;
    let mut builder = Index::builder(usize::try_from(count).unwrap_or(0));
    each_teacher(&tx, |row| {
        let Some((school, school_stage)) = schools.get(&row.school_id) else {
            return;
        };
        let tier = match levels.of.get(&row.id) {
            Some(&level) => tiers.of(row.tier, level, &levels),
            None => row.tier,
        };
        builder.push(EntryRef {
            id: row.id,
            name: row.name,
            pinyin: row.pinyin,
            initials: row.initials,
            staff_no: row.staff_no,
            phone: row.phone,
            school,
            tier,
            subject: row.subject,
            stage: row.stage.unwrap_or(school_stage),
            status: row.status,
        });
    })?;
    Ok(builder.finish())
}

/// Whether a tier is held at a level (the schema's CHECK on `tier_level`).
fn has_level(tier: &str) -> bool {
    matches!(tier, "backbone" | "renowned")
}

/// The search index of the teachers `admit` lets through (e.g. a `search::Probe`) among
/// those whose text mask has every bit of `need`, read from the stored keys in one read
/// transaction, each with its tier level (read from its row: the stored keys do not carry
/// it). Teachers of a school that does not exist are left out, as in the index of everyone.
pub fn index_of_admitted(
    conn: &Connection,
    need: u64,
    mut admit: impl FnMut(&EntryRef<'_>) -> bool,
) -> Result<Index> {
    let tx = conn.unchecked_transaction()?;
    let schools = crate::store::search_source::school_table(&tx)?;
    let mut level_of = tx.prepare("SELECT tier_level FROM teachers WHERE id = ?1")?;
    let mut failed = None;
    let mut builder = Index::builder(0);
    each_teacher_with(&tx, need, |row| {
        let Some((school, school_stage)) = schools.get(&row.school_id) else {
            return;
        };
        let mut entry = EntryRef {
            id: row.id,
            name: row.name,
            pinyin: row.pinyin,
            initials: row.initials,
            staff_no: row.staff_no,
            phone: row.phone,
            school,
            tier: row.tier,
            subject: row.subject,
            stage: row.stage.unwrap_or(school_stage),
            status: row.status,
        };
        if !admit(&entry) {
            return;
        }
        let level = if has_level(row.tier) {
            level_of
                .query_row([row.id], |r| r.get::<_, Option<String>>(0))
                .optional()
        } else {
            Ok(None)
        };
        let field;
        match level {
            Ok(Some(Some(level))) => {
                field = format!("{}/{level}", row.tier);
                entry.tier = &field;
            }
            Ok(_) => {}
            Err(e) => {
                failed.get_or_insert(e);
                return;
            }
        }
        builder.push(entry);
    })?;
    if let Some(e) = failed {
        return Err(e.into());
    }
    Ok(builder.finish())
}
