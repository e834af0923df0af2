//! DOMAIN "What the manager reads": no text a person reads in any example's
//! plan, in either locale, holds an ISO date, an internal code, a bare rule
//! number or a wrongly inflected counted word.

use std::path::Path;

use touchplan::{plan, Plan};

/// Every example's plan in both locales.
fn plans() -> Vec<(String, Plan)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/clients");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("examples/clients")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    assert!(files.len() >= 14, "examples/clients holds the profiles");
    let mut out = Vec::new();
    for f in files {
        let text = std::fs::read_to_string(&f).expect("readable");
        for locale in ["ru", "en"] {
            let mut v: serde_json::Value = serde_json::from_str(&text).expect("json");
            v["locale"] = locale.into();
            let name = format!("{} ({locale})", f.file_name().unwrap().to_string_lossy());
            out.push((name, plan(&v).expect("every example plans")));
        }
    }
    out
}

/// The texts of a plan a person reads, each with where it is.
fn texts(p: &Plan) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for t in &p.touches {
        out.push((format!("{} why", t.date), t.why.clone()));
        for r in &t.reasons {
            out.push((
                format!("{} reason {}", t.date, r.code),
                format!("{} {} {}", r.title, r.hint, r.why),
            ));
        }
        for n in t.notes.iter().flatten() {
            out.push((format!("{} note", t.date), n.clone()));
        }
    }
    for w in &p.warnings {
        out.push((format!("warning {}", w.code), w.message.clone()));
    }
    out
}

fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.windows(10).any(|w| {
        w.iter().enumerate().all(|(i, c)| match i {
            4 | 7 => *c == b'-',
            _ => c.is_ascii_digit(),
        })
    })
}

/// Codes that must never reach a reader.
const CODES: &[&str] = &[
    "decision_maker",
    "influencer",
    "technical",
    "buyer",
    "phone",
    "email",
    "messenger",
    "newsletter",
    "mandatory",
    "standard",
    "need",
    "greeting",
    "renewal",
    "apology",
    "onboarding",
    "first_day",
];

/// A rule number standing alone: "R4" not followed by a dash and a name
/// nor inside parentheses after one.
fn bare_rule(s: &str) -> Option<String> {
    let chars: Vec<char> = s.chars().collect();
    for i in 0..chars.len() {
        if chars[i] == 'R' && (i == 0 || !chars[i - 1].is_alphanumeric()) {
            let digits: String = chars[i + 1..]
                .iter()
                .take_while(|c| c.is_ascii_digit())
                .collect();
            if digits.is_empty()
                || chars
                    .get(i + 1 + digits.len())
                    .is_some_and(|c| c.is_alphanumeric())
            {
                continue;
            }
            let before: String = chars[i.saturating_sub(9)..i].iter().collect();
            let after: String = chars[i + 1 + digits.len()..].iter().take(3).collect();
            // "(R4)", "(правило R4)", "(rule R4)" after the name, or "R4 — name".
            let named = before.ends_with('(')
                || before.ends_with("(правило ")
                || before.ends_with("(rule ")
                || after.starts_with(" —")
                || after.starts_with(" -");
            if !named {
                return Some(format!("R{digits}"));
            }
        }
    }
    None
}

/// Russian plural form for `n`: 1 день, 2 дня, 5 дней.
fn ru_form(n: u64) -> usize {
    let (m10, m100) = (n % 10, n % 100);
    if m10 == 1 && m100 != 11 {
        0
    } else if (2..=4).contains(&m10) && !(12..=14).contains(&m100) {
        1
    } else {
        2
    }
}

/// Counted words in their three forms.
const RU_WORDS: &[[&str; 3]] = &[
    ["день", "дня", "дней"],
    ["касание", "касания", "касаний"],
    ["рабочий", "рабочих", "рабочих"],
    ["месяц", "месяца", "месяцев"],
    ["неделя", "недели", "недель"],
    ["заказ", "заказа", "заказов"],
];

fn bad_plural(s: &str) -> Option<String> {
    let words: Vec<&str> = s.split_whitespace().collect();
    for w in words.windows(2) {
        let Ok(n) = w[0]
            .trim_matches(|c: char| !c.is_ascii_digit())
            .parse::<u64>()
        else {
            continue;
        };
        if !w[0].chars().all(|c| c.is_ascii_digit() || "(«".contains(c)) {
            continue;
        }
        let word = w[1].trim_matches(|c: char| !c.is_alphabetic());
        for forms in RU_WORDS {
            if let Some(k) = forms.iter().position(|f| *f == word) {
                // "рабочих" is both forms 1 and 2 after 2–4 it is "рабочих дня".
                if forms[k] != forms[ru_form(n)]
                    && !(forms[0] == "рабочий" && k >= 1 && ru_form(n) >= 1)
                {
                    return Some(format!("{} {}", w[0], w[1]));
                }
            }
        }
    }
    None
}

#[test]
fn no_example_text_holds_an_iso_date_a_code_a_bare_rule_or_a_wrong_plural() {
    let mut problems = Vec::new();
    for (name, p) in plans() {
        for (at, s) in texts(&p) {
            if is_iso_date(&s) {
                problems.push(format!("{name} {at}: ISO date in «{s}»"));
            }
            let words: Vec<&str> = s
                .split(|c: char| !(c.is_alphanumeric() || c == '_'))
                .collect();
            // English words are codes only in a Russian text; snake_case
            // anywhere.
            let ru = p.locale == "ru";
            if let Some(code) = CODES
                .iter()
                .find(|c| (ru || c.contains('_')) && words.contains(c))
            {
                problems.push(format!("{name} {at}: code {code} in «{s}»"));
            }
            if let Some(r) = bare_rule(&s) {
                problems.push(format!("{name} {at}: rule {r} without its name in «{s}»"));
            }
            if p.locale == "ru" {
                if let Some(bad) = bad_plural(&s) {
                    problems.push(format!("{name} {at}: wrong plural «{bad}» in «{s}»"));
                }
            }
        }
    }
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

/// R2 (cycles shorter than a month): mandatory touches are per order, need
/// discovery and marketing's standard touch per month. The plain-text
/// header of a 7-day cycle read "За цикл 7 дн.: 2 + 0 + 1 = 3", as if the
/// monthly touches came every week; it now says which figure is per order
/// and which per month. A monthly cycle keeps its one-line formula.
#[test]
fn r2_header_of_a_sub_month_cycle_says_per_order_and_per_month() {
    let header = |name: &str, locale: &str| {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("examples/clients")
            .join(format!("{name}.json"));
        let mut v: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(path).expect("readable")).expect("json");
        v["locale"] = locale.into();
        let p = plan(&v).expect("plans");
        touchplan::render_text(&p)
            .lines()
            .nth(1)
            .unwrap_or_default()
            .to_string()
    };
    let ru = header("bakery-incident", "ru");
    assert!(!ru.contains("За цикл"), "{ru}");
    assert!(
        ru.contains("обязательных на заказ 2") && ru.contains("в месяц: по будущей сделке 1"),
        "{ru}"
    );
    let en = header("bakery-incident", "en");
    assert!(
        en.contains("mandatory per order 2") && en.contains("per month"),
        "{en}"
    );
    let monthly = header("transactional-monthly", "ru");
    assert!(
        monthly.starts_with("За цикл 30 дн.: 2 + 1 + 2 = 5"),
        "{monthly}"
    );
}
