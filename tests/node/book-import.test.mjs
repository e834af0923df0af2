// The «Книга клиентов» CSV import (www/book/csv-import.js, csv-fields.js):
// encodings, delimiters, quotes, the header guess, dates and sums as
// Russian and English exports write them, and rows that cannot be read
// reported by their line while the rest are read.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  decodeBytes, detectDelimiter, guessMapping, importCsv, parseCsv, readClients, rowErrorText,
} from '../../www/book/csv-import.js';
import { parseAmount, parseBirthday, parseDate, parseSegment } from '../../www/book/csv-fields.js';
import { cp1251 } from '../e2e/cp1251.mjs';

const RU = [
  'Клиент;Сегмент;Дата последнего заказа;Сумма;ЛПР;День рождения;Ответственный',
  'ООО «Альфа»;A;24.11.2026;"1 234 567,89";Иван Петров;12.05;Ирина Белова',
  'АО «Вектор»;В;2026-10-01;350 000;Анна Смирнова;1975-03-08;Ирина Белова',
].join('\r\n');

test('Russian headers with `;` in UTF-8 with BOM and in Windows-1251 read alike', () => {
  const utf8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(RU, 'utf8')]);
  const a = importCsv(utf8);
  const b = importCsv(cp1251(RU));
  assert.equal(a.encoding, 'utf-8');
  assert.equal(b.encoding, 'windows-1251');
  assert.equal(a.parsed.delimiter, ';');
  assert.deepEqual(a.mapping, { name: 0, segment: 1, lastOrder: 2, amount: 3, contact: 4, birthday: 5, manager: 6 });
  assert.deepEqual(b.clients, a.clients);
  assert.deepEqual(a.errors, []);
  assert.deepEqual(a.clients[0], {
    id: 'row-2', name: 'ООО «Альфа»', segment: 'A', manager: 'Ирина Белова',
    orders: [{ date: '2026-11-24', amount: 1234567.89 }],
    contacts: [{ name: 'Иван Петров', role: 'decision_maker', birthday: '--05-12' }],
  });
  // A Cyrillic «В» typed for the segment reads as B; a full birthday stays a date.
  assert.equal(a.clients[1].segment, 'B');
  assert.equal(a.clients[1].contacts[0].birthday, '1975-03-08');
});

test('English headers with `,`, quoted sums with thousands commas, phone and e-mail as channels', () => {
  const csv = [
    'Client ID,Company,Segment,Last order date,Amount,Decision maker,Birthday,Manager,Phone,E-mail,Order cycle',
    'c-1,"Acme, Inc.",A+,2026-11-02,"1,250,000.50",John Smith,1980-07-14,Kate Brown,+1 555 0100,john@acme.test,45',
    'c-2,Globex,c,15.10.2026,990,,,Kate Brown,,,',
  ].join('\n');
  const r = importCsv(csv);
  assert.equal(r.parsed.delimiter, ',');
  assert.deepEqual(r.mapping, { id: 0, name: 1, segment: 2, lastOrder: 3, amount: 4, contact: 5, birthday: 6, manager: 7, phone: 8, email: 9, cycle: 10 });
  assert.deepEqual(r.errors, []);
  assert.deepEqual(r.clients[0], {
    id: 'c-1', name: 'Acme, Inc.', segment: 'A+', orderCycleDays: 45, channels: ['phone', 'email'], manager: 'Kate Brown',
    orders: [{ date: '2026-11-02', amount: 1250000.5 }],
    contacts: [{ name: 'John Smith', role: 'decision_maker', birthday: '1980-07-14', channels: ['phone', 'email'] }],
  });
  assert.deepEqual(r.clients[1], { id: 'c-2', name: 'Globex', segment: 'C', manager: 'Kate Brown', orders: [{ date: '2026-10-15', amount: 990 }] });
});

test('a broken row is reported by its line in the file (quoted line breaks counted) and the rest are read', () => {
  const csv = [
    'Клиент;Сегмент;Дата последнего заказа;Сумма',
    '"ООО ""Кедр""',
    'филиал";A;01.11.2026;100', // one row over lines 2–3
    '',
    'ООО «Нева»;Q;31.02.2026;сто',
    'ООО «Сокол»;B;02.11.2026;1 000,5',
    ';;;',
    ';C;03.11.2026;5',
  ].join('\n');
  const r = importCsv(csv);
  assert.deepEqual(r.clients.map((c) => c.name), ['ООО "Кедр" филиал', 'ООО «Сокол»']);
  assert.deepEqual(r.lines, [2, 6]);
  assert.equal(r.imported, 2);
  assert.equal(r.skipped, 2);
  assert.deepEqual(r.errors.map((e) => [e.line, e.field, e.code]), [
    [5, 'segment', 'bad_segment'], [5, 'lastOrder', 'bad_date'], [5, 'amount', 'bad_amount'], [8, 'name', 'missing'],
  ]);
  assert.equal(rowErrorText('ru', 5, r.errors[1]), 'Строка 5, Дата последнего заказа: «31.02.2026» — не дата (дд.мм.гггг или гггг-мм-дд)');
  assert.equal(rowErrorText('en', 5, r.errors[0]), 'Line 5, Segment: "Q" is not a segment (A+, A, B, C or D)');
});

test('an unclosed quote is reported at the line it opens; the rows before it are read', () => {
  const r = importCsv('Клиент;Сумма\nООО А;1\n"ООО Б;2\nООО В;3\n');
  assert.deepEqual(r.clients.map((c) => c.name), ['ООО А']);
  assert.deepEqual(r.errors, [{ line: 3, field: 'file', code: 'quotes' }]);
  assert.equal(r.skipped, 1);
});

test('duplicate client IDs: the later row is reported', () => {
  const r = importCsv('ID;Клиент\n7;ООО А\n7;ООО Б\n');
  assert.deepEqual(r.clients.map((c) => c.id), ['7']);
  assert.deepEqual(r.errors, [{ line: 3, field: 'id', code: 'duplicate_id', value: '7' }]);
});

test('header guesses: Russian and English spellings, the longest name wins, a column fills one field', () => {
  assert.deepEqual(guessMapping(['Компания', 'ФИО ЛПР', 'Дата рождения ЛПР', 'Ответственный менеджер', 'Сумма последнего заказа', 'Дата заказа']),
    { name: 0, contact: 1, birthday: 2, manager: 3, amount: 4, lastOrder: 5 });
  assert.deepEqual(guessMapping(['Name', 'Owner', 'Tier', 'Last purchase', 'Revenue', 'DOB', 'Contact person']),
    { name: 0, manager: 1, segment: 2, lastOrder: 3, amount: 4, birthday: 5, contact: 6 });
  assert.deepEqual(guessMapping(['Клиент', 'Клиент']), { name: 0 });
  assert.deepEqual(guessMapping(['Примечание', 'Город']), {});
});

test('dates, birthdays, sums and segments as exports write them', () => {
  assert.equal(parseDate('24.11.2026'), '2026-11-24');
  assert.equal(parseDate('1.2.2026'), '2026-02-01');
  assert.equal(parseDate('24/11/2026'), '2026-11-24');
  assert.equal(parseDate('24.11.26'), '2026-11-24');
  assert.equal(parseDate('2026-11-24'), '2026-11-24');
  assert.equal(parseDate('24.11.2026 10:30'), '2026-11-24');
  assert.equal(parseDate('29.02.2028'), '2028-02-29');
  for (const bad of ['29.02.2026', '31.04.2026', '2026-13-01', '11/24/2026', 'вчера', '']) assert.equal(parseDate(bad), null, bad);
  assert.equal(parseBirthday('08.03'), '--03-08');
  assert.equal(parseBirthday('--03-08'), '--03-08');
  assert.equal(parseBirthday('08.03.1975'), '1975-03-08');
  assert.equal(parseBirthday('30.02'), null);
  assert.equal(parseAmount('1 234 567,89'), 1234567.89);
  assert.equal(parseAmount('1\u00a0234\u00a0567,89'), 1234567.89);
  assert.equal(parseAmount('1\u202f234,5 ₽'), 1234.5);
  assert.equal(parseAmount('1.234.567,89'), 1234567.89);
  assert.equal(parseAmount('1,234,567.89'), 1234567.89);
  assert.equal(parseAmount('350000 руб.'), 350000);
  assert.equal(parseAmount('12,5'), 12.5);
  assert.ok(Number.isNaN(parseAmount('сто')));
  assert.ok(Number.isNaN(parseAmount('1 2,3,4.5.6')));
  assert.equal(parseSegment(' а+ '), 'A+');
  assert.equal(parseSegment('Д'), 'D');
  assert.equal(parseSegment('E'), null);
});

test('delimiter: the header line decides, quotes aside; `;` on a tie', () => {
  assert.equal(detectDelimiter('"a;b",c,d\n1;2;3;4;5'), ',');
  assert.equal(detectDelimiter('Клиент;Сумма\n"1,5";2'), ';');
  assert.equal(detectDelimiter('a\tb\tc'), '\t');
  assert.equal(detectDelimiter('Клиент'), ';');
  assert.equal(parseCsv('a;b\n1;2', { delimiter: ',' }).headers[0], 'a;b');
});

test('encodings: a forced one wins; bytes that are not UTF-8 read as Windows-1251', () => {
  const bytes = cp1251('Клиент;Сумма');
  assert.equal(decodeBytes(bytes).text, 'Клиент;Сумма');
  assert.equal(decodeBytes(Buffer.from('Клиент', 'utf8'), 'windows-1251').text, 'РљР»РёРµРЅС‚');
  assert.equal(decodeBytes(Buffer.from('\ufeffКлиент', 'utf16le')).text, 'Клиент');
});

test('blank files and files of a header only give no clients and no errors', () => {
  assert.deepEqual(readClients(parseCsv(''), {}), { clients: [], errors: [], imported: 0, skipped: 0, lines: [] });
  const r = importCsv('\uFEFFКлиент;Сегмент\r\n');
  assert.deepEqual([r.imported, r.skipped, r.parsed.headers], [0, 0, ['Клиент', 'Сегмент']]);
});

test('the Papa Parse module sets no global', async () => {
  const before = Object.getOwnPropertyNames(globalThis);
  await import(`../../www/vendor/papaparse.js?fresh=${Date.now()}`);
  assert.deepEqual(Object.getOwnPropertyNames(globalThis).filter((k) => !before.includes(k)), []);
  assert.equal(globalThis.Papa, undefined);
  assert.match(readFileSync(new URL('../../www/vendor/papaparse.js', import.meta.url), 'utf8'), /Papa Parse 5\.5\.3/);
});

test('the shipped template and «Пример: 200 клиентов» import with no error; scripts/gen-book-csv.mjs makes them byte for byte', async () => {
  const { execFileSync } = await import('node:child_process');
  const { mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const dir = mkdtempSync(`${tmpdir()}/book-csv-`);
  execFileSync(process.execPath, [new URL('../../scripts/gen-book-csv.mjs', import.meta.url).pathname, dir], { stdio: 'ignore' });
  for (const name of ['template.csv', 'template-en.csv', 'sample-200.csv']) {
    const shipped = readFileSync(new URL(`../../www/book/${name}`, import.meta.url));
    assert.ok(shipped.equals(readFileSync(`${dir}/${name}`)), `www/book/${name} is what the script writes`);
    assert.deepEqual([...shipped.subarray(0, 3)], [0xef, 0xbb, 0xbf], `${name}: UTF-8 BOM`);
    const r = importCsv(shipped);
    assert.deepEqual(r.errors, [], name);
    assert.equal(r.parsed.delimiter, name === 'template-en.csv' ? ',' : ';');
    assert.equal(Object.keys(r.mapping).length, 11, `${name}: every column guessed`);
  }
  const en = importCsv(readFileSync(new URL('../../www/book/template-en.csv', import.meta.url)));
  assert.deepEqual(en.clients.map((c) => [c.name, c.segment, c.orders?.[0]?.date, c.orders?.[0]?.amount, c.orderCycleDays]),
    [['Acme Supplies, LLC', 'A', '2026-11-15', 1250000, 30], ['Ivan Petrov (sole trader)', 'C', '2026-10-02', 48500, undefined]]);
  const sample = importCsv(readFileSync(new URL('../../www/book/sample-200.csv', import.meta.url)));
  assert.equal(sample.imported, 200);
  assert.equal(new Set(sample.clients.map((c) => c.name)).size, 200);
  assert.deepEqual([...new Set(sample.clients.map((c) => c.manager))], ['Ирина Белова']);
  assert.deepEqual(new Set(sample.clients.map((c) => c.segment)), new Set(['A+', 'A', 'B', 'C', 'D']));
});
