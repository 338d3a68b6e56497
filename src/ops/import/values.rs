//! Checking one cell: each helper returns the value, or records the problem
//! (`line N: column: problem`) and returns None.

use super::table::{Problems, Record, Table};
use crate::domain::{parse_bool, parse_date, parse_time};
use crate::lang::{pick, Text};
use chrono::{NaiveDate, NaiveTime};

/// The problem of an identifier or number that Excel wrote as "1.38123E+10".
fn excel_shortened(v: &str) -> Text {
    pick(
        format!("“{v}”被 Excel 改成了科学计数法；请把该列设为文本格式，重新输入数字后再保存"),
        format!("'{v}' was shortened by Excel (scientific notation); format the column as text, retype the numbers and save again"),
    )
}

/// The Chinese name of a kind of value (`what` in `Cells::choice`).
fn what_zh(what: &str) -> &str {
    match what {
        "status" => "出勤状态",
        "trainer status" => "讲师状态",
        "teacher status" => "在职状态",
        "stage" => "学段",
        "gender" => "性别",
        "tier" => "层级",
        "level" => "级别",
        "plan" => "计划",
        other => other,
    }
}

/// A row being checked: the table, the record and the problem list.
pub(crate) struct Cells<'a, 'p> {
    pub table: &'a Table,
    pub record: &'a Record,
    pub problems: &'p mut Problems,
}

impl<'a> Cells<'a, '_> {
    pub fn line(&self) -> usize {
        self.record.line
    }

    /// The trimmed text of a column ("" when absent or blank).
    pub fn text(&self, column: &str) -> &'a str {
        self.table.get(self.record, column)
    }

    pub fn problem(&mut self, column: &str, problem: impl Into<Text>) {
        let line = self.record.line;
        self.problems.add(self.table, line, column, problem);
    }

    /// A required text: an empty cell is a problem, and so is a control character other
    /// than a tab or a line break (a NUL makes the text blank to SQLite, and no name, code or
    /// title holds one).
    pub fn required(&mut self, column: &str) -> Option<&'a str> {
        let v = self.text(column);
        if v.is_empty() {
            self.problem(column, pick("为空（必填）", "is empty (required)"));
            return None;
        }
        let stray = |c: &char| c.is_control() && !matches!(c, '\t' | '\n' | '\r');
        if let Some(c) = v.chars().find(stray) {
            let code = format!("U+{:04X}", c as u32);
            self.problem(
                column,
                pick(
                    format!("“{v}”含有控制字符 {code}（文件可能已损坏），请删除"),
                    format!(
                        "'{v}' holds the control character {code} (the file may be damaged); \
                         remove it"
                    ),
                ),
            );
            return None;
        }
        Some(v)
    }

    /// An optional enumerated value: Ok(None) when blank, Err(()) when not understood.
    pub fn choice<T>(
        &mut self,
        column: &str,
        what: &str,
        parse: fn(&str) -> Option<T>,
        choices: fn() -> String,
    ) -> Result<Option<T>, ()> {
        let v = self.text(column);
        if v.is_empty() {
            return Ok(None);
        }
        match parse(v) {
            Some(x) => Ok(Some(x)),
            None => {
                self.problem(
                    column,
                    pick(
                        format!("无法识别的{}“{v}”（可填：{}）", what_zh(what), choices()),
                        format!("'{v}' is not a known {what} (accepted: {})", choices()),
                    ),
                );
                Err(())
            }
        }
    }

    pub fn date(&mut self, column: &str) -> Result<Option<NaiveDate>, ()> {
        let v = self.text(column);
        if v.is_empty() {
            return Ok(None);
        }
        // A spreadsheet date-time cell may carry a time: keep the date.
        let day = v.split_whitespace().next().unwrap_or(v);
        match parse_date(day).or_else(|| excel_serial_date(day)) {
            Some(d) => Ok(Some(d)),
            None => {
                self.problem(
                    column,
                    pick(
                        format!("“{v}”不是日期（请写成 YYYY-MM-DD）"),
                        format!("'{v}' is not a date (write YYYY-MM-DD)"),
                    ),
                );
                Err(())
            }
        }
    }

    pub fn time(&mut self, column: &str) -> Result<Option<NaiveTime>, ()> {
        let v = self.text(column);
        if v.is_empty() {
            return Ok(None);
        }
        // A spreadsheet date-time cell may carry a date: keep the time.
        let clock = v.split_whitespace().last().unwrap_or(v);
        match parse_time(clock).or_else(|| excel_fraction_time(v)) {
            Some(t) => Ok(Some(t)),
            None => {
                self.problem(
                    column,
                    pick(
                        format!("“{v}”不是时间（请写成 HH:MM）"),
                        format!("'{v}' is not a time (write HH:MM)"),
                    ),
                );
                Err(())
            }
        }
    }

    pub fn boolean(&mut self, column: &str) -> Result<Option<bool>, ()> {
        let v = self.text(column);
        if v.is_empty() {
            return Ok(None);
        }
        match parse_bool(v) {
            Some(b) => Ok(Some(b)),
            None => {
                self.problem(
                    column,
                    pick(
                        format!("“{v}”不是“是”或“否”（可填：true/false、yes/no、1/0、是/否）"),
                        format!(
                            "'{v}' is not yes or no (accepted: true/false, yes/no, 1/0, 是/否)"
                        ),
                    ),
                );
                Err(())
            }
        }
    }

    /// A whole number in `min..=max`.
    pub fn integer(&mut self, column: &str, min: i64, max: i64) -> Result<Option<i64>, ()> {
        let v = self.text(column);
        if v.is_empty() {
            return Ok(None);
        }
        match v.parse::<f64>() {
            Ok(f) if f.fract() == 0.0 && f >= min as f64 && f <= max as f64 => Ok(Some(f as i64)),
            _ => {
                self.problem(
                    column,
                    pick(
                        format!("“{v}”不是 {min} 到 {max} 之间的整数"),
                        format!("'{v}' is not a whole number from {min} to {max}"),
                    ),
                );
                Err(())
            }
        }
    }

    /// A number ≥ 0.
    pub fn amount(&mut self, column: &str) -> Result<Option<f64>, ()> {
        let v = self.text(column);
        if v.is_empty() {
            return Ok(None);
        }
        match v.parse::<f64>() {
            Ok(f) if f.is_finite() && f >= 0.0 => Ok(Some(f)),
            _ => {
                self.problem(
                    column,
                    pick(
                        format!("“{v}”不是大于或等于 0 的数"),
                        format!("'{v}' is not a number ≥ 0"),
                    ),
                );
                Err(())
            }
        }
    }

    /// A mobile number: 11 digits (spaces, dashes and a +86 prefix are dropped).
    pub fn phone(&mut self, column: &str) -> Result<Option<String>, ()> {
        let v = self.text(column);
        if v.is_empty() {
            return Ok(None);
        }
        let mut digits: String = v
            .chars()
            .filter(|c| !matches!(c, ' ' | '-' | '\u{3000}'))
            .collect();
        if digits.starts_with("+86") {
            digits.drain(..3);
        }
        if digits.len() == 11 && digits.chars().all(|c| c.is_ascii_digit()) {
            Ok(Some(digits))
        } else if is_scientific(v) {
            self.problem(column, excel_shortened(v));
            Err(())
        } else {
            let n = digits.chars().filter(|c| c.is_ascii_digit()).count();
            self.problem(
                column,
                pick(
                    format!("“{v}”不是 11 位手机号（有 {n} 位数字）"),
                    format!("'{v}' is not an 11-digit phone number ({n} digits)"),
                ),
            );
            Err(())
        }
    }

    /// A required identifier (staff number, project code): empty, or mangled
    /// by Excel into scientific notation, is a problem.
    pub fn identifier(&mut self, column: &str) -> Option<&'a str> {
        let v = self.required(column)?;
        if is_scientific(v) {
            self.problem(column, excel_shortened(v));
            return None;
        }
        Some(v)
    }
}

/// A date column saved by Excel as a plain number ("46083" for 2026-03-02):
/// days since 1899-12-30. Only five-digit whole numbers (1927–2173) count,
/// so that a typo such as "123" is still refused.
fn excel_serial_date(v: &str) -> Option<NaiveDate> {
    let days: i64 = v.strip_suffix(".0").unwrap_or(v).parse().ok()?;
    if !(10_000..=99_999).contains(&days) {
        return None;
    }
    NaiveDate::from_ymd_opt(1899, 12, 30)?.checked_add_signed(chrono::Duration::days(days))
}

/// A time column saved by Excel as a plain number: the fraction of a day
/// ("0.375" is 09:00), rounded to the minute.
fn excel_fraction_time(v: &str) -> Option<NaiveTime> {
    let f: f64 = v.parse().ok()?;
    if !(0.0..1.0).contains(&f) || !v.contains('.') {
        return None;
    }
    let minutes = (f * 24.0 * 60.0).round() as u32;
    NaiveTime::from_hms_opt(minutes / 60, minutes % 60, 0)
}

/// "1.38123E+10": what Excel writes to CSV for a long number shown in General format.
fn is_scientific(v: &str) -> bool {
    let upper = v.to_ascii_uppercase();
    upper.contains("E+")
        && upper
            .replace("E+", "")
            .replace('.', "")
            .chars()
            .all(|c| c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excel_scientific_notation_is_recognised() {
        assert!(is_scientific("1.38123E+10"));
        assert!(is_scientific("1.38123e+10"));
        assert!(!is_scientific("13812345678"));
        assert!(!is_scientific("TN20001"));
    }

    #[test]
    fn hand_written_times_and_dates_parse() {
        use crate::domain::{parse_date, parse_time};
        for t in ["8:30", "08:30", "08:30:00", "8：30"] {
            assert_eq!(
                parse_time(t).map(|t| t.to_string()),
                Some("08:30:00".into()),
                "{t}"
            );
        }
        for d in ["2026-3-2", "2026/3/2", "2026.03.02", "2026年3月2日"] {
            assert_eq!(
                parse_date(d).map(|d| d.to_string()),
                Some("2026-03-02".into()),
                "{d}"
            );
        }
    }
}
