// The book's wasm part (issue 18): planBook and R16 levelling live in
// pkg/touchplan_book_bg.wasm, not in the planning part a page of
// <touch-plan>s downloads; pkg/touchplan.js still exports planBook, and
// www/api.js can load the book part alone (the book's worker does).
// Its own file: it checks what is loaded before anything else loads it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

import * as api from '../../www/api.js';
import * as glue from '../../www/pkg/touchplan.js';

const PKG = new URL('../../www/pkg/', import.meta.url);
const wasmExports = (file) => WebAssembly.Module.exports(new WebAssembly.Module(readFileSync(new URL(file, PKG)))).map((e) => e.name);

const client = (id, manager) => ({ id, manager, segment: 'B', orderCycleDays: 30, orders: [{ date: '2026-11-02', amount: 1000 }] });
const book = { today: '2026-11-24', horizonMonths: 3, locale: 'en', settings: { managerDailyCapacity: 6 }, clients: [client('c1', 'Anna'), client('c2', 'Anna')] };
const notInitialized = (e) => e.name === 'TouchPlanError' && e.code === 'not_initialized';

test('each part exports its own functions: planBook only in the book part', () => {
  const planning = wasmExports('touchplan_bg.wasm');
  const exporting = wasmExports('touchplan_export_bg.wasm');
  const booking = wasmExports('touchplan_book_bg.wasm');
  assert.ok(planning.includes('plan') && planning.includes('__planJson'), planning.join());
  for (const name of ['planBook', '__planBookJson']) {
    assert.ok(!planning.includes(name), `the planning part exports ${name}`);
    assert.ok(!exporting.includes(name), `the export part exports ${name}`);
    assert.ok(booking.includes(name), `the book part lacks ${name}`);
  }
  for (const name of ['plan', 'planMany', 'toIcs', 'toCsv']) assert.ok(!booking.includes(name), `the book part exports ${name}`);
});

test('the bare glue without its book part: planBook says it is not loaded (Node has no synchronous request)', async () => {
  await glue.default({ module_or_path: readFileSync(new URL('touchplan_bg.wasm', PKG)), exports: false, book: false });
  assert.equal(glue.plan({ today: '2026-11-24', client: { id: 'c1' } }).clientId, 'c1');
  assert.throws(() => glue.planBook(book), notInitialized);
  assert.throws(() => glue.__planBookJson(JSON.stringify(book)), notInitialized);
});

test('api.js: __loadBook() alone is enough for planBook; plan still needs init()', async () => {
  assert.throws(() => api.planBook(book), notInitialized);
  await api.__loadBook();
  const b = api.planBook(book);
  assert.deepEqual(b.clients.map((c) => c.id), ['c1', 'c2']);
  assert.ok(b.clients[0].touches.length > 0);
  assert.throws(() => api.plan({ today: '2026-11-24', client: { id: 'c1' } }), notInitialized);
  // The same book through the bare glue, value by value.
  assert.deepEqual(glue.planBook(book), b);
});
