//! The two halves of a load on two threads: the generator's `BulkWriter` (mod.rs) fills
//! per-table row buffers and hands each one, once full, over a bounded channel as a `Chunk`;
//! the `Inserter`, on the thread that owns the connection, binds and inserts the chunks in
//! the order they were sent while the generator makes the next rows. Chunks of one table
//! keep their order (and so the rowids a row-by-row insert would give); a row that others
//! refer to is sent before them (the writer sends the few parent rows at once).

use super::batch::{sql, Cell, ROWS};
use super::raw::RawInsert;
use crate::error::Result;
use rusqlite::Connection;
use std::sync::mpsc::Receiver;

/// The tables a load writes, in the order of `SPECS`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Table {
    School,
    Teacher,
    Tier,
    Trainer,
    Project,
    Kind,
    Allotment,
    Session,
    Enrolment,
    Mark,
    FollowUp,
    Feedback,
    Credit,
}

impl Table {
    /// Parents first: flushing in this order never sends a row before one it refers to.
    pub const ALL: [Table; 13] = [
        Table::School,
        Table::Teacher,
        Table::Tier,
        Table::Trainer,
        Table::Project,
        Table::Kind,
        Table::Allotment,
        Table::Session,
        Table::Enrolment,
        Table::Mark,
        Table::FollowUp,
        Table::Feedback,
        Table::Credit,
    ];

    /// (table, columns, one row's values: `?` for each value sent, constants for the rest)
    fn spec(self) -> (&'static str, &'static str, &'static str) {
        match self {
            Table::School => ("schools", "id, name, township, stage", "(?, ?, ?, ?)"),
            Table::Teacher => (
                "teachers",
                "id, staff_no, name, gender, school_id, subject, stage, phone, tier, pinyin, initials, tier_level",
                "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            ),
            Table::Tier => (
                "tier_history",
                "teacher_id, tier, since, note, level, doc_no",
                "(?, ?, ?, ?, ?, ?)",
            ),
            Table::Trainer => (
                "trainers",
                "id, teacher_id, name, affiliation, status, design, organize, teach, guide, evaluate, research, joined_on",
                "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            ),
            Table::Project => (
                "projects",
                "id, code, title, level, plan, concentrated, credits, start_date, end_date, venue, capacity, threshold_pct, completed_at",
                "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            ),
            Table::Kind => ("project_follow_up_kinds", "project_id, kind, due_days", "(?, ?, ?)"),
            Table::Allotment => ("school_allotments", "project_id, school_id, places", "(?, ?, ?)"),
            Table::Session => (
                "sessions",
                "id, project_id, date, start_time, end_time, topic, trainer_id, venue, closed_at, closed_by",
                "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            ),
            Table::Enrolment => (
                "enrolments",
                "project_id, teacher_id, school_id, enrolled_at, walk_in",
                "(?, ?, ?, ?, 0)",
            ),
            Table::Mark => (
                "marks",
                "session_id, teacher_id, school_id, session_date, status, minutes_late, minutes_early,
                 checked_in_at, checked_out_at, reason, recorded_by, recorded_at, presence_short, in_veto_scope",
                "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            ),
            Table::FollowUp => (
                "follow_ups",
                "project_id, teacher_id, kind, due_date, held_date, title, place,
                 observer_trainer_id, rating, notes, status",
                "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            ),
            Table::Feedback => (
                "feedback",
                "project_id, teacher_id, content, comment, submitted_at, source",
                "(?, ?, ?, ?, ?, 'form')",
            ),
            Table::Credit => (
                "credit_entries",
                "teacher_id, project_id, credits, concentrated, earned_on, source, note, recorded_by",
                "(?, ?, ?, ?, ?, ?, ?, ?)",
            ),
        }
    }

    /// Values per row.
    pub fn params(self) -> usize {
        self.spec().2.matches('?').count()
    }

    fn head(self) -> String {
        let (table, columns, _) = self.spec();
        format!("INSERT INTO {table} ({columns}) VALUES ")
    }
}

/// Rows of one table, ready to insert.
pub struct Chunk {
    pub(super) table: Table,
    pub(super) cells: Vec<Cell>,
    pub(super) text: String,
}

/// The connection's half: statements for a full chunk and for one row of each table.
pub struct Inserter<'c> {
    conn: &'c Connection,
    chunks: Receiver<Chunk>,
    full: Vec<RawInsert<'c>>,
    one: Vec<RawInsert<'c>>,
}

impl<'c> Inserter<'c> {
    pub(super) fn new(conn: &'c Connection, chunks: Receiver<Chunk>) -> Result<Self> {
        let prepare = |rows: usize| -> Result<Vec<RawInsert<'c>>> {
            Table::ALL
                .iter()
                .map(|t| RawInsert::prepare(conn, &sql(&t.head(), t.spec().2, rows)))
                .collect()
        };
        Ok(Inserter {
            conn,
            chunks,
            full: prepare(ROWS)?,
            one: prepare(1)?,
        })
    }

    /// Inserts every chunk sent until the writer closes its end. On an error it returns at
    /// once and drops its end: the writer's next send fails and the generator stops.
    pub fn run(mut self) -> Result<()> {
        while let Ok(chunk) = self.chunks.recv() {
            self.insert(&chunk)?;
        }
        Ok(())
    }

    fn insert(&mut self, chunk: &Chunk) -> Result<()> {
        let t = chunk.table;
        let rows = chunk.cells.len() / t.params();
        match rows {
            0 => Ok(()),
            1 => self.one[t as usize].run(&chunk.cells, &chunk.text),
            ROWS => self.full[t as usize].run(&chunk.cells, &chunk.text),
            n => RawInsert::prepare(self.conn, &sql(&t.head(), t.spec().2, n))?
                .run(&chunk.cells, &chunk.text),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::{BulkWriter, NewSchool, NewTeacher};
    use crate::store::Db;

    fn teacher(id: i64, name: &str) -> NewTeacher<'_> {
        NewTeacher {
            id,
            staff_no: "T",
            name,
            gender: "female",
            school_id: 1,
            subject: "语文",
            stage: "primary",
            phone: "",
            tier: "qualified",
            pinyin: "",
            initials: "",
            tier_level: None,
        }
    }

    fn school() -> NewSchool<'static> {
        NewSchool {
            id: 1,
            name: "实验小学",
            township: "",
            stage: "primary",
        }
    }

    #[test]
    fn rows_made_on_another_thread_arrive_in_order_across_full_and_partial_chunks() {
        let db = Db::open_in_memory().unwrap();
        let (mut w, inserter) = BulkWriter::new(&db.conn).unwrap();
        let n = super::ROWS as i64 * 2 + 5;
        let staff: Vec<String> = (1..=n).map(|i| format!("T{i:06}")).collect();
        std::thread::scope(|s| {
            let worker = s.spawn(move || {
                w.school(&school()).unwrap();
                for i in 1..=n {
                    let name = format!("教师{i}");
                    let mut t = teacher(i, &name);
                    t.staff_no = &staff[(i - 1) as usize];
                    w.teacher(&t).unwrap();
                }
                w.close().unwrap();
                w
            });
            inserter.run().unwrap();
            worker.join().unwrap().verify(&db.conn).unwrap();
        });
        let names: Vec<(i64, String)> = db
            .conn
            .prepare("SELECT id, name FROM teachers ORDER BY rowid")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .map(|r| r.unwrap())
            .collect();
        assert_eq!(names.len() as i64, n);
        for (k, (id, name)) in names.iter().enumerate() {
            assert_eq!(*id, k as i64 + 1);
            assert_eq!(name, &format!("教师{id}"));
        }
    }

    #[test]
    fn a_refused_row_stops_the_generator_instead_of_hanging_it() {
        let db = Db::open_in_memory().unwrap();
        let (mut w, inserter) = BulkWriter::new(&db.conn).unwrap();
        std::thread::scope(|s| {
            let worker = s.spawn(move || {
                w.school(&school()).unwrap();
                // The same staff number twice: the inserter refuses the first full chunk.
                for i in 1..=100_000 {
                    w.teacher(&teacher(i, "教师"))?;
                }
                w.close()
            });
            assert!(inserter.run().is_err());
            assert!(worker.join().unwrap().is_err());
        });
    }
}
