//! Follow-ups after training (docs/rules.md §4.4).

use super::codes::{FollowUpKind, FollowUpStatus};
use chrono::{Days, NaiveDate};

/// Due date of a follow-up required `due_days` after the project's end.
pub fn due_date(project_end: NaiveDate, due_days: i64) -> NaiveDate {
    project_end
        .checked_add_days(Days::new(due_days.max(0) as u64))
        .unwrap_or(project_end)
}

/// A follow-up is overdue when still pending after its due date.
pub fn is_overdue(status: FollowUpStatus, due: NaiveDate, today: NaiveDate) -> bool {
    status == FollowUpStatus::Pending && today > due
}

/// Default due offsets (days after the project's end) for each kind.
pub fn default_due_days(kind: FollowUpKind) -> i64 {
    match kind {
        FollowUpKind::ReportBack => 14,
        FollowUpKind::Forum => 30,
        FollowUpKind::TransplantLesson => 60,
        FollowUpKind::Observation => 90,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn due_is_offset_from_end() {
        assert_eq!(due_date(d(2026, 11, 1), 60), d(2026, 12, 31));
        assert_eq!(due_date(d(2026, 12, 1), 31), d(2027, 1, 1));
    }

    #[test]
    fn overdue_only_when_pending_after_due() {
        let due = d(2026, 5, 1);
        assert!(!is_overdue(FollowUpStatus::Pending, due, due));
        assert!(is_overdue(FollowUpStatus::Pending, due, d(2026, 5, 2)));
        assert!(!is_overdue(FollowUpStatus::Done, due, d(2026, 6, 1)));
        assert!(!is_overdue(FollowUpStatus::Evaluated, due, d(2026, 6, 1)));
    }
}
