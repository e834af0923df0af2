// www/api.js, the wrapper the widget uses: same names as pkg/touchplan.js,
// plus recovery from a trapped (panicked) wasm instance. Its own file, so
// that the module state it tests is not shared with api.test.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import init, * as api from '../../www/api.js';
import * as glue from '../../www/pkg/touchplan.js';

const TYPICAL = { today: '2026-11-24', client: { id: 'c1', orders: [{ date: '2026-10-01' }] } };

test('the wrapper exports the names of the JS API', () => {
  for (const name of ['plan', 'planMany', 'reasonCatalog', 'toIcs', 'toCsv', 'version', 'initSync']) {
    assert.equal(typeof api[name], 'function', name);
    assert.equal(typeof glue[name], 'function', name);
  }
  assert.equal(typeof init, 'function');
});

test('a call before init() says so', () => {
  assert.throws(() => api.plan({}), { name: 'TouchPlanError', code: 'not_initialized' });
});

test('init() loads the wasm from disk once, under Node too', async () => {
  const first = init();
  assert.equal(init(), first, 'one shared promise');
  await first;
  assert.equal(api.version(), glue.version());
});

test('a panic is reported, thrown as TouchPlanError, and the next call works', async (t) => {
  await init();
  const logged = [];
  t.mock.method(console, 'error', (...args) => logged.push(args.join(' ')));

  assert.throws(() => api.__forcePanic(), (e) => {
    assert.equal(e.name, 'TouchPlanError');
    assert.equal(e.code, 'internal');
    assert.equal(e.path, '');
    assert.ok(e.cause instanceof WebAssembly.RuntimeError, String(e.cause));
    assert.equal(e.errors.length, 1);
    return true;
  });
  assert.ok(logged.some((l) => l.includes('forced panic (test only)')), logged.join('\n'));
  assert.equal(api.isTrapped(), true);

  // The raw glue's instance is poisoned; the wrapper re-instantiates.
  assert.equal(api.version(), glue.version());
  assert.equal(api.isTrapped(), false);
  const plan = api.plan(TYPICAL);
  assert.ok(plan.touches.length > 0);
  assert.ok(api.toIcs(plan).startsWith('BEGIN:VCALENDAR'));
});

test('recovers again and again', async (t) => {
  await init();
  t.mock.method(console, 'error', () => {});
  for (let i = 0; i < 20; i++) {
    assert.throws(() => api.__forcePanic(), { name: 'TouchPlanError', code: 'internal' });
    assert.equal(api.reasonCatalog('en').length, glue.reasonCatalog('en').length);
  }
});

test('input errors are not traps: no re-instantiation', async () => {
  await init();
  assert.throws(() => api.plan({}), { name: 'TouchPlanError' });
  assert.equal(api.isTrapped(), false);
});
