//! Session-6 minor fixes of the sixth review's findings (set B): texts
//! true on the touch's day (R1), a price change told in time to act
//! (R10), warnings that name their real cause ("What the manager reads").

mod common;

use common::{plan, sample, EXAMPLES};

/// R1: "every text is true on the touch's day". A final report cannot
/// exist before the period ends, so no touch before the end of a service
/// period suggests it, while the report itself still leads the step after
/// the end.
#[test]
fn final_report_is_not_offered_before_the_period_ends() {
    for name in EXAMPLES {
        let v = sample(name);
        let Some(end) = v["client"]["service"]["end"].as_str() else {
            continue;
        };
        let p = plan(&v);
        for t in &p.touches {
            if t.date.as_str() < end {
                assert!(
                    t.reasons.iter().all(|r| r.code != "final_report"),
                    "{name} {}: final report suggested before the end {end}",
                    t.date
                );
            }
        }
    }
    let p = plan(&sample("advertising-campaign"));
    let after = p
        .touches
        .iter()
        .find(|t| t.date == "2027-02-01")
        .expect("the step after the campaign");
    assert_eq!(
        after.reasons.first().map(|r| r.code.as_str()),
        Some("final_report")
    );
}
