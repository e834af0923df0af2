//! A manager's book (R16): many clients planned together, each as `plan`
//! plans it, then each manager's days levelled to capacity before the
//! touches are rendered, so that every client's rules still hold.

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::{Map, Value};

use super::catalog;
use super::context::Ctx;
use super::date::{add_days, add_months, iso};
use super::error::{InputError, InputErrors};
use super::input::{validate, PlanInput};
use super::level::{self, Levelled};
use super::model::{Date, Locale, TouchKind};
use super::output::{Horizon, Plan, Summary, Touch, Warning};
use super::plan::{build, draft};
use super::texts::{human_day_month, kind_name, ru_plural};

/// At most this many clients in one book (as `planMany`'s inputs).
pub const MAX_CLIENTS: usize = 100_000;

/// A planned book: each client's plan or errors, each manager's levelling.
#[derive(Debug, Clone, PartialEq)]
pub struct Book {
    pub horizon: Horizon,
    pub locale: Locale,
    pub capacity: u32,
    /// In the input's order.
    pub clients: Vec<BookClient>,
    /// By manager name; clients without a manager form the book's own
    /// manager, `None`, first. Managers named in `managers` without a
    /// client are listed too, with no load.
    pub managers: Vec<ManagerBook>,
}

/// One manager's part of a book.
#[derive(Debug, Clone, PartialEq)]
pub struct ManagerBook {
    pub name: Option<String>,
    /// Personal touches a working day this manager holds: the manager's
    /// own from `managers[]`, else `settings.managerDailyCapacity`.
    pub capacity: u32,
    pub levelled: Levelled,
}

/// At most this many entries in a book's `managers`.
pub const MAX_MANAGERS: usize = 10_000;

/// One client of a book.
#[derive(Debug, Clone, PartialEq)]
pub struct BookClient {
    /// Its `id` as given (empty when it is not a string).
    pub id: String,
    pub manager: Option<String>,
    /// Its levelled plan, or every problem of its input (paths start with
    /// `clients[i].`).
    pub plan: Result<Plan, InputErrors>,
}

fn error(code: &str, path: &str, message: &str) -> InputError {
    InputError {
        code: code.into(),
        path: path.into(),
        message: message.into(),
    }
}

/// A problem at `path`, said in the locale.
fn problem(locale: Locale, code: &str, path: &str, ru: &str, en: &str) -> InputError {
    let message = match locale {
        Locale::Ru => ru,
        Locale::En => en,
    };
    error(code, path, message)
}

/// The one problem that fails the whole book.
fn refuse(locale: Locale, code: &str, path: &str, ru: &str, en: &str) -> InputErrors {
    InputErrors {
        errors: vec![problem(locale, code, path, ru, en)],
    }
}

/// The input shared by every client: `today`, `horizonMonths`, `locale`,
/// `company`, `settings`, validated once with a stand-in client.
fn shared(o: &Map<String, Value>) -> Result<PlanInput, InputErrors> {
    let mut v = Map::new();
    for key in ["today", "horizonMonths", "locale", "company", "settings"] {
        if let Some(x) = o.get(key) {
            v.insert(key.into(), x.clone());
        }
    }
    v.insert("client".into(), serde_json::json!({ "id": "-" }));
    validate(&Value::Object(v))
}

/// One client's input: its own fields validated (paths `clients[i].…`),
/// the shared part taken from `base`; `manager` read apart.
fn client_input(
    base: &PlanInput,
    o: &Map<String, Value>,
    i: usize,
    c: &Value,
) -> (Option<String>, Result<PlanInput, InputErrors>) {
    let locale = base.locale;
    let prefix = format!("clients[{i}]");
    let Some(fields) = c.as_object() else {
        let ru = "ожидался объект клиента";
        let e = refuse(
            locale,
            "invalid_type",
            &prefix,
            ru,
            "a client object was expected",
        );
        return (None, Err(e));
    };
    let mut fields = fields.clone();
    let manager = match fields.remove("manager") {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) if s.chars().count() <= 256 => Ok(Some(s)),
        Some(Value::String(_)) => Err(problem(
            locale,
            "too_long",
            &format!("{prefix}.manager"),
            "не длиннее 256 символов",
            "at most 256 characters",
        )),
        Some(_) => Err(problem(
            locale,
            "invalid_type",
            &format!("{prefix}.manager"),
            "ожидалась строка",
            "a string was expected",
        )),
    };
    let mut v = Map::new();
    for key in ["today", "horizonMonths", "locale"] {
        if let Some(x) = o.get(key) {
            v.insert(key.into(), x.clone());
        }
    }
    v.insert("client".into(), Value::Object(fields));
    let checked = validate(&Value::Object(v));
    let mut errors: Vec<InputError> = Vec::new();
    let manager = match manager {
        Ok(m) => m,
        Err(e) => {
            errors.push(e);
            None
        }
    };
    match checked {
        Ok(own) if errors.is_empty() => {
            let input = PlanInput {
                client: own.client,
                ..base.clone()
            };
            (manager, Ok(input))
        }
        Ok(_) => (manager, Err(InputErrors { errors })),
        Err(e) => {
            errors.extend(e.errors.into_iter().map(|mut e| {
                e.path = match e.path.strip_prefix("client") {
                    Some(rest) => format!("{prefix}{rest}"),
                    None => e.path,
                };
                e
            }));
            (manager, Err(InputErrors { errors }))
        }
    }
}

/// The book's `managers`: each named manager's own capacity (R16), the
/// ones given without `capacity` at `default`. Every problem is reported
/// with its path; a name given twice is an error, not a silent choice.
fn manager_capacities(
    o: &Map<String, Value>,
    locale: Locale,
    default: u32,
) -> Result<BTreeMap<String, u32>, InputErrors> {
    let mut out = BTreeMap::new();
    let list = match o.get("managers") {
        None | Some(Value::Null) => return Ok(out),
        Some(Value::Array(list)) if list.len() <= MAX_MANAGERS => list,
        Some(Value::Array(_)) => {
            return Err(refuse(
                locale,
                "too_many",
                "managers",
                "не больше 10 000 менеджеров",
                "at most 10,000 managers",
            ));
        }
        Some(_) => {
            return Err(refuse(
                locale,
                "invalid_type",
                "managers",
                "ожидался список менеджеров: [{ name, capacity }]",
                "a list of managers was expected: [{ name, capacity }]",
            ));
        }
    };
    let mut errors = Vec::new();
    for (i, m) in list.iter().enumerate() {
        let at = |field: &str| format!("managers[{i}]{field}");
        let Some(m) = m.as_object() else {
            errors.push(problem(
                locale,
                "invalid_type",
                &at(""),
                "ожидался объект менеджера { name, capacity }",
                "a manager object { name, capacity } was expected",
            ));
            continue;
        };
        let name = match m.get("name") {
            Some(Value::String(s)) if s.trim().is_empty() => {
                errors.push(problem(
                    locale,
                    "missing_field",
                    &at(".name"),
                    "нужно имя менеджера",
                    "the manager's name is required",
                ));
                None
            }
            Some(Value::String(s)) if s.chars().count() > 256 => {
                errors.push(problem(
                    locale,
                    "too_long",
                    &at(".name"),
                    "не длиннее 256 символов",
                    "at most 256 characters",
                ));
                None
            }
            Some(Value::String(s)) => Some(s.clone()),
            None | Some(Value::Null) => {
                errors.push(problem(
                    locale,
                    "missing_field",
                    &at(".name"),
                    "нужно имя менеджера",
                    "the manager's name is required",
                ));
                None
            }
            Some(_) => {
                errors.push(problem(
                    locale,
                    "invalid_type",
                    &at(".name"),
                    "ожидалась строка",
                    "a string was expected",
                ));
                None
            }
        };
        let capacity = match m.get("capacity") {
            None | Some(Value::Null) => Some(default),
            Some(v) => match v.as_f64() {
                Some(n) if n.fract() == 0.0 && (1.0..=1000.0).contains(&n) => Some(n as u32),
                Some(_) => {
                    errors.push(problem(
                        locale,
                        "out_of_range",
                        &at(".capacity"),
                        "ожидается целое число от 1 до 1000",
                        "expected a whole number from 1 to 1000",
                    ));
                    None
                }
                None => {
                    errors.push(problem(
                        locale,
                        "invalid_type",
                        &at(".capacity"),
                        "ожидалось целое число от 1 до 1000",
                        "a whole number from 1 to 1000 was expected",
                    ));
                    None
                }
            },
        };
        if let (Some(name), Some(capacity)) = (name, capacity) {
            if out.insert(name.clone(), capacity).is_some() {
                errors.push(problem(
                    locale,
                    "duplicate",
                    &at(".name"),
                    "этот менеджер уже указан выше",
                    "this manager is already listed above",
                ));
            }
        }
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(InputErrors { errors })
    }
}

/// Plans a book (`BookInput`, CONTRACT.md): every client as `plan` plans
/// it, then each manager's personal touches levelled (R16).
///
/// # Errors
/// Problems of the shared part (`today`, `horizonMonths`, `locale`,
/// `company`, `settings`, `managers`) or of `clients` as a whole fail the
/// book; a
/// client whose own input is bad fails alone, in its entry.
pub fn plan_book(v: &Value) -> Result<Book, InputErrors> {
    let locale = v
        .get("locale")
        .and_then(Value::as_str)
        .and_then(Locale::parse)
        .unwrap_or_default();
    let Some(o) = v.as_object() else {
        return Err(refuse(
            locale,
            "invalid_type",
            "",
            "ожидался объект книги",
            "a book object was expected",
        ));
    };
    let base = shared(o)?;
    let capacities = manager_capacities(o, base.locale, base.settings.manager_daily_capacity)?;
    let list = match o.get("clients") {
        Some(Value::Array(list)) if list.len() <= MAX_CLIENTS => list,
        Some(Value::Array(_)) => {
            return Err(refuse(
                locale,
                "too_many",
                "clients",
                "не больше 100 000 клиентов",
                "at most 100,000 clients",
            ));
        }
        Some(_) => {
            return Err(refuse(
                locale,
                "invalid_type",
                "clients",
                "ожидался список клиентов",
                "a list of clients was expected",
            ));
        }
        None => {
            return Err(refuse(
                locale,
                "missing_field",
                "clients",
                "нужен список клиентов",
                "the list of clients is required",
            ));
        }
    };
    let read: Vec<_> = list
        .iter()
        .enumerate()
        .map(|(i, c)| client_input(&base, o, i, c))
        .collect();
    let ids = list.iter().map(|c| {
        let id = c.get("id").and_then(Value::as_str).unwrap_or_default();
        id.chars().take(256).collect()
    });
    Ok(plan_inputs(&base, &capacities, read, ids))
}

/// The heap a planned client takes at most, about (its drafts, plan and
/// compact form; 230 MB for 1,000 sample clients natively).
#[cfg(target_arch = "wasm32")]
const HEAP_PER_CLIENT: usize = 160 * 1024;

/// In wasm, grows the heap for the whole book at once: the allocator asks
/// the engine for memory 64 KB at a time, and each `memory.grow` costs the
/// engine a page commit and counts toward its garbage collection, so a
/// first book of 1,000 clients spent more time growing memory than
/// planning. What is reserved is freed at once and used by the plans.
fn reserve_heap(clients: usize) {
    #[cfg(target_arch = "wasm32")]
    {
        let bytes = clients.min(4_000).saturating_mul(HEAP_PER_CLIENT);
        // `black_box`: an allocation never used may be left out.
        drop(std::hint::black_box(Vec::<u8>::with_capacity(bytes)));
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = clients;
}

/// Plans and levels validated clients (errors pass through in place).
fn plan_inputs(
    base: &PlanInput,
    capacities: &BTreeMap<String, u32>,
    read: Vec<(Option<String>, Result<PlanInput, InputErrors>)>,
    ids: impl Iterator<Item = String>,
) -> Book {
    reserve_heap(read.len());
    let s = &base.settings;
    let (capacity, slack) = (s.manager_daily_capacity, s.level_slack_days);
    let inputs: Vec<&PlanInput> = read.iter().filter_map(|(_, r)| r.as_ref().ok()).collect();
    let mut book: Vec<Ctx> = inputs.iter().map(|i| draft(i)).collect();
    // Book positions of the planned clients, by manager.
    let mut by_manager: BTreeMap<Option<&str>, Vec<usize>> = capacities
        .keys()
        .map(|m| (Some(m.as_str()), Vec::new()))
        .collect();
    let mut k = 0;
    for (m, r) in &read {
        if r.is_ok() {
            by_manager.entry(m.as_deref()).or_default().push(k);
            k += 1;
        }
    }
    let mut managers = Vec::new();
    let mut moved = vec![false; book.len()];
    for (m, members) in &by_manager {
        let capacity = m
            .and_then(|m| capacities.get(m))
            .copied()
            .unwrap_or(capacity);
        let levelled = level::level(&mut book, members, capacity, slack);
        for mv in &levelled.moves {
            moved[mv.client] = true;
        }
        managers.push(ManagerBook {
            name: m.map(str::to_string),
            capacity,
            levelled,
        });
    }
    for (ctx, _) in book.iter_mut().zip(&moved).filter(|(_, m)| **m) {
        super::limits::sort(ctx);
    }
    // Back from planned positions to the book's.
    let plans: Vec<Plan> = book.into_iter().map(build).collect();
    let mut plans = plans.into_iter();
    let mut position = Vec::new();
    let clients: Vec<BookClient> = read
        .into_iter()
        .zip(ids)
        .enumerate()
        .map(|(i, ((manager, r), id))| BookClient {
            id,
            manager,
            plan: r.map(|_| {
                position.push(i);
                plans.next().expect("one plan per valid client")
            }),
        })
        .collect();
    for ManagerBook { levelled: l, .. } in &mut managers {
        for mv in &mut l.moves {
            mv.client = position[mv.client];
        }
        for o in &mut l.overloads {
            for c in &mut o.clients {
                *c = position[*c];
            }
        }
    }
    let to = add_days(add_months(base.today, base.horizon_months), -1);
    Book {
        horizon: Horizon {
            from: iso(base.today),
            to: iso(to),
        },
        locale: base.locale,
        capacity,
        clients,
        managers,
    }
}

/// The book in its compact wire form (CONTRACT.md `Book`).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CompactBook {
    pub horizon: Horizon,
    pub locale: &'static str,
    pub capacity: u32,
    /// Title and hint of every reason the plans use, once.
    pub reasons: BTreeMap<String, ReasonText>,
    /// Every touch's `why`, once: touches give an index into it (most
    /// sentences are a rule's, repeated across clients).
    pub whys: Vec<String>,
    pub clients: Vec<CompactClient>,
    pub managers: Vec<ManagerLoad>,
}

/// A reason's texts in the book's locale.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReasonText {
    pub title: &'static str,
    pub hint: &'static str,
}

/// One client: its plan's touches, summary and warnings, or its errors.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CompactClient {
    pub id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub manager: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub touches: Option<Vec<CompactTouch>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub summary: Option<Summary>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub warnings: Option<Vec<Warning>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub errors: Option<Vec<InputError>>,
}

/// A touch as `plan` gives it, its reasons as `[code, score]`, best first.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CompactTouch {
    pub date: String,
    pub kind: TouchKind,
    pub channel: super::model::Channel,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub automated: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contact: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contacts: Option<Vec<String>>,
    pub rule: String,
    /// Index into the book's `whys`.
    pub why: u32,
    pub reasons: Vec<(String, f64)>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub moved_from: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub purposes: Option<Vec<TouchKind>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scheduled: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expected: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notes: Option<Vec<String>>,
}

/// Sentences said once, by index.
#[derive(Default)]
struct Whys {
    list: Vec<String>,
    index: std::collections::HashMap<String, u32>,
}

impl Whys {
    fn of(&mut self, s: &str) -> u32 {
        if let Some(i) = self.index.get(s) {
            return *i;
        }
        let i = self.list.len() as u32;
        self.list.push(s.to_string());
        self.index.insert(s.to_string(), i);
        i
    }
}

impl CompactTouch {
    fn new(t: &Touch, whys: &mut Whys) -> Self {
        CompactTouch {
            date: t.date.clone(),
            kind: t.kind,
            channel: t.channel,
            automated: t.automated,
            contact: t.contact.clone(),
            role: t.role.clone(),
            contacts: t.contacts.clone(),
            rule: t.rule.clone(),
            why: whys.of(&t.why),
            reasons: t
                .reasons
                .iter()
                .map(|r| (r.code.clone(), r.score))
                .collect(),
            moved_from: t.moved_from.clone(),
            purposes: t.purposes.clone(),
            scheduled: t.scheduled,
            expected: t.expected,
            notes: t.notes.clone(),
        }
    }
}

/// One manager's levelling: personal touches per day before and after
/// (`[date, before, after]`, days with any), the days still over capacity
/// and what moved.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ManagerLoad {
    pub manager: Option<String>,
    /// This manager's personal touches per working day.
    pub capacity: u32,
    pub clients: u32,
    pub days: Vec<(String, u32, u32)>,
    pub overloads: Vec<CompactOverload>,
    pub moves: Vec<CompactMove>,
}

/// A day over capacity: `clients` are indices into the book's `clients`,
/// the ones that keep the day first.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CompactOverload {
    pub date: String,
    pub load: u32,
    pub clients: Vec<usize>,
}

/// A touch levelling moved; `client` indexes the book's `clients`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CompactMove {
    pub client: usize,
    pub from: String,
    pub to: String,
    pub kind: TouchKind,
    pub why: String,
}

/// Why levelling moved a touch, in the locale.
fn move_why(locale: Locale, kind: TouchKind, from: Date, to: Date, load: u32, cap: u32) -> String {
    let (f, t, k) = (
        human_day_month(locale, from),
        human_day_month(locale, to),
        kind_name(locale, kind),
    );
    match locale {
        Locale::Ru => {
            let touches =
                ["личное касание", "личных касания", "личных касаний"][ru_plural(u64::from(load))];
            format!(
                "{k}: {f} у менеджера {load} {touches} при норме {cap}; перенесено на {t}, \
                 наименее загруженный рабочий день в окне касания (правило R16)."
            )
        }
        Locale::En => {
            let touches = if load == 1 {
                "personal touch"
            } else {
                "personal touches"
            };
            format!(
                "{k}: on {f} the manager had {load} {touches} against a capacity of {cap}; \
                 moved to {t}, the least loaded working day in the touch's window (rule R16)."
            )
        }
    }
}

impl Book {
    /// The compact form `planBook` returns across the boundary.
    pub fn compact(&self) -> CompactBook {
        let locale = self.locale;
        let mut reasons = BTreeMap::new();
        let mut whys = Whys::default();
        let clients = self
            .clients
            .iter()
            .map(|c| match &c.plan {
                Ok(p) => {
                    for r in p.touches.iter().flat_map(|t| &t.reasons) {
                        if !reasons.contains_key(&r.code) {
                            if let Some(e) = catalog::find(&r.code) {
                                let text = match locale {
                                    Locale::Ru => ReasonText {
                                        title: e.title_ru,
                                        hint: e.hint_ru,
                                    },
                                    Locale::En => ReasonText {
                                        title: e.title_en,
                                        hint: e.hint_en,
                                    },
                                };
                                reasons.insert(r.code.clone(), text);
                            }
                        }
                    }
                    CompactClient {
                        id: p.client_id.clone(),
                        name: p.client_name.clone(),
                        manager: c.manager.clone(),
                        touches: Some(
                            p.touches
                                .iter()
                                .map(|t| CompactTouch::new(t, &mut whys))
                                .collect(),
                        ),
                        summary: Some(p.summary.clone()),
                        warnings: Some(p.warnings.clone()),
                        errors: None,
                    }
                }
                Err(e) => CompactClient {
                    id: c.id.clone(),
                    name: None,
                    manager: c.manager.clone(),
                    touches: None,
                    summary: None,
                    warnings: None,
                    errors: Some(e.errors.clone()),
                },
            })
            .collect();
        let managers = self
            .managers
            .iter()
            .map(
                |ManagerBook {
                     name: m,
                     capacity,
                     levelled: l,
                 }| ManagerLoad {
                    manager: m.clone(),
                    capacity: *capacity,
                    clients: self
                        .clients
                        .iter()
                        .filter(|c| c.plan.is_ok() && c.manager == *m)
                        .count() as u32,
                    days: l
                        .days
                        .iter()
                        .map(|d| (iso(d.date), d.before, d.after))
                        .collect(),
                    overloads: l
                        .overloads
                        .iter()
                        .map(|o| CompactOverload {
                            date: iso(o.date),
                            load: o.load,
                            clients: o.clients.clone(),
                        })
                        .collect(),
                    moves: l
                        .moves
                        .iter()
                        .map(|mv| CompactMove {
                            client: mv.client,
                            from: iso(mv.from),
                            to: iso(mv.to),
                            kind: mv.kind,
                            why: move_why(locale, mv.kind, mv.from, mv.to, mv.load, *capacity),
                        })
                        .collect(),
                },
            )
            .collect();
        CompactBook {
            horizon: self.horizon.clone(),
            locale: locale.as_str(),
            capacity: self.capacity,
            reasons,
            whys: whys.list,
            clients,
            managers,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::date::parse_iso;

    /// What levelling says is read by the head of sales: the count agrees
    /// with its word, and the rule is named as everywhere else.
    #[test]
    fn a_move_is_told_with_the_count_inflected() {
        let (from, to) = (
            parse_iso("2027-03-01").unwrap(),
            parse_iso("2027-03-02").unwrap(),
        );
        let ru = |load| move_why(Locale::Ru, TouchKind::Standard, from, to, load, 3);
        assert!(ru(4).contains("4 личных касания при норме 3"), "{}", ru(4));
        assert!(ru(21).contains("21 личное касание"), "{}", ru(21));
        assert!(ru(12).contains("12 личных касаний"), "{}", ru(12));
        assert!(ru(4).ends_with("(правило R16)."), "{}", ru(4));
        let en = move_why(Locale::En, TouchKind::Standard, from, to, 1, 0);
        assert!(en.contains("had 1 personal touch against"), "{en}");
    }
}
