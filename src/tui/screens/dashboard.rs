//! Dashboard: headline figures, today's sessions with check-in counts, registers not taken.
//! Enter on a session opens it in the Check-in tab.

use crate::error::Result;
use crate::store::dashboard::{self as q, Figures, SessionLine};
use crate::tui::action::{Action, Target};
use crate::tui::i18n::{self, Msg};
use crate::tui::keymap::{self, HelpEntry, Key, KeyBinding, Move};
use crate::tui::screen::{Ctx, Screen};
use crate::tui::widgets::text::{pad, pad_left, width};
use crossterm::event::{KeyCode, KeyEvent, MouseEvent, MouseEventKind};
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cmd {
    Move(Move),
    Open,
    Back,
}

const KEYS: &[KeyBinding<Cmd>] = &[
    KeyBinding {
        keys: &[Key::Char('k'), Key::Code(KeyCode::Up)],
        command: Cmd::Move(Move::Up),
        help: i18n::KEY_UP_DOWN,
    },
    KeyBinding {
        keys: &[Key::Char('j'), Key::Code(KeyCode::Down)],
        command: Cmd::Move(Move::Down),
        help: i18n::KEY_UP_DOWN,
    },
    KeyBinding {
        keys: &[Key::Char('g'), Key::Code(KeyCode::Home)],
        command: Cmd::Move(Move::Top),
        help: i18n::KEY_TOP_BOTTOM,
    },
    KeyBinding {
        keys: &[Key::Char('G'), Key::Code(KeyCode::End)],
        command: Cmd::Move(Move::Bottom),
        help: i18n::KEY_TOP_BOTTOM,
    },
    KeyBinding {
        keys: &[Key::Code(KeyCode::Enter), Key::Char('l')],
        command: Cmd::Open,
        help: i18n::KEY_OPEN,
    },
    KeyBinding {
        keys: &[Key::Code(KeyCode::Esc)],
        command: Cmd::Back,
        help: i18n::KEY_BACK,
    },
];

/// Registers-not-taken rows listed at most.
const NOT_TAKEN_LIMIT: usize = 50;

#[derive(Default)]
pub struct DashboardScreen {
    figures: Figures,
    today: Vec<SessionLine>,
    not_taken: Vec<SessionLine>,
    not_taken_total: i64,
    /// Index into today ++ not_taken.
    cursor: usize,
    /// False until the first reload (the first frame is drawn before any query).
    loaded: bool,
}

impl DashboardScreen {
    pub fn new() -> Self {
        Self::default()
    }

    fn session_count(&self) -> usize {
        self.today.len() + self.not_taken.len()
    }

    fn session_at(&self, i: usize) -> Option<&SessionLine> {
        self.today
            .get(i)
            .or_else(|| self.not_taken.get(i.checked_sub(self.today.len())?))
    }

    fn figure_spans(&self, ctx: &Ctx, w: usize) -> Vec<Line<'static>> {
        let f = &self.figures;
        let th = ctx.theme;
        let veto = ctx.tf(i18n::DASH_VETOES, &[&f.veto_year]);
        let items: Vec<(String, i64, Style)> = vec![
            (ctx.t(i18n::DASH_SCHOOLS).into(), f.schools, th.accent()),
            (ctx.t(i18n::DASH_TEACHERS).into(), f.teachers, th.accent()),
            (ctx.t(i18n::DASH_TRAINERS).into(), f.trainers, th.accent()),
            (
                ctx.t(i18n::DASH_RUNNING).into(),
                f.projects_running,
                th.accent(),
            ),
            (
                ctx.t(i18n::DASH_UPCOMING).into(),
                f.projects_upcoming,
                th.accent(),
            ),
            (
                veto,
                f.vetoes_this_year,
                if f.vetoes_this_year > 0 {
                    th.bad()
                } else {
                    th.ok()
                },
            ),
            (
                ctx.t(i18n::DASH_OVERDUE).into(),
                f.overdue_follow_ups,
                if f.overdue_follow_ups > 0 {
                    th.warn()
                } else {
                    th.ok()
                },
            ),
        ];
        let mut lines = Vec::new();
        let mut spans: Vec<Span<'static>> = Vec::new();
        let mut used = 0;
        for (label, n, style) in items {
            let cell = width(&label) + n.to_string().len() + 4;
            if used + cell > w && !spans.is_empty() {
                lines.push(Line::from(std::mem::take(&mut spans)));
                used = 0;
            }
            spans.push(Span::styled(format!(" {label} "), th.muted()));
            spans.push(Span::styled(format!("{n}  "), style));
            used += cell;
        }
        if !spans.is_empty() {
            lines.push(Line::from(spans));
        }
        lines
    }

    fn session_line(
        &self,
        s: &SessionLine,
        with_date: bool,
        selected: bool,
        w: usize,
        ctx: &Ctx,
    ) -> Line<'static> {
        let th = ctx.theme;
        let when = if with_date {
            format!("{} {}", s.date, s.start)
        } else {
            format!("{}–{}", s.start, s.end)
        };
        let counter = ctx.tf(i18n::DASH_CHECKED, &[&s.checked_in, &s.enrolled]);
        let counter_w = 14;
        let title = if s.topic.is_empty() {
            s.project_title.clone()
        } else {
            format!("{} · {}", s.project_title, s.topic)
        };
        let title_w = w.saturating_sub(width(&when) + counter_w + 4);
        let base = if selected { th.selected() } else { th.base() };
        let count_style = if selected {
            base
        } else if s.enrolled > 0 && s.checked_in >= s.enrolled {
            th.ok()
        } else {
            th.warn()
        };
        Line::from(vec![
            Span::styled(format!("  {when} "), base),
            Span::styled(pad(&title, title_w), base),
            Span::styled(pad_left(&counter, counter_w), count_style),
            Span::styled(" ", base),
        ])
    }
}

impl Screen for DashboardScreen {
    fn title(&self) -> Msg {
        i18n::TAB_DASHBOARD
    }

    fn help(&self) -> Vec<HelpEntry> {
        keymap::help(KEYS)
    }

    fn handle_key(&mut self, key: KeyEvent, _ctx: &Ctx) -> Option<Action> {
        match keymap::lookup(KEYS, &key)? {
            Cmd::Move(m) => {
                self.cursor = keymap::apply_move(self.cursor, self.session_count(), 10, m)
            }
            Cmd::Open => {
                return self
                    .session_at(self.cursor)
                    .map(|s| Action::Open(Target::Session(s.id)))
            }
            Cmd::Back => return Some(Action::Back),
        }
        None
    }

    fn handle_mouse(&mut self, ev: MouseEvent, _area: Rect, _ctx: &Ctx) -> Option<Action> {
        let m = match ev.kind {
            MouseEventKind::ScrollDown => Move::Down,
            MouseEventKind::ScrollUp => Move::Up,
            _ => return None,
        };
        self.cursor = keymap::apply_move(self.cursor, self.session_count(), 10, m);
        None
    }

    fn reload(&mut self, ctx: &Ctx) -> Result<()> {
        let conn = ctx.conn();
        self.figures = q::figures(conn, ctx.today(), ctx.settings)?;
        self.today = q::sessions_on(conn, ctx.today())?;
        let (rows, total) = q::registers_not_taken(conn, ctx.now, NOT_TAKEN_LIMIT)?;
        self.not_taken = rows;
        self.not_taken_total = total;
        self.cursor = self.cursor.min(self.session_count().saturating_sub(1));
        self.loaded = true;
        Ok(())
    }

    fn render(&mut self, frame: &mut Frame, area: Rect, ctx: &Ctx) {
        if !self.loaded {
            return;
        }
        let th = ctx.theme;
        let w = area.width as usize;
        let mut lines = self.figure_spans(ctx, w);
        lines.push(Line::from(""));
        let head = |text: String| Line::from(Span::styled(text, th.title()));
        lines.push(head(format!(
            " {} ({})",
            ctx.t(i18n::DASH_TODAY),
            self.today.len()
        )));
        if self.today.is_empty() {
            lines.push(Line::from(Span::styled(
                format!("  {}", ctx.t(i18n::DASH_NO_SESSIONS)),
                th.muted(),
            )));
        }
        let mut rows_today = Vec::new();
        for (i, s) in self.today.iter().enumerate() {
            rows_today.push(self.session_line(s, false, i == self.cursor, w, ctx));
        }
        let fixed = lines.len() + 3;
        let room = (area.height as usize).saturating_sub(fixed);
        // Share the room: today's sessions first, the rest for registers not taken.
        let today_room = rows_today
            .len()
            .min(room.saturating_sub(2.min(room)).max(room / 2));
        let first = self
            .cursor
            .min(self.today.len())
            .saturating_sub(today_room.saturating_sub(1));
        lines.extend(rows_today.into_iter().skip(first).take(today_room));
        lines.push(Line::from(""));
        lines.push(head(format!(
            " {} ({})",
            ctx.t(i18n::DASH_NOT_TAKEN),
            self.not_taken_total
        )));
        if self.not_taken.is_empty() {
            lines.push(Line::from(Span::styled(
                format!("  {}", ctx.t(i18n::DASH_ALL_TAKEN)),
                th.muted(),
            )));
        }
        let rest = (area.height as usize).saturating_sub(lines.len());
        let sel = self.cursor.checked_sub(self.today.len());
        let first = sel.unwrap_or(0).saturating_sub(rest.saturating_sub(1));
        for (i, s) in self.not_taken.iter().enumerate().skip(first).take(rest) {
            lines.push(self.session_line(s, true, sel == Some(i), w, ctx));
        }
        frame.render_widget(Paragraph::new(lines).style(th.base()), area);
    }
}
