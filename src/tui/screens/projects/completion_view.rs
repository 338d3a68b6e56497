//! Drawing the completion review: the project's facts, the counts, the follow-ups completers
//! will owe, the warnings (refusals in the bad colour), then one row per enrolled teacher
//! (completers first) with attended/sessions, share and result, and the keys at the bottom.

use super::completion::{warning_text, CompletionView};
use crate::tui::i18n;
use crate::tui::overlays::centred;
use crate::tui::screen::Ctx;
use crate::tui::widgets::text::{pad, pad_left, truncate, width};
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
        let zh = ctx.zh();
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
        let tag = if p.concentrated {
            ctx.t(i18n::CP_CONCENTRATED_TAG)
        } else {
            ""
        };
        let mut head: Vec<Line> = Vec::new();
        head.push(Line::from(Span::styled(
            truncate(
                &ctx.tf(
                    i18n::CP_FACTS,
                    &[
                        &self.review.sessions,
                        &p.threshold_pct,
                        &credits_text(p.credits),
                        &tag,
                    ],
                ),
                w,
            ),
            th.base(),
        )));
        head.push(Line::from(Span::styled(
            ctx.tf(
                i18n::CP_COUNTS,
                &[&self.review.completers, &self.review.non_completers],
            ),
            th.accent(),
        )));
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
        // Columns: name, school, attended/sessions, share, result.
        let res_w = width(ctx.t(i18n::CP_COMPLETES))
            .max(width(ctx.t(i18n::CP_NOT_COMPLETE)))
            .max(width(ctx.t(i18n::CP_COL_RESULT)));
        let (name_w, att_w, share_w) = (10, 8, 5);
        let school_w = w
            .saturating_sub(name_w + att_w + share_w + res_w + 4)
            .max(4);
        let row_text = |a: &str, b: &str, c: &str, d: &str| {
            format!(
                "{} {} {} {} ",
                pad(a, name_w),
                pad(b, school_w),
                pad_left(c, att_w),
                pad_left(d, share_w),
            )
        };
        head.push(Line::from(Span::styled(
            row_text(
                ctx.t(i18n::CP_COL_NAME),
                ctx.t(i18n::CP_COL_SCHOOL),
                ctx.t(i18n::CP_COL_ATTENDED),
                ctx.t(i18n::CP_COL_SHARE),
            ) + ctx.t(i18n::CP_COL_RESULT),
            th.muted(),
        )));
        let rows_h = (inner.height as usize).saturating_sub(head.len() + 1);
        self.page = rows_h.max(1);
        self.scroll = self.scroll.min(self.order.len().saturating_sub(self.page));
        let sessions = self.review.sessions;
        let mut lines = head;
        for t in self.rows().skip(self.scroll).take(rows_h) {
            let (result, style) = if t.completes {
                (ctx.t(i18n::CP_COMPLETES), th.ok())
            } else {
                (ctx.t(i18n::CP_NOT_COMPLETE), th.bad())
            };
            let attended = format!("{}/{}", t.attended, sessions);
            let share = format!("{:.0}%", t.share_pct(sessions).floor());
            lines.push(Line::from(vec![
                Span::styled(row_text(&t.name, &t.school, &attended, &share), th.base()),
                Span::styled(result.to_string(), style),
            ]));
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
}
