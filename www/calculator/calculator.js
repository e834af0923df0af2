// The standalone calculator page (index.html): a form for a PlanInput, the
// <touch-plan> widget showing its plan live, "why this many touches", and
// the printable year. The whole state lives in the URL's hash, so a plan
// can be bookmarked and shared and Back/Forward step through the edits.
//
// Data flow: URL hash ⇄ state { input, ui } → form (edits the state in
// place) → <touch-plan>.input → engine → plan → "why" panel, print view.

import init, { defaultSettings, reasonCatalog, version } from '../api.js';
import { TouchPlanElement } from '../widget/touch-plan.js';
import { CalculatorForm } from './calculator-form.js';
import { ct } from './calculator-i18n.js';
import { explainPlan, renderWhy, renderYear } from './calculator-why.js';
import { DEFAULT_PRESET, PRESETS } from './calculator-presets.js';
import { blankState, decodeState, encodeState, fitInput, newClientId, presetState } from './calculator-state.js';
import { fieldLabel, formatDate, localiseDates } from '../widget/touch-plan-i18n.js';

if (!customElements.get('touch-plan')) TouchPlanElement.define();

const $ = (id) => document.getElementById(id);
const ui = {
  fields: $('fields'),
  formErrors: $('form-errors'),
  widget: $('plan'),
  why: $('why'),
  year: $('print-year'),
  preset: $('preset'),
  presetNote: $('preset-note'),
  status: $('status'),
  linkNotice: $('link-notice'),
  langButtons: [...document.querySelectorAll('[data-lang]')],
  bookLink: $('book-link'),
};

let state = null;
let defaults = {};
const catalogs = {};
let plan = null;
let errors = [];
// True after a finished edit (a `change`): the next edit opens a new
// history entry; keystrokes in between only rewrite the current one.
let committed = true;

const form = new CalculatorForm(ui.fields, ({ commit, rerender }) => {
  state.ui.preset = '';
  if (rerender) renderForm();
  record(commit);
  ui.preset.value = '';
  ui.presetNote.textContent = '';
  planNow();
});

/** The local date `YYYY-MM-DD`. */
function localToday() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

// A new history entry after a finished edit, else the current one rewritten.
function record(commit) {
  const hash = encodeState(state);
  if (hash !== location.hash) {
    if (committed) history.pushState(null, '', hash);
    else history.replaceState(null, '', hash);
  }
  committed = commit;
}

function onHistory() {
  if (location.hash === encodeState(state)) return;
  const next = decodeState(location.hash);
  if (!next) return;
  fitInput(next.input);
  state = next;
  committed = true;
  applyState();
}

// ---- rendering -------------------------------------------------------------

function catalog(lang) {
  catalogs[lang] ??= reasonCatalog(lang);
  return catalogs[lang];
}

function renderForm() {
  form.render(state, { locale: state.ui.lang, defaults, catalog: catalog(state.ui.lang) });
  showErrors();
}

function renderStatic() {
  const lang = state.ui.lang;
  document.documentElement.lang = lang;
  document.title = ct(lang, 'pageTitle');
  const vars = { version: version() };
  for (const el of document.querySelectorAll('[data-t]')) el.textContent = ct(lang, el.dataset.t, vars);
  for (const el of document.querySelectorAll('[data-t-label]')) el.setAttribute('aria-label', ct(lang, el.dataset.tLabel));
  for (const b of ui.langButtons) b.setAttribute('aria-pressed', String(b.dataset.lang === lang));
  ui.bookLink.href = lang === 'ru' ? '../book/' : `../book/#lang=${lang}`;
  ui.preset.replaceChildren(
    new Option(ct(lang, 'presetNone'), ''),
    ...PRESETS.map((p) => new Option(p.label[lang], p.id)));
  ui.preset.value = state.ui.preset;
  const preset = PRESETS.find((p) => p.id === state.ui.preset);
  ui.presetNote.textContent = preset ? preset.note[lang] : '';
}

function applyState() {
  renderStatic();
  renderForm();
  planNow();
}

function planNow() {
  ui.widget.setAttribute('lang', state.ui.lang);
  ui.widget.input = structuredClone(state.input);
}

function showErrors() {
  const lang = state.ui.lang;
  const unplaced = form.showErrors(errors);
  ui.formErrors.hidden = errors.length === 0;
  ui.formErrors.replaceChildren();
  if (!errors.length) return;
  const items = unplaced.map((e) => {
    const li = document.createElement('li');
    const message = localiseDates(lang, e.message);
    li.textContent = e.path ? `${fieldLabel(lang, e.path)}: ${message}` : message;
    return li;
  });
  const head = document.createElement('p');
  head.textContent = ct(lang, 'formInvalid');
  const list = document.createElement('ul');
  list.append(...items);
  ui.formErrors.append(head, ...(items.length ? [list] : []));
}

function showPlan() {
  const lang = state.ui.lang;
  renderWhy(ui.why, lang, plan ? explainPlan(plan, state.input, defaults) : null);
  renderYear(ui.year, lang, plan, state.input.client?.name || state.input.client?.id || '');
}

ui.widget.addEventListener('touchplan-change', (e) => {
  plan = e.detail;
  errors = [];
  showErrors();
  showPlan();
});

ui.widget.addEventListener('touchplan-error', (e) => {
  plan = null;
  errors = e.detail.errors ?? [{ code: e.detail.code, path: e.detail.path, message: e.detail.message }];
  showErrors();
  showPlan();
});

// ---- page controls -----------------------------------------------------

ui.preset.addEventListener('change', () => {
  const id = ui.preset.value;
  const today = /^\d{4}-\d{2}-\d{2}$/.test(state.input.today ?? '') ? state.input.today : localToday();
  // "Your own client": a blank form with a made-up id, ready to fill in.
  state = id ? presetState(id, today, state.ui.lang) : blankState(today, state.ui.lang);
  hideLinkNotice();
  committed = true;
  record(true);
  applyState();
});

for (const button of ui.langButtons) {
  button.addEventListener('click', () => {
    if (state.ui.lang === button.dataset.lang) return;
    state.ui.lang = button.dataset.lang;
    committed = true;
    record(true);
    applyState();
  });
}

$('print').addEventListener('click', () => window.print());

$('copy-link').addEventListener('click', async () => {
  const lang = state.ui.lang;
  try {
    await navigator.clipboard.writeText(location.href);
    ui.status.textContent = ct(lang, 'linkCopied');
  } catch {
    ui.status.textContent = ct(lang, 'linkHint');
  }
});

$('form').addEventListener('submit', (e) => e.preventDefault());
window.addEventListener('popstate', onHistory);
window.addEventListener('hashchange', onHistory);

// What a shared link needs saying: values of the wrong type left out, and
// a "today" already past (the plan is stale), with a one-click fix.
function showLinkNotice(dropped, linkToday) {
  const lang = state.ui.lang;
  const lines = [];
  if (dropped.length) {
    const fields = [...new Set(dropped.map((path) => fieldLabel(lang, path)))].join(', ');
    lines.push(h('p', { 'data-notice': 'dropped' }, ct(lang, 'badLinkFields', { fields })));
  }
  const today = localToday();
  if (/^\d{4}-\d{2}-\d{2}$/.test(linkToday ?? '') && linkToday < today) {
    const button = h('button', { type: 'button', id: 'plan-from-today' }, ct(lang, 'planFromToday'));
    button.addEventListener('click', () => {
      state.input.today = today;
      hideLinkNotice();
      committed = true;
      record(true);
      applyState();
    });
    lines.push(h('p', { 'data-notice': 'stale' }, ct(lang, 'staleToday', { date: formatDate(lang, linkToday) }), ' ', button));
  }
  ui.linkNotice.replaceChildren(...lines);
  ui.linkNotice.hidden = lines.length === 0;
}

function hideLinkNotice() {
  ui.linkNotice.hidden = true;
  ui.linkNotice.replaceChildren();
}

function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  el.append(...children);
  return el;
}

// ---- start -----------------------------------------------------------------

// Not the book's part (planBook): the calculator plans no book.
await init({ book: false });
defaults = defaultSettings();
state = decodeState(location.hash);
const dropped = state ? fitInput(state.input) : [];
if (state && typeof state.input.client?.id !== 'string') state.input.client.id = newClientId();
// A broken link stays one step back in the history, and the user is told.
const broken = !state && location.hash.length > 1;
const fromLink = state !== null;
state ??= presetState(DEFAULT_PRESET, localToday(), 'ru');
if (broken) history.pushState(null, '', encodeState(state));
else history.replaceState(null, '', encodeState(state));
applyState();
if (broken) ui.status.textContent = ct(state.ui.lang, 'brokenLink');
if (fromLink) showLinkNotice(dropped, state.input.today);
document.body.dataset.ready = 'true';
