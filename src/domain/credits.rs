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
    /// Has the cycle ended on `today` (its last day is over)?
    pub fn ended(&self, today: NaiveDate) -> bool {
        today > self.end()
    }
    /// Months of the cycle still to come on `today`, counting today's month: every month
    /// before the cycle starts, none after it has ended.
    pub fn months_left(&self, today: NaiveDate) -> i64 {
        let months = |y: i32, m: u32| i64::from(y) * 12 + i64::from(m) - 1;
        let last = months(self.last_year, 12);
        let first = months(self.first_year, 1);
        let now = months(today.year(), today.month()).max(first);
        (last - now + 1).max(0)
    }
}

/// The least totals (total, concentrated) a teacher must hold on `today` to be on pace:
/// the requirements less what the district's usual yearly offer (settings
/// `yearly_offer_total`, `yearly_offer_concentrated`) still allows in the months left.
/// After the cycle's end nothing is left to earn, so the floors are the requirements.
pub fn pace_floor(cycle: &Cycle, today: NaiveDate, st: &CreditStanding) -> (f64, f64) {
    let years_left = cycle.months_left(today) as f64 / 12.0;
    (
        st.required_total - st.offer_total * years_left,
        st.required_concentrated - st.offer_concentrated * years_left,
    )
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
    /// What a teacher can usually earn in a year (settings), for the pace rule.
    pub offer_total: f64,
    pub offer_concentrated: f64,
}

/// Compliance of a cycle's standing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Compliance {
    /// Both totals reached (达标).
    Met,
    /// Not yet reached, and what is missing can still be earned at the usual yearly offer
    /// in the months left.
    OnPace,
    /// The shortfall is more than the usual yearly offer allows in the months left (进度落后).
    Behind,
    /// The cycle has ended without both totals (未达标).
    NotMet,
}

impl Compliance {
    /// Stable code (exports) and Chinese label.
    pub fn code(self) -> &'static str {
        match self {
            Compliance::Met => "met",
            Compliance::OnPace => "on_pace",
            Compliance::Behind => "behind",
            Compliance::NotMet => "not_met",
        }
    }
    pub fn zh(self) -> &'static str {
        match self {
            Compliance::Met => "达标",
            Compliance::OnPace => "进度正常",
            Compliance::Behind => "进度落后",
            Compliance::NotMet => "未达标",
        }
    }
    pub fn en(self) -> &'static str {
        match self {
            Compliance::Met => "met",
            Compliance::OnPace => "on pace",
            Compliance::Behind => "behind",
            Compliance::NotMet => "not met",
        }
    }
    /// Behind or not met: the teachers a coordinator must act on.
    pub fn is_short(self) -> bool {
        match self {
            Compliance::Met | Compliance::OnPace => false,
            Compliance::Behind | Compliance::NotMet => true,
        }
    }
}

/// Tolerance of the pace test, so an exactly makeable shortfall does not flip on rounding.
pub const PACE_TOLERANCE: f64 = 1e-9;

impl CreditStanding {
    pub fn is_met(&self) -> bool {
        self.total >= self.required_total && self.concentrated >= self.required_concentrated
    }

    /// Met; otherwise, in an ended cycle, not met; otherwise on pace when both shortfalls can
    /// still be earned at the usual yearly offer in the months left (`pace_floor`), else behind.
    pub fn compliance(&self, cycle: &Cycle, today: NaiveDate) -> Compliance {
        if self.is_met() {
            return Compliance::Met;
        }
        if cycle.ended(today) {
            return Compliance::NotMet;
        }
        let (floor_total, floor_conc) = pace_floor(cycle, today, self);
        if self.total + PACE_TOLERANCE >= floor_total
            && self.concentrated + PACE_TOLERANCE >= floor_conc
        {
            Compliance::OnPace
        } else {
            Compliance::Behind
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
        offer_total: s.yearly_offer_total,
        offer_concentrated: s.yearly_offer_concentrated,
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

    fn empty() -> Vec<(NaiveDate, f64, bool)> {
        Vec::new()
    }

    #[test]
    fn months_left_count_the_current_month() {
        let c = cycle_of(d(2026, 1, 1), &Settings::default());
        assert_eq!(c.months_left(d(2025, 6, 1)), 60);
        assert_eq!(c.months_left(d(2026, 1, 1)), 60);
        assert_eq!(c.months_left(d(2026, 11, 30)), 50);
        assert_eq!(c.months_left(d(2030, 1, 1)), 12);
        assert_eq!(c.months_left(d(2030, 12, 31)), 1);
        assert_eq!(c.months_left(d(2031, 1, 1)), 0);
    }

    #[test]
    fn eleven_months_in_an_empty_ledger_is_on_pace() {
        // 50 months left at 30 a year (8 concentrated) make 125 (33.3): 120 / 20 fit.
        let s = Settings::default();
        let c = cycle_of(d(2026, 11, 15), &s);
        let st = standing(empty(), &c, &s);
        assert_eq!(st.compliance(&c, d(2026, 11, 15)), Compliance::OnPace);
    }

    #[test]
    fn behind_only_when_the_shortfall_cannot_be_made_up_at_the_yearly_offer() {
        let s = Settings::default();
        let c = cycle_of(d(2030, 1, 1), &s);
        // January 2030: 12 months left, so 30 more credits (8 concentrated) can be earned.
        let jan = d(2030, 1, 15);
        let exactly = standing(
            [(d(2027, 5, 1), 78.0, false), (d(2027, 5, 2), 12.0, true)],
            &c,
            &s,
        );
        assert_eq!(exactly.total, 90.0);
        assert_eq!(exactly.compliance(&c, jan), Compliance::OnPace);
        let one_more = standing(
            [(d(2027, 5, 1), 77.0, false), (d(2027, 5, 2), 12.0, true)],
            &c,
            &s,
        );
        assert_eq!(one_more.compliance(&c, jan), Compliance::Behind);
        // Concentrated alone: 12 + 8 = 20 makeable; 11 is one short.
        let conc_short = standing(
            [(d(2027, 5, 1), 100.0, false), (d(2027, 5, 2), 11.0, true)],
            &c,
            &s,
        );
        assert_eq!(conc_short.compliance(&c, jan), Compliance::Behind);
        // In December only one month's offer (2.5) is left.
        let dec = d(2030, 12, 1);
        let late = standing(
            [(d(2027, 5, 1), 97.5, false), (d(2027, 5, 2), 20.0, true)],
            &c,
            &s,
        );
        assert_eq!(late.compliance(&c, dec), Compliance::OnPace);
        let later = standing(
            [(d(2027, 5, 1), 97.0, false), (d(2027, 5, 2), 20.0, true)],
            &c,
            &s,
        );
        assert_eq!(later.compliance(&c, dec), Compliance::Behind);
    }

    #[test]
    fn an_ended_cycle_is_met_or_not_met_never_behind() {
        let s = Settings::default();
        let c = cycle_of(d(2025, 1, 1), &s);
        let after = d(2026, 11, 15);
        let short = standing([(d(2024, 5, 1), 119.5, true)], &c, &s);
        assert_eq!(short.compliance(&c, after), Compliance::NotMet);
        assert_eq!(
            standing(empty(), &c, &s).compliance(&c, after),
            Compliance::NotMet
        );
        let met = standing([(d(2024, 5, 1), 120.0, true)], &c, &s);
        assert_eq!(met.compliance(&c, after), Compliance::Met);
        // Its last day still belongs to it: one month's offer left, so 118 is on pace.
        let last_day = standing([(d(2024, 5, 1), 118.0, true)], &c, &s);
        assert_eq!(last_day.compliance(&c, d(2025, 12, 31)), Compliance::OnPace);
        assert_eq!(last_day.compliance(&c, d(2026, 1, 1)), Compliance::NotMet);
    }
}
