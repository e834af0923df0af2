// Reads a client's data from the host CRM page: a JSON script (`src=`),
// fields marked with `data-touchplan-field` inside a scope element, or a
// selector map (CSS selector → field). Values are parsed from what CRMs
// show (`22.11.2026`, `22 ноября 2026 г.`, `1 200 000,50 ₽`); a value that
// cannot be parsed is passed on as text, so the engine names the field in
// its error.

/** A problem with the page's markup, reported by the widget itself. */
export class HostReadError extends Error {
  constructor(code, path, vars = {}) {
    super(code);
    this.name = 'HostReadError';
    this.code = code;
    this.path = path;
    this.vars = vars;
  }
}

// Host pages change in bursts (a CRM re-renders a table row by row): wait
// for a quiet moment, but never longer than `maxWait` after the first
// change, so that a page that never stops changing still gets read.
const DEBOUNCE_MS = 60;
const MAX_WAIT_MS = 200;

/**
 * Calls `fn` once after a burst of `schedule()` calls: `wait` ms after the
 * last, but never more than `maxWait` ms after the first (no starvation).
 * `schedule(true)` runs it in the next task, waiting for no quiet moment.
 */
export class Debounced {
  #fn;
  #wait;
  #maxWait;
  #timer = 0;
  #due = null; // when a pending call must run at the latest

  constructor(fn, { wait = DEBOUNCE_MS, maxWait = MAX_WAIT_MS } = {}) {
    this.#fn = fn;
    this.#wait = wait;
    this.#maxWait = maxWait;
  }

  schedule(now = false) {
    const t = performance.now();
    this.#due ??= t + this.#maxWait;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#due = null;
      this.#fn();
    }, now ? 0 : Math.max(0, Math.min(this.#wait, this.#due - t)));
  }

  /** Drops a pending call. */
  cancel() {
    clearTimeout(this.#timer);
    this.#due = null;
  }
}

const MONTHS = [
  ['янв', 'jan'], ['фев', 'feb'], ['мар', 'mar'], ['апр', 'apr'], ['ма', 'may'], ['июн', 'jun'],
  ['июл', 'jul'], ['авг', 'aug'], ['сен', 'sep'], ['окт', 'oct'], ['ноя', 'nov'], ['дек', 'dec'],
];

function monthOf(word) {
  const w = word.toLowerCase();
  // "ма" would also match "март": test the longer stems first.
  if (w.startsWith('мар')) return 3;
  const i = MONTHS.findIndex((stems) => stems.some((s) => w.startsWith(s)));
  return i < 0 ? null : i + 1;
}

const pad = (n) => String(n).padStart(2, '0');

function isoOf(y, m, d) {
  return y === null ? `--${pad(m)}-${pad(d)}` : `${String(y).padStart(4, '0')}-${pad(m)}-${pad(d)}`;
}

function fullYear(text) {
  const y = Number(text);
  return text.length === 2 ? 2000 + y : y;
}

/**
 * A date as CRMs show it, as an ISO date: `22.11.2026`, `22/11/26`,
 * `22 ноября 2026 г.`, `22 Nov 2026`, `November 22, 2026`, `2026-11-22`
 * (a time after it is dropped). Without a year (`22 ноября`, `22.11`) it is
 * a yearly date `--11-22`, as birthdays are. Other text comes back trimmed.
 */
export function parseDate(text) {
  const s = String(text ?? '').replace(/\s+/g, ' ').trim();
  let m = s.match(/^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$/);
  if (m) return `${m[1]}-${m[2]}-${m[3]}`;
  if (/^--\d{2}-\d{2}$/.test(s)) return s;
  m = s.match(/^(\d{1,2})[./-](\d{1,2})(?:[./-](\d{4}|\d{2}))?(?:\s*г\.?)?(?: .*\d:\d.*)?$/);
  if (m) return isoOf(m[3] ? fullYear(m[3]) : null, Number(m[2]), Number(m[1]));
  m = s.match(/^(\d{1,2}) ([\p{L}]+)\.?,?(?: (\d{4}))?(?: ?(?:г|года)\.?)?$/u);
  if (m && monthOf(m[2])) return isoOf(m[3] ? Number(m[3]) : null, monthOf(m[2]), Number(m[1]));
  m = s.match(/^([\p{L}]+)\.? (\d{1,2}),?(?: (\d{4}))?$/u);
  if (m && monthOf(m[1])) return isoOf(m[3] ? Number(m[3]) : null, monthOf(m[1]), Number(m[2]));
  return s;
}

/**
 * An amount as CRMs show it, as a number: `1 200 000,50 ₽`, `12 500 руб.`,
 * `$1,200.50`, `1.200.000,50`. Text without digits comes back trimmed.
 */
export function parseAmount(text) {
  const raw = String(text ?? '').trim();
  if (typeof text === 'number') return text;
  let s = raw.replace(/[^\d.,-]/g, '').replace(/^[.,]+|[.,]+$/g, '');
  if (!/\d/.test(s)) return raw;
  const lastComma = s.lastIndexOf(',');
  const lastDot = s.lastIndexOf('.');
  let decimal = null;
  if (lastComma >= 0 && lastDot >= 0) {
    decimal = lastComma > lastDot ? ',' : '.';
  } else if (lastComma >= 0 || lastDot >= 0) {
    const sep = lastComma >= 0 ? ',' : '.';
    const single = s.indexOf(sep) === s.lastIndexOf(sep);
    // "12,50" is a decimal; "1,200" and "1.200.000" group thousands.
    if (single && s.length - s.lastIndexOf(sep) - 1 !== 3) decimal = sep;
  }
  const thousands = decimal === ',' ? /\./g : decimal === '.' ? /,/g : /[.,]/g;
  s = s.replace(thousands, '');
  if (decimal === ',') s = s.replace(',', '.');
  const n = Number(s);
  return Number.isFinite(n) ? n : raw;
}

const CHANNEL_WORDS = {
  phone: ['phone', 'call', 'телефон', 'звонок', 'тел'],
  visit: ['visit', 'визит', 'встреча', 'выезд'],
  messenger: ['messenger', 'мессенджер', 'telegram', 'телеграм', 'whatsapp', 'ватсап', 'viber', 'вайбер'],
  email: ['email', 'e-mail', 'mail', 'почта', 'эл. почта', 'электронная почта', 'имейл'],
  sms: ['sms', 'смс'],
  newsletter: ['newsletter', 'рассылка'],
  event: ['event', 'мероприятие'],
  staff: ['staff', 'персонал', 'сотрудники'],
  portal: ['portal', 'портал', 'личный кабинет', 'кабинет'],
  social: ['social', 'соцсети', 'социальные сети'],
  letter: ['letter', 'письмо', 'открытка'],
};

const ROLE_WORDS = {
  decision_maker: ['decision_maker', 'decision maker', 'лпр', 'директор', 'руководитель'],
  influencer: ['influencer', 'лвр', 'влияющий'],
  technical: ['technical', 'технический специалист', 'технолог', 'инженер', 'техник'],
  user: ['user', 'пользователь'],
  buyer: ['buyer', 'закупщик', 'снабженец', 'закупки'],
  other: ['other', 'другое'],
};

const SALE_TYPE_WORDS = {
  transactional: ['transactional', 'транзакционная', 'транзакционный', 'повторяющаяся'],
  consultative: ['consultative', 'консультативная', 'консультационная', 'проектная', 'стратегическая'],
};

function vocabulary(words, text) {
  const s = String(text).trim().toLowerCase();
  for (const [code, list] of Object.entries(words)) if (list.includes(s)) return code;
  return String(text).trim();
}

const DATE_KEYS = new Set(['date', 'birthday', 'start', 'end', 'since', 'until', 'pilot', 'frozenFrom', 'frozenTo', 'promoUntil', 'today', 'holidays', 'workdays']);
const NUMBER_KEYS = new Set(['amount', 'orderCycleDays', 'mandatoryPerOrder', 'reactionDays', 'annualRevenue', 'horizonMonths']);
const LIST_KEYS = new Set(['channels', 'interests', 'categories', 'items', 'mandatorySteps', 'segments', 'roles', 'industries']);

/** A field's text as the value the engine expects at `path` (no indices, `[]` for arrays). */
export function parseFieldValue(path, text) {
  const keys = path.replace(/\[\]/g, '').split('.');
  const key = keys[keys.length - 1];
  const parent = keys[keys.length - 2];
  if (typeof text === 'boolean') return text;
  if (DATE_KEYS.has(key)) return parseDate(text);
  if (NUMBER_KEYS.has(key)) return parseAmount(text);
  if (parent === 'flags' || (key === 'promo' && parent === 'orders')) return parseBoolean(text);
  if (key === 'channel') return vocabulary(CHANNEL_WORDS, text);
  if (key === 'role') return vocabulary(ROLE_WORDS, text);
  if (key === 'saleType') return vocabulary(SALE_TYPE_WORDS, text);
  if (key === 'segment') return String(text).trim().toUpperCase();
  if (LIST_KEYS.has(key) && !path.endsWith('[]')) {
    const list = String(text).split(/[,;\n]/).map((s) => s.trim()).filter(Boolean);
    return key === 'channels' ? list.map((c) => vocabulary(CHANNEL_WORDS, c)) : list;
  }
  if (key === 'channels') return vocabulary(CHANNEL_WORDS, text);
  return String(text).replace(/\s+/g, ' ').trim();
}

function parseBoolean(text) {
  const s = String(text).trim().toLowerCase();
  if (['да', 'yes', 'true', '1', '✓', '✔', 'есть', 'вкл'].includes(s)) return true;
  if (['нет', 'no', 'false', '0', '', '—', '-', 'выкл'].includes(s)) return false;
  return String(text).trim();
}

/** What a marked element holds: `data-touchplan-value`, a form value, `<time datetime>`, else its text. */
export function elementValue(el) {
  if (el.hasAttribute('data-touchplan-value')) return el.getAttribute('data-touchplan-value');
  if (el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio')) return el.checked;
  if (el instanceof HTMLInputElement || el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement) {
    return el.value;
  }
  if (el instanceof HTMLTimeElement && el.dateTime) return el.dateTime;
  return el.textContent;
}

// Keys that reach an object's prototype when assigned (`a.__proto__.x = …`
// would change every object of the page). The contract has none of them.
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** True for a key that may be set on an input object: never a prototype's name. */
export function isSafeKey(key) {
  return !FORBIDDEN_KEYS.has(key);
}

// A field path: names (letters, digits, `_`), each maybe followed by `[]`,
// joined by dots.
const FIELD_PATH = /^[A-Za-z_][A-Za-z0-9_]*(?:\[\])?(?:\.[A-Za-z_][A-Za-z0-9_]*(?:\[\])?)*$/;

/**
 * A field name from markup or a map, as an absolute path: `orders[].date`
 * means `client.orders[].date`; `company.…` and `settings.…` stay. `null`
 * for a name that is not a field path or names a prototype
 * (`__proto__`, `constructor`, `prototype`): such fields are not read.
 */
export function absolutePath(field) {
  const f = String(field).trim();
  if (!FIELD_PATH.test(f)) return null;
  if (f.split('.').some((segment) => !isSafeKey(segment.replace(/\[\]$/, '')))) return null;
  return /^(client|company|settings)(\.|$)/.test(f) ? f : `client.${f}`;
}

/**
 * The JSON in the page's `<script id>`. Throws a HostReadError naming
 * `path`: `missing` when there is no such element, `invalid_json` when its
 * text is not JSON.
 */
function scriptJson(doc, id, missing, path) {
  const script = doc.getElementById(id);
  if (!script) throw new HostReadError(missing, path, { id });
  try {
    return JSON.parse(script.textContent);
  } catch (e) {
    throw new HostReadError('invalid_json', path, { id, detail: e.message });
  }
}

/** Reads a `<script type="application/json" id>`: a PlanInput, or a bare Client. */
export function readJsonScript(doc, id) {
  const value = scriptJson(doc, id, 'src_not_found', `src#${id}`);
  if (value && typeof value === 'object' && !Array.isArray(value) && Object.hasOwn(value, 'client')) return value;
  return { client: value };
}

/** The element named by a `scope` attribute: an element id, else a CSS selector. */
export function findScope(doc, ref) {
  let el = doc.getElementById(ref);
  if (!el) {
    try {
      el = doc.querySelector(ref);
    } catch {
      el = null;
    }
  }
  if (!el) throw new HostReadError('scope_not_found', 'scope', { id: ref });
  return el;
}

/** Fields marked with `data-touchplan-field` inside `scope` (the scope itself included). */
export function readScope(scope) {
  const marked = [...scope.querySelectorAll('[data-touchplan-field]')];
  if (scope.hasAttribute('data-touchplan-field')) marked.unshift(scope);
  const fields = [];
  for (const el of marked) {
    const path = absolutePath(el.getAttribute('data-touchplan-field'));
    if (path) fields.push([path, el]);
  }
  return assemble(fields, scope);
}

/**
 * Fields found through a selector map `{ "CSS selector": "field" }` in a
 * JSON script. When `seen` is given, the selectors and the elements read
 * are added to `seen.selectors` and `seen.nodes` (what a caller watches).
 */
export function readMap(doc, id, within = doc.body, seen = null) {
  const map = scriptJson(doc, id, 'map_not_found', `map#${id}`);
  if (!map || typeof map !== 'object' || Array.isArray(map)) throw new HostReadError('invalid_map', `map#${id}`, { id });
  const fields = [];
  for (const [selector, field] of Object.entries(map)) {
    const path = typeof field === 'string' ? absolutePath(field) : null;
    if (!path) continue;
    let found;
    try {
      found = within.querySelectorAll(selector);
    } catch {
      throw new HostReadError('invalid_selector', `map#${id}`, { id, detail: selector });
    }
    seen?.selectors.push(selector);
    for (const el of found) {
      fields.push([path, el]);
      seen?.nodes.push(el);
    }
  }
  return assemble(fields, within);
}

/**
 * Builds a partial PlanInput from `[path, element]` pairs. Fields under the
 * same `name[]` form one array item per row of the page: an element marked
 * `data-touchplan-item` when there is one, else the row (found from the
 * field that occurs most often) that contains the element. Time: linear in
 * the fields times the depth of the page below `root`.
 */
export function assemble(fields, root) {
  const out = Object.create(null);
  const arrays = new Map(); // "client.orders" → [[sub, element, path]]
  for (const [path, el] of fields) {
    const i = path.indexOf('[]');
    if (i < 0 || i === path.length - 2) {
      setPath(out, path, parseFieldValue(path, elementValue(el)));
    } else {
      const array = path.slice(0, i);
      if (!arrays.has(array)) arrays.set(array, []);
      arrays.get(array).push([path.slice(i + 3), el, path]);
    }
  }
  for (const [array, entries] of arrays) {
    const items = groupItems(entries, root);
    setPath(out, array, items.map((group) => {
      const item = Object.create(null);
      for (const [sub, el, path] of group) setPath(item, sub, parseFieldValue(path, elementValue(el)));
      return item;
    }));
  }
  return plainCopy(out);
}

function groupItems(entries, root) {
  const counts = new Map();
  for (const [sub] of entries) counts.set(sub, (counts.get(sub) ?? 0) + 1);
  const anchorSub = [...counts].reduce((a, b) => (b[1] > a[1] ? b : a))[0];
  const anchors = entries.filter(([sub]) => sub === anchorSub).map(([, el]) => el);
  const rows = rowsOf(anchors, root);
  const groups = new Map();
  for (const entry of entries) {
    const el = entry[1];
    const row = el.closest('[data-touchplan-item]') ?? rowAbove(el, rows, root) ?? el;
    if (!groups.has(row)) groups.set(row, []);
    groups.get(row).push(entry);
  }
  return [...groups.values()];
}

// Each anchor's row: the largest ancestor of it (below `root`) holding no
// other anchor, whatever its tag (tr, li, div.card). Anchors are counted
// once per ancestor, so the cost is the anchors times the page's depth.
function rowsOf(anchors, root) {
  const held = new Map(); // element → anchors inside it
  for (const el of anchors) {
    for (let node = el; node && node !== root; node = node.parentElement) {
      held.set(node, (held.get(node) ?? 0) + 1);
    }
  }
  const rows = new Set();
  for (const el of anchors) {
    const marked = el.closest('[data-touchplan-item]');
    if (marked) {
      rows.add(marked);
      continue;
    }
    let row = el;
    while (row.parentElement && row.parentElement !== root && held.get(row.parentElement) === 1) {
      row = row.parentElement;
    }
    rows.add(row);
  }
  return rows;
}

// The row that holds `el`, if any: the nearest ancestor that is one.
function rowAbove(el, rows, root) {
  for (let node = el; node && node !== root; node = node.parentElement) {
    if (rows.has(node)) return node;
  }
  return null;
}

// Sets `a.b[].c`-style paths on prototype-less objects; a trailing `[]`
// appends to a list. A prototype's name as a key is never set.
function setPath(target, path, value) {
  const keys = path.split('.');
  let node = target;
  for (let i = 0; i < keys.length; i++) {
    const rawKey = keys[i];
    const append = rawKey.endsWith('[]');
    const key = append ? rawKey.slice(0, -2) : rawKey;
    if (!isSafeKey(key)) return;
    const last = i === keys.length - 1;
    if (last && append) {
      if (!Array.isArray(node[key])) node[key] = [];
      node[key].push(value);
    } else if (last) {
      node[key] = value;
    } else {
      if (node[key] === null || typeof node[key] !== 'object' || Array.isArray(node[key])) node[key] = Object.create(null);
      node = node[key];
    }
  }
}

// The prototype-less objects built by `setPath` as ordinary objects and
// arrays, defined (not assigned) key by key.
function plainCopy(value) {
  if (Array.isArray(value)) return value.map(plainCopy);
  if (value === null || typeof value !== 'object') return value;
  const out = {};
  for (const key of Object.keys(value)) {
    if (isSafeKey(key)) Object.defineProperty(out, key, { value: plainCopy(value[key]), enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/**
 * Joins partial inputs, later wins: `client`, `company` and `settings` are
 * merged field by field, other fields replaced. Keys naming a prototype
 * (`__proto__`, `constructor`, `prototype`) are dropped. A property that
 * throws when read (a getter, a revoked Proxy) is a `HostReadError`
 * `invalid_value` with its path.
 */
export function mergeInputs(...parts) {
  const out = {};
  for (const part of parts) {
    if (!part) continue;
    for (const [key, value] of safeEntries(part, '')) {
      if (value === undefined || !isSafeKey(key)) continue;
      const mergeable = ['client', 'company', 'settings'].includes(key);
      if (mergeable && isPlainObject(value) && isPlainObject(out[key])) {
        const merged = { ...out[key] };
        for (const [k, v] of safeEntries(value, key)) if (isSafeKey(k)) define(merged, k, v);
        out[key] = merged;
      } else {
        define(out, key, value);
      }
    }
  }
  return out;
}

function define(target, key, value) {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

// `Object.entries`, with a read that throws reported at its path.
function safeEntries(object, path) {
  let keys;
  try {
    keys = Object.keys(object);
  } catch (e) {
    throw new HostReadError('invalid_value', path, { detail: e?.message ?? String(e) });
  }
  return keys.map((key) => {
    try {
      return [key, object[key]];
    } catch (e) {
      throw new HostReadError('invalid_value', path ? `${path}.${key}` : key, { detail: e?.message ?? String(e) });
    }
  });
}

function isPlainObject(v) {
  try {
    return v !== null && typeof v === 'object' && !Array.isArray(v);
  } catch {
    return false; // Array.isArray throws on a revoked Proxy
  }
}

// ---- A CRM list page: one client per row ----

const ROW = '[data-touchplan-row]';

// The next task, soon: `scheduler.yield()` where the browser has it (the
// rest of the read keeps its place in line), else a zero timeout.
function nextTask() {
  if (typeof globalThis.scheduler?.yield === 'function') return globalThis.scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Reads a CRM list page, one client per row: the rows are the elements
 * marked `data-touchplan-row` inside the list's container (a row inside
 * another row is part of it), each read as one card is (`readScope`: the
 * same `data-touchplan-field` names, `orders[].date`, `manager`…); a row's
 * `data-touchplan-row="ID"` is its client's `id` when no field gives one.
 *
 * A reader remembers each row's client until a change inside that row
 * (`invalidate(records)`, the list's MutationObserver records, or
 * `invalidateRow(el)` for a form field's `input`), so that a re-read after
 * an edit reads only the edited rows. `read()` works in slices of about
 * `sliceMs` and yields to the page between them, so a long list never
 * holds the main thread for long.
 */
export class ListReader {
  #cache = new WeakMap(); // row element → its client
  #last = []; // the rows of the last read, in order

  /** Forgets the rows that `records` (MutationRecords) touched. */
  invalidate(records) {
    for (const record of records) {
      const target = record.target.nodeType === Node.ELEMENT_NODE ? record.target : record.target.parentElement;
      const row = target?.closest(ROW);
      if (row) this.#cache.delete(row);
    }
  }

  /** Forgets the row holding `el`, if any. */
  invalidateRow(el) {
    const row = el?.closest?.(ROW);
    if (row) this.#cache.delete(row);
  }

  /** Forgets every row. */
  clear() {
    this.#cache = new WeakMap();
    this.#last = [];
  }

  /**
   * The clients of `container`'s rows, in page order, and figures of the
   * read: `{ clients, changed, rows, read, ms, slices, longestSliceMs }`
   * (`read`: rows read afresh; `changed`: false when every row and their
   * order are those of the last read). Resolves to `null` when
   * `isStale()` turns true between slices (a newer read superseded it).
   */
  async read(container, { sliceMs = 8, isStale = () => false } = {}) {
    const start = performance.now();
    const rows = [];
    for (const row of container.querySelectorAll(ROW)) {
      const outer = row.parentElement?.closest(ROW);
      if (!outer || !container.contains(outer)) rows.push(row);
    }
    const clients = new Array(rows.length);
    let read = 0;
    let slices = 1;
    let sliceStart = start;
    let longest = 0;
    let busy = 0;
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i];
      let client = this.#cache.get(row);
      if (client === undefined) {
        client = readRow(row);
        this.#cache.set(row, client);
        read++;
      }
      clients[i] = client;
      const now = performance.now();
      if (now - sliceStart >= sliceMs && i < rows.length - 1) {
        longest = Math.max(longest, now - sliceStart);
        busy += now - sliceStart;
        await nextTask();
        if (isStale()) return null;
        slices++;
        sliceStart = performance.now();
      }
    }
    const end = performance.now();
    longest = Math.max(longest, end - sliceStart);
    busy += end - sliceStart;
    const changed = read > 0 || rows.length !== this.#last.length || rows.some((row, i) => row !== this.#last[i]);
    this.#last = rows;
    return { clients, changed, rows: rows.length, read, ms: end - start, busyMs: busy, slices, longestSliceMs: longest };
  }
}

/** One row of a list as a `Client` (with its `manager` when the row names one). */
export function readRow(row) {
  const client = readScope(row).client ?? {};
  const id = row.getAttribute('data-touchplan-row');
  if (client.id === undefined && id) client.id = id.trim();
  return client;
}
