//! Plans a sample book and prints one manager's load before and after
//! levelling (R16), what moved, and the size of the compact form against
//! the same plans as `planMany` gives them.
//!
//! ```text
//! cargo run --release --example book -- [clients, 200] [capacity, 12] [out.json]
//! ```
//!
//! The book cycles through the clients of `examples/clients/` (ids made
//! unique), all with one manager, today 2026-12-01, a 12-month horizon.
//! `BOOK_CLIENTS=file.json` cycles through that array of clients instead
//! (e.g. `www/book/sample-200.csv` as the page reads it), and
//! `BOOK_MANAGERS=k` spreads the clients over `k` managers in turn.

use std::time::Instant;

use serde_json::{json, Value};

fn main() {
    let mut args = std::env::args().skip(1);
    let n: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(200);
    let capacity: u32 = args.next().and_then(|a| a.parse().ok()).unwrap_or(12);
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/clients");
    // Every sample client, by file name (the order tests/common's list keeps).
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("examples/clients")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    let samples: Vec<Value> = match std::env::var("BOOK_CLIENTS") {
        Ok(path) => {
            let text = std::fs::read_to_string(path).expect("BOOK_CLIENTS");
            serde_json::from_str(&text).expect("an array of clients")
        }
        Err(_) => files
            .iter()
            .map(|path| {
                let text = std::fs::read_to_string(path).expect("sample");
                serde_json::from_str::<Value>(&text).expect("JSON")["client"].clone()
            })
            .collect(),
    };
    let managers: usize = std::env::var("BOOK_MANAGERS")
        .ok()
        .and_then(|k| k.parse().ok())
        .unwrap_or(1)
        .max(1);
    let clients: Vec<Value> = (0..n)
        .map(|i| {
            let mut c = samples[i % samples.len()].clone();
            c["id"] = json!(format!("{}-{i}", c["id"].as_str().unwrap_or("c")));
            c["manager"] = match managers {
                1 => json!("Анна"),
                _ => json!(format!("Менеджер {}", i % managers + 1)),
            };
            c
        })
        .collect();
    let input = json!({
        "today": "2026-12-01", "horizonMonths": 12, "locale": "ru",
        "settings": { "managerDailyCapacity": capacity }, "clients": clients,
    });
    let start = Instant::now();
    let book = touchplan::plan_book(&input).expect("a valid book");
    let planned = start.elapsed();
    let start = Instant::now();
    let compact = serde_json::to_string(&book.compact()).expect("JSON");
    let written = start.elapsed();
    if let Some(path) = args.next() {
        std::fs::write(&path, &compact).expect("written");
    }
    println!("{n} clients, capacity {capacity}: planned and levelled in {planned:.1?}, compact JSON in {written:.1?}");
    // The plans as `planMany` gives them, unless `BOOK_FULL=0` (a GB of
    // text for 10,000 clients).
    if std::env::var("BOOK_FULL").map_or(true, |v| v != "0") {
        let full: Vec<&touchplan::Plan> = book
            .clients
            .iter()
            .filter_map(|c| c.plan.as_ref().ok())
            .collect();
        let full = serde_json::to_string(&full).expect("JSON");
        println!(
            "compact {} bytes, plans as planMany gives them {} bytes ({:.0}%)",
            compact.len(),
            full.len(),
            100.0 * compact.len() as f64 / full.len() as f64
        );
    } else {
        println!("compact {} bytes", compact.len());
    }
    for m in &book.managers {
        let (l, capacity) = (&m.levelled, m.capacity);
        let stats = |f: fn(&touchplan::engine::level::DayLoad) -> u32| {
            let max = l.days.iter().map(f).max().unwrap_or(0);
            let busy: Vec<u32> = l.days.iter().map(f).filter(|x| *x > 0).collect();
            let mean = busy.iter().sum::<u32>() as f64 / busy.len().max(1) as f64;
            let over = busy.iter().filter(|x| **x > capacity).count();
            (max, mean, over, busy.len())
        };
        let (bm, bmean, bover, bdays) = stats(|d| d.before);
        let (am, amean, aover, adays) = stats(|d| d.after);
        println!(
            "manager {} (capacity {capacity}):",
            m.name.as_deref().unwrap_or("—")
        );
        println!("  before: max {bm}, mean {bmean:.1} over {bdays} busy days, {bover} days over capacity");
        println!("  after:  max {am}, mean {amean:.1} over {adays} busy days, {aover} days over capacity");
        println!("  moved {} touches", l.moves.len());
    }
}
