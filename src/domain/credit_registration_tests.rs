use super::*;

fn rules() -> Vec<CategoryRule> {
    parse_rules(DEFAULT_RULES).unwrap()
}

#[test]
fn the_five_default_categories_and_their_rules() {
    let r = rules();
    let names: Vec<&str> = r.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(
        names,
        ["集中培训", "网络研修", "校本研修", "学历提升", "其他"]
    );
    let conc: Vec<bool> = r.iter().map(|c| c.concentrated).collect();
    assert_eq!(conc, [true, false, false, false, false]);
    assert_eq!(format_rules(&r), DEFAULT_RULES);
    assert_eq!(rule_of(&r, " 网络研修 ").unwrap().cap, 20.0);
    assert!(rule_of(&r, "网络").is_none());
}

#[test]
fn categories_are_configurable_and_bad_settings_are_refused() {
    let r = parse_rules("线上:1:5; 校本:0.1:3:集中").unwrap();
    assert_eq!(r.len(), 2);
    assert!(r[1].concentrated);
    for bad in [
        "",
        ";",
        "线上:1",
        "线上:x:5",
        "线上:-1:5",
        "线上:1:5:maybe",
        "线上:1:5;线上:2:6",
        ":1:5",
    ] {
        assert!(parse_rules(bad).is_none(), "{bad:?}");
    }
}

#[test]
fn hours_turn_into_credits_up_to_the_cap() {
    let r = rules();
    let online = rule_of(&r, "网络研修").unwrap();
    assert_eq!(credits_for(10.0, online), 5.0);
    assert_eq!(credits_for(40.0, online), 20.0); // exactly the cap
    assert_eq!(credits_for(41.0, online), 20.0); // capped
    assert_eq!(credits_for(0.0, online), 0.0);
    let school = rule_of(&r, "校本研修").unwrap();
    assert_eq!(credits_for(3.0, school), 0.8); // 0.75 → a tenth, half up
    assert_eq!(credits_for(48.0, school), 12.0);
    assert_eq!(credits_for(60.0, school), 12.0);
    let conc = rule_of(&r, "集中培训").unwrap();
    assert_eq!(credits_for(3.0, conc), 1.5); // one half-day session
}

#[test]
fn only_pending_entries_are_approved_or_returned() {
    use EntryStatus::*;
    assert_eq!(review(Pending, Review::Approve, ""), Ok(Recognised));
    assert_eq!(
        review(Pending, Review::Return, "证书编号不符"),
        Ok(Returned)
    );
    assert_eq!(
        review(Pending, Review::Return, "  "),
        Err(ReviewRefusal::NoReason)
    );
    for done in [Recognised, Returned] {
        for d in [Review::Approve, Review::Return] {
            assert_eq!(review(done, d, "x"), Err(ReviewRefusal::NotPending(done)));
        }
    }
}

#[test]
fn statuses_parse_by_code_or_chinese_name_and_only_recognised_counts() {
    for s in EntryStatus::ALL {
        assert_eq!(EntryStatus::parse(s.code()), Some(*s));
        assert_eq!(EntryStatus::parse(s.zh()), Some(*s));
    }
    assert_eq!(EntryStatus::parse("approved"), None);
    let counting: Vec<_> = EntryStatus::ALL.iter().filter(|s| s.counts()).collect();
    assert_eq!(counting, [&EntryStatus::Recognised]);
}
