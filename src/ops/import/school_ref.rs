//! Schools by name, as files name them: exactly, or with stray spaces inside
//! ("潼南区　实验小学" is 潼南区实验小学 when only one school matches).

use crate::domain::School;
use crate::error::Result;
use crate::store::schools;
use rusqlite::Connection;
use std::collections::HashMap;
use std::sync::Arc;

/// The schools are shared (`Arc`): a row that names one keeps it without copying its texts.
pub(crate) struct SchoolNames {
    pub exact: HashMap<String, Arc<School>>,
    /// Name without white space → the school, None when two schools share it.
    spaced: HashMap<String, Option<Arc<School>>>,
}

impl SchoolNames {
    pub fn load(conn: &Connection) -> Result<SchoolNames> {
        let exact: HashMap<String, Arc<School>> = schools::by_name_map(conn)?
            .into_iter()
            .map(|(name, school)| (name, Arc::new(school)))
            .collect();
        let mut spaced: HashMap<String, Option<Arc<School>>> = HashMap::new();
        for school in exact.values() {
            spaced
                .entry(squeeze(&school.name))
                .and_modify(|e| *e = None)
                .or_insert_with(|| Some(school.clone()));
        }
        Ok(SchoolNames { exact, spaced })
    }

    /// The school a file's name means, if any.
    pub fn find(&self, name: &str) -> Option<&Arc<School>> {
        self.exact
            .get(name)
            .or_else(|| self.spaced.get(&squeeze(name))?.as_ref())
    }
}

/// A name without any white space (full-width spaces included).
pub(crate) fn squeeze(name: &str) -> String {
    name.chars().filter(|c| !c.is_whitespace()).collect()
}
