// The three ways a host page feeds <touch-plan>, their order, and re-planning
// when the host changes. Every plan here comes from the real wasm engine.
import { test, expect } from '@playwright/test';
import { TODAY, currentPlan, eventsOf, openPage, planOf, recordEvents, sampleClient } from './widget-helpers.mjs';

test.beforeEach(async ({ page }) => {
  await recordEvents(page);
});

test('properties: client, company and settings set from JavaScript', async ({ page }) => {
  await openPage(page, `<touch-plan id="w" today="${TODAY}"></touch-plan>`);
  await page.waitForFunction(() => customElements.get('touch-plan'));
  await page.$eval('touch-plan', (el, client) => {
    el.client = client;
    el.company = { events: [{ date: '2027-02-10', title: 'Выставка «Упаковка-2027»' }] };
    el.settings = {};
  }, sampleClient());
  const plan = await planOf(page);
  expect(plan.clientId).toBe('c-100');
  expect(plan.horizon.from).toBe(TODAY);
  expect(plan.touches.length).toBeGreaterThan(5);
  const widget = page.locator('touch-plan');
  await expect(widget.locator('[part="title"]')).toHaveText('План касаний: ООО «Тестовый клиент»');
  // Every touch of the shown month is a marker on its day.
  const shown = plan.touches.filter((t) => t.date.startsWith(TODAY.slice(0, 7)));
  await expect(widget.locator('.grid .marker')).toHaveCount(shown.length);
  expect(await eventsOf(page, 'touchplan-change', 'w')).toHaveLength(1);
});

test('properties set before the element is defined are not lost', async ({ page }) => {
  await openPage(page, `<touch-plan today="${TODAY}"></touch-plan>`, { define: false });
  await page.$eval('touch-plan', (el, client) => { el.client = client; }, sampleClient({ name: 'Клиент до define' }));
  await page.addScriptTag({ type: 'module', url: '/widget/touch-plan-define.js' });
  const plan = await planOf(page);
  expect(plan.clientName).toBe('Клиент до define');
});

test('src: a JSON script holding a PlanInput', async ({ page }) => {
  const input = { today: '2026-12-01', horizonMonths: 6, client: sampleClient({ id: 'src-input' }) };
  await openPage(page, `<script type="application/json" id="data">${JSON.stringify(input)}</script>
    <touch-plan src="data"></touch-plan>`);
  const plan = await planOf(page);
  expect(plan.clientId).toBe('src-input');
  expect(plan.horizon).toEqual({ from: '2026-12-01', to: '2027-05-31' });
});

test('src: a JSON script holding a bare Client', async ({ page }) => {
  await openPage(page, `<script type="application/json" id="data">${JSON.stringify(sampleClient({ id: 'src-client' }))}</script>
    <touch-plan src="data" today="${TODAY}" horizon-months="3"></touch-plan>`);
  const plan = await planOf(page);
  expect(plan.clientId).toBe('src-client');
  expect(plan.horizon).toEqual({ from: TODAY, to: '2027-02-23' });
});

test('page markup: data-touchplan-field inside the scope, CRM formats parsed', async ({ page }) => {
  await page.goto('/demo/demo-crm.html');
  const plan = await planOf(page, 'touch-plan[scope]');
  expect(plan.clientId).toBe('crm-1042');
  expect(plan.clientName).toBe('ООО «Северный ветер»');
  // What the widget read from the card, through the same module it uses.
  const read = await page.evaluate(async () => {
    const { readScope } = await import('/widget/host-reader.js');
    return readScope(document.getElementById('client-card'));
  });
  expect(read.client).toMatchObject({
    id: 'crm-1042',
    segment: 'A',
    saleType: 'transactional',
    orderCycleDays: 30,
    annualRevenue: 14200000,
    channels: ['phone', 'visit', 'messenger', 'email'],
    orders: [
      { date: '2026-08-14', amount: 980000 },
      { date: '2026-09-15', amount: 1050000 },
      { date: '2026-10-14', amount: 1120500 },
      { date: '2026-11-13', amount: 1200000.5 },
    ],
    contacts: [
      { name: 'Анна Смирнова', role: 'decision_maker', birthday: '--12-05', channels: ['phone', 'messenger', 'email'] },
      { name: 'Олег Кузнецов', role: 'influencer', birthday: '1979-01-12', channels: ['phone', 'email'] },
      { name: 'Иван Петров', role: 'buyer', birthday: '1985-04-03', channels: ['phone', 'email'] },
    ],
    expiries: [{ what: 'Договор поставки № 17/2026', date: '2027-03-31' }],
    incidents: [{ date: '2026-11-23', summary: 'Отгрузку задержали на два дня: не пришёл транспорт' }],
    history: [{ date: '2026-11-16', channel: 'phone' }, { date: '2026-11-13', channel: 'email' }],
  });
});

test('the CRM formats of dates and amounts', async ({ page }) => {
  await page.goto('/demo/demo-crm.html');
  const parsed = await page.evaluate(async () => {
    const { parseDate, parseAmount } = await import('/widget/host-reader.js');
    return {
      dates: ['22.11.2026', '22 ноября 2026 г.', '2026-11-22', '22 нояб. 2026', '22/11/26', 'November 22, 2026',
        '1 мая 2026', '3 марта 2027 года', '22 ноября', '22.11', '2026-11-22T10:30', 'вчера'].map(parseDate),
      amounts: ['1 200 000,50 ₽', '12 500 руб.', '$1,200.50', '1.200.000,50', '980 000 ₽', '12,5', '1,200', 'нет'].map(parseAmount),
    };
  });
  expect(parsed.dates).toEqual(['2026-11-22', '2026-11-22', '2026-11-22', '2026-11-22', '2026-11-22', '2026-11-22',
    '2026-05-01', '2027-03-03', '--11-22', '--11-22', '2026-11-22', 'вчера']);
  expect(parsed.amounts).toEqual([1200000.5, 12500, 1200.5, 1200000.5, 980000, 12.5, 1200, 'нет']);
});

test('selector map: CSS selector → field, for markup the integrator cannot change', async ({ page }) => {
  const map = {
    '.client-title': 'name',
    '.client-no': 'id',
    '.crm-deals td.d': 'orders[].date',
    '.crm-deals td.sum': 'orders[].amount',
    '.person .fio': 'contacts[].name',
    '.person .bday': 'contacts[].birthday',
  };
  await openPage(page, `
    <div class="crm-card">
      <h1 class="client-title">ООО «Карта полей»</h1><span class="client-no">map-7</span>
      <table class="crm-deals">
        <tr><td class="d">14.10.2026</td><td class="sum">12 500 руб.</td></tr>
        <tr><td class="d">13 ноября 2026 г.</td><td class="sum">1 200 000,50 ₽</td></tr>
      </table>
      <div class="person"><span class="fio">Анна Смирнова</span> <span class="bday">5 декабря</span></div>
    </div>
    <script type="application/json" id="crm-map">${JSON.stringify(map)}</script>
    <touch-plan map="crm-map" today="${TODAY}"></touch-plan>`);
  const plan = await planOf(page);
  expect(plan.clientId).toBe('map-7');
  expect(plan.clientName).toBe('ООО «Карта полей»');
  const read = await page.evaluate(async () => {
    const { readMap } = await import('/widget/host-reader.js');
    return readMap(document, 'crm-map');
  });
  expect(read.client.orders).toEqual([{ date: '2026-10-14', amount: 12500 }, { date: '2026-11-13', amount: 1200000.5 }]);
  expect(read.client.contacts).toEqual([{ name: 'Анна Смирнова', birthday: '--12-05' }]);
});

test('later wins: properties, then src, then the page', async ({ page }) => {
  await openPage(page, `
    <script type="application/json" id="data">{"name": "Имя из src", "segment": "B"}</script>
    <div id="card"><h1 data-touchplan-field="name">Имя со страницы</h1></div>
    <touch-plan src="data" scope="card" today="${TODAY}"></touch-plan>`);
  await page.$eval('touch-plan', (el) => { el.client = { id: 'from-property', name: 'Имя из свойства', segment: 'C' }; });
  // Until the property arrives the page has no client id: an error, then the plan.
  await expect.poll(async () => (await currentPlan(page))?.clientId).toBe('from-property');
  expect((await currentPlan(page)).clientName).toBe('Имя со страницы');
  // The page's name gone, src's is next in line.
  await page.$eval('#card h1', (h1) => h1.removeAttribute('data-touchplan-field'));
  await expect.poll(async () => (await currentPlan(page)).clientName).toBe('Имя из src');
});

test('re-plans when the host page, the src script, an attribute or a property changes', async ({ page }) => {
  await page.goto('/demo/demo-crm.html');
  const card = 'touch-plan[scope]';
  const side = 'touch-plan[src]';
  await planOf(page, card);
  await planOf(page, side);

  // The CRM edits the card: the name and a new deal row.
  await page.$eval('#client-card h1', (h1) => { h1.textContent = 'ООО «Северный ветер — Юг»'; });
  await expect.poll(async () => (await currentPlan(page, card)).clientName).toBe('ООО «Северный ветер — Юг»');
  const before = await page.evaluate(() => window.__events.filter((e) => e.type === 'touchplan-change').length);
  await page.$eval('#deals', (tbody) => {
    const row = tbody.rows[0].cloneNode(true);
    row.cells[0].textContent = '20.11.2026';
    tbody.append(row);
  });
  await expect.poll(() => page.evaluate(() => window.__events.filter((e) => e.type === 'touchplan-change').length)).toBe(before + 1);

  // The server-rendered JSON is replaced.
  await page.$eval('#client-crm-2042', (script) => {
    const client = JSON.parse(script.textContent);
    client.name = 'ИП Соколова (обновлено)';
    script.textContent = JSON.stringify(client);
  });
  await expect.poll(async () => (await currentPlan(page, side)).clientName).toBe('ИП Соколова (обновлено)');

  // An attribute and a property.
  await page.$eval(card, (el) => el.setAttribute('horizon-months', '3'));
  await expect.poll(async () => (await currentPlan(page, card)).horizon.to).toBe('2027-02-23');
  await page.$eval(side, (el) => { el.company = { events: [{ date: '2027-01-28', title: 'Фитнес-форум' }] }; });
  await expect.poll(() => page.evaluate(() => window.__events.filter((e) => e.type === 'touchplan-change' && e.detail.clientId === 'crm-2042').length)).toBe(3);
});

test('debounced and never looping on its own rendering', async ({ page }) => {
  await openPage(page, `<div id="card"><h1 data-touchplan-field="name">Клиент</h1><span data-touchplan-field="id">loop-1</span></div>
    <touch-plan id="w" scope="card" today="${TODAY}"></touch-plan>`);
  await planOf(page);
  // A burst of host edits is one re-plan.
  await page.$eval('#card h1', (h1) => {
    for (let i = 1; i <= 20; i++) h1.textContent = `Клиент ${i}`;
  });
  await expect.poll(async () => (await currentPlan(page)).clientName).toBe('Клиент 20');
  // Rendering, selecting, switching views and unrelated page changes plan nothing new.
  const widget = page.locator('touch-plan');
  // A client with nothing sold has no order touches (DOMAIN v3 R2), so this
  // month may be empty: pick a touch in the list, then go back to the month.
  await widget.locator('[data-view="list"]').click();
  await widget.locator('[part~="list-item"]').first().click();
  await widget.locator('[data-view="month"]').click();
  await page.evaluate(() => document.body.classList.add('crm-busy'));
  await page.waitForTimeout(600);
  expect(await eventsOf(page, 'touchplan-change', 'w')).toHaveLength(2);
});
