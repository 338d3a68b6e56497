//! Trainees' feedback (反馈意见): the three questions, reading an answer given as text or a
//! digit, averages and distributions, and who may give feedback (only a teacher who attended,
//! docs/rules.md §4.1.8).

/// The three rated questions of a feedback form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Question {
    Content,
    Trainer,
    Organisation,
}

impl Question {
    pub const ALL: [Question; 3] = [Question::Content, Question::Trainer, Question::Organisation];

    /// The code name (column names, settings, JSON).
    pub fn code(self) -> &'static str {
        match self {
            Question::Content => "content",
            Question::Trainer => "trainer",
            Question::Organisation => "organisation",
        }
    }

    pub fn label(self, zh: bool) -> &'static str {
        match (self, zh) {
            (Question::Content, true) => "内容",
            (Question::Content, false) => "Content",
            (Question::Trainer, true) => "授课教师",
            (Question::Trainer, false) => "Trainer",
            (Question::Organisation, true) => "组织安排",
            (Question::Organisation, false) => "Organisation",
        }
    }
}

/// The answers a questionnaire tool writes, best first (非常满意 = 5 … 非常不满意 = 1).
const ANSWERS: &[(&str, u8)] = &[
    ("非常不满意", 1),
    ("很不满意", 1),
    ("非常满意", 5),
    ("很满意", 5),
    ("比较满意", 4),
    ("基本满意", 3),
    ("不太满意", 2),
    ("不满意", 2),
    ("满意", 4),
    ("一般", 3),
    ("very dissatisfied", 1),
    ("dissatisfied", 2),
    ("very satisfied", 5),
    ("satisfied", 4),
    ("neutral", 3),
];

/// Reads a rating 1–5 from an answer: a digit (also "5分", "5.0") or one of the usual texts.
/// An empty answer is `Ok(None)`; anything else is `Err(())`.
#[allow(clippy::result_unit_err)]
pub fn parse_rating(text: &str) -> Result<Option<u8>, ()> {
    let t = text.trim().trim_end_matches('分').trim();
    if t.is_empty() {
        return Ok(None);
    }
    if let Ok(v) = t.parse::<f64>() {
        if v.fract() == 0.0 && (1.0..=5.0).contains(&v) {
            return Ok(Some(v as u8));
        }
        return Err(());
    }
    let lower = t.to_lowercase();
    ANSWERS
        .iter()
        .find(|(a, _)| lower == *a)
        .map(|&(_, v)| Some(v))
        .ok_or(())
}

/// How many answers gave each rating: `counts[0]` is rating 1, `counts[4]` rating 5.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Distribution {
    pub counts: [u64; 5],
}

impl Distribution {
    pub fn add(&mut self, rating: u8) {
        if (1..=5).contains(&rating) {
            self.counts[usize::from(rating - 1)] += 1;
        }
    }

    pub fn total(&self) -> u64 {
        self.counts.iter().sum()
    }

    /// The mean rating, `None` without answers.
    pub fn average(&self) -> Option<f64> {
        let total = self.total();
        (total > 0).then(|| {
            let sum: u64 = (1..=5u64).zip(self.counts).map(|(r, n)| r * n).sum();
            sum as f64 / total as f64
        })
    }
}

/// The share of attending teachers who answered, in per cent; `None` when nobody attended.
pub fn response_rate(respondents: u64, attended: u64) -> Option<f64> {
    (attended > 0).then(|| respondents as f64 * 100.0 / attended as f64)
}

/// Only a teacher who attended (§4.1.8) may give feedback.
pub fn may_give_feedback(attended: bool) -> bool {
    attended
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_as_text_or_digits() {
        assert_eq!(parse_rating("非常满意"), Ok(Some(5)));
        assert_eq!(parse_rating("满意"), Ok(Some(4)));
        assert_eq!(parse_rating("一般"), Ok(Some(3)));
        assert_eq!(parse_rating("不满意"), Ok(Some(2)));
        assert_eq!(parse_rating("非常不满意"), Ok(Some(1)));
        assert_eq!(parse_rating(" 4分"), Ok(Some(4)));
        assert_eq!(parse_rating("5.0"), Ok(Some(5)));
        assert_eq!(parse_rating(""), Ok(None));
        assert_eq!(parse_rating("6"), Err(()));
        assert_eq!(parse_rating("还行吧"), Err(()));
    }

    #[test]
    fn average_and_response_rate() {
        let mut d = Distribution::default();
        for r in [5, 5, 4, 3] {
            d.add(r);
        }
        assert_eq!(d.counts, [0, 0, 1, 1, 2]);
        assert_eq!(d.average(), Some(4.25));
        assert_eq!(Distribution::default().average(), None);
        assert_eq!(response_rate(3, 4), Some(75.0));
        assert_eq!(response_rate(0, 0), None);
    }
}
