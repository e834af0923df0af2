//! What the rules need to know about a client, derived once (R2, R8).

use super::date::days_between;
use super::input::PlanInput;
use super::model::{Date, SaleType, Segment, ServiceKind};
use super::settings::SegmentPolicy;

/// Days in a month for rounding the cycle to whole months (R2).
pub const DAYS_PER_MONTH: f64 = 30.44;

/// The client as R2–R8 see it.
#[derive(Debug, Clone, PartialEq)]
pub struct Profile {
    pub segment: Segment,
    pub policy: SegmentPolicy,
    pub sale_type: SaleType,
    /// The order cycle in days.
    pub cycle_days: u32,
    /// C: the cycle in whole months, at least 1.
    pub cycle_months: u32,
    /// Under `subMonthThresholdDays`: standard touches go to marketing.
    pub sub_month: bool,
    /// M: mandatory touches per order.
    pub mandatory: u32,
    /// Mandatory reason codes, M of them, in order.
    pub mandatory_codes: Vec<&'static str>,
    /// Where cycles start: the last order, else today.
    pub anchor: Date,
    /// Whether the anchor is a real order.
    pub anchored_on_order: bool,
    /// Median amount of past orders (for projected orders' checks).
    pub typical_amount: Option<f64>,
    /// R2: a service client buys periods, not shipments: the cycle is the
    /// period, its next "order" the renewal (R11).
    pub service_client: bool,
    /// R2: neither orders, nor `orderCycleDays`, nor a service period:
    /// nothing sold yet, so no expected orders and no order touches.
    pub nothing_sold: bool,
}

const TRANSACTIONAL_STEPS: &[&str] = &[
    "shipment",
    "acceptance",
    "documents",
    "shelf_display",
    "sell_through",
];
const CONSULTATIVE_STEPS: &[&str] = &[
    "operability_check",
    "maintenance_reminder",
    "new_options",
    "technology_setup",
    "new_items_on_equipment",
];

/// R2: a service period's mandatory steps follow its kind.
fn service_steps(kind: Option<ServiceKind>) -> &'static [&'static str] {
    match kind {
        Some(ServiceKind::Campaign) => &["campaign_midway_stats", "final_report"],
        Some(ServiceKind::Contract) => &["stage_acceptance"],
        Some(ServiceKind::Policy) => &["policy_documents"],
        Some(ServiceKind::Membership) | Some(ServiceKind::Subscription) | None => &["usage_check"],
    }
}

/// R8: the segment given, else derived from `annualRevenue` by the
/// `revenueSegments` thresholds (the highest one reached), else B.
fn segment_of(input: &PlanInput) -> Segment {
    let c = &input.client;
    if let Some(s) = c.segment {
        return s;
    }
    match (&input.settings.revenue_segments, c.annual_revenue) {
        (Some(thresholds), Some(revenue)) => [Segment::APlus, Segment::A, Segment::B, Segment::C]
            .into_iter()
            .find(|s| thresholds.get(s).is_some_and(|t| revenue >= *t))
            .unwrap_or(Segment::D),
        _ => Segment::B,
    }
}

fn median(mut v: Vec<f64>) -> Option<f64> {
    if v.is_empty() {
        return None;
    }
    v.sort_by(f64::total_cmp);
    let n = v.len();
    Some(if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    })
}

/// Derives the profile from a validated input.
pub fn derive(input: &PlanInput) -> Profile {
    let s = &input.settings;
    let c = &input.client;
    let mut order_dates: Vec<Date> = c.orders.iter().map(|o| o.date).collect();
    order_dates.sort_unstable();
    order_dates.dedup();
    // R2: the cycle from orderCycleDays, else the median interval of enough
    // orders, else the default of the sale type.
    let from_orders = (order_dates.len() >= s.orders_for_cycle as usize)
        .then(|| {
            median(
                order_dates
                    .windows(2)
                    .map(|w| days_between(w[0], w[1]) as f64)
                    .collect(),
            )
        })
        .flatten()
        .map(|m| (m.round() as u32).max(1));
    let service_client = c.service.is_some() && c.order_cycle_days.is_none();
    let period_days = c
        .service
        .as_ref()
        .map(|sv| (days_between(sv.start, sv.end) + 1).clamp(1, 3650) as u32);
    let cycle_days = c
        .order_cycle_days
        .or(if service_client { period_days } else { None })
        .or(from_orders)
        .unwrap_or(match c.sale_type {
            Some(SaleType::Consultative) => s.default_cycle_consultative,
            _ => s.default_cycle_transactional,
        });
    let sale_type = c
        .sale_type
        .unwrap_or(if cycle_days > s.consultative_threshold_days {
            SaleType::Consultative
        } else {
            SaleType::Transactional
        });
    let sub_month = cycle_days < s.sub_month_threshold_days;
    let cycle_months = ((f64::from(cycle_days) / DAYS_PER_MONTH).round() as u32).max(1);
    let service_defaults =
        service_client.then(|| service_steps(c.service.as_ref().and_then(|sv| sv.kind)));
    let mandatory = c
        .mandatory_per_order
        .or(service_defaults
            .filter(|_| c.mandatory_steps.is_empty())
            .map(|d| d.len() as u32))
        .unwrap_or(if c.mandatory_steps.is_empty() {
            match sale_type {
                SaleType::Transactional => s.mandatory_transactional,
                SaleType::Consultative => s.mandatory_consultative,
            }
        } else {
            c.mandatory_steps.len() as u32
        });
    let defaults = match (service_defaults, sale_type) {
        (Some(d), _) => d,
        (None, SaleType::Transactional) => TRANSACTIONAL_STEPS,
        (None, SaleType::Consultative) => CONSULTATIVE_STEPS,
    };
    let given: Vec<&'static str> = c
        .mandatory_steps
        .iter()
        .filter_map(|code| super::catalog::find(code).map(|r| r.code))
        .collect();
    let pool: &[&'static str] = if given.is_empty() { defaults } else { &given };
    let mandatory_codes = (0..mandatory as usize)
        .map(|i| pool[i % pool.len()])
        .collect();
    let segment = segment_of(input);
    let last_order = order_dates.last().copied();
    let anchor = match (&c.service, service_client) {
        (Some(sv), true) => sv.start,
        _ => last_order.unwrap_or(input.today),
    };
    Profile {
        segment,
        policy: s.segment(segment),
        sale_type,
        cycle_days,
        cycle_months,
        sub_month,
        mandatory,
        mandatory_codes,
        anchor,
        anchored_on_order: last_order.is_some() && !service_client,
        typical_amount: median(c.orders.iter().filter_map(|o| o.amount).collect()),
        service_client,
        nothing_sold: order_dates.is_empty() && c.order_cycle_days.is_none() && c.service.is_none(),
    }
}
