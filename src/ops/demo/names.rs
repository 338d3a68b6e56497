//! Chinese personal names: surnames weighted by how common they are (with a
//! Chongqing flavour), given names by gender, and a few experts from outside.

use super::rng::Rng;

/// (surname, weight). Weights roughly follow national frequency; 冉 谭 向 蒲 母
/// are common in Chongqing. 曾 单 解 区 仇 have two readings (search shows both).
pub const SURNAMES: &[(&str, u32)] = &[
    ("王", 720),
    ("李", 710),
    ("张", 690),
    ("刘", 540),
    ("陈", 460),
    ("杨", 330),
    ("黄", 250),
    ("赵", 210),
    ("吴", 200),
    ("周", 200),
    ("徐", 140),
    ("孙", 120),
    ("马", 110),
    ("朱", 110),
    ("胡", 110),
    ("郭", 100),
    ("何", 100),
    ("罗", 110),
    ("高", 90),
    ("林", 90),
    ("郑", 70),
    ("梁", 70),
    ("谢", 70),
    ("宋", 60),
    ("唐", 90),
    ("许", 50),
    ("韩", 50),
    ("冯", 50),
    ("邓", 80),
    ("曹", 50),
    ("彭", 70),
    ("曾", 70),
    ("肖", 60),
    ("田", 50),
    ("董", 40),
    ("袁", 50),
    ("潘", 30),
    ("蒋", 40),
    ("蔡", 30),
    ("余", 50),
    ("杜", 40),
    ("叶", 30),
    ("程", 30),
    ("魏", 30),
    ("吕", 20),
    ("丁", 20),
    ("任", 30),
    ("姚", 20),
    ("卢", 20),
    ("钟", 20),
    ("谭", 60),
    ("陆", 15),
    ("范", 20),
    ("廖", 40),
    ("贾", 15),
    ("夏", 20),
    ("付", 30),
    ("邹", 20),
    ("熊", 30),
    ("秦", 30),
    ("江", 20),
    ("雷", 20),
    ("龙", 20),
    ("陶", 15),
    ("贺", 15),
    ("毛", 15),
    ("万", 15),
    ("向", 40),
    ("冉", 40),
    ("蒲", 20),
    ("母", 10),
    ("游", 15),
    ("黎", 15),
    ("文", 20),
    ("单", 8),
    ("解", 6),
    ("区", 4),
    ("仇", 5),
];

const MALE_CHARS: &[&str] = &[
    "伟", "强", "磊", "军", "勇", "杰", "涛", "斌", "超", "明", "刚", "平", "辉", "鹏", "华", "飞",
    "鑫", "波", "宇", "浩", "俊", "峰", "建", "国", "志", "文", "林", "亮", "成", "东", "海", "兵",
    "建华", "志强", "建军", "晓东", "俊杰", "文斌", "宇航", "浩然", "国庆", "海涛", "子豪", "博文",
    "明轩", "家豪", "永红", "德明", "继承", "红军",
];

const FEMALE_CHARS: &[&str] = &[
    "芳", "娜", "敏", "静", "丽", "艳", "娟", "霞", "燕", "玲", "婷", "雪", "琳", "颖", "倩", "洁",
    "梅", "莉", "红", "欣", "慧", "佳", "瑶", "璐", "丹", "秀英", "桂英", "晓燕", "丽娟", "雪梅",
    "婷婷", "欣怡", "思雨", "雨涵", "佳琪", "梦瑶", "晓琳", "春梅", "海燕", "小红", "玉兰", "静怡",
    "诗涵", "紫涵", "文静", "秋菊", "莉莉", "丹丹", "露", "悦",
];

/// A name for a person of the given gender ("male"/"female").
pub fn person(rng: &mut Rng, gender: &str) -> String {
    let weights: Vec<u32> = SURNAMES.iter().map(|s| s.1).collect();
    let surname = SURNAMES[rng.weighted(&weights)].0;
    let pool = if gender == "male" {
        MALE_CHARS
    } else {
        FEMALE_CHARS
    };
    let mut name = String::from(surname);
    let given: &&str = rng.pick(pool);
    name.push_str(given);
    name
}

/// Experts from outside the district's schools (name, affiliation).
pub const EXTERNAL_EXPERTS: &[(&str, &str)] = &[
    ("周晓红", "西南大学教师教育学院"),
    ("陈建国", "重庆市教育科学研究院"),
    ("杨慧敏", "重庆师范大学初等教育学院"),
    ("欧阳志远", "重庆第二师范学院"),
    ("刘秋菊", "重庆市特殊教育中心"),
    ("谭文斌", "重庆工程职业技术学院"),
    ("何丽娟", "潼南区教师进修学校"),
    ("冉俊峰", "重庆市教育评估院"),
];

/// People who record marks at the desk (OS user names).
pub const COORDINATORS: &[&str] = &["wangli", "chenjing", "liuyang", "tanxiaoyan"];

/// Reasons given for leave (请假事由).
pub const LEAVE_REASONS: &[&str] = &[
    "病假，已提交医院证明",
    "学校承担区级质量监测，校长批准",
    "带学生参加区运动会",
    "产检",
    "家中老人住院",
    "参加市级赛课",
    "婚假",
    "学校迎检，无法脱产",
];
