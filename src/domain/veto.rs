//! One-vote veto (一票否决, DESIGN.md §4.2): derived from marks, never stored.

use super::codes::Status;
use chrono::{Datelike, NaiveDate};

/// The veto year a date falls in. With `start_month` 1 it is the calendar
/// year; with e.g. 9 (school year) 2026-09-01 … 2027-08-31 is year 2026.
pub fn veto_year(date: NaiveDate, start_month: u32) -> i32 {
    let m = start_month.clamp(1, 12);
    if date.month() >= m {
        date.year()
    } else {
        date.year() - 1
    }
}

/// First and last day of veto year `year`.
pub fn veto_year_range(year: i32, start_month: u32) -> (NaiveDate, NaiveDate) {
    let m = start_month.clamp(1, 12);
    let first = NaiveDate::from_ymd_opt(year, m, 1).unwrap_or(NaiveDate::MIN);
    let next = if m == 1 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(year + 1, m, 1)
    }
    .unwrap_or(NaiveDate::MAX);
    (first, next.pred_opt().unwrap_or(next))
}

/// One piece of evidence for a veto.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct VetoReason {
    pub date: NaiveDate,
    pub project: String,
    pub status: Status,
}

/// The marks (date, project code, status) that cause a veto in `year`, by date.
pub fn veto_reasons<'a, I>(marks: I, year: i32, start_month: u32) -> Vec<VetoReason>
where
    I: IntoIterator<Item = (NaiveDate, &'a str, Status)>,
{
    let mut out: Vec<VetoReason> = marks
        .into_iter()
        .filter(|(d, _, s)| s.causes_veto() && veto_year(*d, start_month) == year)
        .map(|(date, project, status)| VetoReason {
            date,
            project: project.to_string(),
            status,
        })
        .collect();
    out.sort_by(|a, b| a.date.cmp(&b.date).then_with(|| a.project.cmp(&b.project)));
    out
}

/// Has a teacher with these marks a veto for `year`?
pub fn has_veto<I>(marks: I, year: i32, start_month: u32) -> bool
where
    I: IntoIterator<Item = (NaiveDate, Status)>,
{
    marks
        .into_iter()
        .any(|(d, s)| s.causes_veto() && veto_year(d, start_month) == year)
}

/// What changing one mark does to the teacher's veto for the mark's year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VetoChange {
    /// The mark causes no veto before or after; the year's veto (if any) is not its doing.
    NotInvolved,
    /// The change gives the teacher a veto for the year (no other mark causes one).
    Creates,
    /// The change lifts the teacher's veto for the year (no other mark causes one).
    Lifts,
    /// The mark stops causing a veto, but `others` other marks of the year still do.
    KeptByOthers { others: usize },
    /// The teacher has the veto before and after (the mark keeps causing it, or joins others).
    Stays,
}

/// The veto change of a mark going from `before` (None: no mark yet) to `after`, when the
/// teacher has `other_causes` other veto-causing marks in the same veto year.
pub fn veto_change(before: Option<Status>, after: Status, other_causes: usize) -> VetoChange {
    let was = before.is_some_and(Status::causes_veto);
    let will = after.causes_veto();
    match (was, will, other_causes) {
        (true, false, 0) => VetoChange::Lifts,
        (true, false, others) => VetoChange::KeptByOthers { others },
        (false, true, 0) => VetoChange::Creates,
        (true, true, _) | (false, true, _) => VetoChange::Stays,
        (false, false, _) => VetoChange::NotInvolved,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn calendar_year_boundary() {
        assert_eq!(veto_year(d(2025, 12, 31), 1), 2025);
        assert_eq!(veto_year(d(2026, 1, 1), 1), 2026);
        assert!(has_veto([(d(2025, 12, 31), Status::Late)], 2025, 1));
        assert!(!has_veto([(d(2025, 12, 31), Status::Late)], 2026, 1));
        assert!(has_veto([(d(2026, 1, 1), Status::Absent)], 2026, 1));
    }

    #[test]
    fn school_year_starting_in_september() {
        assert_eq!(veto_year(d(2026, 8, 31), 9), 2025);
        assert_eq!(veto_year(d(2026, 9, 1), 9), 2026);
        assert_eq!(veto_year_range(2026, 9), (d(2026, 9, 1), d(2027, 8, 31)));
        assert_eq!(veto_year_range(2026, 1), (d(2026, 1, 1), d(2026, 12, 31)));
    }

    #[test]
    fn excused_and_present_never_veto() {
        let marks = [
            (d(2026, 3, 1), Status::Excused),
            (d(2026, 3, 2), Status::Present),
        ];
        assert!(!has_veto(marks, 2026, 1));
    }

    #[test]
    fn each_causing_status_vetoes() {
        for s in [Status::Late, Status::LeftEarly, Status::Absent] {
            assert!(has_veto([(d(2026, 5, 1), s)], 2026, 1), "{s:?}");
        }
    }

    #[test]
    fn correcting_a_mark_lifts_the_veto() {
        let mut marks = vec![(d(2026, 5, 1), Status::Late)];
        assert!(has_veto(marks.clone(), 2026, 1));
        marks[0].1 = Status::Present;
        assert!(!has_veto(marks, 2026, 1));
    }

    #[test]
    fn reasons_sorted_and_filtered() {
        let r = veto_reasons(
            [
                (d(2026, 6, 1), "P2", Status::Absent),
                (d(2026, 3, 1), "P1", Status::Late),
                (d(2025, 3, 1), "P0", Status::Late),
                (d(2026, 4, 1), "P1", Status::Excused),
            ],
            2026,
            1,
        );
        assert_eq!(r.len(), 2);
        assert_eq!(r[0].project, "P1");
        assert_eq!(r[1].status, Status::Absent);
    }

    #[test]
    fn a_change_lifts_the_veto_only_when_no_other_mark_causes_one() {
        use Status::*;
        assert_eq!(veto_change(Some(LeftEarly), Present, 0), VetoChange::Lifts);
        assert_eq!(
            veto_change(Some(LeftEarly), Present, 2),
            VetoChange::KeptByOthers { others: 2 }
        );
        assert_eq!(
            veto_change(Some(Absent), Excused, 1),
            VetoChange::KeptByOthers { others: 1 }
        );
        assert_eq!(veto_change(Some(Late), Absent, 0), VetoChange::Stays);
        assert_eq!(veto_change(Some(Present), Late, 0), VetoChange::Creates);
        assert_eq!(veto_change(None, Absent, 0), VetoChange::Creates);
        assert_eq!(veto_change(None, Absent, 3), VetoChange::Stays);
        assert_eq!(
            veto_change(Some(Present), Excused, 3),
            VetoChange::NotInvolved
        );
        assert_eq!(veto_change(None, Excused, 0), VetoChange::NotInvolved);
    }
}
