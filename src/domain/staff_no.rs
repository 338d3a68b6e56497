//! Staff numbers (工号): one teacher per number whatever its case.

/// The stored form of a staff number: trimmed, ASCII letters in upper case
/// (`t000013` → `T000013`). Only ASCII is folded, as SQLite's `upper()` and
/// `COLLATE NOCASE` do, so the schema's guard and this function agree.
pub fn canonical_staff_no(text: &str) -> String {
    canonical_staff_no_cow(text).into_owned()
}

/// `canonical_staff_no`, borrowing `text` when it already is (most files' staff numbers).
pub fn canonical_staff_no_cow(text: &str) -> std::borrow::Cow<'_, str> {
    let t = text.trim();
    if t.bytes().any(|b| b.is_ascii_lowercase()) {
        std::borrow::Cow::Owned(t.to_ascii_uppercase())
    } else {
        std::borrow::Cow::Borrowed(t)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_and_surrounding_space_make_no_other_staff_number() {
        assert_eq!(canonical_staff_no(" t000013 "), "T000013");
        assert_eq!(canonical_staff_no("Tn-20001"), "TN-20001");
        assert_eq!(canonical_staff_no("0123"), "0123");
        // Non-ASCII letters stay as they are (SQLite folds ASCII only).
        assert_eq!(canonical_staff_no("é12"), "é12");
        assert!(matches!(
            canonical_staff_no_cow(" T0001 "),
            std::borrow::Cow::Borrowed("T0001")
        ));
        assert_eq!(canonical_staff_no_cow("t0001"), "T0001");
    }
}
