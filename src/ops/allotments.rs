//! Places allotted per project and school (名额分配): saving the grid (one audited write),
//! "fill from last year", and the limits an enrolment is checked against.

use crate::domain::allotment::{beyond, Breach};
use crate::domain::Project;
use crate::error::{Error, Result};
use crate::lang::{pick, Text};
use crate::store::audit::{AuditAction, Entity};
use crate::store::{allotments, projects, Db};
use crate::store::{Audit, Stamp, Write};
use rusqlite::Connection;
use std::collections::BTreeMap;

/// Sets the places of several schools in a project in one transaction with one audit
/// entry (before/after of the schools that changed). `None` removes a school's row (no
/// per-school limit). Returns how many schools changed.
pub fn save_allotments(
    db: &mut Db,
    stamp: &Stamp,
    project_id: i64,
    places: &[(i64, Option<i64>)],
) -> Result<usize> {
    if let Some((_, Some(p))) = places.iter().find(|(_, p)| p.is_some_and(|p| p < 0)) {
        return Err(Error::invalid(pick(
            format!("名额不能为负（{p}）"),
            format!("places must be 0 or more (not {p})"),
        )));
    }
    let tx = db.write(stamp)?;
    let project = project_or_refuse(&tx, project_id)?;
    let now: BTreeMap<i64, i64> = allotments::of_project(&tx, project_id)?
        .into_iter()
        .collect();
    let mut before = serde_json::Map::new();
    let mut after = serde_json::Map::new();
    for &(school_id, p) in places {
        let old = now.get(&school_id).copied();
        if old == p {
            continue;
        }
        allotments::set(&tx, project_id, school_id, p)?;
        before.insert(school_id.to_string(), serde_json::json!(old));
        after.insert(school_id.to_string(), serde_json::json!(p));
    }
    let changed = after.len();
    if changed == 0 {
        return Ok(0);
    }
    tx.audit(Audit {
        entity: Entity::Project,
        entity_id: Some(project_id),
        action: AuditAction::Update,
        before: Some(serde_json::json!({ "allotments": before })),
        after: Some(serde_json::json!({ "code": project.code, "allotments": after })),
        reason: "",
    })?;
    tx.commit()?;
    Ok(changed)
}

/// The allotments "fill from last year" copies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LastYear {
    /// The code of the project they come from.
    pub code: String,
    /// (school id, places).
    pub places: Vec<(i64, i64)>,
}

/// Last year's allotments for `project_id` (`store::allotments::last_year_source`); None
/// when no such project exists.
pub fn last_year(conn: &Connection, project_id: i64) -> Result<Option<LastYear>> {
    let Some(source) = allotments::last_year_source(conn, project_id)? else {
        return Ok(None);
    };
    let code = projects::get_project(conn, source)?.map_or_else(String::new, |p| p.code);
    Ok(Some(LastYear {
        code,
        places: allotments::of_project(conn, source)?,
    }))
}

fn project_or_refuse(conn: &Connection, project_id: i64) -> Result<Project> {
    projects::get_project(conn, project_id)?.ok_or_else(|| {
        Error::NotFound(pick(
            format!("编号 {project_id} 的培训项目"),
            format!("project {project_id}"),
        ))
    })
}

/// The limits a project's enrolments now go beyond, for the schools in `schools`
/// (their names given) and the project's capacity. Read after the enrolments were written
/// inside the same transaction, so the counts include them.
pub(crate) fn breaches(
    conn: &Write,
    project: &Project,
    schools: &BTreeMap<i64, String>,
) -> Result<Vec<Breach>> {
    let mut out = Vec::new();
    for (&school_id, name) in schools {
        let places = allotments::places(conn, project.id, school_id)?;
        let enrolled = allotments::enrolled_from(conn, project.id, school_id)?;
        if let (true, Some(places)) = (beyond(places, enrolled), places) {
            out.push(Breach::School {
                school: name.clone(),
                places,
                enrolled,
            });
        }
    }
    let enrolled = allotments::enrolled_total(conn, project.id)?;
    if let (true, Some(capacity)) = (beyond(project.capacity, enrolled), project.capacity) {
        out.push(Breach::Capacity { capacity, enrolled });
    }
    Ok(out)
}

/// One limit in words: "潼南区塘坝中学：名额 28，报名将达 29".
pub fn describe(b: &Breach) -> Text {
    match b {
        Breach::School {
            school,
            places,
            enrolled,
        } => pick(
            format!("{school}：名额 {places}，报名将达 {enrolled}"),
            format!("{school}: {places} places, {enrolled} would be enrolled"),
        ),
        Breach::Capacity { capacity, enrolled } => pick(
            format!("项目容量 {capacity}，报名将达 {enrolled}"),
            format!("project capacity {capacity}, {enrolled} would be enrolled"),
        ),
    }
}

/// The refusal for enrolments beyond their limits (nothing was written).
pub(crate) fn over_capacity(project: &Project, list: &[Breach]) -> Error {
    let parts: Vec<Text> = list.iter().map(describe).collect();
    let zh: Vec<&str> = parts.iter().map(|t| t.zh.as_str()).collect();
    let en: Vec<&str> = parts.iter().map(|t| t.en.as_str()).collect();
    Error::OverCapacity(pick(
        format!("{} 超出名额：{}", project.code, zh.join("；")),
        format!("{} over its places: {}", project.code, en.join("; ")),
    ))
}
