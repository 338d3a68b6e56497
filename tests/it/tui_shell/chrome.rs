//! Tab bar, status bar, dashboard, languages, help, palette, sizes, colours.

use crate::tui_shell::fixture::*;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use liaoyuan::store::{Db, OpenMode};
use liaoyuan::tui::i18n::Lang;
use liaoyuan::tui::screens::TabId;
use liaoyuan::tui::Options;
use ratatui::style::Color;

#[test]
fn chinese_tab_bar_status_bar_and_dashboard_figures() {
    let mut ui = open(Lang::Zh, OpenMode::Existing, 80, 24);
    let text = ui.text();
    let top = ui.line(0);
    for label in [
        "1 总览", "2 项目", "3 签到", "4 教师", "5 星光", "6 跟踪", "7 否决", "8 报表",
    ] {
        assert!(top.contains(label), "tab bar lacks {label}: {top}");
    }
    let status = ui.line(23);
    assert!(status.contains("district.db"), "{status}");
    assert!(status.contains("2026-11-28 周六"), "{status}");
    assert!(
        status.contains("tester"),
        "the actor the App was given: {status}"
    );
    assert!(text.contains("学校 2"), "{text}");
    assert!(text.contains("教师 4"), "{text}");
    assert!(text.contains("2026年一票否决 1"), "{text}");
    assert!(text.contains("逾期跟踪任务 1"), "{text}");
    assert!(text.contains("今日场次 (1)"), "{text}");
    assert!(text.contains("已签 0/2"), "{text}");
    // Today's 08:30 session and yesterday's afternoon session have no marks at all.
    assert!(text.contains("未点名场次 (2)"), "{text}");
    assert!(text.contains("2026-11-27 14:00"), "{text}");
    assert!(text.contains("未来 7 天的场次 (1)"), "{text}");
    assert!(
        text.contains("2026-11-30 08:30 骨干教师培训 · 课堂观察"),
        "{text}"
    );
}

#[test]
fn english_labels_with_lang_en() {
    let mut ui = open(Lang::En, OpenMode::Existing, 80, 24);
    let text = ui.text();
    let top = ui.line(0);
    for label in [
        "Dashboard",
        "Projects",
        "Check-in",
        "Teachers",
        "Starlight",
        "Follow-ups",
        "Vetoes",
        "Reports",
    ] {
        assert!(top.contains(label), "tab bar lacks {label}: {top}");
    }
    assert!(text.contains("Registers not taken (2)"), "{text}");
    assert!(text.contains("Today's sessions (1)"), "{text}");
    assert!(ui.line(23).contains("2026-11-28 Sat"));
    assert!(!text.contains("总览"), "{text}");
}

#[test]
fn help_overlay_lists_global_and_screen_keys_and_esc_closes_it() {
    let mut ui = open(Lang::Zh, OpenMode::Existing, 80, 24);
    ui.typed("4?");
    let text = ui.text();
    assert!(text.contains("帮助：教师"), "{text}");
    assert!(
        text.contains("全局按键") && text.contains("本页按键"),
        "{text}"
    );
    assert!(
        text.contains("命令面板") && text.contains("上下移动") && text.contains("退出"),
        "{text}"
    );
    assert!(text.contains("k ↑ j ↓"), "{text}");
    // The screen's own keys come first (what ? was pressed for).
    assert!(text.find("本页按键") < text.find("全局按键"), "{text}");
    // The screen's "/" and "Esc" are the global ones: listed once, not twice.
    assert_eq!(text.matches("返回 / 清除").count(), 1, "{text}");
    ui.key(KeyCode::Esc);
    assert!(!ui.app.has_overlay());
    assert!(!ui.text().contains("帮助：教师"));
}

#[test]
fn palette_filters_and_runs_commands() {
    let mut ui = open(Lang::En, OpenMode::Existing, 80, 24);
    ui.typed(":");
    let text = ui.text();
    assert!(text.contains("Commands"), "{text}");
    assert!(text.contains("Go to: Teachers"), "{text}");
    ui.typed("go vet");
    ui.key(KeyCode::Enter);
    assert_eq!(ui.app.active_tab(), TabId::Vetoes);
    ui.typed(":theme mono");
    ui.key(KeyCode::Enter);
    assert_eq!(ui.app.shared.theme.name, "mono");
    assert!(ui.line(23).contains("Theme: mono"));
    ui.typed(":lang zh");
    ui.key(KeyCode::Enter);
    assert!(ui.line(0).contains("7 否决"));
}

#[test]
fn too_small_terminal_says_so_and_never_panics() {
    for (lang, words) in [(Lang::Zh, "终端太小"), (Lang::En, "terminal too small")] {
        for (w, h) in [(20, 5), (59, 15), (60, 15), (59, 16)] {
            let mut ui = open(lang, OpenMode::Existing, w, h);
            let text = ui.text();
            assert!(text.contains(words), "{w}×{h}: {text}");
            assert!(text.contains("60×16"), "{w}×{h}: {text}");
            // …and how far off the terminal is (which of the two to enlarge).
            if w >= 59 {
                assert!(text.contains(&format!("{w}×{h}")), "{w}×{h}: {text}");
            }
        }
    }
    for (w, h) in [(1, 1), (3, 2), (0, 0), (60, 16), (200, 60)] {
        let mut ui = open(Lang::Zh, OpenMode::Existing, w, h);
        ui.typed("4/zw");
        ui.key(KeyCode::Enter);
        ui.typed("?");
        let text = ui.text();
        if w >= 60 {
            assert!(!text.contains("终端太小"), "{w}×{h}: {text}");
            assert!(text.contains("帮助：教师"), "{w}×{h}: {text}");
        }
    }
}

#[test]
fn tabs_move_with_tab_digits_mouse_and_esc_goes_back() {
    let mut ui = open(Lang::Zh, OpenMode::Existing, 80, 24);
    ui.key(KeyCode::Tab);
    assert_eq!(ui.app.active_tab(), TabId::Projects);
    ui.key(KeyCode::BackTab);
    ui.key(KeyCode::BackTab);
    assert_eq!(ui.app.active_tab(), TabId::Reports);
    ui.typed("2");
    assert!(ui.text().contains("骨干教师培训"));
    ui.key(KeyCode::Esc);
    assert_eq!(ui.app.active_tab(), TabId::Reports);
    // Click on the "4 教师" label.
    let top = ui.line(0);
    let col = unicode_width::UnicodeWidthStr::width(&top[..top.find("4 教师").unwrap()]) as u16;
    ui.app
        .handle_event(crossterm::event::Event::Mouse(MouseEvent {
            kind: MouseEventKind::Down(MouseButton::Left),
            column: col + 1,
            row: 0,
            modifiers: KeyModifiers::NONE,
        }));
    assert_eq!(ui.app.active_tab(), TabId::Teachers);
    // While typing a search, q and digits are text, not commands.
    ui.typed("/q1");
    assert_eq!(ui.app.active_tab(), TabId::Teachers);
    assert!(!ui.app.should_quit());
    ui.key(KeyCode::Esc);
    ui.typed("q");
    assert!(ui.app.should_quit());
}

#[test]
fn no_color_draws_without_any_colour() {
    let opts = Options {
        lang: Lang::Zh,
        theme: Some("dark".into()),
        no_color: true,
        colors: liaoyuan::tui::colors::ColorDepth::TrueColor,
        actor: "tester".into(),
    };
    let mut ui = Ui::build(build_db, OpenMode::Existing, &opts, now(), (80, 24));
    for keys in ["", "4/zw"] {
        ui.typed(keys);
        ui.text();
        let b = ui.term.backend().buffer();
        for cell in b.content() {
            assert_eq!(cell.fg, Color::Reset);
            assert_eq!(cell.bg, Color::Reset);
        }
    }
}

#[test]
fn f1_and_ctrl_p_work_while_typing_but_question_mark_is_text() {
    let mut ui = open(Lang::En, OpenMode::Existing, 80, 24);
    ui.typed("4/z?");
    assert!(!ui.app.has_overlay());
    assert!(ui.text().contains("/ z?"));
    ui.key(KeyCode::F(1));
    assert!(ui.text().contains("Help: Teachers"));
    ui.key(KeyCode::Esc);
    ui.app
        .handle_key(KeyEvent::new(KeyCode::Char('p'), KeyModifiers::CONTROL));
    assert!(ui.text().contains("Commands"));
    ui.key(KeyCode::Esc);
    ui.app
        .handle_key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL));
    assert!(ui.app.should_quit());
}

#[test]
fn a_closed_session_is_not_a_register_not_taken() {
    let mut ui = open(Lang::Zh, OpenMode::Existing, 80, 24);
    assert!(ui.text().contains("未点名场次 (2)"));
    ui.app
        .shared
        .db
        .conn
        .execute(
            "UPDATE sessions SET closed_at = '2026-11-27 18:00:00', closed_by = 'x' WHERE id = 3",
            [],
        )
        .unwrap();
    ui.app.update(liaoyuan::tui::action::Action::Reload);
    let text = ui.text();
    assert!(text.contains("未点名场次 (1)"), "{text}");
    assert!(!text.contains("2026-11-27 14:00"), "{text}");
}

#[test]
fn dashboard_veto_count_follows_a_school_year_setting() {
    let mut ui = open(Lang::Zh, OpenMode::Existing, 80, 24);
    assert!(ui.text().contains("2026年一票否决 1"));
    // A veto year from September: 2026 is Sep 2026 – Aug 2027, so March's late mark is 2025's.
    ui.typed(":set veto_year_start_month 9");
    ui.key(KeyCode::Enter);
    let text = ui.text();
    assert!(text.contains("2026年一票否决 0"), "{text}");
}

#[test]
fn status_bar_shows_a_whole_message_before_the_path_and_a_help_hint_otherwise() {
    let mut ui = open(Lang::Zh, OpenMode::ReadOnly, 80, 24);
    let status = ui.line(23);
    assert!(status.contains("? 帮助"), "{status}");
    assert!(status.contains("district.db"), "{status}");
    ui.typed(":set grace_minutes 10");
    ui.key(KeyCode::Enter);
    // The refusal is read whole (it was cut to "不能修改…" behind the database path).
    let status = ui.line(23);
    assert!(
        status.contains("只读模式（--read-only）：不能修改数据"),
        "{status}"
    );
    assert!(status.contains("2026-11-28 周六"), "{status}");

    let mut en = open(Lang::En, OpenMode::Existing, 80, 24);
    assert!(en.line(23).contains("? help"), "{}", en.line(23));
}

#[test]
fn palette_shows_a_cut_label_in_full_and_stays_in_place_while_filtering() {
    let mut ui = open(Lang::Zh, OpenMode::Existing, 80, 24);
    ui.typed(":");
    let top = ui.text().lines().position(|l| l.contains("命令")).unwrap();
    ui.typed("导入");
    let text = ui.text();
    // The kinds import understands, cut from the label's column, are shown under the list.
    assert!(text.contains("enrolments、marks"), "{text}");
    let still = text.lines().position(|l| l.contains("命令")).unwrap();
    assert_eq!(top, still, "{text}");
    assert!(ui.broken_wide_cells().is_empty());
}

#[test]
fn a_long_refusal_keeps_its_reason_on_the_status_bar() {
    use liaoyuan::tui::action::Action;
    let mut ui = open(Lang::Zh, OpenMode::Existing, 80, 24);
    let refusal = "出错：张伟 (潼南区柏梓中学, T000002)：2026-11-29 的场次不在今天，不能签到";
    ui.app.update(Action::Fail(refusal.into()));
    let status = ui.line(23);
    // The reason comes last; the user and date give way to it.
    assert!(status.contains("不能签到"), "{status}");
    assert!(!status.contains("周六"), "{status}");
    // It outlasts a plain message's 16 ticks (≈4 s): a reason takes longer to read.
    for _ in 0..20 {
        ui.app.tick();
    }
    assert!(ui.line(23).contains("不能签到"), "{}", ui.line(23));
    ui.app.update(Action::Toast("已保存".into()));
    for _ in 0..16 {
        ui.app.tick();
    }
    assert!(!ui.line(23).contains("已保存"), "{}", ui.line(23));
    // A short message keeps the date.
    ui.app.update(Action::Fail("出错：找不到".into()));
    assert!(ui.line(23).contains("2026-11-28 周六"), "{}", ui.line(23));
}

#[test]
fn a_new_database_dashboard_says_how_to_start() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("new.db");
    let db = Db::open(&path, OpenMode::Create).unwrap();
    let text = Ui::new(db, path, dir, &dark(Lang::Zh), now(), (80, 24)).text();
    assert!(
        text.contains("import schools 路径 导入学校，再导入教师名册"),
        "{text}"
    );
    assert!(text.contains("liaoyuan --demo"), "{text}");
    // The fixture district has schools and teachers: no such hint.
    let mut ui = open(Lang::Zh, OpenMode::Existing, 80, 24);
    assert!(!ui.text().contains("新数据库"));
}
