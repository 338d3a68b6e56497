//! Drawing the Feedback window: response rate, one row per question (average and a stacked
//! bar of the ratings 5 → 1 with their counts), the trainers' averages, then the comments.

use super::feedback::FeedbackView;
use crate::domain::feedback::Question;
use crate::store::feedback::FeedbackSummary;
use crate::tui::i18n;
use crate::tui::overlays::centred;
use crate::tui::screen::Ctx;
use crate::tui::widgets::bars::stacked;
use crate::tui::widgets::table::{Cell, Column, Columns};
use crate::tui::widgets::text::truncate;
use crate::tui::widgets::window::window;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

/// The glyphs of ratings 5, 4, 3, 2, 1 in a distribution bar.
const GLYPHS: [char; 5] = ['█', '▓', '▒', '░', '·'];
const BAR_CELLS: usize = 20;

fn average(a: Option<f64>) -> String {
    a.map(|v| format!("{v:.1}")).unwrap_or_else(|| "-".into())
}

impl FeedbackView {
    pub fn render(&mut self, frame: &mut Frame, area: Rect, ctx: &Ctx) {
        let th = ctx.theme;
        let s = &self.summary;
        let r = centred(frame, area, 78, area.height);
        let title = ctx.tf(i18n::FB_TITLE, &[&self.code, &self.title]);
        let inner_w = r.width.saturating_sub(2) as usize;
        let title = format!(" {} ", truncate(&title, inner_w.saturating_sub(2)));
        let inner = window(frame, r, Span::styled(title, th.title()), th.border());
        if inner.height < 6 || inner.width < 30 {
            return;
        }
        let w = inner.width as usize;
        let rate = crate::domain::feedback::response_rate(s.respondents, s.attended)
            .map(|r| format!("{r:.0}%"))
            .unwrap_or_else(|| "-".into());
        let mut lines = vec![Line::from(Span::styled(
            truncate(
                &ctx.tf(i18n::FB_RATE, &[&rate, &s.respondents, &s.attended]),
                w,
            ),
            th.accent(),
        ))];
        lines.extend(question_rows(w, ctx, s));
        let trainers = if s.trainers.is_empty() {
            ctx.t(i18n::FB_NO_TRAINERS).to_string()
        } else {
            s.trainers
                .iter()
                .map(|(name, avg, n)| format!("{name} {avg:.1}({n})"))
                .collect::<Vec<_>>()
                .join(if ctx.zh() { "、" } else { ", " })
        };
        lines.push(Line::from(Span::styled(
            truncate(&ctx.tf(i18n::FB_TRAINERS, &[&trainers]), w),
            th.base(),
        )));
        lines.push(Line::from(Span::styled(
            truncate(&ctx.tf(i18n::FB_COMMENTS, &[&s.comments.len()]), w),
            th.muted(),
        )));
        let rows_h = (inner.height as usize).saturating_sub(lines.len() + 1);
        self.page = rows_h.max(1);
        if s.comments.is_empty() {
            lines.push(Line::from(Span::styled(
                ctx.t(i18n::FB_NO_COMMENTS),
                th.muted(),
            )));
        }
        for (name, text) in s.comments.iter().skip(self.scroll).take(rows_h) {
            let who = if name.is_empty() { "?" } else { name };
            let sep = if ctx.zh() { "：" } else { ": " };
            lines.push(Line::from(Span::styled(
                truncate(&format!("{who}{sep}{text}"), w),
                th.base(),
            )));
        }
        frame.render_widget(Paragraph::new(lines), inner);
        frame.render_widget(
            Paragraph::new(Span::styled(
                truncate(ctx.t(i18n::FB_FOOTER), w),
                th.muted(),
            )),
            Rect {
                y: inner.bottom().saturating_sub(1),
                height: 1,
                ..inner
            },
        );
    }
}

/// The header and one row per question: average, a stacked bar of ratings 5 → 1, the counts.
fn question_rows(w: usize, ctx: &Ctx, s: &FeedbackSummary) -> Vec<Line<'static>> {
    let th = ctx.theme;
    let cols = Columns::fit(
        w,
        &[
            Column::fixed(12),
            Column::fixed(4).right(),
            Column::fixed(BAR_CELLS),
            Column::flex(10, 1),
        ],
    );
    let titles = [
        i18n::FB_COL_QUESTION,
        i18n::FB_COL_AVERAGE,
        i18n::FB_COL_SPREAD,
        i18n::FB_COL_COUNTS,
    ]
    .map(|t| ctx.t(t));
    let mut lines = vec![cols.header(&titles, th.muted())];
    let bar_styles = [th.ok(), th.ok(), th.warn(), th.bad(), th.bad()];
    for (q, d) in Question::ALL.iter().zip(&s.questions) {
        let parts: Vec<(i64, char, _)> = (0..5)
            .map(|i| (d.counts[4 - i] as i64, GLYPHS[i], bar_styles[i]))
            .collect();
        let bar: String = stacked(&parts, BAR_CELLS)
            .iter()
            .map(|span| span.content.to_string())
            .collect();
        let counts = (0..5)
            .map(|i| format!("{}:{}", 5 - i, d.counts[4 - i]))
            .collect::<Vec<_>>()
            .join(" ");
        lines.push(cols.line(
            vec![
                Cell::text(q.label(ctx.zh())),
                Cell::text(average(d.average())),
                Cell::styled(bar, th.ok()),
                Cell::text(counts),
            ],
            th.base(),
            th.base(),
        ));
    }
    lines
}
