//! Prints a readable touch calendar for a `PlanInput` JSON file.
//!
//! ```text
//! cargo run --example plan -- examples/clients/transactional-monthly.json [ru|en]
//! ```

use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: plan <input.json> [ru|en]");
        return ExitCode::from(2);
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{path}: {e}");
            return ExitCode::from(2);
        }
    };
    let mut value: serde_json::Value = match serde_json::from_str(&text) {
        Ok(v) => v,
        Err(e) => {
            eprintln!("{path}: {e}");
            return ExitCode::from(2);
        }
    };
    if let (Some(locale), Some(obj)) = (args.next(), value.as_object_mut()) {
        obj.insert("locale".into(), serde_json::Value::String(locale));
    }
    match touchplan::plan(&value) {
        Ok(plan) => {
            print!("{}", touchplan::render_text(&plan));
            ExitCode::SUCCESS
        }
        Err(errors) => {
            eprintln!("{errors}");
            ExitCode::from(1)
        }
    }
}
