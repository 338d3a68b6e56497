//! Drawing of the follow-up form: one line per field, the observer's trainer match under it,
//! and the keys (or what to fix) at the bottom.

use super::form::{FollowUpForm, HELD, OBSERVER, PLACE, RATING, STATUS, TITLE};
use crate::store::trainer_list::TrainerLine;
use crate::tui::i18n;
use crate::tui::screen::Ctx;
use crate::tui::widgets::text::{pad, truncate, width};
use crate::tui::widgets::window::window;
use ratatui::layout::Rect;
use ratatui::text::Span;
use ratatui::widgets::Paragraph;
use ratatui::Frame;

impl FollowUpForm {
    /// Draws the form as a bordered box over `area`.
    pub fn render(
        &self,
        frame: &mut Frame,
        area: Rect,
        trainers: &[(TrainerLine, (String, String))],
        ctx: &Ctx,
    ) {
        let th = ctx.theme;
        let zh = ctx.zh();
        crate::tui::overlays::clear(frame, area);
        let title = ctx.tf(i18n::FU_FORM_TITLE, &[&self.heading]);
        let title = truncate(&title, (area.width as usize).saturating_sub(2));
        let inner = window(frame, area, Span::styled(title, th.title()), th.accent());
        let labels = [
            i18n::FIELD_HELD,
            i18n::FIELD_TITLE,
            i18n::FIELD_PLACE,
            i18n::FIELD_OBSERVER,
            i18n::FIELD_RATING,
            i18n::FIELD_NOTES,
            i18n::FIELD_STATUS,
        ];
        let label_w = labels.iter().map(|l| width(ctx.t(*l))).max().unwrap_or(8);
        let mut y = inner.y;
        for (i, label) in labels.iter().enumerate() {
            if y >= inner.bottom() {
                return;
            }
            let focused = i == self.field;
            let label_style = if focused { th.accent() } else { th.muted() };
            let row = Rect::new(inner.x, y, inner.width, 1);
            let value_area = Rect {
                x: inner.x + label_w as u16 + 1,
                width: inner.width.saturating_sub(label_w as u16 + 1),
                ..row
            };
            frame.render_widget(
                Paragraph::new(Span::styled(pad(ctx.t(*label), label_w), label_style)),
                row,
            );
            let style = if focused { th.selected() } else { th.base() };
            let choice = |text: &str| Paragraph::new(Span::styled(format!("‹ {text} ›"), style));
            match i {
                RATING => {
                    let r = self
                        .rating
                        .map_or(ctx.t(i18n::FU_NO_RATING), |r| r.label(zh));
                    frame.render_widget(choice(r), value_area);
                }
                STATUS => frame.render_widget(choice(self.status.label(zh)), value_area),
                _ => {
                    let t = match i {
                        HELD => &self.held,
                        TITLE => &self.title,
                        PLACE => &self.place,
                        OBSERVER => &self.observer,
                        _ => &self.notes,
                    };
                    t.render(frame, value_area, Span::raw(""), th.base(), focused);
                }
            }
            y += 1;
            if i == OBSERVER && y < inner.bottom() {
                let mut hint = self.observer_hint(trainers, ctx);
                if hint.is_empty() && self.field == OBSERVER {
                    // Say what the empty field takes (it picks trainers by pinyin).
                    hint = ctx.t(i18n::FU_OBSERVER_EMPTY).to_string();
                }
                let hint_area = Rect { y, ..value_area };
                frame.render_widget(
                    Paragraph::new(Span::styled(
                        truncate(&hint, hint_area.width as usize),
                        th.muted(),
                    )),
                    hint_area,
                );
                y += 1;
            }
        }
        if y < inner.bottom() {
            let (text, style) = match &self.error {
                Some(e) => (e.clone(), th.bad()),
                None => (ctx.t(i18n::FU_FORM_KEYS).to_string(), th.muted()),
            };
            let last = Rect::new(inner.x, inner.bottom() - 1, inner.width, 1);
            frame.render_widget(
                Paragraph::new(Span::styled(truncate(&text, inner.width as usize), style)),
                last,
            );
        }
    }

    fn observer_hint(&self, trainers: &[(TrainerLine, (String, String))], ctx: &Ctx) -> String {
        let text = self.observer.text().trim();
        if let Some((_, name)) = &self.picked {
            if name == text {
                return format!("✓ {}", ctx.t(i18n::FU_OBSERVER_TRAINER));
            }
        }
        if text.is_empty() {
            return String::new();
        }
        let offered = self.matches(trainers);
        let (m, hidden) = (&offered.lines, offered.hidden);
        // Retired trainers not offered: say how many match and which key lists them.
        if m.is_empty() {
            let staff = ctx.t(i18n::FU_OBSERVER_STAFF);
            return match hidden {
                0 => staff.to_string(),
                n => format!("{staff} · {}", ctx.tf(i18n::PJ_RETIRED_HIDDEN, &[&n])),
            };
        }
        let t = m[self.candidate % m.len()];
        let mut who = format!("{}（{}）", t.trainer.name, t.school);
        if t.trainer.status.offered(false).is_none() {
            who.push_str(&format!("· {}", t.trainer.status.label(ctx.zh())));
        }
        match hidden {
            0 => ctx.tf(i18n::FU_OBSERVER_PICK, &[&who]),
            n => ctx.tf(i18n::FU_OBSERVER_PICK_HIDDEN, &[&who, &n]),
        }
    }
}
