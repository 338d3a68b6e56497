//! A row's teacher, named by staff number (enrolments and marks files).

use super::values::Cells;
use crate::domain::Teacher;
use crate::error::Result;
use crate::lang::pick;
use crate::store::teachers;
use rusqlite::Connection;

/// The teacher of a row's `staff_no`; an unknown staff number, or a `name`
/// cell that is not that teacher's name, is a problem of the row.
pub(crate) fn teacher_of(conn: &Connection, c: &mut Cells) -> Result<Option<Teacher>> {
    let Some(staff_no) = c.identifier("staff_no") else {
        return Ok(None);
    };
    let Some(t) = teachers::by_staff_no(conn, staff_no)? else {
        c.problem(
            "staff_no",
            pick(
                format!("工号 {staff_no} 不是已有教师（请先导入教师）"),
                format!("{staff_no} is not a known teacher (import teachers first)"),
            ),
        );
        return Ok(None);
    };
    let name = c.text("name");
    if !name.is_empty() && name != t.name {
        c.problem(
            "name",
            pick(
                format!("姓名“{name}”与工号 {} 的教师（{}）不符", t.staff_no, t.name),
                format!(
                    "'{name}' does not match staff number {} ({})",
                    t.staff_no, t.name
                ),
            ),
        );
    }
    Ok(Some(t))
}
