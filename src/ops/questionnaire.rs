//! Reading a questionnaire tool's export (问卷星 style): title rows above the header are
//! skipped; the header holds the tool's own columns (序号, 提交答卷时间, 所用时间, 来源 …) and
//! one column per question; each later row is one respondent. Which question means what
//! comes from a saved mapping (question text → role), then from keywords.

use super::import::reader::{read_rows, RawRow};
use crate::error::{Error, Result};
use crate::lang::{pick, Text};
use crate::store::questionnaires::{column_mapping, teachers_named_at};
use crate::store::teachers;
use chrono::NaiveDateTime;
use rusqlite::Connection;
use std::collections::BTreeMap;
use std::path::Path;

/// The columns a questionnaire tool adds itself; skipped without being listed as unknown.
const TOOL_COLUMNS: &[&str] = &[
    "序号",
    "提交答卷时间",
    "所用时间",
    "来源",
    "来源详情",
    "来自ip",
    "来自IP",
    "总分",
    "答卷编号",
    "ip",
];

/// The column with the time an answer sheet was submitted.
pub const SUBMITTED_COLUMN: &str = "提交答卷时间";

/// A questionnaire export: its header and the respondents' rows.
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    /// The first cell of the first row above the header (the questionnaire's title), if any.
    pub title: Option<String>,
    pub header: Vec<String>,
    pub rows: Vec<RawRow>,
}

impl Sheet {
    /// Reads `path`, finding the header as the first row with a tool column (序号 or
    /// 提交答卷时间); rows above it are the title.
    pub fn read(path: &Path) -> Result<Sheet> {
        Sheet::from_rows(read_rows(path)?)
    }

    pub fn from_rows(rows: Vec<RawRow>) -> Result<Sheet> {
        let Some(at) = rows
            .iter()
            .take(10)
            .position(|r| r.cells.iter().any(|c| c == "序号" || c == SUBMITTED_COLUMN))
        else {
            return Err(Error::invalid(pick(
                "找不到问卷的表头行（应有“序号”或“提交答卷时间”列）；请使用问卷工具导出的“按文本”答卷数据",
                "no questionnaire header row found (it has a 序号 or 提交答卷时间 column); use the questionnaire tool's answer export (as text)",
            )));
        };
        let mut rows = rows;
        let rest = rows.split_off(at + 1);
        let header = rows.pop().map(|r| r.cells).unwrap_or_default();
        let title = rows
            .first()
            .and_then(|r| r.cells.iter().find(|c| !c.trim().is_empty()))
            .map(|c| c.trim().to_string());
        Ok(Sheet {
            title,
            header,
            rows: rest,
        })
    }

    /// The index of the column named exactly `name`.
    pub fn column(&self, name: &str) -> Option<usize> {
        self.header.iter().position(|h| h == name)
    }

    /// The cell of `row` in column `index` ("" when the row is short).
    pub fn cell(row: &RawRow, index: Option<usize>) -> &str {
        index
            .and_then(|i| row.cells.get(i))
            .map(String::as_str)
            .unwrap_or("")
    }
}

/// Whether a header is one the tool adds itself.
pub fn is_tool_column(header: &str) -> bool {
    TOOL_COLUMNS
        .iter()
        .any(|t| t.eq_ignore_ascii_case(header.trim()))
}

/// The submission time as the tool writes it ("2026/3/2 17:05:11" or ISO), stored form.
pub fn submitted_at(text: &str) -> Option<String> {
    let t = text.trim();
    [
        "%Y/%m/%d %H:%M:%S",
        "%Y-%m-%d %H:%M:%S",
        "%Y/%m/%d %H:%M",
        "%Y-%m-%d %H:%M",
    ]
    .iter()
    .find_map(|f| NaiveDateTime::parse_from_str(t, f).ok())
    .map(|d| d.format(crate::domain::DATETIME_FMT).to_string())
}

/// The mapping saved under settings key `key` with `--map "text=role"` pairs laid over it; a
/// role not among `roles` is refused.
pub fn merged_mapping(
    conn: &Connection,
    key: &str,
    map: &[String],
    roles: &[&str],
) -> Result<BTreeMap<String, String>> {
    let mut mapping = column_mapping(conn, key)?;
    for pair in map {
        let (text, role) = pair.rsplit_once('=').unwrap_or((pair, ""));
        if !roles.contains(&role.trim()) {
            let known = roles.join(", ");
            return Err(Error::invalid(pick(
                format!("--map “{pair}”：应写成 “问题文字=项”，项为 {known} 之一"),
                format!("--map '{pair}': write 'question text=role', the role one of {known}"),
            )));
        }
        mapping.insert(text.trim().to_string(), role.trim().to_string());
    }
    Ok(mapping)
}

/// The teacher who filled in `row`: by staff number, else by name at the school. The error
/// names the column (an index into the header) and the problem.
pub fn respondent(
    conn: &Connection,
    row: &RawRow,
    staff: Option<usize>,
    name: Option<usize>,
    school: Option<usize>,
) -> std::result::Result<i64, (Option<usize>, Text)> {
    let no = Sheet::cell(row, staff);
    let db_err = |e: Error| (None, e.message());
    if !no.is_empty() {
        return match teachers::by_staff_no(conn, no).map_err(db_err)? {
            Some(t) => Ok(t.id),
            None => Err((
                staff,
                pick(
                    format!("工号 {no} 不是已有教师"),
                    format!("{no} is not a known teacher's staff number"),
                ),
            )),
        };
    }
    let (who, at) = (Sheet::cell(row, name), Sheet::cell(row, school));
    if who.is_empty() || at.is_empty() {
        return Err((
            staff.or(name),
            pick(
                "没有工号，也没有姓名和学校，无法确定填写人",
                "no staff number, nor name and school: the respondent is unknown",
            ),
        ));
    }
    match teachers_named_at(conn, who, at).map_err(db_err)?.as_slice() {
        [one] => Ok(*one),
        [] => Err((
            name,
            pick(
                format!("{at} 没有名为 {who} 的教师"),
                format!("no teacher called {who} at {at}"),
            ),
        )),
        _ => Err((
            name,
            pick(
                format!("{at} 有多位名为 {who} 的教师，请在问卷中加入工号"),
                format!("several teachers called {who} at {at}; add the staff number to the questionnaire"),
            ),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(line: usize, cells: &[&str]) -> RawRow {
        RawRow {
            line,
            cells: cells.iter().map(|c| c.to_string()).collect(),
        }
    }

    #[test]
    fn the_title_rows_above_the_header_are_skipped() {
        let sheet = Sheet::from_rows(vec![
            row(1, &["2026年春季培训满意度调查"]),
            row(2, &["序号", "提交答卷时间", "1、姓名"]),
            row(3, &["1", "2026/3/2 17:05:11", "张伟"]),
        ])
        .unwrap();
        assert_eq!(sheet.header[2], "1、姓名");
        assert_eq!(sheet.title.as_deref(), Some("2026年春季培训满意度调查"));
        assert_eq!(sheet.rows.len(), 1);
        assert_eq!(
            submitted_at("2026/3/2 17:05:11").as_deref(),
            Some("2026-03-02 17:05:11")
        );
        assert!(is_tool_column("所用时间"));
        assert!(Sheet::from_rows(vec![row(1, &["姓名", "学校"])]).is_err());
    }
}
