//! Surnames whose reading differs from the `pinyin` crate's first reading, or
//! which people say two ways. Both readings are indexed, the surname reading
//! first (docs/rules.md §8).

/// `(surname, readings)`: each reading has one syllable per character of the
/// surname, joined by `'`. The first reading is the surname reading.
pub const TWO_READING_SURNAMES: &[(&str, &[&str])] = &[
    // compound surnames first: the longest match wins
    ("尉迟", &["yu'chi", "wei'chi"]),
    ("万俟", &["mo'qi", "wan'si"]),
    ("长孙", &["zhang'sun", "chang'sun"]),
    ("曾", &["zeng", "ceng"]),
    ("单", &["shan", "dan"]),
    ("解", &["xie", "jie"]),
    ("区", &["ou", "qu"]),
    ("仇", &["qiu", "chou"]),
    ("朴", &["piao", "pu"]),
    ("查", &["zha", "cha"]),
    ("盖", &["ge", "gai"]),
    ("乐", &["yue", "le"]),
    ("覃", &["qin", "tan"]),
    ("翟", &["zhai", "di"]),
    ("缪", &["miao", "mou"]),
    ("种", &["chong", "zhong"]),
    ("秘", &["bi", "mi"]),
    ("繁", &["po", "fan"]),
    ("召", &["shao", "zhao"]),
    ("句", &["gou", "ju"]),
    ("黑", &["he", "hei"]),
    ("员", &["yun", "yuan"]),
    ("莘", &["shen", "xin"]),
    ("隗", &["wei", "kui"]),
    ("洗", &["xian", "xi"]),
    ("能", &["nai", "neng"]),
    ("牟", &["mou", "mu"]),
    ("都", &["du", "dou"]),
    ("藏", &["zang", "cang"]),
    ("晟", &["sheng", "cheng"]),
];

/// Characters of given names often read other than the `pinyin` crate's
/// first reading: the extra reading is indexed as another alternative.
pub const GIVEN_NAME_READINGS: &[(char, &str)] = &[
    ('晟', "sheng"),
    ('乐', "yue"),
    ('长', "chang"),
    ('朝', "zhao"),
    ('重', "chong"),
    ('茜', "xi"),
    ('行', "hang"),
    ('单', "shan"),
    ('曾', "zeng"),
    ('解', "xie"),
];

/// The extra given-name reading of `ch`, if listed.
pub fn given_name_reading(ch: char) -> Option<&'static str> {
    GIVEN_NAME_READINGS
        .iter()
        .find(|(c, _)| *c == ch)
        .map(|(_, r)| *r)
}

/// The readings of the surname `name` starts with, and how many characters
/// the surname has; `None` when the name starts with no listed surname.
pub fn surname_readings(name: &str) -> Option<(usize, &'static [&'static str])> {
    TWO_READING_SURNAMES
        .iter()
        .find(|(surname, _)| name.starts_with(surname))
        .map(|(surname, readings)| (surname.chars().count(), *readings))
}
