// www/widget/touch-plan-book-chunks.js: a book planned one manager at a
// time (the worker's steps, for progress) and merged is the book planned
// whole, byte for byte, bad clients and levelling moves included.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import init, * as api from '../../www/api.js';
import { bookSteps, mergeBooks, stepInput } from '../../www/widget/touch-plan-book-chunks.js';
import { sampleBook } from '../../www/demo/book-sample.js';

await init({ exports: false });

function stepped(input) {
  const steps = bookSteps(input.clients);
  return mergeBooks(input.clients.length, steps, steps.map((s) => api.planBook(stepInput(input, s))));
}

test('a book planned by manager and merged is the book planned whole', () => {
  const book = sampleBook({ n: 60, managers: ['Ирина', 'Павел', 'Anna'], bad: [4, 31] });
  book.clients[10].manager = undefined;
  book.clients[11].manager = undefined;
  const input = { ...book, horizonMonths: 6, settings: { managerDailyCapacity: 5 } };
  const whole = api.planBook(input);
  assert.ok(whole.managers.some((m) => m.moves.length > 0), 'levelling moved something');
  assert.ok(whole.managers.some((m) => m.overloads.length > 0), 'a day stayed over');
  assert.equal(JSON.stringify(stepped(input)), JSON.stringify(whole));
});

test('managers with their own capacity, one without clients: stepped is whole', () => {
  const book = sampleBook({ n: 40, managers: ['Ирина', 'Павел'], seed: 5 });
  const input = {
    ...book, horizonMonths: 4, settings: { managerDailyCapacity: 6 },
    managers: [{ name: 'Павел', capacity: 3 }, { name: 'Анна', capacity: 9 }, { name: 'Ирина' }],
  };
  const whole = api.planBook(input);
  assert.deepEqual(whole.managers.map((m) => [m.manager, m.capacity, m.clients]),
    [['Анна', 9, 0], ['Ирина', 6, 20], ['Павел', 3, 20]]);
  const pavel = whole.managers[2];
  assert.ok(pavel.moves.length > 0 && pavel.moves.every((mv) => mv.why.includes('при норме 3')), 'Павел is levelled to his own 3');
  assert.equal(JSON.stringify(stepped(input)), JSON.stringify(whole));
});

test('steps follow the engine\'s manager order; a list they cannot split is planned whole', () => {
  const steps = bookSteps([{ manager: 'Б' }, {}, { manager: 'А' }, { manager: 'Б' }, { manager: 7 }]);
  assert.deepEqual(steps, [{ manager: null, indices: [1, 4] }, { manager: 'А', indices: [2] }, { manager: 'Б', indices: [0, 3] }]);
  assert.equal(bookSteps('x'), null);
  assert.equal(bookSteps([{}, null]), null);
});
