//! Import of teachers: `staff_no,name,gender,school,subject,stage,phone,tier,tier_level,status`,
//! and optionally `role,role_since` (职务, 任职时间), matched by staff number. A blank cell
//! leaves the stored value as it is. The tier may carry its level (`区级骨干`, `市级学科带头人`)
//! or take it from the `tier_level` column (级别).

use super::driver::Importer;
use super::school_ref::SchoolNames;
use super::suggest;
use super::table::{Column, Table};
use super::teacher_roles;
use super::teachers_plan::Plan;
pub(crate) use super::teachers_row::Row;
use super::teachers_row::{addition, update, PinyinKeys};
use super::tier_cells::{level_on_levelless, tier_choices, tier_with_level};
use super::values::Cells;
use super::Context;
use crate::domain::tiers::{has_levels, parse_tier};
use crate::domain::{
    canonical_staff_no, canonical_staff_no_cow, Gender, School, Stage, TeacherStatus, Tier,
    TierLevel,
};
use crate::error::Result;
use crate::lang::pick;
use crate::store::staff_numbers;
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
    Column::new(
        "tier_level",
        "级别",
        &["层级级别", "骨干级别", "等级", "level"],
    ),
    Column::new("role", "职务", &["行政职务", "干部职务"]),
    Column::new("role_since", "任职时间", &["任职日期", "任职年月"]),
];

/// The teachers kind: the schools rows name, and the staff numbers seen so
/// far in their stored form (one teacher whatever the case).
pub(crate) struct Teachers<'t> {
    known: SchoolNames,
    hints: suggest::Hints,
    seen: HashMap<std::borrow::Cow<'t, str>, (usize, &'t str)>,
    today: chrono::NaiveDate,
}

impl<'t> Importer<'t> for Teachers<'t> {
    type Row = Row;
    type Plan = Plan;

    fn start(conn: &Connection, table: &'t Table, ctx: &Context) -> Result<Self> {
        table.check_required(&[])?;
        Ok(Teachers {
            known: SchoolNames::load(conn)?,
            hints: suggest::Hints::default(),
            seen: HashMap::with_capacity(table.records.len()),
            today: ctx.now.date(),
        })
    }

    fn row(&mut self, _conn: &Connection, c: &mut Cells<'t, '_>) -> Result<Option<Row>> {
        Ok(self.validate(c))
    }

    fn plan(self, conn: &Connection, rows: Vec<Row>) -> Result<Plan> {
        let mut plan = Plan {
            steps: Vec::with_capacity(rows.len()),
            unchanged: 0,
            roles: Vec::new(),
            role_only: 0,
        };
        // Every stored staff number at once, then the matched teachers in one statement:
        // no query per row (a row with a role reads that teacher's role).
        let ids = staff_numbers::ids_by_staff_no(conn)?;
        let matched: Vec<i64> = rows
            .iter()
            .filter_map(|r| ids.get(&r.staff_no).copied())
            .collect();
        let mut stored = staff_numbers::by_ids(conn, &matched)?;
        let mut keys = PinyinKeys::default();
        for mut row in rows {
            let before = ids.get(&row.staff_no).and_then(|id| stored.remove(id));
            let tier = row
                .tier
                .or(before.as_ref().map(|b| b.tier))
                .unwrap_or(Tier::Qualified);
            if let Some(level) = row.level.filter(|_| !has_levels(tier)) {
                return Err(level_on_levelless(row.line, tier, level));
            }
            let role = row.role.take();
            let role =
                teacher_roles::plan(conn, before.as_ref().map(|t| t.id), &row.staff_no, role)?;
            let changes_role = role.is_some();
            plan.roles.extend(role);
            match before {
                None => plan.steps.push(addition(row, &mut keys)),
                Some(before) => match update(before, row) {
                    Some(step) => plan.steps.push(step),
                    None if changes_role => plan.role_only += 1,
                    None => plan.unchanged += 1,
                },
            }
        }
        Ok(plan)
    }
}

impl<'t> Teachers<'t> {
    /// Validates one row (no database needed: `teachers_check` runs it on two threads).
    pub(crate) fn validate(&mut self, c: &mut Cells<'t, '_>) -> Option<Row> {
        let staff_no = c.identifier("staff_no");
        if let Some(s) = staff_no {
            self.refuse_repeat(c, s);
        }
        let name = c.required("name");
        let gender = c.choice("gender", "gender", Gender::parse, Gender::choices);
        let school = c.required("school").and_then(|s| self.school(c, s));
        let stage = c.choice("stage", "stage", Stage::parse, Stage::choices);
        let phone = c.phone("phone");
        let tier = c.choice("tier", "tier", parse_tier, tier_choices);
        let level = c.choice("tier_level", "level", TierLevel::parse, TierLevel::choices);
        let tier = tier_with_level(c, tier, level);
        let status = c.choice(
            "status",
            "teacher status",
            TeacherStatus::parse,
            TeacherStatus::choices,
        );
        let role = teacher_roles::read(c, self.today);
        let (
            Some(staff_no),
            Some(name),
            Ok(gender),
            Some(school),
            Ok(stage),
            Ok(phone),
            Ok(tier),
            Ok(status),
            Ok(role),
        ) = (
            staff_no, name, gender, school, stage, phone, tier, status, role,
        )
        else {
            return None;
        };
        let (tier, level) = tier;
        let subject = c.text("subject");
        Some(Row {
            line: c.line(),
            staff_no: canonical_staff_no(staff_no),
            name: name.to_string(),
            gender,
            school,
            subject: (!subject.is_empty()).then(|| subject.to_string()),
            stage,
            phone,
            tier,
            level,
            status,
            role,
        })
    }

    /// Does a staff number of `other`'s rows appear in this one's too?
    pub(crate) fn shares_staff_no(&self, other: &Teachers<'_>) -> bool {
        let (small, large) = if self.seen.len() <= other.seen.len() {
            (&self.seen, &other.seen)
        } else {
            (&other.seen, &self.seen)
        };
        small.keys().any(|k| large.contains_key(k))
    }

    /// A staff number the file already had is a problem of the row.
    fn refuse_repeat(&mut self, c: &mut Cells<'t, '_>, s: &'t str) {
        let key = canonical_staff_no_cow(s);
        let Some((first, was)) = self.seen.insert(key, (c.line(), s)) else {
            return;
        };
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

    /// The school a row names; an unknown one is a problem (with a hint).
    fn school(&mut self, c: &mut Cells, s: &str) -> Option<std::sync::Arc<School>> {
        if let Some(school) = self.known.find(s) {
            return Some(school.clone());
        }
        let hint = self
            .hints
            .hint(s, self.known.exact.keys().map(String::as_str));
        c.problem(
            "school",
            pick(
                format!("未知学校“{s}”{}", hint.zh),
                format!("'{s}' is not a known school{}", hint.en),
            ),
        );
        None
    }
}
