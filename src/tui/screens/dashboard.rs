//! Dashboard: headline figures, then three lists of sessions: today's (with check-in counts),
//! registers not taken, and the coming week's. Enter on a session opens it in Check-in.

use crate::error::Result;
use crate::store::dashboard::{self as q, Figures, SessionLine};
use crate::tui::action::{Action, Target};
use crate::tui::i18n::{self, Msg};
use crate::tui::keymap::{self, HelpEntry, Key, KeyBinding, ListKeys, Move};
use crate::tui::screen::{Ctx, Screen};
use crate::tui::widgets::table::{Cell, Column, Columns};
use crate::tui::widgets::text::width;
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
    FindTeacher,
    Back,
}

/// The dashboard's own keys; the shared list movements (keymap::MOVE_KEYS) follow them.
#[rustfmt::skip]
const OWN_KEYS: &[KeyBinding<Cmd>] = &[
    KeyBinding { keys: &[Key::Code(KeyCode::Enter), Key::Char('l')], command: Cmd::Open, help: i18n::DASH_KEY_OPEN },
    KeyBinding { keys: &[Key::Char('/')], command: Cmd::FindTeacher, help: i18n::DASH_KEY_FIND },
    keymap::back_key(Cmd::Back),
];

const KEYS: ListKeys<Cmd> = ListKeys::new(OWN_KEYS, Cmd::Move);

/// Rows listed at most per section.
const SECTION_LIMIT: usize = 50;
/// How far ahead "coming sessions" looks.
const COMING_DAYS: u64 = 7;

/// One list of sessions.
struct Section {
    title: Msg,
    /// Rows in the database (may exceed `rows.len()`).
    total: i64,
    rows: Vec<SessionLine>,
    empty: Msg,
    /// Show the date (not only the times).
    dated: bool,
}

#[derive(Default)]
pub struct DashboardScreen {
    figures: Figures,
    sections: Vec<Section>,
    /// Index into the sessions of all sections, in order.
    cursor: usize,
    /// False until the first reload (the first frame is drawn before any query).
    loaded: bool,
}

impl DashboardScreen {
    pub fn new() -> Self {
        Self::default()
    }

    fn session_count(&self) -> usize {
        self.sections.iter().map(|s| s.rows.len()).sum()
    }

    fn session_at(&self, mut i: usize) -> Option<&SessionLine> {
        for s in &self.sections {
            if i < s.rows.len() {
                return s.rows.get(i);
            }
            i -= s.rows.len();
        }
        None
    }

    fn figure_lines(&self, ctx: &Ctx, w: usize) -> Vec<Line<'static>> {
        let f = &self.figures;
        let th = ctx.theme;
        let veto = ctx.tf(i18n::DASH_VETOES, &[&f.veto_year]);
        let alarm = |n: i64, s: Style| if n > 0 { s } else { th.ok() };
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
                alarm(f.vetoes_this_year, th.bad()),
            ),
            (
                ctx.t(i18n::DASH_OVERDUE).into(),
                f.overdue_follow_ups,
                alarm(f.overdue_follow_ups, th.warn()),
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
        dated: bool,
        selected: bool,
        w: usize,
        ctx: &Ctx,
    ) -> Line<'static> {
        let th = ctx.theme;
        let when = if dated {
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
        let base = if selected { th.selected() } else { th.base() };
        let count_style = if selected {
            base
        } else if s.enrolled > 0 && s.checked_in >= s.enrolled {
            th.ok()
        } else {
            th.muted()
        };
        // An indent, when, the title (cut with "…" by the table's one rule), the counter.
        let cols = Columns::fit(
            w,
            &[
                Column::fixed(1),
                Column::fixed(width(&when)),
                Column::flex(1, 1),
                Column::fixed(counter_w).right(),
            ],
        );
        let cells = vec![
            Cell::text(""),
            Cell::text(when),
            Cell::text(title),
            Cell::styled(counter, count_style),
        ];
        if selected {
            cols.bar(cells, base)
        } else {
            cols.line(cells, base, base)
        }
    }
}

impl Screen for DashboardScreen {
    fn title(&self) -> Msg {
        i18n::TAB_DASHBOARD
    }

    fn help(&self) -> Vec<HelpEntry> {
        KEYS.help()
    }

    fn handle_key(&mut self, key: KeyEvent, _ctx: &Ctx) -> Option<Action> {
        match KEYS.lookup(&key)? {
            Cmd::Move(m) => {
                self.cursor = keymap::apply_move(self.cursor, self.session_count(), 10, m)
            }
            Cmd::Open => {
                return self
                    .session_at(self.cursor)
                    .map(|s| Action::Open(Target::Session(s.id)))
            }
            Cmd::FindTeacher => return Some(Action::Open(Target::TeacherSearch(String::new()))),
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
        let today = q::sessions_on(conn, ctx.today())?;
        let (not_taken, not_taken_total) = q::registers_not_taken(conn, ctx.now, SECTION_LIMIT)?;
        let (coming, coming_total) =
            q::sessions_after(conn, ctx.today(), COMING_DAYS, SECTION_LIMIT)?;
        self.sections = vec![
            Section {
                title: i18n::DASH_TODAY,
                total: today.len() as i64,
                rows: today,
                empty: i18n::DASH_NO_SESSIONS,
                dated: false,
            },
            Section {
                title: i18n::DASH_NOT_TAKEN,
                total: not_taken_total,
                rows: not_taken,
                empty: i18n::DASH_ALL_TAKEN,
                dated: true,
            },
            Section {
                title: i18n::DASH_COMING,
                total: coming_total,
                rows: coming,
                empty: i18n::DASH_NONE_COMING,
                dated: true,
            },
        ];
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
        let height = area.height as usize;
        let mut lines = self.figure_lines(ctx, w);
        if self.figures.teachers == 0 && self.figures.schools == 0 {
            // A new database: say how to start instead of a page of zeros.
            for m in [i18n::DASH_FIRST_RUN, i18n::DASH_FIRST_RUN_DEMO] {
                lines.push(Line::from(Span::styled(
                    format!(" {}", ctx.t(m)),
                    th.warn(),
                )));
            }
        }
        // Each section gets its title line, then rows while there is room; the cursor's row
        // is kept visible by starting its section further down.
        let mut offset = 0;
        let n = self.sections.len();
        for (k, sec) in self.sections.iter().enumerate() {
            lines.push(Line::from(""));
            lines.push(Line::from(Span::styled(
                format!(" {} ({})", ctx.t(sec.title), sec.total),
                th.title(),
            )));
            // Leave two lines for each later section's title.
            let reserve = (n - k - 1) * 3;
            let room = height.saturating_sub(lines.len() + reserve).max(1);
            if sec.rows.is_empty() {
                lines.push(Line::from(Span::styled(
                    format!("  {}", ctx.t(sec.empty)),
                    th.muted(),
                )));
            } else {
                let later_rows: usize = self.sections[k + 1..]
                    .iter()
                    .map(|s| s.rows.len().min(3))
                    .sum();
                let take = if k + 1 == n {
                    room
                } else {
                    sec.rows
                        .len()
                        .min(room.saturating_sub(later_rows).max(room / 2).max(1))
                };
                let local = self
                    .cursor
                    .checked_sub(offset)
                    .filter(|c| *c < sec.rows.len());
                let first = local.map_or(0, |c| c.saturating_sub(take.saturating_sub(1)));
                for (i, s) in sec.rows.iter().enumerate().skip(first).take(take) {
                    lines.push(self.session_line(s, sec.dated, local == Some(i), w, ctx));
                }
            }
            offset += sec.rows.len();
        }
        frame.render_widget(Paragraph::new(lines).style(th.base()), area);
    }
}
