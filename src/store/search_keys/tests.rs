use super::*;
use crate::store::schema::SCHEMA_SQL;

fn db() -> Connection {
    let conn = Connection::open_in_memory().unwrap();
    conn.execute_batch(SCHEMA_SQL).unwrap();
    conn.execute_batch(
        "INSERT INTO schools (id, name, stage) VALUES (1, '实验小学', 'primary');
         INSERT INTO teachers (id, staff_no, name, school_id, pinyin, initials, stage) VALUES
           (1, 'T1', '张伟', 1, 'zhang''wei', 'zw', NULL),
           (2000, 'T2', '李娜', 1, '', '', 'junior'),
           (5000000, 'T3', 'Ann O''Neil', 1, '', '', NULL);",
    )
    .unwrap();
    conn
}

fn stored(conn: &Connection) -> Vec<i64> {
    conn.prepare("SELECT block FROM teacher_search_keys ORDER BY block")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap()
}

fn names(conn: &Connection) -> Vec<String> {
    let mut out = Vec::new();
    each_teacher(conn, |r| {
        out.push(format!("{} {} {} {:?}", r.id, r.name, r.pinyin, r.stage))
    })
    .unwrap();
    out
}

#[test]
fn blocks_are_stored_per_1024_ids_and_read_back_as_the_rows() {
    let conn = db();
    let from_rows = names(&conn);
    assert_eq!(refresh(&conn).unwrap(), 3);
    assert_eq!(stored(&conn), [0, 1, 5000000 >> BLOCK_SHIFT]);
    assert_eq!(refresh(&conn).unwrap(), 0);
    assert_eq!(names(&conn), from_rows);
    assert_eq!(
        from_rows,
        [
            "1 张伟 zhang'wei None",
            "2000 李娜  Some(\"junior\")",
            "5000000 Ann O'Neil  None"
        ]
    );
}

#[test]
fn a_write_to_a_teacher_drops_just_its_block() {
    let conn = db();
    refresh(&conn).unwrap();
    conn.execute("UPDATE teachers SET name = '张卫' WHERE id = 1", [])
        .unwrap();
    assert_eq!(stored(&conn), [1, 5000000 >> BLOCK_SHIFT]);
    // a block not stored is read from the rows: never stale
    assert!(names(&conn)[0].starts_with("1 张卫"));
    refresh(&conn).unwrap();
    conn.execute("DELETE FROM teachers WHERE id = 2000", [])
        .unwrap();
    conn.execute(
        "INSERT INTO teachers (id, staff_no, name, school_id) VALUES (5000001, 'T4', '王芳', 1)",
        [],
    )
    .unwrap();
    assert_eq!(stored(&conn), [0]);
    // moving a teacher to another id drops both blocks
    refresh(&conn).unwrap();
    conn.execute("UPDATE teachers SET id = 3000 WHERE id = 1", [])
        .unwrap();
    assert_eq!(stored(&conn), [5000000 >> BLOCK_SHIFT]);
}

#[test]
fn an_unreadable_block_is_read_from_the_rows() {
    let conn = db();
    refresh(&conn).unwrap();
    let before = names(&conn);
    conn.execute(
        "UPDATE teacher_search_keys SET entries = x'01020304' WHERE block = 0",
        [],
    )
    .unwrap();
    assert_eq!(names(&conn), before);
}

#[test]
fn teachers_whose_mask_lacks_a_query_character_are_passed_over() {
    let conn = db();
    refresh(&conn).unwrap();
    let need = crate::search::Probe::new("张伟").mask();
    let mut ids = Vec::new();
    each_teacher_with(&conn, need, |r| ids.push(r.id)).unwrap();
    assert_eq!(ids, [1]);
    // stale blocks (read from the rows) are filtered the same way
    conn.execute("DELETE FROM teacher_search_keys", []).unwrap();
    ids.clear();
    each_teacher_with(&conn, need, |r| ids.push(r.id)).unwrap();
    assert_eq!(ids, [1]);
}

#[test]
fn the_index_from_stored_keys_is_the_index_from_the_rows() {
    let conn = db();
    conn.execute_batch(
        "INSERT INTO schools (id, name, stage) VALUES (2, '城关中学', 'junior');
         INSERT INTO teachers (id, staff_no, name, school_id, tier, tier_level, status) VALUES
           (3, 'T5', '曾国强', 2, 'backbone', 'district', 'active'),
           (4, 'T6', '单雪', 2, 'renowned', 'national', 'retired'),
           (2100, 'T7', '欧阳娜娜', 1, 'backbone', NULL, 'active'),
           (2101, 'T8', '王芳', 2, 'backbone', 'municipal', 'active');",
    )
    .unwrap();
    refresh(&conn).unwrap();
    // a block dropped by a write is read from its rows
    conn.execute(
        "UPDATE teachers SET tier_level = 'municipal' WHERE id = 3",
        [],
    )
    .unwrap();
    assert_eq!(stored(&conn), [1, 2, 5000000 >> BLOCK_SHIFT]);
    let from_keys = teacher_index(&conn).unwrap();
    let from_rows = crate::store::search_source::teacher_index(&conn).unwrap();
    assert_eq!(from_keys.len(), 7);
    assert_eq!(from_keys.len(), from_rows.len());
    for id in [1, 2000, 5000000, 3, 4, 2100, 2101] {
        assert_eq!(from_keys.entry(id), from_rows.entry(id), "teacher {id}");
    }
    assert_eq!(
        from_keys.entry(2101).map(|e| e.tier.as_str()),
        Some("backbone/municipal")
    );
    // lookup's index of the admitted teachers has their levels too
    let admitted = index_of_admitted(&conn, 0, |_| true).unwrap();
    for id in [1, 2000, 5000000, 3, 4, 2100, 2101] {
        assert_eq!(admitted.entry(id), from_rows.entry(id), "admitted {id}");
    }
    for q in [
        "level:市级",
        "tier:区级骨干",
        "level:national",
        "z",
        "zgq",
        "stage:初中",
    ] {
        assert_eq!(from_keys.search(q, 10), from_rows.search(q, 10), "{q}");
        assert_eq!(admitted.search(q, 10), from_rows.search(q, 10), "{q}");
    }
}

/// The masks of packed rows (names seen before are not worked out again) are
/// `search::text_mask`'s: names read two ways, stale or missing pinyin, no name keys,
/// letters in staff numbers, one name with several phones.
#[test]
fn the_packed_masks_are_the_search_text_masks() {
    let conn = db();
    conn.execute_batch(
        "INSERT INTO teachers (id, staff_no, name, school_id, pinyin, initials, phone) VALUES
           (3, 'T0003', '曾小红', 1, 'zeng''xiao''hong|ceng''xiao''hong', 'zxh|cxh', '13900001111'),
           (4, 'X09', '曾小红', 1, 'zeng''xiao''hong|ceng''xiao''hong', 'zxh|cxh', '13812345678'),
           (5, 'T0005', '单田芳', 1, '', '', ''),
           (6, 'Q77', '欧阳娜娜', 1, 'ou''yang', 'oy', '5678'),
           (7, 't0007', 'Ann', 1, 'zhang''wei', 'zw', '');",
    )
    .unwrap();
    refresh(&conn).unwrap();
    let packed: Vec<u8> = conn
        .query_row(
            "SELECT entries FROM teacher_search_keys WHERE block = 0",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let mut masks = Vec::new();
    let mut at = 0;
    while at < packed.len() {
        let word = |i: usize| u64::from_le_bytes(packed[i..i + 8].try_into().unwrap());
        let rest = u32::from_le_bytes(packed[at + 24..at + 28].try_into().unwrap()) as usize;
        masks.push((word(at), word(at + 16)));
        at += 28 + rest;
    }
    let mut want = Vec::new();
    let mut st = conn
        .prepare(
            "SELECT id, name, pinyin, staff_no, phone FROM teachers WHERE id < 1024 ORDER BY id",
        )
        .unwrap();
    let mut rows = st.query([]).unwrap();
    while let Some(r) = rows.next().unwrap() {
        let text = |i: usize| r.get::<_, String>(i).unwrap();
        let mask = crate::search::text_mask(&text(1), &text(2), &text(3), &text(4));
        want.push((r.get::<_, i64>(0).unwrap() as u64, mask));
    }
    assert_eq!(want.len(), 6);
    assert_eq!(masks, want);
}

/// Blocks packed from the values of teachers just inserted (every teacher above the id
/// given) are the blocks `refresh` packs from their rows; a block that also holds an older
/// teacher is left to `refresh`.
#[test]
fn new_blocks_packed_from_values_are_those_packed_from_the_rows() {
    let conn = db();
    let rows = [
        (
            2050,
            "T10",
            "曾小红",
            "zeng'xiao'hong|ceng'xiao'hong",
            "zxh|cxh",
            "139",
            None,
        ),
        (2051, "t11", "Ann", "", "", "", Some("junior")),
        (
            3072,
            "T12",
            "欧阳娜娜",
            "ou'yang'na'na",
            "oyn",
            "13912340001",
            None,
        ),
        (
            6000001,
            "T13",
            "王芳",
            "wang'fang",
            "wf",
            "5678",
            Some("senior"),
        ),
    ];
    for (id, no, name, py, ini, phone, stage) in rows {
        conn.execute(
            "INSERT INTO teachers (id, staff_no, name, school_id, pinyin, initials, phone, stage,
                                   subject, tier, status)
             VALUES (?1, ?2, ?3, 1, ?4, ?5, ?6, ?7, '语文', 'backbone', 'retired')",
            params![id, no, name, py, ini, phone, stage],
        )
        .unwrap();
    }
    let blob = |block: i64| -> Vec<u8> {
        conn.query_row(
            "SELECT entries FROM teacher_search_keys WHERE block = ?1",
            [block],
            |r| r.get(0),
        )
        .unwrap()
    };
    refresh(&conn).unwrap();
    let from_rows: Vec<Vec<u8>> = [2, 3, 6000001 >> BLOCK_SHIFT].map(blob).to_vec();
    conn.execute("DELETE FROM teacher_search_keys", []).unwrap();
    let values: Vec<KeyRow> = rows
        .iter()
        .map(|(id, no, name, py, ini, phone, stage)| KeyRow {
            id: *id,
            school_id: 1,
            name,
            pinyin: py,
            initials: ini,
            staff_no: no,
            phone,
            tier: "backbone",
            subject: "语文",
            status: "retired",
            stage: *stage,
        })
        .collect();
    // ids above 2049: block 2 (2048..) also holds ids 2048 and 2049, which are not new
    assert_eq!(
        store_blocks(&conn, &pack_new_blocks(2049, &values)).unwrap(),
        2
    );
    assert_eq!(stored(&conn), [3, 6000001 >> BLOCK_SHIFT]);
    assert_eq!(
        store_blocks(&conn, &pack_new_blocks(2047, &values)).unwrap(),
        3
    );
    let from_values: Vec<Vec<u8>> = [2, 3, 6000001 >> BLOCK_SHIFT].map(blob).to_vec();
    assert_eq!(from_values, from_rows);
}
