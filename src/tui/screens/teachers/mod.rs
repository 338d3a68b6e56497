//! Teachers tab: live pinyin-aware fuzzy search over every teacher (crate::search::Index),
//! matched characters highlighted, and a detail pane for the selected teacher.
//! Columns: name · school · subject · tier · staff no (same-name teachers differ by school);
//! a teacher not in service shows the status in the tier column, greyed. `s` changes the
//! selected teacher's employment status (1–4, then the reason); `p` shows the Principals view
//! (`principals.rs`).
//! `view.rs` draws the list, `detail.rs` the pane.

pub mod detail;
mod principals;
mod tier_form;
mod view;

use crate::domain::TeacherStatus;
use crate::error::Result;
use crate::store::teacher_detail::{self, TeacherDetail};
use crate::tui::action::Intent;
use crate::tui::action::{Action, Target};
use crate::tui::i18n::{self, Msg};
use crate::tui::keymap::{self, HelpEntry, Key, KeyBinding, ListKeys, Move};
use crate::tui::outcome::Written;
use crate::tui::screen::{Ctx, Screen};
use crate::tui::widgets::text_input::{SearchKey, TextInput};
use crossterm::event::{KeyEvent, MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::Rect;
use ratatui::Frame;

/// Rows kept per search (the list scrolls within them).
const LIMIT: usize = 500;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cmd {
    Move(Move),
    Search,
    SetStatus,
    Tier,
    SelectCandidate,
    SetRole,
    Principals,
    Back,
}

/// The tab's own keys; the list movements come from `keymap::MOVE_KEYS`.
const KEYS: ListKeys<Cmd> = ListKeys::new(OWN_KEYS, Cmd::Move);

const OWN_KEYS: &[KeyBinding<Cmd>] = &[
    keymap::search_key(Cmd::Search),
    KeyBinding {
        keys: &[Key::Char('s')],
        command: Cmd::SetStatus,
        help: i18n::TEACHERS_KEY_STATUS,
    },
    KeyBinding {
        keys: &[Key::Char('t')],
        command: Cmd::Tier,
        help: i18n::TEACHERS_KEY_TIER,
    },
    KeyBinding {
        keys: &[Key::Char('S')],
        command: Cmd::SelectCandidate,
        help: i18n::TEACHERS_KEY_SELECT,
    },
    KeyBinding {
        keys: &[Key::Char('r')],
        command: Cmd::SetRole,
        help: i18n::TEACHERS_KEY_ROLE,
    },
    KeyBinding {
        keys: &[Key::Char('p')],
        command: Cmd::Principals,
        help: i18n::TEACHERS_KEY_PRINCIPALS,
    },
    keymap::back_key(Cmd::Back),
];

#[derive(Default)]
pub struct TeachersScreen {
    search: TextInput,
    typing: bool,
    hits: Vec<i64>,
    cursor: usize,
    detail: Option<TeacherDetail>,
    /// Rows visible in the last frame.
    page: usize,
    /// The list's rows area in the last frame (for mouse clicks).
    rows_area: Rect,
    first: usize,
    /// The database has teachers but the index is still being built.
    index_pending: bool,
    /// `s` was pressed: the next digit (1–4) chooses the selected teacher's new status.
    choosing_status: bool,
    /// Every teacher the search matches (the list keeps the best LIMIT of them).
    total: usize,
    /// The tier form (`t`), over the list.
    tier_form: Option<tier_form::TierForm>,
    /// `r` was pressed: the next digit (1–6, 0 none) chooses the selected teacher's role.
    choosing_role: bool,
    /// `p` shows the Principals view instead of the list (None: the list).
    principals: Option<principals::PrincipalsView>,
}

impl TeachersScreen {
    pub fn new() -> Self {
        TeachersScreen {
            page: 10,
            ..Self::default()
        }
    }

    fn selected(&self) -> Option<i64> {
        self.hits.get(self.cursor).copied()
    }

    /// The best LIMIT matches, and how many teachers match in all.
    fn find(&mut self, ctx: &Ctx) {
        self.hits = ctx
            .index
            .search(self.search.text(), LIMIT)
            .into_iter()
            .map(|h| h.id)
            .collect();
        self.total = if self.hits.len() < LIMIT {
            self.hits.len()
        } else {
            ctx.index.count(self.search.text())
        };
    }

    fn run_search(&mut self, ctx: &Ctx) {
        let keep = self.selected();
        self.find(ctx);
        self.cursor = keep
            .and_then(|id| self.hits.iter().position(|h| *h == id))
            .unwrap_or(0);
    }

    fn load_detail(&mut self, ctx: &Ctx) -> Result<()> {
        self.detail = match self.selected() {
            Some(id) => teacher_detail::load(ctx.conn(), id, ctx.today(), ctx.settings)?,
            None => None,
        };
        Ok(())
    }

    fn moved(&mut self, to: usize, ctx: &Ctx) -> Option<Action> {
        if to != self.cursor || self.detail.is_none() {
            self.cursor = to;
            if let Err(e) = self.load_detail(ctx) {
                return Some(Action::Fail(
                    ctx.tf(i18n::ERROR_PREFIX, &[&e.text(ctx.lang)]),
                ));
            }
        }
        None
    }

    fn after_edit(&mut self, ctx: &Ctx) -> Option<Action> {
        self.find(ctx);
        self.cursor = 0;
        self.detail = None;
        self.moved(0, ctx)
    }

    /// The key after `s`: 1–4 picks the new status and asks the reason; anything else cancels.
    fn status_chosen(&mut self, key: &KeyEvent, ctx: &Ctx) -> Option<Action> {
        let crossterm::event::KeyCode::Char(c) = key.code else {
            return None;
        };
        let i = c.to_digit(10)? as usize;
        let status = *TeacherStatus::ALL.get(i.checked_sub(1)?)?;
        let t = &self.detail.as_ref()?.teacher;
        if t.status == status {
            return Some(Action::Toast(ctx.t(i18n::UNCHANGED).into()));
        }
        let (from, to) = (t.status.label(ctx.zh()), status.label(ctx.zh()));
        Some(Action::AskReason {
            prompt: ctx.tf(i18n::TEACHERS_STATUS_REASON, &[&t.name, &from, &to]),
            intent: Intent::SetTeacherStatus {
                teacher_id: t.id,
                status,
            },
        })
    }

    /// The key after `r`: 1–6 picks the role and asks the appointment date, 0 clears the role;
    /// anything else cancels.
    fn role_chosen(&mut self, key: &KeyEvent, ctx: &Ctx) -> Option<Action> {
        use crate::domain::principals::Role;
        let crossterm::event::KeyCode::Char(c) = key.code else {
            return None;
        };
        let i = c.to_digit(10)? as usize;
        let t = &self.detail.as_ref()?.teacher;
        if i == 0 {
            return Some(Action::Write {
                intent: Intent::SetTeacherRole {
                    teacher_id: t.id,
                    role: None,
                },
                reason: None,
            });
        }
        let role = *Role::ALL.get(i - 1)?;
        Some(Action::AskReason {
            prompt: ctx.tf(i18n::TEACHERS_ROLE_SINCE, &[&t.name, &role.label(ctx.zh())]),
            intent: Intent::SetTeacherRole {
                teacher_id: t.id,
                role: Some(role),
            },
        })
    }

    /// The query typed (for tests and the check-in screen's reuse).
    pub fn query(&self) -> &str {
        self.search.text()
    }

    /// A key while the search box has the focus.
    fn typing_key(&mut self, key: &KeyEvent, ctx: &Ctx) -> Option<Action> {
        match self.search.search_key(key) {
            SearchKey::Cleared { had_text } => {
                self.typing = false;
                if had_text {
                    self.after_edit(ctx)
                } else {
                    None
                }
            }
            SearchKey::Done => {
                self.typing = false;
                None
            }
            SearchKey::Move(Move::Up) => self.moved(self.cursor.saturating_sub(1), ctx),
            SearchKey::Move(_) => self.moved(
                (self.cursor + 1).min(self.hits.len().saturating_sub(1)),
                ctx,
            ),
            SearchKey::Edited => self.after_edit(ctx),
            SearchKey::Ignored => None,
        }
    }

    /// One of the tab's own commands (the box not focused, no form or view open).
    fn run(&mut self, cmd: Cmd, ctx: &Ctx) -> Option<Action> {
        match cmd {
            Cmd::Search => {
                self.typing = true;
                None
            }
            Cmd::SetStatus => {
                self.choosing_status = self.detail.is_some();
                None
            }
            Cmd::Tier => {
                let t = &self.detail.as_ref()?.teacher;
                self.tier_form = Some(tier_form::TierForm::new(
                    t.id,
                    &t.name,
                    t.tier,
                    t.tier_level,
                    ctx,
                ));
                None
            }
            Cmd::SelectCandidate => {
                let t = &self.detail.as_ref()?.teacher;
                Some(Action::AskReason {
                    prompt: ctx.tf(i18n::TEACHERS_SELECT_REASON, &[&t.name]),
                    intent: Intent::SelectCandidate { teacher_id: t.id },
                })
            }
            Cmd::SetRole => {
                self.choosing_role = self.detail.is_some();
                None
            }
            Cmd::Principals => match principals::PrincipalsView::load(ctx) {
                Ok(view) => {
                    self.principals = Some(view);
                    None
                }
                Err(e) => Some(Action::Fail(
                    ctx.tf(i18n::ERROR_PREFIX, &[&e.text(ctx.lang)]),
                )),
            },
            Cmd::Move(m) => self.moved(
                keymap::apply_move(self.cursor, self.hits.len(), self.page, m),
                ctx,
            ),
            Cmd::Back => {
                if self.search.is_empty() {
                    Some(Action::Back)
                } else {
                    self.search.clear();
                    self.after_edit(ctx)
                }
            }
        }
    }
}

impl Screen for TeachersScreen {
    fn title(&self) -> Msg {
        i18n::TAB_TEACHERS
    }

    fn help(&self) -> Vec<HelpEntry> {
        let mut h = KEYS.help();
        // Not a key, but what the search box understands.
        h.push(HelpEntry {
            keys: "field:value".into(),
            help: i18n::TEACHERS_FILTERS,
        });
        h
    }

    fn wants_text_input(&self) -> bool {
        self.typing || self.choosing_status || self.choosing_role || self.tier_form.is_some()
    }

    fn has_unsaved(&self) -> bool {
        self.tier_form.as_ref().is_some_and(|f| f.form.dirty)
    }

    fn on_written(&mut self, intent: &Intent, written: &Written, _ctx: &Ctx) {
        let Intent::AddTierStep { teacher_id, .. } = intent else {
            return;
        };
        let Some(f) = self.tier_form.as_mut() else {
            return;
        };
        if f.teacher_id == *teacher_id && f.form.written(written) {
            self.tier_form = None;
        }
    }

    fn handle_key(&mut self, key: KeyEvent, ctx: &Ctx) -> Option<Action> {
        if let Some(form) = self.tier_form.as_mut() {
            return match form.handle_key(&key, ctx) {
                Ok(action) => action,
                Err(()) => {
                    self.tier_form = None;
                    None
                }
            };
        }
        if self.choosing_status {
            self.choosing_status = false;
            return self.status_chosen(&key, ctx);
        }
        if self.choosing_role {
            self.choosing_role = false;
            return self.role_chosen(&key, ctx);
        }
        if let Some(view) = &mut self.principals {
            match KEYS.lookup(&key)? {
                Cmd::Principals | Cmd::Back => self.principals = None,
                Cmd::Move(m) => view.move_by(m),
                Cmd::Search | Cmd::SetStatus | Cmd::SetRole | Cmd::Tier | Cmd::SelectCandidate => {}
            }
            return None;
        }
        if self.typing {
            return self.typing_key(&key, ctx);
        }
        let cmd = KEYS.lookup(&key)?;
        self.run(cmd, ctx)
    }

    fn handle_mouse(&mut self, ev: MouseEvent, _area: Rect, ctx: &Ctx) -> Option<Action> {
        let len = self.hits.len();
        match ev.kind {
            MouseEventKind::ScrollDown => self.moved(
                keymap::apply_move(self.cursor, len, self.page, Move::Down),
                ctx,
            ),
            MouseEventKind::ScrollUp => self.moved(
                keymap::apply_move(self.cursor, len, self.page, Move::Up),
                ctx,
            ),
            MouseEventKind::Down(MouseButton::Left)
                if self.rows_area.contains((ev.column, ev.row).into()) =>
            {
                let i = self.first + (ev.row - self.rows_area.y) as usize;
                if i < len {
                    return self.moved(i, ctx);
                }
                None
            }
            _ => None,
        }
    }

    fn open(&mut self, target: &Target, ctx: &Ctx) -> bool {
        let id = match target {
            Target::Teacher(id) => id,
            Target::TeacherSearch(text) => {
                self.search.set(text);
                self.typing = true;
                let _ = self.after_edit(ctx);
                return true;
            }
            _ => return false,
        };
        let Some(e) = ctx.index.entry(*id) else {
            return false;
        };
        self.search.set(&e.staff_no);
        self.typing = false;
        self.run_search(ctx);
        self.cursor = self.hits.iter().position(|h| h == id).unwrap_or(0);
        let _ = self.load_detail(ctx);
        true
    }

    fn reload(&mut self, ctx: &Ctx) -> Result<()> {
        self.index_pending = ctx.index.is_empty()
            && crate::store::dashboard::teachers_fingerprint(ctx.conn())?.0 > 0;
        self.run_search(ctx);
        if let Some(view) = &mut self.principals {
            view.reload(ctx)?;
        }
        self.load_detail(ctx)
    }

    fn render(&mut self, frame: &mut Frame, area: Rect, ctx: &Ctx) {
        match &mut self.principals {
            Some(view) => view.render(frame, area, ctx),
            None => self.draw(frame, area, ctx),
        }
        if let Some(form) = &self.tier_form {
            form.render(frame, area, ctx);
        }
    }
}
