//! Completion and continuing-education credits (docs/rules.md §4.3).

use super::settings::Settings;
use chrono::{Datelike, NaiveDate};

/// Does a teacher who attended `attended` of `sessions` sessions complete a
/// project with threshold `threshold_pct`? A project with no sessions is not completed.
pub fn completes(attended: i64, sessions: i64, threshold_pct: i64) -> bool {
    if sessions <= 0 {
        return false;
    }
    // attended / sessions >= threshold / 100, in integers.
    attended * 100 >= threshold_pct * sessions
}

/// A five-year credit cycle.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cycle {
    pub first_year: i32,
    pub last_year: i32,
}

impl Cycle {
    pub fn start(&self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.first_year, 1, 1).unwrap_or(NaiveDate::MIN)
    }
    pub fn end(&self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.last_year, 12, 31).unwrap_or(NaiveDate::MAX)
    }
    pub fn contains(&self, date: NaiveDate) -> bool {
        (self.first_year..=self.last_year).contains(&date.year())
    }
    /// "2026–2030"
    pub fn label(&self) -> String {
        format!("{}–{}", self.first_year, self.last_year)
    }
    /// Share of the cycle elapsed on `today`, 0.0–1.0 (by days).
    pub fn elapsed_share(&self, today: NaiveDate) -> f64 {
        let total = (self.end() - self.start()).num_days() + 1;
        let done = (today - self.start()).num_days() + 1;
        (done as f64 / total as f64).clamp(0.0, 1.0)
    }
}

/// The cycle a date falls in; cycles repeat every `cycle_years` from `cycle_first_year`.
pub fn cycle_of(date: NaiveDate, s: &Settings) -> Cycle {
    let len = s.cycle_years.max(1);
    let offset = (date.year() - s.cycle_first_year).div_euclid(len);
    let first = s.cycle_first_year + offset * len;
    Cycle {
        first_year: first,
        last_year: first + len - 1,
    }
}

/// A teacher's credit standing in one cycle.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CreditStanding {
    pub total: f64,
    pub concentrated: f64,
    pub required_total: f64,
    pub required_concentrated: f64,
}

/// Compliance of a cycle's standing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Compliance {
    /// Both totals reached.
    Met,
    /// Not yet reached but at or ahead of a straight-line pace.
    OnPace,
    /// Behind a straight-line pace for the elapsed share of the cycle.
    AtRisk,
}

impl CreditStanding {
    pub fn is_met(&self) -> bool {
        self.total >= self.required_total && self.concentrated >= self.required_concentrated
    }

    /// Met, on pace or at risk for the elapsed share of the cycle.
    pub fn compliance(&self, cycle: &Cycle, today: NaiveDate) -> Compliance {
        if self.is_met() {
            return Compliance::Met;
        }
        let share = cycle.elapsed_share(today);
        let pace_total = self.required_total * share;
        let pace_conc = self.required_concentrated * share;
        // Small tolerance so exact-on-pace values do not flip on float rounding.
        if self.total + 1e-9 >= pace_total && self.concentrated + 1e-9 >= pace_conc {
            Compliance::OnPace
        } else {
            Compliance::AtRisk
        }
    }
}

/// Sums ledger entries (earned_on, credits, concentrated) that fall in `cycle`.
pub fn standing<I>(entries: I, cycle: &Cycle, s: &Settings) -> CreditStanding
where
    I: IntoIterator<Item = (NaiveDate, f64, bool)>,
{
    let mut total = 0.0;
    let mut concentrated = 0.0;
    for (d, c, conc) in entries {
        if cycle.contains(d) {
            total += c;
            if conc {
                concentrated += c;
            }
        }
    }
    CreditStanding {
        total,
        concentrated,
        required_total: s.required_total,
        required_concentrated: s.required_concentrated,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn completion_threshold_boundary() {
        assert!(completes(8, 10, 80));
        assert!(!completes(7, 10, 80));
        assert!(completes(4, 5, 80));
        assert!(!completes(3, 4, 80)); // 75%
        assert!(completes(1, 1, 100));
        assert!(!completes(0, 0, 80));
        assert!(completes(1, 3, 33)); // 33.3% ≥ 33%
    }

    #[test]
    fn cycles_repeat_from_first_year() {
        let s = Settings::default(); // 2021, 5 years
        assert_eq!(
            cycle_of(d(2021, 1, 1), &s),
            Cycle {
                first_year: 2021,
                last_year: 2025
            }
        );
        assert_eq!(
            cycle_of(d(2025, 12, 31), &s),
            Cycle {
                first_year: 2021,
                last_year: 2025
            }
        );
        assert_eq!(
            cycle_of(d(2026, 1, 1), &s),
            Cycle {
                first_year: 2026,
                last_year: 2030
            }
        );
        assert_eq!(
            cycle_of(d(2019, 6, 1), &s),
            Cycle {
                first_year: 2016,
                last_year: 2020
            }
        );
    }

    #[test]
    fn compliance_needs_both_totals() {
        let s = Settings::default();
        let c = cycle_of(d(2026, 6, 1), &s);
        let st = standing([(d(2026, 3, 1), 120.0, false)], &c, &s);
        assert!(!st.is_met()); // no concentrated credits
        let st = standing(
            [(d(2026, 3, 1), 100.0, false), (d(2027, 3, 1), 20.0, true)],
            &c,
            &s,
        );
        assert!(st.is_met());
        assert_eq!(st.compliance(&c, d(2026, 6, 1)), Compliance::Met);
    }

    #[test]
    fn entries_outside_cycle_do_not_count() {
        let s = Settings::default();
        let c = cycle_of(d(2026, 6, 1), &s);
        let st = standing(
            [(d(2025, 12, 31), 50.0, true), (d(2026, 1, 1), 5.0, true)],
            &c,
            &s,
        );
        assert_eq!(st.total, 5.0);
        assert_eq!(st.concentrated, 5.0);
    }

    #[test]
    fn at_risk_is_behind_straight_line_pace() {
        let s = Settings::default();
        let c = cycle_of(d(2026, 1, 1), &s);
        // Halfway through the cycle (mid 2028) pace is 60 total / 10 concentrated.
        let mid = d(2028, 7, 1);
        let share = c.elapsed_share(mid);
        assert!((share - 0.5).abs() < 0.01);
        let on = standing(
            [(d(2026, 5, 1), 55.0, false), (d(2026, 5, 2), 10.0, true)],
            &c,
            &s,
        );
        assert_eq!(on.compliance(&c, mid), Compliance::OnPace);
        let behind = standing(
            [(d(2026, 5, 1), 30.0, false), (d(2026, 5, 2), 10.0, true)],
            &c,
            &s,
        );
        assert_eq!(behind.compliance(&c, mid), Compliance::AtRisk);
        let no_conc = standing([(d(2026, 5, 1), 90.0, false)], &c, &s);
        assert_eq!(no_conc.compliance(&c, mid), Compliance::AtRisk);
        // On the first day the pace is one day's share: an empty ledger is behind it
        // by a hair, and a day's worth of credits is on pace.
        let empty = standing(Vec::<(NaiveDate, f64, bool)>::new(), &c, &s);
        assert_eq!(empty.compliance(&c, d(2026, 1, 1)), Compliance::AtRisk);
        let day_one = standing([(d(2026, 1, 1), 1.0, true)], &c, &s);
        assert_eq!(day_one.compliance(&c, d(2026, 1, 1)), Compliance::OnPace);
    }
}
