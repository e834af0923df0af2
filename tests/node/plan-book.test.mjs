// www/api.js's planBook (issue 19, DOMAIN R16): the book crosses as one
// JSON text where it is plain data, else value by value; either way the
// same compact book, each client's touches as plan() gives them.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import init, * as api from '../../www/api.js';
import * as glue from '../../www/pkg/touchplan.js';

await init();

const client = (id, manager) => ({ id, manager, segment: 'B', orderCycleDays: 30, orders: [{ date: '2026-11-02', amount: 1000 }] });
const book = (clients, settings = {}) => ({ today: '2026-11-24', horizonMonths: 3, locale: 'en', settings, clients });

test('planBook: a book of one client has plan()\'s touches', () => {
  const b = api.planBook(book([client('c1', 'Anna')]));
  const { manager, ...alone } = client('c1', 'Anna');
  const p = api.plan({ today: '2026-11-24', horizonMonths: 3, locale: 'en', client: alone });
  const touches = b.clients[0].touches;
  assert.equal(touches.length, p.touches.length);
  touches.forEach((t, i) => {
    assert.equal(t.date, p.touches[i].date);
    assert.equal(b.whys[t.why], p.touches[i].why);
    assert.deepEqual(t.reasons, p.touches[i].reasons.map((r) => [r.code, r.score]));
    assert.equal(b.reasons[t.reasons[0][0]].title, p.touches[i].reasons[0].title);
  });
  assert.equal(b.managers[0].manager, 'Anna');
  assert.deepEqual(b.managers[0].moves, []);
});

test('planBook: a crowded manager is levelled, a bad client fails alone', () => {
  const clients = Array.from({ length: 30 }, (_, i) => client(`c${i}`, 'Anna'));
  clients[3] = { id: 'bad', orders: [{ date: '2026-13-01' }] };
  const b = api.planBook(book(clients, { managerDailyCapacity: 6 }));
  assert.equal(b.clients[3].errors[0].path, 'clients[3].orders[0].date');
  assert.equal(b.clients[3].id, 'bad');
  const anna = b.managers.find((m) => m.manager === 'Anna');
  assert.equal(anna.clients, 29);
  assert.ok(anna.moves.length > 0);
  assert.match(anna.moves[0].why, /capacity of 6/);
  // Value by value through the reader (the wasm's own planBook), the same.
  assert.deepEqual(glue.planBook(book(clients, { managerDailyCapacity: 6 })), b);
});

test('planBook: a bad shared part throws a TouchPlanError', () => {
  assert.throws(() => api.planBook({ today: '2026-02-30', clients: [] }), (e) => e.name === 'TouchPlanError' && e.path === 'today');
  assert.throws(() => api.planBook({ today: '2026-11-24' }), (e) => e.code === 'missing_field' && e.path === 'clients');
});

test('planBook: a value JSON has no place for goes the reader\'s way, refused with its path', () => {
  const b = book([client('c1', 'Anna')]);
  b.clients[0].orders[0].amount = 10n;
  assert.throws(() => api.planBook(b), (e) => e.name === 'TouchPlanError' && e.path === 'clients[0].orders[0].amount');
});
