//! Review 11, finding 3: R3's automated top-ups add only the standard
//! touches a cycle is missing. DOMAIN R3: "where the manager's plan is below
//! 2:1 it proposes the missing standard touches as automated ones"; R2:
//! "greetings are standard touches and do count among the C"; "How the
//! rules combine": "standard (offers and the apology follow-up included)".

mod common;

use common::{has_reason, has_warning, monthly_a, plan, widget_sample};
use serde_json::json;
use touchplan::{Plan, TouchKind};

/// The manager's standard purposes (greetings and the apology follow-up
/// included) and R3's top-ups in `[from, to)`.
fn standard_in(p: &Plan, from: &str, to: &str) -> (usize, usize) {
    let inside = p
        .touches
        .iter()
        .filter(|t| t.date.as_str() >= from && t.date.as_str() < to);
    let (mut manager, mut top_ups) = (0, 0);
    for t in inside {
        if t.automated {
            top_ups += usize::from(t.rule == "R3");
            continue;
        }
        for k in common::purposes(t) {
            let follow_up = k == TouchKind::Apology && has_reason(t, "apology_follow_up");
            if matches!(k, TouchKind::Standard | TouchKind::Greeting) || follow_up {
                manager += 1;
            }
        }
    }
    (manager, top_ups)
}

/// The widget sample's cycle from the order expected about 13 Dec 2026 to
/// the next (about 12 Jan 2027) already holds two standard touches by the
/// manager — the apology follow-up of 23 Dec and the New Year greeting of
/// 30 Dec —; 2 mandatory steps × 2 needs two top-ups, not three (11 Jan
/// was a third). A cycle with only R2's one standard touch keeps three.
#[test]
fn top_ups_fill_only_the_standard_touches_a_cycle_misses() {
    let mut minimal = monthly_a(&["phone", "messenger", "email"]);
    minimal["client"]["incidents"] =
        json!([{ "date": "2026-11-23", "summary": "Задержка отгрузки" }]);
    for (name, v) in [("widget", widget_sample()), ("minimal", minimal)] {
        let p = plan(&v);
        let (manager, top_ups) = standard_in(&p, "2026-12-13", "2027-01-12");
        assert_eq!(manager, 2, "{name}: follow-up and New Year");
        assert_eq!(top_ups, 2, "{name}: top-ups 13 Dec – 11 Jan");
        let (manager, top_ups) = standard_in(&p, "2027-01-12", "2027-02-11");
        assert_eq!((manager, top_ups), (1, 3), "{name}: 12 Jan – 10 Feb");
        assert!(!has_warning(&p, "ratio_below_target"), "{name}");
    }
}
