//! Needs surveys (训前调研, docs/rules.md §4.8 "Needs survey"): reading a multi-choice topics
//! answer and a preferred training form as questionnaire tools write them, and what a draft
//! project made from a topic gets — its audience, its suggested size and its form.

use super::principals::TrainingForm;

/// The separators questionnaire tools put between the choices of a multi-choice answer
/// (问卷星 writes ┋; people and other tools use ；;、,，| and line breaks).
const TOPIC_SEPARATORS: &[char] = &['┋', '；', ';', '、', ',', '，', '|', '｜', '\n'];

/// The largest class a draft project suggests, however many asked for the topic (a district
/// training class; the coordinator may raise the capacity when finishing the project).
pub const MAX_SUGGESTED_SIZE: i64 = 50;

/// The topics of a multi-choice answer, trimmed, without repeats, in the order given. An
/// "other" choice with its filled-in text (问卷星: `其他〖AI 助教〗`) gives the text.
pub fn split_topics(answer: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for part in answer.split(TOPIC_SEPARATORS) {
        let mut topic = part.trim();
        if let (Some(open), Some(close)) = (topic.find('〖'), topic.rfind('〗')) {
            if open < close {
                topic = topic[open + '〖'.len_utf8()..close].trim();
            }
        }
        if !topic.is_empty() && !out.iter().any(|t| t == topic) {
            out.push(topic.to_string());
        }
    }
    out
}

/// The training form an answer names: a form's code, Chinese name or alias, else the first
/// form whose Chinese name the text contains ("工作坊研修（线下）" is a workshop, "线上线下混合"
/// blended). `Ok(None)` for a blank answer, `Err` for an answer naming no form.
#[allow(clippy::result_unit_err)]
pub fn parse_form(answer: &str) -> Result<Option<TrainingForm>, ()> {
    let a = answer.trim();
    if a.is_empty() {
        return Ok(None);
    }
    if let Some(f) = TrainingForm::parse(a) {
        return Ok(Some(f));
    }
    // Blended first: its answers name the online and the in-person parts too.
    const ORDER: [TrainingForm; 6] = [
        TrainingForm::Blended,
        TrainingForm::SendTeaching,
        TrainingForm::Shadowing,
        TrainingForm::Workshop,
        TrainingForm::Online,
        TrainingForm::Offline,
    ];
    let short = |f: TrainingForm| match f {
        TrainingForm::SendTeaching => "送教",
        TrainingForm::Shadowing => "跟岗",
        TrainingForm::Workshop => "工作坊",
        TrainingForm::Online => "线上",
        TrainingForm::Offline => "线下",
        TrainingForm::Blended => "混合",
    };
    ORDER
        .into_iter()
        .find(|f| a.contains(short(*f)))
        .map(Some)
        .ok_or(())
}

/// The suggested size of a draft project: those who asked, at most `MAX_SUGGESTED_SIZE`.
pub fn suggested_size(asked: i64) -> i64 {
    asked.clamp(0, MAX_SUGGESTED_SIZE)
}

/// The most preferred form among `counts` (form, respondents); a tie goes to the form listed
/// first in `TrainingForm::ALL`; None when nobody named a form.
pub fn most_preferred(counts: &[(TrainingForm, i64)]) -> Option<TrainingForm> {
    let count = |f: TrainingForm| {
        counts
            .iter()
            .filter(|(g, _)| *g == f)
            .map(|(_, n)| *n)
            .sum::<i64>()
    };
    let best = TrainingForm::ALL
        .iter()
        .copied()
        .max_by(|a, b| count(*a).cmp(&count(*b)).then(b.cmp(a)))?;
    (count(best) > 0).then_some(best)
}

/// The part of a draft's audience (a subject, or a stage) read from those who asked: the value
/// shared by more than half of them, else None (the audience is not narrowed by it).
pub fn majority<T: Clone>(counts: &[(T, i64)], asked: i64) -> Option<T> {
    counts
        .iter()
        .find(|(_, n)| 2 * *n > asked && asked > 0)
        .map(|(v, _)| v.clone())
}

/// The title of a draft project made from `topic`.
pub fn draft_title(topic: &str) -> String {
    format!("{topic}专题培训")
}

/// Respondents over teachers in service; None when no teacher is in service.
pub fn response_rate(respondents: i64, in_service: i64) -> Option<f64> {
    (in_service > 0).then(|| respondents as f64 / in_service as f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_separator_splits_topics_and_the_other_choice_gives_its_text() {
        assert_eq!(
            split_topics("大单元教学┋作业设计；课堂评价;信息技术融合、心理健康, 大单元教学"),
            [
                "大单元教学",
                "作业设计",
                "课堂评价",
                "信息技术融合",
                "心理健康"
            ]
        );
        assert_eq!(
            split_topics("其他〖AI 助教〗┋ 跨学科 "),
            ["AI 助教", "跨学科"]
        );
        assert!(split_topics(" ┋ ").is_empty());
    }

    #[test]
    fn a_form_is_read_from_its_name_or_the_words_an_answer_holds() {
        assert_eq!(parse_form("工作坊研修"), Ok(Some(TrainingForm::Workshop)));
        assert_eq!(parse_form("online"), Ok(Some(TrainingForm::Online)));
        assert_eq!(
            parse_form("工作坊研修（线下）"),
            Ok(Some(TrainingForm::Workshop))
        );
        assert_eq!(
            parse_form("线上线下混合式"),
            Ok(Some(TrainingForm::Blended))
        );
        assert_eq!(parse_form(""), Ok(None));
        assert_eq!(parse_form("讲座"), Err(()));
    }

    #[test]
    fn size_form_and_audience_of_a_draft() {
        assert_eq!(suggested_size(12), 12);
        assert_eq!(suggested_size(MAX_SUGGESTED_SIZE + 1), MAX_SUGGESTED_SIZE);
        let forms = [(TrainingForm::Online, 3), (TrainingForm::Workshop, 3)];
        assert_eq!(most_preferred(&forms), Some(TrainingForm::Workshop));
        assert_eq!(most_preferred(&[]), None);
        assert_eq!(majority(&[("数学", 3), ("语文", 2)], 5), Some("数学"));
        assert_eq!(majority(&[("数学", 2), ("语文", 2)], 4), None);
        assert_eq!(draft_title("作业设计"), "作业设计专题培训");
        assert_eq!(response_rate(5, 0), None);
    }
}
