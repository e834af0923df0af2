//! Session-6 fixes of review 7's contradictions (set C): the printed plan
//! shows no internal codes (DOMAIN "What the manager reads").

mod common;

use common::{plan, sample, EXAMPLES};
use touchplan::TouchKind;

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

/// R13 and R9: the New Year greetings of a client's people keep the merge
/// gap between them where a working day allows it (equipment-plant: the
/// decision maker on 30 Dec 2026, the influencer on Monday 28 Dec, not
/// 29 Dec with a warning).
#[test]
fn new_year_greetings_keep_the_merge_gap() {
    let p = plan(&sample("equipment-plant"));
    let greetings: Vec<_> = p
        .touches
        .iter()
        .filter(|t| t.kind == TouchKind::Greeting && t.date.as_str() >= "2026-12-20")
        .filter(|t| t.date.as_str() <= "2026-12-31")
        .map(|t| t.date.as_str())
        .collect();
    assert_eq!(greetings, ["2026-12-28", "2026-12-30"], "{greetings:?}");
    assert!(
        !p.warnings.iter().any(|w| w.code == "merge_gap"
            && w.dates.iter().flatten().any(|d| d.starts_with("2026-12-2"))),
        "{:?}",
        p.warnings
    );
}

/// R2 + R4: a service client in transactional sales gets a need touch a
/// few working days (`preOrderLeadWorkdays`, 3) before the renewal
/// decision, to the decision maker (advertising-campaign: the period ends
/// 31 Jan 2027, a Sunday; 3 working days before is 26 Jan).
#[test]
fn transactional_service_client_gets_a_need_touch_before_the_renewal() {
    let p = plan(&sample("advertising-campaign"));
    let need = p
        .touches
        .iter()
        .find(|t| {
            t.date.as_str() >= "2027-01-20"
                && t.date.as_str() <= "2027-01-29"
                && (t.kind == TouchKind::Need
                    || t.purposes.iter().flatten().any(|k| *k == TouchKind::Need))
        })
        .unwrap_or_else(|| panic!("no need touch before the renewal: {:#?}", p.touches));
    assert_eq!(need.contact.as_deref(), Some("Елена Соколова"), "{need:?}");
    assert!(!need.automated, "{need:?}");
}
