//! The pinyin-aware fuzzy index over teachers (and trainers, schools, projects).

pub mod keys;
