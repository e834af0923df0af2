//! R10: content-plan items and offers — which items fit the client and
//! when (pilot for loyal clients, price changes told ahead), the offers
//! capped per month, the signals a catalog reason needs, and the items
//! marketing sends itself (`delivery: "automated"`, counted by R3).

use std::collections::BTreeSet;

use crate::engine::calendar::Move;
use crate::engine::catalog::{self, ReasonDef, Signal};
use crate::engine::context::Ctx;
use crate::engine::date::add_days;
use crate::engine::draft::{Class, Purpose};
use crate::engine::input::{ContentItem, PlanInput};
use crate::engine::model::{Date, Delivery, SaleType, Segment, ServiceKind, TouchKind};
use crate::engine::texts::Msg;

/// Offers (R10): at most `offersPerMonth` touches lead with one.
pub const OFFERS: &[&str] = &[
    "new_products",
    "price_promotion",
    "price_change",
    "launch_price",
    "discontinued_items",
    "upsell",
];

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

/// What the client bought, indexed once per plan: ranking asks it for
/// every content item of every touch (R10).
pub struct Purchases<'a> {
    pub categories: BTreeSet<&'a str>,
    pub items: BTreeSet<&'a str>,
}

impl<'a> Purchases<'a> {
    /// The categories and the items of every order.
    pub fn of(ctx: &Ctx<'a>) -> Self {
        let input: &'a PlanInput = ctx.input;
        let mut p = Purchases {
            categories: BTreeSet::new(),
            items: BTreeSet::new(),
        };
        for o in &input.client.orders {
            p.categories.extend(o.categories.iter().map(String::as_str));
            p.items.extend(o.items.iter().map(String::as_str));
        }
        p
    }

    /// Whether an item targets something the client bought.
    pub fn targeted_by(&self, item: &ContentItem) -> bool {
        item.categories
            .iter()
            .any(|x| self.categories.contains(x.as_str()))
            || item.items.iter().any(|x| self.items.contains(x.as_str()))
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
        return bought.targeted_by(item);
    }
    // Offers without targeting still go only to those whose history fits.
    match catalog::find(&item.reason) {
        Some(r) if OFFERS.contains(&r.code) => gates_hold(ctx, r, None, Date::MAX, first_check),
        Some(r) => !r.discouraged,
        None => false,
    }
}

/// The first post-purchase check (R5), past or planned: reasons that
/// follow a check wait for it.
pub fn first_check(ctx: &Ctx) -> Option<Date> {
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
    past.chain(planned).min()
}

/// Signals that must hold for a reason to be suggested at all on `date`;
/// `first_check` is [`first_check`], computed once by the caller.
pub fn gates_hold(
    ctx: &Ctx,
    r: &ReasonDef,
    contact: Option<usize>,
    date: Date,
    first_check: Option<Date>,
) -> bool {
    let c = &ctx.input.client;
    r.signals.iter().all(|s| match s {
        Signal::PromoSensitive => c.promo_sensitive || c.orders.iter().any(|o| o.promo),
        Signal::AfterCheck => first_check.is_some_and(|f| f < date),
        Signal::Consultative => ctx.profile.sale_type == SaleType::Consultative,
        Signal::Transactional => ctx.profile.sale_type == SaleType::Transactional,
        Signal::HasService => c.service.is_some(),
        Signal::Campaign => c
            .service
            .as_ref()
            .is_some_and(|s| s.kind == Some(ServiceKind::Campaign)),
        Signal::HasInterests => contact.is_some_and(|i| !c.contacts[i].interests.is_empty()),
        Signal::Loyal => c.loyal,
        Signal::TopSegment => matches!(ctx.profile.segment, Segment::APlus | Segment::A),
        Signal::HasIncident => !c.incidents.is_empty(),
        Signal::HasExpiry => c.service.is_some() || !c.expiries.is_empty(),
        Signal::HasPurchases | Signal::HasIndustry | Signal::DurableIntervalPassed => true,
    })
}

/// Content-plan items marketing sends itself (`delivery: "automated"`, R3).
pub fn automated_content(ctx: &mut Ctx) {
    let items = ctx.input.company.content_plan.clone();
    let bought = Purchases::of(ctx);
    let check = first_check(ctx);
    for (i, item) in items.iter().enumerate() {
        if item.delivery != Delivery::Automated || item.reason == "event_invitation" {
            continue;
        }
        if catalog::find(&item.reason).is_some_and(|r| r.discouraged) {
            continue;
        }
        if !item_matches(ctx, &bought, check, item) {
            continue;
        }
        let start = item_start(ctx, item);
        let why = ctx.msg(Msg::WhyContent, &[&item.title]);
        let mut pu = Purpose::new(TouchKind::Standard, Class::Automated, "R3", None, why);
        pu.automated = true;
        pu.content = Some(i);
        pu.not_before = Some(start);
        pu.deadline = item.until;
        ctx.add(start.max(ctx.from), Move::Later, pu);
    }
}
