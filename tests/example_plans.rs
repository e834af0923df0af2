//! The example clients' plans as a manager reads them (Russian), kept in
//! docs/example-plans/: a change to any rule that alters an example's plan
//! shows here as a diff to read and commit, never silently.
//!
//! ```text
//! UPDATE_EXAMPLE_PLANS=1 cargo test --release --test example_plans
//! ```

use std::fs;
use std::path::Path;

#[test]
fn example_plans_match_docs_example_plans() {
    let update = std::env::var_os("UPDATE_EXAMPLE_PLANS").is_some();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut names: Vec<String> = fs::read_dir(root.join("examples/clients"))
        .expect("examples/clients")
        .filter_map(|e| {
            let name = e.ok()?.file_name().into_string().ok()?;
            name.strip_suffix(".json").map(str::to_owned)
        })
        .collect();
    names.sort();
    assert!(names.len() >= 14, "{names:?}");
    let mut stale = Vec::new();
    for name in &names {
        let text = fs::read_to_string(root.join(format!("examples/clients/{name}.json"))).unwrap();
        let mut input: serde_json::Value = serde_json::from_str(&text).unwrap();
        input["locale"] = "ru".into();
        let plan = touchplan::plan(&input).unwrap_or_else(|e| panic!("{name}: {e}"));
        let printed = touchplan::render_text(&plan);
        let file = root.join(format!("docs/example-plans/{name}.txt"));
        if update {
            fs::write(&file, &printed).unwrap();
        } else if fs::read_to_string(&file).ok().as_deref() != Some(printed.as_str()) {
            stale.push(name.clone());
        }
    }
    assert!(
        stale.is_empty(),
        "plans changed for {stale:?}: read the new plans (UPDATE_EXAMPLE_PLANS=1 cargo test --release --test example_plans), then commit docs/example-plans/"
    );
}
