//! Reason suggestions (R1, R10, R15): the rule's own reason first, then
//! content-plan items that fit the client, then catalog reasons ranked by
//! the client's data, the contact's role and freshness.

use std::collections::BTreeMap;

use chrono::Datelike;

use super::catalog::{self, ReasonDef, ReasonKind, Signal};
use super::context::Ctx;
use super::date::iso;
use super::draft::Draft;
use super::model::{Date, Locale, Role, TouchKind};
use super::output::ReasonSuggestion;
use super::rules::offers::{
    first_check, gates_hold, item_end, item_matches, item_start, Purchases, OFFERS,
};
use super::texts::Msg;

/// Suggestions kept per touch.
const KEEP: usize = 4;

/// Client facts the signals ask about, computed once per plan.
pub struct Facts {
    promo: bool,
    purchases: bool,
    /// Up to three things bought, sorted, for the purchases sentence.
    purchased: String,
    durable: Option<String>,
    first_check: Option<Date>,
    /// The content plan as this client sees it, by index: `None` for an
    /// unknown reason code.
    content: Vec<Option<ContentFit>>,
}

/// A content-plan item's reason and when it reaches this client.
struct ContentFit {
    def: &'static ReasonDef,
    start: Date,
    end: Date,
    /// R10: the item fits the client's segment, industry and purchases.
    matches: bool,
}

/// Computes [`Facts`].
pub fn facts(ctx: &Ctx) -> Facts {
    let c = &ctx.input.client;
    // R10: a durable purchase whose usual interval has passed.
    let mut by_thing: BTreeMap<&str, Vec<Date>> = BTreeMap::new();
    for o in &c.orders {
        for t in o.items.iter().chain(&o.categories) {
            by_thing.entry(t.as_str()).or_default().push(o.date);
        }
    }
    let min = i64::from(ctx.input.settings.durable_interval_days);
    let durable = by_thing.into_iter().find_map(|(thing, mut ds)| {
        ds.sort_unstable();
        ds.dedup();
        if ds.len() < 2 {
            return None;
        }
        let span = (ds[ds.len() - 1] - ds[0]).num_days() / (ds.len() as i64 - 1);
        (span >= min && (ctx.input.today - ds[ds.len() - 1]).num_days() >= span)
            .then(|| thing.to_string())
    });
    let bought = Purchases::of(ctx);
    let mut names: Vec<&str> = bought
        .categories
        .iter()
        .chain(&bought.items)
        .copied()
        .collect();
    names.sort_unstable();
    names.dedup();
    names.truncate(3);
    let check = first_check(ctx);
    let content = ctx
        .input
        .company
        .content_plan
        .iter()
        .map(|item| {
            catalog::find(&item.reason).map(|def| ContentFit {
                def,
                start: item_start(ctx, item),
                end: item_end(ctx, item),
                matches: item_matches(ctx, &bought, check, item),
            })
        })
        .collect();
    Facts {
        promo: c.promo_sensitive || c.orders.iter().any(|o| o.promo),
        purchased: names.join(", "),
        purchases: c
            .orders
            .iter()
            .any(|o| !o.categories.is_empty() || !o.items.is_empty()),
        durable,
        first_check: check,
        content,
    }
}

/// Signals that gate and, when they hold, make a reason client-specific.
fn specific_signal(s: Signal) -> bool {
    matches!(
        s,
        Signal::AfterCheck
            | Signal::Campaign
            | Signal::HasInterests
            | Signal::Loyal
            | Signal::DurableIntervalPassed
    )
}

fn title(r: &ReasonDef, l: Locale) -> (&'static str, &'static str) {
    match l {
        Locale::Ru => (r.title_ru, r.hint_ru),
        Locale::En => (r.title_en, r.hint_en),
    }
}

/// State carried across the touches of one plan (freshness, offer cap,
/// content items already used).
#[derive(Default)]
pub struct Ranking {
    recent: Vec<String>,
    /// Offers led with, per (year, month).
    offers: BTreeMap<(i32, u32), u32>,
    used_items: Vec<usize>,
    /// [`explain`]'s sentences by (catalog index, contact): the same for
    /// every touch of the plan.
    explained: BTreeMap<(usize, Option<usize>), String>,
}

impl Ranking {
    pub fn new(ctx: &Ctx) -> Self {
        let mut h: Vec<_> = ctx
            .input
            .client
            .history
            .iter()
            .filter(|h| h.date < ctx.from || h.date <= ctx.from)
            .collect();
        h.sort_by_key(|x| x.date);
        Ranking {
            recent: h.iter().filter_map(|x| x.reason.clone()).collect(),
            ..Ranking::default()
        }
    }
}

/// Ranks reasons for one touch. Returns the suggestions and whether the
/// touch has a specific reason (R1: else it is a slot).
pub fn rank(
    ctx: &Ctx,
    facts: &Facts,
    st: &mut Ranking,
    d: &Draft,
    contact: Option<usize>,
) -> (Vec<ReasonSuggestion>, bool) {
    let l = ctx.locale();
    let s = &ctx.input.settings;
    let month = (d.date.year(), d.date.month());
    let offers_left = st.offers.get(&month).copied().unwrap_or(0) < s.offers_per_month;
    let mut out: Vec<ReasonSuggestion> = Vec::new();
    let mut specific = false;
    // 1. The rules' own reasons, most protected purpose first.
    for p in &d.purposes {
        if let Some(code) = p.reason {
            if out.iter().any(|x| x.code == code) {
                continue;
            }
            if let Some(r) = catalog::find(code) {
                let (t, h) = title(r, l);
                out.push(ReasonSuggestion {
                    code: code.into(),
                    title: t.into(),
                    hint: h.into(),
                    score: 1.0,
                    why: ctx.msg(Msg::RwRule, &[p.rule]),
                });
                specific = true;
            }
        }
    }
    let kinds: Vec<TouchKind> = d.purposes.iter().map(|p| p.kind).collect();
    let serves = |r: &ReasonDef| r.serves.iter().any(|k| kinds.contains(k));
    // 2. Content-plan items available on the day (each used once).
    let items = &ctx.input.company.content_plan;
    let pinned: Vec<usize> = d.purposes.iter().filter_map(|p| p.content).collect();
    for (i, item) in items.iter().enumerate() {
        let Some(fit) = &facts.content[i] else {
            continue;
        };
        let r = fit.def;
        let is_pinned = pinned.contains(&i);
        if !is_pinned {
            if r.discouraged
                || !serves(r)
                || st.used_items.contains(&i)
                || item.delivery == super::model::Delivery::Automated
            {
                continue;
            }
            if item.reason == "event_invitation"
                && kinds.contains(&TouchKind::Event)
                && d.main().reason.is_some()
            {
                continue;
            }
            if d.date < fit.start || d.date > fit.end || !fit.matches {
                continue;
            }
            if OFFERS.contains(&r.code) && !offers_left {
                continue;
            }
        }
        let start = fit.start;
        let why = if start < item.date {
            ctx.msg(Msg::RwContentPilot, &[&iso(start), &item.title])
        } else {
            ctx.msg(Msg::RwContent, &[&iso(item.date), &item.title])
        };
        let hint = item.detail.clone().unwrap_or_else(|| title(r, l).1.into());
        out.push(ReasonSuggestion {
            code: r.code.into(),
            title: item.title.clone(),
            hint,
            score: 0.9,
            why,
        });
        st.used_items.push(i);
        specific = true;
        break;
    }
    // 3. Catalog reasons for the touch's kinds: scored first, and only the
    // kept ones explained, since most candidates are dropped.
    let role: Option<Role> = contact.and_then(|i| ctx.input.client.contacts[i].role);
    let mut scored: Vec<(f64, usize, bool)> = Vec::new();
    for (idx, r) in catalog::CATALOG.iter().enumerate() {
        if r.discouraged
            || r.kind == ReasonKind::Lifecycle
            || !serves(r)
            || out.iter().any(|x| x.code == r.code)
        {
            continue;
        }
        if !gates_hold(ctx, r, contact, d.date, facts.first_check) {
            continue;
        }
        let (score, is_specific) = score(ctx, facts, st, r, role, offers_left);
        scored.push((score, idx, is_specific));
    }
    // Best first, catalog order among equals; the order is total (indices
    // differ), so selecting the kept ones before sorting changes nothing.
    let keep = KEEP.saturating_sub(out.len());
    let best_first =
        |a: &(f64, usize, bool), b: &(f64, usize, bool)| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1));
    if scored.len() > keep {
        scored.select_nth_unstable_by(keep, best_first);
        scored.truncate(keep);
    }
    scored.sort_by(best_first);
    for (score, idx, is_specific) in scored {
        if out.is_empty() && is_specific {
            specific = true;
        }
        let r = &catalog::CATALOG[idx];
        let (t, h) = title(r, l);
        out.push(ReasonSuggestion {
            code: r.code.into(),
            title: t.into(),
            hint: h.into(),
            score,
            why: st
                .explained
                .entry((idx, contact))
                .or_insert_with(|| explain(ctx, facts, r, contact, role))
                .clone(),
        });
    }
    if let Some(first) = out.first() {
        if OFFERS.contains(&first.code.as_str()) {
            *st.offers.entry(month).or_default() += 1;
        }
        st.recent.push(first.code.clone());
    }
    (out, specific)
}

/// A catalog reason's score for one touch, rounded to hundredths, and
/// whether a client-specific signal holds (R1, R10, R15, freshness).
fn score(
    ctx: &Ctx,
    facts: &Facts,
    st: &Ranking,
    r: &ReasonDef,
    role: Option<Role>,
    offers_left: bool,
) -> (f64, bool) {
    let mut score: f64 = 0.4;
    let mut is_specific = false;
    for sig in r.signals {
        match sig {
            Signal::HasPurchases if facts.purchases => score += 0.1,
            Signal::HasIndustry if ctx.input.client.industry.is_some() => score += 0.1,
            Signal::DurableIntervalPassed if facts.durable.is_some() => {
                score += 0.25;
                is_specific = true;
            }
            _ => {}
        }
        if specific_signal(*sig) && *sig != Signal::DurableIntervalPassed {
            score += 0.2;
            is_specific = true;
        }
    }
    if let Some(role) = role {
        if r.roles.contains(&role) {
            score += 0.1;
        } else if !r.roles.is_empty() {
            score -= 0.15;
        }
    }
    let fresh = ctx.input.settings.freshness_touches as usize;
    if st.recent.iter().rev().take(fresh).any(|x| x == r.code) {
        score -= 0.3;
    }
    if OFFERS.contains(&r.code) && !offers_left {
        score -= 0.3;
    }
    (
        (score.clamp(0.05, 0.85) * 100.0).round() / 100.0,
        is_specific,
    )
}

/// Why a catalog reason suits this client and contact: one sentence per
/// signal that holds, in the signals' order.
fn explain(
    ctx: &Ctx,
    facts: &Facts,
    r: &ReasonDef,
    contact: Option<usize>,
    role: Option<Role>,
) -> String {
    let mut whys: Vec<String> = Vec::new();
    for sig in r.signals {
        match sig {
            Signal::HasPurchases if facts.purchases => {
                whys.push(ctx.msg(Msg::RwPurchases, &[&facts.purchased]));
            }
            Signal::HasIndustry => {
                if let Some(ind) = &ctx.input.client.industry {
                    whys.push(ctx.msg(Msg::RwIndustry, &[ind]));
                }
            }
            Signal::DurableIntervalPassed => {
                if let Some(t) = &facts.durable {
                    whys.push(ctx.msg(Msg::RwDurable, &[t]));
                }
            }
            Signal::PromoSensitive if facts.promo => whys.push(ctx.msg(Msg::RwPromo, &[])),
            Signal::HasInterests => {
                let list = contact
                    .map(|i| ctx.input.client.contacts[i].interests.join(", "))
                    .unwrap_or_default();
                whys.push(ctx.msg(Msg::RwInterests, &[&list]));
            }
            Signal::AfterCheck => whys.push(ctx.msg(Msg::RwAfterCheck, &[])),
            Signal::Campaign => whys.push(ctx.msg(Msg::RwCampaign, &[])),
            Signal::Loyal => whys.push(ctx.msg(Msg::RwLoyal, &[])),
            _ => {}
        }
    }
    if role.is_some_and(|role| r.roles.contains(&role)) {
        whys.push(ctx.msg(Msg::RwRole, &[]));
    }
    if whys.is_empty() {
        whys.push(ctx.msg(Msg::RwGeneric, &[]));
    }
    whys.join(" ")
}
