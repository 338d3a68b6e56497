//! The demo district shows the life cycle: selections with criteria, assessments resting on
//! sessions taught, observations and feedback averages, and at least two exits with reasons.

use liaoyuan::ops::demo::{generate_into, DemoOptions};
use liaoyuan::store::{Db, Stamp};

#[test]
fn the_demo_has_candidates_assessments_and_exits() {
    let mut db = Db::open_in_memory().unwrap();
    let today = liaoyuan::domain::parse_date("2026-11-28").unwrap();
    let tx = db
        .write(&Stamp::new(today.and_hms_opt(9, 0, 0).unwrap(), "tester"))
        .unwrap();
    let opts = DemoOptions {
        teachers: 400,
        seed: 7,
        progress: false,
    };
    generate_into(&tx, &opts, today).unwrap();
    tx.commit().unwrap();
    let n = |sql: &str| -> i64 { db.conn.query_row(sql, [], |r| r.get(0)).unwrap() };
    assert!(n("SELECT count(*) FROM trainers WHERE status = 'candidate' AND selected_on IS NOT NULL AND selection_note <> ''") >= 1);
    assert!(n("SELECT count(*) FROM trainers WHERE status = 'retired' AND exited_on IS NOT NULL AND exit_reason <> ''") >= 2);
    assert_eq!(
        n("SELECT count(*) FROM trainers WHERE status = 'retired' AND exited_on IS NULL"),
        0
    );
    for kind in ["session", "observation", "feedback"] {
        assert!(
            n(&format!(
                "SELECT count(*) FROM trainer_assessments WHERE evidence_kind = '{kind}'"
            )) > 0,
            "{kind}"
        );
    }
    // An assessment on a session rests on a session that trainer taught.
    assert_eq!(
        n(
            "SELECT count(*) FROM trainer_assessments a JOIN sessions s ON s.id = a.session_id
           WHERE s.trainer_id <> a.trainer_id"
        ),
        0
    );
    assert_eq!(n("SELECT count(*) FROM pragma_foreign_key_check"), 0);
}
