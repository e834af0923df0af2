//! Exports of a finished plan: iCalendar (RFC 5545) for calendar apps and
//! CSV (RFC 4180) for spreadsheets and CRM imports.
//!
//! Both are pure functions of the plan: no clock, no randomness, so the same
//! plan gives the same bytes. Every text a person reads is in the plan's
//! `locale` (Russian when it is missing or unknown) and uses words, not
//! codes: kinds and channels by [`Touch::kind_word`] and [`channel_name`] (the
//! words the rest of the engine uses), roles by [`role_name`], a rule as its
//! number beside its plain name ([`rule_label`]), dates the locale's way.
//!
//! # iCalendar
//! One all-day `VEVENT` per touch (`DTSTART;VALUE=DATE`, `DTEND` the next
//! day, `TRANSP:TRANSPARENT` so a touch never blocks the manager's time).
//! Events rather than `VTODO`s because every calendar app shows events,
//! while to-dos are hidden or unsupported in many. `SUMMARY` is
//! `<kind>: <first reason title>`; `DESCRIPTION` holds the why, the ranked
//! reasons, notes, merged purposes, contact and role, channel and rule;
//! `CATEGORIES` names the kind and every merged purpose. `UID` is stable
//! across re-exports: derived from the client id, the date and the kind, so
//! a calendar app updates a re-imported touch instead of duplicating it.
//! `DTSTAMP` is `horizon.from` (the plan's `today`) at midnight UTC.
//!
//! # CSV
//! A header row, then one row per touch, in the plan's order; CRLF line
//! ends. The columns for people come first, headed and filled in the plan's
//! locale; the last columns ([`CSV_CODE_COLUMNS`]) hold the same facts as
//! codes, ISO dates and `true`/`false`, under the same English names in
//! every locale, for machines. [`CsvOptions`] choose the separator and a
//! UTF-8 byte-order mark: `;` with a mark is what a spreadsheet with a
//! Russian (or any comma-decimal) locale opens as columns. A field is quoted
//! when it holds a separator of any kind (`,`, `;`, tab), `"`, CR or LF, so
//! that a reader guessing the separator is never misled. A text cell that a
//! spreadsheet would run as a formula (starts with `=`, `+`, `-`, `@`, tab
//! or CR) gets a leading `'`: client data comes from a CRM and must not
//! become code in the manager's spreadsheet.

use std::collections::HashMap;
use std::fmt::Write as _;

use chrono::Datelike;

use super::model::{Date, Locale, Role, Text, TouchKind};
use super::output::{Plan, Touch};
use super::texts::{channel_name, human_date};

/// RFC 5545 3.1: content lines are at most 75 octets, excluding the CRLF.
const MAX_LINE_OCTETS: usize = 75;

/// Renders `plan` as an iCalendar file with one all-day event per touch.
///
/// `calendar_name` names the calendar (`X-WR-CALNAME` and RFC 7986 `NAME`);
/// by default "Касания: <client>" / "Touches: <client>".
///
/// # Example
/// ```
/// # use touchplan::engine::output::*;
/// # let plan: Plan = serde_json::from_str(r#"{"clientId":"c1","horizon":{"from":"2026-11-24","to":"2027-11-23"},
/// #   "touches":[],"summary":{"total":0,"byKind":{},"byMonth":[],"perCycle":{"cycleDays":30,"mandatory":0,
/// #   "standard":0,"need":0,"total":0,"automated":0},"standardToMandatory":null,"avgGapDays":null,
/// #   "maxGapDays":null},"warnings":[],"locale":"en"}"#).unwrap();
/// let ics = touchplan::to_ics(&plan, Some("Key accounts"));
/// assert!(ics.starts_with("BEGIN:VCALENDAR\r\n"));
/// assert!(ics.contains("X-WR-CALNAME:Key accounts\r\n"));
/// ```
pub fn to_ics(plan: &Plan, calendar_name: Option<&str>) -> String {
    let locale = plan_locale(plan);
    let client = plan.client_name.as_deref().unwrap_or(&plan.client_id);
    let default_name = format!("{}: {client}", CALENDAR.get(locale));
    let name = calendar_name.unwrap_or(&default_name);
    // A hand-made plan may hold anything in a date; only the 8 digits of a
    // real date ever reach a property line (no line break, no injection).
    let dtstamp = format!(
        "{}T000000Z",
        compact_date(&plan.horizon.from).unwrap_or_else(|| "19700101".into())
    );

    let mut out = Ics::default();
    out.line("BEGIN:VCALENDAR");
    out.line("VERSION:2.0");
    out.line(&format!(
        "PRODID:-//touchplan//touchplan {}//{}",
        crate::VERSION,
        locale.as_str().to_ascii_uppercase()
    ));
    out.line("CALSCALE:GREGORIAN");
    out.line("METHOD:PUBLISH");
    out.text("X-WR-CALNAME", name);
    out.text("NAME", name);

    let mut seen: HashMap<(&str, TouchKind), u32> = HashMap::new();
    let client_hash = fnv1a64(plan.client_id.as_bytes());
    for touch in &plan.touches {
        // A touch without a real date is no calendar event: left out.
        let Some(date) = compact_date(&touch.date) else {
            continue;
        };
        let n = seen.entry((touch.date.as_str(), touch.kind)).or_insert(0);
        *n += 1;
        // Two touches of one kind on one day stay apart; the first keeps the
        // plain UID so that it survives re-plans that drop the second.
        let suffix = if *n > 1 {
            format!("-{n}")
        } else {
            String::new()
        };
        out.line("BEGIN:VEVENT");
        out.line(&format!(
            "UID:{date}-{}{suffix}-{client_hash:016x}@touchplan",
            touch.kind.as_str()
        ));
        out.line(&format!("DTSTAMP:{dtstamp}"));
        out.line(&format!("DTSTART;VALUE=DATE:{date}"));
        out.line(&format!(
            "DTEND;VALUE=DATE:{}",
            next_day(&touch.date, &date)
        ));
        out.text("SUMMARY", &summary(touch, locale));
        out.text("DESCRIPTION", &description(touch, locale));
        out.list("CATEGORIES", &categories(touch, locale));
        out.line("TRANSP:TRANSPARENT");
        out.line("END:VEVENT");
    }
    out.line("END:VCALENDAR");
    out.0
}

/// How [`to_csv_with`] writes the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CsvOptions {
    /// The field separator: `,` (RFC 4180, the default), `;` or a tab.
    pub separator: char,
    /// Starts the file with a UTF-8 byte-order mark, by which spreadsheets
    /// tell UTF-8 from the system's legacy code page.
    pub bom: bool,
}

impl Default for CsvOptions {
    fn default() -> Self {
        CsvOptions {
            separator: ',',
            bom: false,
        }
    }
}

impl CsvOptions {
    /// The separators a CSV may use; anything else is refused at the
    /// boundary rather than producing a file no reader can split.
    pub const SEPARATORS: [char; 3] = [',', ';', '\t'];

    /// What a spreadsheet with a Russian locale opens as columns: `;` and a
    /// byte-order mark.
    pub fn spreadsheet() -> Self {
        CsvOptions {
            separator: ';',
            bom: true,
        }
    }
}

/// Renders `plan` as RFC 4180 CSV with a comma and no byte-order mark; see
/// [`to_csv_with`].
///
/// # Example
/// ```
/// # use touchplan::engine::output::*;
/// # let plan: Plan = serde_json::from_str(r#"{"clientId":"c1","horizon":{"from":"2026-11-24","to":"2027-11-23"},
/// #   "touches":[],"summary":{"total":0,"byKind":{},"byMonth":[],"perCycle":{"cycleDays":30,"mandatory":0,
/// #   "standard":0,"need":0,"total":0,"automated":0},"standardToMandatory":null,"avgGapDays":null,
/// #   "maxGapDays":null},"warnings":[],"locale":"en"}"#).unwrap();
/// let csv = touchplan::to_csv(&plan);
/// assert!(csv.starts_with("Client,Date,Kind,"));
/// assert!(csv.ends_with(",client_id,date,kind,channel,role,rule,reason_code,purposes,automated,scheduled,moved_from\r\n"));
/// ```
pub fn to_csv(plan: &Plan) -> String {
    to_csv_with(plan, CsvOptions::default())
}

/// Renders `plan` as CSV: a header row, then one row per touch.
///
/// Columns for people, in the plan's locale: client, date (`01.12.2026` in
/// Russian, `1 December 2026` in English: both read as dates by a
/// spreadsheet of that locale), kind, channel, contact, role, reason, how to
/// use it, why, merged purposes, what to check first, moved from, automated
/// and scheduled (yes/no), rule ("R6 — окно реакции"). Then
/// [`CSV_CODE_COLUMNS`] for machines. Lists are joined with `"; "`.
///
/// # Example
/// ```
/// # use touchplan::engine::output::*;
/// # let plan: Plan = serde_json::from_str(r#"{"clientId":"c1","horizon":{"from":"2026-11-24","to":"2027-11-23"},
/// #   "touches":[],"summary":{"total":0,"byKind":{},"byMonth":[],"perCycle":{"cycleDays":30,"mandatory":0,
/// #   "standard":0,"need":0,"total":0,"automated":0},"standardToMandatory":null,"avgGapDays":null,
/// #   "maxGapDays":null},"warnings":[],"locale":"ru"}"#).unwrap();
/// use touchplan::engine::export::{to_csv_with, CsvOptions};
/// let csv = to_csv_with(&plan, CsvOptions::spreadsheet());
/// assert!(csv.starts_with("\u{feff}Клиент;Дата;Вид касания;"));
/// ```
pub fn to_csv_with(plan: &Plan, opts: CsvOptions) -> String {
    let locale = plan_locale(plan);
    let sep = opts.separator;
    let mut out = String::new();
    if opts.bom {
        out.push('\u{feff}');
    }
    let header = CSV_PEOPLE_COLUMNS
        .iter()
        .map(|t| t.get(locale))
        .chain(CSV_CODE_COLUMNS.iter().copied());
    csv_row(&mut out, sep, header);
    let client = plan.client_name.as_deref().unwrap_or(&plan.client_id);
    for t in &plan.touches {
        let contact = match (&t.contact, &t.contacts) {
            (Some(c), _) => c.clone(),
            (None, Some(cs)) => cs.join("; "),
            (None, None) => String::new(),
        };
        let first = t.reasons.first();
        let purposes = t.purposes.as_deref().unwrap_or_default();
        let purpose_words = purposes
            .iter()
            .map(|k| t.kind_word(locale, *k))
            .collect::<Vec<_>>()
            .join("; ");
        let purpose_codes = purposes
            .iter()
            .map(|k| k.as_str())
            .collect::<Vec<_>>()
            .join("; ");
        let notes = t.notes.as_deref().unwrap_or_default().join("; ");
        let role = t
            .role
            .as_deref()
            .map_or(String::new(), |r| role_word(locale, r));
        let moved = t
            .moved_from
            .as_deref()
            .map_or(String::new(), |d| cell_date(locale, d));
        let scheduled = t.scheduled.unwrap_or(false);
        let row = [
            client,
            &cell_date(locale, &t.date),
            &capitalised(t.kind_word(locale, t.kind)),
            channel_name(locale, t.channel),
            &contact,
            &role,
            first.map_or("", |r| r.title.as_str()),
            first.map_or("", |r| r.hint.as_str()),
            &t.why,
            &purpose_words,
            &notes,
            &moved,
            YES_NO[usize::from(!t.automated)].get(locale),
            YES_NO[usize::from(!scheduled)].get(locale),
            &rule_label(locale, &t.rule),
            // For machines.
            plan.client_id.as_str(),
            &t.date,
            t.kind.as_str(),
            t.channel.as_str(),
            t.role.as_deref().unwrap_or(""),
            &t.rule,
            first.map_or("", |r| r.code.as_str()),
            &purpose_codes,
            bool_str(t.automated),
            bool_str(scheduled),
            t.moved_from.as_deref().unwrap_or(""),
        ];
        csv_row(&mut out, sep, row.into_iter());
    }
    out
}

/// Headers of the columns for people, in their order.
const CSV_PEOPLE_COLUMNS: [Text; 15] = [
    Text {
        ru: "Клиент",
        en: "Client",
    },
    Text {
        ru: "Дата",
        en: "Date",
    },
    Text {
        ru: "Вид касания",
        en: "Kind",
    },
    Text {
        ru: "Канал",
        en: "Channel",
    },
    Text {
        ru: "Контакт",
        en: "Contact",
    },
    Text {
        ru: "Роль",
        en: "Role",
    },
    Text {
        ru: "Повод",
        en: "Reason",
    },
    Text {
        ru: "Как использовать",
        en: "How to use it",
    },
    Text {
        ru: "Зачем",
        en: "Why",
    },
    Text {
        ru: "Цели касания",
        en: "Purposes",
    },
    Text {
        ru: "Проверить",
        en: "Check first",
    },
    Text {
        ru: "Перенесено с",
        en: "Moved from",
    },
    Text {
        ru: "Автоматически",
        en: "Automated",
    },
    Text {
        ru: "Отложенная отправка",
        en: "Scheduled send",
    },
    Text {
        ru: "Правило",
        en: "Rule",
    },
];

/// The columns for machines, last in every CSV and named the same in every
/// locale: codes of the contract (`kind`, `channel`, `role`, `rule`, the
/// first reason's code, merged purposes joined with `"; "`), ISO dates and
/// `true`/`false`.
pub const CSV_CODE_COLUMNS: [&str; 11] = [
    "client_id",
    "date",
    "kind",
    "channel",
    "role",
    "rule",
    "reason_code",
    "purposes",
    "automated",
    "scheduled",
    "moved_from",
];

const YES_NO: [Text; 2] = [
    Text {
        ru: "да",
        en: "yes",
    },
    Text {
        ru: "нет",
        en: "no",
    },
];

fn bool_str(b: bool) -> &'static str {
    if b {
        "true"
    } else {
        "false"
    }
}

/// A date cell a spreadsheet of the locale reads as a date: `01.12.2026`,
/// `1 December 2026`. Anything but an ISO date is copied as it is.
fn cell_date(locale: Locale, iso: &str) -> String {
    match parse_iso(iso) {
        Some(d) if locale == Locale::Ru => {
            format!("{:02}.{:02}.{:04}", d.day(), d.month(), d.year())
        }
        Some(d) => human_date(locale, d),
        None => iso.to_string(),
    }
}

fn csv_row<'a>(out: &mut String, sep: char, fields: impl Iterator<Item = &'a str>) {
    for (i, field) in fields.enumerate() {
        if i > 0 {
            out.push(sep);
        }
        csv_field(out, field);
    }
    out.push_str("\r\n");
}

fn csv_field(out: &mut String, field: &str) {
    let formula = matches!(
        field.chars().next(),
        Some('=' | '+' | '-' | '@' | '\t' | '\r')
    );
    let quote = field.contains([',', ';', '\t', '"', '\r', '\n']);
    if quote {
        out.push('"');
    }
    if formula {
        out.push('\'');
    }
    for c in field.chars() {
        if c == '"' {
            out.push('"');
        }
        out.push(c);
    }
    if quote {
        out.push('"');
    }
}

/// An iCalendar text being written: each line ends in CRLF and is folded.
#[derive(Default)]
struct Ics(String);

impl Ics {
    /// Appends one content line, folded at 75 octets (RFC 5545 3.1) on
    /// character boundaries so that no UTF-8 sequence is split.
    fn line(&mut self, line: &str) {
        let mut rest = line;
        let mut limit = MAX_LINE_OCTETS;
        loop {
            if rest.len() <= limit {
                self.0.push_str(rest);
                self.0.push_str("\r\n");
                return;
            }
            let mut cut = limit;
            while !rest.is_char_boundary(cut) {
                cut -= 1;
            }
            self.0.push_str(&rest[..cut]);
            self.0.push_str("\r\n ");
            rest = &rest[cut..];
            // A continuation line starts with the space: one octet less.
            limit = MAX_LINE_OCTETS - 1;
        }
    }

    /// Appends a property whose value is TEXT, escaped (RFC 5545 3.3.11).
    fn text(&mut self, name: &str, value: &str) {
        let mut line = String::with_capacity(name.len() + value.len() + 8);
        line.push_str(name);
        line.push(':');
        escape_text(&mut line, value);
        self.line(&line);
    }

    /// Appends a property whose value is a list of TEXT (`CATEGORIES`):
    /// each value escaped, the values separated by unescaped commas.
    fn list(&mut self, name: &str, values: &[&str]) {
        let mut line = String::from(name);
        line.push(':');
        for (i, v) in values.iter().enumerate() {
            if i > 0 {
                line.push(',');
            }
            escape_text(&mut line, v);
        }
        self.line(&line);
    }
}

/// RFC 5545 3.3.11: backslash, semicolon and comma are escaped, line breaks
/// become `\n`; other control characters are not allowed and are dropped.
fn escape_text(out: &mut String, value: &str) {
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            '\t' => out.push('\t'),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
}

/// `2026-11-24` → `20261124`; `None` for anything but an ISO date.
fn compact_date(iso: &str) -> Option<String> {
    parse_iso(iso).map(compact)
}

/// A strict `YYYY-MM-DD`; `None` for anything else. The engine's own
/// parser: chrono's format and parse machinery would add about 13 KiB of
/// gzipped wasm for the exports alone (issue 18).
fn parse_iso(iso: &str) -> Option<Date> {
    super::date::parse_iso(iso)
}

/// `YYYYMMDD`, as iCalendar writes a date; a year past 9999 with a sign,
/// as chrono's `%Y` wrote it.
fn compact(d: Date) -> String {
    let sign = if d.year() > 9999 { "+" } else { "" };
    format!("{sign}{:04}{:02}{:02}", d.year(), d.month(), d.day())
}

/// The day after an ISO date, compact; `compact` (the date itself) on the
/// last day chrono knows, so DTEND equals DTSTART rather than a panic.
fn next_day(iso: &str, compact_iso: &str) -> String {
    match parse_iso(iso).and_then(|d| d.succ_opt()) {
        Some(d) => compact(d),
        None => compact_iso.to_string(),
    }
}

/// FNV-1a, 64 bits: a stable, dependency-free hash for UIDs (not security).
fn fnv1a64(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

fn plan_locale(plan: &Plan) -> Locale {
    Locale::parse(&plan.locale).unwrap_or_default()
}

fn summary(touch: &Touch, locale: Locale) -> String {
    let label = capitalised(touch.kind_word(locale, touch.kind));
    match touch.reasons.first() {
        Some(r) => format!("{label}: {}", r.title),
        None => label,
    }
}

/// The kind, then every other merged purpose, as words.
fn categories(touch: &Touch, locale: Locale) -> Vec<&'static str> {
    let mut words = vec![touch.kind_word(locale, touch.kind)];
    for k in touch.purposes.iter().flatten() {
        let w = touch.kind_word(locale, *k);
        if !words.contains(&w) {
            words.push(w);
        }
    }
    words
}

fn description(touch: &Touch, locale: Locale) -> String {
    let mut d = String::new();
    d.push_str(&touch.why);
    if !touch.reasons.is_empty() {
        let _ = write!(d, "\n\n{}:", REASONS.get(locale));
        for (i, r) in touch.reasons.iter().enumerate() {
            let _ = write!(d, "\n{}. {}", i + 1, r.title);
            if !r.hint.is_empty() {
                let _ = write!(d, " — {}", r.hint);
            }
        }
    }
    if let Some(notes) = touch.notes.as_ref().filter(|n| !n.is_empty()) {
        let _ = write!(d, "\n\n{}:", NOTES.get(locale));
        for n in notes {
            let _ = write!(d, "\n- {n}");
        }
    }
    d.push('\n');
    if let Some(purposes) = touch.purposes.as_ref().filter(|p| p.len() > 1) {
        let words: Vec<&str> = purposes
            .iter()
            .map(|k| touch.kind_word(locale, *k))
            .collect();
        let _ = write!(d, "\n{}: {}", PURPOSES.get(locale), words.join(", "));
    }
    let contact = match (&touch.contact, &touch.contacts) {
        (Some(c), _) => Some(c.clone()),
        (None, Some(cs)) if !cs.is_empty() => Some(cs.join(", ")),
        _ => None,
    };
    if let Some(c) = contact {
        let _ = write!(d, "\n{}: {c}", CONTACT.get(locale));
        if let Some(role) = &touch.role {
            let _ = write!(d, " ({})", role_word(locale, role));
        }
    }
    let _ = write!(
        d,
        "\n{}: {}",
        CHANNEL.get(locale),
        channel_name(locale, touch.channel)
    );
    if touch.automated {
        let _ = write!(d, " ({})", AUTOMATED.get(locale));
    }
    if touch.scheduled == Some(true) {
        let _ = write!(d, " ({})", SCHEDULED.get(locale));
    }
    if let Some(from) = &touch.moved_from {
        let from = parse_iso(from).map_or_else(|| from.clone(), |d| human_date(locale, d));
        let _ = write!(d, "\n{}: {from}", MOVED_FROM.get(locale));
    }
    let _ = write!(
        d,
        "\n{}: {}",
        RULE.get(locale),
        rule_label(locale, &touch.rule)
    );
    d
}

const CALENDAR: Text = Text {
    ru: "Касания",
    en: "Touches",
};
const REASONS: Text = Text {
    ru: "Поводы",
    en: "Reasons",
};
const NOTES: Text = Text {
    ru: "Проверить",
    en: "Check first",
};
const PURPOSES: Text = Text {
    ru: "Цели касания",
    en: "Purposes",
};
const CONTACT: Text = Text {
    ru: "Контакт",
    en: "Contact",
};
const CHANNEL: Text = Text {
    ru: "Канал",
    en: "Channel",
};
const AUTOMATED: Text = Text {
    ru: "автоматически",
    en: "automated",
};
const SCHEDULED: Text = Text {
    ru: "отложенная отправка",
    en: "scheduled send",
};
const MOVED_FROM: Text = Text {
    ru: "Перенесено с",
    en: "Moved from",
};
const RULE: Text = Text {
    ru: "Правило",
    en: "Rule",
};

/// The first letter in upper case: a kind word opening a calendar title.
/// The words are the engine's own, in Latin or Cyrillic letters, so the
/// case is changed by hand: `char::to_uppercase` would bring Unicode's
/// whole case table into the wasm (about 6 KiB gzipped, issue 18).
fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => {
            let mut out = String::with_capacity(word.len());
            out.push(upper(first));
            out.extend(chars);
            out
        }
        None => String::new(),
    }
}

/// Upper case of a basic Latin or Russian letter; any other character as
/// it is.
fn upper(c: char) -> char {
    match c {
        'a'..='z' => c.to_ascii_uppercase(),
        'а'..='я' => char::from_u32(c as u32 - 0x20).unwrap_or(c),
        'ё' => 'Ё',
        _ => c,
    }
}

/// A contact's role as a manager says it: ЛПР, ЛВР, закупщик (R15).
pub fn role_name(locale: Locale, role: Role) -> &'static str {
    let (ru, en) = match role {
        Role::DecisionMaker => ("ЛПР", "decision maker"),
        Role::Influencer => ("ЛВР", "influencer"),
        Role::Technical => ("технический специалист", "technical specialist"),
        Role::User => ("пользователь", "user"),
        Role::Buyer => ("закупщик", "buyer"),
        Role::Other => ("другая роль", "other role"),
    };
    Text { ru, en }.get(locale)
}

/// A plan's role code as words; a role the engine does not know (a
/// hand-made plan) is shown as it was written.
fn role_word(locale: Locale, role: &str) -> String {
    Role::parse(role).map_or_else(|| role.to_string(), |r| role_name(locale, r).to_string())
}

/// The plain name of a rule of the rule book (docs/rules.md), by number.
pub fn rule_name(locale: Locale, number: u8) -> Option<&'static str> {
    let (ru, en) = match number {
        1 => ("полезный повод", "a useful reason"),
        2 => ("касания за цикл", "touches per cycle"),
        3 => (
            "баланс обязательных и стандартных",
            "mandatory-to-standard balance",
        ),
        4 => ("выявление потребности", "need discovery"),
        5 => ("первый день и дни тишины", "first day and days of silence"),
        6 => ("окно реакции", "reaction window"),
        7 => ("разные форматы", "varied formats"),
        8 => ("усилия по ценности клиента", "effort follows value"),
        9 => ("поздравления", "greetings"),
        10 => ("предложения по интересам", "offers that fit"),
        11 => ("продления", "renewals"),
        12 => ("извинения", "apologies"),
        13 => ("без назойливости", "no pestering"),
        14 => ("рабочие дни", "working days"),
        15 => ("выбор контакта", "whom to contact"),
        16 => ("нагрузка менеджера", "manager's load"),
        _ => return None,
    };
    Some(Text { ru, en }.get(locale))
}

/// A rule as a reader sees it: its number beside its plain name,
/// "R6 — окно реакции". Anything else is shown as it was written.
pub fn rule_label(locale: Locale, rule: &str) -> String {
    let name = rule
        .strip_prefix('R')
        .and_then(|n| n.parse::<u8>().ok())
        .and_then(|n| rule_name(locale, n));
    match name {
        Some(name) => format!("{rule} — {name}"),
        None => rule.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::model::Channel;
    use crate::engine::output::{Horizon, PerCycle, ReasonSuggestion, Summary};
    use crate::engine::texts::{kind_name, purpose_word};

    fn reason(code: &str, title: &str) -> ReasonSuggestion {
        ReasonSuggestion {
            code: code.into(),
            title: title.into(),
            hint: "hint; with, separators".into(),
            score: 1.0,
            why: "because".into(),
        }
    }

    fn touch(date: &str, kind: TouchKind, title: &str) -> Touch {
        Touch {
            date: date.into(),
            kind,
            channel: Channel::Phone,
            automated: false,
            contact: None,
            role: None,
            contacts: None,
            rule: "R2".into(),
            why: "Why it matters.".into(),
            reasons: vec![reason("shipment", title)],
            moved_from: None,
            purposes: None,
            scheduled: None,
            expected: None,
            notes: None,
        }
    }

    fn plan(locale: &str, touches: Vec<Touch>) -> Plan {
        Plan {
            client_id: "c1".into(),
            client_name: None,
            horizon: Horizon {
                from: "2026-11-24".into(),
                to: "2027-11-23".into(),
            },
            touches,
            summary: Summary {
                total: 0,
                by_kind: Default::default(),
                by_month: vec![],
                per_cycle: PerCycle {
                    cycle_days: 30,
                    mandatory: 0,
                    standard: 0,
                    need: 0,
                    total: 0,
                    automated: 0,
                },
                standard_to_mandatory: None,
                avg_gap_days: None,
                max_gap_days: None,
            },
            warnings: vec![],
            locale: locale.into(),
        }
    }

    /// Undoes folding: CRLF followed by one space joins the lines.
    fn unfold(ics: &str) -> String {
        ics.replace("\r\n ", "")
    }

    #[test]
    fn minimal_calendar_is_exact() {
        let p = plan(
            "en",
            vec![touch("2026-12-31", TouchKind::Mandatory, "Shipment")],
        );
        let expected = format!(
            "BEGIN:VCALENDAR\r\n\
             VERSION:2.0\r\n\
             PRODID:-//touchplan//touchplan {v}//EN\r\n\
             CALSCALE:GREGORIAN\r\n\
             METHOD:PUBLISH\r\n\
             X-WR-CALNAME:Touches: c1\r\n\
             NAME:Touches: c1\r\n\
             BEGIN:VEVENT\r\n\
             UID:20261231-mandatory-{h:016x}@touchplan\r\n\
             DTSTAMP:20261124T000000Z\r\n\
             DTSTART;VALUE=DATE:20261231\r\n\
             DTEND;VALUE=DATE:20270101\r\n\
             SUMMARY:Mandatory: Shipment\r\n\
             DESCRIPTION:Why it matters.\\n\\nReasons:\\n1. Shipment — hint\\; with\\, sepa\r\n \
             rators\\n\\nChannel: phone call\\nRule: R2 — touches per cycle\r\n\
             CATEGORIES:mandatory\r\n\
             TRANSP:TRANSPARENT\r\n\
             END:VEVENT\r\n\
             END:VCALENDAR\r\n",
            v = crate::VERSION,
            h = fnv1a64(b"c1"),
        );
        assert_eq!(to_ics(&p, None), expected);
    }

    #[test]
    fn every_line_is_at_most_75_octets_and_ends_in_crlf() {
        let long =
            "Отгрузка со склада в Новосибирске; проверить, всё ли пришло \\ целым ".repeat(5);
        let mut t = touch("2026-12-01", TouchKind::Check, &long);
        t.notes = Some(vec![long.clone(), "😀".repeat(40)]);
        let ics = to_ics(&plan("ru", vec![t]), Some(&long));
        assert!(ics.ends_with("\r\n"));
        for line in ics.split("\r\n") {
            assert!(line.len() <= 75, "{} octets: {line}", line.len());
        }
        assert!(!ics.replace("\r\n", "").contains('\n'));
        assert!(!ics.replace("\r\n", "").contains('\r'));
    }

    #[test]
    fn folding_never_splits_a_utf8_sequence() {
        // Cyrillic letters are 2 octets: a 75-octet cut would fall mid-letter.
        let mut ics = Ics::default();
        let value = format!("SUMMARY:{}", "ж".repeat(100));
        ics.line(&value);
        let lines: Vec<&str> = ics.0.split("\r\n").collect();
        assert_eq!(lines[0].len(), 74, "backs off one octet to a boundary");
        assert!(lines[1].starts_with(' '));
        assert!(lines.iter().all(|l| l.len() <= 75));
        assert_eq!(unfold(&ics.0), format!("{value}\r\n"));
    }

    #[test]
    fn a_line_of_exactly_75_octets_is_not_folded() {
        let mut ics = Ics::default();
        ics.line(&"x".repeat(75));
        assert_eq!(ics.0, format!("{}\r\n", "x".repeat(75)));
        let mut ics = Ics::default();
        ics.line(&"x".repeat(76));
        assert_eq!(ics.0, format!("{}\r\n x\r\n", "x".repeat(75)));
    }

    #[test]
    fn text_escapes_separators_backslash_and_line_breaks() {
        let mut s = String::new();
        escape_text(&mut s, "a\\b;c,d\ne\r\nf\rg\u{7}h");
        assert_eq!(s, "a\\\\b\\;c\\,d\\ne\\nf\\ngh");
    }

    #[test]
    fn summary_and_labels_follow_the_plan_locale() {
        let t = touch("2026-12-01", TouchKind::Greeting, "День рождения");
        let ru = unfold(&to_ics(&plan("ru", vec![t.clone()]), None));
        assert!(ru.contains("SUMMARY:Поздравление: День рождения\r\n"));
        assert!(ru.contains("X-WR-CALNAME:Касания: c1\r\n"));
        assert!(ru.contains("Канал: звонок\\nПравило: R2 — касания за цикл\r\n"));
        assert!(ru.contains("CATEGORIES:поздравление\r\n"));
        // An unknown or missing locale falls back to Russian, the default.
        assert_eq!(unfold(&to_ics(&plan("", vec![t]), None)), ru);
    }

    #[test]
    fn description_carries_contact_notes_and_moves() {
        let mut t = touch("2026-12-01", TouchKind::Renewal, "Renewal");
        t.contact = Some("Anna".into());
        t.role = Some("decision_maker".into());
        t.notes = Some(vec!["Promo bought on".into()]);
        t.moved_from = Some("2026-11-29".into());
        t.purposes = Some(vec![TouchKind::Renewal, TouchKind::Need]);
        t.automated = true;
        t.reasons.push(reason("market_analytics", "Analytics"));
        let ics = unfold(&to_ics(&plan("en", vec![t]), None));
        let desc = ics
            .lines()
            .find(|l| l.starts_with("DESCRIPTION:"))
            .unwrap()
            .to_string();
        assert!(desc.contains("\\n2. Analytics — hint"));
        assert!(desc.contains("Check first:\\n- Promo bought on"));
        assert!(desc.contains("Purposes: renewal\\, need discovery"));
        assert!(desc.contains("Contact: Anna (decision maker)"));
        assert!(desc.contains("Channel: phone call (automated)"));
        assert!(desc.contains("Moved from: 29 November 2026"));
        assert!(ics.contains("CATEGORIES:renewal,need discovery\r\n"));
    }

    #[test]
    fn uids_are_stable_and_unique_per_day_and_kind() {
        let touches = vec![
            touch("2026-12-01", TouchKind::Greeting, "A"),
            touch("2026-12-01", TouchKind::Greeting, "B"),
            touch("2026-12-01", TouchKind::Check, "C"),
        ];
        let ics = to_ics(&plan("en", touches), None);
        let uids: Vec<&str> = ics.lines().filter(|l| l.starts_with("UID:")).collect();
        let h = format!("{:016x}", fnv1a64(b"c1"));
        assert_eq!(
            uids,
            [
                format!("UID:20261201-greeting-{h}@touchplan"),
                format!("UID:20261201-greeting-2-{h}@touchplan"),
                format!("UID:20261201-check-{h}@touchplan"),
            ]
        );
        let again = to_ics(
            &plan("en", vec![touch("2026-12-01", TouchKind::Greeting, "Z")]),
            None,
        );
        assert!(again.contains(uids[0]), "the UID ignores texts");
    }

    #[test]
    fn dtend_crosses_month_year_and_leap_day() {
        assert_eq!(next_day("2026-12-31", "20261231"), "20270101");
        assert_eq!(next_day("2028-02-28", "20280228"), "20280229");
        assert_eq!(next_day("2027-02-28", "20270228"), "20270301");
        assert_eq!(next_day("9999-12-31", "99991231"), "+100000101");
        assert_eq!(next_day("2026-02-30", "20260230"), "20260230");
    }

    #[test]
    fn kind_words_open_titles_in_upper_case_in_both_locales() {
        // By hand, as Unicode's case mapping would do it.
        for locale in [Locale::Ru, Locale::En] {
            let follow_up = purpose_word(
                locale,
                TouchKind::Apology,
                ["apology_follow_up"].into_iter(),
            );
            let words = TouchKind::ALL.iter().map(|&k| kind_name(locale, k));
            for word in words.chain([follow_up]) {
                let mut chars = word.chars();
                let unicode: String = chars
                    .next()
                    .map(|c| c.to_uppercase().chain(chars).collect())
                    .unwrap_or_default();
                assert_eq!(capitalised(word), unicode, "{word}");
                assert_ne!(capitalised(word), word, "{word} starts with a letter");
            }
        }
    }

    #[test]
    fn spreadsheet_dates_in_russian_are_day_month_year() {
        assert_eq!(cell_date(Locale::Ru, "2026-03-07"), "07.03.2026");
        assert_eq!(cell_date(Locale::Ru, "2026-3-07"), "2026-3-07");
    }

    #[test]
    fn line_breaks_in_a_hand_made_plan_never_reach_property_lines() {
        // Issue 15: a plan's date copied into UID/DTSTART injected ATTACH lines.
        let evil = "2026-12-01\r\nATTACH:https://evil.example/x";
        let mut p = plan(
            "en",
            vec![
                touch(evil, TouchKind::Need, "Hi"),
                touch("2026-12-02", TouchKind::Need, "Hi"),
            ],
        );
        p.horizon.from = evil.into();
        let ics = to_ics(&p, None);
        assert!(!ics.contains("ATTACH"), "{ics}");
        assert!(ics.contains("DTSTAMP:19700101T000000Z\r\n"));
        assert_eq!(
            ics.matches("BEGIN:VEVENT").count(),
            1,
            "the undated touch is left out"
        );
        assert!(ics.contains("DTSTART;VALUE=DATE:20261202\r\n"));
        assert_eq!(compact_date("2026-1-05"), None);
        assert_eq!(compact_date("2026-11-24"), Some("20261124".into()));
    }

    #[test]
    fn csv_has_header_crlf_and_quotes() {
        let mut t = touch("2026-12-01", TouchKind::Need, "Say \"hi\", then\nask");
        t.contacts = Some(vec!["Anna".into(), "Boris".into()]);
        t.purposes = Some(vec![TouchKind::Need, TouchKind::Check]);
        let csv = to_csv(&plan("en", vec![t]));
        let expected = "Client,Date,Kind,Channel,Contact,Role,Reason,How to use it,Why,Purposes,\
             Check first,Moved from,Automated,Scheduled send,Rule,\
             client_id,date,kind,channel,role,rule,reason_code,purposes,automated,scheduled,moved_from\r\n\
             c1,1 December 2026,Need discovery,phone call,\"Anna; Boris\",,\
             \"Say \"\"hi\"\", then\nask\",\"hint; with, separators\",Why it matters.,\
             \"need discovery; check\",,,no,no,R2 — touches per cycle,\
             c1,2026-12-01,need,phone,,R2,shipment,\"need; check\",false,false,\r\n";
        assert_eq!(csv, expected);
    }

    #[test]
    fn csv_cells_for_people_are_words_in_the_plan_s_locale() {
        let mut t = touch("2027-02-26", TouchKind::Standard, "Аналитика рынка");
        t.contact = Some("Анна Смирнова".into());
        t.role = Some("decision_maker".into());
        t.channel = crate::engine::model::Channel::Email;
        t.rule = "R6".into();
        t.automated = true;
        t.moved_from = Some("2027-02-28".into());
        let csv = to_csv_with(&plan("ru", vec![t]), CsvOptions::spreadsheet());
        let rows: Vec<&str> = csv.split("\r\n").collect();
        assert!(rows[0].starts_with("\u{feff}Клиент;Дата;Вид касания;Канал;Контакт;Роль;"));
        assert_eq!(
            rows[1],
            "c1;26.02.2027;Стандартное;e-mail;Анна Смирнова;ЛПР;Аналитика рынка;\
             \"hint; with, separators\";Why it matters.;;;28.02.2027;да;нет;R6 — окно реакции;\
             c1;2027-02-26;standard;email;decision_maker;R6;shipment;;true;false;2027-02-28"
        );
        assert_eq!(rows[2], "", "the last row ends in CRLF");
    }

    #[test]
    fn rules_are_named_beside_their_numbers() {
        assert_eq!(rule_label(Locale::Ru, "R13"), "R13 — без назойливости");
        assert_eq!(rule_label(Locale::En, "R6"), "R6 — reaction window");
        for n in 1..=16 {
            for locale in [Locale::Ru, Locale::En] {
                assert!(rule_name(locale, n).is_some_and(|s| !s.is_empty()), "R{n}");
            }
        }
        assert_eq!(rule_label(Locale::En, "R99"), "R99");
        assert_eq!(rule_label(Locale::En, "events"), "events");
    }

    #[test]
    fn roles_read_as_words_and_unknown_ones_as_written() {
        assert_eq!(role_word(Locale::Ru, "influencer"), "ЛВР");
        assert_eq!(role_word(Locale::En, "buyer"), "buyer");
        assert_eq!(role_word(Locale::Ru, "CEO"), "CEO");
    }

    #[test]
    fn csv_defuses_spreadsheet_formulas() {
        let mut out = String::new();
        csv_field(&mut out, "=HYPERLINK(\"x\")");
        assert_eq!(out, "\"'=HYPERLINK(\"\"x\"\")\"");
        let mut out = String::new();
        csv_field(&mut out, "-1");
        assert_eq!(out, "'-1");
        let mut out = String::new();
        csv_field(&mut out, "2026-12-01");
        assert_eq!(out, "2026-12-01");
        let mut out = String::new();
        csv_field(&mut out, "+7 999; =1+1");
        assert_eq!(
            out, "\"'+7 999; =1+1\"",
            "quoted for the separator, defused"
        );
    }

    #[test]
    fn empty_plan_gives_header_only_and_an_empty_calendar() {
        let p = plan("ru", vec![]);
        assert_eq!(to_csv(&p).matches("\r\n").count(), 1);
        let ics = to_ics(&p, None);
        assert!(!ics.contains("BEGIN:VEVENT"));
        assert!(ics.ends_with("END:VCALENDAR\r\n"));
    }
}
