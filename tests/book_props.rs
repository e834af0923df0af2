//! `planBook` (DOMAIN.md R16, issue 19): a manager's book planned client by
//! client as `plan` plans it, then levelled to the manager's capacity.

mod common;
use common::COMMON_CHANNELS as CHANNELS;

use chrono::{Duration, NaiveDate};
use proptest::prelude::*;
use serde_json::{json, Value};
use std::collections::{BTreeMap, BTreeSet};
use touchplan::engine::calendar::WorkingCalendar;
use touchplan::engine::date::{iso, parse_iso, week_start};
use touchplan::{Book, Plan, TouchKind};

fn day(base: &str, offset: i64) -> String {
    iso(parse_iso(base).unwrap() + Duration::days(offset))
}

fn d(s: &str) -> NaiveDate {
    parse_iso(s).unwrap()
}

const SEGMENTS: &[&str] = &["A+", "A", "B", "C", "D"];
const MANAGERS: &[&str] = &["Анна", "Борис", "Вера"];

prop_compose! {
    fn client(today: String)(
        segment in 0..SEGMENTS.len(),
        cycle in proptest::option::of(14u32..=200),
        orders in proptest::collection::vec(1i64..400, 0..4),
        birthday in proptest::option::of((1u32..=12, 1u32..=28)),
        channels in proptest::collection::btree_set(0..CHANNELS.len(), 1..=3),
        service in proptest::option::of((-30i64..120, 30i64..300, 1u32..20)),
        incident in proptest::option::of(1i64..60),
        history in proptest::collection::vec((-20i64..0, 0..CHANNELS.len()), 0..3),
        manager in proptest::option::of(0..MANAGERS.len()),
    ) -> Value {
        let mut c = json!({
            "id": "c",
            "segment": SEGMENTS[segment],
            "channels": channels.iter().map(|i| CHANNELS[*i]).collect::<Vec<_>>(),
            "orders": orders.iter().map(|ago| json!({ "date": day(&today, -ago), "amount": 50000 })).collect::<Vec<_>>(),
            "history": history.iter().map(|(o, ch)| json!({ "date": day(&today, *o), "channel": CHANNELS[*ch] })).collect::<Vec<_>>(),
        });
        if let Some(n) = cycle { c["orderCycleDays"] = json!(n); }
        if let Some((m, dd)) = birthday {
            c["contacts"] = json!([{ "name": "Ирина", "role": "decision_maker", "birthday": format!("--{m:02}-{dd:02}") }]);
        }
        if let Some((start, len, r)) = service {
            c["service"] = json!({ "start": day(&today, start), "end": day(&today, start + len), "reactionDays": r });
        }
        if let Some(ago) = incident {
            c["incidents"] = json!([{ "date": day(&today, -ago), "summary": "сбой" }]);
        }
        if let Some(m) = manager { c["manager"] = json!(MANAGERS[m]); }
        c
    }
}

prop_compose! {
    fn book()(today_off in 0i64..700, horizon in 1u32..=6, capacity in 1u32..=6, slack in 0u32..=4, ru in any::<bool>())
        (clients in proptest::collection::vec(client(day("2025-01-01", today_off)), 1..25),
         today in Just(day("2025-01-01", today_off)), horizon in Just(horizon), capacity in Just(capacity),
         slack in Just(slack), ru in Just(ru),
         // Some managers have a capacity of their own (R16: per manager).
         own in proptest::collection::vec(proptest::option::of(1u32..=6), MANAGERS.len())) -> Value {
        let clients: Vec<Value> = clients.into_iter().enumerate().map(|(i, mut c)| { c["id"] = json!(format!("c{i}")); c }).collect();
        let managers: Vec<Value> = MANAGERS.iter().zip(&own)
            .filter_map(|(m, c)| c.map(|c| json!({ "name": m, "capacity": c })))
            .collect();
        json!({
            "today": today, "horizonMonths": horizon, "locale": if ru { "ru" } else { "en" },
            "settings": { "managerDailyCapacity": capacity, "levelSlackDays": slack },
            "managers": managers,
            "clients": clients,
        })
    }
}

/// The `plan` input of client `i` of a book, as if planned alone.
fn alone(book: &Value, i: usize) -> Value {
    let mut client = book["clients"][i].clone();
    client.as_object_mut().unwrap().remove("manager");
    let mut v = json!({ "client": client });
    for key in ["today", "horizonMonths", "locale", "company", "settings"] {
        if let Some(x) = book.get(key) {
            v[key] = x.clone();
        }
    }
    v
}

fn personal(t: &touchplan::Touch) -> bool {
    !t.automated && t.scheduled != Some(true)
}

fn planned(book: &Book, i: usize) -> &Plan {
    book.clients[i].plan.as_ref().expect("planned")
}

/// Working days strictly between two dates, and one for the far end.
fn working_days_apart(cal: &WorkingCalendar, a: NaiveDate, b: NaiveDate) -> u32 {
    let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
    let mut n = 0;
    let mut x = lo;
    while x < hi {
        x += Duration::days(1);
        if cal.is_working(x) {
            n += 1;
        }
    }
    n
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 150, ..ProptestConfig::default() })]

    #[test]
    fn levelling_keeps_every_rule(input in book()) {
        let book = touchplan::plan_book(&input).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let default = input["settings"]["managerDailyCapacity"].as_u64().unwrap() as u32;
        // Each manager's capacity: its own from `managers`, else the default.
        let capacity_of = |m: &Option<String>| -> u32 {
            input["managers"].as_array().unwrap().iter()
                .find(|x| m.as_deref() == x["name"].as_str())
                .map_or(default, |x| x["capacity"].as_u64().unwrap() as u32)
        };
        let slack = input["settings"]["levelSlackDays"].as_u64().unwrap() as u32;
        let cal = WorkingCalendar::new(true, &[], &[]);
        let n = input["clients"].as_array().unwrap().len();
        prop_assert_eq!(book.clients.len(), n);
        // Load per manager from the levelled plans themselves.
        let mut load: BTreeMap<(Option<String>, String), u32> = BTreeMap::new();
        for (i, c) in book.clients.iter().enumerate() {
            for t in planned(&book, i).touches.iter().filter(|t| personal(t)) {
                *load.entry((c.manager.clone(), t.date.clone())).or_default() += 1;
            }
        }
        let mut reported: BTreeSet<(Option<String>, String)> = BTreeSet::new();
        let mut moved_to: BTreeMap<usize, Vec<(NaiveDate, NaiveDate)>> = BTreeMap::new();
        for touchplan::ManagerBook { name: m, capacity, levelled: l } in &book.managers {
            let capacity = *capacity;
            prop_assert_eq!(capacity, capacity_of(m));
            for day in &l.days {
                prop_assert_eq!(load.get(&(m.clone(), iso(day.date))).copied().unwrap_or(0), day.after);
            }
            for o in &l.overloads {
                prop_assert!(o.load > capacity);
                reported.insert((m.clone(), iso(o.date)));
                // Everyone filling the day is named, once.
                let named: BTreeSet<usize> = o.clients.iter().copied().collect();
                prop_assert_eq!(named.len(), o.clients.len());
            }
            for mv in &l.moves {
                prop_assert_eq!(&book.clients[mv.client].manager, m);
                prop_assert!(cal.is_working(mv.to));
                prop_assert!(working_days_apart(&cal, mv.from, mv.to) <= slack, "{} → {} beyond {} working days", mv.from, mv.to, slack);
                prop_assert!(mv.load > capacity);
                moved_to.entry(mv.client).or_default().push((mv.from, mv.to));
            }
        }
        // No manager day over capacity unless reported.
        for (key, n) in &load {
            let capacity = capacity_of(&key.0);
            prop_assert!(*n <= capacity || reported.contains(key), "{:?} has {} over {} unreported", key, n, capacity);
        }
        for i in 0..n {
            let solo = common::plan(&alone(&input, i));
            let levelled = planned(&book, i);
            let moves = moved_to.get(&i).cloned().unwrap_or_default();
            // Only what levelling moved changed day: the dates are `plan`'s
            // with each move's day replaced.
            let mut expected: Vec<NaiveDate> = solo.touches.iter().map(|t| d(&t.date)).collect();
            for (from, to) in &moves {
                let k = expected.iter().position(|x| x == from);
                prop_assert!(k.is_some(), "moved from {} where {} had no touch", from, levelled.client_id);
                expected[k.unwrap()] = *to;
            }
            expected.sort();
            let got: Vec<NaiveDate> = levelled.touches.iter().map(|t| d(&t.date)).collect();
            prop_assert_eq!(&got, &expected);
            if moves.is_empty() {
                prop_assert_eq!(&levelled.touches, &solo.touches);
            }
            // Fixed-day touches never move; need discovery never goes
            // later (before the order, needLeadDays), and the touch a few
            // working days before an order, whose text counts them, stays.
            for (from, to) in &moves {
                let t = levelled.touches.iter().find(|t| d(&t.date) == *to).unwrap();
                let kinds = common::purposes(t);
                prop_assert!(personal(t));
                prop_assert!(!kinds.iter().any(|k| matches!(k, TouchKind::Greeting | TouchKind::FirstDay | TouchKind::Apology)), "{} {:?} moved", to, kinds);
                if kinds.contains(&TouchKind::Need) {
                    prop_assert!(to < from, "a need touch went later: {} → {}", from, to);
                    prop_assert!(!t.reasons.iter().any(|r| r.code == "need_before_order"), "the pre-order touch moved: {} → {}", from, to);
                }
            }
            single_client_rules(&input["clients"][i], levelled, &cal, &moves)?;
            // A warning about a planned touch names the day it is on after
            // levelling, not the day it left (review of R16, C5).
            for w in levelled.warnings.iter().filter(|w| w.code == "no_company_events") {
                for date in w.dates.iter().flatten().chain(&w.date) {
                    prop_assert!(levelled.touches.iter().any(|t| &t.date == date), "{} names {}, where no touch is", w.code, date);
                }
            }
        }
        // Deterministic, byte for byte.
        let again = touchplan::plan_book(&input).unwrap();
        prop_assert_eq!(serde_json::to_string(&book.compact()).unwrap(), serde_json::to_string(&again.compact()).unwrap());
    }
}

/// The single-client properties (tests/properties.rs) on a levelled plan:
/// sorted, in the horizon, working days, daily and weekly caps with
/// history, the merge gap around every moved touch, R6 by E − R.
fn single_client_rules(
    client: &Value,
    plan: &Plan,
    cal: &WorkingCalendar,
    moves: &[(NaiveDate, NaiveDate)],
) -> Result<(), TestCaseError> {
    for w in plan.touches.windows(2) {
        prop_assert!(w[0].date <= w[1].date);
    }
    let mut per_day: BTreeMap<NaiveDate, usize> = BTreeMap::new();
    let mut per_week: BTreeMap<NaiveDate, usize> = BTreeMap::new();
    for t in &plan.touches {
        prop_assert!(t.date >= plan.horizon.from && t.date <= plan.horizon.to);
        if t.scheduled != Some(true) {
            prop_assert!(cal.is_working(d(&t.date)));
        }
        *per_day.entry(d(&t.date)).or_default() += 1;
        *per_week.entry(week_start(d(&t.date))).or_default() += 1;
    }
    for h in client["history"].as_array().unwrap() {
        let hd = d(h["date"].as_str().unwrap());
        if let Some(n) = per_week.get_mut(&week_start(hd)) {
            *n += 1;
        }
        if let Some(n) = per_day.get_mut(&hd) {
            *n += 1;
        }
    }
    prop_assert!(per_day.values().all(|n| *n <= 1), "two touches on one day");
    prop_assert!(per_week.values().all(|n| *n <= 3), "weekly cap broken");
    // R13's merge gap (2 days) kept by every touch levelling moved.
    for (_, to) in moves {
        let close = plan
            .touches
            .iter()
            .filter(|t| t.scheduled != Some(true))
            .filter(|t| (d(&t.date) - *to).num_days().abs() < 2)
            .count();
        prop_assert_eq!(close, 1, "a touch moved to {} within the merge gap", to);
    }
    if let Some(sv) = client.get("service") {
        let e = d(sv["end"].as_str().unwrap());
        let last = e - Duration::days(sv["reactionDays"].as_i64().unwrap());
        for t in plan.touches.iter().filter(|t| t.rule == "R6") {
            prop_assert!(
                d(&t.date) <= last,
                "R6 check {} after E − R {}",
                t.date,
                last
            );
        }
    }
    Ok(())
}

/// A book of one client, for every example, gives exactly `plan`'s plan.
#[test]
fn a_book_of_one_client_is_its_plan() {
    for name in common::EXAMPLES {
        let mut input = common::sample(name);
        let client = input.as_object_mut().unwrap().remove("client").unwrap();
        let single = common::plan(&common::sample(name));
        input["clients"] = json!([client]);
        let book = touchplan::plan_book(&input).unwrap();
        assert_eq!(book.clients[0].plan.as_ref().unwrap(), &single, "{name}");
        assert!(
            book.managers.iter().all(|m| m.levelled.moves.is_empty()),
            "{name}"
        );
    }
}

fn monthly(id: &str, manager: &str, segment: &str) -> Value {
    json!({
        "id": id, "segment": segment, "manager": manager, "orderCycleDays": 30,
        "orders": [{ "date": "2026-11-02", "amount": 100000 }],
    })
}

/// Thirty alike clients of one manager crowd the same days: levelling
/// moves touches within their slack, and the load it leaves is lower.
#[test]
fn a_crowded_book_is_levelled() {
    let clients: Vec<Value> = (0..30)
        .map(|i| monthly(&format!("c{i}"), "Анна", SEGMENTS[i % 5]))
        .collect();
    let input = json!({
        "today": "2026-11-24", "horizonMonths": 3, "locale": "en",
        "settings": { "managerDailyCapacity": 6 }, "clients": clients,
    });
    let book = touchplan::plan_book(&input).unwrap();
    assert_eq!(book.managers.len(), 1);
    let l = &book.managers[0].levelled;
    let max =
        |f: fn(&touchplan::engine::level::DayLoad) -> u32| l.days.iter().map(f).max().unwrap();
    assert!(max(|d| d.before) > 6);
    assert!(!l.moves.is_empty());
    assert!(max(|d| d.after) <= max(|d| d.before));
    let excess = |f: fn(&touchplan::engine::level::DayLoad) -> u32| {
        l.days.iter().map(|d| f(d).saturating_sub(6)).sum::<u32>()
    };
    assert!(excess(|d| d.after) < excess(|d| d.before));
    let over_before = l.days.iter().filter(|d| d.before > 6).count();
    assert!(l.overloads.len() < over_before);
    // Each day still over keeps its most protected, then A+ first.
    for o in &l.overloads {
        assert_eq!(o.clients.len() as u32, o.load);
    }
    let compact = book.compact();
    let why = &compact.managers[0].moves[0].why;
    assert!(
        why.contains("capacity of 6") && why.contains("R16"),
        "{why}"
    );
}

/// A client whose input is bad fails alone; its paths say which client.
#[test]
fn a_bad_client_fails_alone() {
    let input = json!({
        "today": "2026-11-24",
        "clients": [
            monthly("a", "Анна", "B"),
            { "id": "b", "orders": [{ "date": "2026-13-01" }], "manager": 7 },
            monthly("c", "Анна", "A"),
        ],
    });
    let book = touchplan::plan_book(&input).unwrap();
    assert!(book.clients[0].plan.is_ok() && book.clients[2].plan.is_ok());
    let errors = &book.clients[1].plan.as_ref().unwrap_err().errors;
    let paths: Vec<&str> = errors.iter().map(|e| e.path.as_str()).collect();
    assert_eq!(paths, ["clients[1].manager", "clients[1].orders[0].date"]);
    assert_eq!(errors[1].code, "invalid_date");
    // Indices in the levelling are the book's.
    let json = serde_json::to_value(book.compact()).unwrap();
    assert_eq!(json["managers"][0]["clients"], 2);
    assert_eq!(json["clients"][1]["errors"][0]["code"], "invalid_type");
    assert_eq!(json["clients"][1]["id"], "b");
}

/// The shared part or the list itself failing fails the book.
#[test]
fn a_bad_book_fails_whole() {
    let e = touchplan::plan_book(&json!({ "today": "2026-02-30", "clients": [] })).unwrap_err();
    assert_eq!(e.errors[0].path, "today");
    let e = touchplan::plan_book(&json!({ "today": "2026-11-24" })).unwrap_err();
    assert_eq!(
        (e.errors[0].code.as_str(), e.errors[0].path.as_str()),
        ("missing_field", "clients")
    );
    let e = touchplan::plan_book(
        &json!({ "today": "2026-11-24", "clients": [], "settings": { "managerDailyCapacity": 0 } }),
    )
    .unwrap_err();
    assert_eq!(e.errors[0].path, "settings.managerDailyCapacity");
}

/// Two managers with the same thirty clients each: the one whose own
/// capacity is 4 is levelled to 4 and told so, the other keeps the
/// book's default of 8; a manager listed without clients shows no load.
#[test]
fn each_manager_is_levelled_to_their_own_capacity() {
    let clients: Vec<Value> = (0..60)
        .map(|i| {
            let who = if i % 2 == 0 { "Анна" } else { "Борис" };
            monthly(&format!("c{i}"), who, SEGMENTS[(i / 2) % 5])
        })
        .collect();
    let input = json!({
        "today": "2026-11-24", "horizonMonths": 3, "locale": "ru",
        "settings": { "managerDailyCapacity": 8 },
        "managers": [{ "name": "Анна", "capacity": 4 }, { "name": "Вера", "capacity": 2 }, { "name": "Борис" }],
        "clients": clients,
    });
    let book = touchplan::plan_book(&input).unwrap();
    let by: BTreeMap<&str, &touchplan::ManagerBook> = book
        .managers
        .iter()
        .map(|m| (m.name.as_deref().unwrap(), m))
        .collect();
    assert_eq!(
        by.keys().copied().collect::<Vec<_>>(),
        ["Анна", "Борис", "Вера"]
    );
    let (anna, boris, vera) = (by["Анна"], by["Борис"], by["Вера"]);
    assert_eq!((anna.capacity, boris.capacity, vera.capacity), (4, 8, 2));
    // The same clients, so the same load before levelling.
    let before = |m: &touchplan::ManagerBook| {
        let days = m.levelled.days.iter().filter(|d| d.before > 0);
        days.map(|d| (d.date, d.before)).collect::<Vec<_>>()
    };
    assert_eq!(before(anna), before(boris));
    // Anna's days go to 4 where her slack allows it, Boris's to 8.
    let over = |m: &touchplan::ManagerBook, cap: u32| {
        m.levelled.days.iter().filter(|d| d.after > cap).count()
    };
    assert_eq!(over(anna, 4), anna.levelled.overloads.len());
    assert_eq!(over(boris, 8), boris.levelled.overloads.len());
    assert!(anna.levelled.overloads.iter().all(|o| o.load > 4));
    // Each moved off a day over its own manager's capacity, and Boris
    // keeps days of 5–8 that would be over Anna's norm.
    assert!(!anna.levelled.moves.is_empty() && !boris.levelled.moves.is_empty());
    assert!(anna.levelled.moves.iter().all(|mv| mv.load > 4));
    assert!(boris.levelled.moves.iter().all(|mv| mv.load > 8));
    assert!(boris
        .levelled
        .days
        .iter()
        .any(|d| (5..=8).contains(&d.after)));
    assert!(vera.levelled.days.is_empty() && vera.levelled.moves.is_empty());
    let compact = serde_json::to_value(book.compact()).unwrap();
    assert_eq!(compact["capacity"], 8);
    let caps: Vec<(&str, u64)> = compact["managers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            (
                m["manager"].as_str().unwrap(),
                m["capacity"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(caps, [("Анна", 4), ("Борис", 8), ("Вера", 2)]);
    assert_eq!(compact["managers"][2]["clients"], 0);
    // What the head of sales reads names the manager's own norm.
    let why = compact["managers"][0]["moves"][0]["why"].as_str().unwrap();
    assert!(why.contains("при норме 4"), "{why}");
}

/// A bad `managers` list fails the book, each problem at its path.
#[test]
fn a_bad_managers_list_fails_the_book_with_paths() {
    let e = touchplan::plan_book(&json!({
        "today": "2026-11-24", "locale": "en", "clients": [monthly("a", "Анна", "B")],
        "managers": [
            { "name": "Анна", "capacity": 0 },
            { "capacity": 5 },
            "Борис",
            { "name": "Анна", "capacity": 3 },
            { "name": "Вера", "capacity": 2.5 },
            { "name": 7 },
        ],
    }))
    .unwrap_err();
    let got: Vec<(&str, &str)> = e
        .errors
        .iter()
        .map(|e| (e.code.as_str(), e.path.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("out_of_range", "managers[0].capacity"),
            ("missing_field", "managers[1].name"),
            ("invalid_type", "managers[2]"),
            ("out_of_range", "managers[4].capacity"),
            ("invalid_type", "managers[5].name"),
        ]
    );
    assert!(
        e.errors[0].message.contains("1 to 1000"),
        "{}",
        e.errors[0].message
    );
    // A name given twice is refused, in Russian by default.
    let e = touchplan::plan_book(&json!({
        "today": "2026-11-24", "clients": [],
        "managers": [{ "name": "Анна", "capacity": 4 }, { "name": "Анна", "capacity": 6 }],
    }))
    .unwrap_err();
    assert_eq!(
        (e.errors[0].code.as_str(), e.errors[0].path.as_str()),
        ("duplicate", "managers[1].name")
    );
    assert_eq!(e.errors[0].message, "этот менеджер уже указан выше");
    let e = touchplan::plan_book(
        &json!({ "today": "2026-11-24", "clients": [], "managers": { "Анна": 4 } }),
    )
    .unwrap_err();
    assert_eq!(
        (e.errors[0].code.as_str(), e.errors[0].path.as_str()),
        ("invalid_type", "managers")
    );
}
