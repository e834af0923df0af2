// `npm run fuzz [-- --seed N --count N --start N --jobs N --out DIR --replay FILE]`:
// structure-aware fuzzing of the JS API (www/api.js over the real wasm).
//
// Each case is the example inputs (examples/clients/*.json) with 1–4
// mutations drawn from a PRNG seeded by (seed, case index): wrong types,
// boundary numbers (NaN, ±Infinity, -0, 2^53+1, each limit and one past
// it), dates at and past their ranges, texts (empty, too long, lone
// surrogates, NUL), lists at and past every limit, unknown and `__proto__`
// keys, deep nesting, cycles, throwing getters, revoked Proxies, non-JSON
// objects. Every plan is checked (sorted, inside the horizon, daily and
// weekly caps with history, ≥ 1 reason, no two touches on a day under the
// daily cap of 1, the same plan twice); every error too (a TouchPlanError
// with a known code, each problem with a path that exists in the input,
// and a message in the input's locale). A trap (code `internal`) is a
// finding. Each finding is shrunk (mutations dropped, lists cut) and saved
// to DIR (default fuzz-findings/) as a replayable file; `--replay FILE`
// runs one again. `--jobs N` splits the cases into N consecutive ranges run
// by N processes at once and adds their reports up: the same cases, the same
// counts as one process. Exit status 1 when anything was found.
import { readFileSync, readdirSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { spawn } from 'node:child_process';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

// ---- the PRNG ---------------------------------------------------------

/** mulberry32: small, fast, and the same sequence on every machine. */
export function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (list) => list[Math.floor(next() * list.length)],
    chance: (p) => next() < p,
  };
}

const caseSeed = (seed, index) => (Math.imul(seed >>> 0, 2654435761) ^ Math.imul(index + 1, 40503)) >>> 0;

// ---- the corpus ---------------------------------------------------------

export function loadExamples() {
  const dir = join(ROOT, 'examples/clients');
  return readdirSync(dir).filter((f) => f.endsWith('.json')).sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')));
}

// Rich pieces the examples lack, so that every list and setting is reached.
const EXTRA = {
  history: [{ date: '2026-11-20', channel: 'phone' }, { date: '2026-11-23', channel: 'email', reason: 'post_purchase_check' }],
  incidents: [{ date: '2026-11-23', summary: 'Задержка отгрузки' }],
  expiries: [{ date: '2027-03-31', what: 'Договор' }],
  contentPlan: [{ date: '2026-12-10', reason: 'market_analytics', title: 'Обзор рынка', categories: ['x'] }],
  events: [{ date: '2027-02-10', title: 'Выставка' }],
};

// ---- values -------------------------------------------------------------

const NUMBERS = [0, -0, 1, -1, 0.5, NaN, Infinity, -Infinity, 2 ** 53, 2 ** 53 + 1, -(2 ** 53 + 1), Number.MAX_VALUE, Number.MIN_VALUE,
  1e-9, 12, 20, 21, 36, 37, 365, 366, 3650, 3651, 10_000, 100_000, 1e21];
const DATES = ['2026-11-24', '1900-01-01', '1899-12-31', '2100-12-31', '2101-01-01', '2000-01-01', '1999-12-31', '2099-12-31',
  '2026-02-29', '2028-02-29', '2026-02-30', '2026-13-01', '2026-11-24T10:00', '24.11.2026', '--02-29', '--12-31', '--13-01',
  '2026-1-1', ' 2026-11-24', '+2026-11-24'];
const TEXTS = ['', ' ', '\u0000', 'a\u0000b', '\uD800', 'x\uDC00', '😀', '\uFFFD', 'x'.repeat(256), 'x'.repeat(257), 'x'.repeat(1000),
  'x'.repeat(1001), 'я'.repeat(1001), '__proto__', 'constructor', '<img src=x onerror=alert(1)>', '=1+1', 'phone', 'A+', 'en',
  'market_analytics', 'decision_maker', '\r\nATTACH:x'];

// Values that JSON cannot hold, built fresh each time (some are stateful).
const EXOTIC = {
  undefined: () => undefined,
  bigint: () => 10n,
  symbol: () => Symbol('s'),
  function: () => () => 1,
  set: () => new Set([1]),
  map: () => new Map([[1, 2]]),
  typedArray: () => new Uint8Array([1, 2]),
  stringObject: () => new String('x'),
  numberObject: () => new Number(1),
  date: () => new Date(0),
  getter: () => Object.defineProperty({}, 'x', { enumerable: true, get() { throw new Error('getter'); } }),
  revoked: () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    return proxy;
  },
  nullProto: () => Object.assign(Object.create(null), { a: 1 }),
};

function randomValue(r) {
  switch (r.int(0, 7)) {
    case 0: return r.pick(NUMBERS);
    case 1: return r.pick(DATES);
    case 2: return r.pick(TEXTS);
    case 3: return r.chance(0.5);
    case 4: return null;
    case 5: return r.chance(0.5) ? [] : {};
    case 6: return EXOTIC[r.pick(Object.keys(EXOTIC))]();
    default: return r.int(-1000, 100_000);
  }
}

// Every list of the contract with its limit.
const LISTS = {
  'client.orders': [10_000, () => ({ date: '2026-10-01', amount: 1 })],
  'client.history': [10_000, () => ({ date: '2026-11-01', channel: 'email' })],
  'client.contacts': [200, (i) => ({ name: `c${i}`, role: 'user' })],
  'client.incidents': [2000, () => ({ date: '2026-11-01', summary: 's' })],
  'client.expiries': [2000, () => ({ date: '2027-06-01', what: 'w' })],
  'client.channels': [44, () => 'phone'],
  'company.contentPlan': [2000, () => ({ date: '2026-12-10', reason: 'market_analytics', title: 't' })],
  'company.events': [2000, () => ({ date: '2027-02-10', title: 't' })],
  'company.holidays': [2000, () => '2027-01-11'],
  'company.workdays': [2000, () => '2027-01-16'],
  'client.orders[0].categories': [200, (i) => `k${i}`],
  'client.contacts[0].interests': [200, (i) => `i${i}`],
};

// ---- paths ----------------------------------------------------------------

const keyPath = (path, key) => (typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key);

/** Every [path, parent, key] of plain JSON data below `value`. */
function slots(value, path = '', out = [], depth = 0) {
  if (value === null || typeof value !== 'object' || depth > 12) return out;
  try {
    const keys = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
    // A 10,000-entry list: a few of its entries are enough.
    for (const key of keys.length > 50 ? keys.slice(0, 50) : keys) {
      const p = keyPath(path, key);
      out.push([p, value, key]);
      const child = value[key];
      if (child !== null && typeof child === 'object' && (Array.isArray(child) || Object.getPrototypeOf(child) === Object.prototype)) slots(child, p, out, depth + 1);
    }
  } catch {
    // A getter, a revoked Proxy or a cycle put there by an earlier mutation.
  }
  return out;
}

function ensure(root, path) {
  let node = root;
  for (const part of path.split('.')) {
    const m = part.match(/^(\w+)(?:\[(\d+)\])?$/);
    if (!m) return null;
    if (node[m[1]] === null || typeof node[m[1]] !== 'object') node[m[1]] = m[2] === undefined ? {} : [];
    node = node[m[1]];
    if (m[2] !== undefined) {
      if (node[m[2]] === null || typeof node[m[2]] !== 'object') node[m[2]] = {};
      node = node[m[2]];
    }
  }
  return node;
}

function parentOf(root, path) {
  const i = path.lastIndexOf('.');
  return i < 0 ? [root, path] : [ensure(root, path.slice(0, i)), path.slice(i + 1)];
}

// ---- mutations ------------------------------------------------------------
// Each takes (input, r) and changes input in place; returns what it did.

const MUTATIONS = {
  replaceValue(input, r) {
    const all = slots(input);
    if (!all.length) return 'nothing';
    const [path, parent, key] = r.pick(all);
    parent[key] = randomValue(r);
    return `replace ${path}`;
  },
  boundaryNumber(input, r) {
    const all = slots(input).filter(([, p, k]) => typeof p[k] === 'number' || /Months|Days|Cap|amount|Per|Share|Revenue/.test(k));
    const path = all.length && r.chance(0.7) ? r.pick(all)[0] : r.pick(['horizonMonths', 'client.orderCycleDays', 'client.mandatoryPerOrder',
      'client.annualRevenue', 'client.service.reactionDays', 'settings.weeklyCap', 'settings.dailyCap', 'settings.checkMinAmount',
      'settings.earlyNeedShare', 'settings.channelGaps.phone', 'settings.silenceDays', 'settings.offersPerMonth']);
    const [parent, key] = parentOf(input, path);
    if (!parent) return 'nothing';
    parent[key] = r.pick(NUMBERS);
    return `number ${path}`;
  },
  date(input, r) {
    const all = slots(input).filter(([, p, k]) => typeof p[k] === 'string' && /^(--|\d{4}-)/.test(p[k]));
    const path = all.length && r.chance(0.8) ? r.pick(all)[0] : r.pick(['today', 'client.openDeal.since', 'client.service.start', 'client.service.end']);
    const [parent, key] = parentOf(input, path);
    if (!parent) return 'nothing';
    if (r.chance(0.5)) {
      const d = new Date(Date.UTC(2026, 10, 24 + r.int(-800, 800)));
      parent[key] = d.toISOString().slice(0, 10);
    } else {
      parent[key] = r.pick(DATES);
    }
    return `date ${path}`;
  },
  text(input, r) {
    const all = slots(input).filter(([, p, k]) => typeof p[k] === 'string');
    const path = all.length ? r.pick(all)[0] : 'client.name';
    const [parent, key] = parentOf(input, path);
    parent[key] = r.pick(TEXTS);
    return `text ${path}`;
  },
  listAtLimit(input, r) {
    const path = r.pick(Object.keys(LISTS));
    const [limit, make] = LISTS[path];
    // A full list of 2,000 or 10,000 costs seconds to plan (BENCH.md):
    // mostly one past the limit, which validation alone refuses.
    const n = limit >= 2000 && r.chance(0.9) ? limit + 1 : limit + r.int(0, 1);
    const [parent, key] = parentOf(input, path);
    if (!parent) return 'nothing';
    parent[key] = Array.from({ length: n }, (_, i) => make(i));
    return `list ${path} ${n}`;
  },
  unknownKey(input, r) {
    const objects = [['', input], ...slots(input).filter(([, p, k]) => p[k] && typeof p[k] === 'object' && !Array.isArray(p[k])).map(([path, p, k]) => [path, p[k]])];
    const [path, target] = r.pick(objects);
    const key = r.pick(['__proto__', 'constructor', 'prototype', 'unknownField', 'toString', 'hasOwnProperty', '']);
    Object.defineProperty(target, key, { value: randomValue(r), enumerable: true, writable: true, configurable: true });
    return `key ${keyPath(path, key)}`;
  },
  deepNesting(input, r) {
    const levels = r.pick([10, 63, 64, 65, 200, 5100, 20_000]);
    let deep = r.chance(0.5) ? [] : {};
    for (let i = 0; i < levels; i++) deep = r.chance(0.5) ? [deep] : { a: deep };
    const path = r.pick(['client.custom', 'custom', 'client.orders', 'settings.segments', 'company.x']);
    const [parent, key] = parentOf(input, path);
    if (!parent) return 'nothing';
    parent[key] = deep;
    return `deep ${path} ${levels}`;
  },
  cycle(input, r) {
    const objects = slots(input).filter(([, p, k]) => p[k] && typeof p[k] === 'object');
    if (!objects.length) return 'nothing';
    const [path, parent, key] = r.pick(objects);
    parent[key].loop = r.chance(0.5) ? input : parent;
    return `cycle ${path}.loop`;
  },
  exotic(input, r) {
    const all = slots(input);
    const kind = r.pick(Object.keys(EXOTIC));
    const [path, parent, key] = all.length ? r.pick(all) : ['client', input, 'client'];
    parent[key] = EXOTIC[kind]();
    return `exotic ${path} ${kind}`;
  },
  removeField(input, r) {
    const all = slots(input);
    if (!all.length) return 'nothing';
    const [path, parent, key] = r.pick(all);
    if (Array.isArray(parent)) parent.splice(key, 1);
    else delete parent[key];
    return `remove ${path}`;
  },
  locale(input, r) {
    input.locale = r.pick(['en', 'ru', 'de', '', 'EN', 42]);
    return `locale ${String(input.locale)}`;
  },
  settings(input, r) {
    input.settings ??= {};
    const key = r.pick(['weeklyCap', 'dailyCap', 'mergeGapDays', 'standardPerMandatory', 'eventsPerYear', 'apologyDelayDays',
      'reactionGapDays', 'annualMeeting', 'automatedChannels', 'segments', 'freshnessTouches', 'consultativeThresholdDays']);
    input.settings[key] = r.chance(0.5) ? r.int(0, 8) : randomValue(r);
    return `settings.${key}`;
  },
};

const WEIGHTS = [
  ['replaceValue', 6], ['boundaryNumber', 4], ['date', 4], ['text', 3], ['listAtLimit', 1], ['unknownKey', 2], ['deepNesting', 1],
  ['cycle', 1], ['exotic', 3], ['removeField', 3], ['locale', 1], ['settings', 3],
];
const WEIGHT_TOTAL = WEIGHTS.reduce((a, [, w]) => a + w, 0);

function pickMutation(r) {
  let x = r.next() * WEIGHT_TOTAL;
  for (const [name, w] of WEIGHTS) if ((x -= w) < 0) return name;
  return WEIGHTS[0][0];
}

/**
 * Case `index` of `seed`: a base example and its mutations, each with its
 * own sub-seed so that any subset replays alike (for shrinking).
 */
export function describeCase(seed, index, examples) {
  const r = rng(caseSeed(seed, index));
  const base = r.int(0, examples.length - 1);
  const rich = r.chance(0.5);
  const mutations = Array.from({ length: r.chance(0.1) ? 0 : r.int(1, 4) }, () => ({ name: pickMutation(r), seed: r.int(0, 2 ** 31) }));
  return { seed, index, base, rich, mutations };
}

export function buildCase(desc, examples, trim = null) {
  const input = structuredClone(examples[desc.base]);
  if (desc.rich) {
    Object.assign(input.client, structuredClone({ history: EXTRA.history, incidents: EXTRA.incidents, expiries: EXTRA.expiries }));
    input.company = structuredClone({ contentPlan: EXTRA.contentPlan, events: EXTRA.events });
  }
  const done = desc.mutations.map((m) => {
    try {
      return MUTATIONS[m.name](input, rng(m.seed));
    } catch {
      return `${m.name}: not applicable`; // an earlier mutation left something unreadable there
    }
  });
  if (trim) trim(input);
  return { input, done };
}

// ---- checks ---------------------------------------------------------------

const CODES = new Set(['invalid_date', 'missing_field', 'out_of_range', 'end_before_start', 'unknown_value', 'invalid_type',
  'too_long', 'too_many', 'too_deep', 'invalid_json']);
const ISO = /^\d{4}-\d{2}-\d{2}$/;

const dayNumber = (iso) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 86_400_000;
// Monday-based week number (1970-01-01 was a Thursday).
const weekOf = (iso) => Math.floor((dayNumber(iso) + 3) / 7);

function own(o, k) {
  try {
    return o !== null && typeof o === 'object' && Object.hasOwn(o, k) ? o[k] : undefined;
  } catch {
    return undefined;
  }
}

/** Problems with a plan, as short names (empty when it holds). */
export function checkPlan(plan, input) {
  const problems = [];
  const settings = own(input, 'settings');
  const daily = typeof own(settings, 'dailyCap') === 'number' ? own(settings, 'dailyCap') : 1;
  const weekly = typeof own(settings, 'weeklyCap') === 'number' ? own(settings, 'weeklyCap') : 3;
  const { from, to } = plan.horizon;
  if (from !== own(input, 'today')) problems.push('horizon_from_not_today');
  const perDay = new Map();
  const perWeek = new Map();
  plan.touches.forEach((t, i) => {
    if (!ISO.test(t.date)) problems.push('date_not_iso');
    if (i > 0 && plan.touches[i - 1].date > t.date) problems.push('not_sorted');
    if (t.date < from || t.date > to) problems.push('outside_horizon');
    if (!Array.isArray(t.reasons) || t.reasons.length === 0) problems.push('no_reason');
    perDay.set(t.date, (perDay.get(t.date) ?? 0) + 1);
    perWeek.set(weekOf(t.date), (perWeek.get(weekOf(t.date)) ?? 0) + 1);
  });
  const history = own(own(input, 'client'), 'history');
  const pastDay = new Map();
  if (Array.isArray(history)) {
    for (const h of history) {
      const d = own(h, 'date');
      if (typeof d !== 'string' || !ISO.test(d)) continue;
      if (perWeek.has(weekOf(d))) perWeek.set(weekOf(d), perWeek.get(weekOf(d)) + 1);
      pastDay.set(d, (pastDay.get(d) ?? 0) + 1);
    }
  }
  for (const [d, n] of perDay) {
    if (n > daily) problems.push(daily === 1 ? 'duplicate_date' : 'daily_cap');
    else if (n + (pastDay.get(d) ?? 0) > daily) problems.push('daily_cap_with_history');
  }
  for (const n of perWeek.values()) if (n > weekly) problems.push('weekly_cap');
  return [...new Set(problems)];
}

/** Does `path` (`client.orders[2].date`) name a place in `input`: the value, or a missing field of an existing object? */
function pathExists(input, path) {
  if (path === '') return true;
  const parts = [...path.matchAll(/([^.[\]"]+)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/g)]
    .map((m) => (m[1] !== undefined ? m[1] : m[2] !== undefined ? Number(m[2]) : JSON.parse(m[3])));
  let node = input;
  for (let i = 0; i < parts.length; i++) {
    if (node === null || typeof node !== 'object') return false;
    let has;
    try {
      has = Object.hasOwn(node, parts[i]) || (Array.isArray(node) && typeof parts[i] === 'number' && parts[i] < node.length);
    } catch {
      return false;
    }
    if (!has) return i === parts.length - 1; // a missing field, named where it belongs
    try {
      node = node[parts[i]];
    } catch {
      return i === parts.length - 1; // a getter that threw, named at its key
    }
  }
  return true;
}

const CYRILLIC = /[А-Яа-яЁё]/;
// The quoted value the message repeats back may be in any script.
const unquoted = (m) => m.replace(/"[^"]*"|«[^»]*»/g, '');

/** Problems with a thrown error, as short names. */
export function checkError(e, input) {
  if (!(e instanceof Error) || e.name !== 'TouchPlanError') return ['not_a_touchplan_error'];
  if (e.code === 'internal') return ['trap'];
  const problems = [];
  if (!Array.isArray(e.errors) || e.errors.length === 0) return ['no_errors_list'];
  let locale = 'ru';
  try {
    if (own(input, 'locale') === 'en') locale = 'en';
  } catch { /* a locale that cannot be read is the default */ }
  const rootOk = (() => {
    try {
      return input === null || typeof input !== 'object' || Array.isArray(input);
    } catch {
      return true;
    }
  })();
  for (const x of e.errors) {
    if (!CODES.has(x.code)) problems.push(`unknown_code:${x.code}`);
    if (typeof x.path !== 'string' || typeof x.message !== 'string' || !x.message) problems.push('missing_field_in_error');
    else {
      // The whole input past its limits (values, characters of text) is
      // refused as one: `too_many` at the root is its right path.
      if (x.path === '') {
        if (!rootOk && x.code !== 'too_many') problems.push('root_path');
      } else if (!pathExists(input, x.path)) problems.push('path_not_in_input');
      const text = unquoted(x.message);
      if (locale === 'en' && CYRILLIC.test(text)) problems.push('message_not_en');
      if (locale === 'ru' && !CYRILLIC.test(text)) problems.push('message_not_ru');
    }
  }
  if (e.code !== e.errors[0].code || e.path !== e.errors[0].path) problems.push('first_error_mismatch');
  return [...new Set(problems)];
}

// ---- running ----------------------------------------------------------------

function runOne(api, input) {
  let plan;
  try {
    plan = api.plan(input);
  } catch (e) {
    return { outcome: e?.code === 'internal' ? 'trap' : 'error', code: e?.code, problems: checkError(e, input) };
  }
  const problems = checkPlan(plan, input);
  try {
    if (JSON.stringify(api.plan(input)) !== JSON.stringify(plan)) problems.push('not_deterministic');
  } catch {
    problems.push('not_deterministic');
  }
  return { outcome: 'plan', problems };
}

// Lists cut in half, one at a time, while the finding stays.
function shrink(api, desc, examples, problem) {
  const fails = (d, trim) => {
    const { input } = buildCase(d, examples, trim);
    return runOne(api, input).problems.includes(problem);
  };
  let current = { ...desc, mutations: [...desc.mutations] };
  for (let i = current.mutations.length - 1; i >= 0; i--) {
    const fewer = { ...current, mutations: current.mutations.filter((_, j) => j !== i) };
    if (fails(fewer)) current = fewer;
  }
  if (current.rich && fails({ ...current, rich: false })) current = { ...current, rich: false };
  const cuts = [];
  const trimWith = (list) => (input) => {
    for (const [path, n] of list) {
      try {
        const [parent, key] = parentOf(input, path);
        if (parent && Array.isArray(parent[key])) parent[key] = parent[key].slice(0, n);
      } catch {
        // not a list any more
      }
    }
  };
  for (const path of ['client.orders', 'client.history', 'client.contacts', 'client.incidents', 'client.expiries', 'company.contentPlan', 'company.events']) {
    let length = 0;
    try {
      const { input } = buildCase(current, examples, trimWith(cuts));
      const [parent, key] = parentOf(input, path);
      length = parent && Array.isArray(parent[key]) ? parent[key].length : 0;
    } catch {
      length = 0;
    }
    let n = length;
    while (n > 0) {
      const half = Math.floor(n / 2);
      if (!fails(current, trimWith([...cuts, [path, half]]))) break;
      n = half;
    }
    if (n < length) cuts.push([path, n]);
  }
  return { desc: current, cuts, trim: trimWith(cuts) };
}

/** JSON with tags for what JSON cannot hold, so that a finding replays exactly. */
export function encode(value, ancestors = new WeakSet()) {
  if (value === undefined) return { $: 'undefined' };
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return { $: 'NaN' };
    if (value === Infinity) return { $: 'Infinity' };
    if (value === -Infinity) return { $: '-Infinity' };
    if (Object.is(value, -0)) return { $: '-0' };
    return value;
  }
  if (typeof value === 'bigint') return { $: 'bigint', v: String(value) };
  if (typeof value === 'symbol') return { $: 'symbol' };
  if (typeof value === 'function') return { $: 'function' };
  if (value === null || typeof value !== 'object') return value;
  let isArray;
  try {
    isArray = Array.isArray(value);
  } catch {
    return { $: 'revoked' };
  }
  if (ancestors.has(value)) return { $: 'cycle' };
  const tag = Object.prototype.toString.call(value);
  if (!isArray && tag !== '[object Object]') return { $: 'object', tag };
  if (!isArray && Object.getPrototypeOf(value) === null) return { $: 'nullProto', v: encode({ ...value }, ancestors) };
  ancestors.add(value);
  let out;
  if (isArray) {
    out = [];
    for (let i = 0; i < value.length; i++) out.push(encode(value[i], ancestors));
  } else {
    out = {};
    for (const key of Object.keys(value)) {
      let v;
      try {
        v = value[key];
      } catch {
        v = undefined;
        Object.defineProperty(out, key, { value: { $: 'getter' }, enumerable: true, writable: true, configurable: true });
        continue;
      }
      Object.defineProperty(out, key, { value: encode(v, ancestors), enumerable: true, writable: true, configurable: true });
    }
  }
  ancestors.delete(value);
  return out;
}

/** The value `encode` describes (a cycle points at the root). */
export function decode(value, root = null) {
  if (Array.isArray(value)) {
    const out = [];
    for (const v of value) out.push(decode(v, root ?? out));
    return out;
  }
  if (value === null || typeof value !== 'object') return value;
  if (typeof value.$ === 'string') {
    switch (value.$) {
      case 'undefined': return undefined;
      case 'NaN': return NaN;
      case 'Infinity': return Infinity;
      case '-Infinity': return -Infinity;
      case '-0': return -0;
      case 'bigint': return BigInt(value.v);
      case 'symbol': return Symbol('s');
      case 'function': return () => 1;
      case 'revoked': return EXOTIC.revoked();
      case 'getter': return EXOTIC.getter();
      case 'cycle': return root;
      case 'nullProto': return Object.assign(Object.create(null), decode(value.v, root));
      case 'object': return ({ '[object Set]': EXOTIC.set, '[object Map]': EXOTIC.map, '[object Uint8Array]': EXOTIC.typedArray,
        '[object String]': EXOTIC.stringObject, '[object Number]': EXOTIC.numberObject, '[object Date]': EXOTIC.date }[value.tag] ?? EXOTIC.set)();
      default: break;
    }
  }
  const out = {};
  for (const key of Object.keys(value)) {
    Object.defineProperty(out, key, { value: decode(value[key], root ?? out), enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/**
 * Runs `count` cases from `start`; returns the counts by outcome, the
 * findings (at most one saved per problem kind) and the time.
 */
export function fuzz(api, { seed = 1, count = 1000, start = 0, out = null, onProgress = null } = {}) {
  const examples = loadExamples();
  const counts = { plan: 0, error: 0, trap: 0 };
  const errorCodes = {};
  const problems = {};
  const findings = [];
  const slowest = [];
  const t0 = performance.now();
  for (let index = start; index < start + count; index++) {
    const desc = describeCase(seed, index, examples);
    const { input, done } = buildCase(desc, examples);
    const t = performance.now();
    const result = runOne(api, input);
    const ms = performance.now() - t;
    if (slowest.length < 5 || ms > slowest[slowest.length - 1].ms) {
      slowest.push({ index, ms: Math.round(ms), outcome: result.outcome, mutations: done });
      slowest.sort((a, b) => b.ms - a.ms);
      slowest.length = Math.min(slowest.length, 5);
    }
    counts[result.outcome]++;
    if (result.outcome === 'error') errorCodes[result.code] = (errorCodes[result.code] ?? 0) + 1;
    for (const problem of result.problems) {
      problems[problem] = (problems[problem] ?? 0) + 1;
      if (problems[problem] === 1) {
        const finding = { problem, seed, index, mutations: done };
        if (out) {
          const small = shrink(api, desc, examples, problem);
          const { input: minimal, done: kept } = buildCase(small.desc, examples, small.trim);
          finding.minimalMutations = kept;
          finding.file = join(out, `${problem}-seed${seed}-case${index}.json`);
          mkdirSync(out, { recursive: true });
          writeFileSync(finding.file, `${JSON.stringify({ problem, seed, index, mutations: kept, input: encode(minimal) }, null, 1)}\n`);
        }
        findings.push(finding);
      }
    }
    if (onProgress && (index - start + 1) % 10_000 === 0) onProgress(index - start + 1, counts);
  }
  return { seed, start, count, counts, errorCodes, problems, findings, slowest, ms: Math.round(performance.now() - t0) };
}

// ---- command line -------------------------------------------------------------

/** Adds up reports of consecutive ranges of one seed, as one run of them all. */
export function mergeReports(reports, ms) {
  const sum = (key) => reports.reduce((acc, r) => {
    for (const [k, v] of Object.entries(r[key])) acc[k] = (acc[k] ?? 0) + v;
    return acc;
  }, {});
  const ordered = [...reports].sort((a, b) => a.start - b.start);
  return {
    seed: ordered[0].seed,
    start: ordered[0].start,
    count: ordered.reduce((n, r) => n + r.count, 0),
    counts: sum('counts'),
    errorCodes: sum('errorCodes'),
    problems: sum('problems'),
    // One saved finding per problem kind, the earliest case first.
    findings: ordered.flatMap((r) => r.findings).filter((f, i, all) => all.findIndex((g) => g.problem === f.problem) === i),
    slowest: ordered.flatMap((r) => r.slowest).sort((a, b) => b.ms - a.ms).slice(0, 5),
    ms,
  };
}

/** Runs the cases in `jobs` child processes, each a consecutive range. */
async function fuzzInProcesses({ seed, count, start, jobs, out }) {
  const t0 = performance.now();
  const script = fileURLToPath(import.meta.url);
  const size = Math.ceil(count / jobs);
  const runs = [];
  for (let from = start; from < start + count; from += size) {
    const n = Math.min(size, start + count - from);
    const file = join(tmpdir(), `touchplan-fuzz-${process.pid}-${from}.json`);
    const child = spawn(process.execPath, [script, '--seed', String(seed), '--start', String(from), '--count', String(n), '--out', out, '--report-json', file], { stdio: ['ignore', 'inherit', 'inherit'] });
    runs.push(new Promise((resolve, reject) => {
      child.on('error', reject);
      child.on('exit', (code) => {
        try {
          resolve(JSON.parse(readFileSync(file, 'utf8')));
          rmSync(file, { force: true });
        } catch (e) {
          reject(new Error(`fuzz process for cases ${from}.. ended with status ${code} and no report: ${e.message}`));
        }
      });
    }));
  }
  return mergeReports(await Promise.all(runs), Math.round(performance.now() - t0));
}

async function main(argv) {
  const arg = (name, fallback) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : fallback;
  };
  const { default: init, ...api } = await import('../www/api.js');
  await init();
  const replay = arg('replay', null);
  if (replay) {
    const saved = JSON.parse(readFileSync(replay, 'utf8'));
    const input = decode(saved.input);
    const result = runOne(api, input);
    console.log(JSON.stringify({ problem: saved.problem, now: result }, null, 1));
    process.exit(result.problems.length ? 1 : 0);
  }
  const seed = Number(arg('seed', 1));
  const count = Number(arg('count', 10_000));
  const start = Number(arg('start', 0));
  const jobs = Math.max(1, Math.min(Number(arg('jobs', 1)) || 1, count));
  const out = arg('out', join(ROOT, 'fuzz-findings'));
  const reportFile = arg('report-json', null);
  console.log(`fuzz: seed ${seed}, cases ${start}..${start + count - 1}${jobs > 1 ? `, ${jobs} processes` : ''}`);
  const report = jobs > 1
    ? await fuzzInProcesses({ seed, count, start, jobs, out })
    : fuzz(api, {
      seed, count, start, out,
      onProgress: (n, c) => console.log(`  ${start > 0 ? `[from ${start}] ` : ''}${n} cases: ${c.plan} plans, ${c.error} errors, ${c.trap} traps`),
    });
  if (reportFile) writeFileSync(reportFile, JSON.stringify(report));
  console.log(JSON.stringify({ ...report, findings: report.findings.map((f) => ({ problem: f.problem, index: f.index, file: f.file, mutations: f.minimalMutations ?? f.mutations })) }, null, 1));
  console.log(`fuzz: ${report.count} cases in ${(report.ms / 1000).toFixed(1)} s: ${report.counts.plan} plans, ${report.counts.error} errors, ${report.counts.trap} traps, ${Object.values(report.problems).reduce((a, b) => a + b, 0)} findings`);
  process.exit(report.findings.length ? 1 : 0);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main(process.argv.slice(2));
