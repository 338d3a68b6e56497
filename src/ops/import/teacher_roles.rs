//! The optional `role` (职务) and `role_since` (任职时间) columns of a teachers file: checked
//! with the row, planned against the stored role, written after the teachers (an added
//! teacher's role too), each change audited.

use super::values::Cells;
use super::{audit_update, Context};
use crate::domain::principals::Role;
use crate::error::Result;
use crate::lang::pick;
use crate::store::audit::Entity;
use crate::store::{principals, teachers};
use chrono::NaiveDate;
use rusqlite::Connection;
use serde_json::json;

/// A row's role: None when both cells are blank (the stored role is kept).
pub(crate) type RoleCells = Option<(Role, Option<NaiveDate>)>;

/// Reads the two cells; a date without a role, or a date after today, is a problem of the row.
pub(crate) fn read(c: &mut Cells, today: NaiveDate) -> std::result::Result<RoleCells, ()> {
    let role = c.choice("role", "role", Role::parse, Role::choices)?;
    let since = c.date("role_since")?;
    match (role, since) {
        (None, None) => Ok(None),
        (None, Some(_)) => {
            c.problem(
                "role_since",
                pick(
                    "填写了任职时间但没有职务",
                    "an appointment date needs a role",
                ),
            );
            Err(())
        }
        (Some(_), Some(d)) if d > today => {
            c.problem(
                "role_since",
                pick(
                    format!("任职时间 {d} 晚于今天"),
                    format!("the appointment date {d} is after today"),
                ),
            );
            Err(())
        }
        (Some(r), since) => Ok(Some((r, since))),
    }
}

/// A role a row sets on a teacher (by staff number: the teacher may be added by the same file).
pub(crate) struct RoleStep {
    pub staff_no: String,
    pub role: (Role, Option<NaiveDate>),
}

/// The step a row's role makes, or None when it is blank or what is stored already.
pub(crate) fn plan(
    conn: &Connection,
    stored_id: Option<i64>,
    staff_no: &str,
    role: RoleCells,
) -> Result<Option<RoleStep>> {
    let Some(role) = role else {
        return Ok(None);
    };
    if let Some(id) = stored_id {
        if principals::role_of(conn, id)? == Some(role) {
            return Ok(None);
        }
    }
    Ok(Some(RoleStep {
        staff_no: staff_no.to_string(),
        role,
    }))
}

/// Writes the roles, each with its audit entry (before and after).
pub(crate) fn write(conn: &Connection, ctx: &Context, steps: &[RoleStep]) -> Result<()> {
    for step in steps {
        let Some(teacher) = teachers::by_staff_no(conn, &step.staff_no)? else {
            continue;
        };
        let before = principals::role_of(conn, teacher.id)?;
        if before == Some(step.role) {
            continue;
        }
        principals::set_role(conn, teacher.id, Some(step.role))?;
        let describe = |r: Option<(Role, Option<NaiveDate>)>| {
            json!({
                "staff_no": teacher.staff_no, "name": teacher.name,
                "role": r.map(|x| x.0.code()),
                "role_since": r.and_then(|x| x.1).map(|d| d.to_string()),
            })
        };
        audit_update(
            conn,
            ctx,
            Entity::Teacher,
            teacher.id,
            describe(before),
            describe(Some(step.role)),
        )?;
    }
    Ok(())
}
