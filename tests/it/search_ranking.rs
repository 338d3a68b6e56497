//! The ranking rule of README "Search", query by query over a fixed roster:
//! exact name or staff number → whole syllables from the first character →
//! whole syllables with a prefix last syllable → initials (syllable starts) →
//! digits (staff-number part, phone tail) → fuzzy; ties by the desk's context,
//! then name (pinyin order), then school.

use liaoyuan::search::keys::pinyin_keys;
use liaoyuan::search::Match::{self, *};
use liaoyuan::search::{Entry, Index};

/// (name, school, staff number, phone)
pub const ROSTER: &[(&str, &str, &str, &str)] = &[
    ("林涛", "实验小学", "T000001", "13900000101"),
    ("林静", "城关中学", "T000002", "13900000102"),
    ("李娜", "实验小学", "T000003", "13900000103"),
    ("李娜", "城关中学", "T000004", "13900000104"),
    ("李宁", "第二中学", "T000005", "13900000105"),
    ("单雪", "城关中学", "T000006", "13900000106"),
    ("宋雨涵", "实验小学", "T000007", "13900000107"),
    ("赵建华", "第二中学", "T000008", "13900000108"),
    ("赵桂英", "城关中学", "T000009", "13900000109"),
    ("张浩", "实验小学", "T000010", "13900000110"),
    ("张伟", "实验小学", "T000011", "13900000111"),
    ("张伟", "城关中学", "T000012", "13912345678"),
    ("张伟明", "第二中学", "T000013", "13900000113"),
    ("张大伟", "城关中学", "T000014", "13900000114"),
    ("曾国强", "实验小学", "T000015", "13900000115"),
    ("仇明", "城关中学", "T000016", "13900000116"),
    ("解放", "第二中学", "T000017", "13900000117"),
    ("朴敏", "实验小学", "T000018", "13900000118"),
    ("区静", "城关中学", "T000019", "13900000119"),
    ("查文", "第二中学", "T000020", "13900000120"),
    ("盖红", "实验小学", "T000021", "13900000121"),
    ("乐平", "城关中学", "T000022", "13900000122"),
    ("尉迟恭", "第二中学", "T000023", "13900000123"),
    ("王艳", "实验小学", "T000024", "13900000124"),
    ("王艳", "第二中学", "T000025", "13900000125"),
    ("王艳", "城关中学", "T000026", "13900000126"),
    ("王莉", "实验小学", "T000027", "13900000127"),
    ("王丽", "城关中学", "T000028", "13900000128"),
    ("王洁", "实验小学", "T000029", "13900000129"),
    ("王杰", "第二中学", "T000030", "13900000130"),
    ("周杰伦", "实验小学", "T000031", "13900000131"),
    ("欧阳娜娜", "第二中学", "T000032", "13900000132"),
    ("贾明", "实验小学", "T000033", "13900000133"),
    ("丁山", "城关中学", "T000034", "13900000134"),
];

fn roster() -> Index {
    Index::new(
        ROSTER
            .iter()
            .enumerate()
            .map(|(i, (name, school, staff_no, phone))| {
                let (pinyin, initials) = pinyin_keys(name);
                Entry {
                    id: i as i64 + 1,
                    name: name.to_string(),
                    pinyin,
                    initials,
                    staff_no: staff_no.to_string(),
                    phone: phone.to_string(),
                    school: school.to_string(),
                    tier: "qualified".into(),
                    subject: "语文".into(),
                    stage: "primary".into(),
                    status: "active".into(),
                }
            })
            .collect(),
    )
}

/// "name@school" of the first `n` results.
fn first(index: &Index, q: &str, n: usize) -> Vec<String> {
    index
        .search(q, n)
        .iter()
        .filter_map(|h| index.entry(h.id))
        .map(|e| format!("{}@{}", e.name, e.school))
        .collect()
}

/// Query → expected first result ("name@school") and the rung it is found on.
pub const TABLE: &[(&str, &str, Match)] = &[
    // exact name or staff number, any case
    ("张伟", "张伟@城关中学", Exact),
    ("T000011", "张伟@实验小学", Exact),
    ("t000011", "张伟@实验小学", Exact),
    ("王艳", "王艳@城关中学", Exact),
    // whole syllables from the first character
    ("lin", "林静@城关中学", Syllables),
    ("shan", "单雪@城关中学", Syllables),
    ("dan", "单雪@城关中学", Syllables),
    ("zhao", "赵桂英@城关中学", Syllables),
    ("zhangwei", "张伟@城关中学", Syllables),
    ("wangyan", "王艳@城关中学", Syllables),
    ("wangli", "王丽@城关中学", Syllables),
    ("wangjie", "王杰@第二中学", Syllables),
    ("zeng", "曾国强@实验小学", Syllables),
    ("ceng", "曾国强@实验小学", Syllables),
    ("qiu", "仇明@城关中学", Syllables),
    ("chou", "仇明@城关中学", Syllables),
    ("xie", "解放@第二中学", Syllables),
    ("jie", "解放@第二中学", Syllables),
    ("piao", "朴敏@实验小学", Syllables),
    ("pu", "朴敏@实验小学", Syllables),
    ("ou", "区静@城关中学", Syllables),
    ("qu", "区静@城关中学", Syllables),
    ("zha", "查文@第二中学", Syllables),
    ("cha", "查文@第二中学", Syllables),
    ("ge", "盖红@实验小学", Syllables),
    ("gai", "盖红@实验小学", Syllables),
    ("yue", "乐平@城关中学", Syllables),
    ("le", "乐平@城关中学", Syllables),
    ("yuchi", "尉迟恭@第二中学", Syllables),
    ("weichi", "尉迟恭@第二中学", Syllables),
    ("ouyang", "欧阳娜娜@第二中学", Syllables),
    ("lina", "李娜@城关中学", Syllables),
    ("张", "张大伟@城关中学", Syllables),
    // whole syllables with a prefix last syllable
    ("zhangw", "张伟@城关中学", SyllablePrefix),
    ("lint", "林涛@实验小学", SyllablePrefix),
    ("zhangweim", "张伟明@第二中学", SyllablePrefix),
    ("张w", "张伟@城关中学", SyllablePrefix),
    // initials (and any mix of syllable starts)
    // equal matches in pinyin order: zha'wen before zhang'wei
    ("zw", "查文@第二中学", Initials),
    ("zwei", "张伟@城关中学", Initials),
    ("zwm", "张伟明@第二中学", Initials),
    ("zdw", "张大伟@城关中学", Initials),
    ("ycg", "尉迟恭@第二中学", Initials),
    ("wcg", "尉迟恭@第二中学", Initials),
    ("sx", "单雪@城关中学", Initials),
    ("dx", "单雪@城关中学", Initials),
    ("syh", "宋雨涵@实验小学", Initials),
    ("zhw", "查文@第二中学", Initials),
    ("zhangwm", "张伟明@第二中学", Initials),
    ("zjl", "周杰伦@实验小学", Initials),
    // digits: a staff-number part, the phone's last digits
    ("5678", "张伟@城关中学", Digits),
    ("0131", "周杰伦@实验小学", Digits),
    ("00023", "尉迟恭@第二中学", Digits),
    // fuzzy: characters skipped
    ("伟明", "张伟明@第二中学", Fuzzy),
    ("jl", "周杰伦@实验小学", Fuzzy),
];

#[test]
fn ranking_table_first_results() {
    let index = roster();
    let mut wrong = Vec::new();
    for (q, want, rung) in TABLE {
        let got = first(&index, q, 1);
        let matched = index.search(q, 1).first().and_then(|h| h.matched());
        if got.first().map(String::as_str) != Some(*want) || matched != Some(*rung) {
            wrong.push(format!(
                "{q}: want {want} {rung:?}, got {got:?} {matched:?}"
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    assert!(TABLE.len() >= 30);
}

#[test]
fn whole_syllables_rank_above_initials() {
    let index = roster();
    // every 林 before 李娜 (li-n) and 李宁 (li-n)
    let lin = first(&index, "lin", 10);
    assert_eq!(&lin[..2], ["林静@城关中学", "林涛@实验小学"], "{lin:?}");
    let li_n = lin.iter().position(|n| n.starts_with("李")).unwrap_or(99);
    assert_eq!(li_n, 2, "{lin:?}");
    // the surname reading of 单 before 宋雨涵 (s-han) and 丁山
    let shan = first(&index, "shan", 10);
    assert_eq!(shan[0], "单雪@城关中学", "{shan:?}");
    // every 赵 before 张浩 (z-hao)
    let zhao = first(&index, "zhao", 10);
    assert_eq!(
        &zhao[..3],
        ["赵桂英@城关中学", "赵建华@第二中学", "张浩@实验小学"],
        "{zhao:?}"
    );
}

#[test]
fn results_go_down_the_rungs_in_order() {
    let index = roster();
    for q in ["lin", "zhao", "shan", "zw", "wang", "z", "l", "00", "张"] {
        let hits = index.search(q, 100);
        assert!(
            hits.windows(2).all(|w| w[0].matched() >= w[1].matched()),
            "{q}: {hits:?}"
        );
    }
    let mut rungs: Vec<Match> = index
        .search("zhao", 100)
        .iter()
        .filter_map(|h| h.matched())
        .collect();
    rungs.dedup();
    assert_eq!(rungs, [Syllables, Initials]);
    // within a rung, the whole name before a longer one
    assert_eq!(
        first(&index, "zwei", 3),
        ["张伟@城关中学", "张伟@实验小学", "张伟明@第二中学"]
    );
}

#[test]
fn at_the_desk_equal_matches_not_yet_marked_come_first() {
    let index = roster();
    let enrolled: Vec<i64> = (1..=ROSTER.len() as i64).collect();
    let names = |hits: Vec<liaoyuan::search::Hit>| -> Vec<String> {
        hits.iter()
            .filter_map(|h| index.entry(h.id))
            .map(|e| format!("{}@{}", e.name, e.school))
            .collect()
    };
    // 王艳 ×3 (ids 24 实验小学, 25 第二中学, 26 城关中学); 城关中学's is already in
    let marked = |id: i64| id == 26;
    assert_eq!(
        names(index.search_at_desk("wangyan", &enrolled, &marked, 3)),
        ["王艳@第二中学", "王艳@实验小学", "王艳@城关中学"]
    );
    // the context never lifts a weaker rung or a partial name
    let both_lin_in = |id: i64| id == 1 || id == 2;
    assert_eq!(
        names(index.search_at_desk("lin", &enrolled, &both_lin_in, 1)),
        ["林静@城关中学"]
    );
    let both_zhang_wei_in = |id: i64| id == 11 || id == 12;
    assert_eq!(
        names(index.search_at_desk("zw", &enrolled, &both_zhang_wei_in, 1)),
        ["查文@第二中学"]
    );
    assert_eq!(
        names(index.search_at_desk("zwei", &enrolled, &both_zhang_wei_in, 1)),
        ["张伟@城关中学"]
    );
    // nobody marked: the same order as the plain search
    let nobody = |_: i64| false;
    assert_eq!(
        names(index.search_among("wy", &enrolled, 10)),
        names(index.search_at_desk("wy", &enrolled, &nobody, 10))
    );
}
