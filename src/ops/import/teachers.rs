//! Import of teachers: `staff_no,name,gender,school,subject,stage,phone,tier,status`,
//! matched by staff number. A blank cell leaves the stored value as it is.

use super::school_ref::SchoolNames;
use super::suggest;
use super::table::{Column, Problems, Table};
use super::teachers_plan::{Plan, Step};
use super::values::Cells;
use super::Context;
use crate::domain::{canonical_staff_no, Gender, School, Stage, Teacher, TeacherStatus, Tier};
use crate::error::Result;
use crate::lang::pick;
use crate::search::keys::pinyin_keys;
use crate::store::teachers::{self, TeacherInput};
use rusqlite::Connection;
use std::collections::HashMap;

pub(crate) static COLUMNS: &[Column] = &[
    Column::new(
        "staff_no",
        "工号",
        &["教师编号", "编号", "职工号", "教工号"],
    )
    .required(),
    Column::new("name", "姓名", &["教师姓名"]).required(),
    Column::new("gender", "性别", &["sex"]),
    Column::new(
        "school",
        "学校",
        &["学校名称", "单位", "工作单位", "所在学校"],
    )
    .required(),
    Column::new("subject", "学科", &["任教学科", "科目"]),
    Column::new("stage", "学段", &["任教学段"]),
    Column::new(
        "phone",
        "电话",
        &["手机", "手机号", "手机号码", "联系电话", "mobile"],
    ),
    Column::new("tier", "层级", &["五型", "教师层级", "五型教师", "类型"]),
    Column::new("status", "状态", &["在职状态", "人员状态", "任职状态"]),
];

struct Row<'a> {
    line: usize,
    staff_no: String,
    name: String,
    gender: Option<Gender>,
    school: &'a School,
    subject: Option<String>,
    stage: Option<Stage>,
    phone: Option<String>,
    tier: Option<Tier>,
    status: Option<TeacherStatus>,
}

pub(crate) fn check(conn: &Connection, table: &Table, _ctx: &Context) -> Result<Plan> {
    table.check_required(&[])?;
    let known = SchoolNames::load(conn)?;
    let mut problems = Problems::default();
    let mut hints = suggest::Hints::default();
    let mut rows: Vec<Row> = Vec::with_capacity(table.records.len());
    // Staff numbers in the file, in their stored form (one teacher whatever the case).
    let mut seen: HashMap<String, (usize, &str)> = HashMap::with_capacity(table.records.len());
    for record in &table.records {
        let mut c = Cells {
            table,
            record,
            problems: &mut problems,
        };
        let staff_no = c.identifier("staff_no");
        if let Some(s) = staff_no {
            if let Some((first, was)) = seen.insert(canonical_staff_no(s), (c.line(), s)) {
                let message = if was == s {
                    pick(
                        format!("工号 {s} 重复出现（第 {first} 行已有）"),
                        format!("{s} appears again (first on line {first})"),
                    )
                } else {
                    pick(
                        format!("工号 {s} 重复出现（第 {first} 行已有 {was}，工号不分大小写）"),
                        format!(
                            "{s} appears again (first on line {first} as {was}; staff numbers \
                             match in any case)"
                        ),
                    )
                };
                c.problem("staff_no", message);
            }
        }
        let name = c.required("name");
        let gender = c.choice("gender", "gender", Gender::parse, Gender::choices);
        let school = c.required("school").and_then(|s| match known.find(s) {
            Some(school) => Some(school),
            None => {
                let hint = hints.hint(s, known.exact.keys().map(String::as_str));
                c.problem(
                    "school",
                    pick(
                        format!("未知学校“{s}”{}", hint.zh),
                        format!("'{s}' is not a known school{}", hint.en),
                    ),
                );
                None
            }
        });
        let stage = c.choice("stage", "stage", Stage::parse, Stage::choices);
        let phone = c.phone("phone");
        let tier = c.choice("tier", "tier", Tier::parse, Tier::choices);
        let status = c.choice(
            "status",
            "teacher status",
            TeacherStatus::parse,
            TeacherStatus::choices,
        );
        let (
            Some(staff_no),
            Some(name),
            Ok(gender),
            Some(school),
            Ok(stage),
            Ok(phone),
            Ok(tier),
            Ok(status),
        ) = (staff_no, name, gender, school, stage, phone, tier, status)
        else {
            continue;
        };
        let subject = c.text("subject");
        rows.push(Row {
            line: c.line(),
            staff_no: canonical_staff_no(staff_no),
            name: name.to_string(),
            gender,
            school,
            subject: (!subject.is_empty()).then(|| subject.to_string()),
            stage,
            phone,
            tier,
            status,
        });
    }
    problems.into_result()?;

    let mut plan = Plan {
        steps: Vec::with_capacity(rows.len()),
        unchanged: 0,
    };
    for row in rows {
        let line = row.line;
        match teachers::by_staff_no(conn, &row.staff_no)? {
            None => plan.steps.push(Step::Add {
                line,
                keys: pinyin_keys(row.name.trim()),
                input: TeacherInput {
                    stage: row.stage.or(Some(row.school.stage)),
                    gender: row.gender,
                    school_id: row.school.id,
                    subject: row.subject.unwrap_or_default(),
                    phone: row.phone.unwrap_or_default(),
                    tier: row.tier.unwrap_or(Tier::Qualified),
                    status: row.status.unwrap_or(TeacherStatus::Active),
                    staff_no: row.staff_no,
                    name: row.name,
                },
            }),
            Some(before) => {
                let input = TeacherInput {
                    staff_no: row.staff_no,
                    name: row.name,
                    gender: row.gender.or(before.gender),
                    school_id: row.school.id,
                    subject: row.subject.unwrap_or_else(|| before.subject.clone()),
                    stage: row.stage.or(before.stage),
                    phone: row.phone.unwrap_or_else(|| before.phone.clone()),
                    tier: row.tier.unwrap_or(before.tier),
                    status: row.status.unwrap_or(before.status),
                };
                if TeacherInput::from_teacher(&before) == input {
                    plan.unchanged += 1;
                    continue;
                }
                let after = updated(&before, &input, row.school).audit_json();
                plan.steps.push(Step::Update {
                    line,
                    before: Box::new(before),
                    input,
                    after,
                });
            }
        }
    }
    Ok(plan)
}

/// The teacher `before` once `input` is written over it.
fn updated(before: &Teacher, input: &TeacherInput, school: &School) -> Teacher {
    Teacher {
        staff_no: input.staff_no.trim().to_string(),
        name: input.name.trim().to_string(),
        gender: input.gender,
        school_id: input.school_id,
        school: school.name.clone(),
        subject: input.subject.trim().to_string(),
        stage: input.stage,
        phone: input.phone.trim().to_string(),
        tier: input.tier,
        status: input.status,
        ..before.clone()
    }
}
