//! The principals' track (docs/rules.md §4.8): school leaders' roles, their training hours per
//! cycle against 240, the qualification (任职资格) within a year of appointment; and the
//! training form of a project.

use super::credits::Cycle;
use chrono::{Months, NaiveDate};

code_enum!(
    /// A teacher's post as a school leader or cadre (职务).
    Role {
        Principal => "principal", "校长", "Principal", ["正校长"];
        VicePrincipal => "vice_principal", "副校长", "Vice principal", ["vice-principal"];
        KindergartenHead => "kindergarten_head", "园长", "KG head", ["幼儿园园长", "kindergarten head"];
        PartySecretary => "party_secretary", "书记", "Party secretary", ["党支部书记", "党委书记"];
        MiddleManager => "middle_manager", "中层", "Middle manager", ["中层干部", "主任"];
        ReserveCadre => "reserve_cadre", "后备干部", "Reserve cadre", ["校长后备人才", "后备"];
    }
);

impl Role {
    /// A school leader (校级领导: 校长, 副校长, 园长, 书记): held to 240 hours per cycle and to
    /// a qualification within a year of appointment. Middle managers and reserve cadres are
    /// listed with their hours but never flagged.
    pub fn is_school_leader(self) -> bool {
        match self {
            Role::Principal
            | Role::VicePrincipal
            | Role::KindergartenHead
            | Role::PartySecretary => true,
            Role::MiddleManager | Role::ReserveCadre => false,
        }
    }
}

code_enum!(
    /// A project's training form (培训形式).
    TrainingForm {
        SendTeaching => "send_teaching", "送教下乡", "Send-teaching", ["送教"];
        Shadowing => "shadowing", "名校跟岗", "Shadowing", ["跟岗", "跟岗研修"];
        Workshop => "workshop", "工作坊研修", "Workshop", ["工作坊"];
        Online => "online", "线上", "Online", ["网络研修", "在线"];
        Offline => "offline", "线下", "In person", ["面授"];
        Blended => "blended", "混合", "Blended", ["混合式", "线上线下混合"];
    }
);

/// A project's training metadata (学时, 培训形式, 预算/支出, 任职资格培训).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct TrainingMeta {
    /// Hours (学时) a completer is credited with.
    pub hours: f64,
    pub form: Option<TrainingForm>,
    /// Budget planned and spent, in yuan (None: not entered).
    pub budget_planned: Option<f64>,
    pub budget_spent: Option<f64>,
    /// Completing it is a principal's qualification (任职资格培训).
    pub qualification: bool,
}

/// Training hours a school leader needs per cycle (每 5 年不少于 240 学时).
pub const REQUIRED_HOURS: f64 = 240.0;

/// Is a school leader appointed on `since` overdue for a qualification on `today`? Only when
/// more than a year has passed: on the first anniversary not yet, the day after yes. A
/// leader who completed a qualification training (at any time) is never flagged.
pub fn qualification_overdue(since: NaiveDate, today: NaiveDate, qualified: bool) -> bool {
    if qualified {
        return false;
    }
    match since.checked_add_months(Months::new(12)) {
        Some(anniversary) => today > anniversary,
        None => false,
    }
}

/// Hours of completed projects (end date, hours) that fall in `cycle`.
pub fn hours_in_cycle<I>(completions: I, cycle: &Cycle) -> f64
where
    I: IntoIterator<Item = (NaiveDate, f64)>,
{
    completions
        .into_iter()
        .filter(|(d, _)| cycle.contains(*d))
        .map(|(_, h)| h)
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn flagged_only_after_exactly_one_year() {
        let since = d(2025, 9, 1);
        assert!(!qualification_overdue(since, d(2026, 8, 31), false));
        assert!(
            !qualification_overdue(since, d(2026, 9, 1), false),
            "exactly one year"
        );
        assert!(
            qualification_overdue(since, d(2026, 9, 2), false),
            "one day more"
        );
        assert!(
            !qualification_overdue(since, d(2030, 1, 1), true),
            "qualified"
        );
    }

    #[test]
    fn appointed_on_29_february_is_a_year_on_28_february() {
        let since = d(2024, 2, 29);
        assert!(!qualification_overdue(since, d(2025, 2, 28), false));
        assert!(qualification_overdue(since, d(2025, 3, 1), false));
    }

    #[test]
    fn hours_sum_per_cycle() {
        let c2021 = Cycle {
            first_year: 2021,
            last_year: 2025,
        };
        let c2026 = Cycle {
            first_year: 2026,
            last_year: 2030,
        };
        let done = [
            (d(2021, 1, 1), 40.0),
            (d(2025, 12, 31), 80.0),
            (d(2026, 1, 1), 24.0),
            (d(2027, 6, 30), 36.5),
        ];
        assert_eq!(hours_in_cycle(done, &c2021), 120.0);
        assert_eq!(hours_in_cycle(done, &c2026), 60.5);
    }

    #[test]
    fn roles_parse_and_leaders_are_the_four() {
        assert_eq!(Role::parse("校长"), Some(Role::Principal));
        assert_eq!(Role::parse("VICE_PRINCIPAL"), Some(Role::VicePrincipal));
        assert_eq!(Role::parse("后备"), Some(Role::ReserveCadre));
        let leaders: Vec<_> = Role::ALL.iter().filter(|r| r.is_school_leader()).collect();
        assert_eq!(leaders.len(), 4);
        assert_eq!(
            TrainingForm::parse("送教下乡"),
            Some(TrainingForm::SendTeaching)
        );
    }
}
