//! The places and capacity an enrolments file is checked against (ops::allotments): the
//! row that takes a school past its places, or the project past its capacity, is refused
//! unless `--over-capacity` was given. Exactly at a limit is allowed.

use super::values::Cells;
use crate::domain::allotment::{beyond, Breach};
use crate::domain::Project;
use crate::error::Result;
use crate::lang::pick;
use crate::ops::allotments::describe;
use crate::store::{allotments, schools};
use rusqlite::Connection;
use std::collections::hash_map::{Entry, HashMap};

/// Enrolments so far (stored + earlier rows of the file) per project and per school.
#[derive(Default)]
pub(crate) struct PlaceLimits {
    projects: HashMap<i64, i64>,
    schools: HashMap<(i64, i64), (Option<i64>, i64)>,
}

impl PlaceLimits {
    /// Counts a new enrolment of a teacher from `school_id`; a problem of the row when it
    /// goes beyond a limit (the row is still counted, so later rows are judged after it).
    pub(crate) fn count(
        &mut self,
        conn: &Connection,
        c: &mut Cells,
        project: &Project,
        school_id: i64,
    ) -> Result<()> {
        let key = (project.id, school_id);
        if let Entry::Vacant(e) = self.schools.entry(key) {
            let places = allotments::places(conn, project.id, school_id)?;
            e.insert((
                places,
                allotments::enrolled_from(conn, project.id, school_id)?,
            ));
        }
        if let Entry::Vacant(e) = self.projects.entry(project.id) {
            e.insert(allotments::enrolled_total(conn, project.id)?);
        }
        let mut over = Vec::new();
        if let Some((places, enrolled)) = self.schools.get_mut(&key) {
            *enrolled += 1;
            if let (true, Some(p)) = (beyond(*places, *enrolled), *places) {
                let school = schools::get(conn, school_id)?.map_or_else(String::new, |s| s.name);
                over.push(Breach::School {
                    school,
                    places: p,
                    enrolled: *enrolled,
                });
            }
        }
        if let Some(enrolled) = self.projects.get_mut(&project.id) {
            *enrolled += 1;
            if let (true, Some(cap)) = (beyond(project.capacity, *enrolled), project.capacity) {
                over.push(Breach::Capacity {
                    capacity: cap,
                    enrolled: *enrolled,
                });
            }
        }
        for b in &over {
            let t = describe(b);
            c.problem(
                "staff_no",
                pick(
                    format!("{}（超出名额；确需超额报名请加 --over-capacity）", t.zh),
                    format!(
                        "{} (over the places; add --over-capacity to enrol anyway)",
                        t.en
                    ),
                ),
            );
        }
        Ok(())
    }
}
