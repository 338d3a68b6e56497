//! Import of credit registrations (学分登记) from the provincial platform's online-course
//! exports: 工号, 姓名, 课程名称, 学时, 完成时间, 证书编号 (and optionally 类别; default
//! 网络研修). Credits come from the hours by the category's rule (setting
//! `credit_categories`); every imported entry arrives 待审核 for the registrar. A certificate
//! already registered for the teacher is left alone, so re-importing a file adds nothing.

use super::driver::Importer;
use super::phases::{self, Written};
use super::table::{Column, Table};
use super::teacher_ref::teacher_of;
use super::values::Cells;
use super::{Context, Counts};
use crate::domain::credit_registration::{credits_for, rule_of, CategoryRule};
use crate::error::Result;
use crate::lang::pick;
use crate::store::credit_registration::{self as reg, NewRegistration};
use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension};
use std::collections::HashMap;

pub(crate) static COLUMNS: &[Column] = &[
    Column::new("staff_no", "工号", &["教师编号", "职工号", "用户名"]).required(),
    Column::new("name", "姓名", &["教师姓名", "学员姓名"]),
    Column::new("course", "课程名称", &["课程", "培训名称", "项目名称"]).required(),
    Column::new("hours", "学时", &["学时数", "课时"]).required(),
    Column::new("completed_on", "完成时间", &["完成日期", "结业时间"]).required(),
    Column::new("certificate", "证书编号", &["证书号", "证书编码"]).required(),
    Column::new("category", "类别", &["学分类别", "培训类别"]),
];

/// The category of a row without a 类别 column: the platform's online courses.
const DEFAULT_CATEGORY: &str = "网络研修";

/// A registration ready to write.
pub(crate) struct Row {
    teacher_id: i64,
    rule: CategoryRule,
    hours: f64,
    completed_on: NaiveDate,
    certificate: String,
    course: String,
}

pub(crate) struct CreditPlan {
    rows: Vec<Row>,
    unchanged: usize,
}

pub(crate) struct Credits {
    rules: Vec<CategoryRule>,
    today: NaiveDate,
    /// (teacher, certificate) → first line, within the file.
    seen: HashMap<(i64, String), usize>,
    unchanged: usize,
}

impl<'t> Importer<'t> for Credits {
    type Row = Row;
    type Plan = CreditPlan;

    fn start(conn: &Connection, table: &'t Table, ctx: &Context) -> Result<Credits> {
        table.check_required(&[])?;
        Ok(Credits {
            rules: crate::store::settings::load(conn)?.credit_categories,
            today: ctx.now.date(),
            seen: HashMap::new(),
            unchanged: 0,
        })
    }

    fn row(&mut self, conn: &Connection, c: &mut Cells<'t, '_>) -> Result<Option<Row>> {
        let teacher = teacher_of(conn, c)?;
        let course = c.required("course");
        let certificate = c.required("certificate");
        let hours = match c.amount("hours") {
            Ok(Some(h)) if h > 0.0 && h <= crate::ops::credit_registration::MAX_HOURS => Some(h),
            Ok(_) => {
                c.problem(
                    "hours",
                    pick(
                        "学时应大于 0 且不超过 1000",
                        "hours must be more than 0, at most 1000",
                    ),
                );
                None
            }
            Err(()) => None,
        };
        let completed_on = match c.date("completed_on") {
            Ok(Some(d)) if d > self.today => {
                c.problem(
                    "completed_on",
                    pick(format!("{d} 还没到"), format!("{d} is in the future")),
                );
                None
            }
            Ok(Some(d)) => Some(d),
            Ok(None) => {
                c.problem("completed_on", pick("为空（必填）", "is empty (required)"));
                None
            }
            Err(()) => None,
        };
        let named = c.text("category");
        let category = if named.is_empty() {
            DEFAULT_CATEGORY
        } else {
            named
        };
        let rule = rule_of(&self.rules, category).cloned();
        if rule.is_none() {
            let known: Vec<&str> = self.rules.iter().map(|r| r.name.as_str()).collect();
            let known = known.join("、");
            c.problem(
                "category",
                pick(
                    format!("没有“{category}”这一学分类别（可用：{known}）"),
                    format!("no credit category '{category}' (known: {known})"),
                ),
            );
        }
        let (Some(t), Some(course), Some(cert), Some(hours), Some(day), Some(rule)) =
            (teacher, course, certificate, hours, completed_on, rule)
        else {
            return Ok(None);
        };
        if let Some(first) = self.seen.insert((t.id, cert.to_string()), c.line()) {
            c.problem(
                "certificate",
                pick(
                    format!("证书编号 {cert} 重复出现（第 {first} 行已有）"),
                    format!("certificate {cert} appears again (first on line {first})"),
                ),
            );
            return Ok(None);
        }
        if registered(conn, t.id, cert)? {
            self.unchanged += 1;
            return Ok(None);
        }
        Ok(Some(Row {
            teacher_id: t.id,
            rule,
            hours,
            completed_on: day,
            certificate: cert.to_string(),
            course: course.to_string(),
        }))
    }

    fn plan(self, _conn: &Connection, rows: Vec<Row>) -> Result<CreditPlan> {
        Ok(CreditPlan {
            rows,
            unchanged: self.unchanged,
        })
    }
}

/// Is this certificate already registered for the teacher?
fn registered(conn: &Connection, teacher_id: i64, certificate: &str) -> Result<bool> {
    Ok(conn
        .prepare_cached(
            "SELECT 1 FROM credit_entries INDEXED BY credit_entries_teacher
             WHERE teacher_id = ?1 AND evidence = ?2",
        )?
        .query_row(params![teacher_id, certificate], |_| Ok(()))
        .optional()?
        .is_some())
}

impl phases::Plan for CreditPlan {
    fn expected(&self) -> Counts {
        Counts {
            added: self.rows.len(),
            unchanged: self.unchanged,
            ..Counts::default()
        }
    }

    fn write(&self, conn: &Connection, _table: &Table, ctx: &Context) -> Result<Written> {
        let mut counts = self.expected();
        counts.added = 0;
        for (i, r) in self.rows.iter().enumerate() {
            if registered(conn, r.teacher_id, &r.certificate)? {
                // Registered meanwhile by another desk: nothing to add.
                counts.unchanged += 1;
                continue;
            }
            reg::insert(
                conn,
                &NewRegistration {
                    teacher_id: r.teacher_id,
                    category: &r.rule.name,
                    hours: r.hours,
                    credits: credits_for(r.hours, &r.rule),
                    concentrated: r.rule.concentrated,
                    earned_on: r.completed_on,
                    evidence: &r.certificate,
                    note: &r.course,
                    recorded_by: &ctx.actor,
                },
            )?;
            counts.added += 1;
            ctx.tick(i + 1, self.rows.len());
        }
        Ok(Ok(counts))
    }
}
