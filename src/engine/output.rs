//! The plan the engine returns (CONTRACT.md "Engine output").
//!
//! These types also deserialise, so that exports (`toIcs`, `toCsv`) can take
//! a plan back from JavaScript.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

use super::model::{Channel, Locale, TouchKind};
use super::texts::purpose_word;

/// A client's touch calendar over the horizon.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Plan {
    pub client_id: String,
    /// Client's display name, when the input had one (used by exports).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_name: Option<String>,
    pub horizon: Horizon,
    /// Sorted by date, then by protection (most protected first).
    pub touches: Vec<Touch>,
    pub summary: Summary,
    pub warnings: Vec<Warning>,
    /// The locale the texts are in.
    #[serde(default)]
    pub locale: String,
}

/// First and last planned day, both inclusive.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Horizon {
    pub from: String,
    pub to: String,
}

/// One contact with the client.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Touch {
    pub date: String,
    pub kind: TouchKind,
    pub channel: Channel,
    pub automated: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contacts: Option<Vec<String>>,
    /// The rule that placed it, e.g. "R6".
    pub rule: String,
    /// One sentence, in the locale.
    pub why: String,
    /// Best first, at least one.
    pub reasons: Vec<ReasonSuggestion>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub moved_from: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub purposes: Option<Vec<TouchKind>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scheduled: Option<bool>,
    /// Tied to an expected order, not a fact (R2): re-planned when it comes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expected: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<Vec<String>>,
}

impl Touch {
    /// The touch's kind, or one of its merged purposes, as a manager reads
    /// it (R12's follow-up apart from the apology).
    pub fn kind_word(&self, locale: Locale, k: TouchKind) -> &'static str {
        purpose_word(locale, k, self.reasons.iter().map(|r| r.code.as_str()))
    }
}

/// A ranked reason for a touch.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReasonSuggestion {
    pub code: String,
    pub title: String,
    pub hint: String,
    pub score: f64,
    pub why: String,
}

/// Counts a head of sales reads at a glance.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Summary {
    pub total: u32,
    pub by_kind: BTreeMap<TouchKind, u32>,
    pub by_month: Vec<MonthCount>,
    pub per_cycle: PerCycle,
    pub standard_to_mandatory: Option<f64>,
    pub avg_gap_days: Option<f64>,
    pub max_gap_days: Option<u32>,
}

/// Touches in one calendar month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MonthCount {
    /// "YYYY-MM".
    pub month: String,
    pub count: u32,
}

/// R2's count for one order cycle; `total` is the manager's touches.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PerCycle {
    pub cycle_days: u32,
    pub mandatory: u32,
    pub standard: u32,
    pub need: u32,
    pub total: u32,
    pub automated: u32,
}

/// Something the manager should know about the plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Warning {
    pub code: String,
    pub message: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule: Option<String>,
    /// The first of `dates`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Every date the warning concerns (one warning per code and cause).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dates: Option<Vec<String>>,
}

/// One warning per code and cause (DOMAIN.md "What the manager reads"):
/// warnings that say the same thing about different days become one, whose
/// `dates` lists every day, sorted; `date` is the first of them.
pub fn group_warnings(warnings: Vec<Warning>) -> Vec<Warning> {
    // Each warning's group, numbered in order of first appearance: a map
    // lookup per warning instead of a scan of the groups (thousands of
    // dated warnings at the limits).
    let mut group_of: Vec<usize> = Vec::with_capacity(warnings.len());
    {
        type Key<'w> = (&'w str, &'w str, Option<&'w str>, Option<&'w str>);
        let mut groups: std::collections::BTreeMap<Key, usize> = Default::default();
        for w in &warnings {
            let key = (
                w.code.as_str(),
                w.message.as_str(),
                w.rule.as_deref(),
                w.path.as_deref(),
            );
            let next = groups.len();
            group_of.push(*groups.entry(key).or_insert(next));
        }
    }
    let mut out: Vec<Warning> = Vec::with_capacity(warnings.len());
    for (w, g) in warnings.into_iter().zip(group_of) {
        if g == out.len() {
            let mut w = w;
            w.dates = w.date.clone().map(|d| vec![d]);
            out.push(w);
        } else if let Some(d) = w.date {
            out[g].dates.get_or_insert_with(Vec::new).push(d);
        }
    }
    // Every date once, sorted.
    for w in &mut out {
        if let Some(dates) = &mut w.dates {
            dates.sort_unstable();
            dates.dedup();
            w.date = dates.first().cloned();
        }
    }
    out.sort_by(|a, b| a.date.cmp(&b.date).then(a.code.cmp(&b.code)));
    out
}
