//! `liaoyuan lookup` through the real binary: stable JSON keys, ties, read-only files.

use super::*;

#[test]
fn lookup_json_has_exactly_the_stable_keys() {
    let (_d, db) = district();
    let o = liaoyuan(
        &db,
        "2026-03-02 08:50",
        &["checkin", "--project", "P1", "--session", "1", "李娜"],
    );
    assert_eq!(o.status.code(), Some(0), "{}", text(&o).1);
    let o = liaoyuan(&db, "2026-03-03 10:00", &["lookup", "lina", "--json"]);
    let (out, err) = text(&o);
    assert_eq!(o.status.code(), Some(0), "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let rows = v.as_array().unwrap();
    assert_eq!(rows.len(), 1);
    let row = &rows[0];
    let keys = |v: &serde_json::Value| -> Vec<String> {
        let mut k: Vec<String> = v.as_object().unwrap().keys().cloned().collect();
        k.sort();
        k
    };
    assert_eq!(
        keys(row),
        [
            "attendance",
            "credits",
            "match",
            "name",
            "rank",
            "school",
            "staff_no",
            "status",
            "veto",
            "veto_reasons",
            "year"
        ]
    );
    assert_eq!(
        keys(&row["attendance"]),
        ["absent", "excused", "late", "left_early", "present"]
    );
    assert_eq!(
        keys(&row["credits"]),
        [
            "concentrated",
            "cycle",
            "required_concentrated",
            "required_total",
            "total"
        ]
    );
    assert_eq!(
        keys(&row["veto_reasons"][0]),
        ["date", "project", "scope", "status"]
    );
    assert_eq!(row["veto_reasons"][0]["scope"], "concentrated");
    assert_eq!(row["staff_no"], "T003");
    assert_eq!(row["status"], "active");
    assert_eq!(row["rank"], 1);
    assert_eq!(row["match"], "syllables");
    assert_eq!(row["school"], "实验小学");
    assert_eq!(row["year"], 2026);
    assert_eq!(row["veto"], true);
    assert_eq!(row["attendance"]["late"], 1);
    assert_eq!(row["veto_reasons"][0]["date"], "2026-03-02");
    assert_eq!(row["veto_reasons"][0]["project"], "P1");
    assert_eq!(row["veto_reasons"][0]["status"], "late");
    assert_eq!(row["credits"]["total"], 30.0);
    assert_eq!(row["credits"]["cycle"], "2026–2030");
    // Another year has no veto.
    let o = liaoyuan(
        &db,
        "2026-03-03 10:00",
        &["lookup", "T003", "--json", "--year", "2025"],
    );
    let v: serde_json::Value = serde_json::from_str(&text(&o).0).unwrap();
    assert_eq!(v[0]["veto"], false);
}

#[test]
fn lookup_of_two_equally_good_matches_shows_both() {
    let (_d, db) = district();
    let o = liaoyuan(&db, MORNING, &["lookup", "张伟", "--json"]);
    let v: serde_json::Value = serde_json::from_str(&text(&o).0).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 2);
    let o = liaoyuan(&db, MORNING, &["lookup", "张伟", "--lang", "en"]);
    let (out, _) = text(&o);
    assert!(
        out.contains("One-vote veto: no") && out.contains("第二中学"),
        "{out}"
    );
}

#[test]
fn lookup_works_on_a_read_only_file_and_writes_nothing() {
    use std::os::unix::fs::PermissionsExt;
    let (_d, db) = district();
    std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o444)).unwrap();
    let before = std::fs::read(&db).unwrap();
    let o = liaoyuan(&db, MORNING, &["lookup", "wf"]);
    let (out, err) = text(&o);
    assert_eq!(o.status.code(), Some(0), "{err}");
    assert!(
        out.contains("王芳") && out.contains("一票否决：否"),
        "{out}"
    );
    assert_eq!(std::fs::read(&db).unwrap(), before);
}

#[test]
fn lookup_of_a_missing_database_or_teacher_exits_1() {
    let (d, db) = district();
    let missing = d.path().join("nope.db");
    let o = liaoyuan(&missing, MORNING, &["lookup", "zw"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o).1.contains("找不到数据库"), "{}", text(&o).1);
    assert!(!missing.exists());
    let o = liaoyuan(&db, MORNING, &["lookup", "xyzxyz"]);
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn lookup_says_when_other_teachers_match_less_well_and_all_lists_them() {
    let (_d, db) = district();
    // 李娜 (whole syllable li) is the best match; 刘洋 (li-u) matches too, less well
    let o = liaoyuan(&db, MORNING, &["lookup", "li"]);
    let (out, err) = text(&o);
    assert_eq!(o.status.code(), Some(0), "{err}");
    assert!(out.starts_with("李娜  T003"), "{out}");
    assert!(!out.contains("刘洋  T005"), "{out}");
    assert!(
        out.contains("另有 1 位教师也匹配“li”") && out.contains("liaoyuan lookup li --all"),
        "{out}"
    );
    let o = liaoyuan(&db, MORNING, &["lookup", "li", "--all", "--lang", "en"]);
    let (out, _) = text(&o);
    assert_eq!(o.status.code(), Some(0));
    let li_na = out
        .find("#1 · whole syllables\n李娜  T003")
        .unwrap_or(usize::MAX);
    let liu_yang = out.find("#2 · initials\n刘洋  T005").unwrap_or(0);
    assert!(li_na < liu_yang, "{out}");
    assert!(!out.contains("--all"), "nothing more to show: {out}");
    // JSON: rank and match per entry; the note on stderr, stdout stays JSON
    let o = liaoyuan(&db, MORNING, &["lookup", "li", "--json"]);
    let (out, err) = text(&o);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v.as_array().map(Vec::len), Some(1));
    assert!(err.contains("lookup li --all"), "{err}");
    let o = liaoyuan(&db, MORNING, &["lookup", "li", "--json", "--all"]);
    let v: serde_json::Value = serde_json::from_str(&text(&o).0).unwrap();
    let ranked: Vec<(String, i64, String)> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["name"].as_str().unwrap_or("").to_string(),
                r["rank"].as_i64().unwrap_or(0),
                r["match"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    assert_eq!(
        ranked,
        [
            ("李娜".to_string(), 1, "syllables".to_string()),
            ("刘洋".to_string(), 2, "initials".to_string())
        ]
    );
}

#[test]
fn lookup_of_a_shared_best_match_says_so() {
    let (_d, db) = district();
    let o = liaoyuan(&db, MORNING, &["lookup", "zw"]);
    let (out, err) = text(&o);
    assert_eq!(o.status.code(), Some(0), "{err}");
    assert_eq!(out.matches("张伟  T00").count(), 2, "{out}");
    assert!(out.contains("“zw”同样匹配 2 位教师"), "{out}");
    assert!(!out.contains("另有"), "no other teacher matches: {out}");
    // an exact staff number is nobody else
    let o = liaoyuan(&db, MORNING, &["lookup", "T002"]);
    let (out, _) = text(&o);
    assert!(out.starts_with("张伟  T002  第二中学"), "{out}");
    assert!(!out.contains("同样匹配") && !out.contains("另有"), "{out}");
}

/// Imports P1 again with `concentrated` and `veto_scope` as given (是/否).
fn reimport_p1(db: &Path, concentrated: &str, veto_scope: &str) {
    let csv = db.with_file_name("p1.csv");
    std::fs::write(
        &csv,
        format!(
            "code,title,level,plan,concentrated,start_date,end_date,veto_scope\n\
             P1,新课标解读,district,continuing_education,{concentrated},2026-03-02,2026-03-03,{veto_scope}\n"
        ),
    )
    .unwrap();
    let o = liaoyuan(
        db,
        "2026-03-03 10:00",
        &["import", "projects", csv.to_str().unwrap()],
    );
    assert_eq!(o.status.code(), Some(0), "{}", text(&o).1);
}

#[test]
fn lookup_follows_the_project_s_veto_scope_and_names_it() {
    let (_d, db) = district();
    let o = liaoyuan(
        &db,
        "2026-03-02 08:50",
        &["checkin", "--project", "P1", "--session", "1", "李娜"],
    );
    assert_eq!(o.status.code(), Some(0), "{}", text(&o).1);
    let json = |db: &Path| -> serde_json::Value {
        let o = liaoyuan(db, "2026-03-03 10:00", &["lookup", "T003", "--json"]);
        serde_json::from_str(&text(&o).0).unwrap()
    };
    // Out of the veto scope (an import says so): the late mark stays, the veto goes.
    reimport_p1(&db, "是", "否");
    let v = json(&db);
    assert_eq!(
        (&v[0]["veto"], &v[0]["attendance"]["late"]),
        (&false.into(), &1.into())
    );
    assert_eq!(v[0]["veto_reasons"], serde_json::json!([]));
    // Not concentrated but counted by the project's own setting: the evidence says so.
    reimport_p1(&db, "否", "是");
    let v = json(&db);
    assert_eq!(v[0]["veto"], true);
    assert_eq!(v[0]["veto_reasons"][0]["scope"], "project_setting");
    let o = liaoyuan(&db, "2026-03-03 10:00", &["lookup", "T003"]);
    let out = text(&o).0;
    assert!(
        out.contains("一票否决：是") && out.contains("项目设定"),
        "{out}"
    );
    let o = liaoyuan(&db, "2026-03-03 10:00", &["lookup", "T003", "--lang", "en"]);
    let out = text(&o).0;
    assert!(out.contains("project setting"), "{out}");
}
