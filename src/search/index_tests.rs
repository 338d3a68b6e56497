//! Index checks over ~20,000 synthetic teachers (results, not timing).

use super::*;
use crate::search::keys::pinyin_keys;
use crate::search::one_char::KEEP;
use crate::search::query::Query;
use crate::search::Hit;
use crate::search::Match;

const SURNAMES: &str =
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹曾单解区仇朴查吕";
const GIVEN: &str = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚华玉萍红玲燕文辉鹏国志新宇浩然";

fn synthetic(n: usize) -> Vec<Entry> {
    let surnames: Vec<char> = SURNAMES.chars().collect();
    let given: Vec<char> = GIVEN.chars().collect();
    let mut state: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    (0..n)
        .map(|i| {
            let mut name = String::new();
            name.push(surnames[(next() % surnames.len() as u64) as usize]);
            for _ in 0..1 + next() % 2 {
                name.push(given[(next() % given.len() as u64) as usize]);
            }
            let (pinyin, initials) = pinyin_keys(&name);
            Entry {
                id: 1000 + i as i64,
                name,
                pinyin,
                initials,
                staff_no: format!("T{:05}", i),
                phone: format!("139{:08}", next() % 100_000_000),
                school: format!("第{}实验小学", next() % 60),
                tier: ["rising", "qualified", "backbone"][(next() % 3) as usize].into(),
                subject: "数学".into(),
                stage: "primary".into(),
                status: if i % 50 == 7 { "retired" } else { "active" }.into(),
            }
        })
        .collect()
}

/// The answer of a full scan, bypassing the one-character table.
fn scanned(index: &Index, query: &str, limit: usize) -> Vec<Hit> {
    let q = Query::parse(query);
    let best = index.scan(0..index.len() as u32, &q, &None, None, limit);
    index.ranked_hits(best)
}

fn one_char_queries() -> Vec<String> {
    let mut qs: Vec<String> = ('a'..='z').chain('0'..='9').map(String::from).collect();
    qs.extend(SURNAMES.chars().chain(GIVEN.chars()).map(String::from));
    qs
}

#[test]
fn one_char_table_equals_a_scan() {
    let index = Index::new(synthetic(20_000));
    // this size builds the table in the background
    assert!(index.pending.lock().is_ok_and(|p| p.is_some()));
    for q in one_char_queries() {
        for limit in [1, 50, KEEP] {
            assert_eq!(
                index.search(&q, limit),
                scanned(&index, &q, limit),
                "query {q} limit {limit}"
            );
        }
    }
}

#[test]
fn one_char_table_follows_changes() {
    let mut index = Index::new(synthetic(3_000));
    let mut e = index.entry(1005).cloned().unwrap_or_default();
    e.name = "区伟".into();
    e.pinyin.clear();
    index.upsert(e);
    index.remove(1010);
    index.upsert(Entry {
        id: 1,
        name: "欧阳".into(),
        staff_no: "X".into(),
        ..Entry::default()
    });
    for q in one_char_queries().into_iter().chain(["x".to_string()]) {
        assert_eq!(index.search(&q, 40), scanned(&index, &q, 40), "query {q}");
    }
    let x = index.search("x", 1);
    assert_eq!(x[0].id, 1);
    assert_eq!(x[0].matched(), Some(Match::Exact));
}

#[test]
fn a_change_drops_the_table_being_built_in_the_background() {
    let mut index = Index::new(synthetic(20_000));
    index.upsert(Entry {
        id: 1,
        name: "区".into(),
        staff_no: "Q".into(),
        ..Entry::default()
    });
    assert!(index.pending.lock().is_ok_and(|p| p.is_none()));
    for q in ["o", "q", "区", "w"] {
        assert_eq!(index.search(q, 100), scanned(&index, q, 100), "query {q}");
    }
    assert_eq!(index.search("q", 1)[0].id, 1);
}

#[test]
fn every_form_finds_each_sampled_teacher() {
    let entries = synthetic(20_000);
    let index = Index::new(entries.clone());
    for e in entries.iter().step_by(997) {
        let by_staff = index.search(&e.staff_no.to_lowercase(), 5);
        assert_eq!(by_staff[0].id, e.id);
        assert_eq!(by_staff[0].matched(), Some(Match::Exact));
        let by_phone = index.search(&e.phone[3..], 5);
        assert_eq!(by_phone[0].id, e.id, "phone {}", e.phone);
        let by_name = index.search(&e.name, 500);
        let hit = by_name.iter().find(|h| h.id == e.id);
        assert!(
            hit.is_some_and(|h| h.matched() == Some(Match::Exact)),
            "name {}",
            e.name
        );
        for alt in e.pinyin.split('|') {
            let full = alt.replace('\'', "");
            assert!(
                index.search(&full, 5000).iter().any(|h| h.id == e.id),
                "pinyin {full}"
            );
            let h = index.highlight(e.id, &full);
            assert_eq!(h.name.len(), e.name.chars().count(), "{full} on {}", e.name);
        }
        for initials in e.initials.split('|') {
            assert!(
                index.search(initials, 20_000).iter().any(|h| h.id == e.id),
                "initials {initials}"
            );
        }
    }
}

#[test]
fn results_are_ordered_best_first_then_stable() {
    let index = Index::new(synthetic(20_000));
    for q in ["zw", "wang", "张", "lix", "13", "school:第1 zh"] {
        let hits = index.search(q, 300);
        assert!(hits.windows(2).all(|w| w[0].score >= w[1].score), "{q}");
        assert_eq!(hits, index.search(q, 300), "{q} twice");
    }
    let all = index.search("", 20_000);
    assert_eq!(all.len(), 20_000);
    let pinyins: Vec<String> = all
        .iter()
        .filter_map(|h| index.entry(h.id))
        .map(|e| e.pinyin.clone())
        .collect();
    assert!(pinyins.windows(2).all(|w| w[0] <= w[1]));
}

#[test]
fn the_status_prefix_narrows_to_a_teacher_status_and_is_active_tells_it() {
    let index = Index::new(synthetic(400));
    let retired: Vec<i64> = index
        .search("status:退休", 1000)
        .into_iter()
        .map(|h| h.id)
        .collect();
    assert_eq!(retired.len(), 8);
    assert!(retired.iter().all(|id| (id - 1000) % 50 == 7));
    assert!(retired.iter().all(|id| !index.is_active(*id)));
    assert_eq!(index.search("状态:在职", 1000).len(), 392);
    assert_eq!(index.search("status:retired", 1000).len(), 8);
    assert!(index.is_active(1000));
    assert!(!index.is_active(1));
}
