//! Vetoes tab (docs/rules.md §4.2): the veto year's vetoed teachers grouped by school, each with the
//! marks that cause the veto (date, project, status, minutes). `[`/`]` change the year, `/`
//! filters, Enter on an evidence row changes that mark (a status picker; lifting a veto asks for
//! a reason), `h` shows the mark's audit history.

mod dialog;
mod keys;
mod render;

use self::keys::{Cmd, KEYS};

use crate::domain::veto::veto_year;
use crate::domain::Status;
use crate::error::Result;
use crate::search::keys::pinyin_keys;
use crate::store::audit::AuditRow;
use crate::store::marks::TeacherMark;
use crate::store::vetoes::{SchoolVetoes, VetoedTeacher};
use crate::tui::action::{Action, Target};
use crate::tui::i18n::{self, Msg};
use crate::tui::keymap::{self, HelpEntry, Move};
use crate::tui::screen::{Ctx, Screen};
use crate::tui::widgets::table::ListState;
use crate::tui::widgets::text_input::TextInput;
use crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;
use ratatui::Frame;

/// One line of the list: a school heading, a teacher, or one piece of evidence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Row {
    School(usize),
    Teacher(usize, usize),
    Evidence(usize, usize, usize),
}

/// An open dialog of the tab.
#[derive(Debug, Clone, PartialEq)]
enum Dialog {
    /// Choose the new status of mark `mark_id` (currently `current`).
    Pick {
        mark_id: i64,
        session_id: i64,
        teacher_id: i64,
        current: Status,
        closed: bool,
        who: String,
        cursor: usize,
    },
    History {
        title: String,
        rows: Vec<AuditRow>,
    },
}

#[derive(Default)]
pub struct VetoesScreen {
    year: Option<i32>,
    groups: Vec<SchoolVetoes>,
    rows: Vec<Row>,
    list: ListState,
    filter: TextInput,
    typing: bool,
    dialog: Option<Dialog>,
}

impl VetoesScreen {
    pub fn new() -> Self {
        VetoesScreen {
            list: ListState {
                cursor: 0,
                page: 10,
            },
            ..Self::default()
        }
    }

    /// The veto year shown.
    pub fn year(&self) -> Option<i32> {
        self.year
    }

    fn teacher_at(&self, row: Row) -> Option<&VetoedTeacher> {
        match row {
            Row::Teacher(s, t) | Row::Evidence(s, t, _) => self.groups.get(s)?.teachers.get(t),
            Row::School(_) => None,
        }
    }

    fn evidence_at(&self, row: Row) -> Option<&TeacherMark> {
        match row {
            Row::Evidence(_, _, e) => self.teacher_at(row)?.evidence.get(e),
            _ => None,
        }
    }

    fn selected_mark(&self) -> Option<i64> {
        let row = *self.rows.get(self.list.cursor)?;
        self.evidence_at(row).map(|e| e.mark_id)
    }

    fn selected_teacher_id(&self) -> Option<i64> {
        let row = *self.rows.get(self.list.cursor)?;
        self.teacher_at(row).map(|t| t.teacher_id)
    }

    /// Rebuilds the rows for the filter, keeping the cursor on the same mark or teacher.
    fn build_rows(&mut self, ctx: &Ctx) {
        let keep = (self.selected_mark(), self.selected_teacher_id());
        self.build_rows_keeping(ctx, keep);
    }

    fn build_rows_keeping(&mut self, ctx: &Ctx, keep: (Option<i64>, Option<i64>)) {
        let (keep_mark, keep_teacher) = keep;
        let query = self.filter.text().trim().to_string();
        let allowed: Option<Vec<i64>> = if query.is_empty() {
            None
        } else {
            let ids: Vec<i64> = self
                .groups
                .iter()
                .flat_map(|g| g.teachers.iter().map(|t| t.teacher_id))
                .collect();
            let mut hits: Vec<i64> = ctx
                .index
                .search_among(&query, &ids, ids.len().max(1))
                .into_iter()
                .map(|h| h.id)
                .collect();
            for g in &self.groups {
                if g.school.contains(&query) {
                    hits.extend(g.teachers.iter().map(|t| t.teacher_id));
                }
            }
            Some(hits)
        };
        let mut rows = Vec::new();
        for (si, g) in self.groups.iter().enumerate() {
            let shown: Vec<usize> = (0..g.teachers.len())
                .filter(|ti| {
                    allowed
                        .as_ref()
                        .is_none_or(|a| a.contains(&g.teachers[*ti].teacher_id))
                })
                .collect();
            if shown.is_empty() {
                continue;
            }
            rows.push(Row::School(si));
            for ti in shown {
                rows.push(Row::Teacher(si, ti));
                for ei in 0..g.teachers[ti].evidence.len() {
                    rows.push(Row::Evidence(si, ti, ei));
                }
            }
        }
        self.rows = rows;
        let by_mark = keep_mark.and_then(|m| {
            self.rows
                .iter()
                .position(|r| self.evidence_at(*r).is_some_and(|e| e.mark_id == m))
        });
        let by_teacher = keep_teacher.and_then(|id| {
            self.rows.iter().position(|r| {
                matches!(r, Row::Teacher(..))
                    && self.teacher_at(*r).is_some_and(|t| t.teacher_id == id)
            })
        });
        let mut c = by_mark
            .or(by_teacher)
            .unwrap_or(self.list.cursor)
            .min(self.rows.len().saturating_sub(1));
        if let Some(Row::School(_)) = self.rows.get(c) {
            if c + 1 < self.rows.len() {
                c += 1;
            }
        }
        self.list.cursor = c;
    }

    fn move_cursor(&mut self, m: Move) {
        let len = self.rows.len();
        let mut c = keymap::apply_move(self.list.cursor, len, self.list.page, m);
        // Skip school headings in the direction of travel.
        while let Some(Row::School(_)) = self.rows.get(c) {
            let next = match m {
                Move::Up | Move::PageUp | Move::Bottom => c.checked_sub(1),
                _ => Some(c + 1).filter(|n| *n < len),
            };
            match next {
                Some(n) => c = n,
                None => break,
            }
        }
        if let Some(Row::School(_)) = self.rows.get(c) {
            c = self.list.cursor;
        }
        self.list.cursor = c;
    }
}

impl Screen for VetoesScreen {
    fn title(&self) -> Msg {
        i18n::TAB_VETOES
    }

    fn help(&self) -> Vec<HelpEntry> {
        KEYS.help()
    }

    fn wants_text_input(&self) -> bool {
        self.typing
    }

    fn handle_key(&mut self, key: KeyEvent, ctx: &Ctx) -> Option<Action> {
        if self.dialog.is_some() {
            return self.handle_dialog(key, ctx);
        }
        if self.typing {
            match key.code {
                KeyCode::Esc => {
                    self.typing = false;
                    self.filter.clear();
                    self.build_rows(ctx);
                }
                KeyCode::Enter => self.typing = false,
                KeyCode::Up => self.move_cursor(Move::Up),
                KeyCode::Down => self.move_cursor(Move::Down),
                _ => {
                    if self.filter.handle_key(&key) {
                        self.list.cursor = 0;
                        self.build_rows(ctx);
                    }
                }
            }
            return None;
        }
        match KEYS.lookup(&key)? {
            Cmd::Move(m) => {
                self.move_cursor(m);
                None
            }
            Cmd::Year(d) => {
                let y = self
                    .year
                    .unwrap_or_else(|| veto_year(ctx.today(), ctx.settings.veto_year_start_month))
                    + d;
                self.year = Some(y);
                self.list.cursor = 0;
                self.reload(ctx)
                    .err()
                    .map(|e| Action::Fail(ctx.tf(i18n::ERROR_PREFIX, &[&e.text(ctx.lang)])))
            }
            Cmd::Filter => {
                self.typing = true;
                None
            }
            Cmd::Change => self.open_picker(ctx),
            Cmd::History => self.open_history(ctx),
            Cmd::OpenTeacher => Some(Action::Open(Target::Teacher(self.selected_teacher_id()?))),
            Cmd::Back => {
                if self.filter.is_empty() {
                    Some(Action::Back)
                } else {
                    self.filter.clear();
                    self.build_rows(ctx);
                    None
                }
            }
        }
    }

    fn render(&mut self, frame: &mut Frame, area: Rect, ctx: &Ctx) {
        render::render(self, frame, area, ctx);
    }

    fn reload(&mut self, ctx: &Ctx) -> Result<()> {
        let keep = (self.selected_mark(), self.selected_teacher_id());
        let year = *self
            .year
            .get_or_insert_with(|| veto_year(ctx.today(), ctx.settings.veto_year_start_month));
        self.groups = crate::ops::vetoes::vetoes_of_year(ctx.conn(), year, ctx.settings)?;
        // Schools in pinyin order (as the Teachers and Starlight tabs), not by code point:
        // 上和镇 五桂镇 别口镇 read as random.
        self.groups
            .sort_by_cached_key(|g| (pinyin_keys(&g.school).0, g.school.clone()));
        self.build_rows_keeping(ctx, keep);
        Ok(())
    }
}
