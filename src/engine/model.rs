//! Domain vocabulary shared by every rule: touch kinds, channels, roles,
//! segments. Each enum knows its wire name (the contract's snake_case or
//! literal string) so that validation and serialisation agree.

use serde::{Deserialize, Serialize};

/// A calendar day. Dates cross every boundary as ISO `YYYY-MM-DD` strings.
pub type Date = chrono::NaiveDate;

macro_rules! wire_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $wire:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        pub enum $name {
            $($(#[$vmeta])* #[serde(rename = $wire)] $variant),+
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The name used in JSON.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $wire),+ }
            }

            /// Parses the JSON name; `None` for anything else.
            pub fn parse(s: &str) -> Option<Self> {
                match s { $($wire => Some($name::$variant),)+ _ => None }
            }

            /// The JSON names of every value, for error messages.
            pub fn wire_names() -> String {
                Self::ALL.iter().map(|v| v.as_str()).collect::<Vec<_>>().join(", ")
            }
        }
    };
}

wire_enum! {
    /// What a touch is for (CONTRACT.md `TouchKind`). The order of
    /// [`TouchKind::protection`] decides what survives caps (R13).
    TouchKind {
        Mandatory = "mandatory",
        Standard = "standard",
        /// Need discovery: finds out or seeds the next order (R4).
        Need = "need",
        /// Invitation to an event (R2, consultative extras).
        Event = "event",
        /// The annual results meeting (R2, R8).
        Meeting = "meeting",
        Greeting = "greeting",
        Renewal = "renewal",
        /// Post-purchase check (R5) or reaction-window check-in (R6).
        Check = "check",
        /// Apology (R12) and its follow-up.
        Apology = "apology",
        FirstDay = "first_day",
        Onboarding = "onboarding",
    }
}

wire_enum! {
    /// How a touch reaches the client (R7).
    Channel {
        Phone = "phone",
        Visit = "visit",
        Messenger = "messenger",
        Email = "email",
        Sms = "sms",
        Newsletter = "newsletter",
        /// A meeting at an event.
        Event = "event",
        /// Talking to the client's staff (e.g. their sellers).
        Staff = "staff",
        Portal = "portal",
        Social = "social",
        /// A letter or postcard by post.
        Letter = "letter",
    }
}

impl Channel {
    /// Personal channels are far more effective (seed 004, R7).
    pub fn is_personal(self) -> bool {
        matches!(
            self,
            Channel::Phone | Channel::Visit | Channel::Event | Channel::Staff
        )
    }

    /// Channels a message can be prepared ahead on and sent on a given day (R9).
    pub fn is_async_personal(self) -> bool {
        matches!(self, Channel::Messenger | Channel::Email | Channel::Sms)
    }

    /// Channels marketing uses for automated touches (R2, R3).
    pub fn is_mass(self) -> bool {
        matches!(
            self,
            Channel::Newsletter | Channel::Portal | Channel::Social
        )
    }
}

wire_enum! {
    /// Roles of client-side contacts (R15).
    Role {
        DecisionMaker = "decision_maker",
        Influencer = "influencer",
        Technical = "technical",
        User = "user",
        Buyer = "buyer",
        Other = "other",
    }
}

impl Role {
    /// The decision group: who decides the next purchase (R15).
    pub fn in_decision_group(self) -> bool {
        matches!(self, Role::DecisionMaker | Role::Influencer)
    }
}

wire_enum! {
    /// ABCD segment by client value (R8).
    Segment {
        APlus = "A+",
        A = "A",
        B = "B",
        C = "C",
        D = "D",
    }
}

wire_enum! {
    /// Transactional (orders every 1–2 months) or consultative (project-like).
    SaleType {
        Transactional = "transactional",
        Consultative = "consultative",
    }
}

wire_enum! {
    /// A company with a decision group, or a private person (R8).
    ClientKind {
        Business = "business",
        Person = "person",
    }
}

// The enum comes from `wire_enum!`, which cannot mark a default variant.
#[allow(clippy::derivable_impls)]
impl Default for ClientKind {
    fn default() -> Self {
        ClientKind::Business
    }
}

wire_enum! {
    /// What kind of service period the client is consuming (R5, R6, R11).
    ServiceKind {
        Campaign = "campaign",
        Contract = "contract",
        Membership = "membership",
        Subscription = "subscription",
        Policy = "policy",
    }
}

wire_enum! {
    /// Who delivers a content-plan item (seed 004: marketing decides).
    Delivery {
        Manager = "manager",
        Automated = "automated",
        Semi = "semi",
    }
}

wire_enum! {
    /// The language of every text the user reads. Russian is the default.
    Locale {
        Ru = "ru",
        En = "en",
    }
}

// The enum comes from `wire_enum!`, which derives no `Default`.
#[allow(clippy::derivable_impls)]
impl Default for Locale {
    fn default() -> Self {
        Locale::Ru
    }
}

/// A text in both product languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Text {
    pub ru: &'static str,
    pub en: &'static str,
}

impl Text {
    /// The text in `locale`.
    pub fn get(self, locale: Locale) -> &'static str {
        match locale {
            Locale::Ru => self.ru,
            Locale::En => self.en,
        }
    }
}
