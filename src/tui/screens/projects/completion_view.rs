//! Drawing the completion review: the project's facts, the counts, the follow-ups completers
//! will owe, the warnings (refusals in the bad colour), then one row per enrolled teacher
//! (completers first) with attended/sessions, share and result, and the keys at the bottom.

use super::completion::{warning_text, CompletionView};
use crate::tui::i18n;
use crate::tui::overlays::centred;
use crate::tui::screen::Ctx;
use crate::tui::widgets::table::{Cell, Column, Columns};
use crate::tui::widgets::text::{truncate, width};
use crate::tui::widgets::window::window;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

/// "12" for whole numbers, "4.5" otherwise.
pub fn credits_text(c: f64) -> String {
    if c.fract() == 0.0 {
        format!("{c:.0}")
    } else {
        format!("{c}")
    }
}

impl CompletionView {
    pub fn render(&mut self, frame: &mut Frame, area: Rect, ctx: &Ctx) {
        let th = ctx.theme;
        // Facts, counts, follow-ups, warnings, header, rows, footer, and the border.
        let want = 5 + self.review.warnings.len() + self.order.len() + 3;
        let r = centred(frame, area, 78, area.height.min(want.max(12) as u16));
        let p = &self.review.project;
        let title = ctx.tf(i18n::CP_TITLE, &[&p.code, &p.title]);
        let inner_w = r.width.saturating_sub(2) as usize;
        let title = format!(" {} ", truncate(&title, inner_w.saturating_sub(2)));
        let inner = window(frame, r, Span::styled(title, th.title()), th.border());
        if inner.height < 4 || inner.width < 20 {
            return;
        }
        let w = inner.width as usize;
        let mut lines = self.head(w, ctx);
        let cols = columns(w, ctx);
        let titles = [
            i18n::CP_COL_NAME,
            i18n::CP_COL_SCHOOL,
            i18n::CP_COL_ATTENDED,
            i18n::CP_COL_SHARE,
            i18n::CP_COL_RESULT,
        ]
        .map(|t| ctx.t(t));
        lines.push(cols.header(&titles, th.muted()));
        let rows_h = (inner.height as usize).saturating_sub(lines.len() + 1);
        self.page = rows_h.max(1);
        self.scroll = self.scroll.min(self.order.len().saturating_sub(self.page));
        let sessions = self.review.sessions;
        for t in self.rows().skip(self.scroll).take(rows_h) {
            let (result, style) = if t.completes {
                (ctx.t(i18n::CP_COMPLETES), th.ok())
            } else {
                (ctx.t(i18n::CP_NOT_COMPLETE), th.bad())
            };
            let cells = vec![
                Cell::text(t.name.clone()),
                Cell::text(t.school.clone()),
                Cell::text(format!("{}/{}", t.attended, sessions)),
                Cell::text(format!("{:.0}%", t.share_pct(sessions).floor())),
                Cell::styled(result, style),
            ];
            lines.push(cols.line(cells, th.base(), th.base()));
        }
        frame.render_widget(Paragraph::new(lines), inner);
        let (footer, style) = if self.review.refusal().is_some() {
            (ctx.t(i18n::CP_FOOTER_BLOCKED), th.bad())
        } else {
            (ctx.t(i18n::CP_FOOTER), th.muted())
        };
        frame.render_widget(
            Paragraph::new(Span::styled(truncate(footer, w), style)),
            Rect {
                y: inner.bottom().saturating_sub(1),
                height: 1,
                ..inner
            },
        );
    }

    /// The project's facts, the counts, the follow-ups completers will owe, the warnings.
    fn head(&self, w: usize, ctx: &Ctx) -> Vec<Line<'static>> {
        let th = ctx.theme;
        let zh = ctx.zh();
        let p = &self.review.project;
        let tag = if p.concentrated {
            ctx.t(i18n::CP_CONCENTRATED_TAG)
        } else {
            ""
        };
        let facts = ctx.tf(
            i18n::CP_FACTS,
            &[
                &self.review.sessions,
                &p.threshold_pct,
                &credits_text(p.credits),
                &tag,
            ],
        );
        let mut head = vec![
            Line::from(Span::styled(truncate(&facts, w), th.base())),
            Line::from(Span::styled(
                ctx.tf(
                    i18n::CP_COUNTS,
                    &[&self.review.completers, &self.review.non_completers],
                ),
                th.accent(),
            )),
        ];
        let kinds: Vec<String> = self
            .review
            .follow_up_kinds
            .iter()
            .map(|(k, d)| ctx.tf(i18n::CP_FOLLOW_UP_ITEM, &[&k.label(zh), d]))
            .collect();
        let kinds = if kinds.is_empty() {
            ctx.t(i18n::CP_NO_FOLLOW_UPS).to_string()
        } else {
            kinds.join(if zh { "、" } else { ", " })
        };
        head.push(Line::from(Span::styled(
            truncate(&ctx.tf(i18n::CP_FOLLOW_UPS, &[&kinds]), w),
            th.muted(),
        )));
        for warning in &self.review.warnings {
            let style = if warning.blocks() {
                th.bad()
            } else {
                th.warn()
            };
            head.push(Line::from(Span::styled(
                truncate(&format!("! {}", warning_text(ctx, warning)), w),
                style,
            )));
        }
        head
    }
}

/// Name, school, attended/sessions, share, result; the school takes what is left.
fn columns(w: usize, ctx: &Ctx) -> Columns {
    let res_w = width(ctx.t(i18n::CP_COMPLETES))
        .max(width(ctx.t(i18n::CP_NOT_COMPLETE)))
        .max(width(ctx.t(i18n::CP_COL_RESULT)));
    let (name_w, att_w, share_w) = (10, 8, 5);
    let school_w = w
        .saturating_sub(name_w + att_w + share_w + res_w + 4)
        .max(4);
    Columns::fit(
        w,
        &[
            Column::fixed(name_w),
            Column::fixed(school_w),
            Column::fixed(att_w).right(),
            Column::fixed(share_w).right(),
            Column::fixed(res_w),
        ],
    )
}
