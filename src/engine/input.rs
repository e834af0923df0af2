//! The validated input model and its validation from JSON.
//!
//! Validation walks the JSON value by hand so that every problem is found in
//! one pass, each with its path: a typed deserialiser would stop at the first.

use std::collections::BTreeMap;

use serde_json::{Map, Value};

use super::date::{parse_iso, parse_month_day};
use super::error::{InputError, InputErrors};
use super::model::{
    Channel, ClientKind, Date, Delivery, Locale, Role, SaleType, Segment, ServiceKind,
};
use super::settings::{EventPolicy, GreetingPolicy, Settings, VisitPolicy};
use super::texts;

/// Contract limits (CONTRACT.md "Limits").
pub mod limits {
    pub const MAX_STRING: usize = 1000;
    pub const MAX_ID: usize = 256;
    pub const MAX_ORDERS: usize = 10_000;
    pub const MAX_CONTACTS: usize = 200;
    pub const MAX_COMPANY_LIST: usize = 2_000;
    /// Tags per list (categories, items, channels, interests...).
    pub const MAX_TAGS: usize = 200;
    pub const MAX_HORIZON_MONTHS: i64 = 36;
    pub const MAX_CYCLE_DAYS: i64 = 3650;
    pub const MAX_MANDATORY: i64 = 20;
    pub const MAX_REACTION_DAYS: i64 = 365;
    /// `planMany`: it holds every plan at once (src/wasm.rs).
    pub const MAX_PLAN_MANY: usize = 20_000;
    /// The whole input: every string, number, boolean, null, list and
    /// object counts one value; text is every string and field name, in
    /// characters. The lists' own limits multiply to inputs of gigabytes
    /// (10,000 orders of 400 tags of 1,000 characters); these keep one
    /// plan within its time budget (BENCH.md).
    pub const MAX_VALUES: usize = 200_000;
    pub const MAX_CHARS: usize = 2_000_000;
}

/// Whether the input stays within [`limits::MAX_VALUES`] and
/// [`limits::MAX_CHARS`]; counting stops as soon as it does not.
fn within_size(v: &Value) -> bool {
    let (mut values, mut chars) = (0usize, 0usize);
    let mut stack = vec![v];
    while let Some(v) = stack.pop() {
        values += 1;
        match v {
            Value::String(s) => chars += count_chars(s),
            Value::Array(a) => stack.extend(a),
            Value::Object(o) => {
                for (k, x) in o {
                    chars += count_chars(k);
                    stack.push(x);
                }
            }
            _ => {}
        }
        if values > limits::MAX_VALUES || chars > limits::MAX_CHARS {
            return false;
        }
    }
    true
}

/// A validated `PlanInput`.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanInput {
    pub today: Date,
    pub horizon_months: u32,
    pub locale: Locale,
    pub client: Client,
    pub company: Company,
    pub settings: Settings,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Client {
    pub id: String,
    pub name: Option<String>,
    /// A business (default) or a private person (R8).
    pub kind: ClientKind,
    pub segment: Option<Segment>,
    pub sale_type: Option<SaleType>,
    pub order_cycle_days: Option<u32>,
    pub mandatory_per_order: Option<u32>,
    pub mandatory_steps: Vec<String>,
    pub orders: Vec<Order>,
    pub service: Option<Service>,
    pub expiries: Vec<Expiry>,
    pub contacts: Vec<Contact>,
    pub channels: Option<Vec<Channel>>,
    pub industry: Option<String>,
    pub annual_revenue: Option<f64>,
    pub promo_sensitive: bool,
    pub birthday_offer: bool,
    pub loyal: bool,
    pub open_deal: Option<Date>,
    pub incidents: Vec<Incident>,
    pub history: Vec<PastTouch>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Order {
    pub date: Date,
    pub amount: Option<f64>,
    pub categories: Vec<String>,
    pub promo: bool,
    pub items: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Service {
    pub start: Date,
    pub end: Date,
    pub reaction_days: Option<u32>,
    pub kind: Option<ServiceKind>,
    pub frozen: Option<(Date, Date)>,
    pub promo: Option<String>,
    pub promo_until: Option<Date>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Expiry {
    pub date: Date,
    pub what: String,
}

/// A contact's birthday: a full date or a yearless `--MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Birthday {
    pub month: u32,
    pub day: u32,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Contact {
    pub name: String,
    pub role: Option<Role>,
    pub birthday: Option<Birthday>,
    pub channels: Option<Vec<Channel>>,
    pub interests: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Incident {
    pub date: Date,
    pub summary: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PastTouch {
    pub date: Date,
    pub channel: Channel,
    pub reason: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Company {
    pub content_plan: Vec<ContentItem>,
    pub events: Vec<Event>,
    /// `country: "RU"` (default) uses the built-in production calendar.
    pub russian_calendar: bool,
    pub holidays: Vec<Date>,
    pub workdays: Vec<Date>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ContentItem {
    pub date: Date,
    pub reason: String,
    pub title: String,
    pub detail: Option<String>,
    pub categories: Vec<String>,
    pub items: Vec<String>,
    pub segments: Vec<String>,
    pub roles: Vec<String>,
    pub industries: Vec<String>,
    pub until: Option<Date>,
    pub pilot: Option<Date>,
    pub delivery: Delivery,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    pub date: Date,
    pub title: String,
}
/// `s.chars().count()`, eight bytes at a time: the characters are the
/// bytes that do not continue one (`10xxxxxx`). The standard count takes
/// a byte at a time on short strings, and an input at the limits holds
/// 2,000,000 characters in mostly short ones.
fn count_chars(s: &str) -> usize {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let bytes = s.as_bytes();
    let mut chunks = bytes.chunks_exact(8);
    let mut continuing = 0;
    for c in &mut chunks {
        let w = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
        // Bit 7 of each byte set where its top bits are 10.
        continuing += (w & !(w << 1) & HIGH).count_ones() as usize;
    }
    continuing += chunks
        .remainder()
        .iter()
        .filter(|b| **b & 0xC0 == 0x80)
        .count();
    bytes.len() - continuing
}

/// Collects problems while walking the JSON.
struct Check {
    locale: Locale,
    errors: Vec<InputError>,
}

type Obj<'a> = &'a Map<String, Value>;

impl Check {
    fn fail(&mut self, code: &str, path: impl Where, message: String) {
        let mut spelled = String::new();
        path.spell(&mut spelled);
        self.errors.push(InputError {
            code: code.into(),
            path: spelled,
            message,
        });
    }

    fn text(&self, t: texts::Msg, args: &[&str]) -> String {
        texts::message(self.locale, t, args)
    }

    fn type_error(&mut self, path: impl Where, expected: texts::Msg, got: &Value) {
        let m = self.text(
            texts::Msg::ExpectedType,
            &[&self.text(expected, &[]), &describe(got)],
        );
        self.fail("invalid_type", path, m);
    }

    fn object<'a>(&mut self, v: &'a Value, path: impl Where) -> Option<Obj<'a>> {
        match v {
            Value::Object(m) => Some(m),
            other => {
                self.type_error(path, texts::Msg::AnObject, other);
                None
            }
        }
    }

    /// A field that is present and not null.
    fn field<'a>(&mut self, o: Obj<'a>, key: &str) -> Option<&'a Value> {
        o.get(key).filter(|v| !v.is_null())
    }

    fn required<'a>(&mut self, o: Obj<'a>, key: &str, path: impl Where) -> Option<&'a Value> {
        let v = self.field(o, key);
        if v.is_none() {
            let m = self.text(texts::Msg::Missing, &[]);
            self.fail("missing_field", path, m);
        }
        v
    }

    fn string(&mut self, v: &Value, path: impl Where, max: usize) -> Option<String> {
        match v {
            Value::String(s) if s.chars().count() > max => {
                let m = self.text(
                    texts::Msg::TooLong,
                    &[&max.to_string(), &s.chars().count().to_string()],
                );
                self.fail("too_long", path, m);
                None
            }
            Value::String(s) => Some(s.clone()),
            other => {
                self.type_error(path, texts::Msg::AString, other);
                None
            }
        }
    }

    /// A required text: present, a string, and not blank (a reason titled
    /// `""` would say nothing).
    fn required_text(&mut self, o: Obj, key: &str, path: impl Where) -> Option<String> {
        let p = join(&path, key);
        let s = self
            .required(o, key, p)
            .and_then(|v| self.string(v, p, limits::MAX_STRING))?;
        if s.trim().is_empty() {
            let m = self.text(texts::Msg::Empty, &[]);
            self.fail("missing_field", p, m);
            return None;
        }
        Some(s)
    }

    fn opt_string(&mut self, o: Obj, key: &str, path: impl Where) -> Option<String> {
        let v = self.field(o, key)?;
        self.string(v, join(&path, key), limits::MAX_STRING)
    }

    fn date(&mut self, v: &Value, path: impl Where) -> Option<Date> {
        let s = match v {
            Value::String(s) => s,
            other => {
                self.type_error(path, texts::Msg::ADate, other);
                return None;
            }
        };
        match parse_iso(s) {
            Some(d) if (1900..=2100).contains(&chrono::Datelike::year(&d)) => Some(d),
            Some(_) => {
                let m = self.text(texts::Msg::DateRange, &[s]);
                self.fail("out_of_range", path, m);
                None
            }
            None => {
                let m = self.text(texts::Msg::BadDate, &[&shorten(s)]);
                self.fail("invalid_date", path, m);
                None
            }
        }
    }

    fn opt_date(&mut self, o: Obj, key: &str, path: impl Where) -> Option<Date> {
        let v = self.field(o, key)?;
        self.date(v, join(&path, key))
    }

    fn req_date(&mut self, o: Obj, key: &str, path: impl Where) -> Option<Date> {
        let p = join(&path, key);
        let v = self.required(o, key, p)?;
        self.date(v, p)
    }

    fn integer(&mut self, v: &Value, path: impl Where, min: i64, max: i64) -> Option<i64> {
        let n = match v.as_f64() {
            Some(n) if n.fract() == 0.0 => n,
            _ => {
                let what = self.text(texts::Msg::AnInteger, &[&min.to_string(), &max.to_string()]);
                let m = self.text(texts::Msg::ExpectedType, &[&what, &describe(v)]);
                self.fail(
                    if v.is_number() {
                        "out_of_range"
                    } else {
                        "invalid_type"
                    },
                    path,
                    m,
                );
                return None;
            }
        };
        if n < min as f64 || n > max as f64 {
            let m = self.text(
                texts::Msg::OutOfRange,
                &[&min.to_string(), &max.to_string(), &describe(v)],
            );
            self.fail("out_of_range", path, m);
            return None;
        }
        Some(n as i64)
    }

    fn opt_int(&mut self, o: Obj, key: &str, path: impl Where, min: i64, max: i64) -> Option<u32> {
        let v = self.field(o, key)?;
        self.integer(v, join(&path, key), min, max)
            .map(|n| n as u32)
    }

    fn amount(&mut self, v: &Value, path: impl Where) -> Option<f64> {
        match v.as_f64() {
            Some(n) if n.is_finite() && n >= 0.0 => Some(n),
            Some(_) => {
                let m = self.text(texts::Msg::NonNegative, &[&describe(v)]);
                self.fail("out_of_range", path, m);
                None
            }
            None => {
                self.type_error(path, texts::Msg::ANumber, v);
                None
            }
        }
    }

    fn boolean(&mut self, o: Obj, key: &str, path: impl Where) -> bool {
        match self.field(o, key) {
            None => false,
            Some(Value::Bool(b)) => *b,
            Some(other) => {
                self.type_error(join(&path, key), texts::Msg::ABoolean, other);
                false
            }
        }
    }

    fn one_of<T: Copy>(
        &mut self,
        v: &Value,
        path: impl Where,
        parse: impl Fn(&str) -> Option<T>,
        names: &str,
    ) -> Option<T> {
        let s = self.string(v, path, limits::MAX_STRING)?;
        let r = parse(&s);
        if r.is_none() {
            let m = self.text(texts::Msg::Unknown, &[&shorten(&s), names]);
            self.fail("unknown_value", path, m);
        }
        r
    }

    fn list<'a>(&mut self, o: Obj<'a>, key: &str, path: impl Where, max: usize) -> &'a [Value] {
        let p = join(&path, key);
        match self.field(o, key) {
            None => &[],
            Some(Value::Array(a)) if a.len() > max => {
                let m = self.text(
                    texts::Msg::TooMany,
                    &[&max.to_string(), &a.len().to_string()],
                );
                self.fail("too_many", p, m);
                &[]
            }
            Some(Value::Array(a)) => a,
            Some(other) => {
                self.type_error(p, texts::Msg::AList, other);
                &[]
            }
        }
    }

    fn strings(&mut self, o: Obj, key: &str, path: impl Where) -> Vec<String> {
        let list = self.list(o, key, path, limits::MAX_TAGS);
        let mut out = Vec::with_capacity(list.len());
        for (i, v) in list.iter().enumerate() {
            match v {
                // No more bytes than the limit allows characters: valid,
                // and no path to spell out (orders may hold millions).
                Value::String(s) if s.len() <= limits::MAX_STRING => out.push(s.clone()),
                _ => {
                    let kp = join(&path, key);
                    out.extend(self.string(v, index(&kp, i), limits::MAX_STRING));
                }
            }
        }
        out
    }

    fn channels(&mut self, o: Obj, key: &str, path: impl Where) -> Option<Vec<Channel>> {
        self.field(o, key)?;
        let p = join(&path, key);
        let list = self.list(o, key, path, Channel::ALL.len() * 4);
        let mut out = Vec::new();
        for (i, v) in list.iter().enumerate() {
            if let Some(c) = self.one_of(v, index(&p, i), Channel::parse, &Channel::wire_names()) {
                if !out.contains(&c) {
                    out.push(c);
                }
            }
        }
        Some(out)
    }

    fn each<'a, T>(
        &mut self,
        o: Obj<'a>,
        key: &str,
        path: impl Where,
        max: usize,
        mut f: impl FnMut(&mut Self, Obj<'a>, Path) -> Option<T>,
    ) -> Vec<T> {
        let p = join(&path, key);
        let list = self.list(o, key, path, max);
        let mut out = Vec::with_capacity(list.len());
        for (i, v) in list.iter().enumerate() {
            let ip = index(&p, i);
            if let Some(obj) = self.object(v, ip) {
                if let Some(t) = f(self, obj, ip) {
                    out.push(t);
                }
            }
        }
        out
    }
}

/// Where a value sits in the input: spelled out (`client.orders[3].date`)
/// only when an error names it, not for every field read (an input at the
/// limits has hundreds of thousands).
trait Spell {
    fn spell(&self, out: &mut String);
}

/// A path as the checks take it: a spelled one (`"client.id"`) or a
/// [`Path`] under construction.
trait Where: Spell + Copy {}
impl<T: Spell + Copy> Where for T {}

impl Spell for str {
    fn spell(&self, out: &mut String) {
        out.push_str(self);
    }
}

impl Spell for String {
    fn spell(&self, out: &mut String) {
        out.push_str(self);
    }
}

impl<T: Spell + ?Sized> Spell for &T {
    fn spell(&self, out: &mut String) {
        (**self).spell(out);
    }
}

/// A field or an entry under a parent path.
#[derive(Clone, Copy)]
struct Path<'a> {
    parent: &'a dyn Spell,
    step: Step<'a>,
}

#[derive(Clone, Copy)]
enum Step<'a> {
    Key(&'a str),
    Index(usize),
}

impl Spell for Path<'_> {
    fn spell(&self, out: &mut String) {
        self.parent.spell(out);
        match self.step {
            Step::Key(key) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(key);
            }
            Step::Index(i) => {
                out.push('[');
                out.push_str(&i.to_string());
                out.push(']');
            }
        }
    }
}

fn join<'a>(path: &'a dyn Spell, key: &'a str) -> Path<'a> {
    Path {
        parent: path,
        step: Step::Key(key),
    }
}

fn index(path: &dyn Spell, i: usize) -> Path<'_> {
    Path {
        parent: path,
        step: Step::Index(i),
    }
}

fn shorten(s: &str) -> String {
    if s.chars().count() > 40 {
        format!("{}…", s.chars().take(40).collect::<String>())
    } else {
        s.to_string()
    }
}

/// How a wrong value looks in a message: `"31.02.2026"`, `12`, `an object`.
fn describe(v: &Value) -> String {
    match v {
        Value::String(s) => format!("\"{}\"", shorten(s)),
        Value::Array(_) => "[…]".into(),
        Value::Object(_) => "{…}".into(),
        other => shorten(&other.to_string()),
    }
}

/// The input's locale, read leniently: errors are reported in it.
fn locale_of(v: &Value) -> Locale {
    v.get("locale")
        .and_then(Value::as_str)
        .and_then(Locale::parse)
        .unwrap_or_default()
}

/// Validates a `PlanInput`: either the whole model or every problem.
///
/// # Errors
/// All problems found, in document order.
pub fn validate(v: &Value) -> Result<PlanInput, InputErrors> {
    let mut c = Check {
        locale: locale_of(v),
        errors: Vec::new(),
    };
    // Too large: that alone is said, the rest not read.
    if !within_size(v) {
        let m = c.text(
            texts::Msg::TooLarge,
            &[
                &texts::grouped(c.locale, limits::MAX_VALUES),
                &texts::grouped(c.locale, limits::MAX_CHARS),
            ],
        );
        c.fail("too_many", "", m);
        return Err(InputErrors { errors: c.errors });
    }
    let input = validate_root(&mut c, v);
    match input {
        Some(i) if c.errors.is_empty() => Ok(i),
        _ => {
            if c.errors.is_empty() {
                // Defensive: a missing piece always records why.
                let m = c.text(texts::Msg::AnObject, &[]);
                c.fail("invalid_type", "", m);
            }
            Err(InputErrors { errors: c.errors })
        }
    }
}

fn validate_root(c: &mut Check, v: &Value) -> Option<PlanInput> {
    let o = c.object(v, "")?;
    let today = match c.required(o, "today", "today") {
        Some(t) => c.date(t, "today").and_then(|d| {
            if (2000..=2099).contains(&chrono::Datelike::year(&d)) {
                Some(d)
            } else {
                let m = c.text(texts::Msg::TodayRange, &[]);
                c.fail("out_of_range", "today", m);
                None
            }
        }),
        None => None,
    };
    let horizon_months = match c.field(o, "horizonMonths") {
        Some(h) => c
            .integer(h, "horizonMonths", 1, limits::MAX_HORIZON_MONTHS)
            .map(|n| n as u32),
        None => Some(12),
    };
    let locale = match c.field(o, "locale") {
        Some(l) => c.one_of(l, "locale", Locale::parse, &Locale::wire_names()),
        None => Some(Locale::Ru),
    };
    let client = match c.required(o, "client", "client") {
        Some(cv) => c.object(cv, "client").and_then(|co| validate_client(c, co)),
        None => None,
    };
    let company = match c.field(o, "company") {
        Some(cv) => c.object(cv, "company").map(|co| validate_company(c, co)),
        None => Some(Company {
            russian_calendar: true,
            ..Company::default()
        }),
    };
    let settings = match c.field(o, "settings") {
        Some(sv) => c.object(sv, "settings").map(|so| validate_settings(c, so)),
        None => Some(Settings::default()),
    };
    Some(PlanInput {
        today: today?,
        horizon_months: horizon_months?,
        locale: locale?,
        client: client?,
        company: company?,
        settings: settings?,
    })
}

fn validate_client(c: &mut Check, o: Obj) -> Option<Client> {
    let p = "client";
    let id = c.required(o, "id", "client.id").and_then(|v| match v {
        // Numeric ids are common in CRMs; accept them as text.
        Value::Number(n) => Some(n.to_string()),
        other => c.string(other, "client.id", limits::MAX_ID),
    });
    if id.as_deref() == Some("") {
        let m = c.text(texts::Msg::Empty, &[]);
        c.fail("missing_field", "client.id", m);
    }
    let name = c.opt_string(o, "name", p);
    let kind = c
        .field(o, "kind")
        .and_then(|v| {
            c.one_of(
                v,
                "client.kind",
                ClientKind::parse,
                &ClientKind::wire_names(),
            )
        })
        .unwrap_or(ClientKind::Business);
    let segment = c
        .field(o, "segment")
        .and_then(|v| c.one_of(v, "client.segment", Segment::parse, &Segment::wire_names()));
    let sale_type = c.field(o, "saleType").and_then(|v| {
        c.one_of(
            v,
            "client.saleType",
            SaleType::parse,
            &SaleType::wire_names(),
        )
    });
    let order_cycle_days = c.opt_int(o, "orderCycleDays", p, 1, limits::MAX_CYCLE_DAYS);
    let mandatory_per_order = c.opt_int(o, "mandatoryPerOrder", p, 0, limits::MAX_MANDATORY);
    let steps_path = "client.mandatorySteps";
    let raw_steps = c.list(o, "mandatorySteps", p, limits::MAX_MANDATORY as usize);
    let mut mandatory_steps = Vec::new();
    for (i, v) in raw_steps.iter().enumerate() {
        let ip = index(&steps_path, i);
        if let Some(code) = c.string(v, ip, limits::MAX_STRING) {
            let known = super::catalog::find(&code)
                .is_some_and(|r| r.kind == super::catalog::ReasonKind::Mandatory);
            if known {
                mandatory_steps.push(code);
            } else {
                let names = super::catalog::CATALOG
                    .iter()
                    .filter(|r| r.kind == super::catalog::ReasonKind::Mandatory)
                    .map(|r| r.code)
                    .collect::<Vec<_>>()
                    .join(", ");
                let m = c.text(texts::Msg::Unknown, &[&shorten(&code), &names]);
                c.fail("unknown_value", ip, m);
            }
        }
    }
    let orders = c.each(o, "orders", p, limits::MAX_ORDERS, |c, oo, ip| {
        let date = c.req_date(oo, "date", ip);
        let amount = c
            .field(oo, "amount")
            .and_then(|v| c.amount(v, join(&ip, "amount")));
        let categories = c.strings(oo, "categories", ip);
        let items = c.strings(oo, "items", ip);
        let promo = c.boolean(oo, "promo", ip);
        Some(Order {
            date: date?,
            amount,
            categories,
            promo,
            items,
        })
    });
    let service = c
        .field(o, "service")
        .and_then(|v| c.object(v, "client.service"))
        .and_then(|so| validate_service(c, so));
    let expiries = c.each(o, "expiries", p, limits::MAX_COMPANY_LIST, |c, eo, ip| {
        let date = c.req_date(eo, "date", ip);
        let what = c.required_text(eo, "what", ip);
        Some(Expiry {
            date: date?,
            what: what?,
        })
    });
    let contacts = c.each(o, "contacts", p, limits::MAX_CONTACTS, validate_contact);
    let channels = c.channels(o, "channels", p);
    if channels.as_ref().is_some_and(Vec::is_empty) {
        let m = c.text(texts::Msg::Empty, &[]);
        c.fail("out_of_range", "client.channels", m);
    }
    let industry = c.opt_string(o, "industry", p);
    let annual_revenue = c
        .field(o, "annualRevenue")
        .and_then(|v| c.amount(v, "client.annualRevenue"));
    let (mut promo_sensitive, mut birthday_offer, mut loyal) = (false, false, false);
    if let Some(fo) = c
        .field(o, "flags")
        .and_then(|v| c.object(v, "client.flags"))
    {
        promo_sensitive = c.boolean(fo, "promoSensitive", "client.flags");
        birthday_offer = c.boolean(fo, "birthdayOffer", "client.flags");
        loyal = c.boolean(fo, "loyal", "client.flags");
    }
    let open_deal = c
        .field(o, "openDeal")
        .and_then(|v| c.object(v, "client.openDeal"))
        .and_then(|d| {
            let since = c.req_date(d, "since", "client.openDeal");
            c.opt_string(d, "stage", "client.openDeal");
            since
        });
    let incidents = c.each(o, "incidents", p, limits::MAX_COMPANY_LIST, |c, io, ip| {
        let date = c.req_date(io, "date", ip);
        let summary = c.required_text(io, "summary", ip);
        Some(Incident {
            date: date?,
            summary: summary?,
        })
    });
    let history = c.each(o, "history", p, limits::MAX_ORDERS, |c, ho, ip| {
        let date = c.req_date(ho, "date", ip);
        let cp = join(&ip, "channel");
        let channel = c
            .required(ho, "channel", cp)
            .and_then(|v| c.one_of(v, cp, Channel::parse, &Channel::wire_names()));
        let reason = c.opt_string(ho, "reason", ip);
        Some(PastTouch {
            date: date?,
            channel: channel?,
            reason,
        })
    });
    Some(Client {
        id: id?,
        name,
        kind,
        segment,
        sale_type,
        order_cycle_days,
        mandatory_per_order,
        mandatory_steps,
        orders,
        service,
        expiries,
        contacts,
        channels,
        industry,
        annual_revenue,
        promo_sensitive,
        birthday_offer,
        loyal,
        open_deal,
        incidents,
        history,
    })
}

fn validate_service(c: &mut Check, o: Obj) -> Option<Service> {
    let p = "client.service";
    let start = c.req_date(o, "start", p);
    let end = c.req_date(o, "end", p);
    let reaction_days = c.opt_int(o, "reactionDays", p, 1, limits::MAX_REACTION_DAYS);
    let kind = c.field(o, "kind").and_then(|v| {
        c.one_of(
            v,
            "client.service.kind",
            ServiceKind::parse,
            &ServiceKind::wire_names(),
        )
    });
    let frozen_from = c.opt_date(o, "frozenFrom", p);
    let frozen_to = c.opt_date(o, "frozenTo", p);
    let promo = c.opt_string(o, "promo", p);
    let promo_until = c.opt_date(o, "promoUntil", p);
    if let (Some(s), Some(e)) = (start, end) {
        if e < s {
            let m = c.text(texts::Msg::EndBeforeStart, &[]);
            c.fail("end_before_start", "client.service.end", m);
        }
    }
    let frozen = match (frozen_from, frozen_to) {
        (Some(f), Some(t)) if t < f => {
            let m = c.text(texts::Msg::EndBeforeStart, &[]);
            c.fail("end_before_start", "client.service.frozenTo", m);
            None
        }
        (Some(f), Some(t)) => Some((f, t)),
        (Some(_), None) => {
            let m = c.text(texts::Msg::Missing, &[]);
            c.fail("missing_field", "client.service.frozenTo", m);
            None
        }
        (None, Some(_)) => {
            let m = c.text(texts::Msg::Missing, &[]);
            c.fail("missing_field", "client.service.frozenFrom", m);
            None
        }
        (None, None) => None,
    };
    Some(Service {
        start: start?,
        end: end?,
        reaction_days,
        kind,
        frozen,
        promo,
        promo_until,
    })
}

fn validate_contact(c: &mut Check, o: Obj, p: Path) -> Option<Contact> {
    let name = c.required_text(o, "name", p);
    let role = c
        .field(o, "role")
        .and_then(|v| c.one_of(v, join(&p, "role"), Role::parse, &Role::wire_names()));
    let bp = join(&p, "birthday");
    let birthday = c.field(o, "birthday").and_then(|v| match v.as_str() {
        Some(s) if s.starts_with("--") => match parse_month_day(s) {
            Some((month, day)) => Some(Birthday { month, day }),
            None => {
                let m = c.text(texts::Msg::BadBirthday, &[&shorten(s)]);
                c.fail("invalid_date", bp, m);
                None
            }
        },
        _ => c.date(v, bp).map(|d| Birthday {
            month: chrono::Datelike::month(&d),
            day: chrono::Datelike::day(&d),
        }),
    });
    let channels = c.channels(o, "channels", p);
    let interests = c.strings(o, "interests", p);
    Some(Contact {
        name: name?,
        role,
        birthday,
        channels,
        interests,
    })
}

fn validate_company(c: &mut Check, o: Obj) -> Company {
    let p = "company";
    let content_plan = c.each(
        o,
        "contentPlan",
        p,
        limits::MAX_COMPANY_LIST,
        |c, io, ip| {
            let date = c.req_date(io, "date", ip);
            let rp = join(&ip, "reason");
            let reason = c
                .required(io, "reason", rp)
                .and_then(|v| c.string(v, rp, limits::MAX_STRING));
            if let Some(code) = &reason {
                if super::catalog::find(code).is_none() {
                    let m = c.text(texts::Msg::UnknownReason, &[&shorten(code)]);
                    c.fail("unknown_value", rp, m);
                }
            }
            let title = c.required_text(io, "title", ip);
            let detail = c.opt_string(io, "detail", ip);
            let categories = c.strings(io, "categories", ip);
            let items = c.strings(io, "items", ip);
            let segments = c.strings(io, "segments", ip);
            let roles = c.strings(io, "roles", ip);
            let industries = c.strings(io, "industries", ip);
            let until = c.opt_date(io, "until", ip);
            let pilot = c.opt_date(io, "pilot", ip);
            let delivery = match c.field(io, "delivery") {
                Some(v) => c.one_of(
                    v,
                    join(&ip, "delivery"),
                    Delivery::parse,
                    &Delivery::wire_names(),
                )?,
                None => Delivery::Manager,
            };
            if let (Some(d), Some(u)) = (date, until) {
                if u < d {
                    let m = c.text(texts::Msg::EndBeforeStart, &[]);
                    c.fail("end_before_start", join(&ip, "until"), m);
                }
            }
            Some(ContentItem {
                date: date?,
                reason: reason?,
                title: title?,
                detail,
                categories,
                items,
                segments,
                roles,
                industries,
                until,
                pilot,
                delivery,
            })
        },
    );
    let events = c.each(o, "events", p, limits::MAX_COMPANY_LIST, |c, eo, ip| {
        let date = c.req_date(eo, "date", ip);
        let title = c.required_text(eo, "title", ip);
        Some(Event {
            date: date?,
            title: title?,
        })
    });
    let russian_calendar = match c.field(o, "country") {
        Some(v) => c
            .one_of(
                v,
                "company.country",
                |s| match s {
                    "RU" => Some(true),
                    "none" => Some(false),
                    _ => None,
                },
                "RU, none",
            )
            .unwrap_or(true),
        None => true,
    };
    let dates = |c: &mut Check, key: &str| -> Vec<Date> {
        let kp = join(&p, key);
        let list = c.list(o, key, p, limits::MAX_COMPANY_LIST);
        list.iter()
            .enumerate()
            .filter_map(|(i, v)| c.date(v, index(&kp, i)))
            .collect()
    };
    let holidays = dates(c, "holidays");
    let workdays = dates(c, "workdays");
    Company {
        content_plan,
        events,
        russian_calendar,
        holidays,
        workdays,
    }
}

/// A settings value given by one of `names`.
fn pick_named<T: Copy>(
    c: &mut Check,
    o: Obj,
    key: &str,
    path: impl Where,
    names: &[(&str, T)],
) -> Option<T> {
    let v = c.field(o, key)?;
    let list = names.iter().map(|(n, _)| *n).collect::<Vec<_>>().join(", ");
    c.one_of(
        v,
        join(&path, key),
        |s| names.iter().find(|(n, _)| *n == s).map(|(_, t)| *t),
        &list,
    )
}

fn validate_settings(c: &mut Check, o: Obj) -> Settings {
    let mut s = Settings::default();
    let p = "settings";
    macro_rules! int {
        ($key:literal, $field:ident, $min:expr, $max:expr) => {
            if let Some(n) = c.opt_int(o, $key, p, $min, $max) {
                s.$field = n;
            }
        };
    }
    int!(
        "defaultCycleTransactional",
        default_cycle_transactional,
        1,
        limits::MAX_CYCLE_DAYS
    );
    int!(
        "defaultCycleConsultative",
        default_cycle_consultative,
        1,
        limits::MAX_CYCLE_DAYS
    );
    int!(
        "consultativeThresholdDays",
        consultative_threshold_days,
        1,
        limits::MAX_CYCLE_DAYS
    );
    int!("subMonthThresholdDays", sub_month_threshold_days, 1, 365);
    int!("ordersForCycle", orders_for_cycle, 2, 100);
    int!(
        "mandatoryTransactional",
        mandatory_transactional,
        0,
        limits::MAX_MANDATORY
    );
    int!(
        "mandatoryConsultative",
        mandatory_consultative,
        0,
        limits::MAX_MANDATORY
    );
    int!("standardPerMandatory", standard_per_mandatory, 0, 10);
    int!("eventsPerYear", events_per_year, 0, 12);
    int!("eventInviteLeadDays", event_invite_lead_days, 0, 180);
    int!("silenceDays", silence_days, 0, 30);
    int!("checkByDay", check_by_day, 1, 60);
    int!("preOrderLeadWorkdays", pre_order_lead_workdays, 1, 30);
    if c.field(o, "greetingsAheadOfRotation").is_some() {
        s.greetings_ahead_of_rotation = c.boolean(o, "greetingsAheadOfRotation", "settings");
    }
    int!("reactionDays", reaction_days, 1, limits::MAX_REACTION_DAYS);
    int!("onboardingLeadDays", onboarding_lead_days, 0, 90);
    int!("renewalLeadDays", renewal_lead_days, 1, 365);
    int!("promoLeadDays", promo_lead_days, 0, 90);
    int!("apologyDelayDays", apology_delay_days, 0, 30);
    int!("followUpDays", follow_up_days, 1, 365);
    int!("mergeGapDays", merge_gap_days, 0, 30);
    int!("weeklyCap", weekly_cap, 1, 7);
    int!("dailyCap", daily_cap, 1, 1);
    int!("offersPerMonth", offers_per_month, 0, 31);
    int!("contentValidityDays", content_validity_days, 1, 3650);
    int!("durableIntervalDays", durable_interval_days, 30, 3650);
    int!("freshnessTouches", freshness_touches, 0, 50);
    int!("needLeadDays", need_lead_days, 1, 365);
    int!("checkLateDays", check_late_days, 1, 60);
    int!(
        "reactionWatchDays",
        reaction_watch_days,
        1,
        limits::MAX_CYCLE_DAYS
    );
    int!("apologyMaxDays", apology_max_days, 1, 30);
    int!("quietAfterIncidentDays", quiet_after_incident_days, 0, 365);
    int!("referralsPerYear", referrals_per_year, 0, 12);
    int!(
        "influencerTouchesPerQuarter",
        influencer_touches_per_quarter,
        0,
        3
    );
    int!("managerDailyCapacity", manager_daily_capacity, 1, 1000);
    int!("levelSlackDays", level_slack_days, 0, 30);
    if s.check_late_days < s.check_by_day {
        let m = c.text(
            texts::Msg::OutOfRange,
            &[
                &s.check_by_day.to_string(),
                "60",
                &s.check_late_days.to_string(),
            ],
        );
        c.fail("out_of_range", "settings.checkLateDays", m);
    }
    if let Some(v) = c.field(o, "eventSlotMonths") {
        let ep = "settings.eventSlotMonths";
        match v.as_array() {
            Some(list) if list.len() <= 12 => {
                let mut months = Vec::new();
                for (i, m) in list.iter().enumerate() {
                    if let Some(n) = c.integer(m, index(&ep, i), 1, 12) {
                        months.push(n as u32);
                    }
                }
                months.sort_unstable();
                months.dedup();
                s.event_slot_months = months;
            }
            Some(list) => {
                let m = c.text(texts::Msg::TooMany, &["12", &list.len().to_string()]);
                c.fail("too_many", ep, m);
            }
            None => c.type_error(ep, texts::Msg::AList, v),
        }
    }
    if let Some(v) = c.field(o, "apologyChannel") {
        if !v.is_null() {
            s.apology_channel = c.one_of(
                v,
                "settings.apologyChannel",
                Channel::parse,
                &Channel::wire_names(),
            );
        }
    }
    if let Some(ro) = c
        .field(o, "revenueSegments")
        .and_then(|v| (!v.is_null()).then_some(v))
        .and_then(|v| c.object(v, "settings.revenueSegments"))
    {
        let mut thresholds = BTreeMap::new();
        for (k, v) in ro {
            let kp = format!("settings.revenueSegments.{k}");
            match Segment::parse(k) {
                Some(seg) => {
                    if let Some(a) = c.amount(v, &kp) {
                        thresholds.insert(seg, a);
                    }
                }
                None => {
                    let m = c.text(texts::Msg::Unknown, &[&shorten(k), &Segment::wire_names()]);
                    c.fail("unknown_value", &kp, m);
                }
            }
        }
        s.revenue_segments = Some(thresholds);
    }
    if s.silence_days >= s.check_by_day {
        let m = c.text(texts::Msg::SilenceVsCheck, &[]);
        c.fail("out_of_range", "settings.silenceDays", m);
    }
    if let Some(v) = c.field(o, "reactionGapDays") {
        s.reaction_gap_days = c
            .integer(v, "settings.reactionGapDays", 1, limits::MAX_REACTION_DAYS)
            .map(|n| n as u32);
    }
    if let Some(v) = c.field(o, "checkMinAmount") {
        if let Some(a) = c.amount(v, "settings.checkMinAmount") {
            s.check_min_amount = a;
        }
    }
    if let Some(v) = c.field(o, "annualMeeting") {
        let ap = "settings.annualMeeting";
        match v.as_str().and_then(parse_month_day) {
            Some((m, d)) => (s.meeting_month, s.meeting_day) = (m, d),
            None => {
                let m = c.text(texts::Msg::BadBirthday, &[&describe(v)]);
                c.fail("invalid_date", ap, m);
            }
        }
    }
    if let Some(go) = c
        .field(o, "channelGaps")
        .and_then(|v| c.object(v, "settings.channelGaps"))
    {
        for (k, v) in go {
            let kp = format!("settings.channelGaps.{k}");
            match Channel::parse(k) {
                Some(ch) => {
                    if let Some(n) = c.integer(v, &kp, 0, 365) {
                        s.channel_gaps.insert(ch, n as u32);
                    }
                }
                None => {
                    let m = c.text(texts::Msg::Unknown, &[&shorten(k), &Channel::wire_names()]);
                    c.fail("unknown_value", &kp, m);
                }
            }
        }
    }
    if let Some(list) = c.channels(o, "automatedChannels", p) {
        if list.is_empty() {
            let m = c.text(texts::Msg::Empty, &[]);
            c.fail("out_of_range", "settings.automatedChannels", m);
        } else {
            s.automated_channels = list;
        }
    }
    if let Some(so) = c
        .field(o, "segments")
        .and_then(|v| c.object(v, "settings.segments"))
    {
        for (k, v) in so {
            let sp = format!("settings.segments.{k}");
            let Some(seg) = Segment::parse(k) else {
                let m = c.text(texts::Msg::Unknown, &[&shorten(k), &Segment::wire_names()]);
                c.fail("unknown_value", &sp, m);
                continue;
            };
            let Some(ro) = c.object(v, &sp) else { continue };
            let row = s
                .segments
                .get_mut(&seg)
                .expect("every segment has a default row");
            if let Some(b) = c.field(ro, "standardByManager") {
                match b.as_bool() {
                    Some(b) => row.standard_by_manager = b,
                    None => c.type_error(join(&sp, "standardByManager"), texts::Msg::ABoolean, b),
                }
            }
            if let Some(b) = c.field(ro, "topUps") {
                match b.as_bool() {
                    Some(b) => row.top_ups = b,
                    None => c.type_error(join(&sp, "topUps"), texts::Msg::ABoolean, b),
                }
            }
            if let Some(b) = c.field(ro, "annualMeeting") {
                match b.as_bool() {
                    Some(b) => row.annual_meeting = b,
                    None => c.type_error(join(&sp, "annualMeeting"), texts::Msg::ABoolean, b),
                }
            }
            if let Some(n) = c.opt_int(ro, "needPerCycle", &sp, 0, 2) {
                row.need_per_cycle = n;
            }
            if let Some(g) = pick_named(c, ro, "greetings", &sp, GreetingPolicy::NAMES) {
                row.greetings = g;
            }
            if let Some(v) = pick_named(c, ro, "visits", &sp, VisitPolicy::NAMES) {
                row.visits = v;
            }
            if let Some(e) = pick_named(c, ro, "events", &sp, EventPolicy::NAMES) {
                row.events = e;
            }
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The whole input's limit counts characters exactly, whatever their
    /// width in UTF-8 and wherever a string ends within a word.
    #[test]
    fn count_chars_counts_characters_not_bytes() {
        let pieces = ["", "a", "я", "€", "𝄞", "категория-7", "ab€𝄞яz"];
        for a in pieces {
            for b in pieces {
                for n in 0..12 {
                    let s = format!("{}{}", a.repeat(n), b);
                    assert_eq!(count_chars(&s), s.chars().count(), "{s:?}");
                }
            }
        }
    }

    /// An error deep in a list is still named by its full path.
    #[test]
    fn a_nested_error_is_named_by_its_path() {
        let v = serde_json::json!({
            "today": "2026-11-24",
            "client": { "id": "c", "orders": [
                { "date": "2026-11-01" },
                { "date": "2026-11-02", "categories": ["ok", 7] },
            ] },
            "company": { "contentPlan": [{ "date": "2026-12-01", "reason": "no-such", "title": "t" }] },
        });
        let e = validate(&v).expect_err("two errors");
        let paths: Vec<&str> = e.errors.iter().map(|e| e.path.as_str()).collect();
        assert_eq!(
            paths,
            [
                "client.orders[1].categories[1]",
                "company.contentPlan[0].reason"
            ]
        );
    }
}
