// <touch-plan-book> (issue 19): a generated book of 50 clients and two
// managers in each view (ru and en), keyboard across the tabs and into a
// day, touchplan-select, the strict CSP with worker-src, no globals, no
// foreign requests, the planning in a module worker, progress and cancel.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { sampleBook } from '../../www/demo/book-sample.js';

const TODAY = '2026-11-24';
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'";
const BOOK = sampleBook({ n: 50, bad: [7] });

/** A page under the strict CSP (a header) with `body`, loading the define module. */
async function openBook(page, body, { lang = 'ru' } = {}) {
  const html = `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><link rel="icon" href="/favicon.svg">
<script type="module" src="/widget/touch-plan-book-define.js"></script></head><body>${body}</body></html>`;
  await page.route('**/__e2e__/book.html', (route) => route.fulfill({
    contentType: 'text/html; charset=utf-8', headers: { 'Content-Security-Policy': CSP }, body: html,
  }));
  await page.goto('/__e2e__/book.html');
  await page.waitForFunction(() => customElements.get('touch-plan-book'));
}

/** Feeds `clients` (and `settings`) to the element and waits for its book. */
async function feed(page, clients, settings, selector = 'touch-plan-book') {
  await page.$eval(selector, (el, [c, s]) => {
    if (s) el.settings = s;
    el.clients = c;
  }, [clients, settings]);
  return waitBook(page, selector);
}

async function waitBook(page, selector = 'touch-plan-book') {
  await page.waitForFunction((s) => ['ready', 'error'].includes(document.querySelector(s)?.status), selector, { timeout: 30_000 });
  const { book, error } = await page.$eval(selector, (el) => ({ book: el.book, error: el.error && el.error.message }));
  expect(error, 'the element reports no error').toBeNull();
  return book;
}

async function recordSelects(page) {
  await page.addInitScript(() => {
    window.__selects = [];
    document.addEventListener('touchplan-select', (e) => window.__selects.push(JSON.parse(JSON.stringify(e.detail))));
  });
}

test('each view renders a book of 50 clients and two managers (ru)', async ({ page }) => {
  await openBook(page, `<touch-plan-book today="${TODAY}"></touch-plan-book>`);
  const book = await feed(page, BOOK.clients, { managerDailyCapacity: 6 });
  const el = page.locator('touch-plan-book');
  expect(book.clients).toHaveLength(50);
  expect(book.managers.map((m) => m.manager)).toEqual(['Ирина Белова', 'Павел Громов']);
  await expect(el.locator('[role="tab"]')).toHaveText(['Сегодня', 'Нагрузка', 'Клиенты']);
  await expect(el.locator('[role="tab"][aria-selected="true"]')).toHaveText('Сегодня');

  // Сегодня: the day's personal touches by manager, in R16's order.
  await expect(el.locator('.date-title')).toHaveText('вторник, 24 ноября 2026');
  await expect(el.locator('.today-view .manager h3')).toHaveCount(2);
  await expect(el.locator('.today-view .manager h3').first()).toContainText('Ирина Белова');
  for (const manager of await el.locator('.today-view .manager').all()) {
    const items = await manager.locator('.item').evaluateAll((nodes) => nodes.map((n) => [Number(n.dataset.rank), Number(n.dataset.segment)]));
    expect(items.length).toBeGreaterThan(0);
    const sorted = [...items].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    expect(items, 'tied to the day first, then key touches, then by segment').toEqual(sorted);
  }
  const first = el.locator('.today-view .item').first();
  await expect(first.locator('.who')).not.toBeEmpty();
  await expect(first.locator('.what')).toContainText(/Звонок|Эл\. почта|Мессенджер|Визит/);
  await expect(first.locator('.reason')).not.toBeEmpty();
  const todays = book.clients.flatMap((c) => (c.touches ?? []).filter((t) => t.date === TODAY && !t.automated));
  await expect(el.locator('.today-view .item')).toHaveCount(todays.length);
  // The day picker: the next day.
  await el.locator('[data-step="1"]').click();
  await expect(el.locator('.date-title')).toHaveText('среда, 25 ноября 2026');
  await expect(el.locator('[data-step="1"]')).toBeFocused();

  // Нагрузка: a bar per working day of each manager, overloads marked.
  await el.locator('[data-view="load"]').click();
  await expect(el.locator('[role="tabpanel"]')).toHaveAttribute('data-panel', 'load');
  for (const [i, m] of book.managers.entries()) {
    const section = el.locator('.load-view .manager').nth(i);
    await expect(section.locator('.bar')).toHaveCount(m.days.length);
    await expect(section.locator('.bar.over')).toHaveCount(m.days.filter(([d, , after]) => after > book.capacity || m.overloads.some((o) => o.date === d)).length);
    await expect(section.locator('.manager-summary')).toContainText(`норма ${book.capacity} в день`);
  }
  expect(book.managers.some((m) => m.overloads.length > 0), 'capacity 6 leaves days over').toBe(true);
  await expect(el.locator('.overloads li').first()).toContainText('при норме 6. Клиенты:');
  await expect(el.locator('.moves summary').first()).toContainText('Что перенесено');

  // Клиенты: each client's next touch and count; the bad client its error.
  await el.locator('[data-view="clients"]').click();
  await expect(el.locator('table.clients tbody tr')).toHaveCount(50);
  const row = el.locator('table.clients tbody tr').first();
  await expect(row.locator('td').nth(4)).toHaveText(String(book.clients[0].touches.length));
  await expect(row.locator('.item-link')).toContainText('2026');
  await expect(el.locator('tr.failed-row')).toHaveCount(1);
  await expect(el.locator('tr.failed-row')).toContainText('Ошибка в данных: заказ 1 › дата');
  await expect(el.locator('tr.failed-row td').first()).toHaveText(BOOK.clients[7].name);
});

test('a manager\'s own capacity (managers property, R16): their bars, agenda count and overloads use it', async ({ page }) => {
  await openBook(page, `<touch-plan-book today="${TODAY}"></touch-plan-book>`);
  await page.$eval('touch-plan-book', (el) => { el.managers = [{ name: 'Павел Громов', capacity: 3 }]; });
  const book = await feed(page, BOOK.clients, { managerDailyCapacity: 9 });
  expect(book.managers.map((m) => [m.manager, m.capacity])).toEqual([['Ирина Белова', 9], ['Павел Громов', 3]]);
  const pavel = book.managers[1];
  expect(pavel.moves.length, 'Павел is levelled to 3').toBeGreaterThan(0);
  const el = page.locator('touch-plan-book');
  await expect(el.locator('.today-view .manager .load').nth(1)).toContainText('при норме 3');
  await expect(el.locator('.today-view .manager .load').nth(0)).toContainText('при норме 9');
  await el.locator('[data-view="load"]').click();
  const section = el.locator('.load-view .manager').nth(1);
  await expect(section.locator('.manager-summary')).toContainText('норма 3 в день');
  await expect(section.locator('.bar.over')).toHaveCount(pavel.days.filter(([d, , after]) => after > 3 || pavel.overloads.some((o) => o.date === d)).length);
  await expect(section.locator('.moves li').first()).toContainText('при норме 3');
  // A bad list is the element's error, with its path.
  await page.$eval('touch-plan-book', (el) => { el.managers = [{ name: 'Павел Громов', capacity: 0 }]; });
  await page.waitForFunction(() => document.querySelector('touch-plan-book').status === 'error');
  expect(await page.$eval('touch-plan-book', (el) => el.error.errors?.[0]?.path ?? el.error.path)).toBe('managers[0].capacity');
});

test('en: the views in English, and a book read from a src JSON script', async ({ page }) => {
  const input = { today: TODAY, clients: BOOK.clients.slice(0, 20) };
  await openBook(page, `<script type="application/json" id="book-data">${JSON.stringify(input).replace(/</g, '\\u003c')}</script>
    <touch-plan-book lang="en" src="book-data"></touch-plan-book>`, { lang: 'en' });
  const book = await waitBook(page);
  expect(book.locale).toBe('en');
  expect(book.horizon.from).toBe(TODAY);
  const el = page.locator('touch-plan-book');
  await expect(el.locator('[part~="title"]')).toHaveText('Client book');
  await expect(el.locator('[role="tab"]')).toHaveText(['Today', 'Load', 'Clients']);
  await expect(el.locator('.date-title')).toHaveText('Tuesday, 24 November 2026');
  await expect(el.locator('.today-view .manager .load').first()).toContainText('against a capacity of 12');
  await el.locator('[data-view="load"]').click();
  await expect(el.locator('.manager-summary').first()).toContainText('capacity 12 a day');
  await el.locator('[data-view="clients"]').click();
  await expect(el.locator('table.clients th')).toHaveText(['Client', 'Manager', 'Segment', 'Next touch', 'Touches']);
  await expect(el.locator('tr.failed-row')).toContainText('Input error: order 1 › date');
  await expect(el.locator('table.clients tbody tr')).toHaveCount(20);
});

test('keyboard: across the tabs, along a manager\'s days and into a day\'s agenda; touchplan-select fires', async ({ page }) => {
  await recordSelects(page);
  await openBook(page, `<button id="before">before</button><touch-plan-book today="${TODAY}"></touch-plan-book>`);
  const book = await feed(page, BOOK.clients);
  const el = page.locator('touch-plan-book');
  await page.locator('#before').focus();
  await page.keyboard.press('Tab');
  await expect(el.locator('[data-view="today"]')).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(el.locator('[data-view="load"]')).toBeFocused();
  await expect(el.locator('[data-view="load"]')).toHaveAttribute('aria-selected', 'true');
  await expect(el.locator('[data-view="today"]')).toHaveAttribute('tabindex', '-1');
  // Into the panel, then the first manager's days: one tab stop, arrows move.
  await page.keyboard.press('Tab');
  await expect(el.locator('[role="tabpanel"]')).toBeFocused();
  await page.keyboard.press('Tab');
  const firstBar = el.locator('.load-view .manager').first().locator('.bar').first();
  await expect(firstBar).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  const day = book.managers[0].days[2][0];
  await expect(el.locator(`.load-view .manager >> nth=0 >> .bar[data-date="${day}"]`)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(el.locator('[data-view="today"]')).toHaveAttribute('aria-selected', 'true');
  await expect(el.locator('.date-title')).toContainText(String(Number(day.slice(8))));
  // End → Клиенты, Home → Сегодня.
  await el.locator('[data-view="today"]').focus();
  await page.keyboard.press('End');
  await expect(el.locator('[data-view="clients"]')).toBeFocused();
  await page.keyboard.press('Home');
  await expect(el.locator('[data-view="today"]')).toBeFocused();
  // An agenda item by keyboard: Enter selects it.
  const item = el.locator('.today-view .item').first();
  await item.focus();
  await page.keyboard.press('Enter');
  await expect(item).toHaveAttribute('aria-current', 'true');
  const [selected] = await page.evaluate(() => window.__selects);
  const ci = book.clients.findIndex((c) => c.id === selected.client.id);
  expect(selected.client.index).toBe(ci);
  expect(selected.client.manager).toBe(book.clients[ci].manager);
  expect(selected.touch.date).toBe(day);
  expect(selected.touch.reasons[0].title).toBe(book.reasons[selected.touch.reasons[0].code].title);
  expect(typeof selected.touch.why).toBe('string');
  expect(selected.touch.why.length).toBeGreaterThan(10);
  // A click on a client's next touch selects it too.
  await el.locator('[data-view="clients"]').click();
  await el.locator('table.clients .item-link').nth(2).click();
  const selects = await page.evaluate(() => window.__selects);
  expect(selects).toHaveLength(2);
  expect(selects[1].client.id).toBe(book.clients[2].id);
  expect(selects[1].touch.date >= TODAY).toBe(true);
});

test('strict CSP with worker-src: no violations, no new globals, no foreign request, planned in a module worker', async ({ page, baseURL }) => {
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    window.__globalsBefore = Object.getOwnPropertyNames(window);
  });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  const requests = [];
  page.context().on('request', (r) => requests.push(r.url()));
  const workers = [];
  page.on('worker', (w) => workers.push(w.url()));
  await openBook(page, `<touch-plan-book today="${TODAY}"></touch-plan-book>`);
  await feed(page, BOOK.clients);
  const el = page.locator('touch-plan-book');
  for (const view of ['load', 'clients', 'today']) {
    await el.locator(`[data-view="${view}"]`).click();
    await expect(el.locator('[role="tabpanel"]')).toHaveAttribute('data-panel', view);
  }
  expect(workers.map((u) => new URL(u).pathname)).toEqual(['/widget/touch-plan-book-worker.js']);
  const origin = new URL(baseURL).origin;
  expect(requests.filter((u) => !u.startsWith('data:') && new URL(u).origin !== origin)).toEqual([]);
  // The engine ran in the worker: the book's wasm part was fetched once,
  // and no other part (it plans each client itself; issue 18).
  const wasm = requests.filter((u) => u.endsWith('.wasm')).map((u) => new URL(u).pathname);
  expect(wasm).toEqual(['/pkg/touchplan_book_bg.wasm']);
  expect(await page.evaluate(() => window.__violations)).toEqual([]);
  const added = await page.evaluate(() => Object.getOwnPropertyNames(window).filter((k) => !window.__globalsBefore.includes(k) && !k.startsWith('__')));
  expect(added).toEqual([]);
  expect(errors).toEqual([]);
  // Styles applied (a constructable stylesheet): the root's border.
  expect(await el.locator('[part="root"]').evaluate((r) => getComputedStyle(r).borderTopStyle)).toBe('solid');
  // Client text stays text.
  await feed(page, [{ ...BOOK.clients[0], name: '<img src=x onerror=alert(1)>' }]);
  await el.locator('[data-view="clients"]').click();
  await expect(el.locator('table.clients tbody td').first()).toHaveText('<img src=x onerror=alert(1)>');
  expect(await el.evaluate((e) => e.shadowRoot.querySelectorAll('img').length)).toBe(0);
});

test('a long run shows progress with counts; Cancel stops its worker and leaves the page usable', async ({ page }) => {
  const workers = [];
  page.on('worker', (w) => {
    const entry = { url: w.url(), closed: false };
    w.on('close', () => { entry.closed = true; });
    workers.push(entry);
  });
  await openBook(page, `<touch-plan-book today="${TODAY}"></touch-plan-book><button id="after">after</button>`);
  // 1,500 clients of three managers: three steps of about a second or more each.
  const big = sampleBook({ n: 1500, managers: ['А', 'Б', 'В'], seed: 7 });
  await page.$eval('touch-plan-book', (el, c) => { el.clients = c; }, big.clients);
  const el = page.locator('touch-plan-book');
  const bar = el.locator('[role="progressbar"]');
  await expect(bar).toBeVisible();
  await expect(bar).toHaveAttribute('aria-valuemax', '1500');
  await expect(el.locator('.progress .counts')).toHaveText(/^Спланировано \d[\d\s]* из 1\s500 клиентов$/);
  // The first manager's step done: its clients counted.
  await expect(bar).toHaveAttribute('aria-valuenow', '500', { timeout: 30_000 });
  await expect(el.locator('.progress .counts')).toHaveText(/^Спланировано 500 из 1\s500 клиентов$/);
  // The page answers while the worker plans.
  expect(await page.evaluate(() => 1 + 1)).toBe(2);
  await el.locator('[part="cancel"]').click();
  expect(await el.evaluate((e) => e.status)).toBe('cancelled');
  await expect(bar).toBeHidden();
  await expect(el.locator('[part="notice"]')).toContainText('Планирование отменено.');
  await expect.poll(() => workers.length && workers[0].closed).toBe(true);
  // Still cancelled a while later: the dropped run posts nothing.
  await page.waitForTimeout(500);
  expect(await el.evaluate((e) => [e.status, e.book])).toEqual(['cancelled', null]);
  // Usable: the focus moves on, and a new book plans in a new worker.
  await page.locator('#after').focus();
  await expect(page.locator('#after')).toBeFocused();
  const book = await feed(page, BOOK.clients.slice(0, 10));
  expect(book.clients).toHaveLength(10);
  await expect(el.locator('[part="notice"]')).toBeHidden();
  expect(workers).toHaveLength(2);
});

test('the README\'s recipe, run as written, shows a book', async ({ page }) => {
  const readme = readFileSync('README.md', 'utf8');
  const start = readme.indexOf('## The `<touch-plan-book>` element');
  const section = readme.slice(start, readme.indexOf('\n## ', start + 1));
  const [, html] = section.match(/```html\n([\s\S]*?)```/);
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.route('**/__readme__/book.html', (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html.replaceAll('/static/touchplan/', '/') }));
  await page.goto('/__readme__/book.html');
  const book = await waitBook(page);
  expect(book.clients[0].touches.length).toBeGreaterThan(0);
  await expect(page.locator('touch-plan-book .today-view .manager h3')).toContainText('Ирина Белова');
  expect(errors).toEqual([]);
});
