//! The project list: filters (level, plan, status, year; one key cycles each) and a fuzzy
//! search over code and title (crate::search::Index built over the listed projects).

use crate::domain::{Level, Plan, Project};
use crate::error::Result;
use crate::search::{Entry, Index};
use crate::store::project_roster;
use crate::store::projects::{list_projects, ProjectFilter, ProjectState};
use crate::tui::keymap::Move;
use crate::tui::screen::Ctx;
use crate::tui::widgets::text_input::TextInput;
use std::collections::HashMap;

/// Rows kept per search.
const LIMIT: usize = 2000;

#[derive(Default)]
pub struct ProjectList {
    pub filter: ProjectFilter,
    pub search: TextInput,
    pub typing: bool,
    pub(super) years: Vec<i32>,
    pub(super) rows: Vec<Project>,
    pub(super) counts: HashMap<i64, i64>,
    /// Indices into `rows`, in the order shown.
    pub(super) shown: Vec<usize>,
    pub cursor: usize,
    pub page: usize,
    /// Where the rows were drawn, and the first row shown (for mouse clicks).
    pub rows_area: ratatui::layout::Rect,
    pub first: usize,
    index: Index,
    /// (id, code, title) the index was built from.
    indexed: Vec<(i64, String, String)>,
}

/// The next value of a cycling filter: None → each of `all` → None.
fn cycle<T: Copy + PartialEq>(cur: Option<T>, all: &[T]) -> Option<T> {
    match cur {
        None => all.first().copied(),
        Some(c) => {
            let i = all.iter().position(|x| *x == c);
            i.and_then(|i| all.get(i + 1)).copied()
        }
    }
}

/// Filters the list keys cycle.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FilterKey {
    Level,
    Plan,
    State,
    Year,
    Clear,
}

impl ProjectList {
    pub fn new() -> Self {
        ProjectList {
            page: 10,
            ..Self::default()
        }
    }

    pub fn selected(&self) -> Option<&Project> {
        self.shown.get(self.cursor).and_then(|i| self.rows.get(*i))
    }

    /// Re-reads the projects under the filters; keeps the selection and the search text.
    pub fn reload(&mut self, ctx: &Ctx) -> Result<()> {
        let keep = self.selected().map(|p| p.id);
        self.years = project_roster::project_years(ctx.conn())?;
        self.rows = list_projects(ctx.conn(), &self.filter, ctx.today())?;
        self.counts = project_roster::enrolment_counts(ctx.conn())?;
        let sig: Vec<(i64, String, String)> = self
            .rows
            .iter()
            .map(|p| (p.id, p.code.clone(), p.title.clone()))
            .collect();
        if sig != self.indexed {
            self.index = Index::new(
                self.rows
                    .iter()
                    .map(|p| Entry::named(p.id, &p.title, &p.code))
                    .collect(),
            );
            self.indexed = sig;
        }
        self.run_search();
        if let Some(id) = keep {
            self.select(id);
        }
        Ok(())
    }

    /// Applies the search text to the rows; the cursor goes to the best match.
    pub fn run_search(&mut self) {
        let q = self.search.text();
        if q.trim().is_empty() {
            self.shown = (0..self.rows.len()).collect();
        } else {
            let pos: HashMap<i64, usize> = self
                .rows
                .iter()
                .enumerate()
                .map(|(i, p)| (p.id, i))
                .collect();
            let ids: Vec<i64> = self.rows.iter().map(|p| p.id).collect();
            self.shown = self
                .index
                .search_among(q, &ids, LIMIT)
                .into_iter()
                .filter_map(|h| pos.get(&h.id).copied())
                .collect();
        }
        self.cursor = self.cursor.min(self.shown.len().saturating_sub(1));
    }

    /// Puts the cursor on project `id` when it is listed.
    pub fn select(&mut self, id: i64) -> bool {
        match self.shown.iter().position(|i| self.rows[*i].id == id) {
            Some(c) => {
                self.cursor = c;
                true
            }
            None => false,
        }
    }

    /// Selects the row drawn at screen row `y`, if any; true when one was hit.
    pub fn click(&mut self, x: u16, y: u16) -> bool {
        if !self.rows_area.contains((x, y).into()) {
            return false;
        }
        let i = self.first + (y - self.rows_area.y) as usize;
        if i < self.shown.len() {
            self.cursor = i;
            return true;
        }
        false
    }

    pub fn moved(&mut self, m: Move) {
        self.cursor = crate::tui::keymap::apply_move(self.cursor, self.shown.len(), self.page, m);
    }

    /// Cycles one filter (or clears them all); the caller reloads.
    pub fn cycle_filter(&mut self, key: FilterKey) {
        let f = &mut self.filter;
        match key {
            FilterKey::Level => f.level = cycle(f.level, Level::ALL),
            FilterKey::Plan => f.plan = cycle(f.plan, Plan::ALL),
            FilterKey::State => f.state = cycle(f.state, ProjectState::ALL),
            FilterKey::Year => f.year = cycle(f.year, &self.years),
            FilterKey::Clear => *f = ProjectFilter::default(),
        }
        self.cursor = 0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filters_cycle_through_every_value_and_back_to_any() {
        let mut v = None;
        let mut seen = Vec::new();
        for _ in 0..=Level::ALL.len() {
            v = cycle(v, Level::ALL);
            seen.push(v);
        }
        assert_eq!(seen.first(), Some(&Some(Level::National)));
        assert_eq!(seen.last(), Some(&None));
        assert_eq!(cycle::<i32>(None, &[]), None);
    }
}
