//! Bulk-create a schedule: N days from a first date × morning / afternoon / evening (ticked),
//! each with editable times (defaults: `DayPart::default_times`), a topic and a venue.
//! The preview counts the sessions that will be created (existing ones are skipped).

use super::fields::{Event, Field, Form};
use crate::domain::{parse_date, parse_time, DayPart, Project, Session, DATE_FMT};
use crate::ops::sessions::{Block, Schedule};
use crate::tui::action::Intent;
use crate::tui::i18n::{self, Lang, Msg};
use crate::tui::screen::Ctx;
use chrono::{Days, NaiveDate, NaiveTime};
use crossterm::event::KeyEvent;

const FIRST: usize = 0;
const DAYS: usize = 1;
/// Each part of the day: a tick box then its times, in `DayPart::ALL` order.
const PARTS: usize = 2;
const TOPIC: usize = 8;
const VENUE: usize = 9;

const PART_LABELS: [(Msg, Msg); 3] = [
    (i18n::PJ_F_MORNING, i18n::PJ_F_MORNING_TIME),
    (i18n::PJ_F_AFTERNOON, i18n::PJ_F_AFTERNOON_TIME),
    (i18n::PJ_F_EVENING, i18n::PJ_F_EVENING_TIME),
];

pub struct ScheduleForm {
    pub project_id: i64,
    pub form: Form,
    existing: Vec<(NaiveDate, NaiveTime)>,
    /// Sessions the schedule would create now (None: the fields are not valid).
    pub preview: Option<usize>,
}

/// "08:30-11:30" (also with "–", "~" or "—").
fn parse_range(text: &str) -> Option<(NaiveTime, NaiveTime)> {
    let t = text.trim();
    let cut = t.find(['-', '–', '~', '—'])?;
    let sep_len = t[cut..].chars().next()?.len_utf8();
    Some((parse_time(&t[..cut])?, parse_time(&t[cut + sep_len..])?))
}

impl ScheduleForm {
    pub fn new(ctx: &Ctx, p: &Project, sessions: &[Session]) -> ScheduleForm {
        let days = (p.end_date - p.start_date).num_days().max(0) + 1;
        let mut fields = vec![
            Field::text(
                i18n::PJ_F_FIRST_DATE,
                &p.start_date.format(DATE_FMT).to_string(),
            ),
            Field::text(i18n::PJ_F_DAYS, &days.to_string()),
        ];
        for (part, (label, time_label)) in DayPart::ALL.iter().zip(PART_LABELS) {
            let (s, e) = part.default_times();
            fields.push(Field::check(label, *part != DayPart::Evening));
            fields.push(Field::text(time_label, &format!("{s}-{e}")));
        }
        fields.push(Field::text(i18n::PJ_F_TOPIC, ""));
        fields.push(Field::text(i18n::PJ_F_VENUE, &p.venue));
        let mut f = ScheduleForm {
            project_id: p.id,
            form: Form::new(fields),
            existing: sessions.iter().map(|s| (s.date, s.start)).collect(),
            preview: None,
        };
        f.validate(p, ctx.lang);
        f
    }

    pub fn handle_key(&mut self, key: &KeyEvent, p: &Project, lang: Lang) -> Event {
        let ev = self.form.handle_key(key);
        if matches!(ev, Event::Changed | Event::Left(_)) {
            self.validate(p, lang);
        }
        ev
    }

    /// Parses and checks the fields, updates the preview; the schedule when valid.
    pub fn validate(&mut self, p: &Project, lang: Lang) -> Option<Schedule> {
        let f = &mut self.form;
        f.clear_problems();
        let bad = |f: &mut Form, i: usize, m: Msg| f.set_problem(i, m.get(lang).to_string());
        let first = parse_date(f.text(FIRST));
        if first.is_none() {
            bad(f, FIRST, i18n::PJ_BAD_DATE);
        }
        let days = f
            .text(DAYS)
            .trim()
            .parse::<u32>()
            .ok()
            .filter(|d| (1..=366).contains(d));
        if days.is_none() {
            bad(f, DAYS, i18n::PJ_BAD_DAYS);
        }
        if let (Some(first), Some(days)) = (first, days) {
            let last = first.checked_add_days(Days::new(u64::from(days) - 1));
            if first < p.start_date || last.is_none_or(|l| l > p.end_date) {
                bad(f, FIRST, i18n::PJ_SCHEDULE_OUTSIDE);
            }
        }
        let mut blocks = Vec::new();
        for (i, part) in DayPart::ALL.iter().enumerate() {
            let tick = PARTS + 2 * i;
            if !f.checked(tick) {
                continue;
            }
            match parse_range(f.text(tick + 1)) {
                Some((start, end)) if end > start => blocks.push(Block {
                    part: *part,
                    start,
                    end,
                }),
                Some(_) => bad(f, tick + 1, i18n::PJ_END_NOT_AFTER_START),
                None => bad(f, tick + 1, i18n::PJ_BAD_RANGE),
            }
        }
        if blocks.is_empty() && !f.has_problems() {
            bad(f, PARTS, i18n::PJ_NO_PARTS);
        }
        self.preview = None;
        if f.has_problems() {
            return None;
        }
        let (first, days) = (first?, days?);
        let mut n = 0;
        for d in 0..days {
            let date = first.checked_add_days(Days::new(u64::from(d)))?;
            n += blocks
                .iter()
                .filter(|b| !self.existing.contains(&(date, b.start)))
                .count();
        }
        self.preview = Some(n);
        Some(Schedule {
            first_date: first,
            days,
            blocks,
            topic: f.text(TOPIC).trim().to_string(),
            venue: f.text(VENUE).trim().to_string(),
        })
    }

    /// The intent creating the schedule, or None (focus on the first problem, or nothing new).
    pub fn save(&mut self, p: &Project, lang: Lang) -> Option<Intent> {
        let schedule = self.validate(p, lang);
        if let Some(i) = self.form.first_problem() {
            self.form.focus = i;
        }
        let schedule = schedule?;
        (self.preview != Some(0)).then_some(Intent::ScheduleSessions {
            project_id: self.project_id,
            schedule: Box::new(schedule),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_accept_several_dashes() {
        let t = |s| parse_time(s).unwrap();
        assert_eq!(parse_range("08:30-11:30"), Some((t("08:30"), t("11:30"))));
        assert_eq!(
            parse_range(" 14:00 – 17:00 "),
            Some((t("14:00"), t("17:00")))
        );
        assert_eq!(parse_range("19:00~21:00"), Some((t("19:00"), t("21:00"))));
        assert_eq!(parse_range("8点"), None);
    }
}
