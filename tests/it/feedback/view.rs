//! The project's Feedback window at 80×24, in Chinese and in English.

use super::fixtures::fixture;
use super::{district, stamp};
use crate::common::district::at;
use crate::common::tui::{dark, Ui};
use crossterm::event::KeyCode;
use liaoyuan::ops::feedback_import::{import_feedback, FeedbackImport};
use liaoyuan::store::OpenMode;
use liaoyuan::tui::i18n::Lang;
use std::path::{Path, PathBuf};

fn build(dir: &Path) -> PathBuf {
    let (path, mut db) = district(dir);
    let opts = FeedbackImport {
        project: "P1".into(),
        ..FeedbackImport::default()
    };
    import_feedback(
        &mut db,
        &stamp(),
        &fixture("feedback-questionnaire-gbk.csv"),
        &opts,
    )
    .unwrap();
    path
}

fn open(lang: Lang) -> Ui {
    let mut ui = Ui::build(
        build,
        OpenMode::Existing,
        &dark(lang),
        at("2026-03-04 09:00"),
        (80, 24),
    );
    ui.typed("2");
    ui.key(KeyCode::Char('R'));
    ui
}

#[test]
fn the_feedback_window_in_chinese_at_80x24() {
    let mut ui = open(Lang::Zh);
    let text = ui.text();
    for part in [
        "培训反馈 P1 课堂观察",
        "回复率 75%（3 人反馈 / 4 人出席）",
        "内容",
        "4.0",
        "5:1 4:1 3:1 2:0 1:0",
        "授课教师",
        "4.7",
        "授课教师平均分：王老师 4.7(3)",
        "意见建议（2 条）",
        "王芳：时间太紧",
        "张伟：案例很实用",
    ] {
        assert!(text.contains(part), "{part}:\n{text}");
    }
    assert!(text
        .lines()
        .all(|l| liaoyuan::tui::widgets::text::width(l) <= 80));
    ui.key(KeyCode::Esc);
    assert!(!ui.text().contains("培训反馈 P1"));
}

#[test]
fn the_feedback_window_in_english_at_80x24() {
    let mut ui = open(Lang::En);
    let text = ui.text();
    for part in [
        "Feedback P1 课堂观察",
        "Response rate 75% (3 answered / 4 attended)",
        "Content",
        "Trainer",
        "Organisation",
        "3.0",
        "5:0 4:1 3:1 2:1 1:0",
        "Trainers' averages: 王老师 4.7(3)",
        "Comments (2)",
        "王芳: 时间太紧",
    ] {
        assert!(text.contains(part), "{part}:\n{text}");
    }
}

#[test]
fn the_starlight_pane_shows_the_trainer_s_feedback_average_in_both_languages() {
    for (lang, want) in [
        (Lang::Zh, "学员评价 4.7 分（3 条）"),
        (Lang::En, "Trainees' rating 4.7 (3 answers)"),
    ] {
        let mut ui = Ui::build(
            build,
            OpenMode::Existing,
            &dark(lang),
            at("2026-03-04 09:00"),
            (80, 24),
        );
        ui.typed("5");
        let text = ui.text();
        assert!(text.contains(want), "{want}:\n{text}");
    }
}
