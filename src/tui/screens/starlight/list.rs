//! The Starlight tab's list: search line, status filter, count, and one row per trainer
//! (name, school, status, the six levels in compact form, sessions taught).

use super::{detail, StarlightScreen};
use crate::domain::TrainerStatus;
use crate::store::trainer_list::TrainerLine;
use crate::tui::i18n;
use crate::tui::screen::Ctx;
use crate::tui::widgets::table::{Cell, Column, Columns, ListState, ListTable};
use crate::tui::widgets::text::{truncate, width};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

/// Does the trainer match `needle` (lower case): name, school, affiliation, staff number,
/// full pinyin (any reading, syllable marks ignored) or the start of the initials? `keys` are the name's pinyin keys.
pub fn trainer_matches(r: &TrainerLine, keys: &(String, String), needle: &str) -> bool {
    let (py, ini) = keys;
    r.trainer.name.contains(needle)
        || r.school.to_lowercase().contains(needle)
        || r.trainer.affiliation.to_lowercase().contains(needle)
        || r.staff_no
            .as_deref()
            .is_some_and(|s| s.to_lowercase().contains(needle))
        || py.split('|').any(|p| p.replace('\'', "").contains(needle))
        || ini.split('|').any(|p| p.starts_with(needle))
}

impl StarlightScreen {
    pub(super) fn render_list(&mut self, frame: &mut Frame, area: Rect, ctx: &Ctx) {
        let th = ctx.theme;
        let zh = ctx.zh();
        // Search line, status filter and count.
        let filter = ctx.tf(
            i18n::FILTER_STATUS,
            &[&self.status.map_or(ctx.t(i18n::FILTER_ALL), |s| s.label(zh))],
        );
        let count = ctx.tf(i18n::STAR_COUNT, &[&self.shown.len()]);
        let right = format!("{filter}  {count}");
        let rw = (width(&right) as u16 + 1).min(area.width);
        let search_area = Rect {
            height: 1,
            width: area.width.saturating_sub(rw),
            ..area
        };
        // Cut with "…" and a space before the filter, not run into it.
        let hint = truncate(
            &format!("/ {}", ctx.t(i18n::STAR_HINT)),
            (search_area.width as usize).saturating_sub(1),
        );
        let hint = Span::styled(hint, th.muted());
        self.search
            .render_search(frame, search_area, th, self.typing, hint);
        let right_area = Rect {
            x: area.right().saturating_sub(rw),
            width: rw,
            height: 1,
            ..area
        };
        frame.render_widget(Paragraph::new(Span::styled(right, th.muted())), right_area);
        let table_area = Rect {
            y: area.y + 1,
            height: area.height.saturating_sub(1),
            ..area
        };
        self.list(frame, table_area, ctx);
    }

    /// The header and one row per trainer shown: name, school, status, six levels, sessions
    /// taught.
    fn list(&mut self, frame: &mut Frame, area: Rect, ctx: &Ctx) {
        let th = ctx.theme;
        let status_w = TrainerStatus::ALL
            .iter()
            .map(|s| width(s.label(ctx.zh())))
            .max()
            .unwrap_or(8);
        let taught_w = width(ctx.t(i18n::COL_TAUGHT)).max(4);
        let cols = Columns::fit(
            area.width as usize,
            &[
                Column::flex(8, 1),
                Column::flex(12, 2),
                Column::fixed(status_w),
                Column::fixed(11),
                // Sessions taught is a number: right-aligned.
                Column::fixed(taught_w).right(),
            ],
        );
        let headers = [
            i18n::COL_NAME,
            i18n::COL_SCHOOL,
            i18n::COL_STATUS,
            i18n::COL_SIX_LEVELS,
            i18n::COL_TAUGHT,
        ];
        let titles: Vec<&str> = headers.iter().map(|h| ctx.t(*h)).collect();
        let msg = if self.rows.is_empty() {
            i18n::SL_NONE_YET
        } else {
            i18n::SL_NO_MATCH
        };
        let mut list = ListState {
            cursor: self.cursor,
            page: self.page,
        };
        let me: &StarlightScreen = self;
        let table = ListTable::new(me.shown.len(), |pos| me.row_line(pos, &cols, ctx))
            .header(cols.header(&titles, th.accent()))
            .empty(Line::from(Span::styled(ctx.t(msg), th.muted())))
            .style(th.base());
        frame.render_stateful_widget(table, area, &mut list);
        self.page = list.page.max(1);
        self.first = list.first();
        self.rows_area = Rect {
            y: area.y + 1,
            height: area.height.saturating_sub(1),
            ..area
        };
    }

    /// The trainer shown at position `pos`.
    fn row_line(&self, pos: usize, cols: &Columns, ctx: &Ctx) -> Line<'static> {
        let th = ctx.theme;
        let Some(r) = self.shown.get(pos).and_then(|i| self.rows.get(*i)) else {
            return Line::default();
        };
        let t = &r.trainer;
        let selected = pos == self.cursor;
        let base = if selected { th.selected() } else { th.base() };
        let levels: Vec<String> = t.levels.iter().map(|l| l.to_string()).collect();
        let status_style = if selected {
            base
        } else {
            detail::status_style(t.status, ctx)
        };
        let cells = vec![
            Cell::text(t.name.clone()),
            Cell::text(r.school.clone()),
            Cell::styled(t.status.label(ctx.zh()), status_style),
            Cell::text(levels.join(" ")),
            Cell::text(r.sessions_taught.to_string()),
        ];
        cols.bar(cells, base)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Trainer, TrainerStatus};

    fn line(name: &str, school: &str) -> TrainerLine {
        TrainerLine {
            trainer: Trainer {
                id: 1,
                teacher_id: None,
                name: name.into(),
                affiliation: school.into(),
                status: TrainerStatus::Certified,
                levels: [0; 6],
                joined_on: None,
            },
            school: school.into(),
            staff_no: Some("T0042".into()),
            sessions_taught: 0,
        }
    }

    #[test]
    fn matches_han_pinyin_initials_school_and_staff_number() {
        let l = line("曾小明", "西南大学");
        let keys = crate::search::keys::pinyin_keys("曾小明");
        for q in [
            "曾小",
            "zengxiao",
            "cengxiaoming",
            "zxm",
            "cx",
            "西南",
            "t0042",
        ] {
            assert!(trainer_matches(&l, &keys, q), "{q}");
        }
        for q in ["xm", "zhang", "t0043"] {
            assert!(!trainer_matches(&l, &keys, q), "{q}");
        }
    }
}
