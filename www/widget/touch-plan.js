// <touch-plan>: shows a client's touch calendar and the suggested reasons.
//
// Importing this module has no side effects: register the element with
// `TouchPlanElement.define()` or import `touch-plan-define.js`.
// Data flow: host page (properties, `src` JSON, `scope`/`map` markup)
// → PlanInput → the wasm engine (`../api.js`) → Plan → rendering and exports.

import { adoptStyles } from './touch-plan-styles.js';
import {
  TOUCH_KINDS, channelLabel, countOf, fieldLabel, formatDate, formatNumber, kindLabel, localeOf, touchKindLabel, touchKindShortLabel,
  localiseDates, roleLabel, ruleLabel, t, widgetErrorMessage,
} from './touch-plan-i18n.js';
import { addDays, weekdayOf } from '../iso-date.js';
import { Debounced, HostReadError, findScope, mergeInputs, parseDate, readJsonScript, readMap, readScope } from './host-reader.js';

// Host pages change in bursts: re-plans are debounced (60 ms, never more
// than 200 ms after the first change: host-reader.js `Debounced`).
const WATCH = { subtree: true, childList: true, characterData: true, attributes: true };
const VIEWS = ['month', 'list'];
const PROPERTIES = ['input', 'client', 'company', 'settings', 'view', 'today', 'horizonMonths', 'src', 'map', 'scope'];

// One engine per page, shared by every <touch-plan>; a failed load is retried.
// The wasm is fetched and compiled (streaming) while the API's modules load,
// not after them; where streaming compilation is refused (a server that
// does not send application/wasm), the API loads it its own way.
let engine = null;
function loadEngine() {
  engine ??= Promise.all([import('../api.js'), compileWasm()]).then(async ([api, module]) => {
    // Planning alone: the exports' part (toIcs, toCsv) follows the first
    // plan (issue 18), so the month shows without waiting for it; the
    // book's part (planBook) is never needed here.
    await api.default({ module_or_path: module ?? undefined, exports: false, book: false });
    return api;
  }).catch((e) => {
    engine = null;
    throw e;
  });
  return engine;
}

function compileWasm() {
  if (typeof WebAssembly === 'undefined' || typeof WebAssembly.compileStreaming !== 'function' || typeof fetch !== 'function') return null;
  const url = new URL('../pkg/touchplan_bg.wasm', import.meta.url);
  return WebAssembly.compileStreaming(fetch(url)).catch(() => null);
}

/** The element's date as `YYYY-MM-DD` in the browser's time zone. */
function localToday() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

const monthOf = (iso) => iso.slice(0, 7);
function addMonths(ym, n) {
  const d = new Date(Date.UTC(+ym.slice(0, 4), +ym.slice(5, 7) - 1 + n, 1));
  return d.toISOString().slice(0, 7);
}
const clampDate = (iso, from, to) => (iso < from ? from : iso > to ? to : iso);

/** Creates an element; strings among `children` become text nodes, never markup. */
function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === false || value === null || value === undefined) continue;
    if (name === 'class') el.className = value;
    else if (name.startsWith('on')) el.addEventListener(name.slice(2), value);
    else el.setAttribute(name, value === true ? '' : String(value));
  }
  el.append(...children.flat().filter((c) => c !== null && c !== undefined && c !== false));
  return el;
}

/** The client's name or id for the title; '' when it has none (or cannot be read). */
function nameOf(client) {
  try {
    return typeof client?.name === 'string' ? client.name : typeof client?.id === 'string' ? client.id : '';
  } catch {
    return '';
  }
}

/**
 * The plan's warnings as groups, one per code and cause, each with every
 * date it concerns. The engine groups them itself (`dates`); a flat list
 * (one warning a date) is grouped here by code and rule.
 */
export function groupWarnings(warnings) {
  const groups = [];
  const byKey = new Map();
  for (const w of warnings) {
    const grouped = Array.isArray(w.dates);
    const key = grouped ? null : `${w.code}|${w.rule ?? ''}`;
    let group = key === null ? undefined : byKey.get(key);
    if (!group) {
      group = { code: w.code, rule: w.rule, messages: [], dates: [] };
      groups.push(group);
      if (key !== null) byKey.set(key, group);
    }
    if (!group.messages.includes(w.message)) group.messages.push(w.message);
    for (const date of grouped ? w.dates : w.date ? [w.date] : []) if (!group.dates.includes(date)) group.dates.push(date);
  }
  return groups.map((group, i) => ({ ...group, id: `warning-group-${i + 1}`, dates: group.dates.sort() }));
}

// Past touches of the input (`client.history`) dated before today and at
// most a year back, sorted; anything unreadable is left out (the engine
// reports it).
function pastTouches(input) {
  try {
    const history = input.client?.history;
    if (!Array.isArray(history) || typeof input.today !== 'string') return [];
    const since = addDays(input.today, -366);
    return history
      .filter((p) => p && typeof p.date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(p.date) && p.date < input.today && p.date >= since)
      .map((p) => ({ date: p.date, channel: typeof p.channel === 'string' ? p.channel : '', reason: typeof p.reason === 'string' ? p.reason : '' }))
      .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  } catch {
    return [];
  }
}

/** An `Error` shaped like the engine's `TouchPlanError`. */
function touchPlanError(errors) {
  const [first] = errors;
  const error = new Error(first.message);
  error.name = 'TouchPlanError';
  Object.assign(error, { code: first.code, path: first.path, errors });
  return error;
}

/**
 * A touch's identity for its CRM task: the client, the day, the kind and
 * the person. The same touch after a re-plan keeps its key.
 * @param {string} clientId
 * @param {{ date: string, kind: string, contact?: string }} touch
 */
export function taskKey(clientId, touch) {
  return [clientId, touch.date, touch.kind, touch.contact ?? ''].join('|');
}

/**
 * The `<touch-plan>` custom element. See README.md, section "The `<touch-plan>` widget", for attributes,
 * properties, events, methods, CSS custom properties and parts.
 */
export class TouchPlanElement extends HTMLElement {
  static observedAttributes = ['lang', 'today', 'horizon-months', 'view', 'src', 'map', 'scope', 'tasks'];

  /** Registers the element under `tag` in `registry`; returns the class. */
  static define(tag = 'touch-plan', registry = customElements) {
    registry.define(tag, this);
    return this;
  }

  #data = { input: undefined, client: undefined, company: undefined, settings: undefined };
  // «Поставить задачу»: the state of each touch's task by taskKey(), so a
  // task is never asked for twice and one client's state never shows on
  // another's touch (the key starts with the client's id).
  #tasks = new Map();
  #plan = null;
  #error = null;
  #status = 'empty'; // empty | loading | ready | error
  #locale = 'ru';
  #inputName = '';
  #inputKey = null;
  #pending = new Debounced(() => this.#update(false));
  #run = 0;
  #api = null;
  #observer = null; // the nodes read: scope, src and map scripts, mapped elements
  #pageObserver = null; // element additions and removals anywhere, filtered
  #observedRoot = null;
  #watched = []; // what #observer watches
  #watchedSet = new Set();
  #selectors = []; // a scope-less map's selectors, to recognise new rows
  #month = null;
  #focusDate = null;
  #selected = null; // { date, index } of the picked touch
  #groups = []; // the plan's warnings, grouped (groupWarnings)
  #history = []; // the client's past touches before today, by date
  #ui;

  constructor() {
    super();
    const shadow = this.attachShadow({ mode: 'open' });
    adoptStyles(shadow);
    this.#ui = this.#skeleton();
    shadow.append(this.#ui.root);
  }

  connectedCallback() {
    // Properties set before the element was defined shadow the accessors.
    for (const name of PROPERTIES) {
      if (Object.prototype.hasOwnProperty.call(this, name)) {
        const value = this[name];
        delete this[name];
        this[name] = value;
      }
    }
    this.#observeHost();
    // The engine starts loading now (fetching and compiling the wasm),
    // while the first plan waits for its input.
    loadEngine().catch(() => {});
    this.#schedule();
  }

  disconnectedCallback() {
    this.#stopObserving();
    this.#pending.cancel();
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (oldValue === newValue || !this.isConnected) return;
    if (name === 'view' || name === 'tasks') {
      this.#render();
      return;
    }
    if (['src', 'map', 'scope'].includes(name)) this.#observeHost();
    this.#schedule();
  }

  /**
   * A whole `PlanInput` (today, horizonMonths, client, company, settings),
   * as a calculator holds it; `client`, `company`, `settings`, `src`, the
   * page markup and the attributes override its parts.
   */
  get input() { return this.#data.input; }
  set input(value) { this.#setData('input', value); }

  /** The client (CONTRACT.md `Client`); setting it re-plans. */
  get client() { return this.#data.client; }
  set client(value) { this.#setData('client', value); }

  /** The company's content plan, events and calendar (`Company`). */
  get company() { return this.#data.company; }
  set company(value) { this.#setData('company', value); }

  /** Policy overrides (`Settings`). */
  get settings() { return this.#data.settings; }
  set settings(value) { this.#setData('settings', value); }

  /** `month` (default) or `list`. */
  get view() {
    const v = this.getAttribute('view');
    return VIEWS.includes(v) ? v : 'month';
  }
  set view(value) { this.setAttribute('view', value); }

  /** The planning date `YYYY-MM-DD`; default the local date. */
  get today() { return this.hasAttribute('today') ? parseDate(this.getAttribute('today')) : localToday(); }
  set today(value) { this.#setOptionalAttribute('today', value); }

  /** Months to plan, 1..36; default 12. */
  get horizonMonths() {
    const v = this.getAttribute('horizon-months');
    return /^\s*\d+\s*$/.test(v ?? '') ? Number(v) : 12;
  }
  set horizonMonths(value) { this.#setOptionalAttribute('horizon-months', value); }

  /** Id of a `<script type="application/json">` holding a PlanInput or a Client. */
  get src() { return this.getAttribute('src') ?? ''; }
  set src(value) { this.#setOptionalAttribute('src', value); }

  /** Id of a `<script type="application/json">` mapping CSS selectors to fields. */
  get map() { return this.getAttribute('map') ?? ''; }
  set map(value) { this.#setOptionalAttribute('map', value); }

  /** Id or CSS selector of the page block holding `data-touchplan-field` markup. */
  get scope() { return this.getAttribute('scope') ?? ''; }
  set scope(value) { this.#setOptionalAttribute('scope', value); }

  /** The current plan, or `null`. */
  get plan() { return this.#plan; }

  /** The current error (a `TouchPlanError`), or `null`. */
  get error() { return this.#error; }

  /** Reads every input again and re-plans now; resolves to the plan, or `null` on an error. */
  refresh() {
    this.#pending.cancel();
    return this.#update(true);
  }

  /** The plan as iCalendar (RFC 5545) text, or `null` while there is no plan. */
  exportIcs() {
    if (!this.#plan) return null;
    return this.#api.toIcs(this.#plan, { calendarName: t(this.#locale, 'calendarName', { name: this.#clientName() }) });
  }

  /**
   * The plan as CSV (RFC 4180) text, or `null` while there is no plan. In
   * Russian the default is what Excel with a Russian locale opens as
   * columns: `;` between cells and a UTF-8 byte-order mark; `options`
   * (`{ separator, bom }`, as `toCsv`) overrides it.
   */
  exportCsv(options) {
    if (!this.#plan) return null;
    const spreadsheet = this.#plan.locale === 'ru' ? { separator: ';', bom: true } : {};
    return this.#api.toCsv(this.#plan, { ...spreadsheet, ...options });
  }

  #setData(name, value) {
    this.#data[name] = value ?? undefined;
    if (this.isConnected) this.#schedule();
  }

  #setOptionalAttribute(name, value) {
    if (value === null || value === undefined || value === '') this.removeAttribute(name);
    else this.setAttribute(name, String(value));
  }

  #schedule() {
    // Only a host page changes in bursts: the first plan of an element fed
    // by its properties alone waits for no quiet moment (properties set in
    // one task are still one plan).
    const first = this.#run === 0 && !(this.src || this.map || this.scope);
    this.#pending.schedule(first);
  }


  // The page is watched only when data comes from it, and only where the
  // widget reads: the scope, the `src` and `map` scripts and, for a map
  // without a scope, the mapped elements (#watchRead, after every read).
  // Elsewhere only element additions and removals are seen, and they count
  // only when they bring or take away something read (#concerns), so a
  // clock ticking beside the card costs nothing. Our own rendering lives in
  // the shadow root, which no observer here sees, and an unchanged input is
  // not planned again, so nothing here can loop.
  #observeHost() {
    this.#stopObserving();
    if (!this.isConnected || !(this.src || this.map || this.scope)) return;
    const root = this.getRootNode();
    this.#observedRoot = root;
    this.#observer = new MutationObserver((records) => {
      if (records.some((r) => r.target !== this)) this.#schedule();
    });
    this.#pageObserver = new MutationObserver((records) => {
      if (this.#concerns(records)) this.#schedule();
    });
    this.#pageObserver.observe(root, { subtree: true, childList: true });
    root.addEventListener('input', this.#onHostInput, true);
    root.addEventListener('change', this.#onHostInput, true);
    this.#watchRead([]);
  }

  #stopObserving() {
    if (!this.#observer) return;
    const root = this.#observedRoot;
    root.removeEventListener('input', this.#onHostInput, true);
    root.removeEventListener('change', this.#onHostInput, true);
    this.#observer.disconnect();
    this.#pageObserver.disconnect();
    this.#observer = null;
    this.#pageObserver = null;
    this.#observedRoot = null;
    this.#watched = [];
    this.#watchedSet = new Set();
    this.#selectors = [];
  }

  // Watches exactly what the last read used; `nodes` are a scope-less
  // map's elements.
  #watchRead(nodes) {
    if (!this.#observer) return;
    const root = this.#observedRoot;
    this.#observer.disconnect();
    const byId = (id) => (id ? root.getElementById(id) : null);
    const targets = [byId(this.src), byId(this.map), this.#scopeElement(), ...nodes].filter(Boolean);
    for (const target of targets) this.#observer.observe(target, WATCH);
    this.#watched = targets;
    this.#watchedSet = new Set(targets);
  }

  #scopeElement() {
    if (!this.scope) return null;
    try {
      return findScope(this.#observedRoot ?? this.getRootNode(), this.scope);
    } catch {
      return null;
    }
  }

  // Whether additions or removals of elements change what the widget reads:
  // a watched node left the page, or a new element is (or holds) the `src`
  // or `map` script, the scope, or a scope-less map's match.
  #concerns(records) {
    let removed = false;
    const added = [];
    for (const record of records) {
      for (const node of record.removedNodes) if (node.nodeType === Node.ELEMENT_NODE) removed = true;
      for (const node of record.addedNodes) if (node.nodeType === Node.ELEMENT_NODE) added.push(node);
    }
    if (removed && this.#watched.some((node) => !node.isConnected)) return true;
    if (added.length === 0) return false;
    const root = this.#observedRoot;
    for (const id of [this.src, this.map]) {
      if (id && root.getElementById(id) && !this.#watchedSet.has(root.getElementById(id))) return true;
    }
    const scope = this.#scopeElement();
    if (scope && !this.#watchedSet.has(scope)) return true;
    if (scope || this.#selectors.length === 0) return false;
    return added.some((node) => node.isConnected && this.#selectors.some((selector) => {
      try {
        return node.matches(selector) || node.querySelector(selector) !== null;
      } catch {
        return false;
      }
    }));
  }

  #onHostInput = (event) => {
    const target = event.target;
    if (this.contains(target)) return;
    if (this.#watchedSet.has(target) || this.#watched.some((node) => node.contains(target))) this.#schedule();
  };

  #resolveLocale(input) {
    return localeOf(this.getAttribute('lang'))
      ?? localeOf(this.parentElement?.closest('[lang]')?.getAttribute('lang'))
      ?? localeOf(input.locale)
      ?? 'ru';
  }

  // Later wins: properties, then the `src` script, then the page markup.
  // What was read from the page is watched from now on.
  #gatherInput() {
    const root = this.getRootNode();
    const seen = { selectors: [], nodes: [] };
    try {
      const scope = this.scope ? findScope(root, this.scope) : null;
      const { input: whole, ...parts } = this.#data;
      const input = mergeInputs(
        whole,
        parts,
        this.src ? readJsonScript(root, this.src) : null,
        scope ? readScope(scope) : null,
        this.map ? readMap(root, this.map, scope ?? root, scope ? null : seen) : null,
      );
      if (this.hasAttribute('today') || !input.today) input.today = this.today;
      if (this.hasAttribute('horizon-months') || input.horizonMonths === undefined) input.horizonMonths = this.horizonMonths;
      input.locale = this.#resolveLocale(input);
      return input;
    } finally {
      this.#selectors = seen.selectors;
      this.#watchRead(seen.nodes);
    }
  }

  // Each new input (or markup error, or lack of data) is keyed, so that a
  // page that keeps changing around the widget re-plans and re-reports
  // nothing. A run overtaken by a newer one while the engine loads drops
  // its result. Any failure (the input, the page, the engine) shows as an
  // error and clears the previous plan: never a plan for another client.
  async #update(force) {
    try {
      return await this.#replan(force);
    } catch (e) {
      this.#inputKey = null;
      this.#run++;
      this.#fail(this.#widgetError(e));
      return null;
    }
  }

  async #replan(force) {
    let input;
    try {
      input = this.#gatherInput();
    } catch (e) {
      this.#locale = this.#resolveLocale({});
      const error = this.#widgetError(e);
      if (this.#isSameInput(force, `error ${this.#locale} ${JSON.stringify(error.errors)}`)) return null;
      this.#fail(error);
      return null;
    }
    this.#locale = input.locale;
    const client = input.client;
    this.#inputName = nameOf(client);
    this.#history = pastTouches(input);
    if (client === undefined) {
      if (!this.#isSameInput(force, `empty ${this.#locale}`)) this.#show('empty', null, null);
      return null;
    }
    // An input JSON cannot hold (a cycle, a BigInt, a throwing getter) has
    // no key: it always goes to the engine, which names the bad field.
    let key = null;
    try {
      key = JSON.stringify(input);
    } catch {
      key = null;
    }
    if (key === null) this.#isSameInput(true, null);
    else if (this.#isSameInput(force, key)) return this.#plan;
    const run = this.#run;
    if (!this.#plan) this.#show('loading', null, null);
    try {
      this.#api = await loadEngine();
    } catch (e) {
      if (run !== this.#run) return null;
      this.#inputKey = null;
      this.#fail(touchPlanError([{ code: 'engine_unavailable', path: '', message: widgetErrorMessage(this.#locale, 'engine_unavailable', { detail: e.message }) }]));
      return null;
    }
    if (run !== this.#run) return this.#plan;
    let plan;
    try {
      plan = this.#api.plan(input);
    } catch (e) {
      this.#fail(this.#engineError(e));
      return null;
    }
    this.#show('ready', plan, null);
    this.#emit('touchplan-change', plan);
    // The exports' wasm part, now that the month is shown (once a page).
    this.#api.__loadExports?.().catch(() => {});
    return plan;
  }

  // True when `key` is what was last handled; else it becomes the new run.
  #isSameInput(force, key) {
    if (!force && key === this.#inputKey) return true;
    this.#inputKey = key;
    this.#run++;
    return false;
  }

  #widgetError(e) {
    if (e instanceof HostReadError) {
      return touchPlanError([{ code: e.code, path: e.path, message: widgetErrorMessage(this.#locale, e.code, e.vars) }]);
    }
    return this.#engineError(e);
  }

  #engineError(e) {
    if (e?.name === 'TouchPlanError' && e.code) {
      if (!Array.isArray(e.errors) || e.errors.length === 0) e.errors = [{ code: e.code, path: e.path ?? '', message: e.message }];
      return e;
    }
    return touchPlanError([{ code: 'internal', path: '', message: widgetErrorMessage(this.#locale, 'internal', { detail: e?.message ?? String(e) }) }]);
  }

  #fail(error) {
    this.#show('error', null, error);
    this.#emit('touchplan-error', error);
  }

  #emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  #show(status, plan, error) {
    const previous = this.#plan;
    this.#status = status;
    this.#plan = plan;
    this.#error = error;
    this.#groups = plan ? groupWarnings(plan.warnings) : [];
    if (plan) this.#keepPosition(previous, plan);
    this.#render();
  }

  // A re-plan keeps the month and the picked touch when they still exist;
  // a new plan opens on today's month with the next touch in the details.
  #keepPosition(previous, plan) {
    const { from, to } = plan.horizon;
    const samePlace = previous?.horizon.from === from;
    if (!samePlace || !this.#month || this.#month < monthOf(from) || this.#month > monthOf(to)) this.#month = monthOf(from);
    this.#focusDate = clampDate(samePlace && this.#focusDate ? this.#focusDate : from, from, to);
    const kept = samePlace && this.#selected && this.#touchesOn(this.#selected.date)[this.#selected.index];
    if (!kept) this.#selected = plan.touches.length ? { date: plan.touches[0].date, index: 0 } : null;
  }

  #clientName() {
    return this.#plan ? this.#plan.clientName || this.#plan.clientId : this.#inputName;
  }

  // The first day the calendar shows: today, or the earliest past touch.
  #start() {
    const { from } = this.#plan.horizon;
    return this.#history.length && this.#history[0].date < from ? this.#history[0].date : from;
  }

  #pastOn(date) {
    return this.#history.filter((p) => p.date === date);
  }

  #touchesOn(date) {
    return this.#plan ? this.#plan.touches.filter((touch) => touch.date === date) : [];
  }

  #isSlot(touch) {
    return this.#slotGroup(touch) !== undefined;
  }

  // The group of the dashed slot marker (a touch without a specific reason).
  #slotGroup(touch) {
    return this.#groups.find((g) => g.code === 'no_specific_reason' && g.dates.includes(touch.date));
  }

  // ---- rendering -------------------------------------------------------

  #skeleton() {
    const ui = {};
    ui.title = h('h2', { class: 'title', part: 'title' });
    ui.views = h('div', { class: 'toolbar', role: 'group', part: 'views' });
    ui.downloads = h('div', { class: 'toolbar', part: 'downloads' });
    ui.status = h('div', { class: 'status', part: 'status', role: 'status' });
    ui.error = h('div', { class: 'error', part: 'error', role: 'alert', hidden: true });
    ui.summary = h('dl', { class: 'summary', part: 'summary' });
    ui.warnings = h('details', { class: 'warnings', part: 'warnings' });
    ui.view = h('section', { class: 'view' });
    ui.details = h('div', { class: 'details', part: 'details', 'aria-live': 'polite' });
    ui.body = h('div', { class: 'body' }, ui.view, ui.details);
    ui.legend = h('ul', { class: 'legend', part: 'legend' });
    ui.print = h('div', { class: 'print-only', part: 'print' });
    ui.root = h('div', { class: 'root', part: 'root', role: 'region' },
      h('div', { class: 'header', part: 'header' }, ui.title, h('div', { class: 'toolbar' }, ui.views, ui.downloads)),
      ui.status, ui.error, ui.summary, ui.body, ui.warnings, ui.legend, ui.print);
    return ui;
  }

  #render() {
    const ui = this.#ui;
    const loc = this.#locale;
    const plan = this.#plan;
    const name = this.#clientName();
    const title = name ? t(loc, 'titleFor', { name }) : t(loc, 'title');
    ui.title.textContent = title;
    ui.root.setAttribute('aria-label', title);
    ui.root.lang = loc;
    ui.status.hidden = !['empty', 'loading'].includes(this.#status);
    ui.status.textContent = this.#status === 'loading' ? t(loc, 'loading') : t(loc, 'empty');
    this.#renderError();
    for (const el of [ui.views, ui.downloads, ui.summary, ui.body, ui.legend, ui.print]) el.hidden = !plan;
    ui.warnings.hidden = !plan || plan.warnings.length === 0;
    if (!plan) return;
    // The toolbar is drawn anew: a toggle that had focus keeps it.
    const focusedView = this.shadowRoot.activeElement?.dataset?.view;
    this.#renderToolbar();
    this.#renderSummary();
    this.#renderWarnings();
    if (this.view === 'list') this.#renderList();
    else this.#renderMonth();
    this.#renderDetails();
    this.#renderLegend();
    this.#renderPrint();
    if (focusedView) ui.views.querySelector(`[data-view="${focusedView}"]`)?.focus();
  }

  #renderError() {
    const { error } = this.#ui;
    error.hidden = !this.#error;
    if (!this.#error) {
      error.replaceChildren();
      return;
    }
    const loc = this.#locale;
    error.replaceChildren(
      h('h3', {}, t(loc, 'errorTitle')),
      h('ul', {}, this.#error.errors.map((e) => h('li', { 'data-code': e.code, 'data-path': e.path },
        e.path ? h('span', { class: 'field' }, `${fieldLabel(loc, e.path)}: `) : null,
        localiseDates(loc, e.message)))),
      h('p', { class: 'muted' }, t(loc, 'errorHint')),
    );
  }

  #renderToolbar() {
    const loc = this.#locale;
    this.#ui.views.setAttribute('aria-label', t(loc, 'views'));
    this.#ui.views.replaceChildren(...VIEWS.map((view) => h('button', {
      class: 'btn', part: 'button view-button', type: 'button', 'data-view': view,
      'aria-pressed': String(this.view === view),
      onclick: () => { this.view = view; },
    }, t(loc, view === 'month' ? 'viewMonth' : 'viewList'))));
    this.#ui.downloads.replaceChildren(
      h('button', { class: 'btn', part: 'button download-ics', type: 'button', onclick: () => this.#download('ics') }, `⬇ ${t(loc, 'downloadIcs')}`),
      h('button', { class: 'btn', part: 'button download-csv', type: 'button', onclick: () => this.#download('csv') }, `⬇ ${t(loc, 'downloadCsv')}`),
    );
  }

  async #download(format) {
    // The exports' wasm part loads after the first plan (loadEngine); a
    // click may come before it is in.
    await this.#api?.__loadExports?.().catch(() => {});
    const text = format === 'ics' ? this.exportIcs() : this.exportCsv();
    if (text === null) return;
    const type = format === 'ics' ? 'text/calendar' : 'text/csv';
    const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
    const safeId = this.#plan.clientId.replace(/[^\p{L}\p{N}_-]+/gu, '_').slice(0, 60) || 'client';
    h('a', { href: url, download: `touchplan-${safeId}.${format}` }).click();
    // The download has started once click() returns; keep the URL briefly anyway.
    setTimeout(() => URL.revokeObjectURL(url), 30000);
  }

  // The strip's figures say what they count and agree with the
  // calculator's panel: the manager's touches in the first cycle beside the
  // cycle's norm (R2, perCycle.total), the automated ones per cycle as the
  // engine counts them (perCycle.automated).
  #renderSummary() {
    const loc = this.#locale;
    const plan = this.#plan;
    const { from } = plan.horizon;
    const cycle = plan.summary.perCycle;
    const cycleEnd = addDays(from, Math.max(cycle.cycleDays, 1) - 1);
    const manager = plan.touches.filter((touch) => touch.date <= cycleEnd && !touch.automated).length;
    const ratio = plan.summary.standardToMandatory;
    const next = plan.touches.find((touch) => touch.date >= from);
    const stat = (name, label, value, note, attrs = {}) => h('div', { class: 'stat', 'data-stat': name, ...attrs },
      h('dt', {}, label), h('dd', {}, value, note ? h('span', { class: 'muted note' }, note) : null));
    const extra = Math.max(0, manager - cycle.total);
    const groups = this.#groups;
    const dates = groups.reduce((n, g) => n + g.dates.length, 0);
    this.#ui.summary.replaceChildren(
      stat('cycle', t(loc, 'thisCycle', { days: countOf(loc, cycle.cycleDays, 'day') }),
        h('span', { class: 'figure' }, String(manager)),
        [t(loc, 'cycleNorm', { total: cycle.total }), extra ? t(loc, 'cycleExtras', { extra }) : null].filter(Boolean).join('; '),
        { title: t(loc, 'cycleHint') }),
      stat('automated', t(loc, 'automatedStat'), h('span', { class: 'figure' }, String(cycle.automated)), t(loc, 'automatedNote')),
      stat('ratio', t(loc, 'ratio'),
        ratio === null ? t(loc, 'noRatio') : t(loc, 'ratioValue', { ratio: formatNumber(loc, ratio) }),
        t(loc, 'ratioTarget')),
      stat('next', t(loc, 'nextTouch'),
        next ? `${formatDate(loc, next.date, 'short')} · ${channelLabel(loc, next.channel)}` : t(loc, 'noNextTouch'),
        next ? touchKindLabel(loc, next) : null),
      stat('warnings', t(loc, 'warnings'),
        groups.length ? h('button', {
          class: 'link', type: 'button', 'aria-label': `${t(loc, 'showWarnings')}: ${countOf(loc, groups.length, 'group')}`,
          onclick: () => this.#openWarnings(null),
        }, String(groups.length)) : t(loc, 'noWarnings'),
        groups.length ? `${countOf(loc, groups.length, 'group')}, ${countOf(loc, dates, 'date')}` : null),
    );
  }

  // Folded: one line for all, one line per group inside, the dates and
  // messages inside each group. The block sits below the calendar, so
  // opening it never moves the calendar.
  #renderWarnings() {
    const loc = this.#locale;
    const groups = this.#groups;
    const open = new Set([...this.#ui.warnings.querySelectorAll('details[open]')].map((d) => d.dataset.group));
    const dates = groups.reduce((n, g) => n + g.dates.length, 0);
    this.#ui.warnings.replaceChildren(
      h('summary', {}, `${t(loc, 'warnings')}: ${t(loc, 'warningGroups', { groups: countOf(loc, groups.length, 'group'), dates: countOf(loc, dates, 'date') })}`),
      h('p', { class: 'muted help' }, t(loc, 'warningsHint')),
      h('ul', { class: 'warning-groups' }, groups.map((group) => h('li', { 'data-code': group.code, id: group.id },
        h('details', { class: 'warning-group', 'data-group': group.id, open: open.has(group.id) },
          h('summary', {},
            h('span', { class: 'group-title' }, localiseDates(loc, group.messages[0])),
            h('span', { class: 'count', 'aria-label': countOf(loc, group.dates.length || group.messages.length, group.dates.length ? 'date' : 'group') },
              String(group.dates.length || group.messages.length))),
          group.rule ? h('p', { class: 'muted' }, ruleLabel(loc, group.rule)) : null,
          group.messages.length > 1 ? h('ul', { class: 'messages' }, group.messages.slice(1).map((m) => h('li', {}, localiseDates(loc, m)))) : null,
          group.dates.length ? h('p', { class: 'section-title' }, t(loc, 'warningDates')) : null,
          group.dates.length ? h('ul', { class: 'dates' }, group.dates.map((date) => h('li', {}, h('button', {
            class: 'link', type: 'button', 'data-warning-date': date, onclick: () => this.#goTo(date),
          }, formatDate(loc, date))))) : null)))),
    );
    this.#ui.warnings.hidden = groups.length === 0;
  }

  // Opens the warnings (and `group`, when given) and brings it into view.
  #openWarnings(group) {
    const block = this.#ui.warnings;
    block.open = true;
    const details = group ? block.querySelector(`details[data-group="${group.id}"]`) : null;
    if (details) details.open = true;
    const summary = (details ?? block).querySelector(':scope > summary');
    summary.scrollIntoView?.({ block: 'nearest' });
    summary.focus();
  }

  // Shows `date` in the current view and picks it.
  #goTo(date) {
    const { from, to } = this.#plan.horizon;
    if (date < from || date > to) return;
    this.#month = monthOf(date);
    this.#focusDate = date;
    this.#selected = { date, index: 0 };
    if (this.view === 'list') this.#renderList();
    else this.#renderMonth();
    this.#renderDetails();
    (this.#ui.view.querySelector(`[data-date="${date}"][tabindex="0"]`) ?? this.#ui.view.querySelector(`[data-date="${date}"]`))?.focus();
  }

  #renderMonth() {
    const loc = this.#locale;
    const { from, to } = this.#plan.horizon;
    const month = this.#month;
    const first = `${month}-01`;
    const start = addDays(first, -weekdayOf(first));
    const weekdays = Array.from({ length: 7 }, (_, i) => formatDate(loc, addDays('2024-01-01', i), 'weekdayShort'));
    const rows = [];
    for (let week = start; week <= `${month}-31`; week = addDays(week, 7)) {
      rows.push(h('tr', { role: 'row' }, Array.from({ length: 7 }, (_, i) => this.#dayCell(addDays(week, i)))));
    }
    const titleId = 'month-title';
    const nav = (step, label, disabled) => h('button', {
      class: 'btn', part: 'button month-button', type: 'button', 'aria-label': t(loc, label),
      'data-step': step, disabled, onclick: () => this.#showMonth(addMonths(month, step)),
    }, step < 0 ? '‹' : '›');
    const grid = h('table', { class: 'grid', part: 'grid', role: 'grid', 'aria-labelledby': titleId, onkeydown: (e) => this.#onGridKey(e) },
      h('thead', {}, h('tr', { role: 'row' }, weekdays.map((d) => h('th', { role: 'columnheader', scope: 'col' }, d)))),
      h('tbody', {}, rows));
    this.#ui.view.setAttribute('part', 'calendar');
    this.#ui.view.replaceChildren(
      h('div', { class: 'month-nav', part: 'month-nav' },
        nav(-1, 'prevMonth', month <= monthOf(this.#start())),
        h('div', { class: 'month-title', id: titleId }, formatDate(loc, first, 'month')),
        nav(1, 'nextMonth', month >= monthOf(to))),
      grid,
      h('p', { class: 'help muted' }, t(loc, 'calendarHelp')),
    );
  }

  #dayCell(date) {
    if (monthOf(date) !== this.#month) return h('td', { class: 'day outside', role: 'gridcell', 'aria-hidden': 'true' });
    const loc = this.#locale;
    const { from, to } = this.#plan.horizon;
    const touches = this.#touchesOn(date);
    const past = this.#pastOn(date);
    const inHorizon = date >= from && date <= to;
    const label = [formatDate(loc, date, 'weekday'),
      ...past.map((p) => `${t(loc, 'pastTouch')}, ${channelLabel(loc, p.channel)}`),
      ...touches.map((touch) => `${touchKindLabel(loc, touch)}, ${channelLabel(loc, touch.channel)}`)].join('; ');
    return h('td', {
      class: `day${date === from ? ' today' : ''}${touches.length ? ' has-touch' : ''}${date < from ? ' past' : ''}`,
      part: touches.length ? 'day day-with-touch' : 'day',
      role: 'gridcell',
      'data-date': date,
      tabindex: date === this.#focusDate ? '0' : '-1',
      'aria-selected': String(this.#selected?.date === date),
      'aria-label': label,
      'aria-disabled': inHorizon || past.length ? null : 'true',
      onclick: () => this.#pickDay(date),
    },
    h('span', { class: 'num', 'aria-hidden': 'true' }, String(+date.slice(8))),
    h('span', { class: 'markers', 'aria-hidden': 'true' },
      past.map(() => h('span', { class: 'marker past', part: 'marker past-marker', 'data-past': '' }, h('span', { class: 'label' }, t(loc, 'pastShort')))),
      touches.map((touch) => this.#marker(touch))));
  }

  #marker(touch) {
    const group = this.#slotGroup(touch);
    const flags = [touch.automated && 'automated', touch.scheduled && 'scheduled', group && 'slot'].filter(Boolean);
    // A slot marker opens its warning group too (the day is picked as well).
    return h('span', {
      class: ['marker', `kind-${touch.kind}`, ...flags].join(' '), part: 'marker', 'data-kind': touch.kind,
      'data-warning-group': group?.id, title: touchKindLabel(this.#locale, touch),
      onclick: group ? () => { this.#ui.warnings.open = true; this.#ui.warnings.querySelector(`details[data-group="${group.id}"]`).open = true; } : null,
    },
      h('span', { class: 'label' }, touchKindShortLabel(this.#locale, touch)));
  }

  #showMonth(month) {
    const { from, to } = this.#plan.horizon;
    this.#month = month;
    const start = this.#start();
    this.#focusDate = clampDate(`${month}-${this.#focusDate.slice(8)}`, start, to);
    if (monthOf(this.#focusDate) !== month) this.#focusDate = clampDate(`${month}-01`, start, to);
    this.#renderMonth();
  }

  #onGridKey(event) {
    const moves = {
      ArrowLeft: -1, ArrowRight: 1, ArrowUp: -7, ArrowDown: 7,
      Home: -weekdayOf(this.#focusDate), End: 6 - weekdayOf(this.#focusDate),
    };
    let target = null;
    if (event.key in moves) target = addDays(this.#focusDate, moves[event.key]);
    else if (event.key === 'PageUp' || event.key === 'PageDown') {
      const month = addMonths(monthOf(this.#focusDate), event.key === 'PageUp' ? -1 : 1);
      target = `${month}-${this.#focusDate.slice(8)}`;
      if (monthOf(target) !== month) target = `${month}-01`;
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      this.#pickDay(this.#focusDate);
      return;
    } else return;
    event.preventDefault();
    this.#moveFocus(target);
  }

  #moveFocus(date) {
    const { to } = this.#plan.horizon;
    this.#focusDate = clampDate(date, this.#start(), to);
    if (monthOf(this.#focusDate) !== this.#month) {
      this.#month = monthOf(this.#focusDate);
      this.#renderMonth();
    } else {
      for (const cell of this.#ui.view.querySelectorAll('[data-date]')) {
        cell.tabIndex = cell.dataset.date === this.#focusDate ? 0 : -1;
      }
    }
    this.#ui.view.querySelector(`[data-date="${this.#focusDate}"]`)?.focus();
  }

  #pickDay(date) {
    const { from, to } = this.#plan.horizon;
    if ((date < from && this.#pastOn(date).length === 0) || date > to) return;
    this.#focusDate = date;
    this.#pick(date, 0);
  }

  // Picks the index-th touch of a day (or the day itself when it has none).
  #pick(date, index) {
    const hadFocus = this.#ui.view.contains(this.shadowRoot.activeElement);
    this.#selected = { date, index };
    if (this.view === 'list') this.#renderList();
    else this.#renderMonth();
    this.#renderDetails();
    // The view was drawn anew: give focus back to the picked day or item.
    if (hadFocus) this.#ui.view.querySelector('[aria-current="true"], [tabindex="0"]')?.focus();
    const touch = this.#touchesOn(date)[index];
    if (touch) this.#emit('touchplan-select', touch);
  }

  // The list view is one tab stop: the picked touch (else the first) has
  // tabindex 0, the rest -1; arrows, Home and End move inside. Each month is
  // a list of its own under a heading, so every <li> is a real list item.
  #renderList() {
    const loc = this.#locale;
    const { touches } = this.#plan;
    const months = [];
    for (const touch of touches) {
      if (monthOf(touch.date) !== months.at(-1)?.month) months.push({ month: monthOf(touch.date), touches: [] });
      months.at(-1).touches.push(touch);
    }
    const selected = this.#selected && this.#touchesOn(this.#selected.date)[this.#selected.index];
    const stop = selected ?? touches[0];
    const item = (touch) => {
      const index = this.#touchesOn(touch.date).indexOf(touch);
      const who = touch.contact ? ` · ${touch.contact}` : '';
      return h('li', {}, h('button', {
        class: 'list-item', part: 'list-item', type: 'button', 'data-date': touch.date,
        tabindex: touch === stop ? '0' : '-1',
        'aria-current': touch === selected ? 'true' : null,
        onclick: () => this.#pick(touch.date, index),
        onkeydown: (e) => this.#onListKey(e),
      },
      this.#marker(touch),
      h('span', { class: 'when' }, `${formatDate(loc, touch.date, 'short')} · ${touchKindLabel(loc, touch)}`),
      h('span', { class: 'what' }, `${channelLabel(loc, touch.channel)}${who} — ${touch.reasons[0]?.title ?? ''}`)));
    };
    this.#ui.view.setAttribute('part', 'list');
    this.#ui.view.replaceChildren(touches.length
      ? h('div', { class: 'list', role: 'group', 'aria-label': t(loc, 'touches', { count: touches.length }) },
        months.flatMap(({ month, touches: inMonth }) => {
          const id = `list-month-${month}`;
          return [h('p', { class: 'list-month', id }, formatDate(loc, `${month}-01`, 'month')),
            h('ul', { 'aria-labelledby': id }, inMonth.map(item))];
        }))
      : h('p', { class: 'muted' }, t(loc, 'noTouches')));
  }

  #onListKey(event) {
    const buttons = [...this.#ui.view.querySelectorAll('.list-item')];
    const at = buttons.indexOf(event.currentTarget);
    const to = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: buttons.length - 1, PageDown: at + 10, PageUp: at - 10 }[event.key];
    if (to === undefined) return;
    event.preventDefault();
    const target = buttons[Math.max(0, Math.min(buttons.length - 1, to))];
    for (const b of buttons) b.tabIndex = b === target ? 0 : -1;
    target.focus();
  }

  #renderDetails() {
    const loc = this.#locale;
    const panel = this.#ui.details;
    if (!this.#selected) {
      panel.replaceChildren(h('p', { class: 'muted' }, t(loc, 'pickDay')));
      return;
    }
    const { date, index } = this.#selected;
    const touches = this.#touchesOn(date);
    const touch = touches[index];
    const past = this.#pastOn(date);
    if (past.length) {
      panel.replaceChildren(h('article', { class: 'touch past', 'data-past': '' },
        h('h3', {}, formatDate(loc, date, 'weekday')),
        past.map((p) => h('p', {}, h('span', { class: 'badge' }, t(loc, 'pastTouch')), ' ',
          [channelLabel(loc, p.channel), p.reason].filter(Boolean).join(' · ')))));
      return;
    }
    if (!touch) {
      panel.replaceChildren(h('p', { class: 'muted' }, t(loc, 'noTouchOnDay', { date: formatDate(loc, date) })));
      return;
    }
    const switcher = touches.length > 1 ? h('div', { class: 'toolbar', role: 'group' }, touches.map((other, i) => h('button', {
      class: 'btn', type: 'button', 'aria-pressed': String(i === index), onclick: () => this.#pick(date, i),
    }, t(loc, 'touchOf', { n: i + 1, count: touches.length })))) : null;
    panel.replaceChildren(...[switcher, this.#touchDetails(touch)].filter(Boolean));
  }

  #touchDetails(touch) {
    const loc = this.#locale;
    const fact = (label, ...value) => [h('dt', {}, label), h('dd', {}, ...value)];
    const contact = touch.contact ? `${touch.contact}${touch.role ? ` (${roleLabel(loc, touch.role)})` : ''}` : null;
    const dated = this.#groups.filter((g) => g.code !== 'no_specific_reason' && g.dates.includes(touch.date));
    const slot = this.#slotGroup(touch);
    // R6's letters (S, E, R, G) are explained wherever a text uses them.
    const lettered = /\b[SERG]\b\s*[−-]|[−-]\s*\b[SERG]\b|\bG\s*=|\bR\s*=/.test(touch.why);
    return h('article', { class: 'touch', 'data-kind': touch.kind },
      h('h3', {}, formatDate(loc, touch.date, 'weekday')),
      h('span', { class: `badge kind kind-${touch.kind}` }, touchKindLabel(loc, touch)),
      touch.automated ? h('span', { class: 'badge', 'data-flag': 'automated' }, t(loc, 'automatedMark')) : null,
      touch.scheduled ? h('span', { class: 'badge', 'data-flag': 'scheduled' }, t(loc, 'scheduledMark')) : null,
      slot ? h('p', { class: 'notice', 'data-flag': 'slot' }, t(loc, 'slotNotice'), ' ', h('button', {
        class: 'link', type: 'button', 'data-warning-group': slot.id, onclick: () => this.#openWarnings(slot),
      }, t(loc, 'slotGroup', { dates: countOf(loc, slot.dates.length, 'date') }))) : null,
      touch.scheduled ? h('p', { class: 'notice' }, t(loc, 'scheduled')) : null,
      touch.automated ? h('p', { class: 'muted' }, t(loc, 'automated')) : null,
      touch.movedFrom ? h('p', { class: 'muted' }, t(loc, 'movedFrom', { date: formatDate(loc, touch.movedFrom) })) : null,
      h('dl', { class: 'facts' },
        touch.purposes?.length > 1 ? fact(t(loc, 'purposes'), touch.purposes.map((p) => touchKindLabel(loc, touch, p)).join(' + ')) : [],
        fact(t(loc, 'channel'), channelLabel(loc, touch.channel)),
        contact ? fact(t(loc, 'contact'), contact) : [],
        touch.contacts?.length ? fact(t(loc, 'contacts'), touch.contacts.join(', ')) : [],
        fact(t(loc, 'rule'), h('strong', {}, ruleLabel(loc, touch.rule)), `: ${localiseDates(loc, touch.why)}`)),
      lettered ? h('p', { class: 'muted glossary' }, t(loc, 'rgGlossary')) : null,
      dated.map((g) => h('p', { class: 'notice', 'data-code': g.code }, localiseDates(loc, g.messages[0]))),
      touch.notes?.length ? [h('p', { class: 'section-title' }, t(loc, 'notes')),
        h('ul', { class: 'notes', part: 'notes' }, touch.notes.map((note) => h('li', {}, localiseDates(loc, note))))] : [],
      h('p', { class: 'section-title' }, t(loc, 'reasons')),
      h('ol', { class: 'reasons', part: 'reasons' }, touch.reasons.map((reason, i) => h('li', { 'data-code': reason.code },
        h('div', { class: 'reason-title' }, reason.title, i === 0 ? h('span', { class: 'badge' }, t(loc, 'bestReason')) : null),
        h('div', { class: 'reason-hint' }, reason.hint),
        h('div', { class: 'reason-why' }, localiseDates(loc, reason.why))))),
      // An automated touch is marketing's send, not a manager's task.
      this.hasAttribute('tasks') && !touch.automated ? this.#taskAction(touch) : null,
    );
  }

  // The CRM's own task for a touch: the element asks, a CRM kit does it
  // (event `touchplan-task`), and the element shows what came of it.
  #taskAction(touch) {
    const loc = this.#locale;
    const key = taskKey(this.#plan.clientId, touch);
    const state = this.#tasks.get(key);
    const busy = state?.status === 'pending' || state?.status === 'done';
    const label = state?.status === 'done' ? t(loc, 'taskDone') : state?.status === 'pending' ? t(loc, 'taskPending') : t(loc, 'taskCreate');
    return h('div', { class: 'task', part: 'task' },
      h('button', {
        class: 'btn', type: 'button', part: 'task-button', 'data-task-key': key, disabled: busy ? '' : null,
        onclick: () => this.#requestTask(key, touch),
      }, label),
      state?.message ? h('p', { class: state.status === 'failed' ? 'notice' : 'muted', role: 'status' }, state.message) : null);
  }

  #requestTask(key, touch) {
    if (this.#tasks.get(key)?.status === 'pending' || this.#tasks.get(key)?.status === 'done') return;
    const loc = this.#locale;
    let answer = null;
    const respond = (result) => { if (answer === null) answer = Promise.resolve(result); };
    this.#emit('touchplan-task', { clientId: this.#plan.clientId, key, touch: structuredClone(touch), locale: loc, respond });
    if (answer === null) {
      this.#tasks.set(key, { status: 'failed', message: t(loc, 'taskNoHandler') });
      this.#renderDetails();
      return;
    }
    this.#tasks.set(key, { status: 'pending' });
    this.#renderDetails();
    answer.then((r) => {
      const ok = r === undefined || r === true || r?.ok === true;
      const message = typeof r?.message === 'string' ? r.message : '';
      this.#tasks.set(key, ok ? { status: 'done', message } : { status: 'failed', message: message || t(loc, 'taskFailed') });
    }, (e) => {
      this.#tasks.set(key, { status: 'failed', message: `${t(loc, 'taskFailed')} ${typeof e?.message === 'string' ? e.message : ''}`.trim() });
    }).finally(() => { if (this.#plan) this.#renderDetails(); });
  }

  // For paper only (the print stylesheet): every month of the horizon as a
  // plain table and the whole touch list; no buttons.
  #renderPrint() {
    const loc = this.#locale;
    const { from, to } = this.#plan.horizon;
    const weekdays = Array.from({ length: 7 }, (_, i) => formatDate(loc, addDays('2024-01-01', i), 'weekdayShort'));
    const months = [];
    for (let month = monthOf(from); month <= monthOf(to); month = addMonths(month, 1)) {
      const first = `${month}-01`;
      const rows = [];
      for (let week = addDays(first, -weekdayOf(first)); week <= `${month}-31` && monthOf(week) <= month; week = addDays(week, 7)) {
        rows.push(h('tr', {}, Array.from({ length: 7 }, (_, i) => {
          const date = addDays(week, i);
          if (monthOf(date) !== month) return h('td', {});
          return h('td', {}, h('span', { class: 'num' }, String(+date.slice(8))),
            this.#touchesOn(date).map((touch) => h('span', { class: `print-mark kind-${touch.kind}` }, touchKindShortLabel(loc, touch))));
        })));
      }
      months.push(h('table', { class: 'print-month' },
        h('caption', {}, formatDate(loc, first, 'month')),
        h('thead', {}, h('tr', {}, weekdays.map((d) => h('th', { scope: 'col' }, d)))),
        h('tbody', {}, rows)));
    }
    this.#ui.print.replaceChildren(
      h('div', { class: 'print-months' }, months),
      h('table', { class: 'print-list' },
        h('thead', {}, h('tr', {}, ['date', 'kind', 'channel', 'contact', 'reasons'].map((k) => h('th', { scope: 'col' }, t(loc, k === 'date' ? 'printDate' : k))))),
        h('tbody', {}, this.#plan.touches.map((touch) => h('tr', {},
          h('td', {}, formatDate(loc, touch.date)),
          h('td', {}, touchKindLabel(loc, touch)),
          h('td', {}, channelLabel(loc, touch.channel)),
          h('td', {}, touch.contact ?? (touch.contacts ?? []).join(', ')),
          h('td', {}, touch.reasons[0]?.title ?? ''))))),
    );
  }

  #renderLegend() {
    const loc = this.#locale;
    const present = new Set(this.#plan.touches.map((touch) => touch.kind));
    const item = (className, label, attrs) => h('li', attrs, h('span', { class: `marker ${className}`, 'aria-hidden': 'true' }), label);
    this.#ui.legend.setAttribute('aria-label', t(loc, 'legend'));
    this.#ui.legend.replaceChildren(
      ...TOUCH_KINDS.filter((kind) => present.has(kind)).map((kind) => item(`kind-${kind}`, kindLabel(loc, kind), { 'data-kind': kind })),
      item('sample automated', t(loc, 'automatedMark'), { 'data-flag': 'automated' }),
      item('sample slot', t(loc, 'slot'), { 'data-flag': 'slot' }),
      item('sample scheduled', t(loc, 'scheduledMark'), { 'data-flag': 'scheduled' }),
      ...(this.#history.length ? [item('past', t(loc, 'pastTouch'), { 'data-flag': 'past' })] : []),
    );
  }
}
