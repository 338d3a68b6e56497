//! Plain records of the domain, as the store returns them. No SQL here.

use super::codes::*;
use chrono::{NaiveDate, NaiveDateTime, NaiveTime};

#[derive(Debug, Clone, PartialEq)]
pub struct School {
    pub id: i64,
    pub name: String,
    pub township: String,
    pub stage: Stage,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Teacher {
    pub id: i64,
    pub staff_no: String,
    pub name: String,
    pub gender: Option<Gender>,
    pub school_id: i64,
    pub school: String,
    pub subject: String,
    pub stage: Option<Stage>,
    pub phone: String,
    pub tier: Tier,
    /// The current tier's level (区级/市级/国家级), for tiers held at a level.
    pub tier_level: Option<TierLevel>,
    /// Full pinyin, alternatives separated by '|'.
    pub pinyin: String,
    /// Pinyin initials, alternatives separated by '|'.
    pub initials: String,
    /// Employment status: only active teachers are offered at the desk.
    pub status: TeacherStatus,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Trainer {
    pub id: i64,
    pub teacher_id: Option<i64>,
    pub name: String,
    pub affiliation: String,
    pub status: TrainerStatus,
    /// Levels 0–3 in the order of `Competency::ALL`.
    pub levels: [u8; 6],
    pub joined_on: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Project {
    pub id: i64,
    pub code: String,
    pub title: String,
    pub level: Level,
    pub plan: Plan,
    pub concentrated: bool,
    pub credits: f64,
    pub start_date: NaiveDate,
    pub end_date: NaiveDate,
    pub venue: String,
    pub capacity: Option<i64>,
    pub threshold_pct: i64,
    pub completed_at: Option<NaiveDateTime>,
    /// Can the project's marks cause a one-vote veto (§4.2; default `veto::default_veto_scope`)?
    pub veto_scope: bool,
    /// Hours, training form, budget, qualification flag.
    pub meta: super::principals::TrainingMeta,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Session {
    pub id: i64,
    pub project_id: i64,
    pub date: NaiveDate,
    pub start: NaiveTime,
    pub end: NaiveTime,
    pub topic: String,
    pub trainer_id: Option<i64>,
    pub venue: String,
    pub closed_at: Option<NaiveDateTime>,
}

impl Session {
    pub fn starts_at(&self) -> NaiveDateTime {
        self.date.and_time(self.start)
    }
    pub fn ends_at(&self) -> NaiveDateTime {
        self.date.and_time(self.end)
    }
    pub fn is_closed(&self) -> bool {
        self.closed_at.is_some()
    }
    /// Length in minutes (the presence rule's whole, §4.1).
    pub fn minutes(&self) -> i64 {
        (self.end - self.start).num_minutes()
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Mark {
    pub id: i64,
    pub session_id: i64,
    pub teacher_id: i64,
    pub school_id: i64,
    pub session_date: NaiveDate,
    pub status: Status,
    pub minutes_late: i64,
    pub minutes_early: i64,
    pub checked_in_at: Option<NaiveDateTime>,
    pub checked_out_at: Option<NaiveDateTime>,
    pub reason: String,
    pub recorded_by: String,
    pub recorded_at: NaiveDateTime,
}

#[derive(Debug, Clone, PartialEq)]
pub struct FollowUp {
    pub id: i64,
    pub project_id: i64,
    pub teacher_id: i64,
    pub kind: FollowUpKind,
    pub due_date: NaiveDate,
    pub held_date: Option<NaiveDate>,
    pub title: String,
    pub place: String,
    pub observer_trainer_id: Option<i64>,
    pub observer_staff: String,
    pub rating: Option<Rating>,
    pub notes: String,
    pub status: FollowUpStatus,
}

#[derive(Debug, Clone, PartialEq)]
pub struct CreditEntry {
    pub id: i64,
    pub teacher_id: i64,
    pub project_id: Option<i64>,
    pub credits: f64,
    pub concentrated: bool,
    pub earned_on: NaiveDate,
    pub manual: bool,
    pub note: String,
}

/// Date and time formats used in the database.
pub const DATE_FMT: &str = "%Y-%m-%d";
pub const TIME_FMT: &str = "%H:%M";
pub const DATETIME_FMT: &str = "%Y-%m-%d %H:%M:%S";

pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let t = text.trim();
    NaiveDate::parse_from_str(t, DATE_FMT)
        .or_else(|_| NaiveDate::parse_from_str(t, "%Y/%m/%d"))
        .or_else(|_| NaiveDate::parse_from_str(t, "%Y.%m.%d"))
        .or_else(|_| NaiveDate::parse_from_str(t, "%Y年%m月%d日"))
        .ok()
}

pub fn parse_time(text: &str) -> Option<NaiveTime> {
    let t = text.trim().replace('：', ":");
    NaiveTime::parse_from_str(&t, TIME_FMT)
        .or_else(|_| NaiveTime::parse_from_str(&t, "%H:%M:%S"))
        .ok()
}

pub fn parse_datetime(text: &str) -> Option<NaiveDateTime> {
    let t = text.trim();
    NaiveDateTime::parse_from_str(t, DATETIME_FMT)
        .or_else(|_| NaiveDateTime::parse_from_str(t, "%Y-%m-%d %H:%M"))
        .or_else(|_| NaiveDateTime::parse_from_str(t, "%Y-%m-%dT%H:%M:%S"))
        .or_else(|_| NaiveDateTime::parse_from_str(t, "%Y-%m-%dT%H:%M"))
        .or_else(|_| NaiveDateTime::parse_from_str(t, "%Y/%m/%d %H:%M"))
        .ok()
}
