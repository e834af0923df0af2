//! A plain-text calendar of a plan, for the command line and snapshots.

use std::fmt::Write;

use super::date::parse_iso;
use super::model::Locale;
use super::output::Plan;
use super::settings::Settings;
use super::texts::{channel_name, human_date, human_day_month, rule_name, warning_label};

/// Renders the plan as text in its own locale.
pub fn render_text(plan: &Plan) -> String {
    let l = Locale::parse(&plan.locale).unwrap_or_default();
    let ru = l == Locale::Ru;
    let mut out = String::new();
    let name = plan.client_name.as_deref().unwrap_or(&plan.client_id);
    let _ = writeln!(
        out,
        "{} {name}: {} – {}",
        if ru {
            "План касаний"
        } else {
            "Touch plan"
        },
        in_words(l, &plan.horizon.from),
        in_words(l, &plan.horizon.to)
    );
    let pc = &plan.summary.per_cycle;
    // R2: under a month (DOMAIN's default threshold; the plain text has no
    // settings), the mandatory touches are per order, but need discovery
    // and marketing's standard touch are per month: one sum per cycle would
    // read them as weekly.
    let sub_month = pc.cycle_days < Settings::default().sub_month_threshold_days;
    if sub_month {
        let _ = writeln!(
            out,
            "{}",
            if ru {
                format!(
                    "Цикл {} дн., короче месяца: обязательных на заказ {}; в месяц: по будущей сделке {}, автоматических {}",
                    pc.cycle_days, pc.mandatory, pc.need, pc.automated
                )
            } else {
                format!(
                    "Cycle of {} days, under a month: mandatory per order {}; per month: need discovery {}, automated {}",
                    pc.cycle_days, pc.mandatory, pc.need, pc.automated
                )
            }
        );
    } else {
        let _ = writeln!(
            out,
            "{} {} {}: {} + {} + {} = {} ({} {})",
            if ru { "За цикл" } else { "Per cycle of" },
            pc.cycle_days,
            if ru { "дн." } else { "days" },
            pc.mandatory,
            pc.standard,
            pc.need,
            pc.total,
            if ru {
                "автоматических:"
            } else {
                "automated:"
            },
            pc.automated
        );
    }
    let _ = writeln!(
        out,
        "{}: {}",
        if ru {
            "Всего касаний"
        } else {
            "Touches in all"
        },
        plan.summary.total
    );
    let mut month = String::new();
    for t in &plan.touches {
        if t.date[..7] != month {
            month = t.date[..7].to_string();
            let _ = writeln!(out, "\n{month}");
        }
        let mut kind = t.kind_word(l, t.kind).to_string();
        if let Some(ps) = &t.purposes {
            kind = ps
                .iter()
                .map(|k| t.kind_word(l, *k))
                .collect::<Vec<_>>()
                .join(" + ");
        }
        let mut flags = String::new();
        if t.automated {
            flags.push_str(if ru { " [авто]" } else { " [auto]" });
        }
        if t.scheduled == Some(true) {
            flags.push_str(if ru {
                " [отложенное сообщение]"
            } else {
                " [scheduled]"
            });
        }
        if let Some(m) = &t.moved_from {
            // The original day as the locale says it; its year only when it
            // differs from the touch's own.
            let m = match parse_iso(m) {
                Some(d) if m[..4] == t.date[..4] => human_day_month(l, d),
                Some(d) => human_date(l, d),
                None => m.clone(),
            };
            let _ = write!(
                flags,
                " ({} {m})",
                if ru {
                    "перенесено с"
                } else {
                    "moved from"
                }
            );
        }
        let who = t
            .contact
            .as_deref()
            .map(|c| format!(", {c}"))
            .unwrap_or_default();
        // A rule's number only beside its plain name (DOMAIN "What the
        // manager reads").
        let _ = writeln!(
            out,
            "  {}  {:<28} {:<14} {} ({}){}{}",
            t.date,
            kind,
            channel_name(l, t.channel),
            rule_name(l, &t.rule),
            t.rule,
            who,
            flags
        );
        let _ = writeln!(out, "              {}", t.why);
        if let Some(r) = t.reasons.first() {
            let _ = writeln!(out, "              → {} — {}", r.title, r.why);
        }
        // The other suggestions, by title: a merged touch's second purpose
        // has its own reason among them.
        let more: Vec<&str> = t.reasons.iter().skip(1).map(|r| r.title.as_str()).collect();
        if !more.is_empty() {
            let _ = writeln!(
                out,
                "              {} {}",
                if ru { "также:" } else { "also:" },
                more.join("; ")
            );
        }
        for n in t.notes.iter().flatten() {
            let _ = writeln!(out, "              ! {n}");
        }
    }
    if !plan.warnings.is_empty() {
        let _ = writeln!(
            out,
            "\n{}:",
            if ru {
                "Предупреждения"
            } else {
                "Warnings"
            }
        );
        for w in &plan.warnings {
            // Dates in a sentence in words, never ISO.
            let words = |d: &String| in_words(l, d);
            let dates = match &w.dates {
                Some(ds) if !ds.is_empty() => ds.iter().map(words).collect::<Vec<_>>().join(", "),
                _ => w.date.as_ref().map(words).unwrap_or_default(),
            };
            let rule = w
                .rule
                .as_deref()
                .map(|r| {
                    let name = rule_name(l, r);
                    let word = if ru { "правило" } else { "rule" };
                    // DOMAIN: a rule's number stands only beside its name.
                    if name == r {
                        format!(" ({word} {r})")
                    } else {
                        format!(" ({word} {r}: {name})")
                    }
                })
                .unwrap_or_default();
            // The label, unless the message already opens with it.
            let label = warning_label(l, &w.code);
            let head = match (w.message.starts_with(label), dates.is_empty()) {
                (true, true) => String::new(),
                (true, false) => format!("{dates}: "),
                (false, true) => format!("{label}: "),
                (false, false) => format!("{label} — {dates}: "),
            };
            let _ = writeln!(out, "  {head}{}{rule}", w.message);
        }
    }
    out
}

/// An ISO date in words (as a sentence says it); anything else as it is.
fn in_words(l: Locale, d: &str) -> String {
    parse_iso(d).map_or_else(|| d.to_string(), |d| human_date(l, d))
}
