//! The three worked examples of seed 004 (DOMAIN.md R2), reproduced from
//! `summary.perCycle` and from the dated touches themselves.

mod common;

use common::*;
use touchplan::TouchKind::{self, *};

const R2_KINDS: &[TouchKind] = &[Mandatory, Standard, Greeting, Need];

#[test]
fn transactional_monthly_cycle_gives_five_touches_a_month() {
    let p = plan(&sample("transactional-monthly"));
    let pc = &p.summary.per_cycle;
    assert_eq!(
        (pc.cycle_days, pc.mandatory, pc.standard, pc.need, pc.total),
        (30, 2, 1, 2, 5)
    );
    // The cycle from the order of 2026-12-18 to the next one.
    assert_eq!(count_manager(&p, "2026-12-18", "2027-01-17", R2_KINDS), 5);
    assert_eq!(
        count_manager(&p, "2026-12-18", "2027-01-17", &[Mandatory]),
        2
    );
    assert_eq!(count_manager(&p, "2026-12-18", "2027-01-17", &[Need]), 2);
    assert_eq!(count_manager(&p, "2027-01-17", "2027-02-16", R2_KINDS), 5);
}

#[test]
fn transactional_two_month_cycle_gives_six_touches() {
    let p = plan(&sample("transactional-bimonthly"));
    let pc = &p.summary.per_cycle;
    assert_eq!(
        (pc.cycle_days, pc.mandatory, pc.standard, pc.need, pc.total),
        (60, 2, 2, 2, 6)
    );
    assert_eq!(count_manager(&p, "2026-11-18", "2027-01-17", R2_KINDS), 6);
    assert_eq!(count_manager(&p, "2027-01-17", "2027-03-18", R2_KINDS), 6);
}

#[test]
fn consultative_a_client_gets_seventeen_plus_two_events_and_the_meeting() {
    let p = plan(&sample("consultative-a"));
    let pc = &p.summary.per_cycle;
    assert_eq!(
        (pc.cycle_days, pc.mandatory, pc.standard, pc.need, pc.total),
        (365, 3, 12, 2, 17)
    );
    let (from, to) = ("2026-11-24", "2027-11-24");
    assert_eq!(count_manager(&p, from, to, R2_KINDS), 17);
    assert_eq!(count_manager(&p, from, to, &[Mandatory]), 3);
    assert_eq!(count_manager(&p, from, to, &[Need]), 2);
    assert_eq!(count_manager(&p, from, to, &[Event]), 2);
    assert_eq!(count_manager(&p, from, to, &[Meeting]), 1);
    assert_eq!(
        count_manager(
            &p,
            from,
            to,
            &[Mandatory, Standard, Greeting, Need, Event, Meeting]
        ),
        20
    );
    assert_eq!(p.summary.by_kind[&Meeting], 1);
}

#[test]
fn consultative_b_client_gets_nineteen() {
    let p = plan(&sample("consultative-b"));
    assert_eq!(p.summary.per_cycle.total, 17);
    let (from, to) = ("2026-11-24", "2027-11-24");
    assert_eq!(
        count_manager(
            &p,
            from,
            to,
            &[Mandatory, Standard, Greeting, Need, Event, Meeting]
        ),
        19
    );
    assert_eq!(count_manager(&p, from, to, &[Meeting]), 0);
}

#[test]
fn consultative_year_is_about_one_touch_every_three_weeks() {
    let p = plan(&sample("consultative-b"));
    let avg = p.summary.avg_gap_days.expect("several touches");
    assert!((14.0..=24.0).contains(&avg), "average gap {avg}");
}
