//! Reading the files schools send: CSV (UTF-8 with or without BOM, GBK/GB18030
//! as saved by Excel, UTF-16 with BOM; comma, semicolon or tab separated, CRLF)
//! and spreadsheets (XLSX/XLS/ODS, the first sheet with data). Every cell comes out trimmed
//! (full-width spaces too); blank rows are dropped; each row keeps the line
//! number a person sees in the file.

use super::limits::{self, Limits};
use crate::error::{Error, Result};
use std::path::Path;

/// One non-blank row of a file, with its real (1-based) line number.
#[derive(Debug, Clone, PartialEq)]
pub struct RawRow {
    pub line: usize,
    pub cells: Vec<String>,
}

/// Reads every non-blank row of `path`, within the documented limits.
pub fn read_rows(path: &Path) -> Result<Vec<RawRow>> {
    read_rows_within(path, &Limits::default())
}

/// Reads every non-blank row of `path`, refusing a file, or a row, that passes `limits`.
pub fn read_rows_within(path: &Path, limits: &Limits) -> Result<Vec<RawRow>> {
    let bytes = limits::read_file(path, limits, |head| refuse_binary(head, path))?;
    rows_of(bytes, path, limits)
}

/// Reads rows from the bytes of a file; `path` only gives the extension and the name in messages.
pub fn read_bytes(bytes: &[u8], path: &Path) -> Result<Vec<RawRow>> {
    rows_of(bytes.to_vec(), path, &Limits::default())
}

fn rows_of(bytes: Vec<u8>, path: &Path, limits: &Limits) -> Result<Vec<RawRow>> {
    refuse_binary(&bytes, path)?;
    if is_spreadsheet(&bytes, path) {
        return super::spreadsheet::read_spreadsheet(bytes, path, limits);
    }
    // The bytes become the text without a copy when they are UTF-8.
    parse_csv_within(&decode_owned(bytes), limits)
}

/// Refuses data that is neither text nor a spreadsheet.
fn refuse_binary(bytes: &[u8], path: &Path) -> Result<()> {
    if is_spreadsheet(bytes, path) || !is_binary(bytes) {
        return Ok(());
    }
    Err(Error::invalid(crate::lang::pick(
        format!(
            "{}：不是 CSV 或电子表格文件（含有二进制数据）；请在 Excel 中另存为 .xlsx 或 CSV",
            path.display()
        ),
        format!(
            "{}: not a CSV or spreadsheet file (it holds binary data); save it from Excel as .xlsx or CSV",
            path.display()
        ),
    )))
}

/// A NUL byte in a file without a UTF-16 byte-order mark: no text file has one.
fn is_binary(bytes: &[u8]) -> bool {
    let utf16 = bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]);
    !utf16 && bytes.iter().take(limits::SNIFF_BYTES).any(|&b| b == 0)
}

fn is_spreadsheet(bytes: &[u8], path: &Path) -> bool {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(|e| e.to_ascii_lowercase())
        .unwrap_or_default();
    matches!(ext.as_str(), "xlsx" | "xlsm" | "xls" | "ods")
        || bytes.starts_with(b"PK\x03\x04")
        || bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0])
}

/// Decodes a text file: UTF-16 with BOM, UTF-8 (BOM stripped) when valid,
/// else GB18030 (a superset of GBK, what Chinese Excel saves as "CSV"). In a
/// file that is not UTF-8 as a whole, a line that is valid UTF-8 and reads as
/// Chinese text (rows pasted in from another file) is kept as UTF-8.
pub fn decode(bytes: &[u8]) -> String {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        // `decode` sniffs the BOM, so big-endian files are read as such too.
        let (text, _, _) = encoding_rs::UTF_16LE.decode(bytes);
        return text.into_owned();
    }
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(body) {
        Ok(s) => s.to_string(),
        Err(_) => {
            let mut text = String::with_capacity(body.len() * 3 / 2);
            for line in body.split_inclusive(|&b| b == b'\n') {
                match std::str::from_utf8(line) {
                    Ok(s) if reads_as_chinese(s) => text.push_str(s),
                    _ => {
                        let (s, _) = encoding_rs::GB18030.decode_without_bom_handling(line);
                        text.push_str(&s);
                    }
                }
            }
            text
        }
    }
}

/// `decode`, keeping the bytes of a UTF-8 file as its text instead of copying them.
fn decode_owned(mut bytes: Vec<u8>) -> String {
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => decode(e.as_bytes()),
    }
}

/// Is this valid-UTF-8 line really UTF-8 text? Short GBK text can be valid
/// UTF-8 by chance (袁平 reads as "Ԭƽ", 女 as "Ů"), but then it decodes to
/// Latin, Cyrillic or Greek letters; real UTF-8 Chinese stays in the CJK
/// ranges, CJK and general punctuation and full-width forms.
fn reads_as_chinese(line: &str) -> bool {
    line.chars().all(|c| {
        c.is_ascii()
            || ('\u{2000}'..='\u{206F}').contains(&c)
            || ('\u{3000}'..='\u{9FFF}').contains(&c)
            || ('\u{FF00}'..='\u{FFEF}').contains(&c)
    })
}

/// Trims a cell: Unicode white space (full-width U+3000, no-break space),
/// byte-order marks and zero-width characters at either end. A cell written
/// only in full-width letters, digits and signs (a Chinese input method's
/// "Ｔ０００１", "１３８…", "８：３０") comes out in plain ASCII; a cell with
/// Chinese characters keeps its full-width punctuation ("实验小学（分校）").
pub fn clean(cell: &str) -> String {
    // Most cells: plain ASCII that starts and ends with a visible character.
    let bytes = cell.as_bytes();
    let visible = |b: Option<&u8>| b.is_some_and(u8::is_ascii_graphic);
    if visible(bytes.first()) && visible(bytes.last()) && cell.is_ascii() {
        return cell.to_string();
    }
    // Chinese text: nothing to trim at either end, and no byte 0xEF, the lead byte of
    // every full-width form (U+FF01…U+FF5E).
    let kept = |c: Option<char>| c.is_some_and(|c| !c.is_ascii() && !trimmable(c));
    if kept(cell.chars().next()) && kept(cell.chars().next_back()) && !bytes.contains(&0xEF) {
        return cell.to_string();
    }
    let trimmed = cell.trim_matches(trimmable);
    let full_width = |c: char| ('\u{FF01}'..='\u{FF5E}').contains(&c);
    if trimmed.chars().any(full_width)
        && trimmed
            .chars()
            .all(|c| c.is_ascii() || full_width(c) || c == '\u{3000}')
    {
        trimmed
            .chars()
            .map(|c| match c {
                '\u{3000}' => ' ',
                c if full_width(c) => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
                c => c,
            })
            .collect()
    } else {
        trimmed.to_string()
    }
}

/// What `clean` trims: white space, byte-order marks and zero-width characters.
fn trimmable(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{FEFF}' | '\u{200B}' | '\u{200C}' | '\u{200D}')
}

/// The separator of a CSV text: the one of `,`, `\t`, `;` most used in its first line.
fn separator(text: &str) -> u8 {
    let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let count = |c: char| first.chars().filter(|&x| x == c).count();
    let (comma, tab, semi) = (count(','), count('\t'), count(';'));
    if tab > comma && tab >= semi {
        b'\t'
    } else if semi > comma {
        b';'
    } else {
        b','
    }
}

/// Parses CSV text into non-blank rows with their line numbers.
pub fn parse_csv(text: &str) -> Result<Vec<RawRow>> {
    parse_csv_within(text, &Limits::default())
}

/// Parses CSV text, refusing a row that passes `limits`. A big file without quotes is
/// parsed in two halves, split at a line end, on two threads.
fn parse_csv_within(text: &str, limits: &Limits) -> Result<Vec<RawRow>> {
    let separator = separator(text);
    let bytes = text.as_bytes();
    let middle = (bytes.len() >= SPLIT_BYTES && memchr::memchr(b'"', bytes).is_none())
        .then(|| memchr::memchr(b'\n', &bytes[bytes.len() / 2..]))
        .flatten()
        .map(|i| bytes.len() / 2 + i + 1);
    let Some(middle) = middle else {
        return parse_part(text, separator, 0, limits);
    };
    let (first, second) = text.split_at(middle);
    let lines_before = memchr::memchr_iter(b'\n', first.as_bytes()).count();
    std::thread::scope(|scope| {
        let later = scope.spawn(|| parse_part(second, separator, lines_before, limits));
        let mut rows = parse_part(first, separator, 0, limits)?;
        let later = later
            .join()
            .unwrap_or_else(|_| parse_part(second, separator, lines_before, limits))?;
        rows.extend(later);
        Ok(rows)
    })
}

/// From this size on, a CSV file without quotes is parsed on two threads.
const SPLIT_BYTES: usize = 1 << 20;

/// Parses a part of a CSV text whose first line is `lines_before + 1` of the file.
fn parse_part(
    text: &str,
    separator: u8,
    lines_before: usize,
    limits: &Limits,
) -> Result<Vec<RawRow>> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(separator)
        .from_reader(text.as_bytes());
    let bytes = text.as_bytes();
    let newlines: Vec<usize> = memchr::memchr_iter(b'\n', bytes).collect();
    // The csv crate's own line count lags after CRLF and blank lines: count
    // the newlines before the record's first byte instead.
    let line_of = |offset: usize| {
        let mut at = offset.min(bytes.len());
        while at < bytes.len() && matches!(bytes[at], b'\r' | b'\n') {
            at += 1;
        }
        lines_before + newlines.partition_point(|&n| n < at) + 1
    };
    let mut rows = Vec::with_capacity(newlines.len() + 1);
    let mut record = csv::StringRecord::new();
    let (mut last_line, mut last_swallowed) = (0, false);
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                let line = record
                    .position()
                    .map(|p| line_of(p.byte() as usize))
                    .unwrap_or(0);
                last_swallowed = record.iter().next_back().is_some_and(|c| c.contains('\n'));
                let mut cells: Vec<String> = record.iter().map(clean).collect();
                limits::trim_row(&mut cells);
                if let Err(e) = limits::check_row(line, &cells, limits) {
                    // A quote never closed swallows the rest of the file into one row.
                    return Err(unclosed_quote(bytes, line, last_swallowed).unwrap_or(e));
                }
                if !cells.is_empty() {
                    rows.push(RawRow { line, cells });
                }
                last_line = line;
            }
            Err(e) => {
                let line = e.position().map(|p| p.line()).unwrap_or(0) + lines_before as u64;
                return Err(Error::invalid(crate::lang::pick(
                    format!("line {line}: 文件无法按 CSV 读取（{e}）"),
                    format!("line {line}: the file is not readable as CSV ({e})"),
                )));
            }
        }
    }
    match unclosed_quote(bytes, last_line, last_swallowed) {
        Some(e) => Err(e),
        None => Ok(rows),
    }
}

/// A quote that is never closed makes the rest of the file one cell: the
/// file then has an odd number of quotes and its last cell spans lines.
fn unclosed_quote(bytes: &[u8], line: usize, last_swallowed: bool) -> Option<Error> {
    let quotes = bytes.iter().filter(|&&b| b == b'"').count();
    (last_swallowed && !quotes.is_multiple_of(2)).then(|| Error::invalid(crate::lang::pick(
        format!("line {line}: 有一个单元格以引号 \" 开头却没有结束引号，文件其余部分都被读成了一个单元格；请补上或删掉这个引号"),
        format!("line {line}: a quoted cell opens with \" and is never closed, so the rest of the file was read as one cell; close the quote or remove it"),
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_file_is_named_in_the_ui_language_with_the_os_detail() {
        let err = read_rows(Path::new("/nonexist/roster.xlsx")).unwrap_err();
        for (lang, expected) in [
            (crate::lang::Lang::Zh, "无法读取文件"),
            (crate::lang::Lang::En, "cannot read"),
        ] {
            let text = err.text(lang);
            assert!(text.contains("/nonexist/roster.xlsx"), "{text}");
            assert!(text.contains("os error 2"), "{text}");
            assert!(text.contains(expected), "{text}");
        }
    }

    #[test]
    fn utf8_with_bom_and_crlf() {
        let rows = read_bytes(b"\xEF\xBB\xBFa,b\r\n1, 2 \r\n", Path::new("x.csv")).unwrap();
        assert_eq!(rows[0].cells, vec!["a", "b"]);
        assert_eq!(rows[1].cells, vec!["1", "2"]);
        assert_eq!(rows[1].line, 2);
    }

    #[test]
    fn gbk_is_detected() {
        let (gbk, _, _) = encoding_rs::GBK.encode("工号,姓名\r\nT1,王芳\r\n");
        let rows = read_bytes(&gbk, Path::new("x.csv")).unwrap();
        assert_eq!(rows[0].cells, vec!["工号", "姓名"]);
        assert_eq!(rows[1].cells, vec!["T1", "王芳"]);
    }

    #[test]
    fn a_utf8_row_pasted_into_a_gbk_file_is_read_as_utf8() {
        let mut bytes = encoding_rs::GBK
            .encode("工号,姓名\r\nT1,王芳\r\n")
            .0
            .into_owned();
        bytes.extend_from_slice("T2,周九\r\n".as_bytes());
        let rows = read_bytes(&bytes, Path::new("x.csv")).unwrap();
        assert_eq!(rows[1].cells, vec!["T1", "王芳"]);
        assert_eq!(rows[2].cells, vec!["T2", "周九"]);
    }

    #[test]
    fn a_short_gbk_line_that_happens_to_be_valid_utf8_stays_gbk() {
        // 袁平 in GBK (D4 AC C6 BD) is also valid UTF-8 ("Ԭƽ"), and 女 alone too.
        let (gbk, _, _) = encoding_rs::GBK.encode("工号,姓名,性别\r\nT1,王芳,女\r\nT2,袁平,女\r\n");
        let rows = read_bytes(&gbk, Path::new("x.csv")).unwrap();
        assert_eq!(rows[2].cells, vec!["T2", "袁平", "女"]);
        assert_eq!(rows[1].cells, vec!["T1", "王芳", "女"]);
    }

    #[test]
    fn blank_lines_keep_real_line_numbers() {
        let rows = parse_csv("a,b\r\n\r\n,\r\n1,2\r\n\"x\ny\",3\r\n4,5").unwrap();
        let lines: Vec<usize> = rows.iter().map(|r| r.line).collect();
        assert_eq!(lines, vec![1, 4, 5, 7]);
    }

    #[test]
    fn a_quote_never_closed_is_reported_at_its_line() {
        let e = parse_csv("工号,姓名,学校\nQ1,\"王芳,实验小学\nQ2,李明,实验小学\n")
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("line 2: "), "{e}");
        assert!(e.contains('"'), "{e}");
        // A stray quote inside an unquoted cell is only a character.
        let rows = parse_csv("a,b\nQ1,王\"芳\n").unwrap();
        assert_eq!(rows[1].cells, vec!["Q1", "王\"芳"]);
    }

    #[test]
    fn a_binary_file_is_named_as_such() {
        let bytes: Vec<u8> = (0..=255u8).cycle().take(4000).collect();
        let e = read_bytes(&bytes, Path::new("photo.csv"))
            .unwrap_err()
            .to_string();
        assert!(e.contains("photo.csv") && e.contains("不是 CSV"), "{e}");
    }

    #[test]
    fn full_width_spaces_are_trimmed() {
        assert_eq!(clean("\u{3000}王芳 \u{00A0}"), "王芳");
        assert_eq!(clean("Ｔ０００１"), "T0001");
        assert_eq!(clean("８：３０"), "8:30");
        assert_eq!(clean("实验小学（分校）"), "实验小学（分校）");
    }

    #[test]
    fn a_big_file_parsed_in_halves_gives_the_rows_and_lines_of_one_pass() {
        let mut text = String::from("工号,姓名\r\n\r\n");
        for i in 0..60_000 {
            text.push_str(&format!("T{i}, 王芳{i} \r\n"));
            if i % 7 == 0 {
                text.push_str(",\r\n");
            }
        }
        assert!(text.len() > SPLIT_BYTES);
        let limits = Limits::default();
        let whole = parse_part(&text, b',', 0, &limits).unwrap();
        assert_eq!(parse_csv(&text).unwrap(), whole);
        assert_eq!(whole.last().unwrap().line, 60_000 + 60_000 / 7 + 1 + 2);
        // a refused row in the second half is named at its line in the file
        text.push_str(&"x,".repeat(300));
        let e = parse_csv(&text).unwrap_err().to_string();
        assert!(
            e.starts_with(&format!("line {}: ", whole.last().unwrap().line + 1)),
            "{e}"
        );
    }

    #[test]
    fn tab_separated() {
        let rows = parse_csv("a\tb\n1\t2\n").unwrap();
        assert_eq!(rows[1].cells, vec!["1", "2"]);
    }
}
