// The book's exports (www/widget/touch-plan-book-export.js, issue 19): a
// book's CSV has one row per touch with client, manager, date, person,
// channel, kind and first reason, the engine's escaping for every cell;
// its ICS parses with ical.js, one VEVENT per touch, UIDs unique across
// clients; a day's agenda holds that day's personal touches only.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import ICAL from 'ical.js';
import Papa from 'papaparse';

import init, * as api from '../../www/api.js';
import { bookCsv, bookIcs, csvRows, exportItems } from '../../www/widget/touch-plan-book-export.js';
import { sampleBook } from '../../www/demo/book-sample.js';

await init();

const TODAY = '2026-11-24';
const { clients } = sampleBook({ n: 24, managers: ['Ирина Белова', 'Павел Громов'], bad: [5], seed: 3 });
clients[1] = { ...clients[1], name: '=HYPERLINK("http://evil.example";"x")', manager: '+7 (999) 000' };
clients[2] = { ...clients[2], manager: undefined };
clients[3] = { ...clients[3], id: clients[4].id }; // two clients, one id
const planBook = (locale) => api.planBook({ today: TODAY, horizonMonths: 3, locale, clients });
const touchCount = (book) => book.clients.reduce((n, c) => n + (c.touches?.length ?? 0), 0);

test('CSV of the whole book: one row per touch with client, manager, date, person, channel, kind, first reason', async () => {
  const book = planBook('en');
  const csv = await bookCsv(api, book, exportItems(book, { scope: 'book' }));
  assert.ok(!csv.startsWith('\ufeff'), 'English: a comma and no byte-order mark');
  const { data, errors } = Papa.parse(csv.trimEnd(), { header: true });
  assert.deepEqual(errors, []);
  assert.equal(data.length, touchCount(book));
  const header = Object.keys(data[0]);
  assert.deepEqual(header.slice(0, 8), ['Client', 'Manager', 'Date', 'Kind', 'Channel', 'Contact', 'Role', 'Reason']);
  assert.equal(header.at(-1), 'manager');
  assert.equal(header.at(-12), 'client_id');
  let row = 0;
  book.clients.forEach((c, ci) => {
    for (const t of c.touches ?? []) {
      const r = data[row++];
      assert.equal(r.client_id, c.id);
      assert.equal(r.manager, ci === 1 ? "'+7 (999) 000" : ci === 2 ? 'No manager' : c.manager);
      assert.equal(r.Manager, r.manager);
      assert.equal(r.date, t.date);
      assert.equal(r.kind, t.kind);
      assert.equal(r.channel, t.channel);
      assert.equal(r.Contact, t.contact ?? (t.contacts ?? []).join('; '));
      assert.equal(r.reason_code, t.reasons[0][0]);
      assert.equal(r.Reason, book.reasons[t.reasons[0][0]].title);
    }
  });
  // The failed client (5) has no rows; the formula in a client's name and manager is defused.
  assert.equal(data.filter((r) => r.client_id === book.clients[5].id).length, 0);
  const evil = data.find((r) => r.client_id === clients[1].id);
  assert.equal(evil.Client, '\'=HYPERLINK("http://evil.example";"x")');
  assert.equal(evil.Manager, "'+7 (999) 000");
});

test('CSV in Russian: `;` and a byte-order mark, the manager column headed in Russian; a day\'s agenda only that day\'s personal touches', async () => {
  const book = planBook('ru');
  const items = exportItems(book, { scope: 'day', day: TODAY });
  const csv = await bookCsv(api, book, items);
  assert.ok(csv.startsWith('\ufeffКлиент;Менеджер;Дата;Вид касания;Канал;'));
  const rows = csvRows(csv, ';');
  const todays = book.clients.flatMap((c) => (c.touches ?? []).filter((t) => t.date === TODAY && !t.automated));
  assert.ok(todays.length > 0);
  assert.equal(rows.length - 1, todays.length);
  const { data } = Papa.parse(csv.slice(1).trimEnd(), { header: true, delimiter: ';' });
  assert.ok(data.every((r) => r.date === TODAY && r.automated === 'false'));
  assert.ok(data.every((r) => r['Дата'] === '24.11.2026'));
  // Options override the defaults.
  const comma = await bookCsv(api, book, items, { separator: ',', bom: false });
  assert.ok(comma.startsWith('Клиент,Менеджер,Дата,'));
  assert.equal(Papa.parse(comma.trimEnd(), { header: true }).data.length, todays.length);
});

test('ICS of the whole book: parses with ical.js, one VEVENT per touch, UIDs unique across clients (one id twice too)', async () => {
  const book = planBook('ru');
  const ics = await bookIcs(api, book, exportItems(book, { scope: 'book' }), { calendarName: 'Книга: ноябрь' });
  assert.match(ics, /^BEGIN:VCALENDAR\r\n/);
  assert.match(ics, /END:VCALENDAR\r\n$/);
  assert.ok(ics.split('\r\n').every((line) => new TextEncoder().encode(line).length <= 75), 'folded at 75 octets');
  const calendar = new ICAL.Component(ICAL.parse(ics));
  assert.equal(calendar.getFirstPropertyValue('x-wr-calname'), 'Книга: ноябрь');
  const events = calendar.getAllSubcomponents('vevent');
  assert.equal(events.length, touchCount(book));
  const uids = events.map((e) => e.getFirstPropertyValue('uid'));
  assert.equal(new Set(uids).size, uids.length);
  // Each event names its client and manager; the formula stays text.
  const first = new ICAL.Event(events[0]);
  assert.ok(first.summary.includes(book.clients[0].name));
  assert.ok(first.description.startsWith(`Клиент: ${book.clients[0].name}\nМенеджер: ${book.clients[0].manager}\n\n`));
  const evil = events.map((e) => new ICAL.Event(e)).find((e) => e.description.includes('HYPERLINK'));
  assert.ok(evil.summary.includes('=HYPERLINK("http://evil.example";"x") · '));
  assert.ok(evil.description.includes('Менеджер: +7 (999) 000'));
});

test('ICS of a day\'s agenda: that day\'s personal touches, still one VEVENT each', async () => {
  const book = planBook('en');
  const ics = await bookIcs(api, book, exportItems(book, { scope: 'day', day: TODAY, perClient: true }));
  const events = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent');
  const todays = book.clients.flatMap((c) => (c.touches ?? []).filter((t) => t.date === TODAY && !t.automated));
  assert.equal(events.length, todays.length);
  assert.ok(events.every((e) => e.getFirstPropertyValue('dtstart').toString() === TODAY));
  assert.equal(new ICAL.Component(ICAL.parse(ics)).getFirstPropertyValue('x-wr-calname'), 'Client book');
});

test('csvRows splits on line ends outside quotes only', () => {
  const csv = 'a;b\r\n"x;\r\n""y""";z\r\n\'=1;"q"\r\n';
  assert.deepEqual(csvRows(csv, ';'), [['a', ';b'], ['"x;\r\n""y"""', ';z'], ["'=1", ';"q"']]);
});
