//! Floors: the rules that add touches (R2, R4, R5, R6, R9, R11, R12, events,
//! the annual meeting). Limits come after, in `limits`.

use std::collections::HashMap;

use chrono::Datelike;

use super::calendar::{Move, WorkingCalendar};
use super::catalog;
use super::date::{add_days, add_months, in_year, iso, week_start};
use super::draft::{place, Class, Draft, Purpose};
use super::input::PlanInput;
use super::model::{Channel, Date, Delivery, Locale, Role, SaleType, TouchKind};
use super::output::Warning;
use super::profile::Profile;
use super::settings::{EventPolicy, GreetingPolicy};
use super::texts::{message, Msg};

/// Everything a rule needs while planning one client.
pub struct Ctx<'a> {
    pub input: &'a PlanInput,
    pub profile: Profile,
    pub cal: WorkingCalendar,
    pub from: Date,
    pub to: Date,
    pub drafts: Vec<Draft>,
    pub warnings: Vec<Warning>,
}

impl<'a> Ctx<'a> {
    pub fn locale(&self) -> Locale {
        self.input.locale
    }

    pub fn msg(&self, m: Msg, args: &[&str]) -> String {
        message(self.input.locale, m, args)
    }

    pub fn warn(
        &mut self,
        code: &str,
        m: String,
        rule: &str,
        date: Option<Date>,
        path: Option<&str>,
    ) {
        self.warnings.push(Warning {
            code: code.into(),
            message: m,
            path: path.map(str::to_string),
            rule: Some(rule.into()),
            date: date.map(iso),
        });
    }

    fn add(&mut self, raw: Date, mv: Move, p: Purpose) -> Option<usize> {
        let d = place(&self.cal, self.from, self.to, raw, mv, p)?;
        self.drafts.push(d);
        Some(self.drafts.len() - 1)
    }

    /// R4: need discovery pauses while a deal is open.
    fn need_paused(&self, d: Date) -> bool {
        self.input.client.open_deal.is_some_and(|since| d >= since)
    }
}

/// Places every floor touch.
pub fn place_floors(ctx: &mut Ctx) {
    cycles(ctx);
    post_purchase_checks(ctx);
    service_period(ctx);
    expiries(ctx);
    apologies(ctx);
    events(ctx);
    annual_meeting(ctx);
    greetings(ctx);
    automated_content(ctx);
    top_ups(ctx);
    last_reaction_check(ctx);
    if let Some(since) = ctx.input.client.open_deal {
        let m = ctx.msg(Msg::WarnNeedPaused, &[&iso(since)]);
        ctx.warn("need_paused", m, "R4", Some(since), Some("client.openDeal"));
    }
}

/// The cycles intersecting the horizon: (start, next expected order).
pub fn cycle_spans(ctx: &Ctx) -> Vec<(Date, Date)> {
    let p = &ctx.profile;
    let len = i64::from(p.cycle_days);
    let mut k = (ctx.from - p.anchor).num_days().div_euclid(len);
    let mut out = Vec::new();
    loop {
        let cs = add_days(p.anchor, k * len);
        if cs > ctx.to {
            break;
        }
        out.push((cs, add_days(cs, len)));
        k += 1;
    }
    out
}

/// R2, R3 (standard by policy), R4: mandatory, standard and need discovery.
fn cycles(ctx: &mut Ctx) {
    let spans = cycle_spans(ctx);
    let s = &ctx.input.settings;
    let (silence, lead) = (i64::from(s.silence_days), s.pre_order_lead_workdays);
    let p = ctx.profile.clone();
    let mut need_months: Vec<(i32, u32)> = Vec::new();
    for (cs, ce) in spans {
        let len = i64::from(p.cycle_days);
        // Mandatory touches (R2): after each order (transactional), spread
        // over the cycle while the product is in use (consultative).
        // Fulfilment steps follow one another on working days.
        let step = if 2 * i64::from(p.mandatory) < len - 1 {
            2
        } else {
            1
        };
        let mut prev_step = cs;
        for (j, code) in p.mandatory_codes.iter().enumerate() {
            let j = j as i64;
            let title = catalog::find(code).map_or(*code, |r| {
                if ctx.locale() == Locale::Ru {
                    r.title_ru
                } else {
                    r.title_en
                }
            });
            let (raw, why) = match p.sale_type {
                SaleType::Transactional => {
                    let day = ctx
                        .cal
                        .on_or_after(add_days(prev_step, if j == 0 { 1 } else { step }));
                    prev_step = day;
                    (day, ctx.msg(Msg::WhyMandatoryOrder, &[&iso(cs), title]))
                }
                SaleType::Consultative => {
                    let off =
                        ((j as f64 + 0.5) * len as f64 / f64::from(p.mandatory)).round() as i64;
                    (add_days(cs, off), ctx.msg(Msg::WhyMandatoryInUse, &[title]))
                }
            };
            let mut pu = Purpose::new(
                TouchKind::Mandatory,
                Class::Mandatory,
                "R2",
                Some(code),
                why,
            );
            pu.deadline = Some(add_days(ce, -1));
            ctx.add(raw, Move::Later, pu);
        }
        if p.sub_month {
            // R2: a sub-month cycle gets one need touch a month, before an order.
            let key = (ce.year(), ce.month());
            if p.policy.need_per_cycle > 0 && !need_months.contains(&key) && !ctx.need_paused(ce) {
                need_months.push(key);
                let why = ctx.msg(Msg::WhyNeedMonthly, &[&iso(ce)]);
                pre_order_need(ctx, ce, why);
            }
            continue;
        }
        // Standard touches (R2): C a cycle, one a month, after the silence.
        let c = i64::from(p.cycle_months);
        for j in 0..c {
            let off = (((j as f64 + 0.5) * len as f64) / c as f64).round() as i64;
            let raw = add_days(cs, off.max(silence + 1));
            let window = (add_days(cs, j * len / c), add_days(cs, (j + 1) * len / c));
            let mut pu = if p.policy.standard_by_manager {
                Purpose::new(
                    TouchKind::Standard,
                    Class::Standard,
                    "R2",
                    None,
                    ctx.msg(Msg::WhyStandard, &[]),
                )
            } else {
                let mut a = Purpose::new(
                    TouchKind::Standard,
                    Class::Automated,
                    "R8",
                    None,
                    ctx.msg(Msg::WhyStandardAutomated, &[p.segment.as_str()]),
                );
                a.automated = true;
                a
            };
            pu.slot_window = Some(window);
            ctx.add(raw, Move::Nearest, pu);
        }
        // Need discovery (R4): one before the expected order, one early.
        if !ctx.need_paused(ce) && p.policy.need_per_cycle >= 1 {
            let why = ctx.msg(Msg::WhyNeedBeforeOrder, &[&lead.to_string(), &iso(ce)]);
            pre_order_need(ctx, ce, why);
        }
        let early_off = match p.sale_type {
            // Transactional: mid-cycle, sharing the day of the standard touch.
            SaleType::Transactional if p.cycle_months == 1 => (len as f64 / 2.0).round() as i64,
            SaleType::Transactional => len / 2,
            SaleType::Consultative => {
                ((len as f64 * s.early_need_share).round() as i64).max(silence + 1)
            }
        }
        .max(silence + 1);
        let raw = add_days(cs, early_off);
        if p.policy.need_per_cycle >= 2 && !ctx.need_paused(raw) {
            let why = ctx.msg(Msg::WhyNeedEarly, &[]);
            let mut pu = Purpose::new(
                TouchKind::Need,
                Class::Need,
                "R4",
                Some("need_early_cycle"),
                why,
            );
            pu.not_before = Some(add_days(cs, silence + 1));
            ctx.add(raw, Move::Nearest, pu);
        }
    }
}

/// R4: the need-discovery touch a few working days before the expected
/// order `ce`, never on or after it.
fn pre_order_need(ctx: &mut Ctx, ce: Date, why: String) {
    let raw = ctx
        .cal
        .working_days_before(ce, ctx.input.settings.pre_order_lead_workdays);
    let mut pu = Purpose::new(
        TouchKind::Need,
        Class::Need,
        "R4",
        Some("need_before_order"),
        why,
    );
    pu.deadline = Some(add_days(ce, -1));
    ctx.add(raw, Move::Earlier, pu);
}

/// R5: the post-purchase check after valuable orders, past and expected.
fn post_purchase_checks(ctx: &mut Ctx) {
    let p = ctx.profile.clone();
    if p.sub_month {
        return;
    }
    let s = &ctx.input.settings;
    let orders = &ctx.input.client.orders;
    let min = s.check_min_amount;
    let first = orders.iter().map(|o| o.date).min();
    let mut dates: Vec<Date> = orders
        .iter()
        .filter(|o| {
            p.sale_type == SaleType::Consultative
                || Some(o.date) == first
                || o.amount.is_some_and(|a| a >= min)
        })
        .map(|o| o.date)
        .collect();
    let projected_checked =
        p.sale_type == SaleType::Consultative || p.typical_amount.is_some_and(|a| a >= min);
    if projected_checked {
        dates.extend(
            cycle_spans(ctx)
                .into_iter()
                .map(|(_, ce)| ce)
                .filter(|d| *d > p.anchor),
        );
    }
    dates.sort_unstable();
    dates.dedup();
    let (silence, by) = (i64::from(s.silence_days), i64::from(s.check_by_day));
    for o in dates {
        let deadline = add_days(o, by);
        if deadline < ctx.from {
            continue;
        }
        let why = ctx.msg(Msg::WhyCheck, &[&iso(o), &by.to_string()]);
        let mut pu = Purpose::new(
            TouchKind::Check,
            Class::PostPurchaseCheck,
            "R5",
            Some("post_purchase_check"),
            why,
        );
        pu.not_before = Some(add_days(o, silence + 1));
        pu.deadline = Some(deadline);
        ctx.add(add_days(o, silence + 1), Move::Later, pu);
    }
}

/// R5 (onboarding, first day), R11 (renewal with freeze and promotion).
fn service_period(ctx: &mut Ctx) {
    let Some(sv) = ctx.input.client.service.clone() else {
        return;
    };
    let s = &ctx.input.settings;
    let mut notes = Vec::new();
    if let Some(promo) = &sv.promo {
        notes.push(ctx.msg(Msg::NotePromo, &[promo]));
    }
    if let Some((f, t)) = sv.frozen {
        notes.push(ctx.msg(Msg::NoteFrozen, &[&iso(f), &iso(t)]));
    }
    if sv.start > ctx.from {
        let raw = add_days(sv.start, -i64::from(s.onboarding_lead_days)).max(ctx.from);
        let why = ctx.msg(Msg::WhyOnboarding, &[&iso(sv.start)]);
        let mut pu = Purpose::new(
            TouchKind::Onboarding,
            Class::Onboarding,
            "R5",
            Some("onboarding"),
            why,
        );
        pu.deadline = Some(add_days(sv.start, -1));
        if let Some(d) = place(&ctx.cal, ctx.from, ctx.to, raw, Move::Later, pu) {
            if d.date < sv.start {
                ctx.drafts.push(d);
            }
        }
    }
    let why = ctx.msg(Msg::WhyFirstDay, &[]);
    let mut pu = Purpose::new(
        TouchKind::FirstDay,
        Class::FirstDay,
        "R5",
        Some("first_day"),
        why,
    );
    pu.fixed = true;
    pu.not_before = Some(sv.start);
    pu.notes = notes.clone();
    if sv.start >= ctx.from {
        ctx.add(sv.start, Move::Later, pu);
    }
    // R11: remind ahead of the end; before a renewal promotion ends.
    let mut raw = add_days(sv.end, -i64::from(s.renewal_lead_days));
    let mut code = "renewal_reminder";
    let mut why = ctx.msg(Msg::WhyRenewal, &[&iso(sv.end)]);
    let mut deadline = sv.end;
    let mut rnotes = notes;
    if let Some(until) = sv.promo_until {
        let before = add_days(until, -i64::from(s.promo_lead_days));
        if until >= ctx.from && until <= sv.end {
            raw = raw.min(before).max(sv.start);
            code = "promotion_ending";
            why = ctx.msg(Msg::WhyRenewalPromo, &[&iso(until)]);
            deadline = until;
            rnotes.push(ctx.msg(Msg::NotePromoUntil, &[&iso(until)]));
            rnotes.push(ctx.msg(Msg::NoteNoOnPhone, &[]));
        }
    }
    let mut mv = Move::Earlier;
    if let Some((f, t)) = sv.frozen {
        if raw >= f && raw <= t {
            raw = add_days(t, 1);
            mv = Move::Later;
            rnotes.push(ctx.msg(Msg::NoteFrozenMoved, &[&iso(f), &iso(t)]));
            deadline = deadline.max(ctx.cal.on_or_after(raw));
        }
    }
    if sv.end >= ctx.from {
        let raw = raw.max(ctx.from);
        let mut pu = Purpose::new(TouchKind::Renewal, Class::Renewal, "R11", Some(code), why);
        pu.deadline = Some(deadline);
        pu.notes = rnotes;
        ctx.add(raw, mv, pu);
    }
}

/// R11: other terms ending (policies, deposits, warranties).
fn expiries(ctx: &mut Ctx) {
    let lead = i64::from(ctx.input.settings.renewal_lead_days);
    for e in ctx.input.client.expiries.clone() {
        if e.date < ctx.from {
            continue;
        }
        let why = ctx.msg(Msg::WhyExpiry, &[&e.what, &iso(e.date)]);
        let mut pu = Purpose::new(
            TouchKind::Renewal,
            Class::Renewal,
            "R11",
            Some("expiry_reminder"),
            why,
        );
        pu.deadline = Some(e.date);
        ctx.add(add_days(e.date, -lead).max(ctx.from), Move::Earlier, pu);
    }
}

/// R12: an apology the next working day, a follow-up later.
fn apologies(ctx: &mut Ctx) {
    let s = &ctx.input.settings;
    let (delay, follow) = (i64::from(s.apology_delay_days), i64::from(s.follow_up_days));
    for inc in ctx.input.client.incidents.clone() {
        let follow_day = add_days(inc.date, follow);
        if follow_day < ctx.from {
            continue;
        }
        let note = ctx.msg(Msg::NoteIncident, &[&iso(inc.date), &inc.summary]);
        let apology_day = add_days(inc.date, delay.max(1));
        let why = ctx.msg(Msg::WhyApology, &[&iso(inc.date), &inc.summary]);
        let mut pu = Purpose::new(
            TouchKind::Apology,
            Class::Apology,
            "R12",
            Some("apology"),
            why,
        );
        pu.fixed = true;
        pu.not_before = Some(apology_day.min(ctx.cal.on_or_after(ctx.from)));
        pu.notes = vec![note.clone()];
        ctx.add(apology_day.max(ctx.from), Move::Later, pu);
        let why = ctx.msg(Msg::WhyFollowUp, &[&follow.to_string()]);
        let mut pu = Purpose::new(
            TouchKind::Apology,
            Class::Standard,
            "R12",
            Some("apology_follow_up"),
            why,
        );
        pu.not_before = Some(follow_day);
        pu.notes = vec![note];
        ctx.add(follow_day, Move::Later, pu);
    }
}

/// Twelve-month windows from `from` (for "a year" counts).
fn year_windows(ctx: &Ctx) -> Vec<(Date, Date)> {
    let mut out = Vec::new();
    let mut start = ctx.from;
    let mut k = 0;
    while start <= ctx.to {
        k += 12;
        let next = add_months(ctx.from, k);
        out.push((start, add_days(next, -1).min(ctx.to)));
        start = next;
    }
    out
}

/// R2: invitations to at least `eventsPerYear` events in consultative sales.
fn events(ctx: &mut Ctx) {
    let p = ctx.profile.clone();
    if p.sale_type != SaleType::Consultative || p.policy.events == EventPolicy::None {
        return;
    }
    let automated = p.policy.events == EventPolicy::Automated;
    let s = &ctx.input.settings;
    let (per_year, lead) = (s.events_per_year, i64::from(s.event_invite_lead_days));
    let company = &ctx.input.company;
    let mut known: Vec<(Date, String)> = company
        .events
        .iter()
        .map(|e| (e.date, e.title.clone()))
        .collect();
    known.extend(
        company
            .content_plan
            .iter()
            .filter(|i| i.reason == "event_invitation")
            .map(|i| (i.date, i.title.clone())),
    );
    known.sort();
    known.dedup();
    for (ws, we) in year_windows(ctx) {
        let mut placed = 0;
        for (date, title) in known.iter().filter(|(d, _)| *d >= ws && *d <= we) {
            let why = ctx.msg(Msg::WhyEvent, &[title, &iso(*date)]);
            let mut pu = Purpose::new(
                TouchKind::Event,
                Class::EventInvitation,
                "R2",
                Some("event_invitation"),
                why,
            );
            pu.fixed = true;
            pu.deadline = Some(add_days(*date, -1));
            pu.automated = automated;
            if ctx
                .add(add_days(*date, -lead).max(ctx.from), Move::Nearest, pu)
                .is_some()
            {
                placed += 1;
            }
        }
        // Fewer known events than the floor: slots to fill from the plan.
        let missing = per_year.saturating_sub(placed);
        let span = (we - ws).num_days();
        for i in 0..missing {
            let raw = add_days(ws, span * i64::from(i + 1) / i64::from(missing + 1));
            let why = ctx.msg(Msg::WhyEventSlot, &[&per_year.to_string()]);
            let mut pu = Purpose::new(TouchKind::Event, Class::EventInvitation, "R2", None, why);
            pu.automated = automated;
            ctx.add(raw, Move::Nearest, pu);
        }
    }
}

/// R2/R8: the annual results meeting for A+ and A.
fn annual_meeting(ctx: &mut Ctx) {
    let p = ctx.profile.clone();
    if !p.policy.annual_meeting {
        return;
    }
    let s = &ctx.input.settings;
    let last = ctx
        .input
        .client
        .history
        .iter()
        .filter(|h| h.reason.as_deref() == Some("annual_meeting"))
        .map(|h| h.date)
        .max();
    let mut dates = Vec::new();
    match last {
        Some(l) => {
            let mut k = 12;
            loop {
                let d = add_months(l, k);
                if d > ctx.to {
                    break;
                }
                dates.push(d.max(ctx.from));
                k += 12;
            }
        }
        None => {
            for y in ctx.from.year()..=ctx.to.year() {
                if let Some(d) = in_year(y, s.meeting_month, s.meeting_day) {
                    dates.push(d);
                }
            }
        }
    }
    dates.dedup();
    for d in dates {
        let why = ctx.msg(Msg::WhyMeeting, &[p.segment.as_str()]);
        let pu = Purpose::new(
            TouchKind::Meeting,
            Class::AnnualMeeting,
            "R2",
            Some("annual_meeting"),
            why,
        );
        ctx.add(d, Move::Nearest, pu);
    }
}

/// The async personal channel a contact accepts, for a scheduled greeting.
fn async_channel(ctx: &Ctx, contact: usize) -> Option<Channel> {
    let c = &ctx.input.client;
    let accepted: Vec<Channel> = c.contacts[contact]
        .channels
        .clone()
        .or_else(|| c.channels.clone())
        .unwrap_or_else(|| vec![Channel::Phone, Channel::Email]);
    [Channel::Messenger, Channel::Email, Channel::Sms]
        .into_iter()
        .find(|ch| accepted.contains(ch))
}

/// The decision makers (R9 greets them); without roles, the first contact.
pub fn decision_makers(ctx: &Ctx) -> Vec<usize> {
    let contacts = &ctx.input.client.contacts;
    let dms: Vec<usize> = (0..contacts.len())
        .filter(|&i| contacts[i].role == Some(Role::DecisionMaker))
        .collect();
    if dms.is_empty() && !contacts.is_empty() && contacts.iter().all(|c| c.role.is_none()) {
        vec![0]
    } else {
        dms
    }
}

/// R9: birthdays on the day, New Year before the holidays, by segment policy.
fn greetings(ctx: &mut Ctx) {
    let policy = ctx.profile.policy.greetings;
    if policy == GreetingPolicy::Never {
        return;
    }
    let plan = &ctx.input.company.content_plan;
    let birthday_offer =
        ctx.input.client.birthday_offer || plan.iter().any(|i| i.reason == "birthday");
    let new_year_offer = |y: i32| {
        plan.iter().any(|i| {
            i.reason == "new_year"
                && ((i.date.year() == y && i.date.month() == 12)
                    || (i.date.year() == y + 1 && i.date.month() == 1))
        })
    };
    let always = policy == GreetingPolicy::Always;
    let dms = decision_makers(ctx);
    if always || birthday_offer {
        for &ci in &dms {
            let Some(b) = ctx.input.client.contacts[ci].birthday else {
                continue;
            };
            let name = ctx.input.client.contacts[ci].name.clone();
            for y in ctx.from.year()..=ctx.to.year() {
                let Some(day) = in_year(y, b.month, b.day) else {
                    continue;
                };
                if day < ctx.from || day > ctx.to {
                    continue;
                }
                let mut pu = Purpose::new(
                    TouchKind::Greeting,
                    Class::Greeting,
                    "R9",
                    Some("birthday"),
                    String::new(),
                );
                pu.fixed = true;
                pu.not_before = Some(day);
                pu.contact = Some(ci);
                if ctx.cal.is_working(day) {
                    pu.why = ctx.msg(Msg::WhyBirthday, &[&name]);
                    ctx.drafts.push(Draft::on_day(day, pu, None));
                } else if let Some(ch) = async_channel(ctx, ci) {
                    // On a day off: a message prepared ahead, sent on the day.
                    pu.why = ctx.msg(Msg::WhyBirthdayScheduled, &[&name]);
                    ctx.drafts.push(Draft::on_day(day, pu, Some(ch)));
                } else {
                    pu.why = ctx.msg(Msg::WhyBirthday, &[&name]);
                    ctx.add(day, Move::Later, pu);
                }
            }
        }
    }
    for y in ctx.from.year()..=ctx.to.year() {
        if !(always || new_year_offer(y)) {
            continue;
        }
        let Some(eve) = in_year(y, 12, 31) else {
            continue;
        };
        let day = ctx.cal.on_or_before(eve);
        if day < ctx.from || day > ctx.to {
            continue;
        }
        let why = ctx.msg(Msg::WhyNewYear, &[]);
        let mut pu = Purpose::new(
            TouchKind::Greeting,
            Class::Greeting,
            "R9",
            Some("new_year"),
            why,
        );
        pu.fixed = true;
        pu.contact = dms.first().copied();
        ctx.drafts.push(Draft::on_day(day, pu, None));
    }
    // Greetings are standard touches of R2's count: each replaces the
    // manager's standard slot of its window.
    let greeting_days: Vec<Date> = ctx
        .drafts
        .iter()
        .filter(|d| d.has_kind(TouchKind::Greeting) && !d.automated())
        .map(|d| d.date)
        .collect();
    for g in greeting_days {
        if let Some(i) = ctx.drafts.iter().position(|d| {
            d.purposes.len() == 1
                && d.main().kind == TouchKind::Standard
                && !d.main().automated
                && d.main().slot_window.is_some_and(|(a, b)| g >= a && g < b)
        }) {
            ctx.drafts.remove(i);
        }
    }
}

/// Content-plan items marketing sends itself (`delivery: "automated"`, R3).
fn automated_content(ctx: &mut Ctx) {
    let items = ctx.input.company.content_plan.clone();
    for (i, item) in items.iter().enumerate() {
        if item.delivery != Delivery::Automated || item.reason == "event_invitation" {
            continue;
        }
        if catalog::find(&item.reason).is_some_and(|r| r.discouraged) {
            continue;
        }
        if !super::reasons::item_matches(ctx, item) {
            continue;
        }
        let start = super::reasons::item_start(ctx, item);
        let why = ctx.msg(Msg::WhyContent, &[&item.title]);
        let mut pu = Purpose::new(TouchKind::Standard, Class::Automated, "R3", None, why);
        pu.automated = true;
        pu.content = Some(i);
        pu.not_before = Some(start);
        pu.deadline = item.until;
        ctx.add(start.max(ctx.from), Move::Later, pu);
    }
}

/// R3: automated standard touches up to the 2:1 target, on the free days
/// of each cycle (a week already at its cap gets none: they give way first).
fn top_ups(ctx: &mut Ctx) {
    let p = ctx.profile.clone();
    let s = &ctx.input.settings;
    let target = s.standard_per_mandatory * p.mandatory;
    let standard = if p.sub_month { 1 } else { p.cycle_months };
    let n = target.saturating_sub(standard);
    if n == 0 {
        return;
    }
    let silence = i64::from(s.silence_days);
    let cap = s.weekly_cap as usize;
    let merge_gap = i64::from(s.merge_gap_days);
    let why = ctx.msg(Msg::WhyTopUp, &[&s.standard_per_mandatory.to_string()]);
    let mut taken = Taken::new(ctx);
    for (cs, ce) in cycle_spans(ctx) {
        // The cycle's working days after the silence: the same for each of
        // its top-ups, so found once.
        let first = add_days(cs, silence + 1).max(ctx.from);
        let days: Vec<Date> = first
            .iter_days()
            .take_while(|d| *d < ce && *d <= ctx.to)
            .filter(|d| ctx.cal.is_working(*d))
            .collect();
        for _ in 0..n {
            // The day farthest from every planned touch; the earliest of equals.
            let mut best: Option<(i64, Date)> = None;
            for &d in &days {
                if taken.week_load(d) >= cap {
                    continue;
                }
                let dist = taken.distance(d);
                if best.is_none_or(|(bd, _)| dist > bd) {
                    best = Some((dist, d));
                }
            }
            let Some((dist, day)) = best else { break };
            if dist < merge_gap {
                break;
            }
            let mut pu = Purpose::new(
                TouchKind::Standard,
                Class::Automated,
                "R3",
                None,
                why.clone(),
            );
            pu.automated = true;
            if let Some(i) = ctx.add(day, Move::Nearest, pu) {
                taken.insert(ctx.drafts[i].date);
            }
        }
    }
}

/// The days touches are planned on, kept while top-ups are added: sorted,
/// for the distance to the nearest one (R3), and counted per calendar week
/// with `history` (R13's weekly cap).
struct Taken {
    /// Sorted; a day appears once per touch on it.
    days: Vec<Date>,
    /// Monday of the week → touches in it, planned and past.
    per_week: HashMap<Date, usize>,
}

impl Taken {
    fn new(ctx: &Ctx) -> Self {
        let mut days: Vec<Date> = ctx.drafts.iter().map(|d| d.date).collect();
        days.sort_unstable();
        let mut per_week = HashMap::new();
        let history = ctx.input.client.history.iter().map(|h| h.date);
        for d in days.iter().copied().chain(history) {
            *per_week.entry(week_start(d)).or_default() += 1;
        }
        Taken { days, per_week }
    }

    fn insert(&mut self, d: Date) {
        let at = self.days.partition_point(|x| *x < d);
        self.days.insert(at, d);
        *self.per_week.entry(week_start(d)).or_default() += 1;
    }

    /// Touches in `d`'s week, history included (R13).
    fn week_load(&self, d: Date) -> usize {
        self.per_week.get(&week_start(d)).copied().unwrap_or(0)
    }

    /// Days from `d` to the nearest planned touch; `i64::MAX` when none is.
    fn distance(&self, d: Date) -> i64 {
        let at = self.days.partition_point(|x| *x < d);
        let after = self.days.get(at).map(|x| (*x - d).num_days());
        let before = at.checked_sub(1).map(|i| (d - self.days[i]).num_days());
        after.into_iter().chain(before).min().unwrap_or(i64::MAX)
    }
}

/// R6: the service period's window: (first day planned, E − R, G).
fn reaction_bounds(ctx: &Ctx) -> Option<(Date, Date, i64, &'static str)> {
    let sv = ctx.input.client.service.as_ref()?;
    let r = sv.reaction_days.unwrap_or(ctx.input.settings.reaction_days);
    let g = i64::from(ctx.input.settings.gap_for(r));
    let last = add_days(sv.end, -i64::from(r));
    let campaign = sv.kind == Some(super::model::ServiceKind::Campaign);
    let code = if campaign {
        "campaign_results"
    } else {
        "reaction_check"
    };
    (last >= sv.start && last >= ctx.from).then_some((sv.start, last, g, code))
}

/// R6: the last check-in no later than E − R, and not so early that the
/// end goes unwatched.
fn last_reaction_check(ctx: &mut Ctx) {
    let Some(sv) = ctx.input.client.service.clone() else {
        return;
    };
    let r = sv.reaction_days.unwrap_or(ctx.input.settings.reaction_days);
    let g = i64::from(ctx.input.settings.gap_for(r));
    let last = add_days(sv.end, -i64::from(r));
    if last < sv.start {
        let m = ctx.msg(Msg::WarnPeriodTooShort, &[]);
        ctx.warn(
            "period_too_short",
            m,
            "R6",
            Some(sv.end),
            Some("client.service"),
        );
        return;
    }
    if last < ctx.from {
        return;
    }
    let campaign = sv.kind == Some(super::model::ServiceKind::Campaign);
    let code = if campaign {
        "campaign_results"
    } else {
        "reaction_check"
    };
    let why = ctx.msg(Msg::WhyReactionLast, &[&iso(last), &r.to_string()]);
    let mut pu = Purpose::new(
        TouchKind::Check,
        Class::LastReactionCheck,
        "R6",
        Some(code),
        why,
    );
    pu.deadline = Some(last);
    pu.not_before = Some(add_days(last, -g));
    ctx.add(last, Move::Earlier, pu);
}

/// R6: check-ins where touches already planned leave a gap over G between
/// the start (or the last touch before today) and E − R. Runs after merges,
/// so that it sees the days touches really fall on.
pub fn fill_reaction_gaps(ctx: &mut Ctx) {
    let Some((start, last, g, code)) = reaction_bounds(ctx) else {
        return;
    };
    let begin = start.max(ctx.from);
    let mut prev = if start >= ctx.from {
        start
    } else {
        ctx.input
            .client
            .history
            .iter()
            .map(|h| h.date)
            .filter(|d| *d >= start && *d < ctx.from)
            .max()
            .unwrap_or(ctx.from)
    };
    let mut guard = 0;
    loop {
        guard += 1;
        let next = ctx
            .drafts
            .iter()
            .map(|d| d.date)
            .filter(|d| *d > prev && *d <= last)
            .min()
            .unwrap_or(last);
        if (next - prev).num_days() <= g || guard > 400 {
            if next >= last {
                break;
            }
            prev = next;
            continue;
        }
        let mut day = ctx.cal.on_or_before(add_days(prev, g));
        if day <= prev || day < begin {
            day = ctx.cal.on_or_after(add_days(prev, 1));
        }
        if day >= next {
            // Days off fill the gap: nothing fits, the check warns later.
            prev = next;
            if next >= last {
                break;
            }
            continue;
        }
        let why = ctx.msg(Msg::WhyReactionGap, &[&g.to_string()]);
        let mut pu = Purpose::new(
            TouchKind::Check,
            Class::ReactionCheck,
            "R6",
            Some(code),
            why,
        );
        pu.deadline = Some(last);
        match ctx.add(day, Move::Earlier, pu) {
            Some(i) => prev = ctx.drafts[i].date.max(add_days(prev, 1)),
            None => break,
        }
    }
}
