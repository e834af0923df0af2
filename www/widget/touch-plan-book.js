// <touch-plan-book>: a manager's book (DOMAIN.md R16) — today's agenda by
// manager, each manager's load per working day against capacity, and each
// client's next touch — planned by `planBook` in a module Web Worker.
//
// Importing this module has no side effects: register the element with
// `TouchPlanBookElement.define()` or import `touch-plan-book-define.js`.
// Data flow: host page (`clients`, `company`, `settings` properties, a
// `src` JSON script, or a CRM list page: `list`, read by host-reader.js
// one client per row) → BookInput → touch-plan-book-worker.js (`planBook`,
// one manager a step, progress posted) → Book → the three views.
// Every text reaches the page as text (textContent, attributes), never as
// markup.

import { adoptBookStyles } from './touch-plan-book-styles.js';
import { bookErrorMessage, bt } from './touch-plan-book-i18n.js';
import {
  channelLabel, countOf, fieldLabel, formatDate, formatNumber, localeOf, roleLabel, touchKindLabel,
} from './touch-plan-i18n.js';
import { addDays, weekdayOf } from '../iso-date.js';
import { Debounced, ListReader, findScope, parseDate } from './host-reader.js';

const VIEWS = ['today', 'load', 'clients'];
const VIEW_KEYS = { today: 'viewToday', load: 'viewLoad', clients: 'viewClients' };
const PROPERTIES = ['clients', 'company', 'settings', 'managers', 'today', 'horizonMonths', 'src', 'list', 'view'];
// What a list page's observer sees inside the list.
const WATCH = { subtree: true, childList: true, characterData: true, attributes: true };
// Work longer than this shows the progress bar and the Cancel button.
const PROGRESS_AFTER_MS = 300;
const SEGMENT_ORDER = ['A+', 'A', 'B', 'C', 'D'];
// Touches tied to their day (R16: they never move) and key touches (DOMAIN
// glossary) lead a day's agenda, in that order, then by segment.
const TIED_KINDS = new Set(['greeting', 'first_day', 'apology', 'event']);
const KEY_KINDS = new Set(['first_day', 'renewal', 'apology', 'meeting']);

// The exports' code and the API with its exports' wasm part, loaded on
// the first export only (the page loads no wasm until then); one per page,
// a failed load is retried.
let exporting = null;
function loadExports() {
  exporting ??= Promise.all([import('../api.js'), import('./touch-plan-book-export.js')]).then(async ([api, book]) => {
    // toCsv/toIcs need the export part; the book's part stays with the
    // worker.
    await api.default({ book: false });
    return { api, book };
  }).catch((e) => {
    exporting = null;
    throw e;
  });
  return exporting;
}

/** The element's date as `YYYY-MM-DD` in the browser's time zone. */
function localToday() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

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

/** 0: tied to its day, 1: a key touch, 2: the rest (R16's agenda order). */
export function agendaRank(touch) {
  if (TIED_KINDS.has(touch.kind) || touch.scheduled) return 0;
  if (KEY_KINDS.has(touch.kind) || (touch.kind === 'check' && /R6/.test(touch.rule ?? ''))) return 1;
  return 2;
}

function segmentRank(segment) {
  const i = SEGMENT_ORDER.indexOf(segment);
  return i < 0 ? SEGMENT_ORDER.length : i;
}

/** Items of a long list built in one task (`#sliced`). */
const SLICE = 100;

/**
 * The `<touch-plan-book>` custom element. See README.md, section "The
 * `<touch-plan-book>` element", for attributes, properties and events.
 */
export class TouchPlanBookElement extends HTMLElement {
  static observedAttributes = ['lang', 'today', 'horizon-months', 'src', 'list', 'view'];

  /** Registers the element under `tag` in `registry`; returns the class. */
  static define(tag = 'touch-plan-book', registry = customElements) {
    registry.define(tag, this);
    return this;
  }

  #data = { clients: undefined, company: undefined, settings: undefined, managers: undefined };
  #input = null; // the BookInput of the current book or run
  #book = null;
  #error = null;
  #status = 'empty'; // empty | loading | ready | error | cancelled
  #progress = { done: 0, total: 0 };
  #showProgress = false;
  #progressTimer = 0;
  #worker = null;
  /** Counts renders: the slices of a long list (`#sliced`) stop at the next. */
  #renderRun = 0;
  #busy = false;
  #run = 0;
  #scheduled = false;
  #locale = 'ru';
  #day = null; // the agenda's day
  #loadFocus = new Map(); // manager index → focused bar's date
  #selected = null; // `${client}|${touchIndex}`
  // A CRM list page (`list`): its reader, what is watched, the last read.
  #reader = new ListReader();
  #readRun = 0;
  #pending = new Debounced(() => this.#start(true));
  #listObserver = null; // changes inside the list
  #pageObserver = null; // the list's container replaced or added
  #listRoot = null;
  #listWatched = null;
  #lastRead = null;
  #ui;

  constructor() {
    super();
    const shadow = this.attachShadow({ mode: 'open' });
    adoptBookStyles(shadow);
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
    this.#observeList();
    this.#schedule();
  }

  disconnectedCallback() {
    this.#stopList();
    this.#stopWorker();
    if (this.#status === 'loading') this.#status = this.#book ? 'ready' : 'empty';
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (oldValue === newValue || !this.isConnected) return;
    if (name === 'view') {
      this.#render();
      return;
    }
    if (name === 'list') this.#observeList();
    this.#schedule();
  }

  /** The clients of the book: each a `Client` with an optional `manager`. */
  get clients() { return this.#data.clients; }
  set clients(value) { this.#setData('clients', value); }

  /** The company's content plan, events and calendar, shared by every client. */
  get company() { return this.#data.company; }
  set company(value) { this.#setData('company', value); }

  /** Policy overrides, `managerDailyCapacity` and `levelSlackDays` among them. */
  get settings() { return this.#data.settings; }
  set settings(value) { this.#setData('settings', value); }

  /** Managers with a capacity of their own: `[{ name, capacity }]` (R16). */
  get managers() { return this.#data.managers; }
  set managers(value) { this.#setData('managers', value); }

  /** `today` (default), `load` or `clients`. */
  get view() {
    const v = this.getAttribute('view');
    return VIEWS.includes(v) ? v : 'today';
  }
  set view(value) { this.setAttribute('view', value); }

  /** The planning date `YYYY-MM-DD`; default the `src` book's, else the local date. */
  get today() { return this.hasAttribute('today') ? parseDate(this.getAttribute('today')) : localToday(); }
  set today(value) { this.#setOptionalAttribute('today', value); }

  /** Months to plan, 1..36; default 12. */
  get horizonMonths() {
    const v = this.getAttribute('horizon-months');
    return /^\s*\d+\s*$/.test(v ?? '') ? Number(v) : 12;
  }
  set horizonMonths(value) { this.#setOptionalAttribute('horizon-months', value); }

  /** Id of a `<script type="application/json">` holding a BookInput or a list of clients. */
  get src() { return this.getAttribute('src') ?? ''; }
  set src(value) { this.#setOptionalAttribute('src', value); }

  /**
   * Id or CSS selector of a CRM list page's container whose rows
   * (`data-touchplan-row`) hold one client each; an empty `list` attribute
   * means the page's first `[data-touchplan-list]`. Its clients win over
   * `clients` and `src`'s.
   */
  get list() { return this.getAttribute('list'); }
  set list(value) {
    if (value === null || value === undefined) this.removeAttribute('list');
    else this.setAttribute('list', String(value));
  }

  /** Figures of the last read of the `list` page, or `null`: `{ rows, read, ms, busyMs, slices, longestSliceMs }`. */
  get lastRead() { return this.#lastRead; }

  /** The current book (`Book`), or `null`. */
  get book() { return this.#book; }

  /** The current error (a `TouchPlanError`-like object), or `null`. */
  get error() { return this.#error; }

  /** `empty`, `loading`, `ready`, `error` or `cancelled`. */
  get status() { return this.#status; }

  /** Plans the book again now. */
  refresh() {
    this.#scheduled = false;
    this.#start();
  }

  /**
   * The book as CSV text: `scope` `'book'` (default: every touch of every
   * client) or `'day'` (the agenda of `day`, default the agenda's day: its
   * personal touches in the agenda's order); a `Менеджер`/`Manager` column
   * beside the client's. `separator` and `bom` as `toCsv`'s; in Russian
   * `;` with a byte-order mark by default. Resolves to `null` while there
   * is no book.
   */
  async toCsv({ scope = 'book', day, ...options } = {}) {
    const book = this.#book;
    if (!book) return null;
    const { api, book: exports } = await loadExports();
    return exports.bookCsv(api, book, this.#exportItems(exports, book, scope, day, false), options);
  }

  /**
   * The book as iCalendar text, one all-day event per touch: `scope` and
   * `day` as for `toCsv`; `calendarName` names the calendar. Resolves to
   * `null` while there is no book.
   */
  async toIcs({ scope = 'book', day, calendarName } = {}) {
    const book = this.#book;
    if (!book) return null;
    const { api, book: exports } = await loadExports();
    const L = book.locale;
    const date = day ?? this.#day;
    const name = calendarName ?? (scope === 'day' ? bt(L, 'agendaCalendar', { date: formatDate(L, date) }) : bt(L, 'title'));
    return exports.bookIcs(api, book, this.#exportItems(exports, book, scope, day, true), { calendarName: name });
  }

  // The book captured when the export began: a newer one may have come
  // while the exports loaded.
  #exportItems(exports, book, scope, day, perClient) {
    if (scope !== 'day') return exports.exportItems(book, { scope: 'book' });
    const managers = new Map(book.managers.map((m, i) => [m.manager, i]));
    const name = (ci) => this.#clientName(book.clients[ci]);
    const segment = (ci) => segmentRank(this.#inputClient(ci).segment);
    // The agenda's order: by manager as the views show them, then R16's.
    const order = (a, b) => (managers.get(book.clients[a.client].manager ?? null) ?? 0) - (managers.get(book.clients[b.client].manager ?? null) ?? 0)
      || agendaRank(a.touch) - agendaRank(b.touch) || segment(a.client) - segment(b.client)
      || name(a.client).localeCompare(name(b.client), book.locale) || a.client - b.client;
    return exports.exportItems(book, { scope: 'day', day: day ?? this.#day, order, perClient });
  }

  async #download(format, scope, button) {
    const book = this.#book;
    if (!book) return;
    button?.setAttribute('aria-busy', 'true');
    try {
      const text = format === 'ics' ? await this.toIcs({ scope }) : await this.toCsv({ scope });
      if (text === null) return;
      const type = format === 'ics' ? 'text/calendar' : 'text/csv';
      const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
      const date = scope === 'day' ? this.#day : book.horizon.from;
      h('a', { href: url, download: `touchplan-${scope === 'day' ? 'agenda' : 'book'}-${date}.${format}` }).click();
      // The download has started once click() returns; keep the URL briefly anyway.
      setTimeout(() => URL.revokeObjectURL(url), 30000);
    } catch (e) {
      this.#emit('touchplan-error', { error: e });
    } finally {
      button?.removeAttribute('aria-busy');
    }
  }

  /** Stops a run in progress (its worker is terminated); the last book, if any, stays. */
  cancel() {
    if (this.#status !== 'loading') return;
    this.#readRun++;
    this.#stopWorker();
    this.#run++;
    this.#status = 'cancelled';
    this.#emit('touchplan-cancel', { done: this.#progress.done, total: this.#progress.total });
    this.#render();
  }

  #setData(name, value) {
    this.#data[name] = value;
    this.#schedule();
  }

  #setOptionalAttribute(name, value) {
    if (value === null || value === undefined || value === '') this.removeAttribute(name);
    else this.setAttribute(name, String(value));
  }

  // Several properties set in one task give one run.
  #schedule() {
    if (this.#scheduled || !this.isConnected) return;
    this.#scheduled = true;
    queueMicrotask(() => {
      if (!this.#scheduled) return;
      this.#scheduled = false;
      this.#start();
    });
  }

  #resolveLocale(input) {
    return localeOf(this.getAttribute('lang'))
      ?? localeOf(this.parentElement?.closest('[lang]')?.getAttribute('lang'))
      ?? localeOf(input?.locale)
      ?? 'ru';
  }

  /** The BookInput from the properties, over the `src` script's; `null` when there are no clients. */
  #readInput(listClients) {
    let base = {};
    if (this.src) {
      const script = this.ownerDocument.getElementById(this.src);
      if (!script) throw widgetError(this.#locale, 'src_not_found', `src#${this.src}`, { id: this.src });
      let value;
      try {
        value = JSON.parse(script.textContent);
      } catch (e) {
        throw widgetError(this.#locale, 'invalid_json', `src#${this.src}`, { detail: e.message });
      }
      base = Array.isArray(value) ? { clients: value } : value && typeof value === 'object' ? value : {};
    }
    const pick = (name) => (this.#data[name] !== undefined ? this.#data[name] : base[name]);
    const clients = listClients ?? pick('clients');
    if (clients === undefined || clients === null || (Array.isArray(clients) && clients.length === 0)) return null;
    const input = { clients };
    input.today = this.hasAttribute('today') || typeof base.today !== 'string' ? this.today : base.today;
    input.horizonMonths = this.hasAttribute('horizon-months') || base.horizonMonths === undefined ? this.horizonMonths : base.horizonMonths;
    input.locale = this.#locale;
    for (const name of ['company', 'settings', 'managers']) if (pick(name) !== undefined) input[name] = pick(name);
    return input;
  }

  // `fromList`: started by a change inside the list, which re-plans only
  // when the clients read differ from the last read's.
  #start(fromList = false) {
    if (this.list !== null) this.#readList(fromList);
    else this.#plan(null);
  }

  async #readList(fromList) {
    const read = ++this.#readRun;
    let result;
    try {
      this.#locale = this.#resolveLocale(this.#data);
      const container = this.#listElement();
      if (!container) throw widgetError(this.#locale, 'list_not_found', 'list', { id: this.list || '[data-touchplan-list]' });
      this.#watchList(container);
      result = await this.#reader.read(container, { isStale: () => read !== this.#readRun || !this.isConnected });
    } catch (e) {
      if (read !== this.#readRun) return;
      this.#run++;
      this.#stopWorker();
      this.#fail(e);
      return;
    }
    if (!result) return;
    const { clients, changed, ...figures } = result;
    this.#lastRead = figures;
    this.#emit('touchplan-read', figures);
    if (fromList && !changed && this.#status !== 'error') return;
    this.#plan(clients);
  }

  #plan(listClients) {
    const run = ++this.#run;
    let input;
    try {
      this.#locale = this.#resolveLocale(this.#data);
      input = this.#readInput(listClients);
    } catch (e) {
      this.#stopWorker();
      this.#fail(e);
      return;
    }
    if (!input) {
      this.#stopWorker();
      this.#book = null;
      this.#error = null;
      this.#status = 'empty';
      this.#render();
      return;
    }
    // A run still going is superseded: its worker is dropped, not awaited.
    if (this.#busy) this.#stopWorker();
    this.#input = input;
    this.#status = 'loading';
    this.#error = null;
    this.#progress = { done: 0, total: Array.isArray(input.clients) ? input.clients.length : 0 };
    this.#showProgress = false;
    // Built afresh per run, in the run's language.
    this.#ui.progress.replaceChildren();
    clearTimeout(this.#progressTimer);
    this.#progressTimer = setTimeout(() => {
      if (run !== this.#run || this.#status !== 'loading') return;
      this.#showProgress = true;
      this.#render();
    }, PROGRESS_AFTER_MS);
    let worker;
    try {
      worker = this.#startWorker();
      this.#busy = true;
      worker.postMessage({ input });
    } catch (e) {
      this.#stopWorker();
      this.#fail(e?.name === 'DataCloneError' ? widgetError(this.#locale, 'internal', '', { detail: e.message }) : widgetError(this.#locale, 'worker_failed', '', { detail: e?.message ?? String(e) }));
      return;
    }
    const parts = [];
    worker.onmessage = (event) => {
      if (run !== this.#run) return;
      const m = event.data;
      if (m.type === 'progress') {
        this.#progress = { done: m.done, total: m.total };
        if (this.#showProgress) this.#renderProgress();
      } else if (m.type === 'book-part') {
        // Each slice of clients parsed in its own task (the worker's
        // messages are), none long enough to freeze the page.
        parts.push(JSON.parse(m.json));
      } else if (m.type === 'book') {
        this.#busy = false;
        const book = JSON.parse(m.json);
        book.clients = parts.flat();
        this.#done(book);
      } else if (m.type === 'error') {
        this.#busy = false;
        this.#fail(Object.assign(new Error(m.error.message), m.error));
      }
    };
    worker.onerror = (event) => {
      if (run !== this.#run) return;
      event.preventDefault?.();
      this.#stopWorker();
      this.#fail(widgetError(this.#locale, 'worker_failed', '', { detail: event.message || 'error' }));
    };
    this.#render();
  }

  // The list's container: `list` as an element id, else a CSS selector;
  // empty, the page's first `[data-touchplan-list]`.
  #listElement() {
    const root = this.#listRoot ?? this.getRootNode();
    try {
      return findScope(root, this.list || '[data-touchplan-list]');
    } catch {
      return null;
    }
  }

  // A list page is watched only inside the list (every change there marks
  // its row for a re-read), plus element additions and removals elsewhere,
  // which count only when they replace the list's container. Changes are
  // debounced as <touch-plan>'s are (host-reader.js `Debounced`).
  #observeList() {
    this.#stopList();
    if (!this.isConnected || this.list === null) return;
    this.#listRoot = this.getRootNode();
    this.#listObserver = new MutationObserver((records) => {
      const theirs = records.filter((r) => !this.contains(r.target));
      if (theirs.length === 0) return;
      this.#reader.invalidate(theirs);
      this.#pending.schedule();
    });
    this.#pageObserver = new MutationObserver(() => {
      if (this.#listWatched && this.#listWatched.isConnected && this.#listElement() === this.#listWatched) return;
      if (!this.#listWatched && !this.#listElement()) return;
      this.#reader.clear();
      this.#pending.schedule();
    });
    this.#pageObserver.observe(this.#listRoot, { subtree: true, childList: true });
    this.#listRoot.addEventListener('input', this.#onHostInput, true);
    this.#listRoot.addEventListener('change', this.#onHostInput, true);
  }

  #watchList(container) {
    if (!this.#listObserver || container === this.#listWatched) return;
    this.#listObserver.disconnect();
    this.#listObserver.observe(container, WATCH);
    this.#listWatched = container;
  }

  #stopList() {
    this.#readRun++;
    this.#pending.cancel();
    if (!this.#listObserver) return;
    this.#listRoot.removeEventListener('input', this.#onHostInput, true);
    this.#listRoot.removeEventListener('change', this.#onHostInput, true);
    this.#listObserver.disconnect();
    this.#pageObserver.disconnect();
    this.#listObserver = null;
    this.#pageObserver = null;
    this.#listRoot = null;
    this.#listWatched = null;
    this.#reader.clear();
  }

  #onHostInput = (event) => {
    const target = event.composedPath?.()[0] ?? event.target;
    if (!this.#listWatched?.contains(target) || this.contains(target)) return;
    this.#reader.invalidateRow(target);
    this.#pending.schedule();
  };

  #startWorker() {
    this.#worker ??= new Worker(new URL('./touch-plan-book-worker.js', import.meta.url), { type: 'module', name: 'touch-plan-book' });
    return this.#worker;
  }

  #stopWorker() {
    clearTimeout(this.#progressTimer);
    this.#worker?.terminate();
    this.#worker = null;
    this.#busy = false;
  }

  #done(book) {
    clearTimeout(this.#progressTimer);
    this.#book = book;
    this.#error = null;
    this.#status = 'ready';
    const { from, to } = book.horizon;
    if (!this.#day || this.#day < from || this.#day > to) this.#day = from;
    this.#render();
    this.#emit('touchplan-change', { book });
  }

  #fail(error) {
    clearTimeout(this.#progressTimer);
    this.#book = null;
    this.#error = error;
    this.#status = 'error';
    this.#render();
    this.#emit('touchplan-error', { error });
  }

  #emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  // ---- rendering ----

  #skeleton() {
    const title = h('h2', { class: 'title', part: 'title' });
    const tabs = h('div', { class: 'tabs', role: 'tablist', part: 'tabs' });
    tabs.addEventListener('keydown', (e) => this.#onTabKey(e));
    const progress = h('div', { class: 'progress', part: 'progress', hidden: true });
    const notice = h('div', { class: 'notice', part: 'notice', role: 'status', hidden: true });
    const error = h('div', { class: 'error', part: 'error', role: 'alert', hidden: true });
    const status = h('p', { class: 'status', part: 'status' });
    const panel = h('div', { class: 'panel', role: 'tabpanel', tabindex: '0', part: 'panel', id: 'panel' });
    const downloads = h('div', { class: 'downloads', role: 'group', part: 'downloads', hidden: true });
    const root = h('div', { class: 'root', part: 'root' }, h('div', { class: 'header' }, title), progress, notice, error, status, tabs, panel, downloads);
    return { root, title, tabs, progress, notice, error, status, panel, downloads };
  }

  #render() {
    this.#renderRun++;
    const L = this.#locale;
    const ui = this.#ui;
    ui.root.setAttribute('lang', L);
    ui.title.textContent = bt(L, 'title');
    const loading = this.#status === 'loading';
    ui.root.setAttribute('aria-busy', String(loading));
    this.#renderProgress();
    // Notice: a cancelled run.
    ui.notice.hidden = this.#status !== 'cancelled';
    if (this.#status === 'cancelled') {
      ui.notice.replaceChildren(
        h('span', {}, bt(L, 'cancelled')),
        h('button', { class: 'btn', type: 'button', part: 'restart', onclick: () => this.refresh() }, bt(L, 'restart')),
      );
    }
    ui.error.hidden = this.#status !== 'error';
    if (this.#status === 'error') this.#renderError();
    const text = this.#status === 'empty' ? bt(L, 'empty') : loading && !this.#showProgress && !this.#book ? bt(L, 'loading') : '';
    ui.status.textContent = text;
    ui.status.hidden = !text;
    const hasBook = !!this.#book && this.#status !== 'error';
    ui.tabs.hidden = !hasBook;
    ui.panel.hidden = !hasBook;
    ui.downloads.hidden = !hasBook;
    if (!hasBook) return;
    this.#renderTabs();
    this.#renderDownloads();
    const view = this.view;
    ui.panel.setAttribute('aria-labelledby', `tab-${view}`);
    ui.panel.dataset.panel = view;
    ui.panel.replaceChildren(view === 'load' ? this.#loadView() : view === 'clients' ? this.#clientsView() : this.#todayView());
  }

  #renderProgress() {
    const L = this.#locale;
    const ui = this.#ui;
    const show = this.#status === 'loading' && this.#showProgress;
    ui.progress.hidden = !show;
    if (!show) return;
    const { done, total } = this.#progress;
    const counts = bt(L, 'progress', { done: formatNumber(L, done), total: countOf(L, total, 'client') });
    let bar = ui.progress.querySelector('[role="progressbar"]');
    if (!bar) {
      bar = h('div', { class: 'bar-track', role: 'progressbar', 'aria-label': bt(L, 'progressLabel'), 'aria-valuemin': '0', part: 'progress-bar' }, h('div', { class: 'bar-fill' }));
      ui.progress.replaceChildren(
        h('div', { class: 'row' }, bar,
          h('button', { class: 'btn', type: 'button', part: 'cancel', onclick: () => this.cancel() }, bt(L, 'cancel'))),
        h('div', { class: 'counts muted', 'aria-live': 'polite' }),
      );
    }
    bar.setAttribute('aria-valuemax', String(total));
    bar.setAttribute('aria-valuenow', String(done));
    bar.setAttribute('aria-valuetext', counts);
    bar.firstChild.style.width = `${total ? Math.round((done / total) * 100) : 0}%`;
    ui.progress.querySelector('.counts').textContent = counts;
  }

  #renderError() {
    const L = this.#locale;
    const e = this.#error;
    const list = Array.isArray(e?.errors) && e.errors.length ? e.errors : [{ code: e?.code, path: e?.path, message: e?.message }];
    this.#ui.error.replaceChildren(
      h('h3', {}, bt(L, 'errorTitle')),
      h('ul', {}, list.slice(0, 10).map((x) => h('li', {},
        x.path ? h('span', { class: 'field' }, `${fieldLabel(L, x.path)}: `) : null,
        String(x.message ?? ''),
        x.code ? h('code', {}, ` ${x.code}`) : null))),
    );
  }

  #renderTabs() {
    const L = this.#locale;
    const view = this.view;
    this.#ui.tabs.setAttribute('aria-label', bt(L, 'views'));
    this.#ui.tabs.replaceChildren(...VIEWS.map((v) => h('button', {
      class: 'tab', type: 'button', role: 'tab', id: `tab-${v}`, 'data-view': v, part: `tab tab-${v}`,
      'aria-selected': String(v === view), 'aria-controls': 'panel', tabindex: v === view ? '0' : '-1',
      onclick: () => this.#showView(v, true),
    }, bt(L, VIEW_KEYS[v]))));
  }

  // The whole book's downloads, under the views (the day's are in Сегодня).
  #renderDownloads() {
    const L = this.#locale;
    const ui = this.#ui;
    ui.downloads.setAttribute('aria-label', bt(L, 'bookDownloads'));
    ui.downloads.replaceChildren(
      h('span', { class: 'muted' }, bt(L, 'bookDownloads')),
      this.#downloadButton('csv', 'book'),
      this.#downloadButton('ics', 'book'),
    );
  }

  #downloadButton(format, scope) {
    const L = this.#locale;
    const button = h('button', {
      class: 'btn', type: 'button', part: `button download-${scope}-${format}`, 'data-download': `${scope}-${format}`,
      'aria-label': bt(L, `${scope}${format === 'csv' ? 'Csv' : 'Ics'}Label`),
    }, h('span', { 'aria-hidden': 'true' }, '⬇ '), format.toUpperCase());
    button.addEventListener('click', () => this.#download(format, scope, button));
    return button;
  }

  #showView(view, focusTab = false) {
    if (this.view === view) this.#render();
    else this.view = view; // attributeChangedCallback renders
    if (focusTab) this.#ui.tabs.querySelector(`[data-view="${view}"]`)?.focus();
  }

  #onTabKey(e) {
    const i = VIEWS.indexOf(this.view);
    const next = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: VIEWS.length - 1 }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    this.#showView(VIEWS[(next + VIEWS.length) % VIEWS.length], true);
  }

  #managerName(m) {
    return m.manager === null ? bt(this.#locale, 'noManager') : m.manager;
  }

  #clientName(c) {
    return c?.name || c?.id || '';
  }

  #inputClient(i) {
    try {
      const c = this.#input?.clients?.[i];
      return c && typeof c === 'object' ? c : {};
    } catch {
      return {};
    }
  }

  /** A touch as the `touchplan-select` event gives it: `why` and reasons in words. */
  #fullTouch(t) {
    const book = this.#book;
    return {
      ...t,
      automated: !!t.automated,
      why: book.whys[t.why] ?? '',
      reasons: t.reasons.map(([code, score]) => ({ code, score, title: book.reasons[code]?.title ?? code, hint: book.reasons[code]?.hint ?? '' })),
    };
  }

  #select(ci, ti) {
    const c = this.#book.clients[ci];
    const touch = this.#fullTouch(c.touches[ti]);
    this.#selected = `${ci}|${ti}`;
    for (const el of this.#ui.panel.querySelectorAll('[data-touch]')) {
      el.setAttribute('aria-current', String(el.dataset.touch === this.#selected));
    }
    this.#emit('touchplan-select', { client: { index: ci, id: c.id, name: c.name, manager: c.manager ?? null }, touch });
  }

  #person(t) {
    const L = this.#locale;
    const name = t.contact ?? (Array.isArray(t.contacts) ? t.contacts.join(', ') : '');
    if (!name) return '';
    return t.role ? bt(L, 'withRole', { name, role: roleLabel(L, t.role) }) : name;
  }

  // Сегодня: one day's agenda, by manager.
  #todayView() {
    const L = this.#locale;
    const book = this.#book;
    const day = this.#day;
    const { from, to } = book.horizon;
    const input = h('input', { type: 'date', value: day, min: from, max: to, 'aria-label': bt(L, 'day'), part: 'day-input' });
    input.addEventListener('change', () => {
      if (/^\d{4}-\d{2}-\d{2}$/.test(input.value) && input.value >= from && input.value <= to) this.#goToDay(input.value, 'input');
    });
    const step = (n, key) => h('button', {
      class: 'btn', type: 'button', 'data-step': String(n), 'aria-label': bt(L, key), disabled: n < 0 ? day <= from : day >= to,
      onclick: () => this.#goToDay(addDays(day, n), `[data-step="${n}"]`),
    }, n < 0 ? '‹' : '›');
    const picker = h('div', { class: 'day-picker', part: 'day-picker' },
      step(-1, 'prevDay'), input, step(1, 'nextDay'),
      h('span', { class: 'date-title', id: 'agenda-day' }, formatDate(L, day, 'weekday')),
      h('span', { class: 'downloads', role: 'group', 'aria-label': bt(L, 'dayDownloads') },
        this.#downloadButton('csv', 'day'), this.#downloadButton('ics', 'day')));
    // The day's touches by manager.
    const byManager = new Map(book.managers.map((m, i) => [m.manager, { m, i, items: [], automated: 0 }]));
    book.clients.forEach((c, ci) => {
      if (!c.touches) return;
      const group = byManager.get(c.manager ?? null);
      if (!group) return;
      c.touches.forEach((t, ti) => {
        if (t.date !== day) return;
        if (t.automated) group.automated++;
        else group.items.push({ c, ci, t, ti, segment: this.#inputClient(ci).segment });
      });
    });
    const sections = [...byManager.values()].map(({ m, items, automated }) => {
      items.sort((a, b) => agendaRank(a.t) - agendaRank(b.t) || segmentRank(a.segment) - segmentRank(b.segment)
        || this.#clientName(a.c).localeCompare(this.#clientName(b.c), L) || a.ti - b.ti);
      const capacity = m.capacity ?? book.capacity;
      const over = items.length > capacity;
      const list = items.length
        ? this.#sliced(h('ul', { class: 'agenda', 'aria-label': this.#managerName(m) }), items, (x) => h('li', {}, this.#agendaItem(x)))
        : h('p', { class: 'muted' }, bt(L, 'nothingToday'));
      return h('section', { class: 'manager', part: 'manager', 'data-manager': m.manager ?? '' },
        h('h3', {}, this.#managerName(m),
          h('span', { class: over ? 'load over' : 'load' }, bt(L, 'dayLoad', { touches: countOf(L, items.length, 'touch'), capacity }))),
        list,
        automated ? h('p', { class: 'muted' }, bt(L, 'automatedToo', { count: automated })) : null);
    });
    return h('div', { class: 'today-view' }, picker, h('div', { class: 'managers' }, sections));
  }

  #agendaItem({ c, ci, t, ti, segment }) {
    const L = this.#locale;
    const [code] = t.reasons[0] ?? [];
    const rank = agendaRank(t);
    const key = `${ci}|${ti}`;
    return h('button', {
      class: `item kind-${t.kind}`, type: 'button', part: 'item', 'data-touch': key, 'data-client': c.id,
      'data-rank': String(rank), 'data-segment': String(segmentRank(segment)),
      'aria-current': String(this.#selected === key), onclick: () => this.#select(ci, ti),
    },
    h('span', { class: 'marker', 'aria-hidden': 'true' }),
    h('span', { class: 'who' }, this.#clientName(c),
      rank === 0 ? h('span', { class: 'tag' }, bt(L, t.scheduled ? 'scheduled' : 'tied')) : rank === 1 ? h('span', { class: 'tag' }, bt(L, 'key')) : null),
    h('span', { class: 'what' }, [this.#person(t), channelLabel(L, t.channel), touchKindLabel(L, t)].filter(Boolean).join(' · ')),
    code ? h('span', { class: 'reason' }, this.#book.reasons[code]?.title ?? code) : null);
  }

  #goToDay(day, focus) {
    this.#day = day;
    if (this.view !== 'today') this.#showView('today');
    else this.#render();
    if (focus) this.#ui.panel.querySelector(focus === 'input' ? 'input[type="date"]' : focus)?.focus();
  }

  // Нагрузка: per manager, a bar per working day against capacity.
  #loadView() {
    const L = this.#locale;
    const book = this.#book;
    const sections = book.managers.map((m, mi) => {
      const cap = m.capacity ?? book.capacity;
      const days = m.days;
      const after = m.days.map((d) => d[2]);
      const max = after.length ? Math.max(...after) : 0;
      const mean = after.length ? after.reduce((a, b) => a + b, 0) / after.length : 0;
      const top = Math.max(max, cap, 1);
      const overDays = new Set(m.overloads.map((o) => o.date));
      const focus = this.#loadFocus.get(mi) ?? days.find(([d]) => d >= this.#day)?.[0] ?? days[0]?.[0];
      // Weeks as groups of bars, Monday first.
      const weeks = [];
      let week = null;
      for (const [date, before, load] of days) {
        const monday = addDays(date, -weekdayOf(date));
        if (!week || week.monday !== monday) {
          week = { monday, bars: [] };
          weeks.push(week);
        }
        const over = load > cap || overDays.has(date);
        week.bars.push(h('button', {
          class: over ? 'bar over' : 'bar', type: 'button', part: over ? 'bar bar-over' : 'bar', 'data-date': date,
          tabindex: date === focus ? '0' : '-1', 'aria-current': String(date === this.#day),
          'aria-label': bt(L, 'barLabel', { date: formatDate(L, date), after: load, capacity: cap, before }) + (over ? `, ${bt(L, 'over')}` : ''),
          title: bt(L, 'barLabel', { date: formatDate(L, date, 'short'), after: load, capacity: cap, before }),
          onclick: () => this.#goToDay(date),
        },
        h('span', { class: 'fill' }),
        h('span', { class: 'cap', 'aria-hidden': 'true' })));
        const bar = week.bars[week.bars.length - 1];
        bar.firstChild.style.height = `${Math.round((load / top) * 100)}%`;
        bar.lastChild.style.bottom = `${Math.round((cap / top) * 100)}%`;
      }
      const chart = h('div', { class: 'chart', role: 'group', 'aria-label': this.#managerName(m), part: 'chart' },
        weeks.map((w) => h('div', { class: 'week', 'data-week': w.monday }, w.bars)));
      chart.addEventListener('keydown', (e) => this.#onBarKey(e, mi, chart));
      const overloads = m.overloads.length
        ? h('div', { class: 'overloads' }, h('h4', {}, bt(L, 'overloads')), h('ul', {}, m.overloads.map((o) => h('li', {},
          bt(L, 'overloadLine', { date: formatDate(L, o.date), load: o.load, capacity: cap, clients: o.clients.map((i) => this.#clientName(book.clients[i])).join(', ') })))))
        : null;
      const moves = m.moves.length
        ? h('details', { class: 'moves' }, h('summary', {}, `${bt(L, 'moves')}: ${countOf(L, m.moves.length, 'move')}`),
          h('ul', {}, m.moves.slice(0, 200).map((mv) => h('li', {}, `${this.#clientName(book.clients[mv.client])}: ${mv.why}`))))
        : null;
      return h('section', { class: 'manager', part: 'manager', 'data-manager': m.manager ?? '' },
        h('h3', {}, this.#managerName(m)),
        h('p', { class: 'manager-summary' }, bt(L, 'managerSummary', {
          clients: countOf(L, m.clients, 'client'), capacity: cap, mean: formatNumber(L, mean), max,
          over: m.overloads.length, moves: countOf(L, m.moves.length, 'move'),
        })),
        chart, overloads, moves);
    });
    return h('div', { class: 'load-view' }, h('p', { class: 'help muted' }, bt(L, 'loadHelp')), sections);
  }

  #onBarKey(e, mi, chart) {
    const bars = [...chart.querySelectorAll('.bar')];
    const i = bars.indexOf(e.target);
    if (i < 0) return;
    const to = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: bars.length - 1 }[e.key];
    if (to === undefined) return;
    e.preventDefault();
    const next = bars[Math.max(0, Math.min(bars.length - 1, to))];
    bars[i].tabIndex = -1;
    next.tabIndex = 0;
    next.focus();
    next.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
    this.#loadFocus.set(mi, next.dataset.date);
  }

  // Клиенты: each client's next touch and touch count, or its error.
  #clientsView() {
    const L = this.#locale;
    const book = this.#book;
    const from = book.horizon.from;
    const row = (c, ci) => {
      const segment = this.#inputClient(ci).segment;
      const manager = c.manager === undefined || c.manager === null ? bt(L, 'noManager') : c.manager;
      if (c.errors) {
        const e = c.errors[0];
        const where = fieldLabel(L, String(e.path ?? '').replace(/^clients\[\d+\]/, 'client'));
        const { name } = this.#inputClient(ci);
        return h('tr', { 'data-client': c.id, class: 'failed-row' },
          h('td', {}, typeof name === 'string' && name ? name : this.#clientName(c)), h('td', {}, manager), h('td', {}, typeof segment === 'string' ? segment : ''),
          h('td', { class: 'failed', colspan: '2', part: 'client-error' }, bt(L, 'inputError', { message: `${where ? `${where}: ` : ''}${e.message}` })));
      }
      const ti = c.touches.findIndex((t) => t.date >= from && !t.automated);
      const t = c.touches[ti];
      const next = t
        ? h('button', { class: 'link item-link', type: 'button', 'data-touch': `${ci}|${ti}`, 'aria-current': String(this.#selected === `${ci}|${ti}`), onclick: () => this.#select(ci, ti) },
          `${formatDate(L, t.date)} · ${touchKindLabel(L, t)} · ${channelLabel(L, t.channel)}`)
        : bt(L, 'none');
      return h('tr', { 'data-client': c.id },
        h('td', {}, this.#clientName(c)), h('td', {}, manager), h('td', {}, typeof segment === 'string' ? segment : ''),
        h('td', {}, next), h('td', { class: 'num' }, formatNumber(L, c.touches.length)));
    };
    return h('div', { class: 'table-wrap' }, h('table', { class: 'clients', part: 'clients-table' },
      h('thead', {}, h('tr', {}, ['client', 'manager', 'segment', 'nextTouch', 'count'].map((k) => h('th', { scope: 'col', class: k === 'count' ? 'num' : null }, bt(L, k))))),
      this.#sliced(h('tbody', {}), book.clients, row)));
  }

  // A long list is built in slices of SLICE items, the first at once, each
  // next in a task of its own, so that no task of the page's is long (a day
  // of 700 touches took one of 230 ms); a new render drops the rest.
  #sliced(parent, list, make) {
    const run = this.#renderRun;
    const add = (from) => parent.append(...list.slice(from, from + SLICE).map((x, i) => make(x, from + i)));
    add(0);
    const next = (from) => {
      if (run !== this.#renderRun || from >= list.length) return;
      add(from);
      setTimeout(next, 0, from + SLICE);
    };
    if (list.length > SLICE) setTimeout(next, 0, SLICE);
    return parent;
  }
}

/** An error of the element's own (not the engine's), shaped like a `TouchPlanError`. */
function widgetError(locale, code, path, vars) {
  const error = new Error(bookErrorMessage(locale, code, vars));
  error.name = 'TouchPlanBookError';
  Object.assign(error, { code, path, vars, errors: [{ code, path, message: error.message }] });
  return error;
}
