// www/api.js's batches (issue 15, item 6): planMany keeps the contract's
// signature with every slot isolated, planEach streams with bounded memory.
// Its own file: api.js's module state (a trapped instance) is per file.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import init, * as api from '../../www/api.js';

await init();

const input = (id) => ({ today: '2026-11-24', locale: 'en', client: { id, orders: [{ date: '2026-10-01', amount: 100 }] } });

function cyclic() {
  const value = input('cyclic');
  value.client.self = value.client;
  return value;
}

function throwing() {
  const value = input('getter');
  Object.defineProperty(value.client, 'name', { enumerable: true, get() { throw new Error('boom'); } });
  return value;
}

test('planMany: one bad input, whatever it is, fails alone in its slot', () => {
  const out = api.planMany([input('a'), cyclic(), throwing(), 7, input('b')]);
  assert.deepEqual(out.map((r) => r.clientId ?? r.error.code), ['a', 'invalid_type', 'invalid_type', 'invalid_type', 'b']);
  assert.equal(out[1].error.path, 'client.self');
  assert.equal(out[2].error.path, 'client.name');
});

test('planMany: an engine trap in one slot leaves the others planned', () => {
  const list = [input('a'), input('b')];
  let calls = 0;
  // A getter that traps the engine the first time it is read.
  Object.defineProperty(list, 1, {
    get() {
      if (calls++ === 0) api.__forcePanic();
      return input('b');
    },
  });
  const out = api.planMany(list);
  assert.equal(out[0].clientId, 'a');
  assert.equal(out[1].error.code, 'internal');
  assert.equal(api.plan(input('c')).clientId, 'c', 'the engine restarted');
});

test('planMany keeps the engine refusals for a non-array and for 20,001 inputs', () => {
  assert.throws(() => api.planMany({}), { name: 'TouchPlanError', code: 'invalid_type' });
  const many = new Array(20_001).fill(null);
  assert.throws(() => api.planMany(many), { name: 'TouchPlanError', code: 'too_many' });
});

test('planEach: results in order, bad inputs in their own slot, any iterable', async () => {
  const seen = [];
  for await (const result of api.planEach([input('a'), cyclic(), input('b')])) seen.push(result.clientId ?? result.error.code);
  assert.deepEqual(seen, ['a', 'invalid_type', 'b']);
});

test('planEach pulls the next input only after the previous result was taken', async () => {
  let pulled = 0;
  function* clients() {
    for (let i = 0; i < 300; i++) {
      pulled++;
      yield input(`c${i}`);
    }
  }
  let taken = 0;
  for await (const result of api.planEach(clients(), { chunkSize: 16 })) {
    assert.equal(result.clientId, `c${taken}`);
    taken++;
    assert.ok(pulled <= taken + 1, `pulled ${pulled} for ${taken} taken: nothing buffered`);
  }
  assert.equal(taken, 300);
});

test('planEach yields to the event loop between chunks', async () => {
  let ticks = 0;
  const timer = setInterval(() => ticks++, 0);
  let n = 0;
  async function* clients() {
    for (let i = 0; i < 200; i++) yield input(`c${i}`);
  }
  for await (const result of api.planEach(clients(), { chunkSize: 10 })) {
    assert.ok(result.clientId);
    n++;
  }
  clearInterval(timer);
  assert.equal(n, 200);
  assert.ok(ticks >= 5, `timers ran ${ticks} times during the batch`);
});
