//! Session-6 fixes of review 7's contradictions (set C): the printed plan
//! shows no internal codes (DOMAIN "What the manager reads").

mod common;

use common::{plan, sample, EXAMPLES};

/// The printed plan names every warning by a label in the plan's locale,
/// never by its code, and says a move's original day as the locale does.
#[test]
fn printed_plans_show_no_warning_codes_nor_iso_moves() {
    for locale in ["ru", "en"] {
        for name in EXAMPLES {
            let mut input = sample(name);
            input["locale"] = locale.into();
            let p = plan(&input);
            let text = touchplan::render_text(&p);
            for w in &p.warnings {
                assert!(
                    !text.contains(&format!("[{}]", w.code)),
                    "{name} ({locale}): the code {} is printed",
                    w.code
                );
            }
            for line in text.lines() {
                let moved = ["перенесено с ", "moved from "]
                    .iter()
                    .find_map(|m| line.split_once(m).map(|(_, rest)| rest));
                if let Some(rest) = moved {
                    assert!(
                        !rest.starts_with("20"),
                        "{name} ({locale}): an ISO date in {line:?}"
                    );
                }
            }
        }
    }
    let mut input = sample("equipment-plant");
    input["locale"] = "ru".into();
    let text = touchplan::render_text(&plan(&input));
    assert!(text.contains("Нет конкретного повода"), "{text}");
}
