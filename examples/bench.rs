//! Native baseline for `npm run bench`: the same inputs and the same work
//! as the browser run, without the wasm boundary.
//!
//! `cargo run --release --example bench -- INPUTS.json` where the file holds
//! `{"typical": PlanInput, "clients": [PlanInput, ...]}` (written by
//! scripts/bench.mjs). Prints one JSON object of timings.
//!
//! `cargo run --release --example bench -- --worst [--runs N] [--out DIR] CASE.json...`
//! times one `PlanInput` per file instead (the worst cases at the
//! contract's limits), and prints one JSON object with an entry per file;
//! `--out` also writes each plan's JSON there, under the case's file name.

use std::time::Instant;

/// CPU time of this thread, in ms: on a machine shared with other work
/// the wall clock counts their time too. `None` off Linux.
#[cfg(target_os = "linux")]
fn cpu_ms() -> Option<f64> {
    #[repr(C)]
    struct Timespec {
        sec: i64,
        nsec: i64,
    }
    extern "C" {
        fn clock_gettime(clock: i32, ts: *mut Timespec) -> i32;
    }
    const CLOCK_THREAD_CPUTIME_ID: i32 = 3;
    let mut ts = Timespec { sec: 0, nsec: 0 };
    // SAFETY: clock_gettime writes one timespec, which `ts` is.
    let ok = unsafe { clock_gettime(CLOCK_THREAD_CPUTIME_ID, &mut ts) } == 0;
    ok.then(|| ts.sec as f64 * 1e3 + ts.nsec as f64 / 1e6)
}

#[cfg(not(target_os = "linux"))]
fn cpu_ms() -> Option<f64> {
    None
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--worst") {
        return worst(&args[1..]);
    }
    let path = args
        .first()
        .expect("usage: bench INPUTS.json (written by scripts/bench.mjs)");
    let text = std::fs::read_to_string(path).expect("readable inputs");
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
        touches = plans
            .iter()
            .flatten()
            .map(|p| p.touches.len())
            .sum::<usize>();
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

/// Each file one plan: the engine alone (input already a JSON value:
/// validation, planning, the plan built) and from JSON text to JSON text
/// (the closest native equivalent of the wasm boundary), median of `runs`
/// after one warm-up, with the plan's size and counts.
fn worst(args: &[String]) {
    let mut runs = 5;
    let mut out_dir = None;
    let mut files = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        if a == "--runs" {
            runs = it.next().and_then(|n| n.parse().ok()).expect("--runs N");
        } else if a == "--out" {
            out_dir = Some(std::path::PathBuf::from(it.next().expect("--out DIR")));
        } else {
            files.push(a);
        }
    }
    let mut out = Vec::new();
    for path in files {
        let text = std::fs::read_to_string(path).expect("readable case");
        let start = Instant::now();
        let value: serde_json::Value = serde_json::from_str(&text).expect("a case is JSON");
        let parse_ms = start.elapsed().as_secs_f64() * 1e3;
        let (mut engine, mut engine_cpu) = (Vec::new(), Vec::new());
        let (mut with_json, mut with_json_cpu) = (Vec::new(), Vec::new());
        let mut result = None;
        for run in 0..=runs {
            let (start, cpu) = (Instant::now(), cpu_ms());
            let plan = touchplan::plan(&value);
            std::hint::black_box(&plan);
            drop(plan);
            let engine_ms = start.elapsed().as_secs_f64() * 1e3;
            let engine_cpu_ms = cpu.zip(cpu_ms()).map(|(a, b)| b - a);
            let (start, cpu) = (Instant::now(), cpu_ms());
            let plan = touchplan::plan_json(&text);
            let json = match &plan {
                Ok(p) => serde_json::to_string(p).expect("a plan serialises"),
                Err(e) => e.to_string(),
            };
            let json_ms = start.elapsed().as_secs_f64() * 1e3;
            let json_cpu_ms = cpu.zip(cpu_ms()).map(|(a, b)| b - a);
            if run > 0 {
                engine.push(engine_ms);
                with_json.push(json_ms);
                engine_cpu.extend(engine_cpu_ms);
                with_json_cpu.extend(json_cpu_ms);
            }
            result = Some((plan, json));
        }
        let cpu_median = |v: &mut Vec<f64>| (!v.is_empty()).then(|| median(v));
        let (plan, json) = result.expect("at least one run");
        if let Some(dir) = &out_dir {
            let name = std::path::Path::new(path).file_name().expect("a file name");
            std::fs::write(dir.join(name), &json).expect("writable --out");
        }
        let mut entry = serde_json::json!({
            "file": path,
            "inputBytes": text.len(),
            "parseMs": parse_ms,
            "engineMs": median(&mut engine),
            "engineCpuMs": cpu_median(&mut engine_cpu),
            "withJsonMs": median(&mut with_json),
            "withJsonCpuMs": cpu_median(&mut with_json_cpu),
        });
        let more = match plan {
            Ok(p) => serde_json::json!({
                "planBytes": json.len(),
                "touches": p.touches.len(),
                "warnings": p.warnings.len(),
                "warningDates": p.warnings.iter().map(|w| w.dates.as_ref().map_or(1, Vec::len)).sum::<usize>(),
            }),
            // Refused: the times are those of the refusal.
            Err(e) => serde_json::json!({
                "refused": e.errors.first().map(|x| x.code.clone()),
                "error": e.to_string(),
            }),
        };
        if let (Some(entry), serde_json::Value::Object(more)) = (entry.as_object_mut(), more) {
            entry.extend(more);
        }
        out.push(entry);
    }
    println!("{}", serde_json::json!({ "worst": out }));
}

fn median(v: &mut [f64]) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}
