//! A session row's trainer, named by a district teacher's staff number or by name.

use super::suggest;
use super::values::Cells;
use crate::error::Result;
use crate::lang::pick;
use crate::store::{teachers, trainers};
use rusqlite::Connection;

/// The trainer of a row: by staff number of a district teacher, else by name.
pub(crate) fn trainer_of(
    conn: &Connection,
    c: &mut Cells,
    names: &[String],
    hints: &mut suggest::Hints,
) -> Result<Result<Option<i64>, ()>> {
    let text = c.text("trainer");
    if text.is_empty() {
        return Ok(Ok(None));
    }
    if let Some(t) = teachers::by_staff_no(conn, text)? {
        if let Some(tr) = trainers::by_teacher(conn, t.id)? {
            return Ok(Ok(Some(tr.id)));
        }
    }
    let found = trainers::by_name(conn, text)?;
    match found.len() {
        1 => Ok(Ok(Some(found[0].id))),
        0 => {
            let hint = hints.hint(text, names.iter().map(String::as_str));
            c.problem(
                "trainer",
                pick(
                    format!("未知讲师“{text}”{}", hint.zh),
                    format!("'{text}' is not a known trainer{}", hint.en),
                ),
            );
            Ok(Err(()))
        }
        n => {
            c.problem(
                "trainer",
                pick(
                    format!("有 {n} 位讲师叫{text}；请改填工号"),
                    format!("{n} trainers are called {text}; give the staff number instead"),
                ),
            );
            Ok(Err(()))
        }
    }
}
