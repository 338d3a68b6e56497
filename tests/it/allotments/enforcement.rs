//! Enrolling beyond a school's places or the project's capacity is refused unless the
//! caller goes beyond them on purpose; exactly at a limit is allowed.

use super::{enrolled, fixture, stamp};
use liaoyuan::error::Error;
use liaoyuan::ops::enrolments::{enrol_school, enrol_teachers, enrol_walk_in, Limits};

#[test]
fn exactly_the_schools_places_are_allowed() {
    let (_dir, mut db) = fixture();
    let e = enrol_teachers(&mut db, &stamp(), 1, &[1, 2], Limits::Keep).unwrap();
    assert_eq!(e.added, 2);
}

#[test]
fn one_over_the_schools_places_is_refused_naming_school_places_and_enrolled() {
    let (_dir, mut db) = fixture();
    enrol_teachers(&mut db, &stamp(), 1, &[1, 2], Limits::Keep).unwrap();
    let refused = enrol_teachers(&mut db, &stamp(), 1, &[3], Limits::Keep).unwrap_err();
    let Error::OverCapacity(text) = &refused else {
        panic!("not an over-capacity refusal: {refused:?}");
    };
    assert!(
        text.zh.contains("实验小学：名额 2，报名将达 3"),
        "{}",
        text.zh
    );
    assert!(
        text.en.contains("实验小学: 2 places, 3 would be enrolled"),
        "{}",
        text.en
    );
    assert_eq!(enrolled(&db), 2, "the refused enrolment wrote nothing");
    let audits: i64 = db
        .conn
        .query_row(
            "SELECT count(*) FROM audit_log WHERE entity = 'enrolment'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(audits, 2);
}

#[test]
fn going_beyond_on_purpose_passes() {
    let (_dir, mut db) = fixture();
    let e = enrol_teachers(&mut db, &stamp(), 1, &[1, 2, 3], Limits::Exceed).unwrap();
    assert_eq!(e.added, 3);
}

#[test]
fn a_school_without_an_allotment_has_only_the_capacity() {
    let (_dir, mut db) = fixture();
    // School 2 has no row: both its teachers go in (4 of capacity 5).
    enrol_teachers(&mut db, &stamp(), 1, &[5, 6, 1, 2], Limits::Keep).unwrap();
    assert_eq!(enrolled(&db), 4);
    // The fifth is exactly at the capacity, … (school 1 is at its 2 places, so use it on purpose)
    db.conn
        .execute("UPDATE school_allotments SET places = 4", [])
        .unwrap();
    enrol_teachers(&mut db, &stamp(), 1, &[3], Limits::Keep).unwrap();
    assert_eq!(enrolled(&db), 5);
    // … the sixth is one over it.
    let refused = enrol_teachers(&mut db, &stamp(), 1, &[4], Limits::Keep).unwrap_err();
    let Error::OverCapacity(text) = &refused else {
        panic!("not an over-capacity refusal: {refused:?}");
    };
    assert!(text.zh.contains("项目容量 5，报名将达 6"), "{}", text.zh);
    assert_eq!(enrolled(&db), 5);
}

#[test]
fn a_whole_school_is_refused_as_one_and_a_walk_in_is_never_held_up() {
    let (_dir, mut db) = fixture();
    let refused = enrol_school(&mut db, &stamp(), 1, 1, Limits::Keep).unwrap_err();
    assert!(matches!(refused, Error::OverCapacity(_)), "{refused:?}");
    assert_eq!(enrolled(&db), 0);
    enrol_teachers(&mut db, &stamp(), 1, &[1, 2], Limits::Keep).unwrap();
    assert!(enrol_walk_in(&mut db, &stamp(), 1, 3).unwrap());
    assert_eq!(enrolled(&db), 3);
}
