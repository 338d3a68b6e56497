//! The school report (学校综合目标考核, docs/rules.md §4.5) as an export.

use super::sheet::{col, Cell, Col, Sheet};
use super::{Export, Scope};
use crate::domain::credits::cycle_of;
use crate::error::Result;
use crate::store::reports;
use rusqlite::Connection;
use serde_json::json;

const COLUMNS: &[Col] = &[
    col("year", "年度"),
    col("school", "学校"),
    col("township", "乡镇"),
    col("teachers_sent", "送培人数"),
    col("places_allotted", "分配名额"),
    col("attendance_pct", "出勤率"),
    col("marks", "考勤人次"),
    col("late", "迟到"),
    col("left_early", "早退"),
    col("absent", "旷课"),
    col("excused", "请假"),
    col("vetoed_teachers", "一票否决人数"),
    col("follow_up_pct", "跟踪完成率"),
    col("credit_met_pct", "学分已达标率"),
    col("credit_behind_pct", "学分落后率"),
    col("teachers", "教师人数"),
];

fn pct(x: Option<f64>) -> Option<f64> {
    x.map(|v| (v * 1000.0).round() / 10.0)
}

pub(super) fn school_report(conn: &Connection, scope: &Scope) -> Result<Export> {
    let cycle = cycle_of(scope.to.min(scope.today).max(scope.from), &scope.settings);
    let as_of = scope.today.max(scope.from);
    let rows = reports::school_report(conn, scope.from, scope.to, &cycle, as_of, &scope.settings)?;
    let mut sheet = Sheet::new(format!("{}年度学校考核", scope.year), COLUMNS);
    let mut json = Vec::with_capacity(rows.len());
    for r in rows {
        json.push(json!({
            "year": scope.year, "school": r.school, "township": r.township,
            "teachers_sent": r.teachers_sent, "places_allotted": r.places_allotted,
            "attendance_pct": pct(r.attendance_rate()), "marks": r.marks.total(),
            "late": r.marks.late, "left_early": r.marks.left_early, "absent": r.marks.absent,
            "excused": r.marks.excused, "vetoed_teachers": r.vetoed_teachers,
            "follow_up_pct": pct(r.follow_up_rate()),
            "credit_met_pct": pct(r.met_share()),
            "credit_behind_pct": pct(r.behind_share()), "teachers": r.teachers,
        }));
        sheet.rows.push(vec![
            Cell::Int(scope.year as i64),
            Cell::text(r.school.clone()),
            Cell::text(r.township.clone()),
            Cell::Int(r.teachers_sent),
            Cell::Int(r.places_allotted),
            Cell::Share(r.attendance_rate()),
            Cell::Int(r.marks.total()),
            Cell::Int(r.marks.late),
            Cell::Int(r.marks.left_early),
            Cell::Int(r.marks.absent),
            Cell::Int(r.marks.excused),
            Cell::Int(r.vetoed_teachers),
            Cell::Share(r.follow_up_rate()),
            Cell::Share(r.met_share()),
            Cell::Share(r.behind_share()),
            Cell::Int(r.teachers),
        ]);
    }
    Ok(Export {
        sheet,
        json: json.into(),
    })
}

#[cfg(test)]
mod tests {
    use super::COLUMNS;
    use crate::domain::Status;

    /// The export counts marks of every status but present (present is the rest of `marks`):
    /// a new status needs its column here (docs/architecture.md, "Adding an attendance status").
    #[test]
    fn every_status_but_present_has_a_column() {
        for s in Status::ALL.iter().filter(|s| **s != Status::Present) {
            assert!(
                COLUMNS.iter().any(|c| c.key == s.code()),
                "the school export has no column for {s:?}; add it to COLUMNS, the JSON and the row"
            );
        }
    }
}
