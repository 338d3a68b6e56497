//! The allotment grid of an opened project (名额分配): every school with its active
//! teachers, places (edited inline: digits, Backspace; `x` no per-school limit) and
//! enrolled; "fill from last year" and "split N places by teacher count" change the draft,
//! `w` saves it in one write (ops::allotments).

use crate::domain::allotment::split_by_teachers;
use crate::error::Result;
use crate::search::keys::pinyin_keys;
use crate::store::allotments::{self, AllotmentRow};
use crate::tui::action::{Action, Intent};
use crate::tui::i18n;
use crate::tui::keymap::{self, Move};
use crate::tui::screen::Ctx;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

#[derive(Default)]
pub struct PlacesView {
    /// Schools in pinyin order, as stored.
    pub rows: Vec<AllotmentRow>,
    /// The places being edited, per row (starts as stored).
    pub draft: Vec<Option<i64>>,
    /// Digits typed for the selected row (or for N before `n`).
    pub typed: String,
    pub cursor: usize,
    pub page: usize,
    /// What the last fill/split did, shown under the grid.
    pub note: Option<String>,
}

impl PlacesView {
    pub fn reload(&mut self, ctx: &Ctx, project_id: i64) -> Result<()> {
        if self.dirty() {
            return Ok(()); // keep the user's draft; the save re-checks against the file
        }
        let keep = self.rows.get(self.cursor).map(|r| r.school_id);
        let mut rows = allotments::grid(ctx.conn(), project_id)?;
        rows.sort_by_cached_key(|r| (pinyin_keys(&r.school).0, r.school.clone()));
        self.draft = rows.iter().map(|r| r.places).collect();
        self.rows = rows;
        self.cursor = keep
            .and_then(|id| self.rows.iter().position(|r| r.school_id == id))
            .unwrap_or(self.cursor)
            .min(self.rows.len().saturating_sub(1));
        Ok(())
    }

    /// Places changed from what is stored.
    pub fn dirty(&self) -> bool {
        self.rows
            .iter()
            .zip(&self.draft)
            .any(|(r, d)| r.places != *d)
    }

    pub fn moved(&mut self, m: Move) {
        self.commit_typed();
        self.cursor = keymap::apply_move(self.cursor, self.rows.len(), self.page.max(1), m);
    }

    /// The typed digits become the selected school's places.
    fn commit_typed(&mut self) {
        if let (Ok(n), Some(d)) = (self.typed.parse::<i64>(), self.draft.get_mut(self.cursor)) {
            *d = Some(n);
        }
        self.typed.clear();
    }

    /// Digits and Backspace edit the selected school's places; Enter keeps them.
    pub fn edit_key(&mut self, key: &KeyEvent) -> bool {
        if key
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
        {
            return false;
        }
        match key.code {
            KeyCode::Char(c) if c.is_ascii_digit() && self.typed.len() < 6 => self.typed.push(c),
            KeyCode::Backspace if !self.typed.is_empty() => {
                self.typed.pop();
            }
            KeyCode::Enter if !self.typed.is_empty() => {
                self.commit_typed();
                self.cursor = (self.cursor + 1).min(self.rows.len().saturating_sub(1));
            }
            _ => return false,
        }
        true
    }

    /// `x`: the selected school has no per-school limit (only the capacity holds).
    pub fn unlimited(&mut self) {
        self.typed.clear();
        if let Some(d) = self.draft.get_mut(self.cursor) {
            *d = None;
        }
    }

    /// `l`: last year's places (same plan and level, started the year before).
    pub fn fill_last_year(&mut self, ctx: &Ctx, project_id: i64) {
        self.typed.clear();
        match crate::ops::allotments::last_year(ctx.conn(), project_id) {
            Ok(Some(last)) => {
                for (i, r) in self.rows.iter().enumerate() {
                    self.draft[i] = last
                        .places
                        .iter()
                        .find(|(s, _)| *s == r.school_id)
                        .map(|(_, p)| *p);
                }
                self.note = Some(ctx.tf(i18n::PL_FILLED_FROM, &[&last.code]));
            }
            Ok(None) => self.note = Some(ctx.t(i18n::PL_NO_LAST_YEAR).to_string()),
            Err(e) => self.note = Some(e.text(ctx.lang)),
        }
    }

    /// `n`: splits the typed N (else the project's capacity) over the schools with active
    /// teachers, in proportion to them (largest remainder).
    pub fn split(&mut self, ctx: &Ctx, capacity: Option<i64>) {
        let n = self.typed.parse::<i64>().ok().or(capacity);
        self.typed.clear();
        let Some(n) = n else {
            self.note = Some(ctx.t(i18n::PL_SPLIT_NEEDS_N).to_string());
            return;
        };
        let teachers: Vec<i64> = self.rows.iter().map(|r| r.teachers).collect();
        for (i, p) in split_by_teachers(n, &teachers).into_iter().enumerate() {
            self.draft[i] = (self.rows[i].teachers > 0).then_some(p);
        }
        self.note = Some(ctx.tf(i18n::PL_SPLIT_DONE, &[&n]));
    }

    /// `w`: the changed schools, written in one go.
    pub fn save(&mut self, project_id: i64) -> Option<Action> {
        self.commit_typed();
        let places: Vec<(i64, Option<i64>)> = self
            .rows
            .iter()
            .zip(&self.draft)
            .filter(|(r, d)| r.places != **d)
            .map(|(r, d)| (r.school_id, *d))
            .collect();
        if places.is_empty() {
            return None;
        }
        Some(Action::write(Intent::SaveAllotments { project_id, places }))
    }

    /// After a successful save the stored places are the draft.
    pub fn saved(&mut self) {
        for (r, d) in self.rows.iter_mut().zip(&self.draft) {
            r.places = *d;
        }
        self.note = None;
    }
}
