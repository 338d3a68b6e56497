//! Settings that shape the rules (docs/rules.md §4), with the district's defaults.

use super::credit_registration::{format_rules, parse_rules, CategoryRule, DEFAULT_RULES};

/// Rule settings; stored as key/value rows in the `settings` table.
#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    /// Minutes after the start that still count as on time (§4.1).
    pub grace_minutes: i64,
    /// Share of a session (0–100 %) a late or left-early teacher must be there for the
    /// mark to count as attended (§4.1, `attendance::Presence`).
    pub min_presence_pct: i64,
    /// First month (1–12) of the veto year; 1 = calendar year, 9 = school year (§4.2).
    pub veto_year_start_month: u32,
    /// First year of any five-year credit cycle (cycles repeat from it) (§4.3).
    pub cycle_first_year: i32,
    /// Length of a credit cycle in years.
    pub cycle_years: i32,
    /// Credits required per cycle.
    pub required_total: f64,
    /// Of which from concentrated training.
    pub required_concentrated: f64,
    /// Credits a teacher can usually earn in a year from what the district offers (§4.3):
    /// a shortfall larger than this rate over the months left in the cycle is "behind".
    pub yearly_offer_total: f64,
    /// Of which from concentrated training.
    pub yearly_offer_concentrated: f64,
    /// Credit registration's categories and their hours → credits rules (§4.3).
    pub credit_categories: Vec<CategoryRule>,
    /// Default completion threshold of a new project, in percent.
    pub default_threshold_pct: i64,
    /// District name printed on sign-in sheets and reports.
    pub district_name: String,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            grace_minutes: 5,
            min_presence_pct: 50,
            veto_year_start_month: 1,
            cycle_first_year: 2021,
            cycle_years: 5,
            required_total: 120.0,
            required_concentrated: 20.0,
            yearly_offer_total: 30.0,
            yearly_offer_concentrated: 8.0,
            credit_categories: parse_rules(DEFAULT_RULES).unwrap_or_default(),
            default_threshold_pct: 80,
            district_name: "潼南区".to_string(),
        }
    }
}

impl Settings {
    /// Keys as stored in the `settings` table.
    pub const KEYS: &'static [&'static str] = &[
        "grace_minutes",
        "min_presence_pct",
        "veto_year_start_month",
        "cycle_first_year",
        "cycle_years",
        "required_total",
        "required_concentrated",
        "yearly_offer_total",
        "yearly_offer_concentrated",
        "credit_categories",
        "default_threshold_pct",
        "district_name",
    ];

    /// Applies one stored key/value; unknown keys and unparsable values are ignored
    /// (the default stays) so an old or hand-edited settings row never stops the app.
    pub fn apply(&mut self, key: &str, value: &str) {
        let v = value.trim();
        match key {
            "grace_minutes" => {
                if let Ok(n) = v.parse::<i64>() {
                    if (0..=120).contains(&n) {
                        self.grace_minutes = n;
                    }
                }
            }
            "min_presence_pct" => {
                if let Ok(n) = v.parse::<i64>() {
                    if (0..=100).contains(&n) {
                        self.min_presence_pct = n;
                    }
                }
            }
            "veto_year_start_month" => {
                if let Ok(n) = v.parse::<u32>() {
                    if (1..=12).contains(&n) {
                        self.veto_year_start_month = n;
                    }
                }
            }
            "cycle_first_year" => {
                if let Ok(n) = v.parse::<i32>() {
                    self.cycle_first_year = n;
                }
            }
            "cycle_years" => {
                if let Ok(n) = v.parse::<i32>() {
                    if n >= 1 {
                        self.cycle_years = n;
                    }
                }
            }
            "required_total" => {
                if let Ok(n) = v.parse::<f64>() {
                    self.required_total = n;
                }
            }
            "required_concentrated" => {
                if let Ok(n) = v.parse::<f64>() {
                    self.required_concentrated = n;
                }
            }
            "yearly_offer_total" => {
                if let Ok(n) = v.parse::<f64>() {
                    if (0.0..=1000.0).contains(&n) {
                        self.yearly_offer_total = n;
                    }
                }
            }
            "yearly_offer_concentrated" => {
                if let Ok(n) = v.parse::<f64>() {
                    if (0.0..=1000.0).contains(&n) {
                        self.yearly_offer_concentrated = n;
                    }
                }
            }
            "credit_categories" => {
                if let Some(rules) = parse_rules(v) {
                    self.credit_categories = rules;
                }
            }
            "default_threshold_pct" => {
                if let Ok(n) = v.parse::<i64>() {
                    if (1..=100).contains(&n) {
                        self.default_threshold_pct = n;
                    }
                }
            }
            "district_name" => self.district_name = v.to_string(),
            _ => {}
        }
    }

    /// The value of a key as stored.
    pub fn value_of(&self, key: &str) -> Option<String> {
        Some(match key {
            "grace_minutes" => self.grace_minutes.to_string(),
            "min_presence_pct" => self.min_presence_pct.to_string(),
            "veto_year_start_month" => self.veto_year_start_month.to_string(),
            "cycle_first_year" => self.cycle_first_year.to_string(),
            "cycle_years" => self.cycle_years.to_string(),
            "required_total" => self.required_total.to_string(),
            "required_concentrated" => self.required_concentrated.to_string(),
            "yearly_offer_total" => self.yearly_offer_total.to_string(),
            "yearly_offer_concentrated" => self.yearly_offer_concentrated.to_string(),
            "credit_categories" => format_rules(&self.credit_categories),
            "default_threshold_pct" => self.default_threshold_pct.to_string(),
            "district_name" => self.district_name.clone(),
            _ => return None,
        })
    }
}
