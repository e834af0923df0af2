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
    /// The items that may ever lead a touch of this client, in R10's order
    /// of precedence:
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
    /// The reasons that led each kind of touch (a purpose's kind), oldest
    /// first, history included: a lead does not repeat within the last
    /// `freshnessTouches` of its kind while another reason may lead.
    leads: BTreeMap<TouchKind, Vec<&'static str>>,
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
        for r in h
            .iter()
            .filter_map(|x| x.reason.as_deref().and_then(catalog::find))
        {
            for k in r.serves {
                st.leads.entry(*k).or_default().push(r.code);
            }
        }
        // An item a rule placed a touch for is that touch's own.
        for d in &ctx.drafts {
            for p in &d.purposes {
                let Some(i) = p.content else { continue };
                st.used_items[i] = true;
                let offer = ctx.input.company.content_plan[i].reason.as_str();
                if p.rule == "R10" && OFFERS.contains(&offer) {
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
/// purchase's usual interval has passed; an event invitation leads only
/// where the company has events (R2).
fn catalog_may_lead(ctx: &Ctx, facts: &Facts<'_>, code: &str) -> bool {
    if code == "new_products" {
        return facts.durable.is_some();
    }
    // An invitation leads only where the company has an event to name.
    if code == "event_invitation" {
        let company = &ctx.input.company;
        return !company.events.is_empty()
            || company
                .content_plan
                .iter()
                .any(|i| i.reason == "event_invitation");
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

/// The reasons ranked for one touch.
pub struct Ranked {
    /// Best first.
    pub suggestions: Vec<ReasonSuggestion>,
    /// The touch has a specific reason (R1: else it is a slot).
    pub specific: bool,
    /// A standard purpose merged beside another kind's (a need, a
    /// mandatory step) has no specific reason of its own: it is a slot too.
    pub merged_standard_slot: bool,
    /// The title of the reason that leads such a merged standard purpose.
    pub merged_standard_lead: Option<String>,
}

/// Ranks reasons for one touch: its suggestions and whether it, or a
/// standard purpose merged into it, has a specific reason (R1: else a slot).
pub fn rank(
    ctx: &Ctx,
    facts: &Facts<'_>,
    st: &mut Ranking,
    d: &Draft,
    contact: Option<usize>,
) -> Ranked {
    let s = &ctx.input.settings;
    let month = (d.date.year(), d.date.month());
    // R1: an automated touch carries no reason that needs a conversation.
    let automated = d.automated();
    let r10 = d
        .purposes
        .iter()
        .filter(|p| {
            p.rule == "R10"
                && p.content.is_some_and(|i| {
                    OFFERS.contains(&ctx.input.company.content_plan[i].reason.as_str())
                })
        })
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
                let mut hint = h.to_string();
                // R9: a birthday greeting with the company's birthday offer
                // carries the offer.
                if code == "birthday" && birthday_offer(ctx) {
                    hint = format!("{hint} {}", ctx.msg(Msg::ReasonBirthdayOffer, &[]));
                }
                out.push(ReasonSuggestion {
                    code: code.into(),
                    title: t.into(),
                    hint,
                    score: 1.0,
                    // R1: a client that never ordered has no "next" order.
                    why: if matches!(code, "need_first_order" | "need_client_tasks") {
                        ctx.msg(Msg::RwFirstOrder, &[])
                    } else {
                        super::texts::rule_why(ctx.locale(), p.rule)
                    },
                });
                specific = true;
            }
        }
    }
    let kinds: Vec<TouchKind> = d.purposes.iter().map(|p| p.kind).collect();
    let serves = |r: &ReasonDef| r.serves.iter().any(|k| kinds.contains(k));
    let role: Option<Role> = contact.and_then(|i| ctx.input.client.contacts[i].role);
    // 2. Content-plan items available on the day (each used once): the
    // items a rule placed the touch for first, then R10's order of
    // precedence.
    let items = &ctx.input.company.content_plan;
    let pinned: Vec<usize> = d.purposes.iter().filter_map(|p| p.content).collect();
    let mut content_offer = false;
    // The kinds the content item serves: their purposes have a reason.
    let mut content_serves: &[TouchKind] = &[];
    let mut content_title: Option<String> = None;
    // The first item a rule placed the touch for is taken as it is; else
    // the first that qualifies on its own, among the items that may ever
    // lead for this client (already in that order).
    let chosen = pinned
        .iter()
        .copied()
        .find(|i| facts.content[*i].is_some())
        .or_else(|| {
            facts.content_candidates.iter().copied().find(|&i| {
                let item = &items[i];
                let Some(fit) = &facts.content[i] else {
                    return false;
                };
                let r = fit.def;
                if !serves(r)
                    || st.used_items[i]
                    || (automated && r.needs_conversation())
                    // R10: a price change is owed news the manager tells.
                    || (automated && r.code == "price_change")
                    || !item_for(item, r, role)
                {
                    return false;
                }
                if item.reason == "event_invitation"
                    && kinds.contains(&TouchKind::Event)
                    && d.main().reason.is_some()
                {
                    return false;
                }
                if d.date < fit.start || d.date > fit.end {
                    return false;
                }
                if fit.durable_ready.is_some_and(|ready| d.date < ready) {
                    return false;
                }
                if OFFERS.contains(&r.code) && !offers_left {
                    return false;
                }
                !out.is_empty() || st.may_lead(ctx, r.code, d.date)
            })
        });
    if let Some((i, fit)) = chosen.and_then(|i| facts.content[i].as_ref().map(|fit| (i, fit))) {
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
        content_serves = r.serves;
        content_title = Some(item.title.clone());
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
    // R13: every purpose of a merged touch carries its own reason near the
    // top. The purposes still without one (a standard purpose beside a
    // need or a mandatory step) each get the best catalog reason that may
    // lead it, most protected purpose first.
    let mut unserved: Vec<TouchKind> = Vec::new();
    for p in &d.purposes {
        let has_own = p.reason.is_some_and(|c| catalog::find(c).is_some());
        if !has_own && !content_serves.contains(&p.kind) && !unserved.contains(&p.kind) {
            unserved.push(p.kind);
        }
    }
    // The item leads those purposes: freshness counts it like a catalog
    // lead of the same code.
    if let Some(code) = out
        .last()
        .filter(|_| !content_serves.is_empty())
        .map(|x| x.code.clone())
    {
        if let Some(r) = catalog::find(&code) {
            for p in &d.purposes {
                let own = p.reason.is_some_and(|c| catalog::find(c).is_some());
                if !own && r.serves.contains(&p.kind) {
                    let past = st.leads.entry(p.kind).or_default();
                    if past.last() != Some(&r.code) {
                        past.push(r.code);
                    }
                }
            }
        }
    }
    if out.is_empty() && unserved.is_empty() {
        unserved.clone_from(&kinds);
        unserved.dedup();
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
            // R10/R1: a price change is told only from a content-plan item,
            // before its date: the catalog alone would claim one that does
            // not exist.
            || r.code == "price_change"
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
    // Each purpose without a reason yet is led by the best one that may
    // lead it and is fresh for its kind.
    let fresh = ctx.input.settings.freshness_touches as usize;
    let mut leads: Vec<(f64, usize, bool)> = Vec::new();
    let mut led: Vec<(TouchKind, &'static str)> = Vec::new();
    let first_lead = out.is_empty();
    // The catalog reason that leads a standard purpose, and whether it is
    // specific to this client.
    let mut standard_led: Option<(usize, bool)> = None;
    let standard_unserved = unserved.contains(&TouchKind::Standard);
    for k in unserved {
        let code = |x: &(f64, usize, bool)| catalog::CATALOG[x.1].code;
        let past = st.leads.get(&k).map_or(&[][..], Vec::as_slice);
        // How many leads of this kind ago the reason led it; `None` if never.
        let ago = |c: &str| past.iter().rev().position(|x| *x == c);
        let eligible = |x: &(f64, usize, bool)| {
            catalog::CATALOG[x.1].serves.contains(&k)
                && st.may_lead(ctx, code(x), d.date)
                && catalog_may_lead(ctx, facts, code(x))
        };
        let is_fresh = |x: &(f64, usize, bool)| ago(code(x)).is_none_or(|a| a >= fresh);
        let any_fresh = scored.iter().any(|x| eligible(x) && is_fresh(x));
        // Fresh ones by score; when every candidate led lately, the one
        // that led longest ago (deterministic rotation).
        let best = scored
            .iter()
            .enumerate()
            .filter(|(_, x)| eligible(x) && (!any_fresh || is_fresh(x)))
            .min_by(|a, b| {
                if any_fresh {
                    best_first(a.1, b.1)
                } else {
                    ago(code(b.1))
                        .cmp(&ago(code(a.1)))
                        .then_with(|| best_first(a.1, b.1))
                }
            })
            .map(|(i, _)| i);
        if let Some(i) = best {
            let x = scored.swap_remove(i);
            led.push((k, code(&x)));
            if k == TouchKind::Standard {
                standard_led = Some((x.1, x.2));
            }
            leads.push(x);
        }
    }
    let keep = KEEP.saturating_sub(out.len() + leads.len());
    if scored.len() > keep {
        scored.select_nth_unstable_by(keep, best_first);
        scored.truncate(keep);
    }
    scored.sort_by(best_first);
    if let Some(low) = leads.iter().map(|x| x.0).min_by(f64::total_cmp) {
        // The reasons they pass follow them, shown at their score.
        for x in &mut scored {
            x.0 = x.0.min(low);
        }
    }
    for (n, x) in leads.into_iter().enumerate() {
        scored.insert(n, x);
    }
    let n_leads = led.len();
    for (n, (score, idx, is_specific)) in scored.into_iter().enumerate() {
        if first_lead && n == 0 && n < n_leads && is_specific {
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
    let led_referral = led.iter().any(|(_, c)| *c == "referral");
    for (k, code) in led {
        st.leads.entry(k).or_default().push(code);
    }
    if let Some(first) = out.first() {
        // R10: only the content plan's offers use the month's cap; catalog
        // offers are suggestions.
        if content_offer {
            *st.offers.entry(month).or_default() += 1;
        }
        if first.code == "referral" || led_referral {
            st.referrals.push(d.date);
        }
        st.recent.push(first.code.clone());
    }
    // R1, "a merged touch shows its purposes itself": a standard purpose
    // beside another kind's (not a greeting or the annual meeting, which
    // are the touch's own reason) names its lead; without a specific one
    // it is a slot.
    let merged_standard = d.main().kind != TouchKind::Standard
        && kinds.contains(&TouchKind::Standard)
        && !kinds
            .iter()
            .any(|k| matches!(k, TouchKind::Greeting | TouchKind::Meeting));
    let (mut merged_standard_slot, mut merged_standard_lead) = (false, None);
    if merged_standard {
        if content_serves.contains(&TouchKind::Standard) {
            merged_standard_lead = content_title;
        } else if standard_unserved {
            merged_standard_slot = standard_led.is_none_or(|(_, specific)| !specific);
            merged_standard_lead = standard_led.map(|(idx, _)| {
                let r = &catalog::CATALOG[idx];
                title(ctx, r).0.to_string()
            });
        }
    }
    Ranked {
        suggestions: out,
        specific,
        merged_standard_slot,
        merged_standard_lead,
    }
}

/// R9: the company has a special offer for a birthday.
pub fn birthday_offer(ctx: &Ctx) -> bool {
    ctx.input.client.birthday_offer
        || ctx
            .input
            .company
            .content_plan
            .iter()
            .any(|i| i.reason == "birthday")
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
    if ctx.input.client.kind == ClientKind::Person {
        score += r.person_weight();
    }
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
