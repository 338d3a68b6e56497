//! The schools of the demo district (潼南区): about sixty real-sounding schools,
//! plus generated ones when a large district is asked for.

use super::rng::Rng;

/// Townships and sub-districts (街道/镇) of the district.
pub const TOWNSHIPS: &[&str] = &[
    "梓潼街道",
    "桂林街道",
    "柏梓镇",
    "双江镇",
    "塘坝镇",
    "古溪镇",
    "宝龙镇",
    "太安镇",
    "米心镇",
    "群力镇",
    "别口镇",
    "上和镇",
    "龙形镇",
    "田家镇",
    "五桂镇",
    "小渡镇",
    "玉溪镇",
    "卧佛镇",
    "花岩镇",
    "崇龛镇",
    "寿桥镇",
    "新胜镇",
];

/// (name, township, stage) of the hand-written schools.
pub const SCHOOLS: &[(&str, &str, &str)] = &[
    ("潼南区第一中学", "梓潼街道", "senior"),
    ("潼南区实验中学", "桂林街道", "senior"),
    ("潼南区塘坝中学", "塘坝镇", "senior"),
    ("潼南区柏梓中学", "柏梓镇", "senior"),
    ("潼南区双江中学", "双江镇", "junior"),
    ("潼南区崇龛中学", "崇龛镇", "junior"),
    ("潼南区古溪中学", "古溪镇", "junior"),
    ("潼南区宝龙中学", "宝龙镇", "junior"),
    ("潼南区太安中学", "太安镇", "junior"),
    ("潼南区米心中学", "米心镇", "junior"),
    ("潼南区别口中学", "别口镇", "junior"),
    ("潼南区龙形中学", "龙形镇", "junior"),
    ("潼南区梓潼初级中学", "梓潼街道", "junior"),
    ("潼南区桂林初级中学", "桂林街道", "junior"),
    ("潼南区玉溪中学", "玉溪镇", "junior"),
    ("潼南区花岩中学", "花岩镇", "junior"),
    ("潼南区实验小学", "梓潼街道", "primary"),
    ("潼南区东升小学", "桂林街道", "primary"),
    ("潼南区凉风垭小学", "梓潼街道", "primary"),
    ("潼南区南街小学", "梓潼街道", "primary"),
    ("潼南区北街小学", "桂林街道", "primary"),
    ("潼南区江北小学", "桂林街道", "primary"),
    ("梓潼街道中心小学", "梓潼街道", "primary"),
    ("桂林街道中心小学", "桂林街道", "primary"),
    ("柏梓镇中心小学", "柏梓镇", "primary"),
    ("双江镇中心小学", "双江镇", "primary"),
    ("塘坝镇中心小学", "塘坝镇", "primary"),
    ("古溪镇中心小学", "古溪镇", "primary"),
    ("宝龙镇中心小学", "宝龙镇", "primary"),
    ("太安镇中心小学", "太安镇", "primary"),
    ("米心镇中心小学", "米心镇", "primary"),
    ("群力镇中心小学", "群力镇", "primary"),
    ("别口镇中心小学", "别口镇", "primary"),
    ("上和镇中心小学", "上和镇", "primary"),
    ("龙形镇中心小学", "龙形镇", "primary"),
    ("田家镇中心小学", "田家镇", "primary"),
    ("五桂镇中心小学", "五桂镇", "primary"),
    ("小渡镇中心小学", "小渡镇", "primary"),
    ("玉溪镇中心小学", "玉溪镇", "primary"),
    ("卧佛镇中心小学", "卧佛镇", "primary"),
    ("花岩镇中心小学", "花岩镇", "primary"),
    ("崇龛镇中心小学", "崇龛镇", "primary"),
    ("寿桥镇中心小学", "寿桥镇", "primary"),
    ("新胜镇中心小学", "新胜镇", "primary"),
    ("柏梓镇中心小学上和分校", "上和镇", "primary"),
    ("双江镇金龙小学", "双江镇", "primary"),
    ("潼南区实验幼儿园", "梓潼街道", "kindergarten"),
    ("潼南区机关幼儿园", "桂林街道", "kindergarten"),
    ("潼南区第二实验幼儿园", "桂林街道", "kindergarten"),
    ("梓潼街道中心幼儿园", "梓潼街道", "kindergarten"),
    ("柏梓镇中心幼儿园", "柏梓镇", "kindergarten"),
    ("双江镇中心幼儿园", "双江镇", "kindergarten"),
    ("塘坝镇中心幼儿园", "塘坝镇", "kindergarten"),
    ("古溪镇中心幼儿园", "古溪镇", "kindergarten"),
    ("崇龛镇中心幼儿园", "崇龛镇", "kindergarten"),
    ("太安镇中心幼儿园", "太安镇", "kindergarten"),
    ("潼南职业教育中心", "梓潼街道", "vocational"),
    ("潼南区第二职业中学", "双江镇", "vocational"),
    ("潼南区特殊教育学校", "桂林街道", "special"),
    ("潼南区启智学校", "梓潼街道", "special"),
];

/// How many teachers a school of this stage has, relative to a primary school.
pub fn size_weight(stage: &str) -> u32 {
    match stage {
        "senior" => 30,
        "junior" => 16,
        "primary" => 12,
        "vocational" => 18,
        "kindergarten" => 5,
        _ => 4,
    }
}

/// Subjects taught at a stage.
pub fn subjects(stage: &str) -> &'static [&'static str] {
    match stage {
        "kindergarten" => &["学前教育", "学前教育", "学前教育", "幼儿体育", "幼儿艺术"],
        "primary" => &[
            "语文",
            "语文",
            "语文",
            "数学",
            "数学",
            "数学",
            "英语",
            "科学",
            "音乐",
            "体育",
            "美术",
            "道德与法治",
            "信息科技",
            "心理健康",
        ],
        "junior" => &[
            "语文",
            "语文",
            "数学",
            "数学",
            "英语",
            "英语",
            "物理",
            "化学",
            "生物",
            "历史",
            "地理",
            "道德与法治",
            "体育",
            "音乐",
            "美术",
            "信息科技",
        ],
        "senior" => &[
            "语文",
            "数学",
            "英语",
            "物理",
            "化学",
            "生物",
            "历史",
            "地理",
            "思想政治",
            "体育",
            "信息技术",
            "通用技术",
            "心理健康",
        ],
        "vocational" => &[
            "机电技术应用",
            "计算机应用",
            "汽车运用与维修",
            "电子商务",
            "会计事务",
            "学前教育",
            "旅游服务与管理",
            "语文",
            "数学",
            "英语",
        ],
        _ => &["特殊教育", "康复训练", "生活语文", "生活数学", "唱游与律动"],
    }
}

const STAGE_SUFFIX: &[(&str, &str)] = &[
    ("primary", "小学"),
    ("primary", "小学"),
    ("primary", "小学"),
    ("junior", "中学"),
    ("kindergarten", "幼儿园"),
    ("primary", "小学"),
    ("junior", "初级中学"),
    ("senior", "高级中学"),
];

/// Chinese ordinal numeral 1..=999 (一, 十二, 一百零五).
pub fn chinese_number(n: usize) -> String {
    const D: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    let (h, t, u) = (n / 100 % 10, n / 10 % 10, n % 10);
    let mut s = String::new();
    if h > 0 {
        s.push_str(D[h]);
        s.push('百');
    }
    if t > 0 {
        if !(h == 0 && t == 1) {
            s.push_str(D[t]);
        }
        s.push('十');
    } else if h > 0 && u > 0 {
        s.push('零');
    }
    if u > 0 {
        s.push_str(D[u]);
    }
    s
}

/// All schools for a district of `teachers` teachers: the hand-written sixty,
/// plus generated ones (about one per hundred teachers) for large districts.
pub fn all(teachers: usize, rng: &mut Rng) -> Vec<(String, String, String)> {
    let mut out: Vec<(String, String, String)> = SCHOOLS
        .iter()
        .map(|(n, t, s)| (n.to_string(), t.to_string(), s.to_string()))
        .collect();
    let wanted = (teachers / 100).max(out.len());
    let mut ordinal = 2;
    while out.len() < wanted {
        for town in TOWNSHIPS {
            if out.len() >= wanted {
                break;
            }
            let (stage, suffix) = *rng.pick(STAGE_SUFFIX);
            let place = town.trim_end_matches("街道").trim_end_matches('镇');
            let name = format!("{place}第{}{suffix}", chinese_number(ordinal));
            out.push((name, town.to_string(), stage.to_string()));
        }
        ordinal += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numerals() {
        assert_eq!(chinese_number(2), "二");
        assert_eq!(chinese_number(10), "十");
        assert_eq!(chinese_number(12), "十二");
        assert_eq!(chinese_number(20), "二十");
        assert_eq!(chinese_number(105), "一百零五");
        assert_eq!(chinese_number(110), "一百一十");
    }

    #[test]
    fn generated_school_names_are_unique() {
        let mut rng = Rng::new(1);
        let all = all(200_000, &mut rng);
        assert_eq!(all.len(), 2000);
        let mut names: Vec<&str> = all.iter().map(|s| s.0.as_str()).collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), 2000);
    }
}
