//! Every *(product choice)* of DOMAIN.md as a field with its default.
//!
//! A head of sales overrides any of them through `settings` in the input
//! (camelCase names, see the README's settings table). Defaults follow the
//! DOMAIN.md rule cited on each field.

use std::collections::BTreeMap;

use serde::ser::{Serialize, SerializeStruct, Serializer};

use super::model::{Channel, Segment};

/// Who gets greetings (R9).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub enum GreetingPolicy {
    /// Birthday of decision makers and New Year, by the manager.
    Always,
    /// Only when the company has an offer for the occasion.
    WithOffer,
    Never,
}

impl GreetingPolicy {
    pub const NAMES: &'static [(&'static str, GreetingPolicy)] = &[
        ("always", GreetingPolicy::Always),
        ("withOffer", GreetingPolicy::WithOffer),
        ("never", GreetingPolicy::Never),
    ];
}

/// Whether personal visits are planned (R8).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub enum VisitPolicy {
    /// Planned where the client accepts visits.
    Allowed,
    /// Only where the client listed `visit` among its channels.
    OnRequest,
    No,
}

impl VisitPolicy {
    pub const NAMES: &'static [(&'static str, VisitPolicy)] = &[
        ("allowed", VisitPolicy::Allowed),
        ("onRequest", VisitPolicy::OnRequest),
        ("no", VisitPolicy::No),
    ];
}

/// Who invites to events in consultative sales (R8).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub enum EventPolicy {
    Manager,
    Automated,
    None,
}

impl EventPolicy {
    pub const NAMES: &'static [(&'static str, EventPolicy)] = &[
        ("manager", EventPolicy::Manager),
        ("automated", EventPolicy::Automated),
        ("none", EventPolicy::None),
    ];
}

/// One row of R8's segment table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SegmentPolicy {
    /// Standard touches by the manager (else automated by marketing).
    pub standard_by_manager: bool,
    /// Need-discovery touches per cycle: 2, or 1 (the pre-order one).
    pub need_per_cycle: u32,
    /// R3: automated top-ups up to the standard:mandatory target.
    pub top_ups: bool,
    pub greetings: GreetingPolicy,
    pub annual_meeting: bool,
    pub visits: VisitPolicy,
    pub events: EventPolicy,
}

/// The policy a head of sales tunes. `Default` gives DOMAIN.md's defaults.
#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    /// R2: cycle when nothing else tells it, transactional sale (days).
    pub default_cycle_transactional: u32,
    /// R2: cycle when nothing else tells it, consultative sale (days).
    pub default_cycle_consultative: u32,
    /// R2: a cycle over this makes the default sale type consultative.
    pub consultative_threshold_days: u32,
    /// R2: cycles under this are "shorter than a month".
    pub sub_month_threshold_days: u32,
    /// R2: past orders needed to derive the cycle from their median interval.
    pub orders_for_cycle: u32,
    /// R2: default mandatory touches per order, transactional.
    pub mandatory_transactional: u32,
    /// R2: default mandatory touches per order, consultative.
    pub mandatory_consultative: u32,
    /// R3: target standard touches per mandatory one.
    pub standard_per_mandatory: u32,
    /// R2: event invitations a year in consultative sales.
    pub events_per_year: u32,
    /// R2: days before an event to invite.
    pub event_invite_lead_days: u32,
    /// R5: days of silence after a purchase.
    pub silence_days: u32,
    /// R5: the post-purchase check happens no later than this day.
    pub check_by_day: u32,
    /// R5: transactional orders from this amount get a check.
    pub check_min_amount: f64,
    /// R4: working days before an expected order for the pre-order touch.
    pub pre_order_lead_workdays: u32,
    /// R7, R9: greetings go by a call or a personal message ahead of
    /// rotation (personally and informally), even right after a call;
    /// `false` rotates them like other touches (an e-mail greeting where
    /// the person has no messenger).
    pub greetings_ahead_of_rotation: bool,
    /// R6: reaction time when the service period gives none.
    pub reaction_days: u32,
    /// R6: max gap G; `None` = max(R, 7).
    pub reaction_gap_days: Option<u32>,
    /// R5: onboarding touch this many days before the service start.
    pub onboarding_lead_days: u32,
    /// R11: reminder this many days before a term ends.
    pub renewal_lead_days: u32,
    /// R11: renewal touch this many days before a renewal promotion ends.
    pub promo_lead_days: u32,
    /// R12: apology this many days after the incident (then next working day).
    pub apology_delay_days: u32,
    /// R12: follow-up this many days after the incident.
    pub follow_up_days: u32,
    /// R7: minimum days between two touches on one channel.
    pub channel_gaps: BTreeMap<Channel, u32>,
    /// R7: channels marketing uses for automated touches, in preference order.
    pub automated_channels: Vec<Channel>,
    /// R13: touches closer than this many days are merged.
    pub merge_gap_days: u32,
    /// R13: touches a calendar week (Monday–Sunday), all kinds.
    pub weekly_cap: u32,
    /// R13: touches a day.
    pub daily_cap: u32,
    /// R10: offer-only touches a month.
    pub offers_per_month: u32,
    /// R1: a content-plan item without `until` is usable this many days.
    pub content_validity_days: u32,
    /// R10: a repeat purchase interval from which a purchase is durable.
    pub durable_interval_days: u32,
    /// R1: recent reasons not repeated (how many past touches to look at).
    pub freshness_touches: u32,
    /// R2: annual results meeting (month, day) when history has none.
    pub meeting_month: u32,
    pub meeting_day: u32,
    /// R4: consultative sales: the first need touch this many days before
    /// the expected order or decision.
    pub need_lead_days: u32,
    /// R5: a missed post-purchase check is still made up to this day.
    pub check_late_days: u32,
    /// R6: the watch stretch before E − R where touches are at most G apart.
    pub reaction_watch_days: u32,
    /// R12: when the next working day is further, a message goes first.
    pub apology_max_days: u32,
    /// R12: no automated marketing this many days after a failure.
    pub quiet_after_incident_days: u32,
    /// R2: months of the year for event-invitation slots without known events.
    pub event_slot_months: Vec<u32>,
    /// R12: the apology's channel; `None` = a call or a visit where accepted.
    pub apology_channel: Option<Channel>,
    /// R8: minimum annual revenue per segment, to derive a missing segment.
    pub revenue_segments: Option<BTreeMap<Segment, f64>>,
    /// Catalog: touches a year that may lead with asking for a referral.
    pub referrals_per_year: u32,
    /// R15: touches per calendar quarter each influencer gets at least.
    pub influencer_touches_per_quarter: u32,
    /// R16: a manager's personal touches a working day across a book.
    pub manager_daily_capacity: u32,
    /// R16: working days a flexible touch may move either way to level a
    /// manager's days.
    pub level_slack_days: u32,
    /// R8: the segment table.
    pub segments: BTreeMap<Segment, SegmentPolicy>,
}

impl Default for Settings {
    fn default() -> Self {
        use EventPolicy as E;
        use GreetingPolicy as G;
        use VisitPolicy as V;
        let row =
            |standard_by_manager, need_per_cycle, greetings, annual_meeting, visits, events| {
                SegmentPolicy {
                    standard_by_manager,
                    need_per_cycle,
                    // R3: on where the manager makes standard touches (A+, A, B).
                    top_ups: standard_by_manager,
                    greetings,
                    annual_meeting,
                    visits,
                    events,
                }
            };
        let segments = BTreeMap::from([
            (
                Segment::APlus,
                row(true, 2, G::Always, true, V::Allowed, E::Manager),
            ),
            (
                Segment::A,
                row(true, 2, G::Always, true, V::Allowed, E::Manager),
            ),
            (
                Segment::B,
                row(true, 2, G::WithOffer, false, V::OnRequest, E::Manager),
            ),
            (
                Segment::C,
                row(false, 2, G::WithOffer, false, V::No, E::Automated),
            ),
            (
                Segment::D,
                row(false, 1, G::WithOffer, false, V::No, E::None),
            ),
        ]);
        let channel_gaps = BTreeMap::from([
            (Channel::Phone, 2),
            (Channel::Messenger, 2),
            (Channel::Email, 3),
            (Channel::Visit, 14),
            (Channel::Sms, 7),
            (Channel::Newsletter, 7),
        ]);
        Settings {
            default_cycle_transactional: 30,
            default_cycle_consultative: 365,
            consultative_threshold_days: 61,
            sub_month_threshold_days: 28,
            orders_for_cycle: 3,
            mandatory_transactional: 2,
            mandatory_consultative: 3,
            standard_per_mandatory: 2,
            events_per_year: 2,
            event_invite_lead_days: 21,
            silence_days: 3,
            check_by_day: 7,
            check_min_amount: 100_000.0,
            pre_order_lead_workdays: 3,
            greetings_ahead_of_rotation: true,
            reaction_days: 7,
            reaction_gap_days: None,
            onboarding_lead_days: 5,
            renewal_lead_days: 30,
            promo_lead_days: 7,
            apology_delay_days: 1,
            follow_up_days: 30,
            channel_gaps,
            automated_channels: vec![
                Channel::Newsletter,
                Channel::Email,
                Channel::Messenger,
                Channel::Portal,
                Channel::Social,
            ],
            merge_gap_days: 2,
            weekly_cap: 3,
            daily_cap: 1,
            offers_per_month: 1,
            content_validity_days: 90,
            durable_interval_days: 180,
            freshness_touches: 3,
            meeting_month: 12,
            meeting_day: 18,
            need_lead_days: 60,
            check_late_days: 14,
            reaction_watch_days: 30,
            apology_max_days: 3,
            quiet_after_incident_days: 14,
            event_slot_months: vec![3, 10],
            apology_channel: None,
            revenue_segments: None,
            referrals_per_year: 2,
            influencer_touches_per_quarter: 1,
            manager_daily_capacity: 12,
            level_slack_days: 3,
            segments,
        }
    }
}

/// The camelCase object `settings` accepts, every key present: what
/// `defaultSettings()` shows. `reactionGapDays` is `null` while it follows
/// R (max(R, 7)); the meeting day is `annualMeeting`, `--MM-DD`.
impl Serialize for Settings {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut st = serializer.serialize_struct("Settings", 45)?;
        st.serialize_field(
            "defaultCycleTransactional",
            &self.default_cycle_transactional,
        )?;
        st.serialize_field("defaultCycleConsultative", &self.default_cycle_consultative)?;
        st.serialize_field(
            "consultativeThresholdDays",
            &self.consultative_threshold_days,
        )?;
        st.serialize_field("subMonthThresholdDays", &self.sub_month_threshold_days)?;
        st.serialize_field("ordersForCycle", &self.orders_for_cycle)?;
        st.serialize_field("mandatoryTransactional", &self.mandatory_transactional)?;
        st.serialize_field("mandatoryConsultative", &self.mandatory_consultative)?;
        st.serialize_field("standardPerMandatory", &self.standard_per_mandatory)?;
        st.serialize_field("eventsPerYear", &self.events_per_year)?;
        st.serialize_field("eventInviteLeadDays", &self.event_invite_lead_days)?;
        st.serialize_field("silenceDays", &self.silence_days)?;
        st.serialize_field("checkByDay", &self.check_by_day)?;
        st.serialize_field("checkMinAmount", &self.check_min_amount)?;
        st.serialize_field("preOrderLeadWorkdays", &self.pre_order_lead_workdays)?;
        st.serialize_field(
            "greetingsAheadOfRotation",
            &self.greetings_ahead_of_rotation,
        )?;
        st.serialize_field("reactionDays", &self.reaction_days)?;
        st.serialize_field("reactionGapDays", &self.reaction_gap_days)?;
        st.serialize_field("onboardingLeadDays", &self.onboarding_lead_days)?;
        st.serialize_field("renewalLeadDays", &self.renewal_lead_days)?;
        st.serialize_field("promoLeadDays", &self.promo_lead_days)?;
        st.serialize_field("apologyDelayDays", &self.apology_delay_days)?;
        st.serialize_field("followUpDays", &self.follow_up_days)?;
        st.serialize_field("channelGaps", &self.channel_gaps)?;
        st.serialize_field("automatedChannels", &self.automated_channels)?;
        st.serialize_field("mergeGapDays", &self.merge_gap_days)?;
        st.serialize_field("weeklyCap", &self.weekly_cap)?;
        st.serialize_field("dailyCap", &self.daily_cap)?;
        st.serialize_field("offersPerMonth", &self.offers_per_month)?;
        st.serialize_field("contentValidityDays", &self.content_validity_days)?;
        st.serialize_field("durableIntervalDays", &self.durable_interval_days)?;
        st.serialize_field("freshnessTouches", &self.freshness_touches)?;
        st.serialize_field(
            "annualMeeting",
            &format!("--{:02}-{:02}", self.meeting_month, self.meeting_day),
        )?;
        st.serialize_field("needLeadDays", &self.need_lead_days)?;
        st.serialize_field("checkLateDays", &self.check_late_days)?;
        st.serialize_field("reactionWatchDays", &self.reaction_watch_days)?;
        st.serialize_field("apologyMaxDays", &self.apology_max_days)?;
        st.serialize_field("quietAfterIncidentDays", &self.quiet_after_incident_days)?;
        st.serialize_field("eventSlotMonths", &self.event_slot_months)?;
        st.serialize_field("apologyChannel", &self.apology_channel)?;
        st.serialize_field("revenueSegments", &self.revenue_segments)?;
        st.serialize_field("referralsPerYear", &self.referrals_per_year)?;
        st.serialize_field(
            "influencerTouchesPerQuarter",
            &self.influencer_touches_per_quarter,
        )?;
        st.serialize_field("managerDailyCapacity", &self.manager_daily_capacity)?;
        st.serialize_field("levelSlackDays", &self.level_slack_days)?;
        st.serialize_field("segments", &self.segments)?;
        st.end()
    }
}

impl Settings {
    /// R6: the max gap G for reaction time `r`.
    pub fn gap_for(&self, r: u32) -> u32 {
        self.reaction_gap_days.unwrap_or(r.max(7))
    }

    /// R7: the minimum gap for `channel` (0 where none is set).
    pub fn channel_gap(&self, channel: Channel) -> u32 {
        self.channel_gaps.get(&channel).copied().unwrap_or(0)
    }

    /// R8: the policy row for `segment`.
    pub fn segment(&self, segment: Segment) -> SegmentPolicy {
        self.segments[&segment]
    }
}
