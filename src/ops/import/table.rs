//! Finding the header row and mapping the file's columns (English code names
//! or Chinese column names, in any order) to an import kind's columns.

use super::reader::RawRow;
use crate::error::{Error, Result};
use crate::lang::Text;

/// One column an import kind understands.
#[derive(Debug, Clone, Copy)]
pub struct Column {
    /// The code name (also accepted as a header).
    pub name: &'static str,
    /// The Chinese name shown in messages and the README.
    pub zh: &'static str,
    /// Other accepted headers (Chinese names first).
    pub aliases: &'static [&'static str],
    pub required: bool,
}

impl Column {
    pub const fn new(
        name: &'static str,
        zh: &'static str,
        aliases: &'static [&'static str],
    ) -> Column {
        Column {
            name,
            zh,
            aliases,
            required: false,
        }
    }
    pub const fn required(mut self) -> Column {
        self.required = true;
        self
    }
    fn matches(&self, header: &str) -> bool {
        self.strength(header) > 0
    }

    /// 2 when `header` is the column's code or Chinese name, 1 when an alias, 0 when neither.
    fn strength(&self, header: &str) -> u8 {
        let h = normalise(header);
        if h == self.name || h == normalise(self.zh) {
            2
        } else if self.aliases.iter().any(|a| h == normalise(a)) {
            1
        } else {
            0
        }
    }
}

/// Lower-cases and drops spaces, a required-field star and a bracketed note
/// ("电话（手机）" → "电话"), so that "Staff No *" matches "staff_no".
fn normalise(header: &str) -> String {
    let cut = header
        .find(['(', '（', '['])
        .map(|i| &header[..i])
        .unwrap_or(header);
    cut.chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '*' | '＊' | ':' | '：'))
        .map(|c| if c == ' ' || c == '-' { '_' } else { c })
        .flat_map(|c| c.to_lowercase())
        .collect::<String>()
        .replace("staffno", "staff_no")
}

/// A data row: its cells as the file has them (`Table::get` finds a column's cell).
#[derive(Debug, Clone)]
pub struct Record {
    pub line: usize,
    cells: Vec<String>,
}

/// The rows under a recognised header.
#[derive(Debug)]
pub struct Table {
    pub columns: &'static [Column],
    /// The file's own header text of each column ("" when the column is absent).
    pub headers: Vec<String>,
    pub header_line: usize,
    /// The text of the title rows above the header, one string per row.
    pub title: Vec<String>,
    pub records: Vec<Record>,
    /// For each column, the index of its cell in a record (None when the file lacks it).
    cell_of: Vec<Option<usize>>,
}

/// Which column each header cell names (None: a cell no column knows), and the header text
/// of each column; a column named twice equally well is refused.
fn map_header(
    header: &RawRow,
    columns: &'static [Column],
) -> Result<(Vec<Option<usize>>, Vec<String>)> {
    let mut map: Vec<Option<usize>> = vec![None; header.cells.len()];
    let mut headers = vec![String::new(); columns.len()];
    let mut strengths = vec![0u8; columns.len()];
    for (i, cell) in header.cells.iter().enumerate() {
        if let Some(k) = columns.iter().position(|c| c.matches(cell)) {
            let strength = columns[k].strength(cell);
            // Two columns for one field: the one with the field's own name
            // wins over an alias (项目编号 over 项目); two equally good
            // ones (two 姓名) leave which holds the data a guess.
            if let Some(first) = map.iter().position(|m| *m == Some(k)) {
                if strength < strengths[k] {
                    continue;
                }
                if strength > strengths[k] {
                    map[first] = None;
                    headers[k] = cell.clone();
                    strengths[k] = strength;
                    map[i] = Some(k);
                    continue;
                }
                return Err(Error::invalid(crate::lang::pick(
                    format!(
                        "line {}: {}: 表头中这一列出现了两次（第 {} 列“{}”和第 {} 列“{cell}”）；请删除或改名其中一列",
                        header.line,
                        headers[k],
                        first + 1,
                        headers[k],
                        i + 1
                    ),
                    format!(
                    "line {}: {}: the header names this column twice (columns {} '{}' and {} '{cell}'); delete or rename one",
                    header.line,
                    headers[k],
                    first + 1,
                    headers[k],
                    i + 1
                    ),
                )));
            }
            headers[k] = cell.clone();
            strengths[k] = strength;
            map[i] = Some(k);
        }
    }
    Ok((map, headers))
}

impl Table {
    /// Finds the header (the first of the top rows where most cells are known
    /// column names; title rows above it are skipped) and maps the rows below.
    pub fn locate(rows: Vec<RawRow>, columns: &'static [Column]) -> Result<Table> {
        let found = rows.iter().take(20).position(|r| is_header(r, columns));
        let Some(at) = found else {
            let expected: Vec<String> = columns
                .iter()
                .filter(|c| c.required)
                .map(|c| format!("{}/{}", c.name, c.zh))
                .collect();
            return Err(Error::invalid(crate::lang::pick(
                format!(
                    "找不到表头行；文件需要一行表头写明各列名称，例如 {}",
                    expected.join("、")
                ),
                format!(
                    "no header row found; the file needs a header naming its columns, such as {}",
                    expected.join(", ")
                ),
            )));
        };
        let header = &rows[at];
        let (map, headers) = map_header(header, columns)?;
        let header_line = header.line;
        let title = rows[..at]
            .iter()
            .map(|r| {
                let cells: Vec<&str> = r
                    .cells
                    .iter()
                    .map(String::as_str)
                    .filter(|c| !c.is_empty())
                    .collect();
                cells.join(" ")
            })
            .collect();
        // The rows are moved into the records, not copied or rearranged: a large file is
        // held in memory once, and a column's cell is found through `cell_of`.
        let mut cell_of = vec![None; columns.len()];
        for (i, column) in map.iter().enumerate() {
            if let Some(slot) = column.and_then(|k| cell_of.get_mut(k)) {
                slot.get_or_insert(i);
            }
        }
        let mut rows = rows;
        let records = rows
            .split_off(at + 1)
            .into_iter()
            .map(|r| Record {
                line: r.line,
                cells: r.cells,
            })
            .collect();
        Ok(Table {
            columns,
            headers,
            header_line,
            title,
            records,
            cell_of,
        })
    }

    /// Is column `name` in the file?
    pub fn has(&self, name: &str) -> bool {
        self.index(name)
            .is_some_and(|k| !self.headers[k].is_empty())
    }

    fn index(&self, name: &str) -> Option<usize> {
        self.columns.iter().position(|c| c.name == name)
    }

    /// The value of column `name` in `record` ("" when absent or blank).
    pub fn get<'a>(&self, record: &'a Record, name: &str) -> &'a str {
        self.index(name)
            .and_then(|k| self.cell_of.get(k).copied().flatten())
            .and_then(|i| record.cells.get(i))
            .map(String::as_str)
            .unwrap_or("")
    }

    /// How a column is called in messages: the file's own header, else the code name.
    pub fn label(&self, name: &str) -> String {
        match self.index(name) {
            Some(k) if !self.headers[k].is_empty() => self.headers[k].clone(),
            _ => name.to_string(),
        }
    }

    /// Refuses a file whose header lacks a required column (unless `satisfied`
    /// says another source, such as `--project`, provides it).
    pub fn check_required(&self, satisfied: &[&str]) -> Result<()> {
        let missing: Vec<String> = self
            .columns
            .iter()
            .filter(|c| c.required && !self.has(c.name) && !satisfied.contains(&c.name))
            .map(|c| format!("{} ({})", c.name, c.zh))
            .collect();
        if missing.is_empty() {
            Ok(())
        } else {
            Err(Error::invalid(crate::lang::pick(
                format!(
                    "line {}: 表头缺少 {} 列",
                    self.header_line,
                    missing.join("、")
                ),
                format!(
                    "line {}: the header has no column {}",
                    self.header_line,
                    missing.join(", ")
                ),
            )))
        }
    }
}

fn is_header(row: &RawRow, columns: &[Column]) -> bool {
    let filled: Vec<&String> = row.cells.iter().filter(|c| !c.is_empty()).collect();
    let known = filled
        .iter()
        .filter(|c| columns.iter().any(|col| col.matches(c)))
        .count();
    let needed = if columns.len() == 1 {
        1
    } else {
        2.min(filled.len())
    };
    known >= needed.max(1) && known * 2 > filled.len()
}

/// Collects the problems of an import, each `line N: column: problem`.
#[derive(Debug, Default)]
pub struct Problems(pub Vec<Text>);

impl Problems {
    pub fn add(&mut self, table: &Table, line: usize, column: &str, problem: impl Into<Text>) {
        let label = table.label(column);
        let problem = problem.into();
        self.0
            .push(problem.map(|p| format!("line {line}: {label}: {p}")));
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    /// `Err(Error::Rows)` when there are problems.
    pub fn into_result(self) -> Result<()> {
        if self.0.is_empty() {
            Ok(())
        } else {
            Err(Error::Rows(self.0))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    static COLS: &[Column] = &[
        Column::new("staff_no", "工号", &[]).required(),
        Column::new("name", "姓名", &[]).required(),
        Column::new("phone", "电话", &["手机"]),
    ];

    fn row(line: usize, cells: &[&str]) -> RawRow {
        RawRow {
            line,
            cells: cells.iter().map(|s| s.to_string()).collect(),
        }
    }

    #[test]
    fn title_row_is_skipped_and_order_is_free() {
        let t = Table::locate(
            vec![
                row(1, &["2026年报名汇总表"]),
                row(2, &["手机（必填）", "姓名", "工号", "备注"]),
                row(3, &["138", "王芳", "T1", "x"]),
            ],
            COLS,
        )
        .unwrap();
        assert_eq!(t.header_line, 2);
        let r = &t.records[0];
        assert_eq!(t.get(r, "staff_no"), "T1");
        assert_eq!(t.get(r, "phone"), "138");
        assert_eq!(r.line, 3);
        assert_eq!(t.label("phone"), "手机（必填）");
    }

    #[test]
    fn english_headers_case_insensitive() {
        let t = Table::locate(vec![row(1, &["Staff No", "NAME"])], COLS).unwrap();
        assert!(t.has("staff_no") && t.has("name") && !t.has("phone"));
        assert!(t.check_required(&[]).is_ok());
    }

    #[test]
    fn a_column_named_twice_is_refused() {
        let e = Table::locate(
            vec![
                row(1, &["工号", "姓名", "手机", "姓名"]),
                row(2, &["T1", "王芳", "", "王五"]),
            ],
            COLS,
        )
        .unwrap_err()
        .to_string();
        assert!(e.contains("line 1: 姓名: "), "{e}");
        assert!(e.contains("2") && e.contains("4"), "{e}");
    }

    #[test]
    fn a_column_by_its_own_name_wins_over_one_by_an_alias() {
        // 手机 is only an alias of phone: 电话 is the column, 手机 is left alone.
        let t = Table::locate(
            vec![
                row(1, &["工号", "姓名", "手机", "电话"]),
                row(2, &["T1", "王芳", "139", "138"]),
            ],
            COLS,
        )
        .unwrap();
        assert_eq!(t.get(&t.records[0], "phone"), "138");
        assert_eq!(t.label("phone"), "电话");
    }

    #[test]
    fn no_header_is_a_clear_error() {
        let e = Table::locate(vec![row(1, &["a", "b"])], COLS).unwrap_err();
        assert!(e.to_string().contains("staff_no/工号"));
    }
}
