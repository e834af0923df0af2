// The book's exports: a day's agenda or the whole book as CSV and
// iCalendar, made by the API's own toCsv and toIcs (the exports' wasm part:
// CSV quoting and formula escaping, ICS escaping, folding and UIDs live
// there and only there). Each client's compact book plan is turned back
// into the `Plan` those take (bookPlan); the book's CSV then gets a
// manager column, whose cell the engine escapes too (a one-row plan whose
// client is the manager). Pure: no DOM; `api` is www/api.js, initialised
// with its exports. The element and tests/node/book-export.test.mjs use it.

const TEXTS = {
  ru: { manager: 'Менеджер', client: 'Клиент', noManager: 'Без менеджера', agenda: 'Повестка', book: 'Книга клиентов' },
  en: { manager: 'Manager', client: 'Client', noManager: 'No manager', agenda: 'Agenda', book: 'Client book' },
};
const text = (locale) => TEXTS[locale] ?? TEXTS.ru;

// A few milliseconds of work, then the page gets the thread back.
const SLICE_MS = 8;
function nextTask() {
  if (typeof globalThis.scheduler?.yield === 'function') return globalThis.scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}
const now = () => globalThis.performance?.now() ?? Date.now();

/**
 * A book touch as a plan's `Touch`: `why` and reasons in words again
 * (the first `reasons` of them, default all).
 */
export function planTouch(book, t, reasons = Infinity) {
  const { why, reasons: ranked, automated, ...rest } = t;
  return {
    ...rest,
    automated: !!automated,
    why: book.whys[why] ?? '',
    reasons: ranked.slice(0, reasons).map(([code, score]) => ({ code, score, title: book.reasons[code]?.title ?? code, hint: book.reasons[code]?.hint ?? '', why: '' })),
  };
}

/**
 * Client `ci` of `book` as the `Plan` toCsv and toIcs take, with `touches`
 * (book touches; default all of the client's); `null` for a client that
 * failed.
 */
export function bookPlan(book, ci, touches) {
  const c = book.clients[ci];
  if (!c?.touches) return null;
  return {
    clientId: c.id,
    ...(c.name !== undefined && { clientName: c.name }),
    horizon: book.horizon,
    touches: (touches ?? c.touches).map((t) => planTouch(book, t)),
    summary: c.summary,
    warnings: c.warnings ?? [],
    locale: book.locale,
  };
}

/**
 * What an export holds, in order: `{ client, touches }` items (`client`
 * indexes `book.clients`). `scope: 'book'`: every planned client, in the
 * book's order, all its touches. `scope: 'day'`: the manager's personal
 * touches of `day`, in `order` (a compare function of `{ client, touch }`,
 * the agenda's), one item per touch, or per client with `perClient`.
 */
export function exportItems(book, { scope = 'book', day, order, perClient = false } = {}) {
  if (scope !== 'day') {
    return book.clients.flatMap((c, client) => (c.touches ? [{ client, touches: c.touches }] : []));
  }
  const picked = [];
  book.clients.forEach((c, client) => {
    for (const touch of c.touches ?? []) if (touch.date === day && !touch.automated) picked.push({ client, touch });
  });
  if (order) picked.sort(order);
  if (!perClient) return picked.map(({ client, touch }) => ({ client, touches: [touch] }));
  const byClient = new Map();
  for (const { client, touch } of picked) {
    if (!byClient.has(client)) byClient.set(client, []);
    byClient.get(client).push(touch);
  }
  return [...byClient].map(([client, touches]) => ({ client, touches }));
}

// The end of the CSV field starting at `i`: after its closing quote, or
// at the next separator or line end.
function fieldEnd(csv, i, sep) {
  if (csv[i] === '"') {
    for (let j = i + 1; ; j += 2) {
      j = csv.indexOf('"', j);
      if (j < 0) return csv.length;
      if (csv[j + 1] !== '"') return j + 1;
    }
  }
  const a = csv.indexOf(sep, i);
  const b = csv.indexOf('\r\n', i);
  return Math.min(a < 0 ? csv.length : a, b < 0 ? csv.length : b);
}

/** The rows of RFC 4180 text as `[firstField, rest]` (rest from the separator on), line ends dropped. */
export function csvRows(csv, sep) {
  const rows = [];
  let start = csv.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (start < csv.length) {
    const first = fieldEnd(csv, start, sep);
    let i = first;
    while (csv[i] === sep) i = fieldEnd(csv, i + 1, sep);
    rows.push([csv.slice(start, first), csv.slice(first, i)]);
    start = i + 2; // CRLF
  }
  return rows;
}

// What crosses into the engine is read value by value (about 0.1 ms a
// touch here), so an export hands over only what it prints: no summary
// or warnings (they are not exported), and for the CSV the first reason.
function exportPlan(book, ci, touches, reasons) {
  const c = book.clients[ci];
  return emptyPlan(book, {
    clientId: c.id,
    ...(c.name !== undefined && { clientName: c.name }),
    touches: touches.map((t) => planTouch(book, t, reasons)),
  });
}

/** A plan of the book's horizon and locale with no touches (`extra` added). */
function emptyPlan(book, extra = {}) {
  return {
    clientId: 'book', horizon: book.horizon, locale: book.locale, warnings: [], touches: [],
    summary: { total: 0, byKind: {}, byMonth: [], perCycle: { cycleDays: 0, mandatory: 0, standard: 0, need: 0, total: 0, automated: 0 }, standardToMandatory: null, avgGapDays: null, maxGapDays: null },
    ...extra,
  };
}

/** `value` as one CSV cell, escaped by the engine's own toCsv (the Client column of a one-row plan). */
function engineCell(api, book, value, sep) {
  const plan = emptyPlan(book, {
    clientName: value,
    touches: [{ date: book.horizon.from, kind: 'standard', channel: 'phone', automated: false, rule: '', why: '', reasons: [] }],
  });
  return csvRows(api.toCsv(plan, { separator: sep }), sep)[1][0];
}

/**
 * The items as one CSV: the engine's columns with the manager's beside
 * the client's (`Клиент;Менеджер;Дата;…`) and `manager` last among the
 * machines' columns; one row per touch. `options`: `separator` (`,` `;`
 * tab), `bom`; Russian defaults to `;` with a byte-order mark, as
 * <touch-plan>'s export does.
 */
export async function bookCsv(api, book, items, options = {}) {
  const spreadsheet = book.locale === 'ru' ? { separator: ';', bom: true } : { separator: ',', bom: false };
  const { separator: sep, bom } = { ...spreadsheet, ...options };
  const T = text(book.locale);
  const cells = new Map();
  const managerCell = (m) => {
    const name = m ?? T.noManager;
    if (!cells.has(name)) cells.set(name, engineCell(api, book, name, sep));
    return cells.get(name);
  };
  // The header: the engine's, with the manager's two columns.
  const [[first, rest]] = csvRows(api.toCsv(emptyPlan(book), { separator: sep }), sep);
  const out = [`${bom ? '\ufeff' : ''}${first}${sep}${engineCell(api, book, T.manager, sep)}${rest}${sep}manager\r\n`];
  let slice = now();
  for (const { client, touches } of items) {
    const m = managerCell(book.clients[client].manager ?? null);
    const rows = csvRows(api.toCsv(exportPlan(book, client, touches, 1), { separator: sep }), sep);
    for (let r = 1; r < rows.length; r++) out.push(`${rows[r][0]}${sep}${m}${rows[r][1]}${sep}${m}\r\n`);
    if (now() - slice > SLICE_MS) {
      await nextTask();
      slice = now();
    }
  }
  return out.join('');
}

/**
 * The items as one iCalendar file: one all-day VEVENT per touch, the
 * engine's (UIDs from the client id, date and kind: unique across
 * clients; a client id met twice is told apart by its place in the book).
 * SUMMARY names the client (`Звонок…: ООО «Альфа» · reason`), DESCRIPTION
 * starts with the client and the manager.
 */
export async function bookIcs(api, book, items, { calendarName } = {}) {
  const T = text(book.locale);
  const head = api.toIcs(emptyPlan(book), { calendarName: calendarName ?? T.book });
  const out = [head.slice(0, head.lastIndexOf('END:VCALENDAR'))];
  const ids = new Map();
  let slice = now();
  for (const { client, touches } of items) {
    const c = book.clients[client];
    const plan = exportPlan(book, client, touches);
    const seen = ids.get(c.id);
    if (seen !== undefined && seen !== client) plan.clientId = `${c.id}#${client}`;
    else ids.set(c.id, client);
    const name = c.name || c.id;
    const who = `${T.client}: ${name}\n${T.manager}: ${c.manager ?? T.noManager}\n\n`;
    for (const t of plan.touches) {
      t.why = who + t.why;
      if (t.reasons[0]) t.reasons[0] = { ...t.reasons[0], title: `${name} · ${t.reasons[0].title}` };
    }
    const ics = api.toIcs(plan);
    const from = ics.indexOf('BEGIN:VEVENT');
    if (from >= 0) out.push(ics.slice(from, ics.lastIndexOf('END:VCALENDAR')));
    if (now() - slice > SLICE_MS) {
      await nextTask();
      slice = now();
    }
  }
  out.push('END:VCALENDAR\r\n');
  return out.join('');
}
