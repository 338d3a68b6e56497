//! The two-thread check plans what the one-thread driver plans, and a file with a problem
//! anywhere, or a staff number in both halves, is refused with the one-thread wording.

use super::super::phases::tests::context;
use super::*;
use crate::ops::import::reader::parse_csv;
use crate::ops::import::teachers_plan::Step;
use crate::ops::import::{ImportOptions, Kind};
use crate::store::teachers::TeacherInput;
use crate::store::{Db, OpenMode};

const ROWS: usize = PARALLEL_ROWS + 904;

fn district(dir: &tempfile::TempDir) -> Db {
    let db = Db::open(&dir.path().join("check.db"), OpenMode::Create).unwrap();
    db.conn
        .execute_batch(
            "INSERT INTO schools (id, name, stage) VALUES (1, '实验小学', 'primary'),
                                                      (2, '城南中学', 'junior');
             INSERT INTO teachers (id, staff_no, name, school_id, phone, pinyin, initials)
               VALUES (1, 'K00007', '王芳', 1, '13800000001', 'wang''fang', 'wf');",
        )
        .unwrap();
    db
}

/// `ROWS` teachers, with `change` applied to each line's cells (staff_no, name, school,
/// gender, tier) before it is written.
fn roster(change: impl Fn(usize, &mut [String; 5])) -> Table {
    let mut csv = String::from("staff_no,name,school,gender,tier\n");
    for i in 0..ROWS {
        let line = i + 2;
        let school = if i % 3 == 0 {
            "城南中学"
        } else {
            "实验小学"
        };
        let mut cells = [
            format!("K{i:05}"),
            format!("滕{i}号"),
            school.to_string(),
            "女".to_string(),
            if i % 5 == 0 { "区级骨干" } else { "" }.to_string(),
        ];
        change(line, &mut cells);
        csv.push_str(&cells.join(","));
        csv.push('\n');
    }
    Table::locate(parse_csv(&csv).unwrap(), Kind::Teachers.columns()).unwrap()
}

/// What a plan writes, comparable: per step its line, input and pinyin keys (None for an
/// update), then the counts of unchanged rows, role changes and rows changing only a role.
type Written = (
    Vec<(usize, TeacherInput, Option<(String, String)>)>,
    usize,
    usize,
    usize,
);

fn written(plan: &Plan) -> Written {
    let steps = plan
        .steps
        .iter()
        .map(|s| match s {
            Step::Add { line, input, keys } => (*line, input.clone(), Some((**keys).clone())),
            Step::Update { line, input, .. } => (*line, input.clone(), None),
        })
        .collect();
    (steps, plan.unchanged, plan.roles.len(), plan.role_only)
}

fn refusal(r: Result<Plan>) -> Vec<String> {
    match r {
        Err(crate::error::Error::Rows(rows)) => rows.into_iter().map(|t| t.en).collect(),
        Err(e) => vec![format!("not a row refusal: {e}")],
        Ok(_) => vec!["accepted".into()],
    }
}

#[test]
fn a_large_clean_file_on_two_threads_plans_what_one_thread_plans() {
    let dir = tempfile::tempdir().unwrap();
    let db = district(&dir);
    let t = roster(|_, _| {});
    let opts = ImportOptions::default();
    let ctx = context(&opts);
    // planned from the two halves, not by the one-thread fallback
    let two = in_halves(&db.conn, &t, &ctx)
        .unwrap()
        .expect("planned in halves");
    let one = driver::check::<Teachers>(&db.conn, &t, &ctx).unwrap();
    assert_eq!(written(&two), written(&one));
    // K00007 is stored: an update (its school and name change), in file order with the rest
    assert_eq!(two.steps.len(), ROWS);
    assert!(matches!(two.steps[7], Step::Update { line: 9, .. }));
    assert!(matches!(two.steps[ROWS - 1], Step::Add { .. }));
}

#[test]
fn a_staff_number_in_both_halves_is_refused_as_one_thread_words_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = district(&dir);
    let late = ROWS - 5;
    let t = roster(|line, cells| {
        if line == late {
            cells[0] = "k00003".into();
        }
    });
    let opts = ImportOptions::default();
    let ctx = context(&opts);
    assert!(in_halves(&db.conn, &t, &ctx).unwrap().is_none());
    let two = refusal(check(&db.conn, &t, &ctx));
    let one = refusal(driver::check::<Teachers>(&db.conn, &t, &ctx));
    assert_eq!(two, one);
    assert_eq!(two.len(), 1, "{two:?}");
    assert!(
        two[0].starts_with(&format!("line {late}: staff_no: ")) && two[0].contains("line 5"),
        "{two:?}"
    );
}

#[test]
fn problems_in_either_half_are_all_refused_in_file_order() {
    let dir = tempfile::tempdir().unwrap();
    let db = district(&dir);
    let t = roster(|line, cells| match line {
        10 => cells[3] = "未知".into(),
        l if l == ROWS - 2 => cells[2] = "城北小学".into(),
        _ => {}
    });
    let opts = ImportOptions::default();
    let ctx = context(&opts);
    assert!(in_halves(&db.conn, &t, &ctx).unwrap().is_none());
    let two = refusal(check(&db.conn, &t, &ctx));
    assert_eq!(two, refusal(driver::check::<Teachers>(&db.conn, &t, &ctx)));
    assert_eq!(two.len(), 2, "{two:?}");
    assert!(two[0].starts_with("line 10: gender: "), "{two:?}");
    assert!(
        two[1].starts_with(&format!("line {}: school: ", ROWS - 2)),
        "{two:?}"
    );
}
