//! R13's weekly cap holds after the last merge-gap pass: fuzz case 78920
//! (seed 1, issue 15). A touch that found no free day used to take a day
//! only less protected touches kept from it, even in a week already full,
//! and nothing counted the week after that pass.

mod common;

use common::{has_warning, plan};
use serde_json::json;
use std::collections::BTreeMap;
use touchplan::engine::date::{parse_iso, week_start};
use touchplan::Plan;

/// Touches per week, planned (every kind) and past together.
fn per_week(p: &Plan, history: &[&str]) -> BTreeMap<chrono::NaiveDate, usize> {
    let mut weeks = BTreeMap::new();
    for d in p
        .touches
        .iter()
        .map(|t| t.date.as_str())
        .chain(history.iter().copied())
    {
        let d = parse_iso(d).expect("ISO date");
        *weeks.entry(week_start(d)).or_insert(0) += 1;
    }
    weeks
}

/// A campaign starting next week, a failure yesterday and a touch the
/// same day: the apology's message, its call four days later and the
/// onboarding call fill the week with the past touch; the onboarding call
/// cannot stand a day before the first day's call to another person.
fn campaign_after_failure() -> serde_json::Value {
    json!({
        "today": "2026-11-24",
        "horizonMonths": 3,
        "client": {
            "id": "adv-campaign",
            "name": "Салон мебели «Уют»",
            "segment": "B",
            "saleType": "transactional",
            "orders": [],
            "service": {"kind": "campaign", "start": "2026-12-01", "end": "2027-01-31", "reactionDays": 7},
            "channels": ["phone", "messenger", "email"],
            "contacts": [
                {"name": "Елена Соколова", "role": "decision_maker", "birthday": "--12-13", "channels": ["phone", "messenger"]},
                {"name": "Дмитрий Лебедев", "role": "user"}
            ],
            "flags": {"birthdayOffer": true},
            "history": [
                {"date": "2026-11-20", "channel": "phone"},
                {"date": "2026-11-23", "channel": "email", "reason": "post_purchase_check"}
            ],
            "incidents": [{"date": "2026-11-23", "summary": "Задержка отгрузки"}]
        },
        "settings": {"apologyDelayDays": 4}
    })
}

#[test]
fn a_touch_moving_over_weaker_ones_never_fills_a_week_past_its_cap() {
    let p = plan(&campaign_after_failure());
    let over: Vec<_> = per_week(&p, &["2026-11-20", "2026-11-23"])
        .into_iter()
        .filter(|(_, n)| *n > 3)
        .collect();
    assert!(over.is_empty(), "weeks over the cap of 3: {over:?}");
    // The apology keeps its message and its call; the onboarding call,
    // less protected, gives way and the manager is told so.
    let dates: Vec<&str> = p.touches.iter().map(|t| t.date.as_str()).collect();
    assert!(
        dates.contains(&"2026-11-24") && dates.contains(&"2026-11-27"),
        "{dates:?}"
    );
    assert!(has_warning(&p, "dropped"), "{:?}", p.warnings);
}

#[test]
fn the_apology_message_says_why_it_goes_first_without_blaming_holidays() {
    let p = plan(&campaign_after_failure());
    let text = |date: &str| {
        let t = p
            .touches
            .iter()
            .find(|t| t.date == date)
            .unwrap_or_else(|| panic!("a touch on {date}"));
        format!("{} {:?}", t.why, t.notes)
    };
    let (message, call) = (text("2026-11-24"), text("2026-11-27"));
    for t in [&message, &call] {
        assert!(!t.contains("праздник"), "no holiday here: {t}");
    }
    // The message names the day the call can come; the call, the day the
    // message went.
    assert!(message.contains("не раньше 27 ноября 2026"), "{message}");
    assert!(call.contains("ушло клиенту 24 ноября 2026"), "{call}");
}
