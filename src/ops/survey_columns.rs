//! Which column of a needs-survey export holds what: the saved mapping from question text to
//! role decides first (settings key `survey_columns`, the same mechanism as feedback's), then
//! the tool's own columns, then the question's wording.

use super::questionnaire::{is_tool_column, merged_mapping, Sheet, SUBMITTED_COLUMN};
use crate::error::{Error, Result};
use crate::lang::pick;
use rusqlite::Connection;
use std::collections::BTreeMap;

/// The settings key of the saved mapping from question text to role.
pub const MAPPING_KEY: &str = "survey_columns";

/// What a column of a needs survey holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    StaffNo,
    Name,
    School,
    Subject,
    Stage,
    Topics,
    Form,
    Ignore,
}

impl Role {
    pub const ALL: [Role; 8] = [
        Role::StaffNo,
        Role::Name,
        Role::School,
        Role::Subject,
        Role::Stage,
        Role::Topics,
        Role::Form,
        Role::Ignore,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Role::StaffNo => "staff_no",
            Role::Name => "name",
            Role::School => "school",
            Role::Subject => "subject",
            Role::Stage => "stage",
            Role::Topics => "topics",
            Role::Form => "form",
            Role::Ignore => "ignore",
        }
    }

    pub fn parse(code: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.code() == code.trim())
    }

    /// The role a question's wording suggests (the saved mapping decides first). The form is
    /// asked before the topics: "您希望的培训形式" is about the form.
    fn guess(header: &str) -> Option<Role> {
        let has = |words: &[&str]| words.iter().any(|w| header.contains(w));
        Some(if has(&["工号", "教师编号"]) {
            Role::StaffNo
        } else if has(&["姓名"]) {
            Role::Name
        } else if has(&["学校", "单位"]) {
            Role::School
        } else if has(&["形式", "方式"]) {
            Role::Form
        } else if has(&["学段"]) {
            Role::Stage
        } else if has(&["学科", "科目"]) {
            Role::Subject
        } else if has(&["主题", "专题", "内容", "需求", "希望"]) {
            Role::Topics
        } else {
            return None;
        })
    }
}

/// The columns of a needs survey by role (indices into the header).
#[derive(Debug, Clone, PartialEq)]
pub struct Columns {
    pub staff: Option<usize>,
    pub name: Option<usize>,
    pub school: Option<usize>,
    pub subject: Option<usize>,
    pub stage: Option<usize>,
    pub topics: usize,
    pub form: Option<usize>,
    pub submitted: Option<usize>,
    /// Questions no role was found for: ignored, listed.
    pub ignored: Vec<String>,
    /// The mapping used (saved when `--map` added to it).
    pub mapping: BTreeMap<String, String>,
}

impl Columns {
    /// Finds each role's column; refuses a sheet with no respondent or no topics column.
    pub fn locate(conn: &Connection, sheet: &Sheet, map: &[String]) -> Result<Columns> {
        let codes = Role::ALL.map(Role::code);
        let mapping = merged_mapping(conn, MAPPING_KEY, map, &codes)?;
        let mut roles: Vec<Option<Role>> = Vec::new();
        let mut ignored = Vec::new();
        for h in &sheet.header {
            let role = match mapping.get(h.trim()).and_then(|r| Role::parse(r)) {
                Some(r) => Some(r),
                None if is_tool_column(h) => Some(Role::Ignore),
                None => Role::guess(h),
            };
            if role.is_none() && !h.trim().is_empty() {
                ignored.push(h.trim().to_string());
            }
            roles.push(role);
        }
        let col = |role: Role| roles.iter().position(|r| *r == Some(role));
        let (staff, name, school) = (col(Role::StaffNo), col(Role::Name), col(Role::School));
        if staff.is_none() && (name.is_none() || school.is_none()) {
            return Err(Error::invalid(pick(
                "找不到填写人的工号列，或姓名与学校列；请在问卷中加入这些题目，或用 --map “题目=staff_no” 指定",
                "no staff number column, nor name and school columns, identifies the respondent; add those questions or name one with --map 'question=staff_no'",
            )));
        }
        let Some(topics) = col(Role::Topics) else {
            return Err(Error::invalid(pick(
                "找不到希望培训的主题（多选题）；用 --map “题目=topics” 指定",
                "no question of the topics wanted (multiple choice) found; name it with --map 'question=topics'",
            )));
        };
        Ok(Columns {
            staff,
            name,
            school,
            subject: col(Role::Subject),
            stage: col(Role::Stage),
            topics,
            form: col(Role::Form),
            submitted: sheet.column(SUBMITTED_COLUMN),
            ignored,
            mapping,
        })
    }
}
