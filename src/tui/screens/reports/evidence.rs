//! The evidence list of one school report figure (Enter on a cell): which teachers and which
//! sessions make the number, in a scrollable pane over the table; Esc closes it.

use super::table::Column;
use crate::domain::{FollowUpKind, FollowUpStatus, Status};
use crate::error::Result;
use crate::store::report_evidence::{evidence, Figure};
use crate::tui::i18n::{self, Msg};
use crate::tui::keymap::{self, Move};
use crate::tui::screen::Ctx;
use crate::tui::widgets::table::{self, Cell, Columns, ListState, ListTable};
use chrono::NaiveDate;
use crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

/// The figure a column shows, when it has an evidence list.
pub fn figure_of(col: Column) -> Option<Figure> {
    match col {
        Column::Sent => Some(Figure::Sent),
        Column::Attendance => Some(Figure::Attendance),
        Column::Vetoes => Some(Figure::Vetoes),
        Column::FollowUps => Some(Figure::FollowUps),
        Column::CreditsMet => Some(Figure::CreditsMet),
        Column::CreditsBehind => Some(Figure::CreditsBehind),
        Column::School | Column::Township => None,
    }
}

pub struct EvidenceView {
    title: String,
    figure: Figure,
    rows: Vec<Vec<String>>,
    cursor: usize,
    page: usize,
}

impl EvidenceView {
    pub fn open(
        ctx: &Ctx,
        figure: Figure,
        school: (i64, &str),
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<EvidenceView> {
        let zh = ctx.zh();
        if matches!(figure, Figure::CreditsMet | Figure::CreditsBehind) {
            return Self::credits(ctx, figure, school, from, to);
        }
        let mut rows = evidence(ctx.conn(), figure, school.0, from, to)?;
        for r in &mut rows {
            let decode = |code: &str, label: Option<&'static str>| {
                label.map_or_else(|| code.to_string(), str::to_string)
            };
            match figure {
                Figure::Vetoes => r[4] = decode(&r[4], Status::parse(&r[4]).map(|s| s.label(zh))),
                Figure::FollowUps => {
                    r[3] = decode(&r[3], FollowUpKind::parse(&r[3]).map(|k| k.label(zh)));
                    r[4] = decode(&r[4], FollowUpStatus::parse(&r[4]).map(|s| s.label(zh)));
                }
                Figure::Sent | Figure::Attendance | Figure::CreditsMet | Figure::CreditsBehind => {}
            }
        }
        let what = ctx.t(match figure {
            Figure::Sent => i18n::COL_PLACES,
            Figure::Attendance => i18n::COL_ATTENDANCE_RATE,
            Figure::Vetoes => i18n::COL_VETO_COUNT,
            Figure::FollowUps => i18n::COL_FOLLOW_RATE,
            Figure::CreditsMet => i18n::COL_CREDITS_MET,
            Figure::CreditsBehind => i18n::COL_CREDITS_BEHIND,
        });
        let title = ctx.tf(i18n::REP_EVIDENCE_TITLE, &[&school.1, &what, &rows.len()]);
        Ok(EvidenceView {
            title,
            figure,
            rows,
            cursor: 0,
            page: 10,
        })
    }

    /// The school's teachers of a credit figure: the cycle the report judges (the one of the
    /// report's year, as of today, as `ReportsScreen::load` takes it), each teacher's standing
    /// from the domain rule, those of the figure kept.
    fn credits(
        ctx: &Ctx,
        figure: Figure,
        school: (i64, &str),
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<EvidenceView> {
        use crate::domain::credits::{cycle_of, Compliance, CreditStanding};
        let s = ctx.settings;
        let cycle = cycle_of(to.min(ctx.today()).max(from), s);
        let as_of = ctx.today().max(from);
        let mut rows = evidence(ctx.conn(), figure, school.0, cycle.start(), cycle.end())?;
        rows.retain_mut(|r| {
            let credits = |i: usize| r[i].parse::<f64>().unwrap_or(0.0);
            let standing = CreditStanding {
                total: credits(2),
                concentrated: credits(3),
                required_total: s.required_total,
                required_concentrated: s.required_concentrated,
                offer_total: s.yearly_offer_total,
                offer_concentrated: s.yearly_offer_concentrated,
            };
            let c = standing.compliance(&cycle, as_of);
            let keep = match figure {
                Figure::CreditsMet => c == Compliance::Met,
                _ => c.is_short(),
            };
            r[4] = if ctx.zh() { c.zh() } else { c.en() }.to_string();
            keep
        });
        let what = ctx.t(match figure {
            Figure::CreditsMet => i18n::COL_CREDITS_MET,
            _ => i18n::COL_CREDITS_BEHIND,
        });
        let title = ctx.tf(i18n::REP_EVIDENCE_TITLE, &[&school.1, &what, &rows.len()]);
        Ok(EvidenceView {
            title,
            figure,
            rows,
            cursor: 0,
            page: 10,
        })
    }

    /// Moves; true when the pane closes (Esc, Enter, q).
    pub fn handle_key(&mut self, key: &KeyEvent) -> bool {
        let m = match key.code {
            KeyCode::Esc | KeyCode::Enter | KeyCode::Char('q') => return true,
            KeyCode::Down | KeyCode::Char('j') => Move::Down,
            KeyCode::Up | KeyCode::Char('k') => Move::Up,
            KeyCode::PageDown => Move::PageDown,
            KeyCode::PageUp => Move::PageUp,
            KeyCode::Home | KeyCode::Char('g') => Move::Top,
            KeyCode::End | KeyCode::Char('G') => Move::Bottom,
            _ => return false,
        };
        self.cursor = keymap::apply_move(self.cursor, self.rows.len(), self.page.max(1), m);
        false
    }

    fn headers(&self) -> [Msg; 5] {
        match self.figure {
            Figure::Sent => [
                i18n::REP_EV_PROJECT,
                i18n::REP_EV_START,
                i18n::COL_NAME,
                i18n::COL_STAFF_NO,
                i18n::PL_COL_PLACES,
            ],
            Figure::Attendance => [
                i18n::REP_EV_DATE,
                i18n::REP_EV_TIME,
                i18n::REP_EV_PROJECT,
                i18n::REP_EV_ATTENDED,
                i18n::REP_EV_BLANK,
            ],
            Figure::Vetoes => [
                i18n::COL_NAME,
                i18n::COL_STAFF_NO,
                i18n::REP_EV_DATE,
                i18n::REP_EV_PROJECT,
                i18n::REP_EV_STATUS,
            ],
            Figure::FollowUps => [
                i18n::COL_NAME,
                i18n::COL_STAFF_NO,
                i18n::REP_EV_DUE,
                i18n::REP_EV_KIND,
                i18n::REP_EV_STATUS,
            ],
            Figure::CreditsMet | Figure::CreditsBehind => [
                i18n::COL_NAME,
                i18n::COL_STAFF_NO,
                i18n::SL_COL_TOTAL,
                i18n::SL_COL_CONCENTRATED,
                i18n::SL_COL_STATUS,
            ],
        }
    }

    pub fn render(&mut self, frame: &mut Frame, area: Rect, ctx: &Ctx) {
        let th = ctx.theme;
        frame.render_widget(
            Paragraph::new(Line::from(vec![
                Span::styled(self.title.clone(), th.title()),
                Span::styled(format!("  {}", ctx.t(i18n::REP_EV_KEYS)), th.muted()),
            ])),
            Rect { height: 1, ..area },
        );
        let body = Rect {
            y: area.y + 1,
            height: area.height.saturating_sub(1),
            ..area
        };
        let cols = Columns::fit(
            body.width as usize,
            &[
                table::Column::flex(10, 2),
                table::Column::flex(8, 1),
                table::Column::flex(10, 2),
                table::Column::flex(8, 1),
                table::Column::flex(6, 1),
            ],
        );
        let titles: Vec<&str> = self.headers().iter().map(|h| ctx.t(*h)).collect();
        let mut list = ListState {
            cursor: self.cursor,
            page: self.page,
        };
        let me: &EvidenceView = self;
        let table = ListTable::new(me.rows.len(), |i| {
            let base = if i == me.cursor {
                th.selected()
            } else {
                th.base()
            };
            let cells = me.rows[i].iter().map(|c| Cell::text(c.clone())).collect();
            cols.bar(cells, base)
        })
        .header(cols.header(&titles, th.accent()))
        .empty(Line::from(Span::styled(ctx.t(i18n::NO_ROWS), th.muted())))
        .style(th.base());
        frame.render_stateful_widget(table, body, &mut list);
        self.page = list.page;
    }
}

impl super::ReportsScreen {
    /// Enter: the evidence of the chosen figure for the selected school.
    pub(super) fn open_evidence(&mut self, ctx: &Ctx) -> Option<crate::tui::action::Action> {
        use crate::tui::action::Action;
        let i = *self.shown.get(self.cursor)?;
        let Some(figure) = figure_of(self.figure) else {
            return Some(Action::Fail(ctx.t(i18n::REP_EV_NO_LIST).to_string()));
        };
        let (from, to) = crate::domain::veto::veto_year_range(
            self.year(ctx),
            ctx.settings.veto_year_start_month,
        );
        let r = &self.rows[i];
        match EvidenceView::open(ctx, figure, (r.school_id, &r.school), from, to) {
            Ok(v) => self.evidence = Some(v),
            Err(e) => {
                return Some(Action::Fail(
                    ctx.tf(i18n::ERROR_PREFIX, &[&e.text(ctx.lang)]),
                ))
            }
        }
        None
    }
}
