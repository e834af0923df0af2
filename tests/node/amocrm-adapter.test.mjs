// The amoCRM/Kommo kit's adapter (kits/amocrm/adapter.js), table by
// table, with the documented shapes of API v4: both date forms, missing
// fields, empty lists (204), hostile strings; then whole cards read
// through amocrm-api.js from the fixture account and planned by the engine.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as touchplan from '../../www/pkg/touchplan.js';
import {
  DEFAULT_FIELD_MAP, clientFromAmo, fieldValues, historyFrom, isoDateFromAmo, parseFieldMap, roleFromPosition,
  segmentFrom, taskFromTouch, taskKeys, unixAt,
} from '../../kits/amocrm/adapter.js';
import { AmoApiError, createAmoApi, createTask, loadCard } from '../../kits/amocrm/amocrm-api.js';
import { loadAccount, standinFetch } from '../../kits/amocrm/harness/api-standin.mjs';

touchplan.initSync({ module: readFileSync(new URL('../../www/pkg/touchplan_bg.wasm', import.meta.url)) });

const TZ = 'Europe/Moscow';
const TODAY = '2026-11-24';

test('dates: Unix seconds in the account time zone, or YYYY-MM-DD; anything else is null', () => {
  const table = [
    [1764547200, 'UTC', '2025-12-01'],
    [1764536400, TZ, '2025-12-01'], // 2025-11-30T21:00Z is already 1 December in Moscow
    [1764536400, 'UTC', '2025-11-30'],
    [502578000, TZ, '1985-12-05'], // a birthday field: midnight in the account's zone
    ['631152000', 'UTC', '1990-01-01'],
    [' 631152000 ', 'UTC', '1990-01-01'],
    ['1990-03-15', TZ, '1990-03-15'],
    ['1990-03-15T00:00:00+03:00', 'UTC', '1990-03-15'],
    ['1990-03-15 10:00', 'UTC', '1990-03-15'],
    ['2024-02-29', 'UTC', '2024-02-29'],
    ['2023-02-29', 'UTC', null],
    ['1990-13-01', 'UTC', null],
    ['15.03.1990', 'UTC', null],
    ['', 'UTC', null],
    [null, 'UTC', null],
    [undefined, 'UTC', null],
    [{}, 'UTC', null],
    [Number.NaN, 'UTC', null],
    [-2208988801, 'UTC', null], // 1899-12-31
    [1764547200, 'Not/AZone', '2025-12-01'], // an unknown zone reads as UTC
  ];
  for (const [value, zone, expected] of table) assert.equal(isoDateFromAmo(value, zone), expected, `${JSON.stringify(value)} in ${zone}`);
});

test('complete_till: 23:59 of the day in the account time zone, across DST', () => {
  const table = [
    ['2026-12-03', TZ, Date.UTC(2026, 11, 3, 20, 59) / 1000],
    ['2026-12-03', 'UTC', Date.UTC(2026, 11, 3, 23, 59) / 1000],
    ['2026-07-01', 'Europe/Berlin', Date.UTC(2026, 6, 1, 21, 59) / 1000],
    ['2026-01-15', 'Europe/Berlin', Date.UTC(2026, 0, 15, 22, 59) / 1000],
    ['2026-03-29', 'Europe/Berlin', Date.UTC(2026, 2, 29, 21, 59) / 1000], // the day summer time starts
  ];
  for (const [date, zone, expected] of table) assert.equal(unixAt(date, '23:59', zone), expected, `${date} ${zone}`);
});

test('roles from the text of the position', () => {
  const table = [
    ['Генеральный директор', 'decision_maker'],
    ['Владелец', 'decision_maker'],
    ['CEO', 'decision_maker'],
    ['Заместитель директора по закупкам', 'buyer'],
    ['Менеджер по закупкам', 'buyer'],
    ['Procurement lead', 'buyer'],
    ['Главный инженер', 'technical'],
    ['Финансовый директор', 'influencer'],
    ['Главный бухгалтер', 'influencer'],
    ['Менеджер по продажам', 'user'],
    ['Кладовщик', 'user'],
    ['Садовник', 'other'],
    ['<script>alert(1)</script>', 'other'],
    ['', undefined],
    [undefined, undefined],
    [42, 'other'],
  ];
  for (const [position, role] of table) assert.equal(roleFromPosition(position), role, String(position));
});

test('segments from a field text, Cyrillic look-alikes included', () => {
  const table = [['A', 'A'], ['a+', 'A+'], ['Сегмент B', 'B'], ['А', 'A'], ['С', 'C'], ['D', 'D'], ['AB', undefined], ['VIP', undefined], ['', undefined], [null, undefined]];
  for (const [value, segment] of table) assert.equal(segmentFrom(value), segment, String(value));
});

test('custom fields by code, by name (any case) or by id; missing ones give []', () => {
  const contact = { custom_fields_values: [
    { field_id: 264909, field_name: 'Должность', field_code: 'POSITION', values: [{ value: 'Инженер' }] },
    { field_id: 571203, field_name: 'День рождения', field_code: null, values: [{ value: 502578000 }] },
    { field_id: 1, field_name: '__proto__', values: [{ value: 'x' }] },
    { field_id: 2, field_name: 'Пусто', values: null },
  ] };
  const table = [
    [['POSITION'], ['Инженер']], [['position'], ['Инженер']], [['день рождения'], [502578000]], [[571203], [502578000]],
    [['Нет такого', 'POSITION'], ['Инженер']], [['Пусто'], []], [['Нет такого'], []],
  ];
  for (const [names, values] of table) assert.deepEqual(fieldValues(contact, names), values, JSON.stringify(names));
  assert.deepEqual(fieldValues({ custom_fields_values: null }, ['POSITION']), []);
  assert.deepEqual(fieldValues(undefined, ['POSITION']), []);
  assert.equal({}.x, undefined, 'no prototype was touched');
});

test('the field map setting: JSON over the defaults; a broken one says so', () => {
  assert.deepEqual(parseFieldMap(undefined), { fieldMap: DEFAULT_FIELD_MAP, notices: [] });
  assert.deepEqual(parseFieldMap(''), { fieldMap: DEFAULT_FIELD_MAP, notices: [] });
  const custom = parseFieldMap('{"segment":"Категория","birthday":[571203,"ДР"],"incidentTag":"Жалоба"}');
  assert.deepEqual(custom.fieldMap.segment, ['Категория']);
  assert.deepEqual(custom.fieldMap.birthday, [571203, 'ДР']);
  assert.equal(custom.fieldMap.incidentTag, 'Жалоба');
  assert.deepEqual(custom.fieldMap.position, DEFAULT_FIELD_MAP.position);
  for (const broken of ['not json', '[1]', 'null', '42']) {
    const r = parseFieldMap(broken);
    assert.equal(r.fieldMap, DEFAULT_FIELD_MAP, broken);
    assert.deepEqual(r.notices.map((n) => n.code), ['field_map_invalid'], broken);
  }
  assert.match(parseFieldMap('{"colour":"x"}', 'en').notices[0].message, /Unknown keys in the field map: colour/);
});

test('history: answered calls, SMS, e-mails, chats, completed meetings and our own tasks; one per day and channel', () => {
  const table = [
    [{}, []],
    [{ notes: null, events: 'x', tasks: {} }, []],
    [{ notes: [{ note_type: 'call_out', created_at: 1794471300, params: { call_status: 4 } }] }, [{ date: '2026-11-12', channel: 'phone' }]],
    [{ notes: [{ note_type: 'call_in', created_at: 1794471300, params: { call_status: 6 } }] }, []],
    [{ notes: [{ note_type: 'call_in', created_at: 1794471300, params: {} }] }, [{ date: '2026-11-12', channel: 'phone' }]],
    [{ notes: [{ note_type: 'sms_out', created_at: 1793689200 }, { note_type: 'common', created_at: 1793689200 }] }, [{ date: '2026-11-03', channel: 'sms' }]],
    [{ notes: [{ note_type: 'amomail_message', created_at: 1793872800 }, { note_type: 'amomail_message', created_at: 1793872801 }] }, [{ date: '2026-11-05', channel: 'email' }]],
    [{ events: [{ type: 'outgoing_chat_message', created_at: 1795015200 }, { type: 'lead_status_changed', created_at: 1795015200 }] }, [{ date: '2026-11-18', channel: 'messenger' }]],
    [{ tasks: [{ is_completed: true, task_type_id: 2, updated_at: 1789030800 }, { is_completed: false, task_type_id: 2, updated_at: 1789030800 }, { is_completed: true, task_type_id: 1, updated_at: 1789030800 }] },
      [{ date: '2026-09-10', channel: 'visit' }]],
    [{ tasks: [{ is_completed: true, task_type_id: 1, updated_at: 1795154700, text: 'Аналитика рынка\ntouchplan: key=c%7C2026-11-20%7Cstandard%7C reason=market_analytics channel=phone' }] },
      [{ date: '2026-11-20', channel: 'phone', reason: 'market_analytics' }]],
    [{ notes: [{ note_type: 'call_out', created_at: 'garbage' }] }, []],
  ];
  for (const [input, expected] of table) assert.deepEqual(historyFrom(input, TZ), expected, JSON.stringify(input));
});

test('a task from a touch: the documented POST body; done, it comes back as history with its reason', () => {
  const touch = {
    date: '2026-12-03', kind: 'standard', channel: 'phone', contact: 'Анна Смирнова', rule: 'R3', automated: false,
    why: 'Раз в цикл — повод без продажи.', reasons: [{ code: 'market_analytics', title: 'Аналитика рынка', hint: '', score: 1, why: '' }],
  };
  const key = 'amocrm-company-3001|2026-12-03|standard|Анна Смирнова';
  const task = taskFromTouch(touch, { key, entityType: 'leads', entityId: '1003', timeZone: TZ });
  assert.deepEqual(task, {
    task_type_id: 1,
    text: 'Аналитика рынка (Анна Смирнова)\nРаз в цикл — повод без продажи.\n'
      + 'touchplan: key=amocrm-company-3001%7C2026-12-03%7Cstandard%7C%D0%90%D0%BD%D0%BD%D0%B0%20%D0%A1%D0%BC%D0%B8%D1%80%D0%BD%D0%BE%D0%B2%D0%B0 reason=market_analytics channel=phone',
    complete_till: Date.UTC(2026, 11, 3, 20, 59) / 1000,
    entity_id: 1003,
    entity_type: 'leads',
    request_id: key,
  });
  const meeting = taskFromTouch({ ...touch, kind: 'meeting', channel: 'visit', contact: undefined, reasons: [{ code: 'x</a>', title: '<b>Встреча</b>' }] }, { key: 'k', entityType: 'companies', entityId: 3001 });
  assert.equal(meeting.task_type_id, 2);
  assert.equal(meeting.text, '<b>Встреча</b>\nРаз в цикл — повод без продажи.\ntouchplan: key=k reason=none channel=visit');
  const done = { ...task, is_completed: true, updated_at: Date.UTC(2026, 11, 3, 9) / 1000 };
  assert.deepEqual(taskKeys([done, { text: 'чужая задача' }, null]), new Set([key]));
  assert.deepEqual(historyFrom({ tasks: [done] }, TZ), [{ date: '2026-12-03', channel: 'phone', reason: 'market_analytics' }]);
});

test('a client from bare, missing and hostile fields', () => {
  const long = 'Я'.repeat(5000);
  const { client, notices } = clientFromAmo({
    entity: 'contacts', id: 7,
    contacts: [{ id: 7, name: `<img src=x onerror=alert(1)>\u0000${long}`, custom_fields_values: [{ field_code: 'PHONE', values: [{ value: '1' }] }] },
      { id: 8, first_name: 'Пётр', last_name: null }, { id: 9 }, null, 'x'],
    leads: [{ id: 1, status_id: 142, closed_at: null, price: 10 }, { id: 2, status_id: 142, closed_at: 1791968400, price: null },
      { id: 3, status_id: 142, closed_at: 1791968400, price: -5 }, { id: 4, status_id: '142', closed_at: '2026-10-01', price: '12 500,5' }],
  }, { timeZone: TZ });
  assert.equal(client.id, 'amocrm-contact-7');
  assert.equal(client.kind, 'person');
  assert.equal([...client.name].length, 1000);
  assert.ok(client.name.startsWith('<img src=x onerror=alert(1)> ЯЯ'));
  assert.deepEqual(client.contacts.map((c) => c.name.slice(0, 4)), ['<img', 'Пётр', '#9']);
  assert.deepEqual(client.orders, [{ date: '2026-10-01', amount: 12500.5 }, { date: '2026-10-14' }, { date: '2026-10-14' }]);
  assert.deepEqual(notices.map((n) => n.code), ['segment_unmapped', 'birthday_unmapped']);
  // The engine takes it as it is.
  assert.equal(touchplan.plan({ today: TODAY, client }).clientId, 'amocrm-contact-7');

  const empty = clientFromAmo({ entity: 'leads', id: 5 });
  assert.deepEqual(empty.client, { id: 'amocrm-leads-5', kind: 'person' });
  assert.deepEqual(empty.notices.map((n) => n.code), ['segment_unmapped']);
  assert.match(clientFromAmo({}, { locale: 'en' }).notices[0].message, /the plan assumes segment B/);
});

test('incidents from tagged leads (the field map names the tag), never orders or the open deal', () => {
  const leads = [
    { id: 1, name: 'Жалоба: бой при доставке', status_id: 142, created_at: 1793689200, closed_at: 1793689200, price: 0, _embedded: { tags: [{ name: 'рекламация' }] } },
    { id: 2, name: 'Новая поставка', status_id: 55502, created_at: 1794294000, _embedded: { tags: [] } },
  ];
  const { client } = clientFromAmo({ entity: 'companies', id: 3, company: { id: 3, name: 'Ко' }, leads }, { timeZone: TZ });
  assert.deepEqual(client.incidents, [{ date: '2026-11-03', summary: 'Жалоба: бой при доставке' }]);
  assert.equal(client.orders, undefined);
  assert.deepEqual(client.openDeal, { since: '2026-11-10' });
  const other = clientFromAmo({ entity: 'companies', id: 3, company: { id: 3 }, leads }, { fieldMap: parseFieldMap('{"incidentTag":"Жалоба"}').fieldMap, timeZone: TZ });
  assert.equal(other.client.incidents, undefined);
  assert.deepEqual(other.client.orders, [{ date: '2026-11-03', amount: 0 }]);
});

// The lead card of the harness (Done-when 2): a company with two won leads,
// three contacts (one with a birthday) and calls, e-mails and a chat.
const SEVERNY_VETER = {
  id: 'amocrm-company-3001',
  name: 'ООО «Северный ветер»',
  orders: [{ date: '2026-08-20', amount: 980000 }, { date: '2026-10-14', amount: 1120500 }],
  openDeal: { since: '2026-11-10' },
  contacts: [
    { name: 'Анна Смирнова', role: 'decision_maker', birthday: '1985-12-05', channels: ['phone', 'email'] },
    { name: 'Иван Петров', role: 'buyer', channels: ['phone'] },
    { name: 'Олег Кузнецов', role: 'technical', channels: ['email', 'messenger'] },
  ],
  channels: ['phone', 'email', 'messenger'],
  segment: 'A',
  industry: 'Упаковка',
  history: [
    { date: '2026-09-10', channel: 'visit' },
    { date: '2026-10-30', channel: 'phone' },
    { date: '2026-11-05', channel: 'email' },
    { date: '2026-11-12', channel: 'phone' },
    { date: '2026-11-18', channel: 'messenger' },
  ],
};

async function cardClient(entity, id) {
  const requests = [];
  const api = createAmoApi({ fetch: standinFetch(loadAccount(), requests) });
  const card = await loadCard(api, { entity, id });
  return { ...clientFromAmo(card, { timeZone: TZ }), card, requests };
}

test('a lead, its company and a contact of it give the same client; the engine plans it', async () => {
  for (const [entity, id] of [['leads', 1003], ['companies', 3001], ['contacts', 2002]]) {
    const { client, notices } = await cardClient(entity, id);
    const expected = entity === 'contacts'
      ? { ...SEVERNY_VETER, contacts: [SEVERNY_VETER.contacts[1], SEVERNY_VETER.contacts[0], SEVERNY_VETER.contacts[2]] }
      : SEVERNY_VETER;
    assert.deepEqual(client, expected, `${entity} ${id}`);
    assert.deepEqual(notices, [], `${entity} ${id}`);
  }
  const { client } = await cardClient('leads', 1003);
  const plan = touchplan.plan({ today: TODAY, client });
  assert.equal(plan.clientId, 'amocrm-company-3001');
  assert.ok(plan.touches.some((t) => t.kind === 'greeting' && t.contact === 'Анна Смирнова' && t.date <= '2026-12-05'), 'a birthday greeting for Анна');
});

test('a private person with a YYYY-MM-DD birthday; empty lists come as 204 and read as empty', async () => {
  const { client, notices, requests } = await cardClient('contacts', 2004);
  assert.deepEqual(client, {
    id: 'amocrm-contact-2004', name: 'Мария Орлова', kind: 'person',
    orders: [{ date: '2026-07-15', amount: 38000 }],
    contacts: [{ name: 'Мария Орлова', birthday: '1990-03-15', channels: ['phone'] }],
    channels: ['phone'],
    history: [{ date: '2026-11-03', channel: 'sms' }],
  });
  assert.deepEqual(notices.map((n) => n.code), ['segment_unmapped']);
  assert.ok(requests.some((r) => r.url.startsWith('/api/v4/events?')), 'events were asked for (and answered 204)');
});

test('401 and 404 become AmoApiError; a created task returns its id', async () => {
  const account = loadAccount();
  const expired = createAmoApi({ fetch: standinFetch(account, [], { session: () => false }) });
  await assert.rejects(loadCard(expired, { entity: 'leads', id: 1003 }), (e) => e instanceof AmoApiError && e.status === 401 && /session has ended/.test(e.message));
  const api = createAmoApi({ fetch: standinFetch(account) });
  await assert.rejects(loadCard(api, { entity: 'leads', id: 999 }), (e) => e.status === 404);
  const requests = [];
  const id = await createTask(createAmoApi({ fetch: standinFetch(account, requests) }), { task_type_id: 1, text: 't', complete_till: 1, entity_id: 1003, entity_type: 'leads' });
  assert.equal(id, 9003);
  assert.deepEqual(requests.map((r) => [r.method, r.url]), [['POST', '/api/v4/tasks']]);
});

test('a long call history is read page by page through `_links.next`, the newest calls included', async () => {
  const account = loadAccount();
  const template = account.notes.leads.find((n) => n.note_type === 'call_out');
  const day = 86400;
  const first = Date.UTC(2025, 0, 1) / 1000 + 9 * 3600;
  // 620 answered calls on lead 1003, one a day from 1 Jan 2025: three pages of 250.
  for (let i = 0; i < 620; i += 1) {
    account.notes.leads.push({ ...structuredClone(template), id: 80000 + i, created_at: first + i * day, updated_at: first + i * day });
  }
  const requests = [];
  const card = await loadCard(createAmoApi({ fetch: standinFetch(account, requests) }), { entity: 'leads', id: 1003 });
  const pages = requests.filter((r) => r.url.startsWith('/api/v4/leads/notes?')).map((r) => new URL(r.url, 'http://x').searchParams.get('page'));
  assert.deepEqual(pages, ['1', '2', '3']);
  assert.equal(card.notes.filter((n) => n.id >= 80000).length, 620);
  const { client } = clientFromAmo(card, { timeZone: TZ });
  const last = new Date((first + 619 * day) * 1000).toISOString().slice(0, 10);
  assert.ok(client.history.some((h) => h.date === last && h.channel === 'phone'), `the newest call (${last}) is in history`);
});

test('a list whose `next` link never ends stops after 40 pages', async () => {
  const requests = [];
  const endless = async (url) => {
    requests.push(url);
    const body = { _page: 1, _links: { self: { href: url }, next: { href: url } }, _embedded: { notes: [] } };
    const items = url.includes('/leads/notes?') ? [{ id: requests.length, entity_id: 1, note_type: 'call_out', created_at: 1764547200 }] : [];
    body._embedded.notes = items;
    if (url.startsWith('/api/v4/leads/1?')) return new Response(JSON.stringify({ id: 1, _embedded: { contacts: [] } }), { status: 200 });
    return items.length ? new Response(JSON.stringify(body), { status: 200 }) : new Response(null, { status: 204 });
  };
  const card = await loadCard(createAmoApi({ fetch: endless }), { entity: 'leads', id: 1 });
  assert.equal(requests.filter((u) => u.startsWith('/api/v4/leads/notes?')).length, 40);
  assert.equal(card.notes.length, 40);
});
