//! The `follow_ups` table (docs/rules.md §4.4): the Follow-ups tab's list with its filters and
//! counts, one follow-up by id, and recording what was held.

use crate::domain::follow_up::is_overdue;
use crate::domain::{FollowUp, FollowUpKind, FollowUpStatus, Rating, DATE_FMT};
use crate::error::Result;
use crate::store::decode::Stored;
use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Row};

/// Which follow-ups to list. `None` means any.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FollowUpFilter {
    /// A stored status, or overdue (pending and past due on `today`).
    pub status: Option<StatusFilter>,
    pub kind: Option<FollowUpKind>,
    pub project_id: Option<i64>,
    /// Substring of the teacher's name, pinyin, initials or staff number, or of the project's
    /// code or title.
    pub search: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusFilter {
    Is(FollowUpStatus),
    Overdue,
}

/// A follow-up as the list shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct FollowUpLine {
    pub follow_up: FollowUp,
    pub teacher_name: String,
    pub staff_no: String,
    pub school: String,
    pub project_code: String,
    pub project_title: String,
    /// Name of the observing trainer, when one is recorded.
    pub observer_name: Option<String>,
}

/// Follow-ups by status on `today` (overdue ones are also counted as pending).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct FollowUpCounts {
    pub pending: i64,
    pub done: i64,
    pub evaluated: i64,
    pub overdue: i64,
}

fn day(d: NaiveDate) -> String {
    d.format(DATE_FMT).to_string()
}

const COLUMNS: &str = "f.id, f.project_id, f.teacher_id, f.kind, f.due_date, f.held_date,
    f.title, f.place, f.observer_trainer_id, f.observer_staff, f.rating, f.notes, f.status";

fn follow_up(r: &Row) -> rusqlite::Result<FollowUp> {
    let row = Stored::new("follow_ups", 0);
    Ok(FollowUp {
        id: r.get(0)?,
        project_id: r.get(1)?,
        teacher_id: r.get(2)?,
        kind: row.code(r, 3, FollowUpKind::parse)?,
        due_date: row.code(r, 4, crate::domain::parse_date)?,
        held_date: row.optional(r, 5, crate::domain::parse_date)?,
        title: r.get(6)?,
        place: r.get(7)?,
        observer_trainer_id: r.get(8)?,
        observer_staff: r.get(9)?,
        rating: row.optional(r, 10, Rating::parse)?,
        notes: r.get(11)?,
        status: row.code(r, 12, FollowUpStatus::parse)?,
    })
}

/// One follow-up.
pub fn get(conn: &Connection, id: i64) -> Result<Option<FollowUp>> {
    let mut st = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM follow_ups f WHERE f.id = ?1"
    ))?;
    Ok(st.query_row([id], follow_up).optional()?)
}

/// The list's segments, in the order shown: overdue (oldest first; `is_overdue` in SQL, tied
/// to it by `contract_tests_derived`), pending and not yet due
/// (soonest first), done, evaluated (latest due first). Without a search each segment reads
/// the `(status, due_date)` index in order, so a page of rows never sorts the whole table.
const SEGMENTS: [(&str, &str); 4] = [
    (
        "f.status = 'pending' AND f.due_date < ?1",
        "f.due_date, f.id",
    ),
    (
        "f.status = 'pending' AND f.due_date >= ?1",
        "f.due_date, f.id",
    ),
    ("f.status = 'done'", "f.due_date DESC, f.id DESC"),
    ("f.status = 'evaluated'", "f.due_date DESC, f.id DESC"),
];

/// A search: the teachers (name, pinyin without syllable marks, initials, staff number) and the
/// projects (code, title) that match lead through their indexes.
const SEARCH: &str = "(f.teacher_id IN (SELECT id FROM teachers WHERE name LIKE ?4
        OR replace(lower(pinyin), '''', '') LIKE ?4 OR lower(initials) LIKE ?4
        OR lower(staff_no) LIKE ?4)
    OR f.project_id IN (SELECT id FROM projects WHERE lower(code) LIKE ?4 OR title LIKE ?4))";

fn line(r: &Row) -> rusqlite::Result<FollowUpLine> {
    Ok(FollowUpLine {
        follow_up: follow_up(r)?,
        teacher_name: r.get(13)?,
        staff_no: r.get(14)?,
        school: r.get(15)?,
        project_code: r.get(16)?,
        project_title: r.get(17)?,
        observer_name: r.get(18)?,
    })
}

/// The segment a follow-up belongs to on `today`.
fn segment_of(f: &FollowUp, today: NaiveDate) -> usize {
    match f.status {
        FollowUpStatus::Pending if is_overdue(f.status, f.due_date, today) => 0,
        FollowUpStatus::Pending => 1,
        FollowUpStatus::Done => 2,
        FollowUpStatus::Evaluated => 3,
    }
}

/// Follow-ups matching `filter` on `today`: overdue first, then pending by due date, then done
/// and evaluated ones (latest first); at most `limit`.
pub fn list(
    conn: &Connection,
    filter: &FollowUpFilter,
    today: NaiveDate,
    limit: usize,
) -> Result<Vec<FollowUpLine>> {
    let segments: &[usize] = match filter.status {
        None => &[0, 1, 2, 3],
        Some(StatusFilter::Overdue) => &[0],
        Some(StatusFilter::Is(FollowUpStatus::Pending)) => &[0, 1],
        Some(StatusFilter::Is(FollowUpStatus::Done)) => &[2],
        Some(StatusFilter::Is(FollowUpStatus::Evaluated)) => &[3],
    };
    let needle = filter.search.trim().to_lowercase().replace('\'', "");
    let select = format!(
        "SELECT {COLUMNS}, t.name, t.staff_no, sc.name, p.code, p.title, tr.name
         FROM follow_ups f
         JOIN teachers t ON t.id = f.teacher_id
         JOIN schools sc ON sc.id = t.school_id
         JOIN projects p ON p.id = f.project_id
         LEFT JOIN trainers tr ON tr.id = f.observer_trainer_id
         WHERE (?2 IS NULL OR f.kind = ?2) AND (?3 IS NULL OR f.project_id = ?3)"
    );
    let kind = filter.kind.map(|k| k.code());
    let mut out = Vec::new();
    if !needle.is_empty() {
        // A name matches few follow-ups: fetch them all and order them here.
        let like = format!("%{}%", needle.replace(['%', '_'], ""));
        let status: Vec<String> = segments
            .iter()
            .map(|s| format!("({})", SEGMENTS[*s].0))
            .collect();
        let sql = format!("{select} AND ({}) AND {SEARCH}", status.join(" OR "));
        let mut st = conn.prepare_cached(&sql)?;
        let rows = st.query_map(params![day(today), kind, filter.project_id, like], line)?;
        for row in rows {
            out.push(row?);
        }
        out.sort_by(|a, b| {
            let (fa, fb) = (&a.follow_up, &b.follow_up);
            let (sa, sb) = (segment_of(fa, today), segment_of(fb, today));
            let by_due = if sa < 2 {
                (fa.due_date, fa.id).cmp(&(fb.due_date, fb.id))
            } else {
                (fb.due_date, fb.id).cmp(&(fa.due_date, fa.id))
            };
            sa.cmp(&sb).then(by_due)
        });
        out.truncate(limit);
        return Ok(out);
    }
    for &seg in segments {
        if out.len() >= limit {
            break;
        }
        let (condition, order) = SEGMENTS[seg];
        let sql = format!("{select} AND {condition} ORDER BY {order} LIMIT ?4");
        let mut st = conn.prepare_cached(&sql)?;
        let left = (limit - out.len()) as i64;
        let rows = st.query_map(params![day(today), kind, filter.project_id, left], line)?;
        for row in rows {
            out.push(row?);
        }
    }
    Ok(out)
}

/// Counts by status on `today`, over every follow-up.
pub fn counts(conn: &Connection, today: NaiveDate) -> Result<FollowUpCounts> {
    let mut st = conn.prepare_cached(
        "SELECT status, count(*), sum(due_date < ?1), min(id) FROM follow_ups GROUP BY status",
    )?;
    let mut rows = st.query([day(today)])?;
    let mut c = FollowUpCounts::default();
    while let Some(r) = rows.next()? {
        let n: i64 = r.get(1)?;
        match Stored::new("follow_ups", 3).code(r, 0, FollowUpStatus::parse)? {
            FollowUpStatus::Pending => {
                c.pending = n;
                c.overdue = r.get::<_, Option<i64>>(2)?.unwrap_or(0);
            }
            FollowUpStatus::Done => c.done = n,
            FollowUpStatus::Evaluated => c.evaluated = n,
        }
    }
    Ok(c)
}

/// Projects that have follow-ups (id, code, title), by code: the project filter's choices.
pub fn projects_with_follow_ups(conn: &Connection) -> Result<Vec<(i64, String, String)>> {
    let mut st = conn.prepare_cached(
        "SELECT p.id, p.code, p.title FROM projects p
         WHERE EXISTS (SELECT 1 FROM follow_ups f WHERE f.project_id = p.id)
         ORDER BY p.code",
    )?;
    let rows = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Writes the recorded fields and status of follow-up `f.id`.
pub fn update(conn: &Connection, f: &FollowUp) -> Result<()> {
    conn.prepare_cached(
        "UPDATE follow_ups SET held_date = ?2, title = ?3, place = ?4, observer_trainer_id = ?5,
                observer_staff = ?6, rating = ?7, notes = ?8, status = ?9
         WHERE id = ?1",
    )?
    .execute(params![
        f.id,
        f.held_date.map(day),
        f.title.trim(),
        f.place.trim(),
        f.observer_trainer_id,
        f.observer_staff.trim(),
        f.rating.map(|r| r.code()),
        f.notes.trim(),
        f.status.code(),
    ])?;
    Ok(())
}

impl FollowUp {
    /// The follow-up as JSON for the audit log.
    pub fn audit_json(&self) -> serde_json::Value {
        serde_json::json!({
            "kind": self.kind.code(), "due_date": day(self.due_date),
            "held_date": self.held_date.map(day), "title": self.title, "place": self.place,
            "observer_trainer_id": self.observer_trainer_id, "observer_staff": self.observer_staff,
            "rating": self.rating.map(|r| r.code()), "notes": self.notes,
            "status": self.status.code(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::follow_up::is_overdue;
    use crate::store::Db;

    fn d(s: &str) -> NaiveDate {
        crate::domain::parse_date(s).unwrap()
    }

    fn district() -> Db {
        let db = Db::open_in_memory().unwrap();
        db.conn
            .execute_batch(
                "INSERT INTO schools (id, name, stage) VALUES (1, '实验小学', 'primary');
                 INSERT INTO teachers (id, staff_no, name, school_id, pinyin, initials)
                   VALUES (1, 'T1', '张伟', 1, 'zhang''wei', 'zw'), (2, 'T2', '李娜', 1, 'li''na', 'ln');
                 INSERT INTO projects (id, code, title, level, plan, start_date, end_date)
                   VALUES (1, 'P1', '骨干培训', 'district', 'starlight', '2026-03-01', '2026-03-02');
                 INSERT INTO follow_ups (project_id, teacher_id, kind, due_date, status) VALUES
                   (1, 1, 'transplant_lesson', '2026-05-01', 'pending'),
                   (1, 2, 'transplant_lesson', '2026-05-02', 'pending'),
                   (1, 1, 'forum', '2026-04-01', 'done'),
                   (1, 2, 'forum', '2026-04-01', 'evaluated');",
            )
            .unwrap();
        db
    }

    #[test]
    fn overdue_in_sql_agrees_with_the_domain_rule() {
        let db = district();
        let today = d("2026-05-02");
        let c = counts(&db.conn, today).unwrap();
        assert_eq!((c.pending, c.done, c.evaluated, c.overdue), (2, 1, 1, 1));
        let all = list(&db.conn, &FollowUpFilter::default(), today, 100).unwrap();
        let domain = all
            .iter()
            .filter(|l| is_overdue(l.follow_up.status, l.follow_up.due_date, today))
            .count() as i64;
        assert_eq!(domain, c.overdue);
        // Overdue rows come first.
        assert!(is_overdue(
            all[0].follow_up.status,
            all[0].follow_up.due_date,
            today
        ));
        let f = FollowUpFilter {
            status: Some(StatusFilter::Overdue),
            ..Default::default()
        };
        let over = list(&db.conn, &f, today, 100).unwrap();
        assert_eq!(over.len(), 1);
        assert_eq!(over[0].teacher_name, "张伟");
    }

    #[test]
    fn filters_by_kind_and_searches_pinyin_and_project() {
        let db = district();
        let today = d("2026-04-01");
        let f = FollowUpFilter {
            kind: Some(FollowUpKind::Forum),
            search: "zw".into(),
            ..Default::default()
        };
        let rows = list(&db.conn, &f, today, 100).unwrap();
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].follow_up.status, FollowUpStatus::Done);
        // Full pinyin matches across the stored syllable marks.
        let f = FollowUpFilter {
            search: "zhangw".into(),
            ..Default::default()
        };
        let rows = list(&db.conn, &f, today, 100).unwrap();
        assert_eq!(rows.len(), 2);
        // Searched rows keep the list's order: pending (by due date) before done.
        assert_eq!(rows[0].follow_up.status, FollowUpStatus::Pending);
        let f = FollowUpFilter {
            search: "骨干".into(),
            ..Default::default()
        };
        assert_eq!(list(&db.conn, &f, today, 100).unwrap().len(), 4);
        assert_eq!(projects_with_follow_ups(&db.conn).unwrap().len(), 1);
    }
}
