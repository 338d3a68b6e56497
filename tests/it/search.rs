//! The fuzzy index: every query form of docs/rules.md §4.6, prefixes, highlights,
//! updates and odd input.

use liaoyuan::search::keys::pinyin_keys;
use liaoyuan::search::{shortest_unique_query, Entry, Index};

fn teacher(id: i64, name: &str, staff_no: &str, phone: &str, school: &str, tier: &str) -> Entry {
    let (pinyin, initials) = pinyin_keys(name);
    Entry {
        id,
        name: name.into(),
        pinyin,
        initials,
        staff_no: staff_no.into(),
        phone: phone.into(),
        school: school.into(),
        tier: tier.into(),
        subject: "语文".into(),
        stage: "primary".into(),
        status: "active".into(),
    }
}

fn sample() -> Index {
    Index::new(vec![
        teacher(1, "张伟", "T0123", "13912345678", "实验小学", "backbone"),
        teacher(2, "王志伟", "T0456", "13800001111", "城关中学", "qualified"),
        teacher(3, "张伟明", "T0789", "13700002222", "实验小学", "rising"),
        teacher(4, "张伟", "T1123", "13600003333", "城关中学", "qualified"),
        teacher(5, "曾国强", "T2001", "13500004444", "实验小学", "renowned"),
        teacher(6, "单雪", "T2002", "13500005555", "城关中学", "qualified"),
        teacher(7, "解放", "T2003", "13500006666", "城关中学", "qualified"),
        teacher(8, "区静", "T2004", "13500007777", "城关中学", "qualified"),
        teacher(9, "仇明", "T2005", "13500008888", "城关中学", "qualified"),
        teacher(10, "李娜", "T3001", "13500009999", "城关中学", "eminent"),
    ])
}

fn ids(index: &Index, q: &str) -> Vec<i64> {
    index.search(q, 50).into_iter().map(|h| h.id).collect()
}

#[test]
fn every_query_form_finds_zhang_wei_first() {
    let index = sample();
    for q in [
        "zw", "zhangw", "zhangwei", "张伟", "T0123", "t0123", "5678", "zhw", "张w",
    ] {
        let found = ids(&index, q);
        assert!(
            found.first() == Some(&1) || (found.first() == Some(&4) && found.contains(&1)),
            "{q}: {found:?}"
        );
    }
    assert_eq!(ids(&index, "T0123").first(), Some(&1));
    assert_eq!(ids(&index, "5678"), vec![1]);
}

#[test]
fn two_readings_of_surnames() {
    let index = sample();
    for (q, id) in [
        ("zeng", 5),
        ("ceng", 5),
        ("zgq", 5),
        ("cgq", 5),
        ("shanx", 6),
        ("danx", 6),
        ("xief", 7),
        ("jief", 7),
        ("ouj", 8),
        ("quj", 8),
        ("qium", 9),
        ("choum", 9),
    ] {
        assert_eq!(ids(&index, q).first(), Some(&id), "{q}");
    }
}

#[test]
fn same_name_teachers_are_both_returned() {
    let index = sample();
    let found = ids(&index, "张伟");
    assert!(found.contains(&1) && found.contains(&4));
    // exact name before the longer name
    let pos_3 = found.iter().position(|id| *id == 3);
    assert!(pos_3 > found.iter().position(|id| *id == 1));
    assert!(pos_3 > found.iter().position(|id| *id == 4));
}

#[test]
fn prefixes_narrow() {
    let index = sample();
    assert_eq!(ids(&index, "zw school:实验"), vec![1, 3]);
    assert_eq!(ids(&index, "张伟 school:城关"), vec![4]);
    assert_eq!(ids(&index, "school:实验 tier:backbone"), vec![1]);
    assert_eq!(ids(&index, "tier:骨干"), vec![1]);
    assert_eq!(ids(&index, "tier:卓越"), vec![10]);
    assert!(ids(&index, "stage:初中").is_empty());
    assert_eq!(ids(&index, "subject:语文").len(), 10);
}

#[test]
fn highlights() {
    let index = sample();
    assert_eq!(index.highlight(3, "张伟").name, vec![0, 1]);
    assert_eq!(index.highlight(3, "zw").name, vec![0, 1]);
    assert_eq!(index.highlight(3, "wm").name, vec![1, 2]);
    assert_eq!(index.highlight(2, "zhiw").name, vec![1, 2]);
    assert_eq!(index.highlight(1, "T0123").staff_no, vec![0, 1, 2, 3, 4]);
    assert_eq!(index.highlight(1, "5678").phone, vec![7, 8, 9, 10]);
    assert_eq!(index.highlight(99, "zw"), Default::default());
}

#[test]
fn empty_query_lists_in_pinyin_order() {
    let index = sample();
    let all = ids(&index, "");
    assert_eq!(all.len(), 10);
    assert_eq!(ids(&index, "   "), all);
    assert_eq!(index.search("", 3).len(), 3);
}

#[test]
fn upsert_and_remove() {
    let mut index = sample();
    index.upsert(teacher(11, "周杰", "T4001", "", "实验小学", "qualified"));
    assert_eq!(ids(&index, "zj").first(), Some(&11));
    index.upsert(teacher(11, "赵杰", "T4001", "", "实验小学", "qualified"));
    assert_eq!(ids(&index, "zhaoj"), vec![11]);
    assert!(ids(&index, "zhouj").is_empty());
    index.remove(1);
    assert!(index.entry(1).is_none());
    assert_eq!(ids(&index, "T0123"), Vec::<i64>::new());
    assert_eq!(index.len(), 10);
    index.remove(1);
    assert_eq!(ids(&index, "").len(), 10);
}

#[test]
fn odd_input_does_not_panic() {
    let index = sample();
    let long = "z".repeat(10_000);
    for q in [
        "😀",
        "   ",
        "school:",
        "school: tier:",
        ":",
        "::::",
        "|'",
        long.as_str(),
        "张😀伟",
    ] {
        let _ = index.search(q, 10);
        let _ = index.highlight(1, q);
        let _ = index.search_among(q, &[1, 2, 3], 10);
    }
    assert_eq!(ids(&index, "school:").len(), 10);
}

#[test]
fn shortest_query_puts_the_teacher_first() {
    let index = sample();
    let among = [1, 2, 3, 5, 10];
    assert_eq!(
        shortest_unique_query(&index, 10, &among).as_deref(),
        Some("l")
    );
    let q = shortest_unique_query(&index, 3, &among).unwrap_or_default();
    assert_eq!(index.search_among(&q, &among, 1)[0].id, 3);
}

#[test]
fn is_current_tells_changed_entries() {
    let index = sample();
    let same = teacher(1, "张伟", "T0123", "13912345678", "实验小学", "backbone");
    assert!(index.is_current(&same));
    let mut moved = same.clone();
    moved.school = "城关中学".into();
    assert!(!index.is_current(&moved));
    let mut stale_keys = same.clone();
    stale_keys.pinyin = "zhangwei".into();
    assert!(
        index.is_current(&stale_keys),
        "keys are recomputed, not a change"
    );
    assert!(!index.is_current(&teacher(77, "张伟", "T0123", "", "", "")));
}

mod from_database {
    use liaoyuan::store::search_source::{teacher_entries, teacher_entry, teacher_index};
    use liaoyuan::store::Db;

    fn db() -> Db {
        let db = Db::open_in_memory().expect("in-memory database");
        db.conn
            .execute_batch(
                "INSERT INTO schools (id, name, township, stage) VALUES (1, '实验小学', '城关镇', 'primary');
                 INSERT INTO teachers (id, staff_no, name, school_id, subject, stage, phone, tier, pinyin, initials)
                 VALUES (1, 'T0123', '张伟', 1, '语文', NULL, '13912345678', 'backbone', 'zhang''wei', 'zw'),
                        (2, 'T0456', '曾国强', 1, '数学', 'junior', '', 'qualified', 'zengguoqiang', 'zgq');",
            )
            .expect("rows");
        db
    }

    #[test]
    fn entries_join_the_school_and_fall_back_to_its_stage() {
        let db = db();
        let entries = teacher_entries(&db.conn).expect("entries");
        assert_eq!(entries.len(), 2);
        let zhang = entries.iter().find(|e| e.id == 1).expect("张伟");
        assert_eq!(zhang.school, "实验小学");
        assert_eq!(zhang.stage, "primary");
        assert_eq!(zhang.tier, "backbone");
        assert_eq!(zhang.pinyin, "zhang'wei");
        let one = teacher_entry(&db.conn, 2).expect("query").expect("row");
        assert_eq!(
            (one.name.as_str(), one.stage.as_str()),
            ("曾国强", "junior")
        );
        assert!(teacher_entry(&db.conn, 99).expect("query").is_none());
    }

    #[test]
    fn index_from_rows_recomputes_stale_keys() {
        let db = db();
        let index = teacher_index(&db.conn).expect("index");
        assert_eq!(index.len(), 2);
        assert_eq!(index.search("zw", 5)[0].id, 1);
        // stored keys of an older format are recomputed: both readings work
        assert_eq!(index.search("cgq", 5)[0].id, 2);
        assert_eq!(index.search("zengg", 5)[0].id, 2);
        assert_eq!(index.search("stage:初中", 5)[0].id, 2);
        // a NULL stage is the school's
        assert_eq!(index.search("stage:小学", 5)[0].id, 1);
    }

    /// Several thousand teachers (more than one chunk of rows): the index
    /// built from rows answers exactly like one built from the joined entries.
    #[test]
    fn index_from_rows_equals_index_from_entries() {
        let db = Db::open_in_memory().expect("in-memory database");
        let stages = ["primary", "junior", "senior"];
        let tiers = ["rising", "qualified", "backbone"];
        let surnames = ["张", "王", "李", "曾", "单", "欧阳", "吕", "赵"];
        let given = ["伟", "乐", "芳", "国强", "晟", "", "明明", "娜"];
        let tx = db.conn.unchecked_transaction().expect("transaction");
        for s in 1..=7i64 {
            tx.execute(
                "INSERT INTO schools (id, name, stage) VALUES (?1, ?2, ?3)",
                rusqlite::params![s, format!("实验{s}校"), stages[s as usize % 3]],
            )
            .expect("school");
        }
        for i in 0..9_000usize {
            let name = format!("{}{}", surnames[i % 8], given[(i / 8) % 8]);
            let (mut pinyin, mut initials) = super::pinyin_keys(&name);
            if i % 13 == 0 {
                // missing keys: recomputed by both
                (pinyin, initials) = (String::new(), String::new());
            }
            let stage = (i % 4 != 0).then(|| stages[i % 3]);
            tx.execute(
                "INSERT INTO teachers (id, staff_no, name, school_id, subject, stage, phone, tier, pinyin, initials)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                rusqlite::params![
                    (i * 7 % 9_001) as i64 + 1,
                    format!("T{i:05}"),
                    name,
                    (i % 7) as i64 + 1,
                    ["语文", "数学", ""][i % 3],
                    stage,
                    if i % 5 == 0 { String::new() } else { format!("139{i:08}") },
                    tiers[i % 3],
                    pinyin,
                    initials,
                ],
            )
            .expect("teacher");
        }
        tx.commit().expect("commit");
        let from_rows = teacher_index(&db.conn).expect("index");
        let from_entries =
            liaoyuan::search::Index::new(teacher_entries(&db.conn).expect("entries"));
        assert_eq!(from_rows.len(), 9_000);
        for query in [
            "",
            "z",
            "张",
            "l",
            "1",
            "zw",
            "zhang",
            "wei",
            "cgq",
            "ouyang",
            "lv",
            "T001",
            "0012",
            "张伟",
            "stage:小学",
            "school:实验3 l",
            "tier:backbone z",
            "subject:数学 w",
            "乐",
        ] {
            for limit in [1, 50, 2_000] {
                assert_eq!(
                    from_rows.search(query, limit),
                    from_entries.search(query, limit),
                    "query {query:?}, limit {limit}"
                );
            }
        }
        for e in teacher_entries(&db.conn).expect("entries") {
            assert!(from_rows.is_current(&e), "entry {}", e.id);
        }
    }
}

#[test]
fn reusable_for_schools_and_projects() {
    let index = Index::new(vec![
        Entry::named(1, "城关镇第一实验小学", "S01"),
        Entry::named(2, "南湖中学", "S02"),
        Entry::named(3, "2026年骨干教师培训", "2026-GP-003"),
    ]);
    assert_eq!(ids(&index, "syxx"), vec![1]);
    assert_eq!(ids(&index, "实验"), vec![1]);
    assert_eq!(ids(&index, "nanhu"), vec![2]);
    assert_eq!(ids(&index, "gp-003"), vec![3]);
    assert_eq!(ids(&index, "2026-GP-003"), vec![3]);
    assert_eq!(ids(&index, "gganjs"), vec![3]);
}
