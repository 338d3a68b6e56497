//! Narrowing answers exactly what a full search answers, whatever was typed before.

use super::*;
use crate::search::keys::pinyin_keys;
use crate::search::query::Query;
use crate::search::{Entry, Hit};

const SURNAMES: &[&str] = &[
    "王", "李", "张", "刘", "陈", "杨", "赵", "周", "吴", "徐", "朱", "曾", "单", "解", "区", "吕",
    "欧阳", "尉迟", "司马", "郑", "钟", "庄", "祝",
];
const GIVEN: &str =
    "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚华玉萍红玲燕文辉鹏国志新宇浩然乐晟长";
const LATIN: &[&str] = &["Anna", "Li Ming", "Zhang Wei", "Ada", "Wu", "Zoe Li", "Hua"];
const SCHOOLS: &[&str] = &["实验小学", "城关中学", "柏梓中学", "第二幼儿园"];

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Names of every kind the index meets: Han with one- and two-reading surnames, Latin
/// names, a few keys that fit the name but do not spell it (old or hand-made rows), and
/// staff numbers with and without digits.
fn entries(n: usize, rng: &mut Rng) -> Vec<Entry> {
    let given: Vec<char> = GIVEN.chars().collect();
    (0..n)
        .map(|i| {
            let name = if i % 17 == 3 {
                LATIN[rng.below(LATIN.len())].to_string()
            } else {
                let mut name = SURNAMES[rng.below(SURNAMES.len())].to_string();
                for _ in 0..1 + rng.below(2) {
                    name.push(given[rng.below(given.len())]);
                }
                name
            };
            let (mut pinyin, mut initials) = pinyin_keys(&name);
            if i % 97 == 5 {
                // fitting keys that do not spell the name
                let units = name.chars().filter(|c| c.is_alphanumeric()).count();
                pinyin = vec!["xq"; units].join("'");
                initials = "x".repeat(units);
            }
            let staff_no = match i % 211 {
                7 => "ZHANG".to_string(),
                11 => format!("Lw{}", ["", "x", "ei"][rng.below(3)]),
                _ => format!("T{i:05}"),
            };
            Entry {
                id: 1 + i as i64,
                name,
                pinyin,
                initials,
                staff_no,
                phone: format!("139{:08}", rng.next() % 100_000_000),
                school: SCHOOLS[rng.below(SCHOOLS.len())].into(),
                tier: ["rising", "qualified", "backbone/district"][rng.below(3)].into(),
                subject: "数学".into(),
                stage: "primary".into(),
                status: if i % 40 == 9 { "retired" } else { "active" }.into(),
            }
        })
        .collect()
}

/// The full scan of every entry (no table, nothing kept).
fn fresh(index: &Index, query: &str, limit: usize) -> (Vec<Hit>, usize) {
    let q = Query::parse(query);
    let allowed = index.allowed(&q.filters);
    let best = index.scan(0..index.len() as u32, &q, &allowed, None, limit);
    let count = index
        .scan(0..index.len() as u32, &q, &allowed, None, usize::MAX)
        .len();
    (index.ranked_hits(best), count)
}

/// What is typed: a name's pinyin, initials, a mix, Han, letters at random, with filters,
/// spaces, digits and backspaces on the way.
fn typing(e: &Entry, rng: &mut Rng) -> Vec<String> {
    let first = e.pinyin.split('|').next().unwrap_or("").replace('\'', "");
    let target: String = match rng.below(8) {
        0 => e.initials.split('|').next().unwrap_or("").to_string(),
        1 => e.name.clone(),
        2 => {
            let mut s: String = e.name.chars().take(1).collect();
            s.push_str(&first.chars().skip(2).take(3).collect::<String>());
            s
        }
        3 => (0..1 + rng.below(6))
            .map(|_| (b'a' + rng.below(26) as u8) as char)
            .collect(),
        4 => format!("school:实验 {first}"),
        5 => format!("status:在职 {}", &first[..first.len().min(4)]),
        6 => format!(
            "{} {}",
            &first[..first.len().min(3)],
            &first[first.len().min(3)..]
        ),
        _ => first.clone(),
    };
    let chars: Vec<char> = target.chars().collect();
    let mut out = Vec::new();
    let mut typed: Vec<char> = Vec::new();
    for c in chars {
        typed.push(c);
        out.push(typed.iter().collect());
        match rng.below(12) {
            0 if typed.len() > 1 => {
                typed.pop();
                out.push(typed.iter().collect());
            }
            1 => out.push(format!("{}1", typed.iter().collect::<String>())),
            2 => out.push(format!("{}'", typed.iter().collect::<String>())),
            _ => {}
        }
    }
    out
}

fn check_sequences(index: &Index, rng: &mut Rng, sequences: usize) {
    let ids: Vec<i64> = (1..=index.len() as i64).collect();
    for _ in 0..sequences {
        let Some(e) = index.entry(ids[rng.below(ids.len())]).cloned() else {
            continue;
        };
        for query in typing(&e, rng) {
            for limit in [20, 3] {
                let (expected, count) = fresh(index, &query, limit);
                assert_eq!(
                    index.search(&query, limit),
                    expected,
                    "{query:?} limit {limit}"
                );
                assert_eq!(index.count(&query), count, "count of {query:?}");
            }
        }
    }
}

#[test]
fn typed_queries_find_exactly_what_a_fresh_search_finds() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let index = Index::new(entries(3_000, &mut rng));
    check_sequences(&index, &mut rng, 400);
}

#[test]
fn typed_queries_over_two_halves_find_what_a_fresh_search_finds() {
    // above PARALLEL_FROM: the candidates are sieved on two threads
    let mut rng = Rng(0x2545_F491_4F6C_DD1D);
    let index = Index::new(entries(PARALLEL_FROM + 4_000, &mut rng));
    check_sequences(&index, &mut rng, 12);
}

#[test]
fn a_change_forgets_the_kept_searches() {
    let mut rng = Rng(7);
    let mut index = Index::new(entries(500, &mut rng));
    let before = index.search("zhan", 5);
    assert!(!before.is_empty());
    let mut moved = index.entry(before[0].id).cloned().unwrap_or_default();
    moved.name = "吴昊".into();
    moved.pinyin = String::new();
    index.upsert(moved.clone());
    let after = index.search("zhang", 50);
    assert!(after.iter().all(|h| h.id != moved.id), "{after:?}");
    assert_eq!(after, fresh(&index, "zhang", 50).0);
    index.remove(after[0].id);
    assert_eq!(index.search("zhangw", 50), fresh(&index, "zhangw", 50).0);
}

#[test]
fn a_staff_number_without_digits_is_found_as_it_is_typed() {
    let mut rng = Rng(11);
    let mut all = entries(300, &mut rng);
    all[0].staff_no = "ZHANG".into();
    all[0].name = "李娜".into();
    all[0].pinyin = String::new();
    let index = Index::new(all);
    for q in ["z", "zh", "zha", "zhan", "zhang"] {
        assert_eq!(index.search(q, 10), fresh(&index, q, 10).0, "{q}");
    }
    let first_two: Vec<i64> = index.search("zhang", 2).iter().map(|h| h.id).collect();
    assert!(first_two.contains(&1), "{first_two:?}");
}

#[test]
fn odd_keys_and_readings_mixed_across_alternatives_are_not_lost() {
    let mut rng = Rng(13);
    let mut all = entries(200, &mut rng);
    // keys that fit but spell nothing the query begins with: `an` matches no syllable of
    // Ann, yet `ann` is the whole name
    all[0].name = "Ann".into();
    all[0].pinyin = "qa'qn'qn".into();
    all[0].initials = "qqq".into();
    // `ec` takes its letters from two readings out of order (no ASCII match), while
    // `ec丙` (with Han) matches
    all[1].name = "甲乙丙".into();
    all[1].pinyin = "ab'cd'xx|ef'gh'yy".into();
    all[1].initials = "acx|egy".into();
    let index = Index::new(all);
    for typed in [["a", "an", "ann"], ["e", "ec", "ec丙"]] {
        index.forget_recent_searches();
        for q in typed {
            assert_eq!(index.search(q, 10), fresh(&index, q, 10).0, "{q}");
            assert_eq!(index.count(q), fresh(&index, q, 10).1, "{q}");
        }
    }
    assert_eq!(index.search("ann", 1)[0].id, 1);
    assert_eq!(index.search("ec丙", 1)[0].id, 2);
}
