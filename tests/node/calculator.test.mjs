// The calculator page's pure parts under Node: presets are the sample
// clients of examples/clients, the URL state round-trips, and "why this
// many touches" reads the engine's plans right.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';

import * as touchplan from '../../www/pkg/touchplan.js';
import { PRESETS, presetInput } from '../../www/calculator/calculator-presets.js';
import { blankState, decodeState, encodeState, fitInput, presetState } from '../../www/calculator/calculator-state.js';
import { explainPlan } from '../../www/calculator/calculator-why.js';
import { LABELLED_SETTINGS } from '../../www/calculator/calculator-i18n.js';

touchplan.initSync({ module: readFileSync(new URL('../../www/pkg/touchplan_bg.wasm', import.meta.url)) });
const defaults = touchplan.defaultSettings();

test('each preset is its sample client in examples/clients, unchanged', () => {
  assert.equal(PRESETS.length, 14);
  const files = readdirSync(new URL('../../examples/clients/', import.meta.url)).filter((f) => f.endsWith('.json'));
  assert.deepEqual(PRESETS.map((p) => `${p.id}.json`).sort(), files.sort(), 'every sample client is a preset');
  for (const p of PRESETS) {
    const sample = JSON.parse(readFileSync(new URL(`../../examples/clients/${p.id}.json`, import.meta.url), 'utf8'));
    assert.deepEqual(p.input, sample, p.id);
    assert.ok(p.label.ru && p.label.en && p.note.ru && p.note.en, `${p.id} has ru and en texts`);
  }
});

test('a preset moves its dates to the given today, birthdays stay', () => {
  const same = presetInput('advertising-campaign', '2026-11-24');
  assert.deepEqual(same, PRESETS.find((p) => p.id === 'advertising-campaign').input);
  const moved = presetInput('advertising-campaign', '2027-03-02');
  assert.equal(moved.today, '2027-03-02');
  assert.equal(moved.client.orders[0].date, '2027-02-26'); // 4 days before today, as in the sample
  assert.equal(moved.client.service.start, '2027-03-09');
  assert.equal(moved.client.service.end, '2027-05-09');
  assert.equal(moved.client.contacts[0].birthday, '--12-13');
  const club = presetInput('club-membership', '2030-03-01');
  assert.equal(club.client.contacts[0].birthday, '1988-03-08');
  assert.equal(club.client.service.frozenFrom, '2031-01-25'); // 2027-10-20 + 1,193 days, across 29 Feb 2028
  assert.equal(presetInput('no-such-preset', '2026-11-24'), null);
});

test('the URL state round-trips, Cyrillic included, and a broken hash gives none', () => {
  const state = presetState('consultative-a', '2026-11-24', 'en');
  state.input.client.name = 'АО «Север» & Co #1 / 100%';
  const hash = encodeState(state);
  assert.match(hash, /^#lang=en&unit=months&preset=consultative-a&input=[A-Za-z0-9_-]+$/);
  assert.deepEqual(decodeState(hash), state);
  assert.equal(decodeState(''), null);
  assert.equal(decodeState('#input=@@@'), null);
  assert.equal(decodeState('#input=WzFd'), null); // [1]: not an object
  const odd = decodeState(hash.replace('lang=en', 'lang=de').replace('preset=consultative-a', 'preset=x'));
  assert.equal(odd.ui.lang, 'ru');
  assert.equal(odd.ui.preset, '');
});

test('a shared link with wrong types keeps every valid value and names the rest', () => {
  const input = {
    today: '2026-11-24',
    client: {
      id: 'x', name: 'Клиент', orders: 'много', channels: ['phone', 5],
      contacts: [{ name: 'Анна', channels: 'phone' }, 'Иван'], service: [1], flags: { loyal: true },
    },
    company: { events: {} },
    settings: { automatedChannels: 'email', weeklyCap: 3, revenueSegments: null },
  };
  const dropped = fitInput(input);
  assert.deepEqual(dropped.sort(), [
    'client.channels[1]', 'client.contacts[0].channels', 'client.contacts[1]', 'client.orders', 'client.service',
    'company.events', 'settings.automatedChannels',
  ]);
  assert.deepEqual(input, {
    today: '2026-11-24',
    client: { id: 'x', name: 'Клиент', channels: ['phone'], contacts: [{ name: 'Анна' }], flags: { loyal: true } },
    company: {},
    settings: { weeklyCap: 3, revenueSegments: null },
  });
  const noClient = { today: '2026-11-24', client: 'нет' };
  assert.deepEqual(fitInput(noClient), ['client']);
  assert.match(noClient.client.id, /^client-[0-9a-z-]{8}$/);
});

test('a blank client has a made-up id and plans as it is', () => {
  const state = blankState('2026-11-24', 'ru');
  assert.match(state.input.client.id, /^client-[0-9a-z-]{8}$/);
  assert.notEqual(blankState('2026-11-24', 'ru').input.client.id, state.input.client.id);
  const plan = touchplan.plan({ ...state.input, locale: 'ru' });
  assert.equal(plan.clientId, state.input.client.id);
});

test('presets with a cycle of whole months show it in months', () => {
  assert.equal(presetState('consultative-a', '2026-11-24', 'ru').ui.cycleUnit, 'months'); // 365 days = 12 months
  assert.equal(presetState('transactional-bimonthly', '2026-11-24', 'ru').ui.cycleUnit, 'days'); // 60 days
});

test('every policy setting of the engine has a label on the page', () => {
  assert.deepEqual(Object.keys(defaults).sort(), [...LABELLED_SETTINGS].sort());
});

test('"why" restates R2 from the plan and checks R6 as the engine does', () => {
  // [M, C, need, total] of R2 under DOMAIN v3.
  const expected = {
    'transactional-monthly': [2, 1, 2, 5],
    'transactional-bimonthly': [2, 2, 2, 6],
    'consultative-a': [3, 12, 2, 17],
    'consultative-b': [3, 12, 2, 17],
    // A service client: the cycle is the campaign (62 days, C = 2), M its steps.
    'advertising-campaign': [2, 2, 2, 6],
    'club-membership': [1, 12, 2, 15],
    'gym-member': [1, 12, 2, 15], // the membership's year, one usage check
    'car-buyer': [3, 36, 2, 41], // a car every 3 years
    'roofing-buyer': [3, 12, 2, 17],
    'equipment-plant': [3, 12, 2, 17],
    'distributor-a': [2, 1, 2, 5],
    'distributor-d': [2, 0, 1, 3], // R8: M + 1 for D
    'bakery-incident': [2, 0, 1, 3], // a weekly cycle: standard touches automated, one need touch
    'no-orders': [0, 1, 2, 3], // nothing sold: M = 0, need 2 (R2)
  };
  const basis = {
    'advertising-campaign': 'service', 'gym-member': 'service', 'bakery-incident': 'subMonth', 'no-orders': 'noOrders',
  };
  for (const p of PRESETS) {
    const plan = touchplan.plan(p.input);
    const why = explainPlan(plan, p.input, defaults);
    const f = why.formula;
    assert.deepEqual([f.mandatory, f.standard, f.need, f.total], expected[p.id], p.id);
    assert.equal(f.mandatory + f.standard + f.need, f.total);
    assert.equal(why.extras.events, plan.summary.byKind.event ?? 0);
    assert.equal(why.basis, basis[p.id] ?? 'orders', p.id);
    // R3 top-ups only where the segment policy has them.
    assert.equal(why.topUps.on, defaults.segments[why.segment].topUps, p.id);
    if (!why.topUps.on) assert.equal(why.topUps.count, 0, p.id);
    if (p.input.client.service) {
      assert.equal(why.reaction.status, 'checked', p.id);
      assert.equal(why.reaction.lastOk, true, p.id);
      assert.equal(why.reaction.gapOk, !plan.warnings.some((w) => w.code === 'gap_exceeded'), p.id);
    } else {
      assert.equal(why.reaction.status, 'none');
    }
  }
  const a = explainPlan(touchplan.plan(PRESETS[2].input), PRESETS[2].input, defaults);
  assert.deepEqual([a.extras.events, a.extras.meetings], [2, 1]);
  assert.equal(a.ratio.target, 2);
  assert.equal(a.ratio.manager, 4); // C : M = 12 : 3
  assert.equal(a.ratio.ok, a.ratio.value >= 2);
  const monthly = explainPlan(touchplan.plan(PRESETS[0].input), PRESETS[0].input, defaults);
  assert.equal(monthly.ratio.manager, 0.5); // C : M = 1 : 2, below 2 : 1 …
  assert.equal(monthly.ratio.byAutomation, monthly.ratio.ok); // … met only with marketing's top-ups (R3)
  assert.ok(monthly.automated.perCycle > 0);
  const d = PRESETS.find((p) => p.id === 'distributor-d');
  const low = explainPlan(touchplan.plan(d.input), d.input, defaults);
  assert.equal(low.segment, 'D');
  assert.equal(low.topUps.on, false);
  assert.equal(low.ratio.byAutomation, false); // no top-ups for D: the ratio stays below 2 : 1
});

test('the segment is the engine\'s: given, else by annual revenue thresholds, else B', () => {
  const client = { id: 'x', annualRevenue: 1_500_000 };
  assert.equal(explainPlan(touchplan.plan({ today: '2026-12-01', client }), { client }, defaults).segment, 'B');
  const settings = { revenueSegments: { 'A+': 20_000_000, A: 5_000_000, B: 1_000_000, C: 200_000 }, segments: { B: { topUps: false } } };
  const input = { today: '2026-12-01', client, settings };
  const why = explainPlan(touchplan.plan(input), input, defaults);
  assert.equal(why.segment, 'B');
  assert.equal(why.topUps.on, false); // a partial override of the segment policy keeps the rest
  const small = { ...input, client: { ...client, annualRevenue: 100 } };
  const plan = touchplan.plan(small);
  assert.equal(explainPlan(plan, small, defaults).segment, 'D');
  assert.equal(plan.summary.perCycle.need, 1); // the engine agrees: D
});

test('events and the meeting are counted by purpose, for any today (merged touches included)', () => {
  // Consultative A and B over a year of start dates, a week apart.
  for (let day = 0; day < 365; day += 5) {
    const today = new Date(Date.UTC(2026, 0, 1) + day * 86400000).toISOString().slice(0, 10);
    for (const [id, meetings] of [['consultative-a', 1], ['consultative-b', 0]]) {
      const input = presetInput(id, today);
      const plan = touchplan.plan(input);
      const why = explainPlan(plan, input, defaults);
      assert.equal(why.extras.events, 2, `${id} from ${today}: 2 events a year (R2)`);
      if (meetings) assert.ok(why.extras.meetings >= 1, `${id} from ${today}: the annual meeting`);
      else assert.equal(why.extras.meetings, 0, `${id} from ${today}: no meeting for B`);
      assert.equal(why.formula.total, 17);
    }
  }
});

test('the R6 check finds a gap over G and a last touch too early', () => {
  const touch = (date) => ({ date, kind: 'check', channel: 'phone', automated: false, rule: 'R6', why: '', reasons: [] });
  const plan = {
    horizon: { from: '2027-01-01', to: '2027-12-31' },
    touches: [touch('2027-01-01'), touch('2027-01-06'), touch('2027-01-21')],
    warnings: [],
    summary: {
      total: 3, byKind: { check: 3 }, perCycle: { cycleDays: 30, mandatory: 0, standard: 1, need: 2, total: 3, automated: 0 },
      standardToMandatory: null, avgGapDays: 10, maxGapDays: 15,
    },
  };
  const input = { today: '2027-01-01', client: { id: 'x', service: { start: '2027-01-01', end: '2027-02-07', reactionDays: 7 } } };
  const r = explainPlan(plan, input, defaults).reaction;
  assert.equal(r.deadline, '2027-01-31');
  assert.equal(r.g, 7);
  assert.equal(r.maxGap, 15); // 6 → 21 January
  assert.equal(r.gapOk, false);
  assert.equal(r.last, '2027-01-21');
  assert.equal(r.windowFrom, '2027-01-24');
  assert.equal(r.lastOk, false);
  assert.equal(explainPlan(plan, { ...input, settings: { reactionGapDays: 15 } }, defaults).reaction.gapOk, true);
  const short = { ...input, client: { id: 'x', service: { start: '2027-01-01', end: '2027-01-05', reactionDays: 7 } } };
  assert.equal(explainPlan(plan, short, defaults).reaction.status, 'short');
  assert.equal(explainPlan(plan, input, defaults).ratio, null); // M = 0: no ratio (R2)
});
