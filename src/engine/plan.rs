//! The planner: the rules' floor touches first, then limits, then channels,
//! contacts and reasons; finally the summary (DOMAIN.md "How the rules
//! combine").

use std::collections::BTreeMap;
use std::rc::Rc;

use chrono::Datelike;

use super::calendar::WorkingCalendar;
use super::catalog;
use super::channels;
use super::context::Ctx;
use super::date::{add_days, add_months, iso, year_month};
use super::draft::{Class, Draft};
use super::error::InputErrors;
use super::input::{validate, PlanInput};
use super::limits;
use super::model::{Date, Role, Segment, TouchKind};
use super::output::{Horizon, MonthCount, PerCycle, Plan, ReasonSuggestion, Summary, Touch};
use super::profile;
use super::reasons;
use super::rules::offers::Purchases;
use super::rules::{self, reaction};
use super::texts::Msg;

/// Validates a JSON `PlanInput` and plans it.
///
/// # Errors
/// Every problem of the input, with code, path and a message in its locale.
pub fn plan_value(v: &serde_json::Value) -> Result<Plan, InputErrors> {
    validate(v).map(|i| plan_input(&i))
}

/// Plans a validated input. Pure: the same input gives the same plan.
pub fn plan_input(input: &PlanInput) -> Plan {
    build(draft(input))
}

/// Places every touch of one client, floors then limits, as drafts still
/// open to a book's levelling (R16) before they are rendered.
pub(crate) fn draft(input: &PlanInput) -> Ctx<'_> {
    let mut ctx = draft_as(input, None);
    // R8: never more touches than the next higher segment would get.
    rules::effort::cap_by_higher_segment(&mut ctx);
    reaction::check_reaction_gaps(&mut ctx);
    limits::report_gap_drops(&mut ctx);
    ctx
}

/// [`draft`] as the client's own segment, or as `segment`, before R8's
/// comparison with a higher segment and the warnings that follow it.
pub(crate) fn draft_as(input: &PlanInput, segment: Option<Segment>) -> Ctx<'_> {
    let from = input.today;
    let to = add_days(add_months(from, input.horizon_months), -1);
    let company = &input.company;
    let mut profile = profile::derive(input);
    if let Some(seg) = segment {
        profile.segment = seg;
        profile.policy = input.settings.segment(seg);
    }
    let bought = Rc::new(Purchases::of(input, &profile));
    let mut ctx = Ctx {
        input,
        profile,
        bought,
        cal: WorkingCalendar::new(
            company.russian_calendar,
            &company.holidays,
            &company.workdays,
        )
        .remembering(add_days(from, -400), add_days(to, 400)),
        from,
        to,
        drafts: Vec::new(),
        warnings: Vec::new(),
        gap_drops: Vec::new(),
        channels: Vec::new(),
    };
    for y in from.year()..=to.year() {
        if !ctx.cal.covers(y) {
            let m = ctx.msg(Msg::WarnCalendarNotCovered, &[&y.to_string()]);
            ctx.warn(
                "calendar_not_covered",
                m,
                "R14",
                None,
                Some("company.country"),
            );
        }
    }
    for (i, item) in company.content_plan.iter().enumerate() {
        if catalog::find(&item.reason).is_some_and(|r| r.discouraged) {
            let m = ctx.msg(Msg::WarnDiscouraged, &[&item.title]);
            ctx.warn(
                "discouraged_reason",
                m,
                "R1",
                Some(item.date),
                Some(&format!("company.contentPlan[{i}].reason")),
            );
        }
    }
    rules::place_floors(&mut ctx);
    rules::renewals::respect_freeze(&mut ctx);
    limits::merge_close(&mut ctx);
    // R12's quiet after a failure applies to what is still marketing's own
    // touch once merges have let a manager's call carry some content.
    rules::apologies::quiet_after_incidents(&mut ctx);
    // R6 sees the days touches fall on after merging; a new check-in can
    // itself merge, so settle it a few times.
    for _ in 0..3 {
        reaction::fill_reaction_gaps(&mut ctx);
        limits::merge_close(&mut ctx);
    }
    limits::apply_caps(&mut ctx);
    // R3: top-ups are first to give way to the caps: they take only the
    // room the plan leaves.
    rules::cadence::top_ups(&mut ctx);
    // The caps may have moved a touch next to another: the merge gap is
    // settled once more over the whole plan.
    limits::merge_close(&mut ctx);
    limits::hold_weekly_cap(&mut ctx);
    // R7: an automated touch that would break a channel's minimum gap
    // moves or gives way; the channels are kept for the plan.
    let assigned = limits::settle_channel_gaps(&mut ctx);
    ctx.channels = ctx.drafts.iter().map(|d| d.date).zip(assigned).collect();
    ctx
}

/// Renders a client's drafts: channels and contacts (R7, R15), reasons
/// (R1, R10), texts and the summary.
pub(crate) fn build(mut ctx: Ctx) -> Plan {
    let input = ctx.input;
    let locale = input.locale;
    let fresh = ctx.channels.len() == ctx.drafts.len()
        && ctx
            .channels
            .iter()
            .zip(&ctx.drafts)
            .all(|(c, d)| c.0 == d.date);
    let assigned: Vec<channels::Assigned> = if fresh {
        std::mem::take(&mut ctx.channels)
            .into_iter()
            .map(|c| c.1)
            .collect()
    } else {
        channels::assign(&ctx)
    };
    let facts = reasons::facts(&ctx);
    let mut ranking = reasons::Ranking::new(&ctx);
    let mut touches = Vec::with_capacity(ctx.drafts.len());
    let mut extra_warnings = Vec::new();
    for (d, (channel, contact, gap_broken)) in ctx.drafts.iter().zip(&assigned) {
        let ranked = reasons::rank(&ctx, &facts, &mut ranking, d, *contact);
        let suggestions = ranked.suggestions;
        let main = d.main();
        let slot_kinds = [TouchKind::Standard, TouchKind::Event];
        let slot = !ranked.specific && d.purposes.iter().all(|p| slot_kinds.contains(&p.kind));
        if slot || ranked.merged_standard_slot {
            extra_warnings.push((
                "no_specific_reason",
                ctx.msg(Msg::WarnNoSpecificReason, &[]),
                "R1",
                d.date,
            ));
        }
        if *gap_broken {
            extra_warnings.push((
                "channel_gap",
                channels::gap_warning(&ctx, *channel),
                "R7",
                d.date,
            ));
        }
        let mut notes: Vec<String> = Vec::new();
        for p in &d.purposes {
            for n in &p.notes {
                if !notes.contains(n) {
                    notes.push(n.clone());
                }
            }
        }
        // R15: a mandatory visit is a chance for a word with the decision maker.
        let client = &input.client;
        let dm_elsewhere = client
            .contacts
            .iter()
            .enumerate()
            .any(|(i, c)| c.role == Some(Role::DecisionMaker) && Some(i) != *contact);
        if main.kind == TouchKind::Mandatory
            && *channel == super::model::Channel::Visit
            && dm_elsewhere
        {
            notes.push(ctx.msg(Msg::NoteDecisionMaker, &[]));
        }
        let mut purposes: Vec<TouchKind> = Vec::new();
        for p in &d.purposes {
            if !purposes.contains(&p.kind) {
                purposes.push(p.kind);
            }
        }
        let mut people: Vec<String> = Vec::new();
        for i in d.purposes.iter().filter_map(|p| p.contact).chain(*contact) {
            let n = &client.contacts[i].name;
            if !people.contains(n) {
                people.push(n.clone());
            }
        }
        let c = contact.map(|i| &client.contacts[i]);
        touches.push(Touch {
            date: iso(d.date),
            kind: main.kind,
            channel: *channel,
            automated: d.automated(),
            contact: c.map(|c| c.name.clone()),
            role: c.and_then(|c| c.role).map(|r| r.as_str().to_string()),
            contacts: (people.len() > 1).then_some(people),
            rule: main.rule.to_string(),
            why: {
                let why = super::rules::cadence::merged_steps_why(&ctx, d)
                    .or_else(|| super::rules::cadence::merged_need_why(&ctx, d))
                    .or_else(|| standard_why_for_lead(&ctx, d, &suggestions))
                    .unwrap_or_else(|| main.why.clone());
                match &ranked.merged_standard_lead {
                    Some(lead) => {
                        let also = ctx.msg(Msg::WhyAlsoStandard, &[lead]);
                        format!("{why} {also}")
                    }
                    None => why,
                }
            },
            reasons: suggestions,
            // R14: `movedFrom` tells a move off a day off; a touch the caps
            // or a merge shifted between working days just has its date.
            moved_from: d
                .moved_from
                .filter(|from| !ctx.cal.is_working(*from))
                .map(iso),
            purposes: (d.purposes.len() > 1).then_some(purposes),
            scheduled: d.scheduled.then_some(true),
            expected: d.purposes.iter().any(|p| p.expected).then_some(true),
            notes: (!notes.is_empty()).then_some(notes),
        });
    }
    for (code, m, rule, date) in extra_warnings {
        ctx.warn(code, m, rule, Some(date), None);
    }
    let summary = summarize(&ctx, &touches);
    // R3: the target is marketing's to meet where the segment has top-ups;
    // elsewhere (C, D, short cycles) a lower balance is the policy itself.
    let p = &ctx.profile;
    let top_ups = p.policy.top_ups && !p.sub_month && !p.nothing_sold;
    let short_top_ups = p.policy.top_ups && p.sub_month && !p.nothing_sold;
    if let Some(r) = summary.standard_to_mandatory.filter(|_| top_ups) {
        let target = f64::from(input.settings.standard_per_mandatory);
        if r < target {
            let m = ctx.msg(
                Msg::WarnRatioBelowTarget,
                &[
                    &super::texts::decimal(locale, r),
                    &input.settings.standard_per_mandatory.to_string(),
                ],
            );
            ctx.warn("ratio_below_target", m, "R3", None, None);
        }
    }
    // R3 under a month's cycle: the segment's top-ups would not fit the
    // caps (the mandatory steps of every order fill them); the plan says so.

    if let Some(r) = summary.standard_to_mandatory.filter(|_| short_top_ups) {
        let target = f64::from(input.settings.standard_per_mandatory);
        if r < target {
            let m = ctx.msg(
                Msg::WarnShortCycleTopUps,
                &[
                    &super::texts::decimal(locale, r),
                    &input.settings.standard_per_mandatory.to_string(),
                ],
            );
            ctx.warn("dropped", m, "R3", None, None);
        }
    }
    slot_warnings_follow(&mut ctx);
    let warnings = super::output::group_warnings(ctx.warnings);
    Plan {
        client_id: input.client.id.clone(),
        client_name: input.client.name.clone(),
        horizon: Horizon {
            from: iso(ctx.from),
            to: iso(ctx.to),
        },
        touches,
        summary,
        warnings,
        locale: locale.as_str().to_string(),
    }
}

/// R1, every text true: a warning about an event-invitation slot names
/// the day the slot's touch is on when the plan is built — a merge (R13)
/// or a book's levelling (R16) may have carried it to a neighbouring day —
/// and goes with the touch when no touch carries the slot any more (the
/// `dropped` warning tells that).
fn slot_warnings_follow(ctx: &mut Ctx) {
    let drafts = &ctx.drafts;
    ctx.warnings.retain_mut(|w| {
        if w.code != "no_company_events" {
            return true;
        }
        let Some(day) = w.date.as_deref().and_then(super::date::parse_iso) else {
            return true;
        };
        let carrier = drafts.iter().find(|d| {
            d.purposes.iter().any(|p| {
                p.class == Class::EventInvitation
                    && p.slot_window
                        .is_some_and(|(first, end)| first <= day && day < end)
            })
        });
        match carrier {
            Some(d) => {
                w.date = Some(iso(d.date));
                true
            }
            None => false,
        }
    });
}

/// R1, every text true: the monthly standard touch's general `why`
/// ("something useful for the business") does not stand over a lead that is
/// not advice or news: a referral request, the loyalty programme, a gift.
fn standard_why_for_lead(ctx: &Ctx, d: &Draft, suggestions: &[ReasonSuggestion]) -> Option<String> {
    let main = d.main();
    let general = [Msg::WhyStandard, Msg::WhyStandardForPerson];
    if main.kind != TouchKind::Standard
        || main.rule != "R2"
        || d.automated()
        || !general.iter().any(|m| ctx.msg(*m, &[]) == main.why)
    {
        return None;
    }
    let m = match suggestions.first()?.code.as_str() {
        "referral" => Msg::WhyStandardReferral,
        "loyalty_programme" => Msg::WhyStandardLoyalty,
        "gift" => Msg::WhyStandardGift,
        _ => return None,
    };
    Some(ctx.msg(m, &[]))
}

fn summarize(ctx: &Ctx, touches: &[Touch]) -> Summary {
    let p = &ctx.profile;
    let s = &ctx.input.settings;
    let mut by_kind: BTreeMap<TouchKind, u32> = TouchKind::ALL.iter().map(|k| (*k, 0)).collect();
    for t in touches {
        *by_kind.entry(t.kind).or_default() += 1;
    }
    let mut months: BTreeMap<String, u32> = BTreeMap::new();
    let mut m = ctx.from.with_day(1).unwrap_or(ctx.from);
    while m <= ctx.to {
        months.insert(year_month(m), 0);
        m = add_months(m, 1);
    }
    for t in touches {
        *months.entry(t.date[..7].to_string()).or_default() += 1;
    }
    // R2: the formula under the segment policy; automated apart.
    let manager_standard = if p.policy.standard_by_manager && !p.sub_month {
        p.cycle_months
    } else {
        0
    };
    let need = if p.sub_month {
        p.policy.need_per_cycle.min(1)
    } else {
        p.policy.need_per_cycle
    };
    let standard_all = if p.sub_month { 1 } else { p.cycle_months };
    // R3: top-ups only where the segment policy has them (R8).
    let top_ups = if p.policy.top_ups && !p.sub_month && !p.nothing_sold {
        (s.standard_per_mandatory * p.mandatory).saturating_sub(standard_all)
    } else {
        0
    };
    // R2: nothing sold yet, nothing to fulfil; need discovery as the
    // segment policy says.
    let mandatory = if p.nothing_sold { 0 } else { p.mandatory };
    let automated = (standard_all - manager_standard.min(standard_all)) + top_ups;
    let per_cycle = PerCycle {
        cycle_days: p.cycle_days,
        mandatory,
        standard: manager_standard,
        need,
        total: mandatory + manager_standard + need,
        automated,
    };
    // R3: the ratio over the plan, every purpose of merged touches counted.
    let (mut std_count, mut mand_count) = (0u32, 0u32);
    for d in &ctx.drafts {
        for pu in &d.purposes {
            match pu.kind {
                TouchKind::Standard | TouchKind::Greeting => std_count += 1,
                TouchKind::Mandatory => mand_count += 1,
                _ => {}
            }
        }
    }
    let standard_to_mandatory = (mand_count > 0)
        .then(|| (f64::from(std_count) / f64::from(mand_count) * 100.0).round() / 100.0);
    let mut dates: Vec<Date> = ctx.drafts.iter().map(|d| d.date).collect();
    dates.dedup();
    let gaps: Vec<i64> = dates.windows(2).map(|w| (w[1] - w[0]).num_days()).collect();
    let avg_gap_days = (!gaps.is_empty())
        .then(|| (gaps.iter().sum::<i64>() as f64 / gaps.len() as f64 * 10.0).round() / 10.0);
    Summary {
        total: touches.len() as u32,
        by_kind,
        by_month: months
            .into_iter()
            .map(|(month, count)| MonthCount { month, count })
            .collect(),
        per_cycle,
        standard_to_mandatory,
        avg_gap_days,
        max_gap_days: gaps.iter().max().map(|g| *g as u32),
    }
}
