//! Reason suggestions (R1, R10, R15): the rule's own reason first, then
//! content-plan items that fit the client (in R10's order of precedence),
//! then catalog reasons ranked by the client's data, the contact's role and
//! freshness (history included). Every why is true on the touch's day;
//! reasons that need a conversation stay off automated touches; upsell,
//! a referral over its yearly cap and generic catalog offers never lead.

use std::collections::BTreeMap;
use std::rc::Rc;

use chrono::Datelike;

use super::catalog::{self, ReasonDef, ReasonKind, Signal};
use super::context::Ctx;
use super::date::add_days;
use super::draft::Draft;
use super::input::ContentItem;
use super::model::{ClientKind, Date, Locale, Role, TouchKind};
use super::output::ReasonSuggestion;
use super::rules::offers::{
    campaign_phase, first_check, gates_hold, item_end, item_matches, item_start, precedence,
    CampaignPhase, Purchases, OFFERS,
};
use super::texts::{human_date, Msg};

/// Suggestions kept per touch.
const KEEP: usize = 4;

/// Client facts the signals ask about, computed once per plan.
pub struct Facts<'a> {
    promo: bool,
    purchases: bool,
    /// Up to three things bought, sorted, for the purchases sentence.
    purchased: String,
    durable: Option<String>,
    first_check: Option<Date>,
    /// What the client bought (R10).
    bought: Rc<Purchases<'a>>,
    /// The content plan as this client sees it, by index: `None` for an
    /// unknown reason code.
    content: Vec<Option<ContentFit>>,
    /// Where each content-plan item stands in R10's order of precedence.
    content_rank: Vec<usize>,
    /// The items that may ever lead a touch of this client, in that order:
    /// known, not discouraged, fitting the client and not sent by
    /// marketing itself. The rest only ever come pinned by their rule.
    content_candidates: Vec<usize>,
}

/// A content-plan item's reason and when it reaches this client.
struct ContentFit {
    def: &'static ReasonDef,
    start: Date,
    end: Date,
    /// R10: the item fits the client's segment, industry and purchases.
    matches: bool,
    /// R10: an offer of a durable purchase waits for its usual interval.
    durable_ready: Option<Date>,
}

/// Computes [`Facts`].
pub fn facts<'a>(ctx: &Ctx<'a>) -> Facts<'a> {
    let bought = Rc::clone(&ctx.bought);
    // R10: a durable purchase whose usual interval has passed.
    let durable = bought
        .durable
        .iter()
        .find(|(_, ready)| ctx.input.today >= **ready)
        .map(|(thing, _)| thing.to_string());
    // R1: "the client bought" names purchases made by today, never one
    // still ahead.
    // The three first in sorted order, kept while reading: orders may name
    // millions of things.
    let mut names: Vec<&str> = Vec::with_capacity(4);
    let bought_by_today = ctx
        .input
        .client
        .orders
        .iter()
        .filter(|o| o.date <= ctx.input.today)
        .flat_map(|o| o.categories.iter().chain(&o.items));
    for n in bought_by_today.map(String::as_str) {
        if names.len() == 3 && n >= names[2] {
            continue;
        }
        if let Err(at) = names.binary_search(&n) {
            names.insert(at, n);
            names.truncate(3);
        }
    }
    let check = first_check(ctx);
    let plan = &ctx.input.company.content_plan;
    let content: Vec<Option<ContentFit>> = plan
        .iter()
        .map(|item| {
            catalog::find(&item.reason).map(|def| ContentFit {
                def,
                start: item_start(ctx, item),
                end: item_end(ctx, item),
                matches: item_matches(ctx, &bought, check, item),
                durable_ready: bought.durable_ready(item),
            })
        })
        .collect();
    // Each item's precedence once: it reads all of the item's targets.
    let precedences: Vec<u8> = plan.iter().map(|item| precedence(&bought, item)).collect();
    let mut content_order: Vec<usize> = (0..plan.len()).collect();
    content_order.sort_by_key(|i| (precedences[*i], *i));
    let mut content_rank = vec![0; plan.len()];
    for (at, i) in content_order.iter().enumerate() {
        content_rank[*i] = at;
    }
    let content_candidates = content_order
        .into_iter()
        .filter(|i| {
            content[*i].as_ref().is_some_and(|fit| {
                let r = fit.def;
                // R1: marketing sends its items itself, except those that
                // need a conversation: the manager has them.
                !r.discouraged
                    && fit.matches
                    && (plan[*i].delivery != super::model::Delivery::Automated
                        || r.needs_conversation())
            })
        })
        .collect();
    Facts {
        promo: bought.promo,
        purchased: names.join(", "),
        purchases: !bought.categories.is_empty() || !bought.items.is_empty(),
        durable,
        first_check: check,
        bought,
        content,
        content_rank,
        content_candidates,
    }
}

/// Signals that gate and, when they hold, make a reason client-specific.
fn specific_signal(s: Signal) -> bool {
    matches!(
        s,
        Signal::AfterCheck
            | Signal::Campaign
            | Signal::CampaignRunning
            | Signal::HasInterests
            | Signal::Loyal
            | Signal::DurableIntervalPassed
    )
}

/// A reason's title and hint in the locale; a private person gets the
/// hint written for a person (R8).
fn title(ctx: &Ctx, r: &ReasonDef) -> (&'static str, &'static str) {
    let person = ctx.input.client.kind == ClientKind::Person;
    let (ru, en) = match r.person_hint() {
        Some(h) if person => h,
        _ => (r.hint_ru, r.hint_en),
    };
    match ctx.locale() {
        Locale::Ru => (r.title_ru, ru),
        Locale::En => (r.title_en, en),
    }
}

/// State carried across the touches of one plan (freshness, offer cap,
/// referrals, content items already used).
#[derive(Default)]
pub struct Ranking {
    recent: Vec<String>,
    /// Offers led with, per (year, month).
    offers: BTreeMap<(i32, u32), u32>,
    /// R10 touches for a hobby novelty not ranked yet, per (year, month):
    /// their offer comes first within the month's cap.
    reserved: BTreeMap<(i32, u32), u32>,
    /// Days of the touches led by a referral request, history included.
    referrals: Vec<Date>,
    /// Content-plan items already used, by index.
    used_items: Vec<bool>,
    /// [`explain`]'s sentences by (catalog index, contact, the campaign's
    /// phase on the day): the same for every touch of the plan that shares them.
    explained: BTreeMap<(usize, Option<usize>, Option<CampaignPhase>), String>,
}

impl Ranking {
    pub fn new(ctx: &Ctx) -> Self {
        let mut h: Vec<_> = ctx
            .input
            .client
            .history
            .iter()
            .filter(|h| h.date <= ctx.from)
            .collect();
        h.sort_by_key(|x| x.date);
        let mut st = Ranking {
            recent: h.iter().filter_map(|x| x.reason.clone()).collect(),
            used_items: vec![false; ctx.input.company.content_plan.len()],
            ..Ranking::default()
        };
        for x in h.iter().filter(|x| x.reason.as_deref() == Some("referral")) {
            st.referrals.push(x.date);
        }
        // An item a rule placed a touch for is that touch's own.
        for d in &ctx.drafts {
            for p in &d.purposes {
                let Some(i) = p.content else { continue };
                st.used_items[i] = true;
                if p.rule == "R10" {
                    *st.reserved
                        .entry((d.date.year(), d.date.month()))
                        .or_default() += 1;
                }
            }
        }
        st
    }

    /// Whether `code` may lead a touch on `date`: upsell never leads (it
    /// goes with what was sold), a referral at most `referralsPerYear`
    /// times in any twelve months.
    fn may_lead(&self, ctx: &Ctx, code: &str, date: Date) -> bool {
        match code {
            "upsell" => false,
            "referral" => {
                // Any twelve months, not a calendar year: a horizon across
                // New Year would otherwise allow more.
                let year_ago = add_days(date, -365);
                let led = self
                    .referrals
                    .iter()
                    .filter(|d| **d > year_ago && **d <= date)
                    .count();
                led < ctx.input.settings.referrals_per_year as usize
            }
            _ => true,
        }
    }
}

/// R10: a generic catalog offer (no content-plan item behind it) is a
/// suggestion, never a touch's lead, except a new model once a durable
/// purchase's usual interval has passed.
fn catalog_may_lead(facts: &Facts<'_>, code: &str) -> bool {
    if code == "new_products" {
        return facts.durable.is_some();
    }
    !OFFERS.contains(&code) && code != "price_change"
}

/// R15: whether a content item is for the touch's contact: an item with
/// `roles` reaches those roles (training also the influencer), and no
/// reason goes to a role it does not suit.
fn item_for(item: &ContentItem, r: &ReasonDef, role: Option<Role>) -> bool {
    let Some(role) = role else { return true };
    r.suits(role)
        && (item.roles.is_empty()
            || item.roles.iter().any(|x| x == role.as_str())
            || (r.is_training() && role == Role::Influencer))
}

/// Ranks reasons for one touch. Returns the suggestions and whether the
/// touch has a specific reason (R1: else it is a slot).
pub fn rank(
    ctx: &Ctx,
    facts: &Facts<'_>,
    st: &mut Ranking,
    d: &Draft,
    contact: Option<usize>,
) -> (Vec<ReasonSuggestion>, bool) {
    let s = &ctx.input.settings;
    let month = (d.date.year(), d.date.month());
    // R1: an automated touch carries no reason that needs a conversation.
    let automated = d.automated();
    let r10 = d
        .purposes
        .iter()
        .filter(|p| p.rule == "R10" && p.content.is_some())
        .count() as u32;
    if r10 > 0 {
        let left = st.reserved.entry(month).or_default();
        *left = left.saturating_sub(r10);
    }
    let committed =
        st.offers.get(&month).copied().unwrap_or(0) + st.reserved.get(&month).copied().unwrap_or(0);
    let offers_left = committed < s.offers_per_month;
    let mut out: Vec<ReasonSuggestion> = Vec::new();
    let mut specific = false;
    // 1. The rules' own reasons, most protected purpose first.
    for p in &d.purposes {
        if let Some(code) = p.reason {
            if out.iter().any(|x| x.code == code) {
                continue;
            }
            if let Some(r) = catalog::find(code) {
                let (t, h) = title(ctx, r);
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
    let role: Option<Role> = contact.and_then(|i| ctx.input.client.contacts[i].role);
    // 2. Content-plan items available on the day (each used once), in
    // R10's order of precedence.
    let items = &ctx.input.company.content_plan;
    let pinned: Vec<usize> = d.purposes.iter().filter_map(|p| p.content).collect();
    let mut content_offer = false;
    // The item a rule placed this touch for, first in the order, is taken
    // unless an item before it qualifies on its own.
    let pinned_first = pinned
        .iter()
        .copied()
        .filter(|i| facts.content[*i].is_some())
        .min_by_key(|i| facts.content_rank[*i]);
    let pinned_rank = pinned_first.map_or(usize::MAX, |i| facts.content_rank[i]);
    let mut chosen = None;
    for &i in &facts.content_candidates {
        if facts.content_rank[i] > pinned_rank {
            break;
        }
        if pinned.contains(&i) {
            chosen = Some(i);
            break;
        }
        let item = &items[i];
        let Some(fit) = &facts.content[i] else {
            continue;
        };
        let r = fit.def;
        if d.date < fit.start
            || d.date > fit.end
            || !serves(r)
            || st.used_items[i]
            || (automated && r.needs_conversation())
            || !item_for(item, r, role)
        {
            continue;
        }
        if item.reason == "event_invitation"
            && kinds.contains(&TouchKind::Event)
            && d.main().reason.is_some()
        {
            continue;
        }
        if fit.durable_ready.is_some_and(|ready| d.date < ready) {
            continue;
        }
        if OFFERS.contains(&r.code) && !offers_left {
            continue;
        }
        if out.is_empty() && !st.may_lead(ctx, r.code, d.date) {
            continue;
        }
        chosen = Some(i);
        break;
    }
    if let Some((i, fit)) = chosen
        .or(pinned_first)
        .and_then(|i| facts.content[i].as_ref().map(|fit| (i, fit)))
    {
        let item = &items[i];
        let r = fit.def;
        let is_pinned = pinned.contains(&i);
        let why = content_why(ctx, item, d.date);
        let hint = item
            .detail
            .clone()
            .unwrap_or_else(|| title(ctx, r).1.into());
        // An offer leading the touch, or the offer a rule placed it for,
        // uses the month's cap.
        content_offer = OFFERS.contains(&r.code) && (out.is_empty() || is_pinned);
        out.push(ReasonSuggestion {
            code: r.code.into(),
            title: item.title.clone(),
            hint,
            score: 0.9,
            why,
        });
        st.used_items[i] = true;
        specific = true;
    }
    // 3. Catalog reasons for the touch's kinds: scored first, and only the
    // kept ones explained, since most candidates are dropped.
    let mut scored: Vec<(f64, usize, bool)> = Vec::new();
    for (idx, r) in catalog::CATALOG.iter().enumerate() {
        if r.discouraged
            || r.kind == ReasonKind::Lifecycle
            || !serves(r)
            || out.iter().any(|x| x.code == r.code)
            || (automated && r.needs_conversation())
            || role.is_some_and(|role| !r.suits(role))
        {
            continue;
        }
        if !gates_hold(ctx, &facts.bought, r, contact, d.date, facts.first_check) {
            continue;
        }
        let (score, is_specific) = score(ctx, facts, st, r, role, offers_left);
        scored.push((score, idx, is_specific));
    }
    // Best first, catalog order among equals; the order is total (indices
    // differ), so selecting the kept ones before sorting changes nothing.
    let best_first =
        |a: &(f64, usize, bool), b: &(f64, usize, bool)| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1));
    // A touch without a reason yet is led by the best one that may lead.
    let mut lead = None;
    if out.is_empty() {
        let code = |x: &(f64, usize, bool)| catalog::CATALOG[x.1].code;
        let leads = |x: &(f64, usize, bool)| {
            st.may_lead(ctx, code(x), d.date) && catalog_may_lead(facts, code(x))
        };
        let best = scored
            .iter()
            .enumerate()
            .filter(|(_, x)| leads(x))
            .min_by(|a, b| best_first(a.1, b.1))
            .map(|(i, _)| i);
        lead = best.map(|i| scored.swap_remove(i));
    }
    let keep = KEEP.saturating_sub(out.len() + usize::from(lead.is_some()));
    if scored.len() > keep {
        scored.select_nth_unstable_by(keep, best_first);
        scored.truncate(keep);
    }
    scored.sort_by(best_first);
    if let Some(lead) = lead {
        // The reasons it passes follow it, shown at its score.
        for x in &mut scored {
            x.0 = x.0.min(lead.0);
        }
        scored.insert(0, lead);
    }
    for (score, idx, is_specific) in scored {
        if out.is_empty() && is_specific {
            specific = true;
        }
        let r = &catalog::CATALOG[idx];
        let (t, h) = title(ctx, r);
        out.push(ReasonSuggestion {
            code: r.code.into(),
            title: t.into(),
            hint: h.into(),
            score,
            why: st
                .explained
                .entry((idx, contact, campaign_phase(ctx, d.date)))
                .or_insert_with(|| explain(ctx, facts, r, contact, role, d.date))
                .clone(),
        });
    }
    if let Some(first) = out.first() {
        // R10: only the content plan's offers use the month's cap; catalog
        // offers are suggestions.
        if content_offer {
            *st.offers.entry(month).or_default() += 1;
        }
        if first.code == "referral" {
            st.referrals.push(d.date);
        }
        st.recent.push(first.code.clone());
    }
    (out, specific)
}

/// R1: why a content item, true on the touch's day — "pilot" only to a
/// loyal client before the item's date, a price change as owed news.
fn content_why(ctx: &Ctx, item: &ContentItem, day: Date) -> String {
    if item.reason == "price_change" {
        return ctx.msg(Msg::RwPriceChange, &[&item.title]);
    }
    match item.pilot {
        Some(p) if ctx.input.client.loyal && p <= day && day < item.date => ctx.msg(
            Msg::RwContentPilot,
            &[&human_date(ctx.locale(), p), &item.title],
        ),
        _ => ctx.msg(
            Msg::RwContent,
            &[&human_date(ctx.locale(), item.date), &item.title],
        ),
    }
}

/// A catalog reason's score for one touch, rounded to hundredths, and
/// whether a client-specific signal holds (R1, R10, R15, freshness).
fn score(
    ctx: &Ctx,
    facts: &Facts<'_>,
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
    facts: &Facts<'_>,
    r: &ReasonDef,
    contact: Option<usize>,
    role: Option<Role>,
    day: Date,
) -> String {
    let mut whys: Vec<String> = Vec::new();
    for sig in r.signals {
        match sig {
            Signal::HasPurchases if !facts.purchased.is_empty() => {
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
                // The first three, as the purchases sentence: 200 interests
                // of 1,000 characters would make every such why 200 KB.
                let list = contact
                    .map(|i| {
                        let all = &ctx.input.client.contacts[i].interests;
                        let list = all[..all.len().min(3)].join(", ");
                        if all.len() > 3 {
                            ctx.msg(Msg::AndMore, &[&list, &(all.len() - 3).to_string()])
                        } else {
                            list
                        }
                    })
                    .unwrap_or_default();
                whys.push(ctx.msg(Msg::RwInterests, &[&list]));
            }
            Signal::AfterCheck => whys.push(ctx.msg(Msg::RwAfterCheck, &[])),
            Signal::Campaign | Signal::CampaignRunning => match campaign_phase(ctx, day) {
                Some(CampaignPhase::Ahead) => whys.push(ctx.msg(Msg::RwCampaignAhead, &[])),
                Some(CampaignPhase::Running) => whys.push(ctx.msg(Msg::RwCampaign, &[])),
                Some(CampaignPhase::Ended) => whys.push(ctx.msg(Msg::RwCampaignEnded, &[])),
                None => {}
            },
            Signal::Loyal => whys.push(ctx.msg(Msg::RwLoyal, &[])),
            _ => {}
        }
    }
    // A private person has no decision group: no role to suit (R8).
    let person = ctx.input.client.kind == ClientKind::Person;
    if !person && role.is_some_and(|role| r.roles.contains(&role)) {
        whys.push(ctx.msg(Msg::RwRole, &[]));
    }
    if whys.is_empty() {
        whys.push(ctx.msg(Msg::RwGeneric, &[]));
    }
    whys.join(" ")
}
