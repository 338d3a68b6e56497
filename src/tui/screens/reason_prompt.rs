//! The reason prompt of a mark change, shared by the desk and the Vetoes tab: the change, what
//! it really does to the teacher's veto for that year and to completion (computed once, in
//! `ops::mark_effect`), then what to give. One line each (the dialog wraps them).

use crate::domain::veto::VetoChange;
use crate::domain::Status;
use crate::ops::mark_effect::effect_of_change;
use crate::tui::i18n;
use crate::tui::screen::Ctx;

/// The prompt for setting `teacher_id`'s mark at `session_id` from `before` to `after`;
/// `who` names the teacher (and the mark).
pub fn mark_reason_prompt(
    ctx: &Ctx,
    who: &str,
    session_id: i64,
    teacher_id: i64,
    before: Option<Status>,
    after: Status,
) -> String {
    let from = match before {
        Some(b) => b.label(ctx.zh()),
        None => ctx.t(i18n::DESK_UNMARKED),
    };
    let mut lines = vec![ctx.tf(i18n::MARK_CHANGE, &[&who, &from, &after.label(ctx.zh())])];
    // Reading fails only with the database: the prompt still asks, without the effect.
    if let Ok(Some(effect)) =
        effect_of_change(ctx.conn(), session_id, teacher_id, after, ctx.settings)
    {
        let year = effect.year;
        match effect.veto {
            VetoChange::Lifts => lines.push(ctx.tf(i18n::MARK_VETO_LIFTS, &[&year])),
            VetoChange::KeptByOthers { others } => {
                lines.push(ctx.tf(i18n::MARK_VETO_KEPT, &[&year, &others]))
            }
            VetoChange::Creates => lines.push(ctx.tf(i18n::MARK_VETO_CREATES, &[&year])),
            VetoChange::Stays => lines.push(ctx.tf(i18n::MARK_VETO_STAYS, &[&year])),
            VetoChange::NotInvolved => {}
        }
        if let Some(c) = effect.completion {
            let met = |m: bool| {
                ctx.t(if m {
                    i18n::MARK_MET
                } else {
                    i18n::MARK_NOT_MET
                })
            };
            lines.push(ctx.tf(
                i18n::MARK_COMPLETION,
                &[&c.project_code, &met(c.before), &met(c.after)],
            ));
        }
    }
    let removes_cause = crate::domain::veto::removes_veto_status(before, after);
    let ask = if removes_cause {
        i18n::MARK_ASK_REASON
    } else if after.is_leave() {
        i18n::MARK_ASK_LEAVE
    } else {
        i18n::MARK_ASK_LOCKED
    };
    lines.push(ctx.t(ask).to_string());
    lines.join("\n")
}
