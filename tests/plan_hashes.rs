//! Plans stay byte-identical (issue 18, done-when 2): the whole output JSON
//! of the 14 examples (which hold seed 004's golden inputs, tests/golden.rs)
//! in ru and en, and of 10,000 generated inputs, hashed and compared with
//! `tests/plan_hashes.txt`.
//!
//! A speed change must leave this test passing with the file unchanged.
//! `UPDATE_PLAN_HASHES=1 cargo test --release --test plan_hashes` rewrites
//! the file; do that only in a commit that changes behaviour on purpose and
//! says why in its message. `PLAN_HASHES_DUMP=DIR` also writes every plan's
//! JSON there (one file per input), to diff two versions of the engine.
//!
//! It runs in release only (a debug build takes minutes for the 10,000
//! plans); `npm test` runs it as its own suite (scripts/test.mjs).
//!
//! The hash is 64-bit FNV-1a (offset basis and prime written out below), so
//! it is the same on every platform and Rust version. The generator is a
//! seeded SplitMix64, so the inputs are the same on every run.

mod common;
use common::{Rng, COMMON_CHANNELS, ROLES};

use serde_json::{json, Value};
use std::fmt::Write as _;

/// Generated inputs, and how many share one line of the hash file.
const GENERATED: usize = 10_000;
const GROUP: usize = 100;
const SEED: u64 = 0x7063_685f_6861_7368;
const FILE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/plan_hashes.txt");

/// 64-bit FNV-1a.
fn fnv1a(bytes: &[u8], mut h: u64) -> u64 {
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}
const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

/// The output exactly as a caller gets it: the plan's JSON, or the errors'.
fn output(input: &Value) -> String {
    match touchplan::plan(input) {
        Ok(p) => serde_json::to_string(&p).expect("a plan serialises"),
        Err(e) => format!(
            "error:{}",
            serde_json::to_string(&e).expect("errors serialise")
        ),
    }
}

fn day(today: chrono::NaiveDate, offset: i64) -> String {
    (today + chrono::Duration::days(offset))
        .format("%Y-%m-%d")
        .to_string()
}

const SEGMENTS: &[&str] = &["A+", "A", "B", "C", "D"];
const CHANNELS: &[&str] = &[
    "phone",
    "visit",
    "messenger",
    "email",
    "sms",
    "newsletter",
    "event",
    "staff",
    "portal",
    "social",
    "letter",
];
const CATEGORIES: &[&str] = &["paper", "toner", "furniture", "ads", "бумага"];
const SERVICE_KINDS: &[&str] = &[
    "campaign",
    "contract",
    "membership",
    "subscription",
    "policy",
];
const CONTENT_REASONS: &[&str] = &[
    "price_change",
    "new_products",
    "price_promotion",
    "launch_price",
    "discontinued_items",
    "market_analytics",
    "legislation",
    "service_improvements",
    "event_invitation",
    "peer_cases",
    "client_insights",
    "useful_software",
    "staff_training",
    "competitor_analogue",
    "better_use",
    "new_options",
    "loyalty_programme",
    "campaign_results",
];
const MANDATORY_STEPS: &[&str] = &[
    "shipment",
    "acceptance",
    "documents",
    "installation",
    "technology_setup",
    "operability_check",
    "usage_check",
];
const HISTORY_REASONS: &[&str] = &[
    "post_purchase_check",
    "market_analytics",
    "shipment",
    "birthday",
    "apology",
    "reaction_check",
];

/// One generated input: varied like scripts/bench.mjs's clients, plus the
/// edge shapes (service periods with freezes and promotions, incidents,
/// history, short cycles, no orders, every segment, private persons,
/// content plans, events, holidays, settings).
fn generated(i: usize, r: &mut Rng) -> Value {
    let base = chrono::NaiveDate::from_ymd_opt(2026, 11, 24).expect("a date");
    let today = base + chrono::Duration::days(r.range(-400, 400));
    let d = |off: i64| day(today, off);
    let cycle: i64 = match r.below(10) {
        0 => r.range(1, 13),
        1 => r.range(14, 27),
        2..=6 => [14, 30, 30, 45, 60, 90, 180, 365][r.below(8) as usize],
        _ => r.range(28, 400),
    };
    // Orders: none for some, a year of them for most.
    let mut orders = Vec::new();
    if !r.chance(12) {
        let max = [1, 3, 12, 30][r.below(4) as usize];
        let mut back = r.range(0, cycle.max(1));
        while back < 500 && orders.len() < max {
            let mut o = json!({ "date": d(-back) });
            if r.chance(85) {
                o["amount"] = json!(r.range(0, 600_000));
            }
            if r.chance(80) {
                o["categories"] = json!(r.some(CATEGORIES, 2));
            }
            if r.chance(15) {
                o["promo"] = json!(true);
            }
            if r.chance(10) {
                o["items"] = json!([format!("item-{}", r.below(5))]);
            }
            orders.push(o);
            back += (cycle + r.range(-cycle / 4, cycle / 4)).max(1);
        }
    }
    let mut contacts = Vec::new();
    for c in 0..r.below(5) {
        let mut contact = json!({ "name": format!("Контакт {i}-{c}") });
        if r.chance(85) {
            contact["role"] = json!(r.pick(ROLES));
        }
        if r.chance(60) {
            contact["birthday"] = if r.chance(80) {
                json!(format!("--{:02}-{:02}", 1 + r.below(12), 1 + r.below(28)))
            } else {
                json!(format!(
                    "{}-{:02}-{:02}",
                    1960 + r.below(40),
                    1 + r.below(12),
                    1 + r.below(28)
                ))
            };
        }
        if r.chance(40) {
            contact["channels"] = json!(r.some(CHANNELS, 3));
        }
        if r.chance(25) {
            contact["interests"] = json!(r.some(&["рыбалка", "теннис", "шахматы", "jazz"], 2));
        }
        contacts.push(contact);
    }
    let mut client = json!({
        "id": format!("client-{i}"),
        "name": format!("ООО «Клиент {i}»"),
        "segment": r.pick(SEGMENTS),
        "orders": orders,
        "contacts": contacts,
    });
    if r.chance(80) {
        client["channels"] = json!(if r.chance(70) {
            r.some(COMMON_CHANNELS, 4)
        } else {
            r.some(CHANNELS, 6)
        });
    }
    if r.chance(10) {
        client.as_object_mut().expect("an object").remove("segment");
    }
    if r.chance(10) {
        client["kind"] = json!("person");
    }
    if r.chance(30) {
        client["saleType"] = json!(r.pick(&["transactional", "consultative"]));
    }
    if r.chance(50) {
        client["orderCycleDays"] = json!(cycle);
    }
    match r.below(10) {
        0 => client["mandatoryPerOrder"] = json!(r.below(6)),
        1 => client["mandatorySteps"] = json!(r.some(MANDATORY_STEPS, 3)),
        _ => {}
    }
    if r.chance(50) {
        client["industry"] = json!(r.pick(&["retail", "manufacturing", "it", "производство"]));
    }
    if r.chance(15) {
        client["annualRevenue"] = json!(r.range(0, 50_000_000));
    }
    if r.chance(40) {
        client["flags"] = json!({
            "promoSensitive": r.chance(50),
            "birthdayOffer": r.chance(50),
            "loyal": r.chance(50),
        });
    }
    if r.chance(10) {
        client["openDeal"] = json!({ "since": d(-r.range(0, 60)), "stage": "КП" });
    }
    if r.chance(35) {
        let start = r.range(-120, 60);
        let end = start + r.range(1, 400);
        let mut s = json!({ "start": d(start), "end": d(end) });
        if r.chance(50) {
            s["kind"] = json!(r.pick(SERVICE_KINDS));
        }
        if r.chance(30) {
            s["reactionDays"] = json!(r.range(1, 60));
        }
        if r.chance(20) {
            let from = r.range(start, end);
            s["frozenFrom"] = json!(d(from));
            s["frozenTo"] = json!(d(from + r.range(0, 40)));
        }
        if r.chance(15) {
            s["promo"] = json!("Скидка 10%");
            s["promoUntil"] = json!(d(r.range(start, end + 30)));
        }
        client["service"] = s;
    }
    if r.chance(15) {
        client["incidents"] = Value::Array(
            (0..1 + r.below(3))
                .map(|_| json!({ "date": d(-r.range(0, 40)), "summary": "Задержка поставки" }))
                .collect(),
        );
    }
    if r.chance(10) {
        client["expiries"] = Value::Array(
            (0..1 + r.below(2))
                .map(|_| json!({ "date": d(r.range(-10, 300)), "what": "Гарантия" }))
                .collect(),
        );
    }
    if r.chance(30) {
        client["history"] = Value::Array(
            (0..1 + r.below(12))
                .map(|_| {
                    let mut h =
                        json!({ "date": d(-r.range(0, 120)), "channel": r.pick(COMMON_CHANNELS) });
                    if r.chance(40) {
                        h["reason"] = json!(r.pick(HISTORY_REASONS));
                    }
                    h
                })
                .collect(),
        );
    }
    let horizon = match r.below(10) {
        0 => r.range(1, 3),
        1 => r.range(13, 36),
        _ => 12,
    };
    let mut input = json!({ "today": d(0), "client": client });
    if horizon != 12 || r.chance(50) {
        input["horizonMonths"] = json!(horizon);
    }
    if r.chance(50) {
        input["locale"] = json!(if i % 2 == 0 { "ru" } else { "en" });
    }
    let mut company = json!({});
    if r.chance(30) {
        company["contentPlan"] = Value::Array(
            (0..1 + r.below(6))
                .map(|k| {
                    let at = r.range(-60, 300);
                    let mut c = json!({
                        "date": d(at),
                        "reason": r.pick(CONTENT_REASONS),
                        "title": format!("Материал {k}"),
                    });
                    if r.chance(50) {
                        c["categories"] = json!(r.some(CATEGORIES, 2));
                    }
                    if r.chance(30) {
                        c["segments"] = json!(r.some(SEGMENTS, 2));
                    }
                    if r.chance(20) {
                        c["roles"] = json!(r.some(ROLES, 2));
                    }
                    if r.chance(30) {
                        c["until"] = json!(d(at + r.range(0, 120)));
                    }
                    if r.chance(20) {
                        c["pilot"] = json!(d(at - r.range(0, 30)));
                    }
                    if r.chance(40) {
                        c["delivery"] = json!(r.pick(&["manager", "automated", "semi"]));
                    }
                    c
                })
                .collect(),
        );
    }
    if r.chance(20) {
        company["events"] = Value::Array(
            (0..1 + r.below(3))
                .map(|_| json!({ "date": d(r.range(0, 360)), "title": "Выставка" }))
                .collect(),
        );
    }
    if r.chance(10) {
        company["country"] = json!("none");
    }
    if r.chance(15) {
        company["holidays"] = Value::Array(
            (0..r.below(20))
                .map(|_| json!(d(r.range(0, 360))))
                .collect(),
        );
    }
    if r.chance(5) {
        company["workdays"] = json!([d(r.range(0, 360))]);
    }
    if company.as_object().is_some_and(|c| !c.is_empty()) {
        input["company"] = company;
    }
    if r.chance(20) {
        let mut s = json!({});
        if r.chance(50) {
            s["mergeGapDays"] = json!(r.range(0, 5));
        }
        if r.chance(40) {
            s["weeklyCap"] = json!(r.range(1, 7));
        }
        if r.chance(40) {
            // 1 is the only value allowed; 2 checks the error's output.
            s["dailyCap"] = json!(if r.chance(10) { 2 } else { 1 });
        }
        if r.chance(30) {
            s["standardPerMandatory"] = json!(r.range(0, 10));
        }
        if r.chance(20) {
            s["apologyChannel"] = json!(r.pick(COMMON_CHANNELS));
        }
        if r.chance(20) {
            s["offersPerMonth"] = json!(r.range(0, 4));
        }
        input["settings"] = s;
    }
    input
}

fn generated_inputs() -> Vec<Value> {
    let mut r = Rng(SEED);
    (0..GENERATED).map(|i| generated(i, &mut r)).collect()
}

/// `(name, input)` of the examples in both locales.
fn example_inputs() -> Vec<(String, Value)> {
    let mut out = Vec::new();
    for name in common::EXAMPLES {
        for locale in ["ru", "en"] {
            let mut input = common::sample(name);
            input["locale"] = json!(locale);
            out.push((format!("example {name} {locale}"), input));
        }
    }
    out
}

/// Every output, on two threads (the machine the tests run on has two
/// cores; the order of the results is the inputs').
fn outputs(inputs: &[Value]) -> Vec<String> {
    let half = inputs.len() / 2;
    std::thread::scope(|s| {
        let first = s.spawn(|| inputs[..half].iter().map(output).collect::<Vec<_>>());
        let mut out: Vec<String> = inputs[half..].iter().map(output).collect();
        let mut all = first.join().expect("the first half planned");
        all.append(&mut out);
        all
    })
}

#[test]
#[cfg_attr(
    debug_assertions,
    ignore = "10,000 plans: run in release (`cargo test --release --test plan_hashes`, as npm test does)"
)]
fn plans_match_the_committed_hashes() {
    let examples = example_inputs();
    let generated = generated_inputs();
    let example_out = outputs(&examples.iter().map(|(_, v)| v.clone()).collect::<Vec<_>>());
    let generated_out = outputs(&generated);

    if let Ok(dir) = std::env::var("PLAN_HASHES_DUMP") {
        std::fs::create_dir_all(&dir).expect("the dump directory");
        for ((name, _), out) in examples.iter().zip(&example_out) {
            std::fs::write(format!("{dir}/{}.json", name.replace(' ', "-")), out).expect("written");
        }
        for (i, out) in generated_out.iter().enumerate() {
            std::fs::write(format!("{dir}/generated-{i:05}.json"), out).expect("written");
        }
    }

    let mut text = String::from(
        "# FNV-1a 64 of each plan's JSON (tests/plan_hashes.rs). Update only in a\n\
         # behaviour commit that says why: UPDATE_PLAN_HASHES=1 cargo test --release --test plan_hashes\n",
    );
    for ((name, _), out) in examples.iter().zip(&example_out) {
        writeln!(text, "{name} {:016x}", fnv1a(out.as_bytes(), FNV_OFFSET)).expect("a string");
    }
    for (g, chunk) in generated_out.chunks(GROUP).enumerate() {
        let h = chunk
            .iter()
            .fold(FNV_OFFSET, |h, out| fnv1a(out.as_bytes(), fnv1a(&[0], h)));
        let errors = chunk.iter().filter(|o| o.starts_with("error:")).count();
        writeln!(
            text,
            "generated {:05}-{:05} {h:016x} errors {errors}",
            g * GROUP,
            (g + 1) * GROUP - 1
        )
        .expect("a string");
    }

    let errors = generated_out
        .iter()
        .filter(|o| o.starts_with("error:"))
        .count();
    assert!(
        errors < GENERATED / 20,
        "{errors} generated inputs are refused"
    );

    if std::env::var_os("UPDATE_PLAN_HASHES").is_some() {
        std::fs::write(FILE, &text).expect("the hash file written");
        return;
    }
    let committed = std::fs::read_to_string(FILE).expect("tests/plan_hashes.txt exists");
    let changed: Vec<String> = text
        .lines()
        .zip(committed.lines())
        .filter(|(a, b)| a != b)
        .map(|(a, _)| a.split(' ').take(2).collect::<Vec<_>>().join(" "))
        .collect();
    assert!(
        changed.is_empty() && text.lines().count() == committed.lines().count(),
        "plans changed ({} of {} lines): {}\nA speed change must keep every plan; a behaviour change \
         rewrites the file with UPDATE_PLAN_HASHES=1 and says why in its commit.",
        changed.len(),
        text.lines().count(),
        changed.join(", ")
    );
}

/// The generated inputs are the shapes the hashes should cover: every
/// segment, with and without orders, and the edge shapes.
#[test]
fn generated_inputs_cover_the_edge_shapes() {
    let inputs = generated_inputs();
    let count = |f: &dyn Fn(&Value) -> bool| inputs.iter().filter(|v| f(v)).count();
    let c = |v: &Value, k: &str| v["client"].get(k).is_some();
    assert!(count(&|v| v["client"]["orders"].as_array().is_some_and(Vec::is_empty)) > 500);
    assert!(count(&|v| c(v, "service")) > 2000);
    assert!(count(&|v| v["client"]["service"].get("frozenFrom").is_some()) > 300);
    assert!(count(&|v| c(v, "incidents")) > 1000);
    assert!(count(&|v| c(v, "history")) > 2000);
    assert!(
        count(&|v| v["client"]["orderCycleDays"]
            .as_i64()
            .is_some_and(|d| d < 14))
            > 200
    );
    for s in SEGMENTS {
        assert!(count(&|v| v["client"]["segment"] == *s) > 1000, "{s}");
    }
}
