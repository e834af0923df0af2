//! Levelled books stay byte-identical (issue 19, a speed change to R16's
//! levelling): generated books — the sample clients of `examples/clients/`
//! with their orders shifted, one manager or several, capacities from 1 to
//! 12, slack 0 to 4 — planned by `planBook`, their compact JSON (every
//! client's levelled touches, each manager's load, moves and overloads)
//! hashed and compared with `tests/book_hashes.txt`.
//!
//! A speed change must leave this test passing with the file unchanged.
//! `UPDATE_BOOK_HASHES=1 cargo test --release --test book_hashes` rewrites
//! the file; do that only in a commit that changes levelling on purpose and
//! says why. The hash is 64-bit FNV-1a, the generator a seeded SplitMix64,
//! as in tests/plan_hashes.rs.

mod common;
use common::{sample, Rng, EXAMPLES};

use serde_json::{json, Value};
use std::fmt::Write as _;

const FILE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/book_hashes.txt");
const SEED: u64 = 0x626f_6f6b_6861_7368;
const BOOKS: usize = 48;

fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// Every date string under `v` moved by `days` (orders, history, events
/// and birthdays alike), so that alike clients crowd different days.
fn shift(v: &mut Value, days: i64) {
    match v {
        Value::String(s) => {
            if let Ok(d) = chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d") {
                *s = (d + chrono::Duration::days(days))
                    .format("%Y-%m-%d")
                    .to_string();
            }
        }
        Value::Array(a) => a.iter_mut().for_each(|x| shift(x, days)),
        Value::Object(o) => o.values_mut().for_each(|x| shift(x, days)),
        _ => {}
    }
}

fn book(rng: &mut Rng, samples: &[Value], k: usize) -> Value {
    let n = [5, 14, 40, 120][k % 4];
    let managers = 1 + rng.below(4) as usize;
    let capacity = [1, 2, 3, 4, 6, 8, 12][rng.below(7) as usize];
    let slack = rng.below(5);
    let spread = 1 + rng.below(30) as i64;
    let clients: Vec<Value> = (0..n)
        .map(|i| {
            let mut c = samples[rng.below(samples.len() as u64) as usize].clone();
            shift(&mut c, rng.below(spread as u64) as i64 - spread / 2);
            c["id"] = json!(format!("c{i}"));
            if managers > 1 || rng.below(10) > 0 {
                c["manager"] = json!(format!("m{}", rng.below(managers as u64)));
            }
            c
        })
        .collect();
    json!({
        "today": "2026-11-24", "horizonMonths": 1 + rng.below(12),
        "locale": if k % 2 == 0 { "ru" } else { "en" },
        "settings": { "managerDailyCapacity": capacity, "levelSlackDays": slack },
        "clients": clients,
    })
}

fn output(input: &Value) -> String {
    match touchplan::plan_book(input) {
        Ok(b) => serde_json::to_string(&b.compact()).expect("a book serialises"),
        Err(e) => format!("error:{}", serde_json::to_string(&e).expect("errors")),
    }
}

#[test]
fn levelled_books_are_unchanged() {
    let samples: Vec<Value> = EXAMPLES
        .iter()
        .map(|name| sample(name)["client"].clone())
        .collect();
    let mut rng = Rng(SEED);
    let mut text = String::from(
        "# FNV-1a 64 of each generated book's compact JSON (tests/book_hashes.rs). Update only\n\
         # in a levelling behaviour commit that says why: UPDATE_BOOK_HASHES=1 cargo test --release --test book_hashes\n",
    );
    let mut moved = 0;
    for k in 0..BOOKS {
        let input = book(&mut rng, &samples, k);
        let out = output(&input);
        moved += out.matches("\"from\":").count();
        writeln!(text, "book {k} {:016x}", fnv1a(out.as_bytes())).unwrap();
    }
    // The books exercise levelling, not only planning.
    assert!(moved > 100, "only {moved} moves");
    if std::env::var_os("UPDATE_BOOK_HASHES").is_some() {
        std::fs::write(FILE, &text).expect("hash file written");
        return;
    }
    let expected = std::fs::read_to_string(FILE).expect("tests/book_hashes.txt");
    let diff: Vec<String> = expected
        .lines()
        .zip(text.lines())
        .filter(|(a, b)| a != b)
        .map(|(a, b)| format!("expected {a}, got {b}"))
        .collect();
    assert!(
        diff.is_empty() && expected.lines().count() == text.lines().count(),
        "{}",
        diff.join("\n")
    );
}
