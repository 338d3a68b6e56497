//! The teachers short of their credits (Reports › `u`), by school and name: in an ended cycle
//! the 未达标 list, in a running one those behind. The cycle is the one of the report's year,
//! judged as of today (`CreditStanding::compliance`).

use crate::domain::credits::{cycle_of, Compliance, CreditStanding, Cycle};
use crate::error::Result;
use crate::store::export_rows::{self, CreditRow};
use crate::tui::i18n;
use crate::tui::keymap::{self, Move};
use crate::tui::screen::Ctx;
use crate::tui::widgets::table::{Cell, Column, Columns, ListState, ListTable};
use crate::tui::widgets::text::truncate;
use chrono::NaiveDate;
use crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

pub(super) struct ShortList {
    cycle: Cycle,
    ended: bool,
    rows: Vec<(CreditRow, Compliance)>,
    list: ListState,
}

const COLUMNS: &[Column] = &[
    Column::flex(10, 3),
    Column::fixed(9),
    Column::flex(6, 1),
    Column::fixed(6).right(),
    Column::fixed(6).right(),
    Column::fixed(8),
];

impl ShortList {
    /// The short teachers of the cycle containing the middle of `year`, as of `today`.
    pub(super) fn load(year: i32, ctx: &Ctx) -> Result<ShortList> {
        let s = ctx.settings;
        let mid = NaiveDate::from_ymd_opt(year, 7, 1).unwrap_or(ctx.today());
        let cycle = cycle_of(mid, s);
        let as_of = ctx.today().max(cycle.start());
        let mut rows = Vec::new();
        for r in export_rows::credits(ctx.conn(), None, cycle.start(), cycle.end())? {
            let st = CreditStanding {
                total: r.total,
                concentrated: r.concentrated,
                required_total: s.required_total,
                required_concentrated: s.required_concentrated,
                offer_total: s.yearly_offer_total,
                offer_concentrated: s.yearly_offer_concentrated,
            };
            let c = st.compliance(&cycle, as_of);
            if c.is_short() {
                rows.push((r, c));
            }
        }
        Ok(ShortList {
            cycle,
            ended: cycle.ended(as_of),
            rows,
            list: ListState::default(),
        })
    }

    /// Esc closes (true); the list keys move.
    pub(super) fn handle_key(&mut self, key: KeyEvent) -> bool {
        if key.code == KeyCode::Esc {
            return true;
        }
        if let Some(m) = keymap::lookup(keymap::MOVE_KEYS, &key) {
            self.move_by(m);
        }
        false
    }

    fn move_by(&mut self, m: Move) {
        self.list.cursor = keymap::apply_move(self.list.cursor, self.rows.len(), self.list.page, m);
    }

    pub(super) fn render(&mut self, frame: &mut Frame, area: Rect, ctx: &Ctx) {
        let th = ctx.theme;
        let w = area.width as usize;
        let title = if self.ended {
            i18n::SL_TITLE_ENDED
        } else {
            i18n::SL_TITLE_RUNNING
        };
        let title = ctx.tf(title, &[&self.cycle.label(), &self.rows.len()]);
        frame.render_widget(
            Paragraph::new(Line::from(Span::styled(truncate(&title, w), th.title()))),
            Rect { height: 1, ..area },
        );
        let cols = Columns::fit(w, COLUMNS);
        let titles = [
            ctx.t(i18n::CQ_COL_SCHOOL),
            ctx.t(i18n::SL_COL_STAFF_NO),
            ctx.t(i18n::CQ_COL_TEACHER),
            ctx.t(i18n::SL_COL_TOTAL),
            ctx.t(i18n::SL_COL_CONCENTRATED),
            ctx.t(i18n::SL_COL_STATUS),
        ];
        let header = cols.header(&titles, th.accent());
        let body = Rect {
            y: area.y + 1,
            height: area.height.saturating_sub(1),
            ..area
        };
        let rows = &self.rows;
        let cursor = self.list.cursor;
        let zh = ctx.lang == i18n::Lang::Zh;
        let table = ListTable::new(rows.len(), |i| {
            let (r, c) = &rows[i];
            let base = if i == cursor {
                th.selected()
            } else {
                th.base()
            };
            let status = if zh { c.zh() } else { c.en() };
            cols.bar(
                vec![
                    Cell::text(r.school.clone()),
                    Cell::text(r.staff_no.clone()),
                    Cell::text(r.name.clone()),
                    Cell::text(format!("{}", r.total)),
                    Cell::text(format!("{}", r.concentrated)),
                    Cell::styled(status, th.bad()),
                ],
                base,
            )
        })
        .header(header)
        .empty(Line::from(Span::styled(ctx.t(i18n::SL_EMPTY), th.muted())))
        .style(th.base());
        frame.render_stateful_widget(table, body, &mut self.list);
    }
}
