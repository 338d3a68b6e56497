//! The follow-up form's observer picker: which Starlight trainers it offers for the text typed.
//! Who is offered follows `TrainerStatus::offered`, the rule of every trainer picker: retired
//! trainers only after Ctrl-R, and then after the others.

use super::form::FollowUpForm;
use crate::store::trainer_list::TrainerLine;

/// Trainers offered at most.
const OFFERED: usize = 20;

/// The trainers a picker offers, and how many more (retired) match but are not offered.
pub(super) struct Offered<'a> {
    pub lines: Vec<&'a TrainerLine>,
    pub hidden: usize,
}

impl FollowUpForm {
    /// Trainers whose name, pinyin or school match the observer text, as the picker offers
    /// them.
    pub(super) fn matches<'a>(
        &self,
        trainers: &'a [(TrainerLine, (String, String))],
    ) -> Offered<'a> {
        let needle = self.observer.text().trim().to_lowercase();
        let mut offered = Offered {
            lines: Vec::new(),
            hidden: 0,
        };
        if needle.is_empty() {
            return offered;
        }
        let mut kept: Vec<(u8, &TrainerLine)> = Vec::new();
        let found = trainers
            .iter()
            .filter(|(l, keys)| crate::tui::screens::starlight::trainer_matches(l, keys, &needle));
        for (line, _) in found {
            match line.trainer.status.offered(self.include_retired) {
                Some(group) => kept.push((group, line)),
                None => offered.hidden += 1,
            }
        }
        kept.sort_by_key(|(group, _)| *group);
        offered.lines = kept.into_iter().take(OFFERED).map(|(_, l)| l).collect();
        offered
    }
}
