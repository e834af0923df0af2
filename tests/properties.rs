//! Properties over thousands of generated valid client profiles
//! (issue "planning engine", done-when 2).

mod common;
use common::{COMMON_CHANNELS as CHANNELS, ROLES};

use chrono::{Datelike, Duration, NaiveDate};
use proptest::prelude::*;
use serde_json::{json, Value};
use std::collections::BTreeMap;
use touchplan::engine::calendar::WorkingCalendar;
use touchplan::engine::catalog;
use touchplan::engine::date::{iso, parse_iso, week_start};
use touchplan::TouchKind;

fn day(base: &str, offset: i64) -> String {
    iso(parse_iso(base).unwrap() + Duration::days(offset))
}

const SEGMENTS: &[&str] = &["A+", "A", "B", "C", "D"];

prop_compose! {
    fn contact()(role in 0..ROLES.len(), bday in proptest::option::of((1u32..=12, 1u32..=28)), name in "[A-Za-zА-Яа-я]{2,8}") -> Value {
        let mut c = json!({ "name": name, "role": ROLES[role] });
        if let Some((m, d)) = bday {
            c["birthday"] = json!(format!("--{m:02}-{d:02}"));
        }
        c
    }
}

prop_compose! {
    fn profile()(
        today_off in 0i64..(365 * 2),
        horizon in 1u32..=24,
        segment in 0..SEGMENTS.len(),
        sale in 0..3usize,
        cycle in proptest::option::of(7u32..=400),
        mandatory in proptest::option::of(0u32..=4),
        orders in proptest::collection::vec((1i64..700, proptest::option::of(0u32..300_000), any::<bool>()), 0..6),
        contacts in proptest::collection::vec(contact(), 0..4),
        channels in proptest::collection::btree_set(0..CHANNELS.len(), 1..=4),
        service in proptest::option::of((-60i64..200, 5i64..400, 1u32..30, any::<bool>())),
        incidents in proptest::collection::vec(-40i64..200, 0..2),
        history in proptest::collection::vec((-60i64..0, 0..CHANNELS.len()), 0..6),
        open_deal in proptest::option::of(-30i64..200),
        birthday_offer in any::<bool>(),
        locale in any::<bool>(),
        person in proptest::bool::weighted(0.2),
    ) -> Value {
        let today = day("2025-01-01", today_off);
        let mut client = json!({
            "id": "p",
            "segment": SEGMENTS[segment],
            "channels": channels.iter().map(|i| CHANNELS[*i]).collect::<Vec<_>>(),
            "contacts": contacts,
            "flags": { "birthdayOffer": birthday_offer },
        });
        if person { client["kind"] = json!("person"); }
        if sale < 2 {
            client["saleType"] = json!(["transactional", "consultative"][sale]);
        }
        if let Some(c) = cycle { client["orderCycleDays"] = json!(c); }
        if let Some(m) = mandatory { client["mandatoryPerOrder"] = json!(m); }
        client["orders"] = Value::Array(orders.iter().map(|(ago, amount, promo)| {
            let mut o = json!({ "date": day(&today, -ago), "promo": promo, "categories": ["x"] });
            if let Some(a) = amount { o["amount"] = json!(a); }
            o
        }).collect());
        if let Some((start, len, reaction, campaign)) = service {
            client["service"] = json!({
                "start": day(&today, start), "end": day(&today, start + len), "reactionDays": reaction,
                "kind": if campaign { "campaign" } else { "contract" },
            });
        }
        client["incidents"] = Value::Array(incidents.iter().map(|d| json!({ "date": day(&today, -d.abs() + 20), "summary": "сбой" })).collect());
        client["history"] = Value::Array(history.iter().map(|(d, c)| json!({ "date": day(&today, *d), "channel": CHANNELS[*c] })).collect());
        if let Some(d) = open_deal { client["openDeal"] = json!({ "since": day(&today, d) }); }
        json!({ "today": today, "horizonMonths": horizon, "locale": if locale { "ru" } else { "en" }, "client": client })
    }
}

fn d(s: &str) -> NaiveDate {
    parse_iso(s).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn plans_hold_the_rules(input in profile()) {
        let plan = touchplan::plan(&input).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let cal = WorkingCalendar::new(true, &[], &[]);
        let client = &input["client"];
        // Sorted, inside the horizon.
        for w in plan.touches.windows(2) {
            prop_assert!(w[0].date <= w[1].date);
        }
        for t in &plan.touches {
            prop_assert!(t.date >= plan.horizon.from && t.date <= plan.horizon.to, "{} outside", t.date);
            // Working days, except scheduled birthday messages.
            if t.scheduled != Some(true) {
                prop_assert!(cal.is_working(d(&t.date)), "{} is a day off", t.date);
            }
            // A reason and a rule; no discouraged reason at all.
            prop_assert!(!t.reasons.is_empty());
            prop_assert!(!t.rule.is_empty());
            for r in &t.reasons {
                prop_assert!(!catalog::find(&r.code).is_some_and(|c| c.discouraged), "discouraged {}", r.code);
            }
        }
        // Birthdays never greeted early.
        for t in plan.touches.iter().filter(|t| t.reasons.iter().any(|r| r.code == "birthday")) {
            let td = d(&t.date);
            let greeted = t.contacts.clone().unwrap_or_default();
            let ok = client["contacts"].as_array().unwrap().iter().any(|c| {
                let named = Some(c["name"].as_str().unwrap()) == t.contact.as_deref() || greeted.iter().any(|g| g == c["name"].as_str().unwrap());
                let Some(b) = c["birthday"].as_str() else { return false };
                let (m, dd): (u32, u32) = (b[2..4].parse().unwrap(), b[5..7].parse().unwrap());
                let bd = NaiveDate::from_ymd_opt(td.year(), m, dd).unwrap();
                named && td >= bd && (td - bd).num_days() <= 14
            });
            prop_assert!(ok, "birthday touch on {} is not on or after a birthday", t.date);
        }
        // Daily and weekly caps, history counted.
        let mut per_day: BTreeMap<String, usize> = BTreeMap::new();
        let mut per_week: BTreeMap<NaiveDate, usize> = BTreeMap::new();
        for t in &plan.touches {
            *per_day.entry(t.date.clone()).or_default() += 1;
            *per_week.entry(week_start(d(&t.date))).or_default() += 1;
        }
        for h in client["history"].as_array().unwrap() {
            let hd = h["date"].as_str().unwrap().to_string();
            // History counts toward the weeks the plan touches.
            if let Some(n) = per_week.get_mut(&week_start(d(&hd))) { *n += 1; }
            if let Some(n) = per_day.get_mut(&hd) { *n += 1; }
        }
        prop_assert!(per_day.values().all(|n| *n <= 1), "two touches on one day");
        prop_assert!(per_week.values().all(|n| *n <= 3), "weekly cap broken: {:?}", per_week);
        // Channel rotation when the client allows more than one.
        let allowed: Vec<&str> = client["channels"].as_array().unwrap().iter().map(|c| c.as_str().unwrap()).filter(|c| *c != "visit").collect();
        let own_lists = client["contacts"].as_array().unwrap().iter().any(|c| c.get("channels").is_some());
        if allowed.len() > 1 && !own_lists {
            // A scheduled birthday message is one of them (DOMAIN frees it
            // only from the merge gap and the channel gaps).
            let manager: Vec<_> = plan.touches.iter().filter(|t| !t.automated).collect();
            // Key touches go by phone or visit (R7, R12) even when that
            // repeats the channel; so does a greeting, personal by R9 (a
            // call rather than an e-mail).
            let key = |t: &touchplan::Touch| {
                common::purposes(t).iter().any(|k| {
                    matches!(k, TouchKind::Apology | TouchKind::FirstDay | TouchKind::Renewal | TouchKind::Meeting)
                }) || (t.rule == "R6" && t.kind == TouchKind::Check)
                    || t.kind == TouchKind::Greeting
            };
            for w in manager.windows(2).filter(|w| !key(w[1])) {
                prop_assert!(w[0].channel != w[1].channel, "{} and {} both on {:?}", w[0].date, w[1].date, w[0].channel);
            }
        }
        // Service period: first touch on the start day, last check by E − R.
        if let Some(sv) = client.get("service") {
            let (s, e) = (d(sv["start"].as_str().unwrap()), d(sv["end"].as_str().unwrap()));
            let r = sv["reactionDays"].as_i64().unwrap();
            let last = e - Duration::days(r);
            let from = d(&plan.horizon.from);
            if s >= from && cal.on_or_after(s) <= d(&plan.horizon.to) {
                // A birthday message scheduled on a day off (R9) may come
                // before the first working day; it stands outside the other rules.
                let first = plan
                    .touches
                    .iter()
                    .find(|t| d(&t.date) >= s && t.scheduled != Some(true))
                    .expect("a first-day touch");
                // R13: a first day a day from a more protected touch it
                // cannot join, with no other day, is dropped and reported.
                let start = cal.on_or_after(s).format("%Y-%m-%d").to_string();
                let reported = plan.warnings.iter().any(|w| {
                    w.code == "dropped" && w.dates.as_ref().is_some_and(|ds| ds.contains(&start))
                });
                if !(reported && d(&first.date) != cal.on_or_after(s)) {
                    prop_assert_eq!(d(&first.date), cal.on_or_after(s));
                    // An apology due the same day to another person comes first
                    // (most protected); the first day then yields (R13).
                    if first.kind != TouchKind::Apology {
                        prop_assert!(common::purposes(first).contains(&TouchKind::FirstDay), "first {} {:?} INPUT {}", first.date, common::purposes(first), input);
    }
                }
            }
            for t in plan.touches.iter().filter(|t| t.rule == "R6") {
                prop_assert!(d(&t.date) <= last, "R6 check {} after E − R {}", t.date, last);
            }
        }
        // DOMAIN v3 "What may merge": one person per touch; a greeting only
        // with a standard touch, never automated.
        for t in &plan.touches {
            let kinds = common::purposes(t);
            if kinds.len() > 1 {
                prop_assert!(t.contacts.is_none(), "{}: purposes for several people {:?}", t.date, t.contacts);
            }
            if kinds.contains(&TouchKind::Greeting) {
                prop_assert!(kinds.iter().all(|k| matches!(k, TouchKind::Greeting | TouchKind::Standard)), "{}: greeting with {:?}", t.date, kinds);
                prop_assert!(!t.automated);
            }
            // R2: "expected" wording only on touches tied to an expected order.
            if t.why.contains("ожида") || t.why.to_lowercase().contains("expected") {
                prop_assert_eq!(t.expected, Some(true), "{}: {}", t.date, t.why);
            }
        }
        // R7: key touches by phone or visit where the client accepts them.
        let accepts_phone = client["channels"].as_array().unwrap().iter().any(|c| c == "phone");
        if accepts_phone && !own_lists {
            for t in plan.touches.iter().filter(|t| !t.automated && t.scheduled != Some(true)) {
                let kinds = common::purposes(t);
                let key = kinds.iter().any(|k| matches!(k, TouchKind::FirstDay | TouchKind::Renewal | TouchKind::Meeting))
                    || t.reasons.first().is_some_and(|r| r.code == "apology");
                if key {
                    prop_assert!(matches!(t.channel, touchplan::Channel::Phone | touchplan::Channel::Visit), "{} {:?} by {:?}", t.date, kinds, t.channel);
                }
            }
        }
        // One warning per code and cause.
        let mut seen = std::collections::BTreeSet::new();
        for w in &plan.warnings {
            prop_assert!(seen.insert((w.code.clone(), w.message.clone())), "twice: {}", w.message);
        }
        // A warning about an event slot names a day a touch is on, and one
        // carrying the invitation (merged or not), never a day left empty.
        for w in plan.warnings.iter().filter(|w| w.code == "no_company_events") {
            for date in w.dates.iter().flatten() {
                let t = plan.touches.iter().find(|t| &t.date == date);
                prop_assert!(t.is_some_and(|t| common::purposes(t).contains(&TouchKind::Event)), "{} names {}", w.code, date);
            }
        }
        // Deterministic.
        let again = touchplan::plan(&input).unwrap();
        prop_assert_eq!(serde_json::to_string(&plan).unwrap(), serde_json::to_string(&again).unwrap());
    }
}

fn totals(input: &Value) -> (usize, usize) {
    let p = touchplan::plan(input).unwrap();
    let manager = p.touches.iter().filter(|t| !t.automated).count();
    (manager, p.touches.len())
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: std::env::var("EFFORT_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(300),
        ..ProptestConfig::default()
    })]

    /// Effort follows value (R8): for the same client data, a lower segment
    /// gets no more touches in total, nor more manager touches. The margin
    /// of one stays for one known cause: in a service period's watch
    /// stretch (R6), a higher segment's extra purposes can save it a touch —
    /// the annual meeting merges into an R6 check-in, and the New Year
    /// greeting on the last working day before the holidays stands for a
    /// standard slot and watches to the horizon's end — where the lower
    /// segment keeps the slot and needs one more check-in after it (e.g.
    /// service 2026-09-25–2027-01-09, R 1, today 2026-07-04, 6 months: A 17,
    /// B 18). Anything more is a bug (tests/rules_s4_props.rs; the examples
    /// hold it strictly, see tests/rules_v3_plan.rs). `EFFORT_CASES` sets
    /// the number of cases (default 300; it holds at 2000).
    #[test]
    fn effort_follows_value(input in profile()) {
        let mut counts = Vec::new();
        for seg in ["A", "B", "C", "D"] {
            let mut v = input.clone();
            v["client"]["segment"] = json!(seg);
            counts.push((seg, totals(&v)));
        }
        for w in counts.windows(2) {
            let ((hi, (hm, ht)), (lo, (lm, lt))) = (w[0], w[1]);
            prop_assert!(lt <= ht + 1, "{lo} has {lt} touches, {hi} {ht}: {counts:?} INPUT {}", input);
            prop_assert!(lm <= hm + 1, "{lo} has {lm} manager touches, {hi} {hm}: {counts:?} INPUT {}", input);
        }
    }
}
