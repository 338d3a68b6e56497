//! A trainer's sessions must not overlap (docs/rules.md §4.7: one trainer, one place at a time).
//! Two sessions on one day clash when each starts before the other ends: a session ending
//! at 11:30 and one starting at 11:30 do not clash.

use chrono::NaiveTime;

/// Do the times `a` and `b` (start, end) of sessions on the same day overlap?
pub fn times_overlap(a: (NaiveTime, NaiveTime), b: (NaiveTime, NaiveTime)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap_or_default()
    }

    #[test]
    fn sessions_that_meet_at_a_minute_do_not_clash_and_one_minute_more_does() {
        let morning = (t(8, 30), t(11, 30));
        assert!(!times_overlap(morning, (t(11, 30), t(12, 30))));
        assert!(!times_overlap((t(7, 30), t(8, 30)), morning));
        assert!(times_overlap(morning, (t(11, 29), t(12, 30))));
        assert!(times_overlap((t(7, 30), t(8, 31)), morning));
        assert!(times_overlap(morning, (t(9, 0), t(10, 0))), "inside");
        assert!(times_overlap((t(8, 0), t(12, 0)), morning), "around");
        assert!(times_overlap(morning, morning), "the same times");
    }
}
