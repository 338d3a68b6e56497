//! The TUI shell rendered into ratatui's TestBackend at 80×24, in Chinese and English, on a
//! small district built here with SQL. Assertions read the text a user would read.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use liaoyuan::search::keys::pinyin_keys;
use liaoyuan::store::{Db, OpenMode};
use liaoyuan::tui::i18n::Lang;
use liaoyuan::tui::screens::TabId;
use liaoyuan::tui::{App, Options};
use ratatui::backend::TestBackend;
use ratatui::style::Color;
use ratatui::Terminal;
use std::path::{Path, PathBuf};

fn now() -> chrono::NaiveDateTime {
    liaoyuan::domain::parse_datetime("2026-11-28 09:10").unwrap()
}

/// A district: two schools, four teachers (two named 张伟), one project with three sessions,
/// a late mark (veto) for 张伟 of 实验小学, credits, an overdue follow-up.
fn build_db(dir: &Path) -> PathBuf {
    let path = dir.join("district.db");
    let db = Db::open(&path, OpenMode::Create).unwrap();
    let c = &db.conn;
    c.execute_batch(
        "INSERT INTO schools (id, name, township, stage) VALUES
           (1, '实验小学', '桂林街道', 'primary'), (2, '柏梓中学', '柏梓镇', 'junior');
         INSERT INTO projects (id, code, title, level, plan, concentrated, credits, start_date, end_date)
           VALUES (1, 'P1', '骨干教师培训', 'district', 'continuing_education', 1, 24, '2026-03-01', '2026-11-28');
         INSERT INTO sessions (id, project_id, date, start_time, end_time, topic) VALUES
           (1, 1, '2026-03-01', '08:30', '11:30', '开班'),
           (2, 1, '2026-11-28', '08:30', '11:30', '大单元教学'),
           (3, 1, '2026-11-27', '14:00', '17:00', '作业设计'),
           (4, 1, '2026-11-30', '08:30', '11:30', '课堂观察');",
    )
    .unwrap();
    let teachers = [
        (1, "T0001", "张伟", 1, "数学", "13800005678", "backbone"),
        (2, "T0002", "张伟", 2, "物理", "13900001111", "qualified"),
        (3, "T0003", "李娜", 1, "语文", "13700002222", "rising"),
        (4, "T0004", "曾小明", 2, "英语", "13600003333", "renowned"),
    ];
    for (id, staff, name, school, subject, phone, tier) in teachers {
        let (py, ini) = pinyin_keys(name);
        c.execute(
            "INSERT INTO teachers (id, staff_no, name, school_id, subject, phone, tier, pinyin, initials)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            rusqlite::params![id, staff, name, school, subject, phone, tier, py, ini],
        )
        .unwrap();
    }
    c.execute_batch(
        "INSERT INTO enrolments (project_id, teacher_id, school_id, enrolled_at) VALUES
           (1, 1, 1, '2026-02-20'), (1, 3, 1, '2026-02-20');
         INSERT INTO marks (session_id, teacher_id, school_id, session_date, status, minutes_late, checked_in_at, recorded_at)
           VALUES (1, 1, 1, '2026-03-01', 'late', 12, '2026-03-01 08:47:00', '2026-03-01 08:47:00'),
                  (1, 3, 1, '2026-03-01', 'present', 0, '2026-03-01 08:20:00', '2026-03-01 08:20:00');
         INSERT INTO credit_entries (teacher_id, project_id, credits, concentrated, earned_on, source)
           VALUES (1, 1, 24, 1, '2026-03-02', 'project');
         INSERT INTO tier_history (teacher_id, tier, since) VALUES (1, 'qualified', '2020-09-01'), (1, 'backbone', '2024-03-01');
         INSERT INTO follow_ups (project_id, teacher_id, kind, due_date) VALUES (1, 1, 'transplant_lesson', '2026-05-01');",
    )
    .unwrap();
    path
}

struct Ui {
    app: App,
    term: Terminal<TestBackend>,
    _dir: tempfile::TempDir,
}

fn open(lang: Lang, mode: OpenMode, w: u16, h: u16) -> Ui {
    let dir = tempfile::tempdir().unwrap();
    let path = build_db(dir.path());
    let db = Db::open(&path, mode).unwrap();
    let opts = Options {
        lang,
        theme: Some("dark".into()),
        no_color: false,
    };
    let app = App::new(db, &opts, now()).unwrap();
    let term = Terminal::new(TestBackend::new(w, h)).unwrap();
    Ui {
        app,
        term,
        _dir: dir,
    }
}

impl Ui {
    /// The screen as text, one line per row (wide characters written once).
    fn text(&mut self) -> String {
        self.term.draw(|f| self.app.draw(f)).unwrap();
        let b = self.term.backend().buffer();
        let mut s = String::new();
        for y in 0..b.area.height {
            let mut skip = 0;
            for x in 0..b.area.width {
                if skip > 0 {
                    skip -= 1;
                    continue;
                }
                let sym = b[(x, y)].symbol();
                s.push_str(sym);
                skip = unicode_width::UnicodeWidthStr::width(sym).saturating_sub(1);
            }
            s.push('\n');
        }
        s
    }

    fn line(&mut self, y: usize) -> String {
        self.text().lines().nth(y).unwrap_or("").to_string()
    }

    fn key(&mut self, code: KeyCode) {
        self.app.handle_key(KeyEvent::new(code, KeyModifiers::NONE));
    }

    fn typed(&mut self, s: &str) {
        for c in s.chars() {
            self.key(KeyCode::Char(c));
        }
    }

    /// The foreground colour of the first cell showing `sym` on row `y`.
    fn fg_at(&mut self, y: u16, sym: &str) -> Option<Color> {
        self.term.draw(|f| self.app.draw(f)).unwrap();
        let b = self.term.backend().buffer();
        (0..b.area.width)
            .map(|x| &b[(x, y)])
            .find(|c| c.symbol() == sym)
            .map(|c| c.fg)
    }
}

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
    assert!(status.contains(&liaoyuan::store::actor()), "{status}");
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
fn teachers_search_by_initials_highlights_and_tells_same_names_apart() {
    let mut ui = open(Lang::Zh, OpenMode::Existing, 80, 24);
    ui.typed("4");
    assert_eq!(ui.app.active_tab(), TabId::Teachers);
    assert!(ui.text().contains("4 位教师"));
    ui.typed("/zw");
    let text = ui.text();
    assert!(text.contains("/ zw"), "{text}");
    let rows: Vec<&str> = text
        .lines()
        .filter(|l| l.starts_with("张伟") && !l.contains('·'))
        .collect();
    assert_eq!(rows.len(), 2, "{text}");
    assert!(rows
        .iter()
        .any(|r| r.contains("实验小学") && r.contains("T0001")));
    assert!(rows
        .iter()
        .any(|r| r.contains("柏梓中学") && r.contains("T0002")));
    assert!(!text.contains("李娜"), "{text}");
    // Matched characters are drawn in the highlight colour, others are not.
    let hl = liaoyuan::tui::theme::Theme::built_in("dark").highlight;
    assert_eq!(ui.fg_at(3, "张"), Some(hl));
    assert_ne!(ui.fg_at(3, "学"), Some(hl));
    // Columns line up by display width: the school column starts at the same place.
    let a = rows[0].find('T').unwrap();
    let b = rows[1].find('T').unwrap();
    assert_eq!(
        unicode_width::UnicodeWidthStr::width(&rows[0][..a]),
        unicode_width::UnicodeWidthStr::width(&rows[1][..b])
    );
}

#[test]
fn detail_pane_shows_veto_evidence_credits_and_recent_marks() {
    let mut ui = open(Lang::Zh, OpenMode::Existing, 80, 24);
    ui.typed("4/T0001");
    ui.key(KeyCode::Enter);
    let text = ui.text();
    assert!(text.contains("张伟 · T0001 · 骨干教师"), "{text}");
    assert!(text.contains("实验小学 · 数学"), "{text}");
    assert!(text.contains("2026年一票否决 是"), "{text}");
    assert!(text.contains("2026-03-01 P1 骨干教师培训 迟到"), "{text}");
    assert!(text.contains("迟到 1"), "{text}");
    assert!(text.contains("24/120"), "{text}");
    assert!(text.contains("24/20"), "{text}");
    assert!(
        text.contains("合格教师 2020-09-01 → 骨干教师 2024-03-01"),
        "{text}"
    );
    assert!(text.contains("最近出勤 迟"), "{text}");
    // The other 张伟 has no veto.
    ui.key(KeyCode::Esc);
    ui.typed("/T0002");
    let text = ui.text();
    assert!(text.contains("2026年一票否决 否"), "{text}");
}

#[test]
fn detail_pane_in_english() {
    let mut ui = open(Lang::En, OpenMode::Existing, 80, 24);
    ui.typed("4/5678");
    let text = ui.text();
    assert!(text.contains("Veto 2026 yes"), "{text}");
    assert!(text.contains("Late 1"), "{text}");
    assert!(text.contains("Credit cycle 2026–2030"), "{text}");
    assert!(text.contains("Backbone"), "{text}");
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
fn palette_set_writes_a_setting_but_read_only_refuses() {
    let mut ui = open(Lang::En, OpenMode::Existing, 80, 24);
    ui.typed(":set grace_minutes 10");
    ui.key(KeyCode::Enter);
    assert_eq!(ui.app.shared.settings.grace_minutes, 10);
    assert!(
        ui.line(23).contains("grace_minutes = 10"),
        "{}",
        ui.line(23)
    );

    let mut ro = open(Lang::Zh, OpenMode::ReadOnly, 80, 24);
    assert!(ro.line(23).contains("只读"));
    ro.typed(":set grace_minutes 10");
    ro.key(KeyCode::Enter);
    assert_eq!(ro.app.shared.settings.grace_minutes, 5);
    assert!(ro.line(23).contains("只读模式"), "{}", ro.line(23));
}

#[test]
fn too_small_terminal_says_so_and_never_panics() {
    for (lang, words) in [(Lang::Zh, "终端太小"), (Lang::En, "terminal too small")] {
        for (w, h) in [(20, 5), (59, 15), (60, 15), (59, 16)] {
            let mut ui = open(lang, OpenMode::Existing, w, h);
            let text = ui.text();
            assert!(text.contains(words), "{w}×{h}: {text}");
            assert!(text.contains("60×16"), "{w}×{h}: {text}");
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
fn another_process_commit_reloads_keeping_search_text() {
    let mut ui = open(Lang::Zh, OpenMode::Existing, 80, 24);
    ui.typed("4/zhang");
    assert!(!ui.text().contains("张三丰"));
    let other = Db::open(&ui.app.shared.db.path, OpenMode::Existing).unwrap();
    let (py, ini) = pinyin_keys("张三丰");
    other
        .conn
        .execute(
            "INSERT INTO teachers (staff_no, name, school_id, pinyin, initials) VALUES ('T0009', '张三丰', 1, ?1, ?2)",
            rusqlite::params![py, ini],
        )
        .unwrap();
    ui.app.tick();
    // The index is rebuilt in a background thread: wait for it (no time limit asserted).
    while ui.app.is_loading() {
        ui.app.poll_background();
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    let text = ui.text();
    assert!(text.contains("/ zhang"), "{text}");
    assert!(text.contains("张三丰"), "{text}");
}

#[test]
fn no_color_draws_without_any_colour() {
    let dir = tempfile::tempdir().unwrap();
    let db = Db::open(&build_db(dir.path()), OpenMode::Existing).unwrap();
    let opts = Options {
        lang: Lang::Zh,
        theme: Some("dark".into()),
        no_color: true,
    };
    let mut app = App::new(db, &opts, now()).unwrap();
    let mut term = Terminal::new(TestBackend::new(80, 24)).unwrap();
    for keys in ["", "4/zw"] {
        for c in keys.chars() {
            app.handle_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
        }
        term.draw(|f| app.draw(f)).unwrap();
        let b = term.backend().buffer();
        for cell in b.content() {
            assert_eq!(cell.fg, Color::Reset);
            assert_eq!(cell.bg, Color::Reset);
        }
    }
}

#[test]
fn confirm_dialog_runs_its_action_only_on_yes() {
    use liaoyuan::tui::action::Action;
    let mut ui = open(Lang::En, OpenMode::Existing, 80, 24);
    let ask = Action::Confirm {
        question: "Go to the vetoes?".into(),
        then: Box::new(Action::GoToTab(TabId::Vetoes)),
    };
    ui.app.update(ask.clone());
    let text = ui.text();
    assert!(
        text.contains("Go to the vetoes?") && text.contains("y yes"),
        "{text}"
    );
    ui.typed("n");
    assert!(!ui.app.has_overlay());
    assert_eq!(ui.app.active_tab(), TabId::Dashboard);
    ui.app.update(ask);
    ui.typed("y");
    assert_eq!(ui.app.active_tab(), TabId::Vetoes);
}

#[test]
fn reason_prompt_refuses_empty_and_writes_with_the_reason() {
    use liaoyuan::tui::action::{Action, Intent};
    let mut ui = open(Lang::Zh, OpenMode::Existing, 80, 24);
    ui.app.update(Action::AskReason {
        prompt: "为什么修改宽限时间？".into(),
        intent: Intent::SetSetting {
            key: "grace_minutes".into(),
            value: "8".into(),
        },
    });
    assert!(ui.text().contains("为什么修改宽限时间？"));
    ui.key(KeyCode::Enter);
    assert!(ui.text().contains("原因不能为空"));
    assert_eq!(ui.app.shared.settings.grace_minutes, 5);
    ui.typed("区里通知");
    ui.key(KeyCode::Enter);
    assert!(!ui.app.has_overlay());
    assert_eq!(ui.app.shared.settings.grace_minutes, 8);
    let reason: String = ui
        .app
        .shared
        .db
        .conn
        .query_row(
            "SELECT reason FROM audit_log WHERE entity = 'settings'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(reason, "区里通知");
}

#[test]
fn slash_on_the_dashboard_starts_a_teacher_lookup() {
    let mut ui = open(Lang::Zh, OpenMode::Existing, 80, 24);
    ui.typed("/zengxm");
    assert_eq!(ui.app.active_tab(), TabId::Teachers);
    let text = ui.text();
    assert!(text.contains("/ zengxm"), "{text}");
    assert!(text.contains("曾小明 · T0004"), "{text}");
    // Esc clears the box; a second Esc goes back to the dashboard.
    ui.key(KeyCode::Esc);
    ui.key(KeyCode::Esc);
    assert_eq!(ui.app.active_tab(), TabId::Dashboard);
}

#[test]
fn field_prefixes_narrow_the_teacher_list() {
    let mut ui = open(Lang::Zh, OpenMode::Existing, 80, 24);
    ui.typed("4/school:柏梓");
    let text = ui.text();
    assert!(text.contains("T0002") && text.contains("T0004"), "{text}");
    assert!(!text.contains("T0001") && !text.contains("T0003"), "{text}");
    ui.key(KeyCode::Esc);
    ui.typed("/zw tier:backbone");
    let text = ui.text();
    assert!(
        text.contains("1 条匹配") && text.contains("T0001"),
        "{text}"
    );
    ui.key(KeyCode::Enter);
    ui.typed("?");
    assert!(ui.text().contains("按字段筛选"));
}
