//! Which column of a feedback questionnaire holds what: the saved mapping from question text
//! to role decides first, then the tool's own columns, then the question's wording.

use super::questionnaire::{is_tool_column, Sheet, SUBMITTED_COLUMN};
use crate::error::{Error, Result};
use crate::lang::pick;
use rusqlite::Connection;
use std::collections::BTreeMap;

/// The settings key of the saved mapping from question text to role.
pub const MAPPING_KEY: &str = "feedback_columns";

/// What a column of a feedback questionnaire holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    StaffNo,
    Name,
    School,
    Content,
    Trainer,
    Organisation,
    Comment,
    Ignore,
}

impl Role {
    const ALL: [Role; 8] = [
        Role::StaffNo,
        Role::Name,
        Role::School,
        Role::Content,
        Role::Trainer,
        Role::Organisation,
        Role::Comment,
        Role::Ignore,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Role::StaffNo => "staff_no",
            Role::Name => "name",
            Role::School => "school",
            Role::Content => "content",
            Role::Trainer => "trainer",
            Role::Organisation => "organisation",
            Role::Comment => "comment",
            Role::Ignore => "ignore",
        }
    }

    pub fn parse(code: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.code() == code.trim())
    }

    /// The role a question's wording suggests (the saved mapping decides first).
    fn guess(header: &str) -> Option<Role> {
        let has = |words: &[&str]| words.iter().any(|w| header.contains(w));
        Some(if has(&["工号", "教师编号"]) {
            Role::StaffNo
        } else if has(&["姓名"]) {
            Role::Name
        } else if has(&["学校", "单位"]) {
            Role::School
        } else if has(&["意见", "建议", "留言"]) {
            Role::Comment
        } else if has(&["授课", "讲师", "专家", "培训者", "主讲"]) {
            Role::Trainer
        } else if has(&["组织", "安排", "服务", "后勤"]) {
            Role::Organisation
        } else if has(&["内容", "课程"]) {
            Role::Content
        } else {
            return None;
        })
    }
}

/// The saved mapping with `--map "text=role"` pairs laid over it (a bad role is refused).
pub fn merged_mapping(conn: &Connection, map: &[String]) -> Result<BTreeMap<String, String>> {
    super::questionnaire::merged_mapping(conn, MAPPING_KEY, map, &Role::ALL.map(Role::code))
}

/// The columns of a questionnaire by role (indices into the header).
#[derive(Debug, Clone, PartialEq)]
pub struct Columns {
    pub staff: Option<usize>,
    pub name: Option<usize>,
    pub school: Option<usize>,
    /// Content, trainer, organisation.
    pub rated: [Option<usize>; 3],
    pub comment: Option<usize>,
    pub submitted: Option<usize>,
    /// Questions no role was found for: ignored, listed.
    pub ignored: Vec<String>,
}

impl Columns {
    /// Finds each role's column; refuses a sheet with no respondent or no answer columns.
    pub fn locate(sheet: &Sheet, mapping: &BTreeMap<String, String>) -> Result<Columns> {
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
        let rated = [Role::Content, Role::Trainer, Role::Organisation].map(col);
        let comment = col(Role::Comment);
        if rated.iter().all(Option::is_none) && comment.is_none() {
            return Err(Error::invalid(pick(
                "找不到评分或意见的题目；用 --map “题目=content”（或 trainer、organisation、comment）指定",
                "no rating or comment question found; name one with --map 'question=content' (or trainer, organisation, comment)",
            )));
        }
        let submitted = sheet.column(SUBMITTED_COLUMN);
        Ok(Columns {
            staff,
            name,
            school,
            rated,
            comment,
            submitted,
            ignored,
        })
    }
}
