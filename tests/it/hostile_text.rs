//! Hostile text from a roster, through the real binary. CSV cells that a spreadsheet would run as
//! a formula (OWASP "CSV injection": a leading = + - @, tab or CR) get a leading `'`, one test per
//! payload; numbers the exporter writes stay numbers; XLSX keeps the text as it is. Terminal
//! escapes (ESC, BEL, CR, C1) never reach the terminal from the CLI: lookup, checkin, CSV on
//! stdout, import messages and errors that quote stored data drop control characters as the TUI
//! does, while JSON keeps the data (escaped).

use liaoyuan::search::keys::pinyin_keys;
use liaoyuan::store::{Db, OpenMode};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

const BIN: &str = env!("CARGO_BIN_EXE_liaoyuan");

/// Names a spreadsheet would run, by staff number.
const FORMULAS: &[(&str, &str)] = &[
    ("F1", "=HYPERLINK(\"http://x\",\"y\")"),
    ("F2", "+1+1"),
    ("F3", "@SUM(1)"),
    ("F4", "-2+3"),
    ("F5", "=cmd|' /C calc'!A0"),
    ("F6", "\t=1+1"),
    ("F7", "\r=1+1"),
];

/// Names that would drive the terminal, by staff number (E6 is not enrolled).
const ESCAPES: &[(&str, &str)] = &[
    ("E1", "张\u{1b}]0;pwned\u{7}伟"),
    ("E2", "\u{1b}[2J李娜"),
    ("E3", "王\u{1b}[?1049l芳"),
    ("E4", "刘\r洋"),
    ("E5", "赵\u{9b}2J磊"),
    ("E6", "孙\u{1b}[31m丽"),
];

/// One district for the whole file: a school, project P1 with one session on 2026-03-02
/// 08:30–11:30, every teacher above enrolled but E6.
fn district() -> &'static Path {
    static DB: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    let (_, path) = DB.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("district.db");
        let db = Db::open(&path, OpenMode::Create).unwrap();
        db.conn
            .execute_batch(
                "INSERT INTO schools (id, name, stage) VALUES (1, '实验小学', 'primary');
                 INSERT INTO projects (id, code, title, level, plan, credits, start_date, end_date)
                   VALUES (1, 'P1', '新课标解读', 'district', 'continuing_education', 12,
                           '2026-03-02', '2026-03-02');
                 INSERT INTO sessions (project_id, date, start_time, end_time)
                   VALUES (1, '2026-03-02', '08:30', '11:30');",
            )
            .unwrap();
        for (no, name) in FORMULAS.iter().chain(ESCAPES) {
            let (py, ini) = pinyin_keys(name);
            db.conn
                .execute(
                    "INSERT INTO teachers (staff_no, name, school_id, pinyin, initials)
                     VALUES (?1, ?2, 1, ?3, ?4)",
                    rusqlite::params![no, name, py, ini],
                )
                .unwrap();
            if *no != "E6" {
                db.conn
                    .execute(
                        "INSERT INTO enrolments (project_id, teacher_id, school_id, enrolled_at)
                         SELECT 1, id, 1, '2026-02-20 10:00:00' FROM teachers WHERE staff_no = ?1",
                        [no],
                    )
                    .unwrap();
            }
        }
        drop(db);
        (dir, path)
    });
    path
}

fn liaoyuan(args: &[&str]) -> Output {
    Command::new(BIN)
        .arg("--db")
        .arg(district())
        .args(args)
        .env("LIAOYUAN_NOW", "2026-03-02 08:50")
        .env_remove("LIAOYUAN_DB")
        .output()
        .unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Fails when `s` holds a control character other than a line break.
fn assert_printable(s: &str, what: &str) {
    let bad: Vec<char> = s.chars().filter(|c| c.is_control() && *c != '\n').collect();
    assert!(bad.is_empty(), "{what} holds {bad:?}: {s:?}");
}

/// The CSV rows of an export, keyed by staff number.
fn csv_names(bytes: &[u8]) -> Vec<(String, String)> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut r = csv::Reader::from_reader(bytes);
    r.records()
        .map(|rec| {
            let rec = rec.unwrap();
            (rec[0].to_string(), rec[1].to_string())
        })
        .collect()
}

fn name_in(rows: &[(String, String)], staff_no: &str) -> String {
    let row = rows.iter().find(|(no, _)| no == staff_no);
    row.unwrap_or_else(|| panic!("{staff_no} missing from {rows:?}"))
        .1
        .clone()
}

/// The credits export of `staff_no`'s name, in a CSV file and on stdout.
fn exported_name(staff_no: &str) -> (String, String) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("credits.csv");
    let o = liaoyuan(&["export", "credits", "-o", file.to_str().unwrap()]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let in_file = name_in(&csv_names(&std::fs::read(&file).unwrap()), staff_no);
    let o = liaoyuan(&["export", "credits"]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    (in_file, name_in(&csv_names(&o.stdout), staff_no))
}

fn assert_neutralised(staff_no: &str) {
    let name = FORMULAS.iter().find(|(no, _)| *no == staff_no).unwrap().1;
    let (in_file, on_stdout) = exported_name(staff_no);
    assert_eq!(in_file, format!("'{name}"), "in the file");
    // Stdout also drops the control characters, then neutralises what is left.
    let printable: String = name.chars().filter(|c| !c.is_control()).collect();
    assert_eq!(on_stdout, format!("'{printable}"), "on stdout");
}

#[test]
fn a_hyperlink_formula_is_neutralised() {
    assert_neutralised("F1");
}

#[test]
fn a_leading_plus_is_neutralised() {
    assert_neutralised("F2");
}

#[test]
fn a_leading_at_is_neutralised() {
    assert_neutralised("F3");
}

#[test]
fn a_leading_minus_is_neutralised() {
    assert_neutralised("F4");
}

#[test]
fn a_dde_command_is_neutralised() {
    assert_neutralised("F5");
}

#[test]
fn a_leading_tab_is_neutralised() {
    assert_neutralised("F6");
}

#[test]
fn a_leading_carriage_return_is_neutralised() {
    assert_neutralised("F7");
}

#[test]
fn numbers_and_ordinary_text_are_written_as_they_are() {
    let o = liaoyuan(&["export", "credits"]);
    let out = text(&o.stdout);
    // The exporter's own numbers (credits, required credits) are not user text.
    assert!(out.contains(",实验小学,"), "{out}");
    assert!(out.contains(",0,0,120,20,"), "{out}");
    assert!(!out.contains("'实验小学") && !out.contains("'0"), "{out}");
}

#[test]
fn xlsx_keeps_the_text_as_it_is() {
    use calamine::{Data, Reader};
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("credits.xlsx");
    let o = liaoyuan(&["export", "credits", "-o", file.to_str().unwrap()]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let mut book = calamine::open_workbook_auto(&file).unwrap();
    let sheet = book.worksheet_range_at(0).unwrap().unwrap();
    let names: Vec<&Data> = sheet.rows().map(|r| &r[1]).collect();
    for (_, name) in FORMULAS
        .iter()
        .filter(|(_, n)| !n.starts_with(['\t', '\r']))
    {
        assert!(
            names.contains(&&Data::String(name.to_string())),
            "{name} not a plain string in {names:?}"
        );
    }
}

#[test]
fn lookup_and_checkin_print_no_escapes_and_json_keeps_the_data() {
    for (no, _) in &ESCAPES[..5] {
        let o = liaoyuan(&["lookup", no]);
        assert!(o.status.success(), "{}", text(&o.stderr));
        assert_printable(&text(&o.stdout), "lookup");
        let o = liaoyuan(&["checkin", "--project", "P1", "--session", "1", no]);
        assert!(o.status.success(), "{}", text(&o.stderr));
        assert_printable(&text(&o.stdout), "checkin");
    }
    let o = liaoyuan(&["lookup", "E1", "--json"]);
    let out = text(&o.stdout);
    assert_printable(&out, "lookup --json");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v[0]["name"], ESCAPES[0].1);
    let o = liaoyuan(&["lookup", "E5", "--json"]);
    let out = text(&o.stdout);
    assert_printable(&out, "lookup --json");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v[0]["name"], ESCAPES[4].1);
}

#[test]
fn csv_on_stdout_and_errors_quoting_stored_names_print_no_escapes() {
    let o = liaoyuan(&["export", "credits"]);
    let out = text(&o.stdout);
    assert_printable(&out, "CSV on stdout");
    assert!(out.contains("张]0;pwned伟"), "{out}");
    let o = liaoyuan(&["export", "credits", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_printable(&text(&o.stdout), "JSON on stdout");
    let names: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["name"].as_str().unwrap())
        .collect();
    assert!(names.contains(&ESCAPES[4].1), "{names:?}");
    // E6 is not enrolled: the refusal lists the teacher found.
    let o = liaoyuan(&["checkin", "--project", "P1", "--session", "1", "E6"]);
    assert_eq!(o.status.code(), Some(1));
    let err = text(&o.stderr);
    assert_printable(&err, "checkin refusal");
    assert!(err.contains("孙[31m丽"), "{err}");
}

#[test]
fn import_messages_print_no_escapes() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("import.db");
    let bad = dir.path().join("teachers.csv");
    std::fs::write(
        &bad,
        "staff_no,name,school\nX1,张三,\u{1b}[2J\u{1b}]0;title\u{7}不存在的学校\n",
    )
    .unwrap();
    let run = |file: &Path| {
        Command::new(BIN)
            .args(["--db", db.to_str().unwrap(), "import"])
            .arg(if file == bad { "teachers" } else { "schools" })
            .arg(file)
            .env_remove("LIAOYUAN_DB")
            .output()
            .unwrap()
    };
    let o = run(&bad);
    assert_eq!(o.status.code(), Some(1));
    let err = text(&o.stderr);
    assert_printable(&err, "import error");
    assert!(err.contains("不存在的学校"), "{err}");
    // A file whose very name holds escapes: the summary quotes it.
    let schools = dir.path().join("schools\u{1b}[2J\r.csv");
    std::fs::write(&schools, "name,stage\n实验小学,小学\n").unwrap();
    let o = run(&schools);
    assert!(o.status.success(), "{}", text(&o.stderr));
    assert_printable(&text(&o.stdout), "import summary");
    assert!(
        text(&o.stdout).contains("schools[2J.csv"),
        "{}",
        text(&o.stdout)
    );
}
