//! After a project: credits for those who completed it, follow-ups, feedback;
//! then the district's manual credit entries and a few audit-log rows.

use super::attendance::Written;
use super::catalog::*;
use super::names::COORDINATORS;
use super::people::{date_str, days_before};
use super::Gen;
use crate::domain::credits::completes;
use crate::error::Result;
use crate::store::audit::{self, AuditEntry};
use crate::store::bulk::{NewCredit, NewFollowUp};
use serde_json::json;

/// Credits, follow-ups and feedback of a completed project.
pub fn complete_project(g: &mut Gen, p: &Written) -> Result<()> {
    if !p.completed {
        return Ok(());
    }
    let earned = date_str(p.end);
    let mut feedback_left = 40usize;
    for &(teacher, attended) in &p.trainees {
        if !completes(attended as i64, p.sessions as i64, p.threshold) {
            continue;
        }
        g.w.credit(&NewCredit {
            teacher_id: teacher,
            project_id: Some(p.id),
            credits: p.credits,
            concentrated: p.concentrated,
            earned_on: &earned,
            source: "project",
            note: "",
            recorded_by: COORDINATORS[1],
        })?;
        g.counts.credit_entries += 1;
        for &k in &p.kinds {
            follow_up(g, p, teacher, k)?;
        }
        if feedback_left > 0 && g.rng.chance(0.3) {
            feedback_left -= 1;
            let rating = [5, 5, 4, 4, 4, 3, 5, 4, 2, 4][g.rng.index(10)];
            let comment = *g.rng.pick(FEEDBACK);
            let when = format!("{} 17:{:02}:00", earned, g.rng.range(10, 59));
            g.w.feedback(p.id, teacher, rating, comment, &when)?;
            g.counts.feedback += 1;
        }
    }
    Ok(())
}

fn follow_up(g: &mut Gen, p: &Written, teacher: i64, kind: usize) -> Result<()> {
    let due = crate::domain::follow_up::due_date(p.end, FOLLOW_UP_DUE[kind]);
    let past_due = due < g.today;
    let status = if past_due {
        ["evaluated", "done", "pending"][g.rng.weighted(&[55, 25, 20])]
    } else {
        ["pending", "done", "evaluated"][g.rng.weighted(&[70, 22, 8])]
    };
    let (held, rating, observer, notes) = if status == "pending" {
        (None, None, None, "")
    } else {
        // Held between the project's end and the due date (never after today).
        let span = (due.min(g.today) - p.end).num_days().max(1);
        let held = days_before(p.end, -g.rng.range(1, span));
        let evaluated = status == "evaluated";
        let rating = evaluated.then(|| RATINGS[g.rng.weighted(RATING_WEIGHTS)]);
        let observer = if evaluated && !g.active_trainers.is_empty() {
            Some(*g.rng.pick(&g.active_trainers))
        } else {
            None
        };
        let notes = if evaluated {
            *g.rng.pick(FOLLOW_UP_NOTES)
        } else {
            ""
        };
        (Some(date_str(held)), rating, observer, notes)
    };
    let info = g.teacher_info[(teacher - 1) as usize];
    let school = info.school;
    let title = format!("{}：{}", FOLLOW_UP_TITLES[kind], p.topic);
    let due = date_str(due);
    g.report
        .follow_up(info.school_id, &due, matches!(status, "done" | "evaluated"));
    g.w.follow_up(&NewFollowUp {
        project_id: p.id,
        teacher_id: teacher,
        kind: FOLLOW_UP_KINDS[kind],
        due_date: &due,
        held_date: held.as_deref(),
        title: &title,
        place: &g.schools[school].name,
        observer_trainer_id: observer,
        rating,
        notes,
        status,
    })?;
    g.counts.follow_ups += 1;
    Ok(())
}

/// Online courses and other credits entered by hand.
pub fn manual_credits(g: &mut Gen) -> Result<()> {
    for teacher in 1..=g.teachers as i64 {
        let n = g.rng.weighted(&[35, 45, 20]);
        for _ in 0..n {
            let (note, credits, concentrated) = *g.rng.pick(MANUAL_COURSES);
            let earned = days_before(g.today, g.rng.range(1, 700));
            g.w.credit(&NewCredit {
                teacher_id: teacher,
                project_id: None,
                credits,
                concentrated,
                earned_on: &date_str(earned),
                source: "manual",
                note,
                recorded_by: COORDINATORS[1],
            })?;
            g.counts.credit_entries += 1;
        }
    }
    Ok(())
}

/// A few audit-log rows that tell a believable story.
pub fn audit_rows(g: &mut Gen, conn: &rusqlite::Connection) -> Result<()> {
    let noon = |days: i64| {
        days_before(g.today, days)
            .and_hms_opt(12, 0, 0)
            .unwrap_or_default()
    };
    audit::record(
        conn,
        &AuditEntry {
            at: noon(30),
            actor: COORDINATORS[0],
            entity: audit::Entity::Settings,
            entity_id: None,
            action: audit::AuditAction::Update,
            before: Some(json!({"grace_minutes": "10"})),
            after: Some(json!({"grace_minutes": "5"})),
            reason: "按中心考勤制度统一为5分钟",
        },
    )?;
    if let Some((mark_id, teacher, date)) = g.corrected_mark.clone() {
        let at = crate::domain::parse_date(&date)
            .and_then(|d| d.and_hms_opt(18, 20, 0))
            .unwrap_or_default();
        audit::record(
            conn,
            &AuditEntry {
                at,
                actor: COORDINATORS[2],
                entity: audit::Entity::Mark,
                entity_id: Some(mark_id),
                action: audit::AuditAction::Update,
                before: Some(json!({"status": "late", "minutes_late": 12, "teacher_id": teacher})),
                after: Some(json!({"status": "present", "minutes_late": 0, "teacher_id": teacher})),
                reason: "签到设备故障，经班主任核实按时到场",
            },
        )?;
    }
    if let Some(trainer) = g.certified_trainer {
        audit::record(
            conn,
            &AuditEntry {
                at: noon(12),
                actor: COORDINATORS[3],
                entity: audit::Entity::Trainer,
                entity_id: Some(trainer),
                action: audit::AuditAction::Update,
                before: Some(json!({"status": "training"})),
                after: Some(json!({"status": "certified"})),
                reason: "完成培养周期考核",
            },
        )?;
    }
    Ok(())
}
