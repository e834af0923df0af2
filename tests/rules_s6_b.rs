//! Session-6 fixes of review 6's findings on channels, price changes and
//! top-ups (set B): which touches get the personal turns of R7's rotation,
//! greetings and rotation (R9), price changes in automated segments (R8,
//! R10), price changes told in time (R10), a top-up that gives way (R3).

mod common;

use common::{manager, plan, sample};
use touchplan::{Channel, TouchKind};

/// The manager's touches (a scheduled message included) never repeat a
/// channel back to back, except a key touch or a greeting, which go ahead
/// of rotation (R7, R9).
fn assert_rotation(name: &str) {
    let p = plan(&sample(name));
    // A scheduled birthday message is one of them (R7, R9).
    let m: Vec<_> = manager(&p);
    for w in m.windows(2) {
        let ahead = matches!(
            w[1].kind,
            TouchKind::Greeting
                | TouchKind::Meeting
                | TouchKind::FirstDay
                | TouchKind::Renewal
                | TouchKind::Apology
        );
        assert!(
            ahead || w[0].channel != w[1].channel,
            "{name}: {} and {} both on {:?}",
            w[0].date,
            w[1].date,
            w[0].channel
        );
    }
}

/// R7: "prefer [personal contacts] for every manager touch where
/// accepted"; where rotation leaves the phone to only every other touch,
/// the post-purchase check and the need discovery that meets competitors
/// (R4) take the personal turns before mandatory steps and standard
/// touches. consultative-b (B, phone and e-mail): the check of a 12.5 M
/// order went by e-mail and both need touches too, while the technician's
/// three mandatory steps took the calls; distributor-d: 10 of 12 pre-order
/// need touches by e-mail, the buyer's shipment notes by messenger.
#[test]
fn r7_check_and_need_touches_take_the_personal_turns() {
    let p = plan(&sample("consultative-b"));
    for t in manager(&p) {
        if matches!(t.kind, TouchKind::Check | TouchKind::Need) {
            assert_eq!(
                t.channel,
                Channel::Phone,
                "consultative-b {} {:?}",
                t.date,
                t.kind
            );
        }
    }
    assert_rotation("consultative-b");
    let p = plan(&sample("distributor-d"));
    let need: Vec<_> = manager(&p)
        .into_iter()
        .filter(|t| t.kind == TouchKind::Need)
        .collect();
    assert!(need.len() >= 12, "{}", need.len());
    for t in need {
        assert_ne!(t.channel, Channel::Email, "distributor-d {}", t.date);
    }
    assert_rotation("distributor-d");
}

/// R7, R9 (product choice `greetingsAheadOfRotation`, default true): a
/// greeting is personal and informal, a call or a personal message even
/// right after a call (consultative-a: the New Year call of 30 Dec 2026
/// follows the annual meeting call of 18 Dec). With the setting off,
/// greetings rotate like other touches: the greeting then goes by e-mail
/// and the need touches, which the greeting's call pushed onto e-mail,
/// get the calls.
#[test]
fn r9_greetings_ahead_of_rotation_is_a_setting() {
    let v = sample("consultative-a");
    let p = plan(&v);
    let ny = p
        .touches
        .iter()
        .find(|t| t.kind == TouchKind::Greeting)
        .expect("a New Year greeting");
    assert_eq!(ny.channel, Channel::Phone);
    let mut v = v;
    v["settings"] = serde_json::json!({ "greetingsAheadOfRotation": false });
    let p = plan(&v);
    let ny = p
        .touches
        .iter()
        .find(|t| t.kind == TouchKind::Greeting)
        .expect("a New Year greeting");
    assert_ne!(ny.channel, Channel::Phone, "{}", ny.date);
    for t in manager(&p) {
        if t.kind == TouchKind::Need {
            assert_eq!(t.channel, Channel::Phone, "{}", t.date);
        }
    }
    let m = manager(&p);
    for w in m.windows(2) {
        assert!(
            w[1].kind == TouchKind::Meeting || w[0].channel != w[1].channel,
            "{} and {}",
            w[0].date,
            w[1].date
        );
    }
}

/// R8, R10: a price change is information owed, not an offer, and it is a
/// standard reason; where the segment's standard touches are marketing's
/// (R8's table: C and D "automated"), the notice is marketing's automated
/// touch too, still before the new price. distributor-d's ВВГнг (+7% from
/// 1 Mar 2027) went as a manager's messenger touch; distributor-a (A)
/// keeps the manager's touch.
#[test]
fn r10_price_change_is_automated_where_standard_touches_are() {
    let told = |name: &str| {
        let p = plan(&sample(name));
        p.touches
            .into_iter()
            .filter(|t| {
                t.rule == "R10" && t.reasons.first().is_some_and(|r| r.code == "price_change")
            })
            .collect::<Vec<_>>()
    };
    let d = told("distributor-d");
    assert_eq!(d.len(), 1, "{d:?}");
    assert!(d[0].automated, "{}", d[0].date);
    assert!(d[0].date.as_str() < "2027-03-01");
    let a = told("distributor-a");
    assert_eq!(a.len(), 1);
    assert!(!a[0].automated);
}
