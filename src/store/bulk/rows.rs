//! Rows as the bulk writer takes them: borrowed fields, explicit ids where
//! the generator needs to know them.

pub struct NewSchool<'a> {
    pub id: i64,
    pub name: &'a str,
    pub township: &'a str,
    pub stage: &'a str,
}

pub struct NewTeacher<'a> {
    pub id: i64,
    pub staff_no: &'a str,
    pub name: &'a str,
    pub gender: &'a str,
    pub school_id: i64,
    pub subject: &'a str,
    pub stage: &'a str,
    pub phone: &'a str,
    pub tier: &'a str,
    pub pinyin: &'a str,
    pub initials: &'a str,
    /// The level of the current tier (only for tiers held at a level).
    pub tier_level: Option<&'a str>,
}

pub struct NewTrainer<'a> {
    pub id: i64,
    pub teacher_id: Option<i64>,
    pub name: &'a str,
    pub affiliation: &'a str,
    pub status: &'a str,
    /// design, organize, teach, guide, evaluate, research
    pub levels: [u8; 6],
    pub joined_on: &'a str,
}

pub struct NewProject<'a> {
    pub id: i64,
    pub code: &'a str,
    pub title: &'a str,
    pub level: &'a str,
    pub plan: &'a str,
    pub concentrated: bool,
    pub credits: f64,
    pub start_date: &'a str,
    pub end_date: &'a str,
    pub venue: &'a str,
    pub capacity: Option<i64>,
    pub threshold_pct: i64,
    pub completed_at: Option<&'a str>,
}

pub struct NewSession<'a> {
    pub id: i64,
    pub project_id: i64,
    pub date: &'a str,
    pub start_time: &'a str,
    pub end_time: &'a str,
    pub topic: &'a str,
    pub trainer_id: Option<i64>,
    pub venue: &'a str,
    pub closed_at: Option<&'a str>,
    pub closed_by: Option<&'a str>,
}

pub struct NewMark<'a> {
    pub session_id: i64,
    pub teacher_id: i64,
    pub school_id: i64,
    pub session_date: &'a str,
    pub status: &'a str,
    pub minutes_late: i64,
    pub minutes_early: i64,
    pub checked_in_at: Option<&'a str>,
    pub checked_out_at: Option<&'a str>,
    pub reason: &'a str,
    pub recorded_by: &'a str,
    pub recorded_at: &'a str,
    /// Came, but too briefly to count as attended (`domain::attendance::Presence::short`).
    pub presence_short: bool,
    /// The project's veto scope (what the `marks_veto_scope_insert` trigger would copy).
    pub in_veto_scope: bool,
}

pub struct NewFollowUp<'a> {
    pub project_id: i64,
    pub teacher_id: i64,
    pub kind: &'a str,
    pub due_date: &'a str,
    pub held_date: Option<&'a str>,
    pub title: &'a str,
    pub place: &'a str,
    pub observer_trainer_id: Option<i64>,
    pub rating: Option<&'a str>,
    pub notes: &'a str,
    pub status: &'a str,
}

pub struct NewCredit<'a> {
    pub teacher_id: i64,
    pub project_id: Option<i64>,
    pub credits: f64,
    pub concentrated: bool,
    pub earned_on: &'a str,
    pub source: &'a str,
    pub note: &'a str,
    pub recorded_by: &'a str,
}
