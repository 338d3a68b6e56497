//! Bounded input (README, "Import"): the real binary refuses a file or a pipe
//! past 200 MB, a device that never ends and a row past the width limit, with a
//! message and exit status 1, instead of reading until it is killed.

use std::io::Write;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

fn import(db: &Path, file: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_liaoyuan"));
    c.arg("--db")
        .arg(db)
        .args(["--lang", "en", "import", "teachers"])
        .arg(file)
        .env("LIAOYUAN_NOW", "2026-03-01 09:00")
        .env_remove("LIAOYUAN_DB")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    c
}

/// Waits for `child` to end on its own; a child still reading after a minute
/// (the reader that never stops) is killed and the test fails. A hang guard,
/// not a measurement.
fn ends_by_itself(mut child: Child) -> (Option<i32>, String) {
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        if child.try_wait().unwrap().is_some() {
            break;
        }
        if Instant::now() > deadline {
            child.kill().unwrap();
            child.wait().unwrap();
            panic!("the import was still reading after a minute");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let out = child.wait_with_output().unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[cfg(unix)]
#[test]
fn a_pipe_past_200_mb_is_refused_not_read_to_its_end() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("roster.csv");
    assert!(Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap()
        .success());
    let child = import(&dir.path().join("t.db"), &fifo).spawn().unwrap();
    // Text past the limit, then the pipe stays open without an end, as a
    // device does: only a reader that stops at the limit can finish.
    let writer_path = fifo.clone();
    std::thread::spawn(move || {
        let mut w = std::fs::OpenOptions::new()
            .write(true)
            .open(writer_path)
            .unwrap();
        let header = "staff_no,name,school\n";
        let _ = w.write_all(header.as_bytes());
        let chunk = "T0001,王芳,实验小学\n".repeat(4000);
        let mut written = 0usize;
        while written < 210 * 1024 * 1024 {
            if w.write_all(chunk.as_bytes()).is_err() {
                return;
            }
            written += chunk.len();
        }
        std::thread::sleep(Duration::from_secs(120));
    });
    let (code, err) = ends_by_itself(child);
    assert_eq!(code, Some(1), "{err}");
    assert!(err.contains("over the import limit of 200 MB"), "{err}");
}

#[cfg(target_os = "linux")]
#[test]
fn dev_urandom_is_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let child = import(&dir.path().join("t.db"), Path::new("/dev/urandom"))
        .spawn()
        .unwrap();
    let (code, err) = ends_by_itself(child);
    assert_eq!(code, Some(1), "{err}");
    assert!(err.contains("/dev/urandom"), "{err}");
}

#[test]
fn a_row_past_the_width_limit_is_refused_with_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("wide.csv");
    let mut text = String::from("工号,姓名,学校\nT0001,王芳,实验小学\n");
    text.push_str(&format!(
        "T0002,李明,实验小学,{}\n",
        vec!["备注"; 300].join(",")
    ));
    std::fs::write(&file, text).unwrap();
    let (code, err) = ends_by_itself(import(&dir.path().join("t.db"), &file).spawn().unwrap());
    assert_eq!(code, Some(1), "{err}");
    assert!(
        err.contains("line 3: this row fills 303 columns, over the limit of 200 per row"),
        "{err}"
    );
}

/// A workbook calamine panics on (a shared-string index past its table): refused as
/// unreadable, exit status 1, and no panic message on stderr (the caught panic is quiet).
#[test]
fn a_workbook_calamine_panics_on_is_refused_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("bad.xlsx");
    let mut zip = zip::ZipWriter::new(std::fs::File::create(&file).unwrap());
    let options = zip::write::SimpleFileOptions::default();
    let ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    for (name, text) in [
        (
            "[Content_Types].xml".to_string(),
            r#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>"#.to_string(),
        ),
        (
            "xl/workbook.xml".to_string(),
            format!(r#"<?xml version="1.0"?><workbook xmlns="{ns}" xmlns:r="{rel}"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>"#),
        ),
        (
            "xl/_rels/workbook.xml.rels".to_string(),
            format!(r#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#),
        ),
        (
            "xl/worksheets/sheet1.xml".to_string(),
            format!(r#"<?xml version="1.0"?><worksheet xmlns="{ns}"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>7</v></c></row></sheetData></worksheet>"#),
        ),
        (
            "xl/sharedStrings.xml".to_string(),
            format!(r#"<?xml version="1.0"?><sst xmlns="{ns}"><si><t>工号</t></si></sst>"#),
        ),
    ] {
        zip.start_file(name, options).unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    zip.finish().unwrap();
    let (code, err) = ends_by_itself(import(&dir.path().join("t.db"), &file).spawn().unwrap());
    assert_eq!(code, Some(1), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    assert!(err.contains("bad.xlsx"), "{err}");
}
