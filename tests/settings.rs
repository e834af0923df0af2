//! `default_settings()`: what the calculator page shows as the defaults is
//! what the engine uses when `settings` is left out.

mod common;

use common::sample;

#[test]
fn default_settings_are_accepted_and_change_nothing() {
    let defaults = serde_json::to_value(touchplan::default_settings()).unwrap();
    for name in [
        "transactional-monthly",
        "consultative-a",
        "advertising-campaign",
        "club-membership",
    ] {
        let bare = sample(name);
        let mut explicit = bare.clone();
        explicit["settings"] = defaults.clone();
        let a = serde_json::to_string(&common::plan(&bare)).unwrap();
        let b = serde_json::to_string(&common::plan(&explicit)).unwrap();
        assert_eq!(a, b, "{name}: explicit defaults changed the plan");
    }
}

#[test]
fn default_settings_name_every_readme_setting() {
    let defaults = serde_json::to_value(touchplan::default_settings()).unwrap();
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let keys: Vec<&String> = defaults.as_object().unwrap().keys().collect();
    assert_eq!(keys.len(), 45);
    for key in keys {
        assert!(
            readme.contains(&format!("`{key}`")),
            "README's settings table lacks `{key}`"
        );
    }
    assert_eq!(defaults["weeklyCap"], 3);
    assert_eq!(defaults["managerDailyCapacity"], 12);
    assert_eq!(defaults["levelSlackDays"], 3);
    assert_eq!(defaults["annualMeeting"], "--12-18");
    assert_eq!(defaults["reactionGapDays"], serde_json::Value::Null);
    assert_eq!(defaults["segments"]["A"]["greetings"], "always");
    assert_eq!(defaults["segments"]["D"]["needPerCycle"], 1);
    assert_eq!(defaults["channelGaps"]["visit"], 14);
}

#[test]
fn a_changed_setting_changes_the_plan() {
    let mut input = sample("transactional-monthly");
    let base = common::plan(&input);
    let mut settings = serde_json::to_value(touchplan::default_settings()).unwrap();
    settings["standardPerMandatory"] = 0.into();
    input["settings"] = settings;
    let without_top_ups = common::plan(&input);
    assert!(base.touches.iter().any(|t| t.automated));
    assert!(!without_top_ups
        .touches
        .iter()
        .any(|t| t.automated && t.rule == "R3"));
}
