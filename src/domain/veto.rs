//! One-vote veto (一票否决, docs/rules.md §4.2): derived from marks, never stored.

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

/// Can a new project's marks cause a veto, by default (§4.2)? Concentrated, released-from-duty
/// training: yes — the plan's words, "集中培训实行脱产管理，对迟到、早退、旷课的教师，实行当年度
/// 评优评先'一票否决'"; other training: no. The project form, imports and schema.sql's
/// `projects_veto_scope_default` start from it (a contract test ties the trigger to it).
pub fn default_veto_scope(concentrated: bool) -> bool {
    concentrated
}

/// Does a mark cause a one-vote veto (§4.2)? Its status is late, left early or absent and its
/// project's veto scope is on. schema.sql's `marks.causes_veto` states the same for SQL (a
/// contract test ties the two).
pub fn causes_veto(status: Status, in_scope: bool) -> bool {
    in_scope && status.causes_veto()
}

/// Does changing a mark from `before` to `after` take away a veto-causing status (late, left
/// early or absent to present or excused)? The status alone: such a correction needs a reason
/// at every project, in veto scope or not (§4.2); whether it lifts a veto is `lifts_veto`.
pub fn removes_veto_status(before: Option<Status>, after: Status) -> bool {
    before.is_some_and(Status::causes_veto) && !after.causes_veto()
}

/// Does changing a mark from `before` to `after` lift a veto cause (§4.2)? Only a mark in
/// veto scope causes a veto, so only such a change lifts one.
pub fn lifts_veto(before: Option<Status>, after: Status, in_scope: bool) -> bool {
    in_scope && removes_veto_status(before, after)
}

/// Why a project's marks can cause a veto, as the evidence names it: the project is
/// concentrated training (the plan's default), or its own veto-scope setting says so.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ScopeBasis {
    Concentrated,
    ProjectSetting,
}

impl ScopeBasis {
    /// The basis of an in-scope project.
    pub fn of(concentrated: bool) -> ScopeBasis {
        if concentrated {
            ScopeBasis::Concentrated
        } else {
            ScopeBasis::ProjectSetting
        }
    }
    /// Short, for evidence lines and columns.
    pub fn label(self, zh: bool) -> &'static str {
        match (self, zh) {
            (ScopeBasis::Concentrated, true) => "集中培训",
            (ScopeBasis::ProjectSetting, true) => "项目设定",
            (ScopeBasis::Concentrated, false) => "concentrated",
            (ScopeBasis::ProjectSetting, false) => "project setting",
        }
    }
}

/// A mark as the veto rules read it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VetoMark<'a> {
    pub date: NaiveDate,
    pub project: &'a str,
    pub status: Status,
    /// The project's veto scope.
    pub in_scope: bool,
    /// The project is concentrated training (names the scope in the evidence).
    pub concentrated: bool,
}

impl VetoMark<'_> {
    pub fn causes_veto(&self) -> bool {
        causes_veto(self.status, self.in_scope)
    }
}

/// One piece of evidence for a veto.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct VetoReason {
    pub date: NaiveDate,
    pub project: String,
    pub status: Status,
    /// Why the project's marks count for the veto.
    pub scope: ScopeBasis,
}

/// The marks that cause a veto in `year`, by date.
pub fn veto_reasons<'a, I>(marks: I, year: i32, start_month: u32) -> Vec<VetoReason>
where
    I: IntoIterator<Item = VetoMark<'a>>,
{
    let mut out: Vec<VetoReason> = marks
        .into_iter()
        .filter(|m| m.causes_veto() && veto_year(m.date, start_month) == year)
        .map(|m| VetoReason {
            date: m.date,
            project: m.project.to_string(),
            status: m.status,
            scope: ScopeBasis::of(m.concentrated),
        })
        .collect();
    out.sort_by(|a, b| a.date.cmp(&b.date).then_with(|| a.project.cmp(&b.project)));
    out
}

/// Has a teacher with these marks a veto for `year`?
pub fn has_veto<'a, I>(marks: I, year: i32, start_month: u32) -> bool
where
    I: IntoIterator<Item = VetoMark<'a>>,
{
    marks
        .into_iter()
        .any(|m| m.causes_veto() && veto_year(m.date, start_month) == year)
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

/// The veto change of a mark going from `before` (None: no mark yet) to `after` at a project
/// whose marks do (`in_scope`) or do not count for the veto, when the teacher has
/// `other_causes` other veto-causing marks in the same veto year.
pub fn veto_change(
    before: Option<Status>,
    after: Status,
    in_scope: bool,
    other_causes: usize,
) -> VetoChange {
    let was = before.is_some_and(|b| causes_veto(b, in_scope));
    let will = causes_veto(after, in_scope);
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

    /// A mark of a concentrated project (in veto scope).
    fn m(date: NaiveDate, status: Status) -> VetoMark<'static> {
        mark(date, "P1", status)
    }

    fn mark(date: NaiveDate, project: &str, status: Status) -> VetoMark<'_> {
        VetoMark {
            date,
            project,
            status,
            in_scope: true,
            concentrated: true,
        }
    }

    #[test]
    fn calendar_year_boundary() {
        assert_eq!(veto_year(d(2025, 12, 31), 1), 2025);
        assert_eq!(veto_year(d(2026, 1, 1), 1), 2026);
        assert!(has_veto([m(d(2025, 12, 31), Status::Late)], 2025, 1));
        assert!(!has_veto([m(d(2025, 12, 31), Status::Late)], 2026, 1));
        assert!(has_veto([m(d(2026, 1, 1), Status::Absent)], 2026, 1));
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
            m(d(2026, 3, 1), Status::Excused),
            m(d(2026, 3, 2), Status::Present),
        ];
        assert!(!has_veto(marks, 2026, 1));
    }

    #[test]
    fn each_causing_status_vetoes() {
        for s in [Status::Late, Status::LeftEarly, Status::Absent] {
            assert!(has_veto([m(d(2026, 5, 1), s)], 2026, 1), "{s:?}");
        }
    }

    #[test]
    fn a_project_out_of_veto_scope_never_vetoes() {
        for s in Status::ALL {
            let out = VetoMark {
                in_scope: false,
                concentrated: false,
                ..m(d(2026, 5, 1), *s)
            };
            assert!(!has_veto([out], 2026, 1), "{s:?}");
            assert!(!causes_veto(*s, false), "{s:?}");
            assert_eq!(causes_veto(*s, true), s.causes_veto(), "{s:?}");
        }
    }

    #[test]
    fn the_default_scope_follows_concentrated_training() {
        assert!(default_veto_scope(true));
        assert!(!default_veto_scope(false));
    }

    #[test]
    fn only_a_change_in_scope_lifts_a_veto() {
        assert!(lifts_veto(Some(Status::Late), Status::Present, true));
        assert!(!lifts_veto(Some(Status::Late), Status::Present, false));
        assert!(!lifts_veto(Some(Status::Late), Status::Absent, true));
        assert!(!lifts_veto(None, Status::Present, true));
        assert!(lifts_veto(Some(Status::Absent), Status::Excused, true));
    }

    #[test]
    fn correcting_a_mark_lifts_the_veto() {
        let mut marks = vec![m(d(2026, 5, 1), Status::Late)];
        assert!(has_veto(marks.clone(), 2026, 1));
        marks[0].status = Status::Present;
        assert!(!has_veto(marks, 2026, 1));
    }

    #[test]
    fn reasons_sorted_filtered_and_named_by_scope() {
        let school_project = VetoMark {
            in_scope: true,
            concentrated: false,
            ..mark(d(2026, 7, 1), "X1", Status::Late)
        };
        let out_of_scope = VetoMark {
            in_scope: false,
            concentrated: false,
            ..mark(d(2026, 8, 1), "X2", Status::Late)
        };
        let r = veto_reasons(
            [
                mark(d(2026, 6, 1), "P2", Status::Absent),
                mark(d(2026, 3, 1), "P1", Status::Late),
                mark(d(2025, 3, 1), "P0", Status::Late),
                mark(d(2026, 4, 1), "P1", Status::Excused),
                school_project,
                out_of_scope,
            ],
            2026,
            1,
        );
        assert_eq!(r.len(), 3);
        assert_eq!(r[0].project, "P1");
        assert_eq!(r[1].status, Status::Absent);
        assert_eq!(r[1].scope, ScopeBasis::Concentrated);
        assert_eq!(
            (r[2].project.as_str(), r[2].scope),
            ("X1", ScopeBasis::ProjectSetting)
        );
    }

    #[test]
    fn a_change_lifts_the_veto_only_when_no_other_mark_causes_one() {
        use Status::*;
        assert_eq!(
            veto_change(Some(LeftEarly), Present, true, 0),
            VetoChange::Lifts
        );
        assert_eq!(
            veto_change(Some(LeftEarly), Present, true, 2),
            VetoChange::KeptByOthers { others: 2 }
        );
        assert_eq!(
            veto_change(Some(Absent), Excused, true, 1),
            VetoChange::KeptByOthers { others: 1 }
        );
        assert_eq!(veto_change(Some(Late), Absent, true, 0), VetoChange::Stays);
        assert_eq!(
            veto_change(Some(Present), Late, true, 0),
            VetoChange::Creates
        );
        assert_eq!(veto_change(None, Absent, true, 0), VetoChange::Creates);
        assert_eq!(veto_change(None, Absent, true, 3), VetoChange::Stays);
        assert_eq!(
            veto_change(Some(Present), Excused, true, 3),
            VetoChange::NotInvolved
        );
        assert_eq!(veto_change(None, Excused, true, 0), VetoChange::NotInvolved);
    }
}
