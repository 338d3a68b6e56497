//! Places allotted per project and school (名额分配): when an enrolment goes beyond them,
//! and how N places are split over schools by teacher count.
//!
//! A school with no allotment row in a project has no per-school limit there (only the
//! project's capacity holds); a project without a capacity has no overall limit.

/// A limit an enrolment would go beyond.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Breach {
    /// The school would send `enrolled` teachers against `places` allotted.
    School {
        school: String,
        places: i64,
        enrolled: i64,
    },
    /// The project would hold `enrolled` teachers against its `capacity`.
    Capacity { capacity: i64, enrolled: i64 },
}

/// True when `enrolled` goes beyond `limit` (exactly at the limit is allowed; no limit, no breach).
pub fn beyond(limit: Option<i64>, enrolled: i64) -> bool {
    limit.is_some_and(|l| enrolled > l)
}

/// Splits `total` places over schools in proportion to their active `teachers`
/// (largest remainder: each school gets the whole part of its share, then the places
/// left go one each to the largest remainders; ties go to the school with more teachers,
/// then to the earlier one). The result sums to `total` unless no school has a teacher
/// (then every school gets 0).
pub fn split_by_teachers(total: i64, teachers: &[i64]) -> Vec<i64> {
    let total = total.max(0);
    let sum: i64 = teachers.iter().map(|t| (*t).max(0)).sum();
    if sum == 0 {
        return vec![0; teachers.len()];
    }
    let mut out = Vec::with_capacity(teachers.len());
    let mut rest = Vec::with_capacity(teachers.len());
    for (i, t) in teachers.iter().enumerate() {
        let share = i128::from(total) * i128::from((*t).max(0));
        out.push((share / i128::from(sum)) as i64);
        rest.push((share % i128::from(sum), (*t).max(0), i));
    }
    let left = total - out.iter().sum::<i64>();
    rest.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2)));
    for (_, _, i) in rest.into_iter().take(left as usize) {
        out[i] += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exactly_at_the_limit_is_allowed_one_over_is_not() {
        assert!(!beyond(Some(3), 3));
        assert!(beyond(Some(3), 4));
        assert!(!beyond(None, 1_000));
        assert!(beyond(Some(0), 1));
    }

    #[test]
    fn split_gives_the_leftover_places_to_the_largest_remainders() {
        // 10 places over 120, 75, 45, 10 teachers (250): shares 4.8, 3.0, 1.8, 0.4
        // → 4, 3, 1, 0 and two left: to 0.8 (first) and 0.8 (third).
        assert_eq!(split_by_teachers(10, &[120, 75, 45, 10]), vec![5, 3, 2, 0]);
        assert_eq!(split_by_teachers(7, &[1, 1, 1]), vec![3, 2, 2]);
        // A tie in remainders goes to the school with more teachers.
        assert_eq!(split_by_teachers(1, &[10, 30]), vec![0, 1]);
        assert_eq!(split_by_teachers(5, &[0, 0]), vec![0, 0]);
        assert_eq!(split_by_teachers(0, &[3, 4]), vec![0, 0]);
        let split = split_by_teachers(97, &[13, 29, 41, 7, 0, 55]);
        assert_eq!(split.iter().sum::<i64>(), 97);
        assert_eq!(split[4], 0);
    }
}
