//! Review 7's and 8's gap contradictions: touches closer than the merge
//! gap, or than a channel's minimum gap, that can neither merge nor move
//! make room by merging one step away where that is honest, else the less
//! protected one is dropped with a `dropped` warning (DOMAIN "How the rules
//! combine", R3, R7, R13), instead of both keeping their days.

mod common;

use common::{plan, sample, EXAMPLES};
use touchplan::{Plan, Touch};

fn days(t: &Touch) -> i64 {
    let d = chrono::NaiveDate::parse_from_str(&t.date, "%Y-%m-%d").expect("ISO date");
    d.signed_duration_since(chrono::NaiveDate::MIN).num_days()
}

/// Pairs of neighbouring touches closer than `gap` days (a scheduled
/// birthday message is outside the gap, R9).
fn close_pairs(p: &Plan, gap: i64) -> Vec<(String, String)> {
    let ts: Vec<&Touch> = p
        .touches
        .iter()
        .filter(|t| t.scheduled != Some(true))
        .collect();
    ts.windows(2)
        .filter(|w| days(w[1]) - days(w[0]) < gap)
        .map(|w| (w[0].date.clone(), w[1].date.clone()))
        .collect()
}

fn dropped_dates(p: &Plan) -> Vec<String> {
    p.warnings
        .iter()
        .filter(|w| w.code == "dropped")
        .flat_map(|w| w.dates.clone().unwrap_or_default())
        .collect()
}

/// R13: in bakery-incident the need call of 4 Dec stood a day after the
/// 3 Dec acceptance message to another person; neither could move. Before
/// a drop, merging helps one step away: the acceptance joins the 1 Dec
/// shipment message to the same buyer, and the need call keeps its day.
#[test]
fn merge_gap_makes_room_by_merging_the_neighbours_steps() {
    let p = plan(&sample("bakery-incident"));
    assert_eq!(close_pairs(&p, 2), Vec::<(String, String)>::new());
    assert!(p.warnings.iter().all(|w| w.code != "merge_gap"));
    let on = |d: &str| p.touches.iter().filter(|t| t.date == d).collect::<Vec<_>>();
    assert!(on("2026-12-03").is_empty(), "the acceptance left its day");
    let first = on("2026-12-01");
    assert_eq!(first.len(), 1);
    assert!(first[0].why.contains("Приёмка заказа"), "{}", first[0].why);
    let need = on("2026-12-04");
    assert_eq!(need.len(), 1);
    assert_eq!(need[0].kind, touchplan::TouchKind::Need);
    assert!(p.warnings.len() <= 10, "{:#?}", p.warnings);
}

/// R3 and R13: transactional-monthly's top-up of 20 Feb 2027 (a working
/// Saturday) stood a day after the 19 Feb acceptance call; no day of the
/// partial cycle keeps the gap, so it is dropped and the plan says so.
#[test]
fn top_up_a_day_after_a_call_is_dropped() {
    let p = plan(&sample("transactional-monthly"));
    assert!(p.touches.iter().all(|t| t.date != "2027-02-20"));
    assert!(p.touches.iter().any(|t| t.date == "2027-02-19"));
    assert!(
        dropped_dates(&p).contains(&"2027-02-20".to_string()) || {
            // R3's own "no room" warning names the cycle's first day.
            dropped_dates(&p).contains(&"2027-02-16".to_string())
        }
    );
    assert!(p.warnings.iter().all(|w| w.code != "merge_gap"));
}

/// No example keeps two touches closer than the merge gap.
#[test]
fn no_example_keeps_touches_closer_than_the_merge_gap() {
    for name in EXAMPLES {
        let p = plan(&sample(name));
        assert_eq!(close_pairs(&p, 2), Vec::<(String, String)>::new(), "{name}");
        assert!(p.warnings.iter().all(|w| w.code != "merge_gap"), "{name}");
    }
}

/// R3 and R7: transactional-monthly's top-up by e-mail on 25 Dec 2026 came
/// 2 days after the 23 Dec e-mail to Олег Смирнов (e-mail's gap is 3
/// days), and the contact takes no other automated channel: the top-up
/// moves within its cycle to a day keeping the e-mail gap (18 Dec), the
/// manager's e-mail stays, and no channel-gap warning is left.
#[test]
fn top_up_breaking_a_channel_gap_moves_to_a_day_keeping_it() {
    let p = plan(&sample("transactional-monthly"));
    assert!(p.touches.iter().all(|t| t.date != "2026-12-25"));
    assert!(p
        .touches
        .iter()
        .any(|t| t.date == "2026-12-23" && !t.automated));
    assert!(p
        .touches
        .iter()
        .any(|t| t.date == "2026-12-18" && t.automated && t.rule == "R3"));
    assert!(p.warnings.iter().all(|w| w.code != "channel_gap"));
    assert!(p
        .warnings
        .iter()
        .all(|w| !(w.code == "dropped" && w.rule.as_deref() == Some("R7"))));
}

/// R7: no example keeps an automated touch inside a channel's minimum gap:
/// it took another channel or day, or gave way.
#[test]
fn no_automated_touch_breaks_a_channel_gap() {
    for name in EXAMPLES {
        let p = plan(&sample(name));
        for w in p.warnings.iter().filter(|w| w.code == "channel_gap") {
            for d in w.dates.clone().unwrap_or_default() {
                assert!(
                    !p.touches
                        .iter()
                        .any(|t| t.date == d && t.automated && t.scheduled != Some(true)),
                    "{name}: automated touch on {d} in {w:?}"
                );
            }
        }
    }
}

/// R5 and R13 (DOMAIN "the less protected one moves"): a card opened 11
/// days after a purchase, the day after a failure: the apology takes today
/// and the late post-purchase check, which may come up to `checkLateDays`
/// after the purchase, takes the first day the apology's gap allows, even
/// if a need call (less protected) stood there; the need call moves on.
#[test]
fn a_late_check_beside_an_apology_moves_over_a_need_call_instead_of_being_dropped() {
    let input: serde_json::Value = serde_json::from_str(r#"{"today": "2026-11-24", "locale": "ru", "client": {"id": "c-100", "name": "ООО «Тестовый клиент»", "segment": "A", "orderCycleDays": 30, "channels": ["phone", "visit", "messenger", "email"], "orders": [{"date": "2026-09-15", "amount": 1050000}, {"date": "2026-10-14", "amount": 1120500}, {"date": "2026-11-13", "amount": 1200000.5}], "contacts": [{"name": "Анна Смирнова", "role": "decision_maker", "birthday": "--12-05", "channels": ["phone", "messenger", "email"]}, {"name": "Иван Петров", "role": "buyer", "channels": ["phone", "email"]}], "expiries": [{"date": "2027-03-31", "what": "Договор поставки"}], "incidents": [{"date": "2026-11-23", "summary": "Задержка отгрузки"}]}}"#).unwrap();
    let p = plan(&input);
    let check = p
        .touches
        .iter()
        .find(|t| t.kind == touchplan::TouchKind::Check && t.rule == "R5")
        .unwrap_or_else(|| panic!("{:#?}", p.warnings));
    assert_eq!(check.date, "2026-11-26");
    assert_eq!(close_pairs(&p, 2), Vec::<(String, String)>::new());
    assert!(p
        .touches
        .iter()
        .any(|t| t.kind == touchplan::TouchKind::Need
            && t.date.as_str() > "2026-11-26"
            && t.date.as_str() < "2026-12-05"));
}
