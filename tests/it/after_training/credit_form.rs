//! The credit form (`:credit add`) registers an entry: category picked from the configured
//! categories, hours, the credits the category's rule gives (shown, not typed), the date, the
//! certificate no.; it lands 待审核 in the registrar's queue.

use super::open;
use crate::common;
use crossterm::event::KeyCode;
use liaoyuan::tui::i18n::Lang;

type Entry = (String, f64, f64, i64, String, String, String);

fn entries(ui: &common::tui::Ui) -> Vec<Entry> {
    let db = liaoyuan::store::Db::open(&ui.path, liaoyuan::store::OpenMode::ReadOnly).unwrap();
    let mut st = db
        .conn
        .prepare(
            "SELECT category, hours, credits, concentrated, evidence, status, earned_on
             FROM credit_entries WHERE teacher_id = 4 ORDER BY id",
        )
        .unwrap();
    st.query_map([], |r| {
        Ok((
            r.get(0)?,
            r.get(1)?,
            r.get(2)?,
            r.get(3)?,
            r.get(4)?,
            r.get(5)?,
            r.get(6)?,
        ))
    })
    .unwrap()
    .collect::<rusqlite::Result<_>>()
    .unwrap()
}

fn credit_form(lang: Lang) -> common::tui::Ui {
    let mut ui = open(lang, "2026-11-28 15:00");
    ui.typed(":");
    ui.typed("credit add");
    ui.key(KeyCode::Enter);
    ui.typed("ly");
    ui.key(KeyCode::Enter); // 刘洋 picked; the focus is on the category
    ui
}

#[test]
fn a_registered_entry_takes_the_category_s_rule_and_waits_for_the_registrar_in_chinese() {
    let mut ui = credit_form(Lang::Zh);
    let text = ui.text();
    assert!(text.contains("登记学分（待审核）"), "{text}");
    assert!(text.contains("‹ 集中培训 ›"), "{text}");
    ui.key(KeyCode::Right);
    let text = ui.text();
    assert!(text.contains("‹ 网络研修 ›"), "{text}");
    ui.key(KeyCode::Tab);
    ui.typed("24");
    let text = ui.text();
    assert!(text.contains("= 12 学分"), "credits by the rule: {text}");
    ui.key(KeyCode::Tab);
    ui.key(KeyCode::Tab); // the date stays today
    assert!(ui.text().contains("证书编号"));
    ui.typed("ZJ2026-0815");
    ui.ctrl('s');
    let text = ui.text();
    assert!(
        !text.contains("登记学分（待审核）"),
        "the form closes: {text}"
    );
    assert!(text.contains("待审核"), "{text}");
    assert_eq!(
        entries(&ui),
        [(
            "网络研修".into(),
            24.0,
            12.0,
            0,
            "ZJ2026-0815".into(),
            "pending".into(),
            "2026-11-28".into()
        )]
    );
    let audits = ui.count(
        "SELECT count(*) FROM audit_log WHERE entity = 'credit_entry' AND action = 'create'",
    );
    assert_eq!(audits, 1);
    // The teacher's ledger shows it waiting, with its category.
    ui.typed(":");
    ui.typed("credit add");
    ui.key(KeyCode::Enter);
    ui.typed("ly");
    ui.key(KeyCode::Enter);
    let text = ui.text();
    assert!(text.contains("［待审核］网络研修"), "{text}");
}

#[test]
fn the_cap_shows_before_saving_and_bad_hours_are_explained_in_english() {
    let mut ui = credit_form(Lang::En);
    let text = ui.text();
    assert!(text.contains("Register credits (pending review)"), "{text}");
    ui.key(KeyCode::Tab);
    ui.typed("100");
    let text = ui.text();
    assert!(text.contains("= 30 credits"), "the cap of 集中培训: {text}");
    assert!(text.contains("concentrated"), "{text}");
    for _ in 0..3 {
        ui.key(KeyCode::Backspace);
    }
    ui.typed("abc");
    ui.ctrl('s');
    let text = ui.text();
    assert!(text.contains("Register credits (pending review)"), "{text}");
    assert!(text.contains("hours: a number"), "{text}");
    assert!(entries(&ui).is_empty());
}

#[test]
fn the_form_saves_while_another_process_checks_teachers_in() {
    let mut ui = credit_form(Lang::Zh);
    ui.key(KeyCode::Tab);
    ui.typed("6");
    let other = std::process::Command::new(env!("CARGO_BIN_EXE_liaoyuan"))
        .arg("--db")
        .arg(&ui.path)
        .args(["--lang", "en", "checkin", "--project", "P1", "T0001"])
        .env("LIAOYUAN_NOW", "2026-11-28 08:40")
        .env_remove("LIAOYUAN_DB")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    ui.ctrl('s');
    let out = other.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for _ in 0..40 {
        if !entries(&ui).is_empty() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
        ui.app.tick();
    }
    let e = entries(&ui);
    assert_eq!(e.len(), 1, "{e:?}");
    assert_eq!((e[0].2, e[0].3, e[0].5.as_str()), (3.0, 1, "pending"));
    assert_eq!(
        ui.count("SELECT count(*) FROM marks WHERE teacher_id = 1"),
        1
    );
}
