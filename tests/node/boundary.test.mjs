// The wasm boundary against hostile input (issue 15, items 6, 7, 9, 10, 11):
// what JSON cannot hold is refused at its path in the input's locale,
// never silently taken as absent, never a trap or a leak of the wasm stack.
// Against the bare pkg/touchplan.js, which must be safe on its own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

import * as touchplan from '../../www/pkg/touchplan.js';

touchplan.initSync({ module: readFileSync(new URL('../../www/pkg/touchplan_bg.wasm', import.meta.url)) });

const TODAY = '2026-11-24';
const input = (client = {}, extra = {}) => ({
  today: TODAY, locale: 'en', ...extra,
  client: { id: 'c1', orders: [{ date: '2026-10-01', amount: 100 }], ...client },
});

/** The TouchPlanError `plan(value)` throws (fails when it plans). */
function errorOf(value) {
  try {
    touchplan.plan(value);
  } catch (e) {
    assert.equal(e.name, 'TouchPlanError', String(e));
    return e;
  }
  assert.fail('planned an input that should be refused');
}

const byPath = (e, path) => e.errors.find((x) => x.path === path);

function nested(levels) {
  let deep = [];
  for (let i = 0; i < levels; i++) deep = [deep];
  return deep;
}

test('5,100 levels of nested arrays under an unknown key: a clean too_deep error', () => {
  const e = errorOf(input({ custom: nested(5100) }));
  assert.equal(e.code, 'too_deep');
  assert.match(e.path, /^client\.custom(\[0\])+$/);
  assert.match(e.message, /nested deeper than 64 levels/);
  // The same nesting as JSON text through JSON.parse: same answer.
  const text = `{"today":"${TODAY}","client":{"id":"c1","x":${'['.repeat(5100)}${']'.repeat(5100)}}}`;
  assert.equal(errorOf(JSON.parse(text)).code, 'too_deep');
  assert.ok(touchplan.plan(input()).touches.length > 0, 'the instance still plans');
});

test('throwing getters and revoked Proxies, 2,000 times: errors at their paths, no leak', () => {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  for (let i = 0; i < 1000; i++) {
    const value = input();
    Object.defineProperty(value.client, 'name', { enumerable: true, get() { throw new Error('boom'); } });
    const e = errorOf(value);
    assert.equal(byPath(e, 'client.name')?.code, 'invalid_type');
    assert.match(byPath(e, 'client.name').message, /cannot be read: boom/);
    const r = errorOf(input({ service: proxy }));
    assert.equal(byPath(r, 'client.service')?.code, 'invalid_type');
  }
  // Before the fix, ~595 such calls trapped the next valid one.
  assert.ok(touchplan.plan(input()).touches.length > 0);
});

test('NaN and ±Infinity are out_of_range at their path, never defaults', () => {
  for (const bad of [NaN, Infinity, -Infinity]) {
    const e = errorOf(input({ orderCycleDays: bad, orders: [{ date: '2026-10-01', amount: bad }] }, {
      horizonMonths: bad, settings: { weeklyCap: bad, channelGaps: { phone: bad } },
    }));
    for (const path of ['horizonMonths', 'client.orderCycleDays', 'client.orders[0].amount', 'settings.weeklyCap', 'settings.channelGaps.phone']) {
      const found = byPath(e, path);
      assert.equal(found?.code, 'out_of_range', `${bad} at ${path}: ${JSON.stringify(e.errors)}`);
      assert.match(found.message, /expected a finite number, got (NaN|Infinity|-Infinity)/);
    }
    assert.equal(e.errors.length, 5, 'one error per field');
  }
});

test('-0, 2^53+1 and other finite numbers still go to the engine', () => {
  assert.ok(touchplan.plan(input({ orders: [{ date: '2026-10-01', amount: -0 }] })).touches.length > 0);
  const e = errorOf(input({}, { horizonMonths: 2 ** 53 + 1 }));
  assert.equal(e.path, 'horizonMonths');
  assert.equal(e.code, 'out_of_range');
});

test('non-JSON values: invalid_type at their own path, in the input locale, beside the other errors', () => {
  const values = {
    fn: () => 1, sym: Symbol('s'), set: new Set([1]), bytes: new Uint8Array(2), str: new String('x'), big: 10n, date: new Date(0),
  };
  for (const locale of ['en', 'ru']) {
    const e = errorOf({
      today: TODAY, locale,
      client: { id: 'c1', name: values.fn, industry: values.sym, channels: values.set, orders: [{ date: '31.02.2026', amount: values.bytes }], contacts: [{ name: values.str }], extra: { when: values.date } },
      horizonMonths: values.big,
    });
    const expected = {
      'client.name': locale === 'en' ? 'a function' : 'функция',
      'client.industry': 'Symbol',
      'client.channels': 'Set',
      'client.orders[0].amount': 'Uint8Array',
      'client.contacts[0].name': 'String',
      'client.extra.when': 'Date',
      horizonMonths: 'BigInt',
    };
    for (const [path, kind] of Object.entries(expected)) {
      const found = byPath(e, path);
      assert.equal(found?.code, 'invalid_type', `${path}: ${JSON.stringify(e.errors)}`);
      assert.ok(found.message.includes(kind), found.message);
      assert.match(found.message, locale === 'en' ? /expected JSON data/ : /ожидаются данные JSON/);
    }
    // The engine's own error elsewhere is kept, in the same locale.
    assert.equal(byPath(e, 'client.orders[0].date')?.code, 'invalid_date');
    assert.ok(e.errors.every((x) => x.path !== ''), 'no vague root error');
  }
});

test('a field a dotted path cannot name is named in brackets', () => {
  const value = input();
  value[''] = new Set();
  value.client['a.b'] = NaN;
  const e = errorOf(value);
  assert.deepEqual(e.errors.map((x) => x.path).sort(), ['[""]', 'client["a.b"]']);
});

test('horizonMonths: 10n is refused, as the boundary documents', () => {
  const e = errorOf(input({}, { horizonMonths: 10n }));
  assert.equal(e.path, 'horizonMonths');
  assert.equal(e.code, 'invalid_type');
});

test('a cycle is refused where it closes', () => {
  const value = input();
  value.client.self = { back: value.client };
  const e = errorOf(value);
  assert.equal(e.path, 'client.self.back');
  assert.match(e.message, /refers to itself/);
  // A shared (not cyclic) object is fine.
  const order = { date: '2026-10-01' };
  assert.ok(touchplan.plan(input({ orders: [order, order] })).touches.length > 0);
});

test('lone surrogates are refused, never turned into U+FFFD; paired ones and U+FFFD itself pass', () => {
  for (const name of ['Anna \uD800', '\uDC00x', 'x\uD83D']) {
    const e = errorOf(input({ contacts: [{ name, role: 'buyer' }] }));
    assert.equal(e.path, 'client.contacts[0].name');
    assert.equal(e.code, 'invalid_type');
    assert.match(e.message, /lone UTF-16 surrogate/);
  }
  const plan = touchplan.plan(input({ name: 'Anna 😀 \uFFFD' }));
  assert.equal(plan.clientName, 'Anna 😀 \uFFFD');
});

test('required texts refuse "" and blanks', () => {
  const e = errorOf({
    today: TODAY, locale: 'en',
    client: { id: 'c1', contacts: [{ name: '' }], expiries: [{ date: '2027-01-01', what: ' ' }], incidents: [{ date: '2026-11-01', summary: '' }] },
    company: { events: [{ date: '2027-01-10', title: '' }], contentPlan: [{ date: '2026-12-01', reason: 'market_analytics', title: '' }] },
  });
  for (const path of ['client.contacts[0].name', 'client.expiries[0].what', 'client.incidents[0].summary', 'company.events[0].title', 'company.contentPlan[0].title']) {
    assert.equal(byPath(e, path)?.code, 'missing_field', `${path}: ${JSON.stringify(e.errors)}`);
    assert.equal(byPath(e, path).message, 'must not be empty');
  }
});

test('a huge list or text is refused unread', () => {
  const orders = [];
  orders.length = 2 ** 31;
  let e = errorOf(input({ orders }));
  assert.equal(e.path, 'client.orders');
  assert.equal(e.code, 'too_many');
  e = errorOf(input({ name: 'x'.repeat(1e6) }));
  assert.equal(e.path, 'client.name');
  assert.equal(e.code, 'too_long');
  // Just past a contract limit: the engine's own limit and count.
  e = errorOf(input({ orders: Array.from({ length: 10_001 }, () => ({ date: '2026-10-01' })) }));
  assert.equal(e.path, 'client.orders');
  assert.match(e.message, /at most 10000 entries, got 10001/);
});

test('planMany: a cyclic, deep, getter or non-object input fails alone in its slot', () => {
  const cyclic = input();
  cyclic.client.me = cyclic;
  const getter = input();
  Object.defineProperty(getter, 'company', { enumerable: true, get() { throw new TypeError('nope'); } });
  const out = touchplan.planMany([input(), cyclic, input({ deep: nested(6000) }), getter, 42, Symbol('x'), input()]);
  assert.equal(out.length, 7);
  assert.ok(out[0].touches && out[6].touches);
  assert.deepEqual(out.slice(1, 6).map((r) => [r.error?.code, r.error?.path]), [
    ['invalid_type', 'client.me'],
    ['too_deep', out[2].error.path],
    ['invalid_type', 'company'],
    ['invalid_type', ''],
    ['invalid_type', ''],
  ]);
});

test('planMany of a revoked Proxy or a list whose length throws: a clean error, then still working', () => {
  const { proxy, revoke } = Proxy.revocable([], {});
  revoke();
  const lying = new Proxy([], { get(target, key) { if (key === 'length') throw new Error('no'); return target[key]; } });
  for (let i = 0; i < 1000; i++) {
    assert.throws(() => touchplan.planMany(proxy), { name: 'TouchPlanError', code: 'invalid_type' });
    assert.throws(() => touchplan.planMany(lying), { name: 'TouchPlanError', code: 'invalid_type' });
  }
  assert.equal(touchplan.planMany([input()])[0].clientId, 'c1');
});

test('toIcs never copies a line break from a plan into a property line', () => {
  const plan = touchplan.plan(input());
  plan.touches[0].date = '2026-12-01\r\nATTACH:https://evil.example/1';
  plan.horizon.from = '2026-11-24\nATTACH:https://evil.example/2';
  const ics = touchplan.toIcs(plan);
  assert.ok(!/ATTACH/.test(ics), ics);
  assert.equal(ics.match(/BEGIN:VEVENT/g).length, plan.touches.length - 1);
});

test('toIcs with a throwing getter in the plan: an invalid_type error, then still working', () => {
  const plan = touchplan.plan(input());
  for (let i = 0; i < 1000; i++) {
    const bad = { ...plan };
    Object.defineProperty(bad, 'touches', { enumerable: true, get() { throw new Error('x'); } });
    assert.throws(() => touchplan.toIcs(bad), { name: 'TouchPlanError', code: 'invalid_type', path: 'plan' });
  }
  assert.match(touchplan.toIcs(plan), /^BEGIN:VCALENDAR/);
});
