// The «Книга клиентов» page (index.html): a CSV client list (a file, dropped
// or chosen, pasted text, or the shipped sample) → the column mapping with
// a preview of the rows as they will be read and the rows that cannot be →
// <touch-plan-book> with the clients. Everything stays in the browser: the
// only requests are the page's own files (the sample among them).
// The hash keeps the language and the plan date: `#lang=en&today=2026-11-24`.

import { FIELDS, decodeBytes, fieldLabel, guessMapping, parseCsv, readClients, rowErrorText } from './csv-import.js';
import { readRow } from './csv-fields.js';
import { bt, rowsCount } from './book-i18n.js';
import { formatDate, localeOf } from '../widget/touch-plan-i18n.js';

const PREVIEW_ROWS = 8;
const ERRORS_SHOWN = 50;
const SAMPLE = 'sample-200.csv';

const $ = (id) => document.getElementById(id);
const ui = {
  langButtons: [...document.querySelectorAll('[data-lang]')],
  calculatorLink: $('calculator-link'), template: $('template'),
  drop: $('drop'), file: $('file'), paste: $('paste'), pasteRead: $('paste-read'), sample: $('sample'),
  readError: $('read-error'),
  stepSource: $('step-source'), stepMap: $('step-map'), stepBook: $('step-book'),
  fileInfo: $('file-info'), encoding: $('encoding'), delimiter: $('delimiter'),
  mapping: $('mapping'), preview: $('preview'), summary: $('summary'),
  rowErrors: $('row-errors'), rowErrorList: $('row-error-list'), import: $('import'),
  capacity: $('capacity'), ownCapacities: $('own-capacities'), ownCapacityList: $('own-capacity-list'), today: $('today'), back: $('back'), importResult: $('import-result'), book: $('book'),
};

const hash = new URLSearchParams(location.hash.replace(/^#/, ''));
const state = {
  lang: localeOf(hash.get('lang')) ?? 'ru',
  today: /^\d{4}-\d{2}-\d{2}$/.test(hash.get('today') ?? '') ? hash.get('today') : localToday(),
  /** { name, bytes } or { name, text } */
  source: null,
  encoding: 'auto',
  delimiter: '',
  decoded: null,
  parsed: null,
  mapping: {},
  result: null,
};

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
    else el.setAttribute(name, value === true ? '' : String(value));
  }
  el.append(...children.flat().filter((c) => c !== null && c !== undefined && c !== false));
  return el;
}

// ---- the source -------------------------------------------------------

function load(source) {
  state.source = source;
  state.encoding = 'auto';
  state.delimiter = '';
  ui.readError.hidden = true;
  parse({ guess: true });
  showStep('map');
}

function parse({ guess }) {
  const { source } = state;
  state.decoded = source.text !== undefined ? { text: source.text, encoding: 'utf-8' } : decodeBytes(source.bytes, state.encoding);
  if (state.encoding === 'auto') state.detected = state.decoded.encoding;
  state.parsed = parseCsv(state.decoded.text, { delimiter: state.delimiter || undefined });
  if (guess) state.mapping = guessMapping(state.parsed.headers);
  read();
}

function read() {
  state.result = readClients(state.parsed, state.mapping);
  renderMap();
}

async function loadFile(file) {
  try {
    load({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
  } catch (e) {
    showReadError(e);
  }
}

function showReadError(e) {
  ui.readError.textContent = bt(state.lang, 'readFailed', { detail: e?.message ?? String(e) });
  ui.readError.hidden = false;
}

ui.file.addEventListener('change', () => {
  if (ui.file.files[0]) loadFile(ui.file.files[0]);
  ui.file.value = '';
});
// A file dropped anywhere on the page is read, never opened by the browser.
for (const type of ['dragenter', 'dragover']) {
  document.addEventListener(type, (e) => {
    e.preventDefault();
    ui.drop.classList.add('over');
  });
}
document.addEventListener('dragleave', (e) => {
  if (!e.relatedTarget) ui.drop.classList.remove('over');
});
document.addEventListener('drop', (e) => {
  e.preventDefault();
  ui.drop.classList.remove('over');
  const file = e.dataTransfer?.files?.[0];
  if (file) loadFile(file);
});
ui.pasteRead.addEventListener('click', () => {
  if (ui.paste.value.trim()) load({ name: bt(state.lang, 'pasteLabel'), text: ui.paste.value });
});
ui.sample.addEventListener('click', async () => {
  try {
    const response = await fetch(SAMPLE);
    if (!response.ok) throw new Error(`${SAMPLE}: HTTP ${response.status}`);
    load({ name: SAMPLE, bytes: new Uint8Array(await response.arrayBuffer()) });
  } catch (e) {
    showReadError(e);
  }
});

// ---- the mapping step -------------------------------------------------

ui.encoding.addEventListener('change', () => {
  state.encoding = ui.encoding.value;
  parse({ guess: true });
});
ui.delimiter.addEventListener('change', () => {
  state.delimiter = ui.delimiter.value;
  parse({ guess: true });
});
ui.mapping.addEventListener('change', (e) => {
  const field = e.target?.dataset?.field;
  if (!field) return;
  if (e.target.value === '') delete state.mapping[field];
  else state.mapping[field] = Number(e.target.value);
  read();
});

function renderMap() {
  if (!state.parsed) return;
  const L = state.lang;
  const { parsed, result } = state;
  const encodingName = (enc) => (enc === 'windows-1251' ? 'Windows-1251' : enc.toUpperCase());
  ui.fileInfo.textContent = bt(L, 'fileInfo', {
    file: state.source.name,
    rows: rowsCount(L, parsed.rows.filter((r) => r.cells.some((c) => c.trim())).length),
    encoding: state.source.text !== undefined ? 'UTF-8' : encodingName(state.decoded.encoding),
    delimiter: bt(L, 'delimiters')[parsed.delimiter] ?? parsed.delimiter,
  });

  const bytes = state.source.text === undefined;
  ui.encoding.disabled = !bytes;
  ui.encoding.replaceChildren(
    new Option(bt(L, 'encodingAuto', { found: encodingName(state.detected ?? 'utf-8') }), 'auto'),
    new Option('UTF-8', 'utf-8'),
    new Option('Windows-1251', 'windows-1251'),
  );
  ui.encoding.value = state.encoding;
  const delimiters = bt(L, 'delimiters');
  ui.delimiter.replaceChildren(...Object.entries(delimiters).map(([d, label]) => new Option(label, d)));
  ui.delimiter.value = parsed.delimiter;

  ui.mapping.replaceChildren(...FIELDS.map((field) => {
    const id = `map-${field.key}`;
    const select = h('select', { id, 'data-field': field.key, 'aria-required': field.required ? 'true' : null });
    select.append(new Option(bt(L, 'notMapped'), ''));
    parsed.headers.forEach((header, i) => select.append(new Option(header || bt(L, 'column', { n: i + 1 }), String(i))));
    select.value = field.key in state.mapping ? String(state.mapping[field.key]) : '';
    return h('div', { class: 'map-field' },
      h('label', { for: id }, fieldLabel(L, field.key), field.required ? h('span', { class: 'required' }, ` (${bt(L, 'required')})`) : null),
      select);
  }));

  renderPreview();

  const noName = !('name' in state.mapping);
  ui.summary.textContent = noName ? bt(L, 'noName')
    : result.imported + result.skipped === 0 ? bt(L, 'noRows')
      : bt(L, 'summary', { imported: result.imported, skipped: result.skipped });
  ui.summary.classList.toggle('bad', noName || result.imported === 0);
  ui.rowErrors.hidden = noName || result.errors.length === 0;
  const shown = noName ? [] : result.errors.slice(0, ERRORS_SHOWN);
  ui.rowErrorList.replaceChildren(...shown.map((e) => h('li', { 'data-line': e.line }, rowErrorText(L, e.line, e))));
  if (!noName && result.errors.length > ERRORS_SHOWN) ui.rowErrorList.append(h('li', { class: 'muted' }, bt(L, 'moreErrors', { n: result.errors.length - ERRORS_SHOWN })));
  ui.import.disabled = noName || result.imported === 0;
}

const amountFormats = {};
function formatAmount(L, n) {
  amountFormats[L] ??= new Intl.NumberFormat(L, { maximumFractionDigits: 2 });
  return amountFormats[L].format(n);
}

const dayMonthFormats = {};
/** A yearless birthday `--05-12` as «12 мая» / "12 May". */
function formatDayMonth(L, b) {
  dayMonthFormats[L] ??= new Intl.DateTimeFormat(L === 'en' ? 'en-GB' : L, { day: 'numeric', month: 'long', timeZone: 'UTC' });
  return dayMonthFormats[L].format(new Date(Date.UTC(2000, Number(b.slice(2, 4)) - 1, Number(b.slice(5, 7)))));
}

function shownValue(L, key, client, raw) {
  switch (key) {
    case 'lastOrder': return client.orders ? formatDate(L, client.orders[0].date) : '';
    case 'amount': return client.orders?.[0].amount !== undefined ? formatAmount(L, client.orders[0].amount) : '';
    case 'contact': return client.contacts?.[0].name ?? '';
    case 'birthday': {
      const b = client.contacts?.[0].birthday;
      if (!b) return '';
      return b.startsWith('--') ? formatDayMonth(L, b) : formatDate(L, b);
    }
    case 'segment': return client.segment ?? '';
    case 'cycle': return client.orderCycleDays ? String(client.orderCycleDays) : '';
    case 'phone': case 'email': return raw;
    default: return client[key] ?? '';
  }
}

function renderPreview() {
  const L = state.lang;
  const fields = FIELDS.filter((f) => f.key in state.mapping);
  const head = h('tr', {}, h('th', { scope: 'col' }, bt(L, 'previewLine')),
    fields.map((f) => h('th', { scope: 'col' }, fieldLabel(L, f.key))), h('th', { scope: 'col' }, bt(L, 'previewProblem')));
  const rows = [];
  for (const { line, cells } of state.parsed.rows) {
    if (rows.length >= PREVIEW_ROWS) break;
    const row = readRow(cells, state.mapping, line);
    if (row.empty) continue;
    const raw = (key) => String(cells[state.mapping[key]] ?? '').replace(/\s+/g, ' ').trim();
    rows.push(h('tr', { class: row.client ? null : 'bad', 'data-line': line },
      h('td', {}, String(line)),
      fields.map((f) => h('td', {}, row.client ? shownValue(L, f.key, row.client, raw(f.key)) : raw(f.key))),
      h('td', {}, row.errors.map((e) => rowErrorText(L, line, e).replace(/^[^,]+, /, '')).join('; '))));
  }
  ui.preview.replaceChildren(h('thead', {}, head), h('tbody', {}, rows));
}

// ---- the book ---------------------------------------------------------

ui.import.addEventListener('click', () => {
  const { result } = state;
  if (!result || result.imported === 0) return;
  ui.importResult.textContent = bt(state.lang, 'summaryDone', { imported: result.imported, skipped: result.skipped });
  showStep('book');
  applySettings();
  renderOwnCapacities(result.clients);
  ui.book.today = state.today;
  ui.book.clients = result.clients;
});
ui.back.addEventListener('click', () => showStep('map'));
ui.capacity.addEventListener('change', applySettings);
ui.today.addEventListener('change', () => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(ui.today.value)) return;
  state.today = ui.today.value;
  ui.book.today = state.today;
  saveHash();
});

// Only a new capacity re-plans: a `change` on blur after one already
// applied (e.g. by the Enter key) would start a run that rebuilds the tabs
// under the click that caused the blur.
function applySettings() {
  const n = Number(ui.capacity.value);
  if (!Number.isInteger(n) || n < 1 || n > 200 || ui.book.settings?.managerDailyCapacity === n) return;
  ui.book.settings = { managerDailyCapacity: n };
  for (const input of ui.ownCapacityList.querySelectorAll('input[data-manager]')) input.placeholder = String(n);
}

// A manager's own capacity (R16): one number per manager of the imported
// clients; an empty one keeps the common capacity.
function renderOwnCapacities(clients) {
  const names = [...new Set(clients.map((c) => c.manager).filter((m) => typeof m === 'string' && m))]
    .sort((a, b) => a.localeCompare(b, state.lang));
  ui.ownCapacities.hidden = names.length === 0;
  ui.ownCapacityList.replaceChildren(...names.map((name) => {
    const input = h('input', { type: 'number', min: '1', max: '200', step: '1', 'data-manager': name, placeholder: ui.capacity.value });
    input.addEventListener('change', applyOwnCapacities);
    return h('label', {}, h('span', {}, name), input);
  }));
  applyOwnCapacities();
}

function applyOwnCapacities() {
  const managers = [];
  for (const input of ui.ownCapacityList.querySelectorAll('input[data-manager]')) {
    input.placeholder = ui.capacity.value;
    const n = Number(input.value);
    if (input.value !== '' && Number.isInteger(n) && n >= 1 && n <= 200) managers.push({ name: input.dataset.manager, capacity: n });
  }
  if (JSON.stringify(managers) !== JSON.stringify(ui.book.managers ?? [])) ui.book.managers = managers;
}

function showStep(step) {
  ui.stepSource.hidden = step === 'book';
  ui.stepMap.hidden = step !== 'map';
  ui.stepBook.hidden = step !== 'book';
  if (step === 'map') ui.stepMap.querySelector('h2').scrollIntoView?.({ block: 'nearest' });
}

// ---- the language -----------------------------------------------------

function saveHash() {
  const params = new URLSearchParams();
  if (state.lang !== 'ru') params.set('lang', state.lang);
  if (state.today !== localToday()) params.set('today', state.today);
  const text = params.toString();
  history.replaceState(null, '', text ? `#${text}` : location.pathname + location.search);
}

function renderTexts() {
  const L = state.lang;
  document.documentElement.lang = L;
  document.title = bt(L, 'pageTitle');
  for (const el of document.querySelectorAll('[data-t]')) el.textContent = bt(L, el.dataset.t);
  // The template in the page's language: Russian Excel's `;` and
  // dd.mm.yyyy, or English headers with `,` and yyyy-mm-dd.
  ui.template.href = L === 'en' ? 'template-en.csv' : 'template.csv';
  ui.template.download = L === 'en' ? 'touchplan-client-template.csv' : 'touchplan-shablon-klientov.csv';
  for (const el of document.querySelectorAll('[data-t-label]')) el.setAttribute('aria-label', bt(L, el.dataset.tLabel));
  for (const b of ui.langButtons) b.setAttribute('aria-pressed', String(b.dataset.lang === L));
  ui.calculatorLink.href = L === 'ru' ? '../calculator/' : `../calculator/#lang=${L}`;
  ui.book.setAttribute('lang', L);
  renderMap();
  if (state.result && !ui.stepBook.hidden) {
    ui.importResult.textContent = bt(L, 'summaryDone', { imported: state.result.imported, skipped: state.result.skipped });
  }
}

for (const button of ui.langButtons) {
  button.addEventListener('click', () => {
    if (state.lang === button.dataset.lang) return;
    state.lang = button.dataset.lang;
    saveHash();
    renderTexts();
  });
}

ui.today.value = state.today;
renderTexts();
