// Exports as their readers open them: the CSV as a spreadsheet with a
// Russian (or English) locale opens the file, the .ics through ical.js.
// Every profile of examples/clients/ in both locales; the cells and event
// texts a person reads hold words, never the contract's codes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import ICAL from 'ical.js';
import Papa from 'papaparse';

import * as touchplan from '../../www/pkg/touchplan.js';
import { touchKindLabel } from '../../www/widget/touch-plan-i18n.js';

touchplan.initSync({ module: readFileSync(new URL('../../www/pkg/touchplan_bg.wasm', import.meta.url)) });

const CLIENTS = new URL('../../examples/clients/', import.meta.url);
const PROFILES = readdirSync(CLIENTS).filter((f) => f.endsWith('.json')).sort();
const profile = (file) => JSON.parse(readFileSync(new URL(file, CLIENTS), 'utf8'));

const CODE_COLUMNS = ['client_id', 'date', 'kind', 'channel', 'role', 'rule', 'reason_code', 'purposes', 'automated', 'scheduled', 'moved_from'];
const KINDS = ['mandatory', 'standard', 'need', 'event', 'meeting', 'greeting', 'renewal', 'check', 'apology', 'first_day', 'onboarding'];
const CHANNELS = ['phone', 'visit', 'messenger', 'email', 'sms', 'newsletter', 'event', 'staff', 'portal', 'social', 'letter'];
const ROLES = ['decision_maker', 'influencer', 'technical', 'user', 'buyer', 'other'];
const ISO_DATE = /\b\d{4}-\d{2}-\d{2}\b/;
// A rule number not followed by its plain name.
const BARE_RULE = /\bR\d+\b(?! — \S)/;

// What a spreadsheet does when it opens a .csv by double-click: UTF-8 only
// when the file starts with a byte-order mark, else the system's legacy
// code page (windows-1251 under a Russian locale); fields split at the
// locale's list separator (";" where the decimal mark is a comma), no
// dialogue, no guessing.
const EXCEL = {
  ru: { codePage: 'windows-1251', listSeparator: ';' },
  en: { codePage: 'windows-1252', listSeparator: ',' },
};

function openLikeExcel(bytes, { codePage, listSeparator }) {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const text = new TextDecoder(bom ? 'utf-8' : codePage).decode(bom ? bytes.subarray(3) : bytes);
  const { data, errors } = Papa.parse(text, { delimiter: listSeparator, newline: '\r\n', skipEmptyLines: true });
  assert.deepEqual(errors, [], 'parses without errors');
  return data;
}

/** An import tool's view: papaparse guessing the separator itself. */
function sniff(text) {
  const { data, errors, meta } = Papa.parse(text, { skipEmptyLines: true });
  assert.deepEqual(errors, []);
  return { data, delimiter: meta.delimiter };
}

function records(rows) {
  const [header, ...body] = rows;
  return body.map((row) => {
    assert.equal(row.length, header.length, `a row of ${row.length} cells under ${header.length} headers`);
    return Object.fromEntries(header.map((h, i) => [h, row[i]]));
  });
}

/** The cells for people: everything before the code columns. */
function peopleCells(header, row) {
  const first = header.indexOf('client_id');
  assert.ok(first > 0, 'the code columns come last');
  assert.deepEqual(header.slice(first), CODE_COLUMNS);
  return row.slice(0, first);
}

// In English some codes are words too ("buyer", "user"): there only the
// codes no sentence holds are looked for.
function assertNoCodes(text, where, locale) {
  assert.doesNotMatch(text, ISO_DATE, `${where}: an ISO date in «${text}»`);
  assert.doesNotMatch(text, BARE_RULE, `${where}: a rule number without its name in «${text}»`);
  const codes = locale === 'ru' ? [...ROLES, ...KINDS, ...CHANNELS] : [...ROLES, ...KINDS].filter((c) => c.includes('_'));
  for (const code of [...codes, 'true', 'false']) {
    assert.ok(!new RegExp(`(^|[^\\p{L}_])${code}($|[^\\p{L}_])`, 'u').test(text), `${where}: the code ${code} in «${text}»`);
  }
}

const WORDS = {
  ru: { header: ['Клиент', 'Дата', 'Вид касания', 'Канал', 'Контакт', 'Роль'], date: /^\d{2}\.\d{2}\.\d{4}$/, yes: 'да', no: 'нет' },
  en: { header: ['Client', 'Date', 'Kind', 'Channel', 'Contact', 'Role'], date: /^\d{1,2} [A-Z][a-z]+ \d{4}$/, yes: 'yes', no: 'no' },
};

for (const locale of ['ru', 'en']) {
  test(`CSV for spreadsheets (${locale}): ";" and a BOM open as columns in a Russian spreadsheet, every profile`, () => {
    for (const file of PROFILES) {
      const plan = touchplan.plan({ ...profile(file), locale });
      const csv = touchplan.toCsv(plan, { separator: ';', bom: true });
      const bytes = Buffer.from(csv, 'utf8');
      assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], `${file}: a UTF-8 byte-order mark`);

      const rows = openLikeExcel(bytes, EXCEL.ru);
      assert.equal(rows.length, plan.touches.length + 1, `${file}: a header and one row per touch`);
      assert.deepEqual(rows[0].slice(0, 6), WORDS[locale].header, file);
      assert.equal(sniff(csv).delimiter, ';', `${file}: an import tool guesses ";"`);

      records(rows).forEach((r, i) => {
        const touch = plan.touches[i];
        const where = `${file} ${touch.date}`;
        assert.equal(r.date, touch.date, where);
        assert.equal(r.kind, touch.kind, where);
        assert.equal(r.channel, touch.channel, where);
        assert.equal(r.rule, touch.rule, where);
        assert.equal(r.reason_code, touch.reasons[0].code, where);
        assert.equal(r.automated, String(touch.automated), where);
        assert.match(r[WORDS[locale].header[1]], WORDS[locale].date, where);
        assert.ok([WORDS[locale].yes, WORDS[locale].no].includes(r[locale === 'ru' ? 'Автоматически' : 'Automated']), where);
        const cells = peopleCells(rows[0], rows[i + 1]);
        // English words and codes coincide for some ("email", "check").
        if (locale === 'ru') assert.ok(!KINDS.includes(cells[2]) && !CHANNELS.includes(cells[3]), `${where}: kind and channel in words`);
        // One word for one kind: the export says what the widget shows.
        assert.equal(cells[2].toLowerCase(), touchKindLabel(locale, touch).toLowerCase(), `${where}: the kind as the widget names it (the apology follow-up as "после сбоя")`);
        for (const cell of cells) assertNoCodes(cell, where, locale);
      });
    }
  });

  test(`.ics (${locale}): DESCRIPTION and CATEGORIES in words, every profile`, () => {
    for (const file of PROFILES) {
      const plan = touchplan.plan({ ...profile(file), locale });
      const calendar = new ICAL.Component(ICAL.parse(touchplan.toIcs(plan)));
      const events = calendar.getAllSubcomponents('vevent');
      assert.equal(events.length, plan.touches.length, file);
      events.forEach((component, i) => {
        const touch = plan.touches[i];
        const event = new ICAL.Event(component);
        const where = `${file} ${touch.date}`;
        const categories = component.getAllProperties('categories').flatMap((p) => p.getValues());
        assert.ok(categories.length >= 1, where);
        if (locale === 'ru') for (const c of categories) assert.match(c, /^[а-яё -]+$/, `${where}: category ${c}`);
        assertNoCodes(event.summary, where, locale);
        assertNoCodes(event.description, where, locale);
        assert.match(event.description, new RegExp(`${touch.rule} — \\S`), where);
      });
    }
  });
}

test('the default CSV stays RFC 4180 (comma, no BOM): opened by a Russian spreadsheet it would be one column', () => {
  const plan = touchplan.plan({ ...profile('distributor-a.json'), locale: 'ru' });
  const csv = touchplan.toCsv(plan);
  assert.notEqual(csv.charCodeAt(0), 0xfeff);
  assert.equal(sniff(csv).delimiter, ',');
  const asRussianExcel = openLikeExcel(Buffer.from(csv, 'utf8'), EXCEL.ru);
  assert.equal(asRussianExcel[0].length, 1, 'the reason for the ";" option');
  // An English spreadsheet opens the same file as columns.
  const rows = Papa.parse(csv, { delimiter: ',', skipEmptyLines: true }).data;
  assert.deepEqual(rows[0].slice(0, 3), ['Клиент', 'Дата', 'Вид касания']);
  assert.equal(rows.length, plan.touches.length + 1);
});

test('a tab-separated CSV and the words of a merged touch', () => {
  const plan = touchplan.plan({ ...profile('gym-member.json'), locale: 'ru' });
  const rows = Papa.parse(touchplan.toCsv(plan, { separator: '\t' }), { delimiter: '\t', skipEmptyLines: true }).data;
  const recs = records(rows);
  const merged = plan.touches.findIndex((t) => t.purposes?.length > 1);
  if (merged >= 0) {
    assert.equal(recs[merged].purposes, plan.touches[merged].purposes.join('; '));
    assert.doesNotMatch(recs[merged]['Цели касания'], /_/);
  }
  assert.equal(recs.length, plan.touches.length);
});

test('formula escaping holds with ";" and a BOM, and the cell keeps its text', () => {
  const evil = ['=HYPERLINK("http://x.example","y")', '+7 999 123-45-67', '-1;2', '@SUM(A1)', '\t=1+1'];
  const plan = touchplan.plan({
    today: '2026-11-24',
    locale: 'ru',
    client: {
      id: '=cmd|"/c calc"!A1',
      name: evil[0],
      orders: [{ date: '2026-11-20', amount: 1000 }],
      contacts: evil.map((name, i) => ({ name, role: i === 0 ? 'decision_maker' : 'buyer' })),
    },
  });
  const rows = openLikeExcel(Buffer.from(touchplan.toCsv(plan, { separator: ';', bom: true }), 'utf8'), EXCEL.ru);
  const recs = records(rows);
  assert.ok(recs.length > 0);
  for (const r of recs) {
    assert.equal(r['Клиент'], `'${evil[0]}`);
    assert.equal(r.client_id, `'=cmd|"/c calc"!A1`);
    for (const cell of Object.values(r)) assert.doesNotMatch(cell, /^[=+\-@\t\r]/, `a live formula: ${cell}`);
  }
  const contacts = recs.map((r) => r['Контакт']).filter(Boolean);
  assert.ok(contacts.length > 0);
  for (const c of contacts) assert.ok(evil.some((e) => c === `'${e}` || c.includes(e)), c);
});

test('toCsv options are checked at the boundary', () => {
  const plan = touchplan.plan({ today: '2026-11-24', client: { id: 'c1' } });
  assert.throws(() => touchplan.toCsv(plan, { separator: '|' }), { name: 'TouchPlanError', code: 'unknown_value', path: 'opts.separator' });
  assert.throws(() => touchplan.toCsv(plan, { separator: ';;' }), { name: 'TouchPlanError', code: 'unknown_value', path: 'opts.separator' });
  assert.throws(() => touchplan.toCsv(plan, { bom: 'yes' }), { name: 'TouchPlanError', code: 'invalid_type', path: 'opts.bom' });
  assert.equal(touchplan.toCsv(plan, {}), touchplan.toCsv(plan));
  assert.equal(touchplan.toCsv(plan, { separator: undefined, bom: false }), touchplan.toCsv(plan));
  assert.equal(touchplan.toCsv(plan, { bom: true }), `\ufeff${touchplan.toCsv(plan)}`);
});
