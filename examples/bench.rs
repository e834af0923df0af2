//! Native baseline for `npm run bench`: the same inputs and the same work
//! as the browser run, without the wasm boundary.
//!
//! `cargo run --release --example bench -- INPUTS.json` where the file holds
//! `{"typical": PlanInput, "clients": [PlanInput, ...]}` (written by
//! scripts/bench.mjs). Prints one JSON object of timings.

use std::time::Instant;

fn main() {
    let path = std::env::args()
        .nth(1)
        .expect("usage: bench INPUTS.json (written by scripts/bench.mjs)");
    let text = std::fs::read_to_string(&path).expect("readable inputs");
    let inputs: serde_json::Value = serde_json::from_str(&text).expect("inputs are JSON");
    let typical = &inputs["typical"];
    let clients = inputs["clients"].as_array().expect("clients[]");

    // One plan: batches of 100 calls, median of the per-call means, as the
    // browser run does it.
    for _ in 0..200 {
        std::hint::black_box(touchplan::plan(typical).ok());
    }
    let mut per_call = Vec::new();
    for _ in 0..50 {
        let start = Instant::now();
        for _ in 0..100 {
            std::hint::black_box(touchplan::plan(typical).ok());
        }
        per_call.push(start.elapsed().as_secs_f64() * 1e6 / 100.0);
    }

    // 10,000 clients, the engine alone and with the plans serialised to JSON
    // (the browser run must also hand every plan to JavaScript).
    let mut many = Vec::new();
    let mut many_json = Vec::new();
    let mut touches = 0;
    let mut errors = 0;
    for _ in 0..3 {
        let start = Instant::now();
        let plans: Vec<_> = clients.iter().map(touchplan::plan).collect();
        many.push(start.elapsed().as_secs_f64() * 1e3);
        let start = Instant::now();
        let json: Vec<String> = plans
            .iter()
            .map(|p| match p {
                Ok(plan) => serde_json::to_string(plan).expect("a plan serialises"),
                Err(e) => e.to_string(),
            })
            .collect();
        many_json.push(many[many.len() - 1] + start.elapsed().as_secs_f64() * 1e3);
        std::hint::black_box(json);
        touches = plans.iter().flatten().map(|p| p.touches.len()).sum::<usize>();
        errors = plans.iter().filter(|p| p.is_err()).count();
    }

    println!(
        "{}",
        serde_json::json!({
            "onePlanUs": median(&mut per_call),
            "many10kMs": median(&mut many),
            "many10kWithJsonMs": median(&mut many_json),
            "clients": clients.len(),
            "touches": touches,
            "errors": errors,
        })
    );
}

fn median(v: &mut [f64]) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}
