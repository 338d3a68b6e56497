//! Digits that pick a candidate, as a pinyin input method numbers its candidates: at the desk,
//! while the query is a name being spelled, the candidates on screen carry 1, 2, 3, … and a
//! digit checks that candidate in. A digit picks only when it cannot continue the query: the
//! query holds no digit and no field prefix, and it cannot be the start of a staff number (the
//! letters some staff number begins with, such as the `T` of `T000012`). So `t` followed by
//! `0` or `1` keeps typing a staff number in a district whose numbers start with T, while
//! `zy` followed by `3` picks the third 郑燕/周瑶/… on screen.

use super::Index;

impl Index {
    /// Whether a digit typed after `query` picks a candidate rather than being typed.
    pub fn digits_pick(&self, query: &str) -> bool {
        let q = query.trim();
        if q.is_empty()
            || !q
                .chars()
                .all(|c| c.is_alphabetic() || c == '\'' || c == ' ')
        {
            return false;
        }
        let upper = q.to_uppercase();
        !self.staff_heads().iter().any(|h| h.starts_with(&upper))
    }

    /// The distinct letter runs that begin staff numbers, upper case (`T` for `T000012`);
    /// numbers that begin with a digit add nothing.
    fn staff_heads(&self) -> &[String] {
        self.staff_heads.get_or_init(|| {
            let mut heads: Vec<String> = (0..self.len())
                .filter_map(|slot| {
                    let head: String = self
                        .store
                        .fields(slot)
                        .staff_no
                        .chars()
                        .take_while(|c| !c.is_ascii_digit())
                        .collect();
                    (!head.is_empty()).then(|| head.to_uppercase())
                })
                .collect();
            heads.sort_unstable();
            heads.dedup();
            heads
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::search::{Entry, Index};

    fn index(staff: &[&str]) -> Index {
        Index::new(
            staff
                .iter()
                .enumerate()
                .map(|(i, s)| Entry {
                    id: i as i64 + 1,
                    name: "王艳".into(),
                    staff_no: s.to_string(),
                    ..Entry::default()
                })
                .collect(),
        )
    }

    #[test]
    fn a_name_being_spelled_takes_digits_as_picks() {
        let ix = index(&["T000012", "T100200", "2019003"]);
        for q in ["zy", "wangyan", "w", "王", "王艳", "zhang wei", "xi'an"] {
            assert!(ix.digits_pick(q), "{q}");
        }
    }

    #[test]
    fn a_staff_number_or_anything_else_keeps_its_digits() {
        let ix = index(&["T000012", "TN20001", "2019003"]);
        // `t` and `tn` begin staff numbers (any case); digits, filters and blanks never pick.
        for q in [
            "",
            "  ",
            "t",
            "T",
            "tn",
            "Tn",
            "t1",
            "13",
            "138",
            "school:实验",
            "zy2",
        ] {
            assert!(!ix.digits_pick(q), "{q}");
        }
        assert!(ix.digits_pick("tnx"));
        assert!(ix.digits_pick("ta"));
    }

    #[test]
    fn a_changed_staff_number_is_seen() {
        let mut ix = index(&["2019003"]);
        assert!(ix.digits_pick("k"));
        ix.upsert(Entry {
            id: 1,
            name: "王艳".into(),
            staff_no: "K77".into(),
            ..Entry::default()
        });
        assert!(!ix.digits_pick("k"));
    }
}
