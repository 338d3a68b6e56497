//! Which characters to highlight in a visible row (computed only for the
//! rows on screen, docs/rules.md §8).

use super::matcher;
use super::query::Query;
use super::storage::Fields;
use super::Highlight;

/// Positions of the query's match in the name, staff number and phone.
pub fn of_fields(f: &Fields<'_>, query: &str) -> Highlight {
    let q = Query::parse(query);
    let mut h = Highlight {
        name: matcher::name_positions(f.name, f.pinyin, &q.text),
        ..Highlight::default()
    };
    if !q.compact.is_empty() && (q.has_digit || f.staff_no.eq_ignore_ascii_case(&q.compact)) {
        if let Some(at) = matcher::find_ascii_ci(f.staff_no, &q.compact) {
            let first = f.staff_no.get(..at).map_or(0, |s| s.chars().count());
            h.staff_no = (first..first + q.compact.chars().count()).collect();
        }
    }
    if q.all_digits && q.text.len() >= 4 && matcher::phone_tail(f.phone, &q.text) {
        let digits: Vec<usize> = f
            .phone
            .chars()
            .enumerate()
            .filter(|(_, c)| c.is_ascii_digit())
            .map(|(i, _)| i)
            .collect();
        h.phone = digits[digits.len().saturating_sub(q.text.len())..].to_vec();
    }
    h
}
