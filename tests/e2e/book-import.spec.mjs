// The «Книга клиентов» page (www/book/): a CSV client list in (a file
// chosen or dropped, pasted text, the shipped sample), the column mapping
// guessed from Russian and English headers with a preview, unreadable rows
// reported by line, then <touch-plan-book> with the clients. Under the
// page's strict CSP, with no new globals and no request but its own files.
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { cp1251 } from './cp1251.mjs';

// Planning 200 clients on a machine shared with compilers takes its time.
test.describe.configure({ timeout: 120_000 });

const TODAY = '2026-11-24';
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const RU = [
  'Клиент;Сегмент;Дата последнего заказа;Сумма;ЛПР;День рождения;Ответственный',
  'ООО «Альфа»;A;20.11.2026;"1 234 567,89";Петров Иван Николаевич;12.05;Ирина Белова',
  'АО «Вектор»;В;2026-10-01;350 000;Смирнова Анна Сергеевна;08.03.1975;Павел Громов',
  'ИП Козлова Мария;C;15.11.2026;48 500;Козлова Мария;;Ирина Белова',
].join('\r\n');

/** Watches the page: CSP violations, errors, requests, and globals added after the page's own scripts. */
async function watch(page) {
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    window.__globalsBefore = Object.getOwnPropertyNames(window);
  });
  const seen = { errors: [], requests: [] };
  page.on('pageerror', (e) => seen.errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') seen.errors.push(m.text()); });
  page.context().on('request', (r) => seen.requests.push(r.url()));
  return seen;
}

async function open(page, lang = 'ru') {
  await page.goto(`/book/#${lang === 'ru' ? '' : `lang=${lang}&`}today=${TODAY}`);
  await expect(page.locator('#sample')).toBeEnabled();
}

async function choose(page, name, buffer) {
  await page.locator('#file').setInputFiles({ name, mimeType: 'text/csv', buffer });
  await expect(page.locator('#step-map')).toBeVisible();
}

async function buildBook(page) {
  await page.locator('#import').click();
  await expect(page.locator('#step-book')).toBeVisible();
  await page.waitForFunction(() => ['ready', 'error'].includes(document.getElementById('book').status), null, { timeout: 60_000 });
  const { book, error } = await page.locator('#book').evaluate((el) => ({ book: el.book, error: el.error && el.error.message }));
  expect(error).toBeNull();
  return book;
}

const selected = (page, field) => page.locator(`#map-${field}`).evaluate((s) => s.selectedOptions[0].textContent);

test('Russian headers with `;` in UTF-8 with BOM: guessed columns, the rows as read, then the book', async ({ page }) => {
  await open(page);
  await choose(page, 'клиенты.csv', Buffer.concat([BOM, Buffer.from(RU, 'utf8')]));
  await expect(page.locator('#file-info')).toHaveText('клиенты.csv: 3 строки, кодировка UTF-8, разделитель точка с запятой ;.');
  for (const [field, header] of [['name', 'Клиент'], ['segment', 'Сегмент'], ['lastOrder', 'Дата последнего заказа'], ['amount', 'Сумма'], ['contact', 'ЛПР'], ['birthday', 'День рождения'], ['manager', 'Ответственный']]) {
    expect(await selected(page, field), field).toBe(header);
  }
  expect(await selected(page, 'phone')).toBe('— не брать —');
  await expect(page.locator('#preview thead th')).toHaveText(['Строка', 'Клиент', 'Сегмент', 'Дата последнего заказа', 'Сумма заказа', 'ЛПР', 'День рождения ЛПР', 'Ответственный менеджер', 'Не прочитана']);
  await expect(page.locator('#preview tbody tr').first().locator('td')).toHaveText(['2', 'ООО «Альфа»', 'A', '20 ноября 2026', '1 234 567,89', 'Петров Иван Николаевич', '12 мая', 'Ирина Белова', '']);
  // A Cyrillic «В» typed for the segment reads as B.
  await expect(page.locator('#preview tbody tr').nth(1).locator('td').nth(2)).toHaveText('B');
  await expect(page.locator('#summary')).toHaveText('Будет импортировано: 3. Пропущено строк: 0.');
  await expect(page.locator('#row-errors')).toBeHidden();
  const book = await buildBook(page);
  expect(book.clients).toHaveLength(3);
  expect(book.managers.map((m) => m.manager)).toEqual(['Ирина Белова', 'Павел Громов']);
  await expect(page.locator('#import-result')).toHaveText('Импортировано: 3. Пропущено строк: 0.');
  await expect(page.locator('#capacity')).toHaveValue('12');
  await expect(page.locator('#book [role="tab"]')).toHaveText(['Сегодня', 'Нагрузка', 'Клиенты']);
  // A manager's own capacity (R16): one field per manager of the file,
  // empty = the common one; a value re-plans that manager alone to it.
  await page.locator('#own-capacities summary').click();
  await expect(page.locator('#own-capacity-list label')).toHaveText(['Ирина Белова', 'Павел Громов']);
  const pavel = page.getByLabel('Павел Громов');
  await expect(pavel).toHaveAttribute('placeholder', '12');
  await pavel.fill('3');
  await pavel.blur();
  await page.waitForFunction(() => document.getElementById('book').book?.managers.some((m) => m.capacity === 3), null, { timeout: 60_000 });
  const own = await page.locator('#book').evaluate((el) => el.book.managers.map((m) => [m.manager, m.capacity]));
  expect(own).toEqual([['Ирина Белова', 12], ['Павел Громов', 3]]);
  await page.locator('#book [data-view="load"]').click();
  await expect(page.locator('#book .load-view .manager-summary').nth(1)).toContainText('норма 3 в день');
  await expect(page.locator('#book .load-view .manager-summary').nth(0)).toContainText('норма 12 в день');
});

test('the same file in Windows-1251 (Russian Excel) is detected and reads alike; the encoding can be forced', async ({ page }) => {
  await open(page);
  await choose(page, 'excel.csv', cp1251(RU));
  await expect(page.locator('#file-info')).toContainText('кодировка Windows-1251');
  await expect(page.locator('#encoding option').first()).toHaveText('определить (Windows-1251)');
  expect(await selected(page, 'name')).toBe('Клиент');
  await expect(page.locator('#preview tbody tr').first().locator('td').nth(1)).toHaveText('ООО «Альфа»');
  await expect(page.locator('#summary')).toHaveText('Будет импортировано: 3. Пропущено строк: 0.');
  // Read as UTF-8 by force, the header is garbled and nothing maps; back to auto, it reads again.
  await page.locator('#encoding').selectOption('utf-8');
  await expect(page.locator('#summary')).toHaveText('Выберите столбец для поля «Клиент».');
  await expect(page.locator('#import')).toBeDisabled();
  await page.locator('#encoding').selectOption('auto');
  await expect(page.locator('#summary')).toHaveText('Будет импортировано: 3. Пропущено строк: 0.');
  const book = await buildBook(page);
  expect(book.clients).toHaveLength(3);
});

test('English headers with `,`, English labels, then the book in English', async ({ page }) => {
  await open(page, 'en');
  await expect(page.locator('h1')).toHaveText('Client book');
  await expect(page.locator('#sample')).toHaveText('Sample: 200 clients');
  await expect(page).toHaveTitle('touchplan — client book');
  await expect(page.locator('#calculator-link')).toHaveAttribute('href', '../calculator/#lang=en');
  const csv = [
    'Client ID,Company,Segment,Last order date,Amount,Decision maker,Birthday,Manager,Phone,E-mail',
    'c-1,"Acme, Inc.",A+,2026-11-02,"1,250,000.50",John Smith,1980-07-14,Kate Brown,+1 555 0100,john@acme.test',
    'c-2,Globex,B,15.10.2026,990,Jane Doe,,Kate Brown,,',
  ].join('\n');
  await choose(page, 'clients.csv', Buffer.from(csv));
  await expect(page.locator('#file-info')).toHaveText('clients.csv: 2 rows, encoding UTF-8, delimiter comma ,.');
  for (const [field, header] of [['id', 'Client ID'], ['name', 'Company'], ['segment', 'Segment'], ['lastOrder', 'Last order date'], ['amount', 'Amount'], ['contact', 'Decision maker'], ['birthday', 'Birthday'], ['manager', 'Manager'], ['phone', 'Phone'], ['email', 'E-mail']]) {
    expect(await selected(page, field), field).toBe(header);
  }
  await expect(page.locator('label[for="map-name"]')).toHaveText('Client (required)');
  await expect(page.locator('#preview tbody tr').first().locator('td')).toHaveText(['2', 'Acme, Inc.', 'c-1', 'A+', '2 November 2026', '1,250,000.5', 'John Smith', '14 July 1980', 'Kate Brown', '+1 555 0100', 'john@acme.test', '']);
  await expect(page.locator('#summary')).toHaveText('To import: 2. Rows skipped: 0.');
  await expect(page.locator('#import')).toHaveText('Build the book');
  const book = await buildBook(page);
  expect(book.clients.map((c) => c.clientId ?? c.id)).toEqual(['c-1', 'c-2']);
  await expect(page.locator('#book [role="tab"]')).toHaveText(['Today', 'Load', 'Clients']);
  await expect(page.locator('label:has(#capacity)')).toContainText('Personal touches per manager per day');
});

test('a broken row is reported by its line in the file and the rest are imported (pasted text, a quoted line break)', async ({ page }) => {
  await open(page);
  const csv = [
    'Клиент;Сегмент;Дата последнего заказа;Сумма',
    '"ООО ""Кедр""',
    'филиал";A;01.11.2026;100',
    'ООО «Нева»;Q;31.02.2026;сто',
    'ООО «Сокол»;B;02.11.2026;1 000,5',
    ';C;03.11.2026;5',
  ].join('\n');
  await page.locator('#paste-box summary').click();
  await page.locator('#paste').fill(csv);
  await page.locator('#paste-read').click();
  await expect(page.locator('#summary')).toHaveText('Будет импортировано: 2. Пропущено строк: 2.');
  await expect(page.locator('#row-error-list li')).toHaveText([
    'Строка 4, Сегмент: «Q» — не сегмент (A+, A, B, C или D)',
    'Строка 4, Дата последнего заказа: «31.02.2026» — не дата (дд.мм.гггг или гггг-мм-дд)',
    'Строка 4, Сумма заказа: «сто» — не число (например, 1 234 567,89)',
    'Строка 6, Клиент: пусто, а без названия клиента строку не прочесть',
  ]);
  await expect(page.locator('#preview tbody tr.bad')).toHaveCount(2);
  await expect(page.locator('#preview tbody tr.bad').first()).toHaveAttribute('data-line', '4');
  // The row of two lines is read once, from line 2.
  await expect(page.locator('#preview tbody tr').first().locator('td').nth(1)).toHaveText('ООО "Кедр" филиал');
  await page.locator('[data-lang="en"]').click();
  await expect(page.locator('#row-error-list li').first()).toHaveText('Line 4, Segment: "Q" is not a segment (A+, A, B, C or D)');
  await expect(page.locator('#summary')).toHaveText('To import: 2. Rows skipped: 2.');
  const book = await buildBook(page);
  expect(book.clients).toHaveLength(2);
  await expect(page.locator('#import-result')).toHaveText('Imported: 2. Rows skipped: 2.');
});

test('the template downloads (ru headers, `;`, UTF-8 BOM) and re-imports with no error', async ({ page }) => {
  await open(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#template').click()]);
  expect(download.suggestedFilename()).toBe('touchplan-shablon-klientov.csv');
  const bytes = readFileSync(await download.path());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.subarray(3).toString('utf8');
  expect(text.split('\r\n')[0]).toBe('Клиент;ID;Сегмент;Дата последнего заказа;Сумма;ЛПР;День рождения;Ответственный;Телефон;E-mail;Цикл заказа, дней');
  await choose(page, download.suggestedFilename(), bytes);
  for (const select of await page.locator('#mapping select').all()) expect(await select.inputValue()).not.toBe('');
  await expect(page.locator('#summary')).toHaveText('Будет импортировано: 2. Пропущено строк: 0.');
  await expect(page.locator('#row-errors')).toBeHidden();
  const book = await buildBook(page);
  expect(book.clients).toHaveLength(2);
  expect(book.clients.every((c) => !c.errors)).toBe(true);
});

test('in English the template is English (headers, `,`, ISO dates) and re-imports with no error', async ({ page }) => {
  await open(page, 'en');
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#template').click()]);
  expect(download.suggestedFilename()).toBe('touchplan-client-template.csv');
  const bytes = readFileSync(await download.path());
  const text = bytes.subarray(3).toString('utf8');
  expect(text.split('\r\n')[0]).toBe('Client,Client ID,Segment,Last order date,Amount,Decision maker,Birthday,Manager,Phone,Email,"Order cycle, days"');
  await choose(page, download.suggestedFilename(), bytes);
  for (const select of await page.locator('#mapping select').all()) expect(await select.inputValue()).not.toBe('');
  await expect(page.locator('#summary')).toHaveText('To import: 2. Rows skipped: 0.');
  const book = await buildBook(page);
  expect(book.clients.map((c) => c.name)).toEqual(['Acme Supplies, LLC', 'Ivan Petrov (sole trader)']);
  // Back in Russian, the page offers the Russian template again.
  await page.locator('[data-lang="ru"]').click();
  await expect(page.locator('#template')).toHaveAttribute('href', 'template.csv');
});

test('«Пример: 200 клиентов» loads through the import into the book: strict CSP, no globals, only the page\'s own requests', async ({ page, baseURL }) => {
  const seen = await watch(page);
  await open(page);
  await page.locator('#sample').click();
  await expect(page.locator('#file-info')).toHaveText('sample-200.csv: 200 строк, кодировка UTF-8, разделитель точка с запятой ;.');
  await expect(page.locator('#summary')).toHaveText('Будет импортировано: 200. Пропущено строк: 0.');
  await expect(page.locator('#preview tbody tr')).toHaveCount(8);
  const book = await buildBook(page);
  expect(book.clients).toHaveLength(200);
  expect(book.clients.filter((c) => c.errors)).toEqual([]);
  expect(book.managers.map((m) => m.manager)).toEqual(['Ирина Белова']);
  expect(book.capacity).toBe(12);
  // The capacity setting is on the page and re-plans the book.
  await page.locator('#capacity').fill('8');
  await page.locator('#capacity').blur();
  await page.waitForFunction(() => document.getElementById('book').book?.capacity === 8, null, { timeout: 60_000 });
  await page.locator('#book [data-view="load"]').click();
  await expect(page.locator('#book [role="tabpanel"]')).toHaveAttribute('data-panel', 'load');

  const origin = new URL(baseURL).origin;
  expect(seen.requests.filter((u) => !u.startsWith('data:') && !u.startsWith('blob:') && new URL(u).origin !== origin)).toEqual([]);
  expect(seen.requests.filter((u) => u.endsWith('/book/sample-200.csv'))).toHaveLength(1);
  expect(await page.evaluate(() => window.__violations)).toEqual([]);
  const added = await page.evaluate(() => Object.getOwnPropertyNames(window).filter((k) => !window.__globalsBefore.includes(k) && !k.startsWith('__')));
  expect(added).toEqual([]);
  expect(await page.evaluate(() => typeof window.Papa)).toBe('undefined');
  expect(seen.errors).toEqual([]);
  // The policy is the page's own, in a meta tag; the page has no inline script or style.
  expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content'))
    .toBe("default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'");
  const html = readFileSync(new URL('../../www/book/index.html', import.meta.url), 'utf8');
  expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>|<style|\sstyle=|\son[a-z]+=/i);
});

test('a file dropped on the page is read (and not opened by the browser)', async ({ page }) => {
  await open(page);
  await page.evaluate((text) => {
    const data = new DataTransfer();
    data.items.add(new File([text], 'dropped.csv', { type: 'text/csv' }));
    document.getElementById('drop').dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, RU);
  await expect(page.locator('#file-info')).toContainText('dropped.csv: 3 строки');
  await expect(page).toHaveURL(/\/book\//);
});

test('the calculator and the site root link the client book', async ({ page }) => {
  await page.goto('/calculator/');
  await expect(page.locator('#book-link')).toHaveText('Книга клиентов');
  await page.locator('[data-lang="en"]').click();
  await expect(page.locator('#book-link')).toHaveText('Client book');
  await expect(page.locator('#book-link')).toHaveAttribute('href', '../book/#lang=en');
  await page.locator('#book-link').click();
  await expect(page.locator('h1')).toHaveText('Client book');
  const index = readFileSync(new URL('../../www/index.html', import.meta.url), 'utf8');
  expect(index).toContain('<a href="book/" hreflang="ru">Книга клиентов: импорт CSV</a>');
});

test('axe: the file step and the mapping step with a broken row have no WCAG 2.1 A/AA violation (ru, en)', async ({ page }) => {
  const violations = async () => (await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze())
    .violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  await open(page);
  expect(await violations(), 'file step').toEqual([]);
  await choose(page, 'клиенты.csv', Buffer.from(`${RU}\r\nООО «Нева»;Q;31.02.2026;сто;;;`));
  await expect(page.locator('#row-error-list li')).toHaveCount(3);
  expect(await violations(), 'mapping step, ru').toEqual([]);
  await page.locator('[data-lang="en"]').click();
  await expect(page.locator('#summary')).toHaveText('To import: 3. Rows skipped: 1.');
  expect(await violations(), 'mapping step, en').toEqual([]);
});
