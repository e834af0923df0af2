//! Session-6 review findings on bakery-incident, advertising-campaign and
//! no-orders: short cycles keep standard touches with marketing (R2), the
//! apology follow-up reads as such, warnings name their cause and dates
//! (What the manager reads), and a client without orders hears varied,
//! true reasons (R1).

mod common;

use common::{plan, purposes, sample};
use serde_json::Value;
use touchplan::{render_text, to_csv, Plan, TouchKind};

fn example(name: &str) -> Plan {
    plan(&sample(name))
}

fn example_in(name: &str, locale: &str) -> Plan {
    let mut v = sample(name);
    v["locale"] = Value::from(locale);
    plan(&v)
}

/// R2: under a month the manager has no time for standard touches; they
/// go to marketing. No manager touch of the bakery (7-day cycle) carries a
/// standard purpose: not January's standard touch pushed out of the quiet
/// after the failure (it stays automated on a later day), not the
/// technologist's content item (it reaches him automatically).
#[test]
fn short_cycle_standard_touches_stay_with_marketing() {
    let p = example("bakery-incident");
    for t in &p.touches {
        if purposes(t).contains(&TouchKind::Standard) {
            assert!(t.automated, "{} is a manager's standard touch", t.date);
        }
    }
    let jan: Vec<_> = p
        .touches
        .iter()
        .filter(|t| t.date.starts_with("2027-01") && t.kind == TouchKind::Standard)
        .collect();
    assert_eq!(jan.len(), 1, "January has its automated standard touch");
    assert!(jan[0].date.as_str() > "2027-01-13", "after the quiet");
    let rye = p
        .touches
        .iter()
        .find(|t| t.reasons[0].title.contains("Рецептура ржаного хлеба"))
        .expect("the rye-bread item reaches the technologist");
    assert!(rye.automated);
    assert_eq!(rye.contact.as_deref(), Some("Павел Зуев"));
}

/// Protection list: the apology follow-up is a standard-class touch, not a
/// second apology; its `kind` stays `apology` (CONTRACT) but it is shown
/// as "после сбоя" / "follow-up" in the text plan and in the CSV.
#[test]
fn the_apology_follow_up_is_labelled_apart_from_the_apology() {
    let p = example("bakery-incident");
    let text = render_text(&p);
    let line = text
        .lines()
        .find(|l| l.contains("2027-01-29"))
        .expect("the follow-up's line");
    assert!(line.contains("после сбоя"), "{line}");
    assert!(!line.contains("извинение"), "{line}");
    let csv = to_csv(&p);
    let row = csv.lines().find(|l| l.contains("29.01.2027")).expect("row");
    assert!(row.contains("После сбоя"), "{row}");
    let en = example_in("bakery-incident", "en");
    let text = render_text(&en);
    let line = text.lines().find(|l| l.contains("2027-01-29")).unwrap();
    assert!(line.contains("follow-up"), "{line}");
    // The apology itself keeps its word.
    let line = text.lines().find(|l| l.contains("2027-01-11")).unwrap();
    assert!(line.contains("apology"), "{line}");
}

/// What the manager reads: a fulfilment that finds no working day names
/// every step that did not fit, once; the order's day is in its `dates`.
#[test]
fn a_fulfilment_without_a_working_day_names_the_order_and_its_steps() {
    let p = example("bakery-incident");
    let dropped: Vec<_> = p
        .warnings
        .iter()
        .filter(|w| w.code == "dropped" && w.rule.as_deref() == Some("R14"))
        .collect();
    assert_eq!(dropped.len(), 1, "{dropped:?}");
    let m = &dropped[0].message;
    assert_eq!(dropped[0].dates, Some(vec!["2027-01-04".to_string()]));
    assert!(
        m.contains("Отгрузка заказа") && m.contains("Приёмка заказа"),
        "{m}"
    );
}

/// R13 / What may merge: touches to different people cannot merge; the
/// less protected one moves to a day keeping the merge gap. Where the
/// client's own rhythm (an order a week, a shipment and an acceptance
/// message each) leaves no such day, merging helps one step away: the two
/// fulfilment steps of an order to the buyer become one contact, and the
/// call about the next order to the director keeps its day. Nothing is
/// dropped, no two touches stand closer than the gap, and R2's short-cycle
/// floors hold: a need call and an automated touch every month.
#[test]
fn a_merge_gap_the_rhythm_cannot_keep_is_kept_by_merging_an_orders_steps() {
    let p = example("bakery-incident");
    assert!(p.warnings.iter().all(|w| w.code != "merge_gap"));
    assert!(
        p.warnings
            .iter()
            .all(|w| !(w.code == "dropped" && w.message.contains("ближе 2 дн."))),
        "{:#?}",
        p.warnings
    );
    let days: Vec<&str> = p
        .touches
        .iter()
        .filter(|t| t.scheduled != Some(true))
        .map(|t| t.date.as_str())
        .collect();
    let day = |s: &str| touchplan::Date::parse_from_str(s, "%Y-%m-%d").unwrap();
    for pair in days.windows(2) {
        assert!(
            (day(pair[1]) - day(pair[0])).num_days() >= 2,
            "{} is close to {}",
            pair[1],
            pair[0]
        );
    }
    // Every month of the horizon (Dec 2026 – Nov 2027): one need call and
    // at least one automated touch.
    for m in 0..12 {
        let (y, mo) = if m == 0 { (2026, 12) } else { (2027, m) };
        let ym = format!("{y}-{mo:02}");
        let in_month = |t: &&touchplan::Touch| t.date.starts_with(&ym);
        let needs = p
            .touches
            .iter()
            .filter(in_month)
            .filter(|t| t.kind == touchplan::TouchKind::Need)
            .count();
        assert_eq!(needs, 1, "need calls in {ym}");
        assert!(
            p.touches.iter().filter(in_month).any(|t| t.automated),
            "an automated touch in {ym}"
        );
    }
    // Where two steps share one contact, both are on it.
    let both = p
        .touches
        .iter()
        .filter(|t| t.why.contains("Отгрузка заказа, Приёмка заказа"))
        .count();
    assert!(both >= 12, "{both} merged fulfilment contacts");
}

/// R6 over the New Year holidays: no working day lies in the gap, so the
/// warning does not ask for a call in it; it names the holidays and says
/// what to do on the last touch before them.
#[test]
fn a_reaction_gap_over_holidays_says_so() {
    let p = example("advertising-campaign");
    let w = p
        .warnings
        .iter()
        .find(|w| w.code == "gap_exceeded")
        .expect("the gap over the holidays is reported");
    assert!(!w.message.contains("после этих дат"), "{}", w.message);
    assert!(w.message.contains("праздн"), "{}", w.message);
    assert!(w.message.contains("30 декабря 2026"), "{}", w.message);
    assert!(w.message.contains("11 января 2027"), "{}", w.message);
}

/// R1: a merged need + standard touch shows its standard purpose in its
/// `why`, and a standard purpose without a specific reason is a slot in
/// `no_specific_reason`, merged or not.
#[test]
fn a_merged_standard_purpose_shows_itself_and_its_slot() {
    let p = example("no-orders");
    let slots = p
        .warnings
        .iter()
        .find(|w| w.code == "no_specific_reason")
        .and_then(|w| w.dates.clone())
        .unwrap_or_default();
    let merged: Vec<_> = p
        .touches
        .iter()
        .filter(|t| purposes(t).contains(&TouchKind::Standard) && purposes(t).len() > 1)
        .collect();
    assert!(merged.len() >= 10);
    for t in merged {
        assert!(slots.contains(&t.date), "{} not listed as a slot", t.date);
        let lead = &t.reasons[1].title;
        assert!(t.why.contains(lead.as_str()), "{}: {}", t.date, t.why);
    }
}

/// R1 and freshness: a client that never ordered hears of a first order,
/// not of a "next" one, and its need touches do not all say the same.
#[test]
fn a_client_without_orders_hears_varied_first_order_reasons() {
    let p = example("no-orders");
    let need: Vec<_> = p
        .touches
        .iter()
        .filter(|t| t.kind == TouchKind::Need)
        .collect();
    for t in &need {
        let r = &t.reasons[0];
        assert!(
            !r.title.contains("следующ")
                && !r.hint.contains("следующ")
                && !r.why.contains("следующ"),
            "{}: {} — {}",
            t.date,
            r.title,
            r.hint
        );
    }
    let leads: std::collections::BTreeSet<_> = need.iter().map(|t| &t.reasons[0].code).collect();
    let whys: std::collections::BTreeSet<_> = need.iter().map(|t| &t.why).collect();
    assert!(leads.len() >= 2, "{leads:?}");
    assert!(whys.len() >= 2, "{whys:?}");
}

/// R1, every text true: the monthly standard touch's `why` fits its lead.
/// A referral request, the loyalty programme or a gift is not "something
/// useful for the client's business" nor "a tip about what he already
/// has"; a private person's `why` does not assume a gender.
#[test]
fn the_standard_why_fits_its_lead() {
    for name in common::EXAMPLES {
        let p = example(name);
        for t in p
            .touches
            .iter()
            .filter(|t| t.kind == TouchKind::Standard && t.rule == "R2" && !t.automated)
        {
            let lead = t.reasons[0].code.as_str();
            assert!(!t.why.contains("у него"), "{name} {}: {}", t.date, t.why);
            let general = t.why.contains("что-то полезное") || t.why.contains("совет или новость");
            if matches!(lead, "referral" | "loyalty_programme" | "gift") {
                assert!(!general, "{name} {} led by {lead}: {}", t.date, t.why);
            }
        }
    }
    let p = example("car-buyer");
    let t = p
        .touches
        .iter()
        .find(|t| t.date == "2027-02-10")
        .expect("the February standard touch");
    assert_eq!(t.reasons[0].code, "referral");
    assert!(t.why.contains("рекомендац"), "{}", t.why);
}

/// What the manager reads in the printed plan: warnings give their dates
/// in words (never ISO) and their rule by number; a touch's rule number
/// stands beside its plain name, never alone (DOMAIN "What the manager
/// reads").
#[test]
fn the_printed_plan_says_dates_in_words_and_names_each_rule() {
    let iso = |s: &str| {
        s.as_bytes().windows(10).any(|w| {
            w[4] == b'-'
                && w[7] == b'-'
                && w.iter()
                    .enumerate()
                    .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
        })
    };
    for name in common::EXAMPLES {
        let text = render_text(&common::plan(&common::sample(name)));
        let warnings = text.split("\nПредупреждения:\n").nth(1).unwrap_or("");
        for line in warnings.lines() {
            assert!(!iso(line), "{name}: ISO date in a warning: {line}");
            // The number only beside the rule's plain name (DOMAIN).
            let named = line
                .split("(правило R")
                .nth(1)
                .is_some_and(|rest| rest.split(')').next().is_some_and(|r| r.contains(": ")));
            assert!(named, "{name}: a warning without its rule's name: {line}");
        }
        let header = text.lines().next().unwrap_or("");
        assert!(!iso(header), "{name}: ISO date in the header: {header}");
        for line in text.lines().filter(|l| l.starts_with("  20")) {
            let rule = line.split_whitespace().find(|w| w.starts_with("(R"));
            assert!(rule.is_some(), "{name}: no rule beside its name: {line}");
        }
    }
}
