// The JS API module (pkg/touchplan.js, wasm-bindgen --target web) in Node:
// loaded with initSync and the wasm bytes from disk, as CONTRACT.md says
// it must work. The exports are checked against an independent iCalendar
// parser (ical.js) and an RFC 4180 reader written here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';

import * as touchplan from '../../www/pkg/touchplan.js';

// RFC 7986 NAME and the de-facto X-WR-CALNAME hold TEXT; ical.js does not
// know them and would return them still escaped.
ICAL.design.icalendar.property.name = { defaultType: 'text' };
ICAL.design.icalendar.property['x-wr-calname'] = { defaultType: 'text' };

const wasm = readFileSync(new URL('../../www/pkg/touchplan_bg.wasm', import.meta.url));
touchplan.initSync({ module: wasm });

const TYPICAL = { today: '2026-11-24', client: { id: 'c1', orders: [{ date: '2026-10-01' }] } };
const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** A plan as plan() returns it, written by hand: texts with everything
 * that needs escaping, Cyrillic long enough to fold, two touches of one
 * kind on one day. */
function handMadePlan(locale = 'ru') {
  const reason = (code, title) => ({ code, title, hint: 'Подсказка; с запятой, и \\ слэшем', score: 0.9, why: 'Потому что' });
  const touch = (date, kind, title, extra = {}) => ({
    date, kind, channel: 'phone', automated: false, rule: 'R2',
    why: 'Клиент получил заказ, стоит узнать, всё ли в порядке.\nВторая строка.',
    reasons: [reason('shipment', title), reason('market_analytics', 'Аналитика рынка')],
    ...extra,
  });
  return {
    clientId: 'ООО "Ромашка", филиал №1',
    horizon: { from: '2026-11-24', to: '2027-11-23' },
    touches: [
      touch('2026-11-30', 'mandatory', 'Отгрузка'),
      touch('2026-12-31', 'greeting', 'С Новым годом, коллеги; до встречи!', { contact: 'Анна', role: 'decision_maker' }),
      touch('2026-12-31', 'greeting', 'Поздравление для отдела закупок'.repeat(3), { notes: ['Акция до 10.01', 'Заморозка'] }),
      touch('2027-02-28', 'check', 'Проверка', { automated: true, movedFrom: '2027-02-27', purposes: ['check', 'need'] }),
    ],
    summary: {
      total: 4, byKind: { mandatory: 1, greeting: 2, check: 1 }, byMonth: [],
      perCycle: { cycleDays: 30, mandatory: 1, standard: 0, need: 0, total: 4, automated: 1 },
      standardToMandatory: null, avgGapDays: null, maxGapDays: null,
    },
    warnings: [],
    locale,
  };
}

function parseIcs(ics) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  return calendar.getAllSubcomponents('vevent').map((c) => ({ component: c, event: new ICAL.Event(c) }));
}

/** Every touch comes back from the .ics with its date (all-day, one day
 * long) and a summary naming its first reason. */
function assertIcsRoundTrip(plan, ics) {
  for (const line of ics.split('\r\n')) {
    assert.ok(Buffer.byteLength(line) <= 75, `line over 75 octets: ${line}`);
  }
  assert.ok(!/[^\r]\n/.test(ics), 'bare LF');
  const events = parseIcs(ics);
  assert.equal(events.length, plan.touches.length);
  const uids = new Set();
  events.forEach(({ event, component }, i) => {
    const touch = plan.touches[i];
    assert.equal(event.startDate.toString(), touch.date);
    assert.ok(event.startDate.isDate, 'all-day');
    const next = new Date(`${touch.date}T00:00:00Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    assert.equal(event.endDate.toString(), next.toISOString().slice(0, 10));
    assert.ok(event.summary.endsWith(`: ${touch.reasons[0].title}`), event.summary);
    assert.ok(event.description.startsWith(touch.why), event.description);
    assert.equal(component.getFirstPropertyValue('dtstamp').toString(), `${plan.horizon.from}T00:00:00Z`);
    uids.add(event.uid);
  });
  assert.equal(uids.size, events.length, 'UIDs are unique');
}

/** RFC 4180 reader: quoted fields, doubled quotes, CRLF records. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\r' && text[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i++; }
    else field += c;
  }
  assert.equal(field, '', 'the last record ends in CRLF');
  return rows;
}

test('version() is the crate version', () => {
  const cargo = readFileSync(new URL('../../Cargo.toml', import.meta.url), 'utf8');
  assert.equal(touchplan.version(), cargo.match(/^version = "(.+)"$/m)[1]);
});

test('plan() returns the contract shape for a typical client', () => {
  const plan = touchplan.plan(TYPICAL);
  assert.equal(plan.clientId, 'c1');
  assert.equal(plan.horizon.from, '2026-11-24');
  assert.match(plan.horizon.to, ISO);
  assert.ok(plan.touches.length > 0);
  const dates = plan.touches.map((t) => t.date);
  assert.ok(dates.every((d) => ISO.test(d)), String(dates));
  assert.deepEqual(dates, [...dates].sort());
  for (const t of plan.touches) {
    assert.ok(t.reasons.length >= 1);
    assert.equal(typeof t.why, 'string');
    assert.match(t.rule, /^R\d+/);
  }
  assert.equal(plan.summary.total, plan.touches.length);
  assert.equal(JSON.stringify(touchplan.plan(TYPICAL)), JSON.stringify(plan), 'pure');
});

test('bad input throws one TouchPlanError with every problem', () => {
  assert.throws(
    () => touchplan.plan({ today: '2026-13-45', locale: 'en', client: {} }),
    (e) => {
      assert.ok(e instanceof Error);
      assert.equal(e.name, 'TouchPlanError');
      assert.equal(e.code, e.errors[0].code);
      assert.equal(e.path, e.errors[0].path);
      assert.equal(e.message, e.errors[0].message);
      const found = e.errors.map((x) => `${x.code} ${x.path}`);
      assert.ok(found.includes('invalid_date today'), String(found));
      assert.ok(found.includes('missing_field client.id'), String(found));
      return true;
    },
  );
});

test('planMany() fails a bad input alone', () => {
  const bad = { today: '2026-11-24', client: { id: 'c2', orders: [{ date: 'nope' }] } };
  const [a, b, c] = touchplan.planMany([TYPICAL, bad, TYPICAL]);
  assert.equal(a.clientId, 'c1');
  assert.equal(c.clientId, 'c1');
  assert.ok(b.error instanceof Error);
  assert.equal(b.error.name, 'TouchPlanError');
  assert.equal(b.error.path, 'client.orders[0].date');
  assert.throws(() => touchplan.planMany(TYPICAL), { name: 'TouchPlanError', code: 'invalid_type' });
  assert.throws(() => touchplan.planMany(new Array(20_001).fill(null)), { name: 'TouchPlanError', code: 'too_many' });
});

test('planBook() works right after initSync: the book part is read from beside pkg/touchplan.js (issue 18)', () => {
  const b = touchplan.planBook({ today: '2026-11-24', clients: [TYPICAL.client] });
  assert.equal(b.clients[0].id, 'c1');
  assert.equal(b.clients[0].touches.length, touchplan.plan(TYPICAL).touches.length);
});

test('reasonCatalog() in Russian by default and in English', () => {
  const ru = touchplan.reasonCatalog();
  const en = touchplan.reasonCatalog('en');
  assert.ok(ru.length > 0);
  assert.deepEqual(ru.map((r) => r.code), en.map((r) => r.code));
  assert.deepEqual(touchplan.reasonCatalog('ru'), ru);
  assert.throws(() => touchplan.reasonCatalog('de'), { name: 'TouchPlanError', code: 'unknown_value', path: 'locale' });
});

test('toIcs() of a hand-made plan parses in ical.js and round-trips', () => {
  const plan = handMadePlan();
  const ics = touchplan.toIcs(plan, { calendarName: 'Клиенты; группа А, Москва' });
  assertIcsRoundTrip(plan, ics);
  const calendar = new ICAL.Component(ICAL.parse(ics));
  assert.equal(calendar.getFirstPropertyValue('x-wr-calname'), 'Клиенты; группа А, Москва');
  assert.equal(calendar.getFirstPropertyValue('name'), 'Клиенты; группа А, Москва');
  const [first, second] = parseIcs(ics).map((e) => e.event);
  assert.equal(first.summary, 'Обязательное: Отгрузка');
  assert.equal(second.summary, 'Поздравление: С Новым годом, коллеги; до встречи!');
  assert.match(second.description, /Контакт: Анна \(ЛПР\)/);
  assert.match(second.description, /в порядке\.\nВторая строка\./);
  const en = parseIcs(touchplan.toIcs(handMadePlan('en'))).map((e) => e.event);
  assert.equal(en[0].summary, 'Mandatory: Отгрузка');
});

test('toIcs() UIDs are stable across re-exports', () => {
  const uids = (ics) => parseIcs(ics).map((e) => e.event.uid);
  const plan = handMadePlan();
  const renamed = handMadePlan();
  renamed.touches[0].reasons[0].title = 'Другой повод';
  assert.deepEqual(uids(touchplan.toIcs(plan)), uids(touchplan.toIcs(renamed)));
});

test('toIcs() of a real plan round-trips every touch', () => {
  for (const locale of ['ru', 'en']) {
    const plan = touchplan.plan({ ...TYPICAL, locale });
    assertIcsRoundTrip(plan, touchplan.toIcs(plan));
  }
});

test('toCsv() is RFC 4180 with a header row', () => {
  const plan = handMadePlan();
  const rows = parseCsv(touchplan.toCsv(plan));
  assert.deepEqual(rows[0].slice(0, 4), ['Клиент', 'Дата', 'Вид касания', 'Канал']);
  assert.deepEqual(rows[0].slice(-11, -7), ['client_id', 'date', 'kind', 'channel']);
  assert.equal(rows.length, plan.touches.length + 1);
  const header = rows[0];
  rows.slice(1).forEach((row, i) => {
    const record = Object.fromEntries(header.map((h, j) => [h, row[j]]));
    const touch = plan.touches[i];
    assert.equal(row.length, header.length);
    assert.equal(record.client_id, plan.clientId);
    assert.equal(record.date, touch.date);
    assert.equal(record.kind, touch.kind);
    assert.equal(record['Повод'], touch.reasons[0].title);
    assert.equal(record['Зачем'], touch.why);
  });
});

test('toCsv() of a real plan has one record per touch', () => {
  const plan = touchplan.plan(TYPICAL);
  const rows = parseCsv(touchplan.toCsv(plan));
  assert.equal(rows.length, plan.touches.length + 1);
  const date = rows[0].indexOf('date');
  assert.deepEqual(rows.slice(1).map((r) => r[date]), plan.touches.map((t) => t.date));
});

test('exports reject what is not a plan', () => {
  assert.throws(() => touchplan.toIcs({ touches: 3 }), { name: 'TouchPlanError', code: 'invalid_type', path: 'plan' });
  assert.throws(() => touchplan.toCsv(null), { name: 'TouchPlanError', code: 'invalid_type', path: 'plan' });
});
