//! R10: content-plan items and offers — which items fit the client and
//! when (pilot for loyal clients, price changes told ahead, durable
//! purchases once their interval has passed, promotions to promo-sensitive
//! buyers), the offers capped per month, the signals a catalog reason
//! needs, a hobby buyer's novelty on its date, and the items marketing
//! sends itself (`delivery: "automated"`, counted by R3).

use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;

use chrono::Datelike;

use crate::engine::calendar::Move;
use crate::engine::catalog::{self, ReasonDef, Signal};
use crate::engine::context::Ctx;
use crate::engine::date::add_days;
use crate::engine::draft::{Class, Purpose};
use crate::engine::input::{ContentItem, PlanInput};
use crate::engine::model::{ClientKind, Date, Delivery, SaleType, Segment, ServiceKind, TouchKind};
use crate::engine::profile::Profile;
use crate::engine::rules::cadence::cycle_spans;
use crate::engine::texts::Msg;

/// Offers (R10): at most `offersPerMonth` touches a month lead with a
/// content-plan one. A price change is not among them: it is owed.
pub const OFFERS: &[&str] = &[
    "new_products",
    "price_promotion",
    "launch_price",
    "discontinued_items",
    "upsell",
];

/// Promotions (R10): only to promo-sensitive buyers of their category.
const PROMOTIONS: &[&str] = &["price_promotion", "launch_price"];

/// New items (R10): a hobby buyer hears of them at once, a durable buyer
/// once the usual interval has passed.
const NOVELTIES: &[&str] = &["new_products", "launch_price"];

/// The first day an item reaches this client: `pilot` for loyal clients;
/// a price change is told before it takes effect (R10).
pub fn item_start(ctx: &Ctx, item: &ContentItem) -> Date {
    let base = match item.pilot {
        Some(p) if ctx.input.client.loyal && p < item.date => p,
        _ => item.date,
    };
    if item.reason == "price_change" {
        add_days(base, -30)
    } else {
        base
    }
}

/// The last day an item is offered: the day before a price change takes
/// effect, else `until`, else `contentValidityDays` after its date.
pub fn item_end(ctx: &Ctx, item: &ContentItem) -> Date {
    if item.reason == "price_change" {
        return add_days(item.date, -1);
    }
    item.until.unwrap_or_else(|| {
        add_days(
            item.date,
            i64::from(ctx.input.settings.content_validity_days),
        )
    })
}

/// What the client bought, indexed once per plan (`Ctx::bought`): the
/// rules and the ranking ask it for every content item, and the ranking
/// for every touch (R10).
pub struct Purchases<'a> {
    pub categories: BTreeSet<&'a str>,
    pub items: BTreeSet<&'a str>,
    /// Things bought as durable purchases, with the day their usual
    /// interval has passed.
    pub durable: BTreeMap<&'a str, Date>,
    /// A private person's frequent purchases (a hobby).
    pub hobby: BTreeSet<&'a str>,
    /// Orders bought on promotion or `flags.promoSensitive`.
    pub promo: bool,
    /// R10: the day a new product stops being premature for a client whose
    /// every purchase was durable; `None` when some purchase was not.
    pub all_durable_ready: Option<Date>,
}

/// One thing's purchases, gathered in one pass over the orders.
struct Bought<'a> {
    thing: &'a str,
    /// Every day it was bought on (sorted and deduplicated at the end).
    days: Vec<Date>,
    /// The last day, and the amount of the first order of that day.
    last: (Date, Option<f64>),
    category: bool,
    item: bool,
}

impl<'a> Purchases<'a> {
    /// The categories and the items of every order; `profile` gives the
    /// cycle a single purchase is measured against.
    pub fn of(input: &'a PlanInput, profile: &Profile) -> Self {
        let c = &input.client;
        let s = &input.settings;
        // Up to 10,000 orders of 400 things each: an order usually names
        // the things of the order before in the same places, so a thing is
        // first compared with the one there and looked up only otherwise.
        let mut bought: Vec<Bought<'a>> = Vec::new();
        let mut index: BTreeMap<&'a str, usize> = BTreeMap::new();
        let mut previous: Vec<(&'a str, usize)> = Vec::new();
        let mut current: Vec<(&'a str, usize)> = Vec::new();
        for o in &c.orders {
            current.clear();
            let things = o.items.iter().map(|t| (t, false));
            for (at, (t, category)) in things
                .chain(o.categories.iter().map(|t| (t, true)))
                .enumerate()
            {
                let t = t.as_str();
                let k = match previous.get(at) {
                    Some((p, k)) if *p == t => *k,
                    _ => *index.entry(t).or_insert_with(|| {
                        bought.push(Bought {
                            thing: t,
                            days: Vec::new(),
                            last: (o.date, o.amount),
                            category: false,
                            item: false,
                        });
                        bought.len() - 1
                    }),
                };
                current.push((t, k));
                let b = &mut bought[k];
                if category {
                    b.category = true;
                } else {
                    b.item = true;
                }
                // The same thing twice in one order (an item named like a
                // category) is one purchase that day.
                if b.days.last() != Some(&o.date) {
                    b.days.push(o.date);
                }
                if o.date > b.last.0 {
                    b.last = (o.date, o.amount);
                }
            }
            std::mem::swap(&mut previous, &mut current);
        }
        let mut p = Purchases {
            categories: bought
                .iter()
                .filter(|b| b.category)
                .map(|b| b.thing)
                .collect(),
            items: bought.iter().filter(|b| b.item).map(|b| b.thing).collect(),
            durable: BTreeMap::new(),
            hobby: BTreeSet::new(),
            promo: c.promo_sensitive || c.orders.iter().any(|o| o.promo),
            all_durable_ready: None,
        };
        let min = i64::from(s.durable_interval_days);
        for mut b in bought {
            b.days.sort_unstable();
            b.days.dedup();
            let (first, last) = (b.days[0], b.last);
            if b.days.len() >= 2 {
                let span = (last.0 - first).num_days() / (b.days.len() as i64 - 1);
                if span >= min {
                    p.durable.insert(b.thing, add_days(last.0, span));
                } else if c.kind == ClientKind::Person {
                    p.hobby.insert(b.thing);
                }
            } else {
                // One expensive purchase on a long cycle (a car) is durable too.
                let cycle = i64::from(profile.cycle_days);
                if cycle >= min && last.1.is_none_or(|a| a >= s.check_min_amount) {
                    p.durable.insert(b.thing, add_days(last.0, cycle));
                }
            }
        }
        // Every thing bought (categories and items alike) is a key of
        // `index`: all durable exactly when `durable` holds them all.
        if p.durable.len() == index.len() {
            p.all_durable_ready = p.durable.values().min().copied();
        }
        p
    }

    /// What of an item's targets the client bought.
    fn targets<'s>(&'s self, item: &'s ContentItem) -> impl Iterator<Item = &'s str> + 's {
        let cats = item.categories.iter().map(String::as_str);
        let items = item.items.iter().map(String::as_str);
        cats.filter(|x| self.categories.contains(x))
            .chain(items.filter(|x| self.items.contains(x)))
    }

    /// Whether an item targets something the client bought.
    pub fn targeted_by(&self, item: &ContentItem) -> bool {
        self.targets(item).next().is_some()
    }

    /// R10: a new item for a hobby the client buys often.
    pub fn hobby_novelty(&self, item: &ContentItem) -> bool {
        NOVELTIES.contains(&item.reason.as_str())
            && !self.hobby.is_empty()
            && self.targets(item).any(|t| self.hobby.contains(t))
    }

    /// R10: the day an offer of an item may first reach the client when
    /// everything it targets was a durable purchase: once the usual
    /// interval of one of them has passed. `None` when nothing holds it back.
    pub fn durable_ready(&self, item: &ContentItem) -> Option<Date> {
        if !OFFERS.contains(&item.reason.as_str()) {
            return None;
        }
        let mut ready: Option<Date> = None;
        for t in self.targets(item) {
            let r = self.durable.get(t)?;
            ready = Some(ready.map_or(*r, |x| x.min(*r)));
        }
        ready
    }
}

/// R10's order of precedence among content items, lowest first: a price
/// change is owed; a hobby buyer's novelty on its date; a durable
/// replacement once due; other content; promotions last (seed 004: content
/// before discounts).
pub fn precedence(bought: &Purchases, item: &ContentItem) -> u8 {
    if item.reason == "price_change" {
        0
    } else if bought.hobby_novelty(item) {
        1
    } else if bought.durable_ready(item).is_some() {
        2
    } else if PROMOTIONS.contains(&item.reason.as_str()) {
        4
    } else {
        3
    }
}

/// R10: whether an item fits the client (segment, industry, purchases);
/// `first_check` is [`first_check`], computed once by the caller.
pub fn item_matches(
    ctx: &Ctx,
    bought: &Purchases,
    first_check: Option<Date>,
    item: &ContentItem,
) -> bool {
    let c = &ctx.input.client;
    let def = catalog::find(&item.reason);
    // R8: reasons about a company's market or staff are not for a person.
    if c.kind == ClientKind::Person && def.is_some_and(|r| r.signals.contains(&Signal::Business)) {
        return false;
    }
    let seg = ctx.profile.segment.as_str();
    if !item.segments.is_empty() && !item.segments.iter().any(|s| s == seg) {
        return false;
    }
    if !item.industries.is_empty()
        && !c
            .industry
            .as_ref()
            .is_some_and(|i| item.industries.iter().any(|x| x.eq_ignore_ascii_case(i)))
    {
        return false;
    }
    if !item.roles.is_empty()
        && !c.contacts.iter().any(|k| {
            k.role
                .is_some_and(|r| item.roles.iter().any(|x| x == r.as_str()))
        })
    {
        return false;
    }
    if !item.categories.is_empty() || !item.items.is_empty() {
        // R10: a promotion goes to promo-sensitive buyers of its category.
        return bought.targeted_by(item)
            && (bought.promo || !PROMOTIONS.contains(&item.reason.as_str()));
    }
    // Offers without targeting still go only to those whose history fits.
    match def {
        Some(r) if OFFERS.contains(&r.code) => {
            gates_hold(ctx, bought, r, None, Date::MAX, first_check)
        }
        Some(r) => !r.discouraged,
        None => false,
    }
}

/// The first post-purchase check (R5), past or planned: reasons that
/// follow a check wait for it.
pub fn first_check(ctx: &Ctx) -> Option<Date> {
    check_days(ctx).min()
}

/// The days of the post-purchase checks (R5): made (`history`) and planned.
fn check_days<'c>(ctx: &'c Ctx) -> impl Iterator<Item = Date> + 'c {
    let past = ctx
        .input
        .client
        .history
        .iter()
        .filter(|h| h.reason.as_deref() == Some("post_purchase_check"))
        .map(|h| h.date);
    let planned = ctx
        .drafts
        .iter()
        .filter(|d| {
            d.purposes
                .iter()
                .any(|p| p.reason == Some("post_purchase_check"))
        })
        .map(|d| d.date);
    past.chain(planned)
}

/// R5 and the catalog: upsell and a referral come "after a positive
/// check". The plan knows that a check took place (`history`) or is
/// planned, not how it went; it takes a check made before `date` as
/// positive unless a failure is recorded from the purchase it follows up to
/// `date` — a check right after a delay, or a failure since, leaves the
/// client's opinion open, and asking them for a referral or more would not
/// be true to the day (R1). `Date::MAX` (whether an item may ever fit) is
/// left to the touches' own days.
fn check_stands(ctx: &Ctx, date: Date) -> bool {
    let c = &ctx.input.client;
    check_days(ctx).filter(|day| *day < date).any(|check| {
        // The purchase it follows: the last order or period start by then.
        let bought = c
            .orders
            .iter()
            .map(|o| o.date)
            .chain(c.service.as_ref().map(|s| s.start))
            .filter(|day| *day <= check)
            .max()
            .unwrap_or(check);
        !c.incidents
            .iter()
            .any(|i| i.date >= bought && i.date < date)
    })
}

/// Signals that must hold for a reason to be suggested at all on `date`;
/// `first_check` is [`first_check`], computed once by the caller.
pub fn gates_hold(
    ctx: &Ctx,
    bought: &Purchases,
    r: &ReasonDef,
    contact: Option<usize>,
    date: Date,
    first_check: Option<Date>,
) -> bool {
    let c = &ctx.input.client;
    // R8: private persons get no event invitations.
    if r.code == "event_invitation" && c.kind == ClientKind::Person {
        return false;
    }
    if !fits_service(ctx, r) {
        return false;
    }
    r.signals.iter().all(|s| match s {
        Signal::PromoSensitive => bought.promo,
        Signal::AfterCheck => {
            first_check.is_some_and(|f| f < date) && (date == Date::MAX || check_stands(ctx, date))
        }
        Signal::Consultative => ctx.profile.sale_type == SaleType::Consultative,
        Signal::Transactional => ctx.profile.sale_type == SaleType::Transactional,
        Signal::HasService => c.service.is_some(),
        Signal::Campaign => c
            .service
            .as_ref()
            .is_some_and(|s| s.kind == Some(ServiceKind::Campaign)),
        Signal::CampaignRunning => campaign_phase(ctx, date) == Some(CampaignPhase::Running),
        // R1: no final report before the period's last day.
        Signal::PeriodEnded => c.service.as_ref().is_some_and(|s| date >= s.end),
        Signal::HasInterests => contact.is_some_and(|i| !c.contacts[i].interests.is_empty()),
        Signal::Loyal => c.loyal,
        Signal::TopSegment => matches!(ctx.profile.segment, Segment::APlus | Segment::A),
        Signal::HasIncident => !c.incidents.is_empty(),
        Signal::HasExpiry => c.service.is_some() || !c.expiries.is_empty(),
        Signal::Business => c.kind == ClientKind::Business,
        // R10: no new product while every purchase is durable and recent.
        Signal::DurableIntervalPassed => bought.all_durable_ready.is_none_or(|r| date >= r),
        Signal::HasPurchases | Signal::HasIndustry => true,
    })
}

/// R2: a service client's mandatory steps follow its service kind — a
/// campaign: statistics and the final report; a membership or
/// subscription: the usage check; a contract: the acceptance of stages; a
/// policy: its documents — and no goods fulfilment step is suggested to
/// it. A client without a service gets no service step.
fn fits_service(ctx: &Ctx, r: &ReasonDef) -> bool {
    use ServiceKind as K;
    if r.kind != catalog::ReasonKind::Mandatory || r.code == "upsell" {
        return true;
    }
    let kind = ctx.input.client.service.as_ref().map(|s| s.kind);
    let fits = |kinds: &[K]| match kind {
        Some(Some(k)) => kinds.contains(&k),
        // A service of unknown kind: any service step may fit.
        Some(None) => true,
        None => false,
    };
    match r.code {
        "campaign_midway_stats" | "final_report" => fits(&[K::Campaign]),
        "usage_check" => fits(&[K::Membership, K::Subscription]),
        "stage_acceptance" => fits(&[K::Contract]),
        "policy_documents" => fits(&[K::Policy]),
        // Goods steps: not for a client who buys a service period.
        _ => !ctx.profile.service_client,
    }
}

/// Where a touch's day stands against the client's advertising campaign.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum CampaignPhase {
    /// On or before the launch day: no results yet.
    Ahead,
    /// After the launch, up to its last day.
    Running,
    Ended,
}

/// R1: the campaign's phase on `date`; `None` without a campaign.
pub fn campaign_phase(ctx: &Ctx, date: Date) -> Option<CampaignPhase> {
    let s = ctx.input.client.service.as_ref()?;
    (s.kind == Some(ServiceKind::Campaign)).then_some(if date <= s.start {
        CampaignPhase::Ahead
    } else if date <= s.end {
        CampaignPhase::Running
    } else {
        CampaignPhase::Ended
    })
}

/// Content-plan items marketing sends itself (`delivery: "automated"`, R3).
pub fn automated_content(ctx: &mut Ctx) {
    let items = ctx.input.company.content_plan.clone();
    let bought = Rc::clone(&ctx.bought);
    let check = first_check(ctx);
    for (i, item) in items.iter().enumerate() {
        if item.delivery != Delivery::Automated || item.reason == "event_invitation" {
            continue;
        }
        // R1: a reason that needs a conversation is the manager's, whatever
        // the item says.
        if catalog::find(&item.reason).is_some_and(|r| r.discouraged || r.needs_conversation()) {
            continue;
        }
        if !item_matches(ctx, &bought, check, item) {
            continue;
        }
        let mut start = item_start(ctx, item);
        if let Some(ready) = bought.durable_ready(item) {
            start = start.max(ready);
            if start > item_end(ctx, item) {
                continue;
            }
        }
        let why = ctx.msg(Msg::WhyContent, &[&item.title]);
        let mut pu = Purpose::new(TouchKind::Standard, Class::Automated, "R3", None, why);
        pu.automated = true;
        pu.content = Some(i);
        pu.not_before = Some(start);
        pu.deadline = item.until;
        ctx.add(start, Move::Later, pu);
    }
}

/// R10: a hobby buyer hears of a matching new item on its date, not at the
/// next monthly touch; the offer takes the month's cap first.
pub fn hobby_novelties(ctx: &mut Ctx) {
    let input = ctx.input;
    let bought = Rc::clone(&ctx.bought);
    if bought.hobby.is_empty() {
        return;
    }
    let check = first_check(ctx);
    let cap = input.settings.offers_per_month;
    // R4: no offer in the days of silence after a delivery, real or expected.
    let silence = i64::from(input.settings.silence_days);
    let mut deliveries: Vec<Date> = input.client.orders.iter().map(|o| o.date).collect();
    deliveries.extend(cycle_spans(ctx).into_iter().map(|(_, next)| next));
    deliveries.sort_unstable();
    let mut per_month: BTreeMap<(i32, u32), u32> = BTreeMap::new();
    for (i, item) in input.company.content_plan.iter().enumerate() {
        if item.delivery == Delivery::Automated
            || !bought.hobby_novelty(item)
            || !item_matches(ctx, &bought, check, item)
        {
            continue;
        }
        let mut start = item_start(ctx, item).max(ctx.from);
        for d in &deliveries {
            if *d <= start && start <= add_days(*d, silence) {
                start = add_days(*d, silence + 1);
            }
        }
        // Within the monthly offer cap; the rest wait for a standard touch.
        let month = per_month.entry((start.year(), start.month())).or_default();
        if *month >= cap {
            continue;
        }
        *month += 1;
        let why = ctx.msg(Msg::WhyHobbyNovelty, &[&item.title]);
        let mut pu = Purpose::new(TouchKind::Standard, Class::Standard, "R10", None, why);
        pu.content = Some(i);
        pu.not_before = Some(start);
        pu.deadline = Some(item_end(ctx, item));
        ctx.add(start, Move::Later, pu);
    }
}

/// The deliveries, real and expected, after which days of silence hold
/// (R4, R5): no standard or offer touch in them.
fn deliveries(ctx: &Ctx) -> Vec<Date> {
    let mut out: Vec<Date> = ctx.input.client.orders.iter().map(|o| o.date).collect();
    out.extend(cycle_spans(ctx).into_iter().map(|(_, next)| next));
    out.sort_unstable();
    out
}

/// The first day on or after `day` outside the days of silence;
/// `deliveries` in date order.
fn after_silence(ctx: &Ctx, deliveries: &[Date], mut day: Date) -> Date {
    let silence = i64::from(ctx.input.settings.silence_days);
    // `day` only moves later: the deliveries whose silence ends before it
    // never matter, and from the first delivery after it on, none does.
    let from = deliveries.partition_point(|d| add_days(*d, silence) < day);
    for d in &deliveries[from..] {
        if *d > day {
            break;
        }
        if day <= add_days(*d, silence) {
            day = add_days(*d, silence + 1);
        }
    }
    day
}

/// R15, R9: the person a content item is meant for, when it is not the
/// one standard touches reach: the contact of a role the item names (the
/// people who use the product get its training and usage tips), or the
/// contact whose personal interests the item is about.
fn person_for_item(ctx: &Ctx, item: &ContentItem, r: &ReasonDef) -> Option<usize> {
    let contacts = &ctx.input.client.contacts;
    if r.code == "personal_interests" {
        let text = format!(
            "{} {}",
            item.title.to_lowercase(),
            item.detail.as_deref().unwrap_or("").to_lowercase()
        );
        return contacts.iter().position(|c| {
            c.interests
                .iter()
                .any(|x| !x.trim().is_empty() && text.contains(&x.trim().to_lowercase()))
        });
    }
    if item.roles.is_empty() {
        return None;
    }
    let standard = crate::engine::channels::contact_for(ctx, TouchKind::Standard);
    let i = contacts.iter().position(|c| {
        c.role
            .is_some_and(|role| item.roles.iter().any(|x| x == role.as_str()) && r.suits(role))
    })?;
    (Some(i) != standard).then_some(i)
}

/// R10, R15: content items meant for one person reach that person on a
/// manager's touch of their own, near the item's date: a price change of
/// an item the client buys is told to the buyer before it takes effect
/// (owed news, outside the offer cap), training and usage tips go to the
/// people who use the product, an item about a contact's interests to that
/// contact. Only where the segment's standard touches are the manager's
/// (R8), and under a month's cycle by marketing (R2); offers keep to the
/// cap and the ranking.
pub fn personal_items(ctx: &mut Ctx) {
    let input = ctx.input;
    let bought = Rc::clone(&ctx.bought);
    let check = first_check(ctx);
    let deliveries = deliveries(ctx);
    let buyer = input
        .client
        .contacts
        .iter()
        .position(|c| c.role == Some(crate::engine::model::Role::Buyer));
    for (i, item) in input.company.content_plan.iter().enumerate() {
        let Some(r) = catalog::find(&item.reason) else {
            continue;
        };
        if item.delivery == Delivery::Automated
            || r.discouraged
            || OFFERS.contains(&r.code)
            || r.code == "event_invitation"
            || !item_matches(ctx, &bought, check, item)
        {
            continue;
        }
        let (start, end) = (item_start(ctx, item), item_end(ctx, item));
        let (person, rule, raw, mv) = if r.code == "price_change" {
            // Owed to every segment; the buyer hears it before the last
            // order at the old price.
            let Some(b) = buyer else { continue };
            // The last delivery before the item's date, if not before its start.
            let before = deliveries.partition_point(|o| *o < item.date);
            let last_order = before
                .checked_sub(1)
                .map(|k| deliveries[k])
                .filter(|o| *o >= start);
            let raw = last_order.map_or(start, |o| add_days(o, -7).max(start));
            // R4/R5: not in the days of silence after a delivery.
            let raw = after_silence(ctx, &deliveries, raw.max(ctx.from));
            (b, "R10", raw, Move::Earlier)
        } else {
            if !ctx.profile.policy.standard_by_manager {
                continue;
            }
            let Some(p) = person_for_item(ctx, item, r) else {
                continue;
            };
            let raw = after_silence(ctx, &deliveries, start.max(ctx.from));
            (p, "R15", raw, Move::Later)
        };
        let not_before = start.max(ctx.from);
        if raw > end || end < ctx.from {
            continue;
        }
        // R2: under a month standard touches are marketing's; the item
        // still reaches its person, automatically (R7's automated channels).
        // R8: where the segment's standard touches are marketing's (C, D),
        // the owed price notice is marketing's too, in the manager's name.
        let is_price = r.code == "price_change";
        let automated = if is_price {
            !ctx.profile.policy.standard_by_manager
        } else {
            ctx.profile.sub_month
        };
        let why = if is_price && automated {
            let segment = ctx.profile.segment.as_str();
            ctx.msg(Msg::WhyPriceChangeAutomated, &[&item.title, segment])
        } else if is_price {
            ctx.msg(Msg::WhyPriceChange, &[&item.title])
        } else if automated {
            ctx.msg(Msg::WhyPersonalItemAutomated, &[&item.title])
        } else {
            ctx.msg(Msg::WhyPersonalItem, &[&item.title])
        };
        let class = if automated {
            Class::Automated
        } else {
            Class::Standard
        };
        let mut pu = Purpose::new(TouchKind::Standard, class, rule, None, why);
        pu.automated = automated;
        pu.content = Some(i);
        pu.contact = Some(person);
        pu.not_before = Some(not_before);
        pu.deadline = Some(end);
        ctx.add(raw.max(not_before), mv, pu);
    }
}
