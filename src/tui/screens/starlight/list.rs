//! The Starlight tab's list: search line, status filter, count, and one row per trainer
//! (name, school, status, the six levels in compact form, sessions taught).

use super::{detail, StarlightScreen};
use crate::domain::TrainerStatus;
use crate::store::trainer_list::TrainerLine;
use crate::tui::i18n;
use crate::tui::screen::Ctx;
use crate::tui::widgets::list::{first_visible, header_line, header_row};
use crate::tui::widgets::text::{layout_columns, pad, pad_left, truncate, width};
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
        // Columns: name, school, status, six levels, sessions taught.
        let status_w = TrainerStatus::ALL
            .iter()
            .map(|s| width(s.label(zh)))
            .max()
            .unwrap_or(8);
        let taught_w = width(ctx.t(i18n::COL_TAUGHT)).max(4);
        let widths = layout_columns(
            area.width as usize,
            &[(8, 1), (12, 2), (status_w, 0), (11, 0), (taught_w, 0)],
            1,
        );
        let headers = [
            i18n::COL_NAME,
            i18n::COL_SCHOOL,
            i18n::COL_STATUS,
            i18n::COL_SIX_LEVELS,
            i18n::COL_TAUGHT,
        ];
        // Sessions taught is a number: right-aligned.
        let header = header_line(ctx, &headers, &widths, |i| i == 4);
        self.rows_area = header_row(frame, area, 1, header);
        self.page = (self.rows_area.height as usize).max(1);
        self.first = first_visible(self.cursor, self.page);
        let mut lines = Vec::new();
        if self.shown.is_empty() {
            let msg = if self.rows.is_empty() {
                i18n::SL_NONE_YET
            } else {
                i18n::SL_NO_MATCH
            };
            lines.push(Line::from(Span::styled(ctx.t(msg), th.muted())));
        }
        for (pos, i) in self
            .shown
            .iter()
            .enumerate()
            .skip(self.first)
            .take(self.page)
        {
            let r = &self.rows[*i];
            let t = &r.trainer;
            let selected = pos == self.cursor;
            let base = if selected { th.selected() } else { th.base() };
            let levels: Vec<String> = t.levels.iter().map(|l| l.to_string()).collect();
            let status_style = if selected {
                base
            } else {
                detail::status_style(t.status, ctx)
            };
            let cells = [
                (pad(&t.name, widths[0]), base),
                (pad(&r.school, widths[1]), base),
                (pad(t.status.label(zh), widths[2]), status_style),
                (pad(&levels.join(" "), widths[3]), base),
                (pad_left(&r.sessions_taught.to_string(), widths[4]), base),
            ];
            let mut spans = Vec::new();
            for ((text, style), w) in cells.into_iter().zip(&widths) {
                if *w > 0 {
                    spans.push(Span::styled(text, style));
                    spans.push(Span::styled(" ", base));
                }
            }
            let used: usize = widths.iter().filter(|w| **w > 0).map(|w| w + 1).sum();
            let total = area.width as usize;
            if used < total {
                spans.push(Span::styled(" ".repeat(total - used), base));
            }
            lines.push(Line::from(spans));
        }
        frame.render_widget(Paragraph::new(lines).style(th.base()), self.rows_area);
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
