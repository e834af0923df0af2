// The Bitrix24 kit's adapter (kits/bitrix24/adapter.js) and card reader
// (rest.js), table by table, against REST answers in the documented shapes
// (kits/bitrix24/harness/fixtures.mjs): both date forms, missing fields,
// empty lists, hostile strings; every client it makes plans in the engine.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as touchplan from '../../www/pkg/touchplan.js';
import {
  clientFromBitrix24, dateFromBitrix24, openTasksOf, roleFromPosition, taskMarker, todoFromTouch,
} from '../../kits/bitrix24/adapter.js';
import { listAll, loadCard, placementId } from '../../kits/bitrix24/rest.js';
import { APP_OPTIONS, CARDS, TODAY, portalData } from '../../kits/bitrix24/harness/fixtures.mjs';
import { createPortalRest } from '../../kits/bitrix24/harness/portal-rest.mjs';

touchplan.initSync({ module: readFileSync(new URL('../../www/pkg/touchplan_bg.wasm', import.meta.url)) });

/** A `call` over the REST stand-in, recording each request. */
function fakeCall(data = portalData()) {
  const rest = createPortalRest(data);
  const calls = [];
  const call = async (method, params) => {
    calls.push({ method, params });
    const { status, body } = rest.answer(method, structuredClone(params));
    if (status !== 200) throw new Error(body.error_description);
    return body;
  };
  return { call, calls, rest };
}

const planOf = (client) => touchplan.plan({ today: TODAY, client });

test('dates: ISO with the portal offset, DD.MM.YYYY, and what is not a date', () => {
  const table = [
    ['2026-11-13T10:00:00+03:00', '2026-11-13'],
    ['2026-11-13T00:30:00+03:00', '2026-11-13'], // the portal's day, not UTC's
    ['2026-11-13', '2026-11-13'],
    ['13.11.2026', '2026-11-13'],
    ['13.11.2026 10:00:00', '2026-11-13'],
    ['29.02.2028', '2028-02-29'],
    ['29.02.2027', null],
    ['2026-13-01T00:00:00+03:00', null],
    ['1899-12-31', null],
    ['', null],
    [null, null],
    [undefined, null],
    [20261113, null],
    ['13/11/2026', null],
    ['<script>', null],
  ];
  for (const [value, want] of table) assert.equal(dateFromBitrix24(value), want, String(value));
});

test('roles from the position text', () => {
  const table = [
    ['Генеральный директор', 'decision_maker'],
    ['Владелец', 'decision_maker'],
    ['CEO', 'decision_maker'],
    ['Заместитель директора', 'influencer'],
    ['Финансовый директор', 'influencer'],
    ['Директор по закупкам', 'buyer'],
    ['Менеджер по закупкам', 'buyer'],
    ['Head of Procurement', 'buyer'],
    ['Главный инженер', 'technical'],
    ['Технический директор', 'technical'],
    ['Руководитель ИТ-отдела', 'technical'],
    ['Бухгалтер', 'user'],
    ['Офис-менеджер', 'user'],
    ['Зам. генерального', 'influencer'],
    ['Зам директора', 'influencer'],
    ['ЛПР', 'decision_maker'],
    ['ИП', 'decision_maker'],
    ['ИТ-специалист', 'technical'],
    ['Head of IT', 'technical'],
    ['Kitchen staff', undefined],
    ['Итоговый контроль', undefined],
    ['Стажёр', undefined],
    ['', undefined],
    [null, undefined],
    [42, undefined],
  ];
  for (const [post, want] of table) assert.equal(roleFromPosition(post), want, String(post));
});

test('next paging: every page is read, each asked with start = the previous next', async () => {
  const { call, calls } = fakeCall();
  const all = await listAll(call, 'crm.activity.list', { filter: { OWNER_TYPE_ID: 4, OWNER_ID: '12' } });
  assert.equal(all.length, portalData().activities.filter((a) => a.OWNER_TYPE_ID === '4').length);
  assert.ok(all.length > 50);
  assert.deepEqual(calls.map((c) => c.params.start), [undefined, 50]);
  assert.deepEqual(await listAll(call, 'crm.deal.list', { filter: { COMPANY_ID: '999' } }), []);
});

test('placement options: the ID as object or JSON text; anything else is no card', () => {
  const table = [[{ ID: '201' }, '201'], ['{"ID":"12"}', '12'], [{ ID: 7 }, '7'], ['{bad', null], [{}, null],
    [{ ID: '0' }, null], [{ ID: '1 OR 1' }, null], [null, null], [{ ID: '__proto__' }, null]];
  for (const [options, want] of table) assert.equal(placementId(options), want, JSON.stringify(options));
});

// What each card tab reads from the fixtures, and the client it becomes.
const CARD_TABLE = [
  {
    placement: 'CRM_DEAL_DETAIL_TAB',
    id: 'b24-company-12', name: 'ООО «Северный ветер»', kind: 'business', owner: { typeId: 2, id: 201 },
    orders: [{ date: '2026-09-15', amount: 1050000 }, { date: '2026-10-14', amount: 1120500.5 }],
    contacts: ['Анна Смирнова', 'Иван Петров', 'Олег Кузнецов'], history: 55, openDeal: { since: '2026-11-16', stage: 'PREPARATION' },
  },
  {
    placement: 'CRM_COMPANY_DETAIL_TAB',
    id: 'b24-company-12', name: 'ООО «Северный ветер»', kind: 'business', owner: { typeId: 4, id: 12 },
    orders: [{ date: '2026-09-15', amount: 1050000 }, { date: '2026-10-14', amount: 1120500.5 }],
    contacts: ['Анна Смирнова', 'Иван Петров', 'Олег Кузнецов'], history: 54, openDeal: { since: '2026-11-16', stage: 'PREPARATION' },
  },
  {
    placement: 'CRM_CONTACT_DETAIL_TAB',
    id: 'b24-contact-101', name: 'Анна Смирнова', kind: 'person', owner: { typeId: 3, id: 101 },
    orders: [{ date: '2026-09-15', amount: 1050000 }], contacts: ['Анна Смирнова'], history: 1,
    openDeal: { since: '2026-11-16', stage: 'PREPARATION' },
  },
  {
    placement: 'CRM_LEAD_DETAIL_TAB',
    id: 'b24-lead-301', name: 'ИП Волкова М. А.', kind: 'business', owner: { typeId: 1, id: 301 },
    orders: undefined, contacts: ['Мария Волкова'], history: 1, openDeal: undefined,
  },
];

for (const row of CARD_TABLE) {
  test(`${row.placement}: the client from the fixtures, and the engine plans it`, async () => {
    const { call } = fakeCall();
    const card = await loadCard(call, row.placement, CARDS[row.placement]);
    assert.deepEqual(card.owner, row.owner);
    const { client } = clientFromBitrix24(card, APP_OPTIONS.touchplanFieldMap);
    assert.equal(client.id, row.id);
    assert.equal(client.name, row.name);
    assert.equal(client.kind, row.kind);
    assert.deepEqual(client.orders, row.orders);
    assert.deepEqual(client.contacts?.map((c) => c.name), row.contacts);
    assert.equal(client.history?.length ?? 0, row.history);
    assert.deepEqual(client.openDeal, row.openDeal);
    const plan = planOf(client);
    assert.equal(plan.clientId, row.id);
    assert.ok(plan.touches.length > 0);
  });
}

test('company card: roles, birthdays in both forms, channels, segment and industry by the field map', async () => {
  const { call } = fakeCall();
  const card = await loadCard(call, 'CRM_COMPANY_DETAIL_TAB', '12');
  const { client, notices } = clientFromBitrix24(card, APP_OPTIONS.touchplanFieldMap);
  assert.deepEqual(client.contacts, [
    { name: 'Анна Смирнова', role: 'decision_maker', birthday: '1984-12-05', channels: ['phone', 'messenger', 'email'] },
    { name: 'Иван Петров', role: 'buyer', channels: ['phone', 'email'] },
    { name: 'Олег Кузнецов', role: 'technical', birthday: '1979-03-17', channels: ['email'] },
  ]);
  assert.deepEqual(client.channels, ['phone', 'visit', 'messenger', 'email']);
  assert.equal(client.segment, 'A');
  assert.equal(client.industry, 'Производство'); // the name crm.status.list gives the code
  assert.equal(client.annualRevenue, 48000000);
  assert.deepEqual(notices, []);
  // History: 51 calls, an e-mail, a meeting, and the done to-do with its reason.
  const byChannel = (channel) => client.history.filter((h) => h.channel === channel);
  assert.equal(byChannel('phone').length, 52);
  assert.equal(byChannel('email').length, 1);
  assert.deepEqual(byChannel('visit'), [{ date: '2026-10-20', channel: 'visit' }]);
  assert.deepEqual(client.history.find((h) => h.reason), { date: '2026-10-16', channel: 'phone', reason: 'post_purchase_check' });
  const greeting = planOf(client).touches.find((t) => t.kind === 'greeting' && t.contact === 'Анна Смирнова');
  assert.equal((greeting.movedFrom ?? greeting.date).slice(5), '12-05');
});

// The field map an administrator sets (app option touchplanFieldMap): what it
// reads and what the app tells the manager when it reads nothing.
const FIELD_MAP_TABLE = [
  { name: 'no map: segment from revenue, no notice', map: undefined, segment: undefined, notices: [] },
  { name: 'segment field set', map: '{"segment":"UF_CRM_SEGMENT"}', segment: 'A', notices: [] },
  { name: 'map as an object', map: { segment: 'UF_CRM_SEGMENT' }, segment: 'A', notices: [] },
  { name: 'a field the card lacks', map: { segment: 'UF_CRM_NOPE' }, segment: undefined,
    notices: [{ code: 'field_not_found', field: 'segment', source: 'UF_CRM_NOPE' }] },
  { name: 'a value that is no segment', map: { segment: 'COMPANY_TYPE' }, segment: undefined,
    notices: [{ code: 'not_a_segment', field: 'segment', source: 'COMPANY_TYPE', value: 'CUSTOMER' }] },
  { name: 'broken JSON is no map', map: '{segment:', segment: undefined, notices: [] },
  { name: 'hostile keys and codes are ignored', map: '{"__proto__":{"segment":"X"},"segment":"constructor"}', segment: undefined, notices: [] },
];

for (const row of FIELD_MAP_TABLE) {
  test(`field map: ${row.name}`, async () => {
    const { call } = fakeCall();
    const card = await loadCard(call, 'CRM_COMPANY_DETAIL_TAB', '12');
    const { client, notices } = clientFromBitrix24(card, row.map);
    assert.equal(client.segment, row.segment);
    assert.deepEqual(notices, row.notices);
    assert.equal({}.segment, undefined);
  });
}

test('a card with no revenue and no segment field says the segment is not mapped', () => {
  const { client, notices } = clientFromBitrix24({ kind: 'lead', record: { ID: '5', NAME: 'Лид' } });
  assert.deepEqual(client, { id: 'b24-lead-5', kind: 'business', name: 'Лид', contacts: [{ name: 'Лид' }] });
  assert.deepEqual(notices, [{ code: 'segment_not_mapped', field: 'segment' }]);
});

// Records with fields missing, empty, wrong or hostile: the client keeps what
// is sound, and the engine accepts it.
const HOSTILE = 'Иван <img src=x onerror=alert(1)> "Петров"';
const RECORD_TABLE = [
  { name: 'empty lists', card: { kind: 'company', record: { ID: '1', TITLE: 'ООО «Пусто»' }, contacts: [], deals: [], activities: [] },
    want: { id: 'b24-company-1', kind: 'business', name: 'ООО «Пусто»' } },
  { name: 'lists missing altogether', card: { kind: 'company', record: { ID: '2', TITLE: 'ООО' } },
    want: { id: 'b24-company-2', kind: 'business', name: 'ООО' } },
  { name: 'a won deal without a date or amount', card: { kind: 'company', record: { ID: '3', TITLE: 'A' },
    deals: [{ STAGE_SEMANTIC_ID: 'S', CLOSEDATE: '', OPPORTUNITY: '5' }, { STAGE_SEMANTIC_ID: 'S', CLOSEDATE: '01.02.2026', OPPORTUNITY: '' },
      { STAGE_SEMANTIC_ID: 'S', CLOSEDATE: '2026-03-01T00:00:00+03:00', OPPORTUNITY: '-5' },
      { STAGE_SEMANTIC_ID: 'S', CLOSEDATE: '2026-04-01T00:00:00+03:00', OPPORTUNITY: 'много' }] },
    want: { id: 'b24-company-3', kind: 'business', name: 'A', orders: [{ date: '2026-02-01' }, { date: '2026-03-01' }, { date: '2026-04-01' }] } },
  { name: 'contacts without names, with bad birthdays and empty multi-fields', card: { kind: 'company', record: { ID: '4', TITLE: 'B' },
    contacts: [{ ID: '1' }, { ID: '2', NAME: ' ', LAST_NAME: '' }, { ID: '3', NAME: 'Пётр', BIRTHDATE: '31.02.1980', PHONE: [{ VALUE: '' }], EMAIL: 'x', POST: null }] },
    want: { id: 'b24-company-4', kind: 'business', name: 'B', contacts: [{ name: 'Пётр' }] } },
  { name: 'hostile strings stay text, control characters go, long ones are cut', card: { kind: 'company',
    record: { ID: '5', TITLE: `${'Я'.repeat(1200)}` },
    contacts: [{ ID: '1', NAME: HOSTILE, LAST_NAME: '\u0000\u001b[31m', POST: '<b>Директор</b>' }],
    activities: [{ COMPLETED: 'Y', TYPE_ID: '2', END_TIME: 'вчера' }, { COMPLETED: 'Y', TYPE_ID: '99', END_TIME: '2026-01-01' },
      { COMPLETED: 'Y', TYPE_ID: '6', PROVIDER_ID: 'CRM_TODO', END_TIME: '2026-01-02', DESCRIPTION: '[touchplan 2026-01-02 phone DROP TABLE]' }] },
    want: { id: 'b24-company-5', kind: 'business', name: 'Я'.repeat(1000),
      contacts: [{ name: `${HOSTILE} [31m`, role: 'decision_maker' }] } },
  { name: 'a deal with no client', card: { kind: 'deal', record: { ID: '9', TITLE: 'Сделка', STAGE_SEMANTIC_ID: 'P', DATE_CREATE: '2026-11-01T00:00:00+03:00' },
    deals: [{ ID: '9', STAGE_SEMANTIC_ID: 'P', DATE_CREATE: '2026-11-01T00:00:00+03:00', STAGE_ID: 'NEW' }] },
    want: { id: 'b24-deal-9', kind: 'business', name: 'Сделка', openDeal: { since: '2026-11-01', stage: 'NEW' } } },
];

for (const row of RECORD_TABLE) {
  test(`records: ${row.name}`, () => {
    const { client } = clientFromBitrix24(row.card);
    assert.deepEqual(client, row.want);
    assert.equal(planOf(client).clientId, row.want.id);
  });
}

test('a touch becomes one crm.activity.todo.add with the documented parameters; its marker finds it again', async () => {
  const { call, rest } = fakeCall();
  const card = await loadCard(call, 'CRM_DEAL_DETAIL_TAB', '201');
  const { client } = clientFromBitrix24(card);
  const touch = planOf(client).touches.find((t) => !t.automated);
  const params = todoFromTouch(touch, card.owner);
  assert.deepEqual(Object.keys(params), ['ownerTypeId', 'ownerId', 'deadline', 'description']);
  assert.equal(params.ownerTypeId, 2);
  assert.equal(params.ownerId, 201);
  assert.equal(params.deadline, `${touch.date}T10:00:00`);
  assert.ok(params.description.startsWith(`${touch.reasons[0].title}\n${touch.why}`));
  assert.ok(params.description.endsWith(taskMarker(touch)));
  assert.deepEqual(Object.keys(todoFromTouch(touch, card.owner, { responsibleId: 7 })).at(-1), 'responsibleId');
  const { result } = await call('crm.activity.todo.add', params);
  assert.equal(openTasksOf(rest.data.activities).get(taskMarker(touch)), String(result.id));
  // Done in the CRM, it comes back as history with its reason, and the plan moves on.
  rest.data.activities.find((a) => a.ID === String(result.id)).COMPLETED = 'Y';
  const again = clientFromBitrix24(await loadCard(call, 'CRM_DEAL_DETAIL_TAB', '201')).client;
  assert.deepEqual(again.history.at(-1), { date: touch.date, channel: touch.channel, reason: touch.reasons[0].code });
  assert.equal(openTasksOf(rest.data.activities).has(taskMarker(touch)), false);
});
