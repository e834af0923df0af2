//! The reasons catalog (DOMAIN.md "The reasons catalog", R1): every reason a
//! touch can carry, with ru/en texts, suited roles and relevance signals.

use super::model::{Role, TouchKind};

/// The catalog's grouping of reasons (CONTRACT.md `Reason.kind`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReasonKind {
    Mandatory,
    Standard,
    Lifecycle,
}

impl ReasonKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ReasonKind::Mandatory => "mandatory",
            ReasonKind::Standard => "standard",
            ReasonKind::Lifecycle => "lifecycle",
        }
    }
}

/// Client data that make a reason relevant (used by the ranking, R10/R15).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Signal {
    /// `flags.promoSensitive` or orders bought on promotion (R10).
    PromoSensitive,
    /// The client has orders with categories or items (R10).
    HasPurchases,
    /// Only after a post-purchase check took place (R5: upsell, referral).
    AfterCheck,
    Consultative,
    Transactional,
    /// The client has a service period (campaign, contract, membership...).
    HasService,
    /// The service period is an advertising campaign (seed 000).
    Campaign,
    /// A contact has personal interests in the dossier (seed 004 item 11).
    HasInterests,
    /// `flags.loyal`: very loyal clients only (insights, pilots).
    Loyal,
    /// `client.industry` is known (analytics, legislation, peers' cases).
    HasIndustry,
    /// A durable purchase whose usual interval has passed (R10).
    DurableIntervalPassed,
    /// Segment A+ or A.
    TopSegment,
    /// A service failure was recorded (R12).
    HasIncident,
    /// A term ends: renewal or expiry (R11).
    HasExpiry,
}

/// One catalog entry.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ReasonDef {
    /// Stable snake_case code.
    pub code: &'static str,
    pub kind: ReasonKind,
    pub title_ru: &'static str,
    pub title_en: &'static str,
    /// One line on how to use it.
    pub hint_ru: &'static str,
    pub hint_en: &'static str,
    /// Roles it suits; empty = any.
    pub roles: &'static [Role],
    /// Touch kinds it can be the reason of.
    pub serves: &'static [TouchKind],
    /// Client data that make it relevant; empty = generally applicable.
    pub signals: &'static [Signal],
    /// R1: never suggested as a touch's reason.
    pub discouraged: bool,
}

/// Looks a reason up by code.
pub fn find(code: &str) -> Option<&'static ReasonDef> {
    CATALOG.iter().find(|r| r.code == code)
}

/// Every reason, mandatory first, then standard, lifecycle, discouraged.
pub static CATALOG: &[ReasonDef] = &[
    // FILLED BY THE CATALOG TASK
];
