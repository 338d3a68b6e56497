//! Credit registration (学分登记, docs/rules.md §4.3): an entry's category, the rule that turns
//! its hours into credits, and the registrar's status 待审核 → 已认定 / 退回.

/// How one category turns hours into credits.
#[derive(Debug, Clone, PartialEq)]
pub struct CategoryRule {
    /// The category's name as entered and shown (集中培训, 网络研修 …).
    pub name: String,
    /// Credits for one hour (学时).
    pub credits_per_hour: f64,
    /// The most credits one entry of the category earns.
    pub cap: f64,
    /// Counts toward the concentrated-training floor.
    pub concentrated: bool,
}

/// The district's categories (setting `credit_categories`, in the form `format_rules`
/// writes): concentrated training 0.5 a hour up to 30 an entry (a 3-hour session is 1.5, as
/// the district's projects give), online courses 0.5 up to 20, school-based training 0.25 up
/// to 12, degree study 0.5 up to 40, anything else 0.25 up to 10.
pub const DEFAULT_RULES: &str =
    "集中培训:0.5:30:集中;网络研修:0.5:20;校本研修:0.25:12;学历提升:0.5:40;其他:0.25:10";

/// Reads `name:credits_per_hour:cap[:集中]` items separated by `;`. None when any item is
/// malformed, a number is negative or not finite, a name repeats, or there is no item.
pub fn parse_rules(text: &str) -> Option<Vec<CategoryRule>> {
    let mut out: Vec<CategoryRule> = Vec::new();
    for item in text.split(';').map(str::trim).filter(|i| !i.is_empty()) {
        let parts: Vec<&str> = item.split(':').map(str::trim).collect();
        if !(3..=4).contains(&parts.len()) || parts[0].is_empty() {
            return None;
        }
        let rate: f64 = parts[1].parse().ok()?;
        let cap: f64 = parts[2].parse().ok()?;
        if !rate.is_finite() || !cap.is_finite() || rate < 0.0 || cap < 0.0 {
            return None;
        }
        let concentrated = match parts.get(3) {
            None => false,
            Some(&"集中") | Some(&"concentrated") => true,
            Some(_) => return None,
        };
        if out.iter().any(|r| r.name == parts[0]) {
            return None;
        }
        out.push(CategoryRule {
            name: parts[0].to_string(),
            credits_per_hour: rate,
            cap,
            concentrated,
        });
    }
    (!out.is_empty()).then_some(out)
}

/// The stored form of `rules` (what `parse_rules` reads).
pub fn format_rules(rules: &[CategoryRule]) -> String {
    rules
        .iter()
        .map(|r| {
            let conc = if r.concentrated { ":集中" } else { "" };
            format!("{}:{}:{}{conc}", r.name, r.credits_per_hour, r.cap)
        })
        .collect::<Vec<_>>()
        .join(";")
}

/// The rule of a category by its name (exact, after trimming).
pub fn rule_of<'a>(rules: &'a [CategoryRule], name: &str) -> Option<&'a CategoryRule> {
    rules.iter().find(|r| r.name == name.trim())
}

/// Credits for `hours` under `rule`: hours × rate, at most the cap, to a tenth of a credit
/// (rounded half up).
pub fn credits_for(hours: f64, rule: &CategoryRule) -> f64 {
    let raw = (hours.max(0.0) * rule.credits_per_hour).min(rule.cap);
    (raw * 10.0 + 1e-9).round() / 10.0
}

/// The registrar's status of a ledger entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EntryStatus {
    /// 待审核: registered, waiting for the registrar; counts for nothing yet.
    Pending,
    /// 已认定: counts toward the cycle's standing.
    Recognised,
    /// 退回: returned with a reason; counts for nothing.
    Returned,
}

impl EntryStatus {
    pub const ALL: &'static [EntryStatus] = &[
        EntryStatus::Pending,
        EntryStatus::Recognised,
        EntryStatus::Returned,
    ];
    pub fn code(self) -> &'static str {
        match self {
            EntryStatus::Pending => "pending",
            EntryStatus::Recognised => "recognised",
            EntryStatus::Returned => "returned",
        }
    }
    pub fn zh(self) -> &'static str {
        match self {
            EntryStatus::Pending => "待审核",
            EntryStatus::Recognised => "已认定",
            EntryStatus::Returned => "退回",
        }
    }
    pub fn en(self) -> &'static str {
        match self {
            EntryStatus::Pending => "pending",
            EntryStatus::Recognised => "recognised",
            EntryStatus::Returned => "returned",
        }
    }
    /// A code name or a Chinese name.
    pub fn parse(s: &str) -> Option<EntryStatus> {
        let s = s.trim();
        EntryStatus::ALL
            .iter()
            .copied()
            .find(|st| st.code().eq_ignore_ascii_case(s) || st.zh() == s)
    }
    /// Does an entry in this status count toward the standing?
    pub fn counts(self) -> bool {
        match self {
            EntryStatus::Recognised => true,
            EntryStatus::Pending | EntryStatus::Returned => false,
        }
    }
}

/// What the registrar decides about an entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Review {
    Approve,
    Return,
}

/// Why a review is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReviewRefusal {
    /// Only 待审核 entries are approved or returned; this one is already decided.
    NotPending(EntryStatus),
    /// Returning needs a reason.
    NoReason,
}

/// The status after `review` of an entry in `current`; only pending entries move, and a
/// return needs a non-blank reason.
pub fn review(
    current: EntryStatus,
    decision: Review,
    reason: &str,
) -> Result<EntryStatus, ReviewRefusal> {
    match current {
        EntryStatus::Pending => {}
        EntryStatus::Recognised | EntryStatus::Returned => {
            return Err(ReviewRefusal::NotPending(current))
        }
    }
    match decision {
        Review::Approve => Ok(EntryStatus::Recognised),
        Review::Return if reason.trim().is_empty() => Err(ReviewRefusal::NoReason),
        Review::Return => Ok(EntryStatus::Returned),
    }
}

#[cfg(test)]
#[path = "credit_registration_tests.rs"]
mod tests;
