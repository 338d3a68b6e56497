//! Reading a questionnaire tool's export (问卷星 style): title rows above the header are
//! skipped; the header holds the tool's own columns (序号, 提交答卷时间, 所用时间, 来源 …) and
//! one column per question; each later row is one respondent. Which question means what
//! comes from a saved mapping (question text → role), then from keywords.

use super::import::reader::{read_rows, RawRow};
use crate::error::{Error, Result};
use crate::lang::pick;
use chrono::NaiveDateTime;
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
        Ok(Sheet { header, rows: rest })
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
        assert_eq!(sheet.rows.len(), 1);
        assert_eq!(
            submitted_at("2026/3/2 17:05:11").as_deref(),
            Some("2026-03-02 17:05:11")
        );
        assert!(is_tool_column("所用时间"));
        assert!(Sheet::from_rows(vec![row(1, &["姓名", "学校"])]).is_err());
    }
}
