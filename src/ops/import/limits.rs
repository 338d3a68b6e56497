//! How much an import reads (README, "Import"): a file over 200 MB, a row over
//! 64 KiB of text or over 200 filled columns is refused with a message, before
//! it can fill the memory. A device or a FIFO, whose size says 0, is read
//! through the limit and never to its end (`import teachers /dev/urandom`).

use crate::error::{Error, Result};
use crate::lang::{pick, Text};
use std::io::Read;
use std::path::Path;

/// The largest import file, in bytes (200 MB).
pub const MAX_FILE_BYTES: u64 = 200 * 1024 * 1024;
/// The most text one row may hold, in bytes of UTF-8 (64 KiB).
pub const MAX_ROW_BYTES: usize = 64 * 1024;
/// The most columns a row may fill (empty cells after the last filled one do not count).
pub const MAX_COLUMNS: usize = 200;

/// The bounds of one import; `Limits::default()` is the documented one, tests pass smaller ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    pub file_bytes: u64,
    pub row_bytes: usize,
    pub columns: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            file_bytes: MAX_FILE_BYTES,
            row_bytes: MAX_ROW_BYTES,
            columns: MAX_COLUMNS,
        }
    }
}

/// How many leading bytes decide that a file holds binary data.
pub(crate) const SNIFF_BYTES: usize = 8192;

/// Reads `path` whole, refusing it once it passes `limits.file_bytes`. `binary`
/// is asked about the first bytes: a file it refuses is not read further.
pub(crate) fn read_file(
    path: &Path,
    limits: &Limits,
    binary: impl Fn(&[u8]) -> Result<()>,
) -> Result<Vec<u8>> {
    let cannot = |e: std::io::Error| {
        Error::Io(pick(
            format!("无法读取文件 {}：{e}", path.display()),
            format!("cannot read {}: {e}", path.display()),
        ))
    };
    let file = std::fs::File::open(path).map_err(cannot)?;
    let meta = file.metadata().map_err(cannot)?;
    if meta.is_file() && meta.len() > limits.file_bytes {
        return Err(too_big(path, Some(meta.len()), limits));
    }
    let cap = if meta.is_file() { meta.len() } else { 0 };
    let mut bytes = Vec::with_capacity(cap.min(limits.file_bytes) as usize);
    let mut reader = file.take(limits.file_bytes.saturating_add(1));
    (&mut reader)
        .take(SNIFF_BYTES as u64)
        .read_to_end(&mut bytes)
        .map_err(cannot)?;
    binary(&bytes)?;
    reader.read_to_end(&mut bytes).map_err(cannot)?;
    if bytes.len() as u64 > limits.file_bytes {
        return Err(too_big(path, None, limits));
    }
    Ok(bytes)
}

fn too_big(path: &Path, size: Option<u64>, limits: &Limits) -> Error {
    let p = path.display();
    let limit = size_text(limits.file_bytes);
    let (limit_zh, limit_en) = (&limit.zh, &limit.en);
    Error::invalid(match size {
        Some(size) => pick(
            format!(
                "{p}：文件有 {}，超过导入文件的上限 {limit_zh}；请把它分成几个较小的文件分别导入",
                size_text(size).zh
            ),
            format!(
                "{p}: the file is {}, over the import limit of {limit_en}; split it into smaller files and import each",
                size_text(size).en
            ),
        ),
        None => pick(
            format!("{p}：读了 {limit_zh} 仍未读完，超过导入文件的上限 {limit_zh}（这是设备或管道，而不是名册文件吗？）"),
            format!("{p}: still not at its end after {limit_en}, over the import limit of {limit_en} (is it a device or a pipe rather than a roster file?)"),
        ),
    })
}

/// A row that fills `filled` columns, over the limit.
pub(crate) fn too_many_columns(line: usize, filled: usize, limits: &Limits) -> Error {
    Error::invalid(pick(
        format!(
            "line {line}: 这一行填了 {filled} 列，超过每行 {} 列的上限；请检查分隔符，或删去多余的列",
            limits.columns
        ),
        format!(
            "line {line}: this row fills {filled} columns, over the limit of {} per row; check the separator or delete the extra columns",
            limits.columns
        ),
    ))
}

/// Refuses a row of `cells` (the file's line `line`) that passes the limits.
pub(crate) fn check_row(line: usize, cells: &[String], limits: &Limits) -> Result<()> {
    let filled = cells
        .iter()
        .rposition(|c| !c.is_empty())
        .map_or(0, |i| i + 1);
    if filled > limits.columns {
        return Err(too_many_columns(line, filled, limits));
    }
    let bytes: usize = cells.iter().map(String::len).sum();
    if bytes > limits.row_bytes {
        let (size, limit) = (size_text(bytes as u64), size_text(limits.row_bytes as u64));
        return Err(Error::invalid(pick(
            format!(
                "line {line}: 这一行有 {} 文字，超过每行 {} 的上限；请检查是否有引号没有结束，或单元格里粘贴了大段文字",
                size.zh, limit.zh
            ),
            format!(
                "line {line}: this row holds {} of text, over the limit of {} per row; look for a quote that is never closed or a cell with a long pasted text",
                size.en, limit.en
            ),
        )));
    }
    Ok(())
}

/// Drops the empty cells after the last filled one (a stray cell far to the
/// right makes every row of a sheet that wide).
pub(crate) fn trim_row(cells: &mut Vec<String>) {
    let filled = cells
        .iter()
        .rposition(|c| !c.is_empty())
        .map_or(0, |i| i + 1);
    cells.truncate(filled);
}

/// "200 MB", "64 KB", "100 bytes" (MB and KB of 1,024).
fn size_text(bytes: u64) -> Text {
    const KB: u64 = 1024;
    const MB: u64 = 1024 * 1024;
    if (bytes >= MB && bytes.is_multiple_of(MB)) || bytes >= 10 * MB {
        Text::plain(format!("{} MB", bytes.div_ceil(MB)))
    } else if bytes >= MB {
        Text::plain(format!("{:.1} MB", bytes as f64 / MB as f64))
    } else if bytes >= KB {
        Text::plain(format!("{} KB", bytes.div_ceil(KB)))
    } else {
        pick(format!("{bytes} 字节"), format!("{bytes} bytes"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn small(file_bytes: u64) -> Limits {
        Limits {
            file_bytes,
            row_bytes: 100,
            columns: 5,
        }
    }

    fn text_ok(_: &[u8]) -> Result<()> {
        Ok(())
    }

    #[test]
    fn a_file_over_the_limit_is_refused_by_its_size() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("roster.csv");
        std::fs::write(&path, "工号,姓名\n".repeat(200)).unwrap();
        let e = read_file(&path, &small(1000), text_ok)
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("roster.csv") && e.contains("上限 1000 字节"),
            "{e}"
        );
        assert!(read_file(&path, &small(1_000_000), text_ok).is_ok());
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_that_never_ends_is_read_only_up_to_the_limit() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("pipe.csv");
        let c_path = std::ffi::CString::new(path.as_os_str().as_encoded_bytes()).unwrap();
        // SAFETY: mkfifo only reads the NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(c_path.as_ptr(), 0o600) }, 0);
        let writer_path = path.clone();
        // Endless CSV text: the writer stops only when the reader closes the pipe.
        let writer = std::thread::spawn(move || {
            let mut w = std::fs::OpenOptions::new()
                .write(true)
                .open(writer_path)
                .unwrap();
            let chunk = "T0001,王芳,女,实验小学\n".repeat(100);
            while w.write_all(chunk.as_bytes()).is_ok() {}
        });
        let e = read_file(&path, &small(64 * 1024), text_ok)
            .unwrap_err()
            .to_string();
        writer.join().unwrap();
        assert!(e.contains("仍未读完") && e.contains("64 KB"), "{e}");
    }

    #[test]
    fn binary_first_bytes_stop_the_read() {
        let e = read_file(Path::new("/dev/zero"), &Limits::default(), |head| {
            if head.contains(&0) {
                Err(Error::invalid("binary"))
            } else {
                Ok(())
            }
        })
        .unwrap_err();
        assert_eq!(e.to_string(), "binary");
    }

    #[test]
    fn a_row_too_wide_or_too_long_is_refused_with_its_line() {
        let limits = small(1000);
        let cells = |n: usize, text: &str| vec![text.to_string(); n];
        assert!(check_row(3, &cells(5, "x"), &limits).is_ok());
        let mut trailing = cells(5, "x");
        trailing.extend(cells(20, ""));
        assert!(check_row(3, &trailing, &limits).is_ok());
        let e = check_row(7, &cells(6, "x"), &limits)
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("line 7: ") && e.contains("6 列"), "{e}");
        let e = check_row(9, &cells(2, &"字".repeat(20)), &limits)
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("line 9: ") && e.contains("120 字节"), "{e}");
    }

    #[test]
    fn csv_rows_past_the_limits_are_refused_and_an_open_quote_is_still_named() {
        use super::super::reader::parse_csv;
        let wide = format!("工号,姓名\nT1,{}\n", vec!["x"; 250].join(","));
        let e = parse_csv(&wide).unwrap_err().to_string();
        assert!(e.starts_with("line 2: ") && e.contains("251 列"), "{e}");
        let long = format!("工号,姓名\nT1,{}\nT2,李明\n", "字".repeat(30_000));
        let e = parse_csv(&long).unwrap_err().to_string();
        assert!(e.starts_with("line 2: ") && e.contains("64 KB"), "{e}");
        let open = format!("工号,姓名\nT1,\"王芳\n{}", "T2,李明\n".repeat(10_000));
        let e = parse_csv(&open).unwrap_err().to_string();
        assert!(e.starts_with("line 2: ") && e.contains("引号"), "{e}");
    }

    #[test]
    fn sizes_read_as_people_write_them() {
        assert_eq!(size_text(MAX_FILE_BYTES).en, "200 MB");
        assert_eq!(size_text(MAX_ROW_BYTES as u64).en, "64 KB");
        assert_eq!(size_text(1536 * 1024).en, "1.5 MB");
    }
}
