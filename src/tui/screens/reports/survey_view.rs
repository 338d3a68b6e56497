//! Drawing the needs survey (survey.rs): the title with the response rate, the filter, the
//! topics with bars (the cursor's row is what Enter drafts), and beside them the answers by
//! stage, preferred form and subject; the keys on the last line.

use super::survey::SurveyView;
use crate::domain::survey::response_rate;
use crate::tui::i18n::{self, Lang};
use crate::tui::screen::Ctx;
use crate::tui::widgets::bars::bar;
use crate::tui::widgets::table::{Cell, Column, Columns, ListTable};
use crate::tui::widgets::text::truncate;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

const TOPICS: &[Column] = &[
    Column::flex(8, 3),
    Column::fixed(5).right(),
    Column::flex(6, 2),
];
const SIDE: &[Column] = &[
    Column::flex(6, 3),
    Column::fixed(5).right(),
    Column::flex(4, 2),
];

impl SurveyView {
    pub(super) fn render(&mut self, frame: &mut Frame, area: Rect, ctx: &Ctx) {
        let th = ctx.theme;
        let w = area.width as usize;
        let zh = ctx.lang == Lang::Zh;
        let keys = Line::from(Span::styled(truncate(ctx.t(i18n::SV_KEYS), w), th.muted()));
        let last = Rect {
            y: area.y + area.height.saturating_sub(1),
            height: 1,
            ..area
        };
        frame.render_widget(Paragraph::new(keys), last);
        let Some(survey) = self.survey() else {
            let empty = Line::from(Span::styled(truncate(ctx.t(i18n::SV_EMPTY), w), th.muted()));
            frame.render_widget(Paragraph::new(empty), Rect { height: 1, ..area });
            return;
        };
        let s = &self.summary;
        let rate = response_rate(s.respondents, s.in_service)
            .map(|r| format!("{:.1}%", r * 100.0))
            .unwrap_or_else(|| "-".into());
        let title = ctx.tf(i18n::SV_TITLE, &[&survey.title, &survey.held_on]);
        let all = ctx.t(i18n::SV_ALL);
        let subject = self.filter.subject.as_deref().unwrap_or(all);
        let stage = self.filter.stage.map_or(all, |s| s.label(zh));
        let filter = ctx.tf(
            i18n::SV_FILTER,
            &[&s.respondents, &s.in_service, &rate, &subject, &stage],
        );
        let head = vec![
            Line::from(Span::styled(truncate(&title, w), th.title())),
            Line::from(Span::styled(truncate(&filter, w), th.accent())),
        ];
        frame.render_widget(Paragraph::new(head), Rect { height: 2, ..area });
        let body_h = area.height.saturating_sub(3);
        let (left_w, side_w) = if w >= 60 {
            let l = w * 11 / 20;
            (l, w - l - 1)
        } else {
            (w, 0)
        };
        let body = Rect {
            y: area.y + 2,
            height: body_h,
            width: left_w as u16,
            ..area
        };
        self.render_topics(frame, body, ctx);
        if side_w > 0 {
            let side = Rect {
                x: area.x + left_w as u16 + 1,
                y: area.y + 2,
                width: side_w as u16,
                height: body_h,
            };
            self.render_side(frame, side, ctx);
        }
    }

    fn render_topics(&mut self, frame: &mut Frame, area: Rect, ctx: &Ctx) {
        let th = ctx.theme;
        let cols = Columns::fit(area.width as usize, TOPICS);
        let header = cols.header(
            &[ctx.t(i18n::SV_COL_TOPIC), ctx.t(i18n::SV_COL_ASKED), ""],
            th.accent(),
        );
        let rows = &self.summary.by_topic;
        let max = rows.first().map_or(0, |(_, n)| *n) as f64;
        let cursor = self.list.cursor;
        let bar_w = cols.width(2);
        let table = ListTable::new(rows.len(), |i| {
            let (topic, n) = &rows[i];
            let base = if i == cursor {
                th.selected()
            } else {
                th.base()
            };
            cols.bar(
                vec![
                    Cell::text(topic.clone()),
                    Cell::text(n.to_string()),
                    Cell::styled(bar(*n as f64, max, bar_w, ' '), th.accent()),
                ],
                base,
            )
        })
        .header(header)
        .empty(Line::from(Span::styled(
            ctx.t(i18n::SV_NO_TOPICS),
            th.muted(),
        )))
        .style(th.base());
        frame.render_stateful_widget(table, area, &mut self.list);
    }

    /// By stage, by preferred form, by subject: as many rows as fit.
    fn render_side(&self, frame: &mut Frame, area: Rect, ctx: &Ctx) {
        let th = ctx.theme;
        let zh = ctx.lang == Lang::Zh;
        let cols = Columns::fit(area.width as usize, SIDE);
        let s = &self.summary;
        let none = ctx.t(i18n::SV_NONE);
        let sections: [(i18n::Msg, Vec<(String, i64)>); 3] = [
            (
                i18n::SV_STAGES,
                s.by_stage
                    .iter()
                    .map(|(st, n)| (st.map_or(none, |x| x.label(zh)).to_string(), *n))
                    .collect(),
            ),
            (
                i18n::SV_FORMS,
                s.by_form
                    .iter()
                    .map(|(f, n)| (f.label(zh).to_string(), *n))
                    .collect(),
            ),
            (
                i18n::SV_SUBJECTS,
                s.by_subject
                    .iter()
                    .map(|(x, n)| (if x.is_empty() { none } else { x }.to_string(), *n))
                    .collect(),
            ),
        ];
        let bar_w = cols.width(2);
        let mut lines = Vec::new();
        for (heading, rows) in sections {
            lines.push(Line::from(Span::styled(
                truncate(ctx.t(heading), area.width as usize),
                th.accent(),
            )));
            let max = rows.iter().map(|(_, n)| *n).max().unwrap_or(0) as f64;
            for (label, n) in rows {
                lines.push(cols.line(
                    vec![
                        Cell::text(label),
                        Cell::text(n.to_string()),
                        Cell::styled(bar(n as f64, max, bar_w, ' '), th.accent()),
                    ],
                    th.base(),
                    th.base(),
                ));
            }
        }
        lines.truncate(area.height as usize);
        frame.render_widget(Paragraph::new(lines), area);
    }
}
