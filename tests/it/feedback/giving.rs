//! Only teachers who attended may give feedback; a project's summary on a fixed set.

use super::{district, stamp};
use liaoyuan::ops::feedback::{give, Answers};
use liaoyuan::store::feedback::{summary, trainer_feedback_average, Source};

fn answers(teacher: i64, session: Option<i64>, r: [Option<u8>; 3], comment: &str) -> Answers {
    Answers {
        project_id: 1,
        session_id: session,
        teacher_id: teacher,
        content: r[0],
        trainer: r[1],
        organisation: r[2],
        comment: comment.into(),
    }
}

fn count(db: &liaoyuan::store::Db, sql: &str) -> i64 {
    db.conn.query_row(sql, [], |r| r.get(0)).unwrap()
}

#[test]
fn an_absent_teacher_s_feedback_is_refused_with_the_reason_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let (_path, mut db) = district(dir.path());
    let err = give(
        &mut db,
        &stamp(),
        &answers(5, Some(1), [Some(5), Some(5), Some(5)], "很好"),
        Source::Desk,
    )
    .unwrap_err()
    .to_string();
    assert!(
        err.contains("赵磊 没有出席 P1 2026-03-02 09:00 的场次"),
        "{err}"
    );
    let err = give(
        &mut db,
        &stamp(),
        &answers(5, None, [Some(4), None, None], ""),
        Source::Form,
    )
    .unwrap_err()
    .to_string();
    assert!(err.contains("赵磊 没有出席项目 P1 的任何场次"), "{err}");
    assert_eq!(count(&db, "SELECT count(*) FROM feedback"), 0);
    assert_eq!(
        count(
            &db,
            "SELECT count(*) FROM audit_log WHERE entity = 'feedback'"
        ),
        0
    );
    // One who attended may, and giving again replaces the earlier answers.
    give(
        &mut db,
        &stamp(),
        &answers(1, Some(1), [Some(3), None, None], ""),
        Source::Desk,
    )
    .unwrap();
    give(
        &mut db,
        &stamp(),
        &answers(1, Some(1), [Some(5), None, None], ""),
        Source::Desk,
    )
    .unwrap();
    assert_eq!(count(&db, "SELECT count(*) FROM feedback"), 1);
    assert_eq!(count(&db, "SELECT content FROM feedback"), 5);
    assert_eq!(
        count(
            &db,
            "SELECT count(*) FROM audit_log WHERE entity = 'feedback'"
        ),
        2
    );
}

#[test]
fn averages_distributions_and_response_rate_on_a_fixed_set() {
    let dir = tempfile::tempdir().unwrap();
    let (_path, mut db) = district(dir.path());
    let s = stamp();
    give(
        &mut db,
        &s,
        &answers(1, Some(1), [Some(5), Some(5), Some(4)], "案例很实用"),
        Source::Desk,
    )
    .unwrap();
    give(
        &mut db,
        &s,
        &answers(2, Some(1), [Some(4), Some(5), Some(3)], ""),
        Source::Desk,
    )
    .unwrap();
    give(
        &mut db,
        &s,
        &answers(3, None, [Some(3), Some(2), None], "时间太紧"),
        Source::Form,
    )
    .unwrap();
    let sum = summary(&db.conn, 1).unwrap();
    assert_eq!((sum.respondents, sum.attended), (3, 4));
    assert_eq!(sum.questions[0].counts, [0, 0, 1, 1, 1]);
    assert_eq!(sum.questions[0].average(), Some(4.0));
    assert_eq!(sum.questions[1].average(), Some(4.0));
    assert_eq!(sum.questions[2].average(), Some(3.5));
    assert_eq!(sum.questions[2].total(), 2);
    assert_eq!(
        sum.comments,
        [
            ("王芳".to_string(), "时间太紧".to_string()),
            ("张伟".to_string(), "案例很实用".to_string())
        ]
    );
    assert_eq!(sum.trainers, [("王老师".to_string(), 4.0, 3)]);
    assert_eq!(
        trainer_feedback_average(&db.conn, 1).unwrap(),
        Some((4.0, 3))
    );
    assert_eq!(trainer_feedback_average(&db.conn, 2).unwrap(), None);
}
