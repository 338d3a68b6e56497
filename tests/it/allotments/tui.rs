//! The allotment grid of an opened project at 80×24 in Chinese and English on a demo
//! district; editing, splitting and saving places; the dialog before enrolling beyond them.

use crate::school_report::open;
use crossterm::event::KeyCode;
use liaoyuan::search::keys::pinyin_keys;
use liaoyuan::tui::action::{Action, Intent, Target};
use liaoyuan::tui::i18n::Lang;
use unicode_width::UnicodeWidthStr;

/// The project with the most allotment rows, and its code.
fn project(ui: &crate::common::tui::Ui) -> (i64, String) {
    let c = rusqlite::Connection::open(&ui.path).unwrap();
    c.query_row(
        "SELECT p.id, p.code FROM projects p JOIN school_allotments a ON a.project_id = p.id
         GROUP BY p.id ORDER BY count(*) DESC, p.id LIMIT 1",
        [],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )
    .unwrap()
}

fn open_grid(lang: Lang) -> (crate::common::tui::Ui, i64) {
    let mut ui = open(lang);
    let (id, _) = project(&ui);
    ui.app.update(Action::Open(Target::Project(id)));
    for _ in 0..3 {
        ui.key(KeyCode::Char(']'));
    }
    (ui, id)
}

/// (school, places cell, enrolled) as stored for the project, in pinyin order.
fn stored(ui: &crate::common::tui::Ui, project: i64) -> Vec<(String, String, i64)> {
    let c = rusqlite::Connection::open(&ui.path).unwrap();
    let mut stmt = c
        .prepare(
            "SELECT s.name, a.places,
                    (SELECT count(*) FROM enrolments e WHERE e.project_id = ?1 AND e.school_id = s.id)
             FROM schools s LEFT JOIN school_allotments a ON a.project_id = ?1 AND a.school_id = s.id",
        )
        .unwrap();
    let mut rows: Vec<(String, String, i64)> = stmt
        .query_map([project], |r| {
            let p: Option<i64> = r.get(1)?;
            Ok((
                r.get(0)?,
                p.map_or("—".into(), |p| p.to_string()),
                r.get(2)?,
            ))
        })
        .unwrap()
        .map(Result::unwrap)
        .collect();
    rows.sort_by_cached_key(|r| (pinyin_keys(&r.0).0, r.0.clone()));
    rows
}

#[test]
fn the_grid_lists_schools_in_pinyin_order_with_places_and_enrolled_aligned() {
    for (lang, view, headers) in [
        (Lang::Zh, "[名额]", ["学校", "在职教师", "名额", "已报名"]),
        (
            Lang::En,
            "[Places]",
            ["School", "Teachers", "Places", "Enrolled"],
        ),
    ] {
        let (mut ui, id) = open_grid(lang);
        let text = ui.settled();
        assert!(text.contains(view), "{text}");
        let header = text
            .lines()
            .find(|l| l.contains(headers[3]) && l.contains(headers[1]))
            .unwrap_or_else(|| panic!("{text}"));
        for h in headers {
            assert!(header.contains(h), "{h}: {header}");
        }
        let want = stored(&ui, id);
        let lines: Vec<&str> = text.lines().skip_while(|l| *l != header).skip(1).collect();
        let mut ends = Vec::new();
        for (i, (school, places, enrolled)) in want.iter().take(8).enumerate() {
            let l = lines[i];
            assert!(l.starts_with(school.as_str()), "row {i} {school}: {text}");
            let cells: Vec<&str> = l.split_whitespace().collect();
            assert_eq!(cells[2], places, "{l}");
            assert_eq!(cells[3], enrolled.to_string(), "{l}");
            ends.push(UnicodeWidthStr::width(l.trim_end()));
        }
        assert!(
            ends.windows(2).all(|w| w[0] == w[1]),
            "right-aligned: {ends:?}\n{text}"
        );
        for l in text.lines() {
            assert!(UnicodeWidthStr::width(l) <= 80, "{l}");
        }
    }
}

#[test]
fn typed_places_and_a_split_are_saved_in_one_audited_write() {
    let (mut ui, id) = open_grid(Lang::Zh);
    let first = stored(&ui, id)[0].0.clone();
    ui.typed("7");
    assert!(ui.settled().contains("7_"), "{}", ui.settled());
    ui.key(KeyCode::Enter);
    ui.key(KeyCode::Char('w'));
    let text = ui.settled();
    assert_eq!(stored(&ui, id)[0].1, "7", "{text}");
    let audits = ui.count(
        "SELECT count(*) FROM audit_log WHERE entity = 'project' AND after LIKE '%allotments%'",
    );
    assert_eq!(audits, 1);

    ui.typed("50");
    ui.key(KeyCode::Char('n'));
    let text = ui.settled();
    assert!(text.contains("已按在职教师数分配 50 个名额"), "{text}");
    assert!(text.contains("名额合计 50"), "{text}");
    ui.key(KeyCode::Char('w'));
    ui.settled();
    let sum = ui.count(&format!(
        "SELECT sum(places) FROM school_allotments WHERE project_id = {id}"
    ));
    assert_eq!(sum, 50);
    let audits = ui.count(
        "SELECT count(*) FROM audit_log WHERE entity = 'project' AND after LIKE '%allotments%'",
    );
    assert_eq!(audits, 2, "one entry per save");
    assert!(!first.is_empty());
}

#[test]
fn enrolling_beyond_a_schools_places_asks_naming_school_places_and_enrolled() {
    for (lang, asks) in [(Lang::Zh, "仍要超额报名？"), (Lang::En, "anyway?")] {
        let mut ui = open(lang);
        let (id, _) = project(&ui);
        let c = rusqlite::Connection::open(&ui.path).unwrap();
        // A teacher not in the project, from a school given exactly its enrolled count.
        let (teacher, school, name, enrolled): (i64, i64, String, i64) = c
            .query_row(
                "SELECT t.id, s.id, s.name,
                        (SELECT count(*) FROM enrolments e WHERE e.project_id = ?1 AND e.school_id = s.id)
                 FROM teachers t JOIN schools s ON s.id = t.school_id
                 WHERE t.status = 'active'
                   AND t.id NOT IN (SELECT teacher_id FROM enrolments WHERE project_id = ?1)
                 ORDER BY t.id LIMIT 1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .unwrap();
        c.execute(
            "INSERT INTO school_allotments (project_id, school_id, places) VALUES (?1, ?2, ?3)
             ON CONFLICT DO UPDATE SET places = excluded.places",
            [id, school, enrolled],
        )
        .unwrap();
        c.execute("UPDATE projects SET capacity = NULL WHERE id = ?1", [id])
            .unwrap();
        drop(c);
        ui.app.update(Action::Open(Target::Project(id)));
        ui.app.update(Action::write(Intent::EnrolTeachers {
            project_id: id,
            teacher_ids: vec![teacher],
            over_capacity: false,
        }));
        let text = ui.settled();
        let facts = match lang {
            Lang::Zh => format!("{name}：名额 {enrolled}，报名将达 {}", enrolled + 1),
            Lang::En => format!("{name}: {enrolled} places, {} would be", enrolled + 1),
        };
        // The dialog's text, its wrapped lines joined (a wrap at a space drops it).
        let flat: String = text
            .lines()
            .filter_map(|l| {
                let (a, b) = (l.find('│')?, l.rfind('│')?);
                (b > a).then(|| l[a + '│'.len_utf8()..b].trim_end().to_string())
            })
            .collect::<Vec<_>>()
            .join(" ");
        assert!(
            flat.contains(&facts) && flat.contains(asks),
            "{facts}: {text}"
        );
        let q = format!(
            "SELECT count(*) FROM enrolments WHERE project_id = {id} AND teacher_id = {teacher}"
        );
        assert_eq!(ui.count(&q), 0, "nothing written before the answer");
        ui.key(KeyCode::Char('y'));
        ui.settled();
        assert_eq!(ui.count(&q), 1, "enrolled once confirmed");
    }
}
