// What a manager sees and does in <touch-plan>: the month grid, markers and
// legend, details, list, keyboard, errors, downloads, language and widths.
// Every plan here comes from the real wasm engine.
import { test, expect } from '@playwright/test';
import { TODAY, eventsOf, openPage, planOf, recordEvents, sampleClient, showMonth } from './widget-helpers.mjs';

test.beforeEach(async ({ page }) => {
  await recordEvents(page);
});

async function openWithClient(page, client = sampleClient(), attrs = '') {
  await openPage(page, `<script type="application/json" id="data">${JSON.stringify(client)}</script>
    <touch-plan id="w" src="data" today="${TODAY}" ${attrs}></touch-plan>`);
  return planOf(page, '#w');
}

test('month grid: markers coloured by kind, a legend, slots and scheduled greetings marked', async ({ page }) => {
  const plan = await openWithClient(page);
  const widget = page.locator('#w');
  await expect(widget.locator('[role="grid"]')).toBeVisible();
  const kinds = [...new Set(plan.touches.map((t) => t.kind))];
  expect(kinds.length).toBeGreaterThanOrEqual(4);
  // The legend names every kind in the plan, each with its colour.
  const legend = widget.locator('[part="legend"]');
  for (const kind of kinds) await expect(legend.locator(`[data-kind="${kind}"] .marker.kind-${kind}`)).toHaveCount(1);
  await expect(legend.locator('[data-kind]')).toHaveCount(kinds.length);
  await expect(legend.locator('[data-flag]')).toHaveCount(3);
  const colours = await legend.locator('[data-kind] .marker').evaluateAll((els) => els.map((el) => getComputedStyle(el).backgroundColor));
  expect(new Set(colours).size).toBe(kinds.length);
  // Each touch is a marker of its kind on its day, month after month.
  for (const touch of plan.touches.slice(0, 12)) {
    await showMonth(widget, touch.date.slice(0, 7));
    await expect(widget.locator(`[data-date="${touch.date}"] .marker.kind-${touch.kind}`).first()).toBeVisible();
  }
  const slots = plan.warnings.filter((w) => w.code === 'no_specific_reason' && w.date);
  expect(slots.length).toBeGreaterThan(0);
  await showMonth(widget, slots[0].date.slice(0, 7));
  await expect(widget.locator(`[data-date="${slots[0].date}"] .marker.slot`)).toHaveCount(1);
  const scheduled = plan.touches.find((t) => t.scheduled);
  expect(scheduled, 'the Saturday birthday is a scheduled greeting').toBeTruthy();
  await showMonth(widget, scheduled.date.slice(0, 7));
  await expect(widget.locator(`[data-date="${scheduled.date}"] .marker.scheduled`)).toHaveCount(1);
  await widget.locator(`[data-date="${scheduled.date}"]`).click();
  await expect(widget.locator('[part="details"] [data-flag="scheduled"]')).toBeVisible();
  await showMonth(widget, slots[0].date.slice(0, 7));
  await widget.locator(`[data-date="${slots[0].date}"]`).click();
  await expect(widget.locator('[part="details"] [data-flag="slot"]')).toBeVisible();
});

// A text as the widget shows it: ISO dates as "1 декабря 2026".
function readable(text) {
  const format = new Intl.DateTimeFormat('ru', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  return text.replace(/\b(\d{4})-(\d{2})-(\d{2})\b/g, (_, y, m, d) => format.format(new Date(Date.UTC(+y, m - 1, +d))).replace(/ г\.$/, ''));
}

test('summary strip: the manager’s touches in the first cycle beside the norm, automated per cycle, ratio, next touch, warnings', async ({ page }) => {
  const plan = await openWithClient(page);
  const summary = page.locator('#w [part="summary"]');
  const cycleEnd = new Date(Date.parse(TODAY) + (plan.summary.perCycle.cycleDays - 1) * 86400000).toISOString().slice(0, 10);
  const manager = plan.touches.filter((t) => t.date <= cycleEnd && !t.automated).length;
  const { total, automated } = plan.summary.perCycle;
  // Each figure says what it counts; the automated one is the engine's
  // per-cycle count, as the calculator's panel shows it.
  await expect(summary.locator('[data-stat="cycle"] dt')).toHaveText('Касания менеджера за первый цикл (30 дней)');
  await expect(summary.locator('[data-stat="cycle"] dd .figure')).toHaveText(String(manager));
  await expect(summary.locator('[data-stat="cycle"] dd')).toContainText(`норма цикла — ${total}`);
  if (manager > total) await expect(summary.locator('[data-stat="cycle"] dd')).toContainText(`сверх нормы ${manager - total}`);
  await expect(summary.locator('[data-stat="cycle"]')).toHaveAttribute('title', /R2 — сколько касаний за цикл/);
  await expect(summary.locator('[data-stat="automated"] dd .figure')).toHaveText(String(automated));
  const ratio = plan.summary.standardToMandatory;
  await expect(summary.locator('[data-stat="ratio"] dd')).toContainText(ratio === null ? '—' : `${String(Math.round(ratio * 10) / 10).replace('.', ',')} : 1`);
  const next = plan.touches[0];
  const day = Number(next.date.slice(8));
  await expect(summary.locator('[data-stat="next"] dd')).toContainText(String(day));
  const groups = new Set(plan.warnings.map((w) => `${w.code}|${w.rule ?? ''}`)).size;
  await expect(summary.locator('[data-stat="warnings"] dd button')).toHaveText(String(groups));
  await page.locator('#w [part="warnings"] > summary').click();
  await expect(page.locator('#w [part="warnings"] .warning-group')).toHaveCount(groups);
});

test('details panel: date, kind and merged purposes, channel, contact, rule and why, notes, every reason', async ({ page }) => {
  const plan = await openWithClient(page);
  const widget = page.locator('#w');
  const rich = plan.touches.find((t) => t.notes?.length) ?? plan.touches.find((t) => t.contact);
  await showMonth(widget, rich.date.slice(0, 7));
  await widget.locator(`[data-date="${rich.date}"]`).click();
  const details = widget.locator('[part="details"]');
  const [y, m, d] = rich.date.split('-').map(Number);
  const longDate = new Intl.DateTimeFormat('ru', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d))).replace(/ г\.$/, '');
  await expect(details.locator('h3')).toHaveText(longDate);
  await expect(details.locator('.badge.kind')).toHaveClass(new RegExp(`kind-${rich.kind}`));
  // The rule by number and plain name; ISO dates in texts the locale's way.
  await expect(details.locator('.facts strong')).toHaveText(/^R\d+ — \S/);
  await expect(details).toContainText(readable(rich.why));
  if (rich.contact) await expect(details).toContainText(rich.contact);
  for (const note of rich.notes ?? []) await expect(details.locator('[part="notes"]')).toContainText(readable(note));
  const reasons = details.locator('[part="reasons"] li');
  await expect(reasons).toHaveCount(rich.reasons.length);
  for (const [i, reason] of rich.reasons.entries()) {
    await expect(reasons.nth(i)).toContainText(reason.title);
    await expect(reasons.nth(i)).toContainText(reason.hint);
    await expect(reasons.nth(i)).toContainText(readable(reason.why));
  }
  const merged = plan.touches.find((t) => t.purposes?.length > 1);
  if (merged) {
    await showMonth(widget, merged.date.slice(0, 7));
    await widget.locator(`[data-date="${merged.date}"]`).click();
    await expect(details.locator('.facts')).toContainText('Объединены цели');
  }
});

test('list view: one item per touch; the toggle switches views', async ({ page }) => {
  const plan = await openWithClient(page, sampleClient(), 'view="list"');
  const widget = page.locator('#w');
  await expect(widget.locator('.list-item')).toHaveCount(plan.touches.length);
  await expect(widget.locator('[data-view="list"]')).toHaveAttribute('aria-pressed', 'true');
  await widget.locator('.list-item').nth(2).click();
  const [select] = await eventsOf(page, 'touchplan-select', 'w');
  expect(select.detail).toEqual(plan.touches[2]);
  await expect(widget.locator('.list-item').nth(2)).toHaveAttribute('aria-current', 'true');
  await widget.locator('[data-view="month"]').click();
  await expect(widget).toHaveAttribute('view', 'month');
  await expect(widget.locator('[role="grid"]')).toBeVisible();
});

test('keyboard: arrows move across days and months, Enter selects and emits touchplan-select', async ({ page }) => {
  const plan = await openWithClient(page);
  const widget = page.locator('#w');
  // The first touch in a later month, so the arrows must cross a month.
  const target = plan.touches.find((t) => t.date.slice(0, 7) > TODAY.slice(0, 7));
  const days = Math.round((Date.parse(target.date) - Date.parse(TODAY)) / 86400000);
  await widget.locator('[role="gridcell"][tabindex="0"]').focus();
  await expect(widget.locator('[role="gridcell"][tabindex="0"]')).toHaveAttribute('data-date', TODAY);
  for (let i = 0; i < Math.floor(days / 7); i++) await page.keyboard.press('ArrowDown');
  for (let i = 0; i < days % 7; i++) await page.keyboard.press('ArrowRight');
  const focused = widget.locator('[role="gridcell"]:focus');
  await expect(focused).toHaveAttribute('data-date', target.date);
  // Focus is visible.
  expect(await focused.evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('solid');
  await page.keyboard.press('Enter');
  await expect(focused).toHaveAttribute('aria-selected', 'true');
  const selects = await eventsOf(page, 'touchplan-select', 'w');
  expect(selects).toHaveLength(1);
  expect(selects[0].detail).toEqual(target);
  // Bubbling and composed: it reaches the document from the shadow root.
  await expect(widget.locator('[part="details"] h3')).toBeVisible();
  // ARIA: a grid of rows and cells with a label naming the month.
  await expect(widget.locator('[role="grid"]')).toHaveAttribute('aria-labelledby', 'month-title');
  expect(await widget.locator('[role="grid"] [role="row"]').count()).toBeGreaterThanOrEqual(5);
  await expect(widget.locator('[part="root"]')).toHaveAttribute('role', 'region');
  // Back with ArrowLeft and ArrowUp to today; PageDown goes a month on.
  await page.keyboard.press('PageDown');
  await expect(widget.locator('[role="gridcell"]:focus')).toHaveAttribute('data-date', new RegExp(`^${nextMonth(target.date)}`));
});

function nextMonth(iso) {
  const d = new Date(Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7), 1));
  return d.toISOString().slice(0, 7);
}

test('two widgets on one page stay independent', async ({ page }) => {
  await page.goto('/demo/demo-crm.html');
  const card = page.locator('touch-plan[scope]');
  const side = page.locator('touch-plan[src]');
  const cardPlan = await planOf(page, 'touch-plan[scope]');
  const sidePlan = await planOf(page, 'touch-plan[src]');
  expect(cardPlan.clientId).toBe('crm-1042');
  expect(sidePlan.clientId).toBe('crm-2042');
  await expect(card.locator('[data-view="month"]')).toHaveAttribute('aria-pressed', 'true');
  await expect(side.locator('[data-view="list"]')).toHaveAttribute('aria-pressed', 'true');
  // Each opens on its own next touch; picking a day in one leaves the other's details.
  await expect(card.locator('[part="details"] .touch')).toHaveAttribute('data-kind', cardPlan.touches[0].kind);
  await expect(side.locator('[part="details"] .touch')).toHaveAttribute('data-kind', sidePlan.touches[0].kind);
  const sideDetails = await side.locator('[part="details"]').textContent();
  const picked = cardPlan.touches.find((t) => t.date.startsWith('2026-11') && t.date !== cardPlan.touches[0].date) ?? cardPlan.touches[0];
  await card.locator(`[data-date="${picked.date}"]`).click();
  await expect(card.locator('[aria-selected="true"]')).toHaveAttribute('data-date', picked.date);
  expect(await side.locator('[part="details"]').textContent()).toBe(sideDetails);
  expect((await eventsOf(page, 'touchplan-select')).map((e) => e.detail.date)).toEqual([picked.date]);
  // Re-planning one leaves the other alone.
  const sideChanges = () => page.evaluate(() => window.__events.filter((e) => e.type === 'touchplan-change' && e.detail.clientId === 'crm-2042').length);
  const before = await sideChanges();
  await card.evaluate((el) => el.setAttribute('lang', 'en'));
  await expect(card.locator('[part="title"]')).toHaveText('Touch plan: ООО «Северный ветер»');
  await expect(side.locator('[part="title"]')).toHaveText('План касаний: ИП Соколова Е. В.');
  await page.waitForTimeout(300);
  expect(await sideChanges()).toBe(before);
});

test('bad data: a localized error naming the field; the page keeps working; fixing it recovers', async ({ page }) => {
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await openPage(page, `
    <div id="card"><h1 data-touchplan-field="name">ООО «Ошибка»</h1><span data-touchplan-field="id">bad-1</span>
      <table><tr><td data-touchplan-field="orders[].date">32.13.2026</td><td data-touchplan-field="orders[].amount">1 000 ₽</td></tr></table></div>
    <button id="host-button">Сохранить</button><output id="host-out"></output>
    <touch-plan id="bad" scope="card" today="${TODAY}"></touch-plan>
    <touch-plan id="good" today="${TODAY}"></touch-plan>`);
  await page.$eval('#host-button', (b) => b.addEventListener('click', () => { document.getElementById('host-out').textContent = 'ok'; }));
  await page.$eval('#good', (el, client) => { el.client = client; }, sampleClient());
  const bad = page.locator('#bad');
  const error = bad.locator('[part="error"]');
  await expect(error).toBeVisible();
  await expect(error).toHaveAttribute('role', 'alert');
  await expect(error).toContainText('Не удалось построить план');
  await expect(error.locator('li[data-path="client.orders[0].date"]')).toContainText('заказ 1 › дата');
  await expect(error.locator('li[data-path="client.orders[0].date"]')).toContainText(/ожидается дата/);
  const [event] = await eventsOf(page, 'touchplan-error', 'bad');
  expect(event.detail).toMatchObject({ name: 'TouchPlanError', code: 'invalid_date', path: 'client.orders[0].date' });
  await expect(bad.locator('[role="grid"]')).toHaveCount(0);
  // The page and the other widget are fine.
  await page.locator('#host-button').click();
  await expect(page.locator('#host-out')).toHaveText('ok');
  expect((await planOf(page, '#good')).clientId).toBe('c-100');
  // In English, by the element's lang.
  await bad.evaluate((el) => el.setAttribute('lang', 'en'));
  await expect(error).toContainText('The plan could not be built');
  await expect(error.locator('li[data-path="client.orders[0].date"]')).toContainText('order 1 › date');
  await expect(error.locator('li[data-path="client.orders[0].date"]')).toContainText(/expected a date/);
  // The CRM corrects the field: the plan comes back.
  await page.$eval('#card td', (td) => { td.textContent = '13.11.2026'; });
  await expect(error).toBeHidden();
  await expect(bad.locator('[role="grid"]')).toBeVisible();
  expect(pageErrors).toEqual([]);
});

test('a missing src script or a broken map is reported inside the widget', async ({ page }) => {
  await openPage(page, `<touch-plan id="a" src="nope" today="${TODAY}"></touch-plan>
    <script type="application/json" id="m">{ not json</script><touch-plan id="b" map="m" today="${TODAY}" lang="en"></touch-plan>`);
  await expect(page.locator('#a [part="error"]')).toContainText('Не найден <script type="application/json" id="nope">');
  await expect(page.locator('#b [part="error"]')).toContainText('The content is not valid JSON');
  expect((await eventsOf(page, 'touchplan-error')).map((e) => e.detail.code).sort()).toEqual(['invalid_json', 'src_not_found']);
  // A busy page does not make the same error report again.
  await page.evaluate(() => { for (let i = 0; i < 5; i++) document.body.append(document.createElement('div')); });
  await page.waitForTimeout(300);
  expect(await eventsOf(page, 'touchplan-error')).toHaveLength(2);
  // The script appears: the plan follows.
  await page.evaluate((client) => {
    const script = Object.assign(document.createElement('script'), { type: 'application/json', id: 'nope', textContent: JSON.stringify(client) });
    document.body.append(script);
  }, sampleClient({ id: 'late' }));
  await expect.poll(() => page.$eval('#a', (el) => el.plan?.clientId)).toBe('late');
});

test('the .ics and .csv downloads hold the plan’s touches; exportIcs() and exportCsv() return them', async ({ page }) => {
  const plan = await openWithClient(page);
  const widget = page.locator('#w');
  const [ics] = await Promise.all([page.waitForEvent('download'), widget.locator('[part~="download-ics"]').click()]);
  expect(ics.suggestedFilename()).toBe('touchplan-c-100.ics');
  const icsText = await streamText(await ics.createReadStream());
  expect(icsText).toContain('BEGIN:VCALENDAR');
  const starts = [...icsText.matchAll(/DTSTART;VALUE=DATE:(\d{8})/g)].map((m) => m[1]);
  expect(starts).toEqual(plan.touches.map((t) => t.date.replaceAll('-', '')));
  expect(icsText).toContain('План касаний — ООО «Тестовый клиент»');
  expect(await widget.evaluate((el) => el.exportIcs())).toBe(icsText);

  const [csv] = await Promise.all([page.waitForEvent('download'), widget.locator('[part~="download-csv"]').click()]);
  expect(csv.suggestedFilename()).toBe('touchplan-c-100.csv');
  const csvText = await streamText(await csv.createReadStream());
  for (const touch of plan.touches) expect(csvText).toContain(touch.date);
  expect(await widget.evaluate((el) => el.exportCsv())).toBe(csvText);
  // In Russian, what Excel with a Russian locale opens as columns: a BOM
  // and `;` between cells; the caller may ask for commas.
  expect(csvText.startsWith('\uFEFF')).toBe(true);
  expect(csvText.split('\r\n')[0]).toMatch(/^\uFEFFКлиент;Дата;/);
  const commas = await widget.evaluate((el) => el.exportCsv({ separator: ',', bom: false }));
  expect(commas.split('\r\n')[0]).toMatch(/^Клиент,Дата,/);
});

async function streamText(stream) {
  const chunks = [];
  for await (const chunk of stream) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

test('language: the page’s lang, or the lang attribute; the engine texts follow', async ({ page }) => {
  await openPage(page, `<div lang="en"><touch-plan id="en" today="${TODAY}"></touch-plan></div>
    <touch-plan id="ru" today="${TODAY}"></touch-plan>`, { lang: 'ru' });
  await page.$eval('#en', (el, c) => { el.client = c; }, sampleClient());
  await page.$eval('#ru', (el, c) => { el.client = c; }, sampleClient());
  const en = await planOf(page, '#en');
  const ru = await planOf(page, '#ru');
  expect(en.locale).toBe('en');
  expect(ru.locale).toBe('ru');
  await expect(page.locator('#en [part="title"]')).toHaveText('Touch plan: ООО «Тестовый клиент»');
  await expect(page.locator('#en [data-view="month"]')).toHaveText('Month');
  await expect(page.locator('#ru [data-view="month"]')).toHaveText('Месяц');
  expect(en.touches[0].why).not.toBe(ru.touches[0].why);
});

test('today defaults to the local date; refresh() re-plans on demand', async ({ page }) => {
  await openPage(page, '<touch-plan id="w"></touch-plan>');
  await page.$eval('#w', (el, c) => { el.client = c; }, sampleClient());
  const plan = await planOf(page, '#w');
  const local = await page.evaluate(() => {
    const d = new Date();
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  });
  expect(plan.horizon.from).toBe(local);
  const again = await page.$eval('#w', (el) => el.refresh());
  expect(again).toEqual(plan);
  expect(await eventsOf(page, 'touchplan-change', 'w')).toHaveLength(2);
});

for (const width of [320, 900]) {
  test(`fits a ${width} px column`, async ({ page }) => {
    await page.setViewportSize({ width: width + 40, height: 900 });
    await openPage(page, `<div style="width:${width}px;margin:20px"><touch-plan id="w" src="data" today="${TODAY}"></touch-plan></div>
      <script type="application/json" id="data">${JSON.stringify(sampleClient())}</script>`);
    await planOf(page, '#w');
    const widget = page.locator('#w');
    await widget.locator('.grid [data-date].has-touch').first().click();
    const box = await widget.boundingBox();
    expect(box.width).toBe(width);
    const overflow = await widget.evaluate((el) => [...el.shadowRoot.querySelectorAll('*')]
      .filter((n) => n.getBoundingClientRect().right > el.getBoundingClientRect().right + 0.5)
      .map((n) => n.className || n.tagName));
    expect(overflow).toEqual([]);
    const grid = await widget.locator('[role="grid"]').boundingBox();
    const details = await widget.locator('[part="details"]').boundingBox();
    if (width === 320) expect(details.y).toBeGreaterThan(grid.y + grid.height - 1);
    else expect(details.x).toBeGreaterThan(grid.x + grid.width - 1);
  });
}
