// The widget never harms the host page (issue 15): no prototype pollution
// through the host reader, no stale plan after a bad input, no starvation
// under constant mutation, no busy main thread from changes it does not
// read, no url() through the theming properties.
import { test, expect } from '@playwright/test';
import { TODAY, currentPlan, eventsOf, openPage, planOf, recordEvents, sampleClient } from './widget-helpers.mjs';

test.beforeEach(async ({ page }) => {
  await recordEvents(page);
});

const POLLUTING = [
  '__proto__.isAdmin', '__proto__.toString', 'client.__proto__.isAdmin', 'company.__proto__.isAdmin',
  'settings.__proto__.isAdmin', 'orders[].__proto__.isAdmin', 'constructor.prototype.isAdmin',
  'contacts[].constructor.prototype.isAdmin', 'prototype.isAdmin', '__proto__', 'orders[].date.__proto__',
];

test('the prototype-pollution page leaves Object.prototype untouched', async ({ page }) => {
  const fields = POLLUTING.map((f) => `<span data-touchplan-field="${f}">true</span>`).join('');
  const map = Object.fromEntries(POLLUTING.map((f, i) => [`#m .f${i}`, f]));
  await openPage(page, `
    <div id="card"><span data-touchplan-field="id">poll-1</span>${fields}
      <table><tr><td data-touchplan-field="orders[].date">2026-10-01</td><td data-touchplan-field="orders[].__proto__.isAdmin">true</td></tr></table>
    </div>
    <div id="m"><span class="id">poll-2</span>${POLLUTING.map((f, i) => `<span class="f${i}">true</span>`).join('')}</div>
    <script type="application/json" id="map">${JSON.stringify({ '#m .id': 'id', ...map })}</script>
    <script type="application/json" id="src">{"id":"poll-3","__proto__":{"isAdmin":"true"},"orders":[{"date":"2026-10-01","__proto__":{"isAdmin":"true"}}]}</script>
    <touch-plan id="scope" scope="card" today="${TODAY}"></touch-plan>
    <touch-plan id="map-w" map="map" today="${TODAY}"></touch-plan>
    <touch-plan id="src-w" src="src" today="${TODAY}"></touch-plan>
    <touch-plan id="prop" today="${TODAY}"></touch-plan>`);
  await page.$eval('#prop', (el) => {
    el.client = JSON.parse('{"id":"poll-4","__proto__":{"isAdmin":"true"}}');
    el.settings = JSON.parse('{"__proto__":{"isAdmin":"true"}}');
  });
  for (const [id, clientId] of [['scope', 'poll-1'], ['map-w', 'poll-2'], ['src-w', 'poll-3'], ['prop', 'poll-4']]) {
    expect((await planOf(page, `#${id}`)).clientId).toBe(clientId);
  }
  const state = await page.evaluate(() => ({
    isAdmin: ({}).isAdmin,
    string: String({}),
    keys: Object.getOwnPropertyNames(Object.prototype).sort(),
    functionKeys: Object.getOwnPropertyNames(Function.prototype).filter((k) => k === 'isAdmin'),
    arrayAdmin: [].isAdmin,
  }));
  expect(state.isAdmin).toBeUndefined();
  expect(state.arrayAdmin).toBeUndefined();
  expect(state.string).toBe('[object Object]');
  expect(state.keys).not.toContain('isAdmin');
  expect(state.functionKeys).toEqual([]);
});

test('a bad input for another client clears the previous plan and says so', async ({ page }) => {
  await openPage(page, `<touch-plan id="w" today="${TODAY}" lang="en"></touch-plan>`);
  await page.waitForFunction(() => customElements.get('touch-plan'));
  for (const name of ['cyclic', 'bigint', 'getter', 'nan']) {
    await page.$eval('#w', (el, client) => { el.client = client; }, sampleClient({ id: `a-${name}` }));
    await expect.poll(async () => (await currentPlan(page, '#w'))?.clientId).toBe(`a-${name}`);
    const errorsBefore = (await eventsOf(page, 'touchplan-error', 'w')).length;
    await page.$eval('#w', (el, which) => {
      const make = {
        cyclic: () => { const c = { id: 'b' }; c.self = c; return c; },
        bigint: () => ({ id: 'b', orderCycleDays: 30n }),
        getter: () => Object.defineProperty({ id: 'b' }, 'name', { enumerable: true, get() { throw new Error('boom'); } }),
        nan: () => ({ id: 'b', orderCycleDays: NaN }),
      };
      el.client = make[which]();
    }, name);
    await expect.poll(() => eventsOf(page, 'touchplan-error', 'w').then((e) => e.length), name).toBe(errorsBefore + 1);
    expect(await currentPlan(page, '#w'), name).toBeNull();
    const error = await page.$eval('#w', (el) => ({ code: el.error.code, path: el.error.path }));
    expect(error.code, name).toMatch(/^(invalid_type|invalid_value|out_of_range)$/);
    expect(error.path, name).toMatch(/^client\.(self|orderCycleDays|name)$/);
    await expect(page.locator('#w [part="grid"]')).toBeHidden();
    await expect(page.locator('#w [part="error"]')).toBeVisible();
  }
});

test('a page mutating every animation frame gets a plan within 500 ms', async ({ page }) => {
  await openPage(page, `
    <touch-plan id="warm" today="${TODAY}"></touch-plan>
    <div id="card"><span data-touchplan-field="id">raf-1</span><span data-touchplan-field="name">Клиент</span>
      <span id="ticker">0</span></div>`);
  // The engine is loaded first: what is measured is the widget, not the wasm download.
  await page.$eval('#warm', (el, client) => { el.client = client; }, sampleClient());
  await planOf(page, '#warm');
  // Three widgets one after another, the best time kept: a loaded machine
  // may stretch one run, but without the max-wait none ever plans.
  const times = await page.evaluate(async () => {
    let n = 0;
    const tick = () => {
      document.getElementById('ticker').textContent = String(++n);
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    const once = () => new Promise((resolve) => {
      const start = performance.now();
      const el = document.createElement('touch-plan');
      el.setAttribute('scope', 'card');
      el.setAttribute('today', '2026-11-24');
      el.addEventListener('touchplan-change', () => resolve(performance.now() - start), { once: true });
      el.addEventListener('touchplan-error', (e) => resolve(`error ${e.detail.code}`), { once: true });
      document.body.append(el);
      setTimeout(() => resolve('no plan after 3 s'), 3000);
    });
    const out = [];
    for (let i = 0; i < 3; i++) out.push(await once());
    return out;
  });
  for (const t of times) expect(typeof t, String(t)).toBe('number');
  expect(Math.min(...times), JSON.stringify(times)).toBeLessThan(500);
});

test('3,000 mapped rows and a clock ticking outside the scope keep the main thread under 10% busy', async ({ page }) => {
  test.setTimeout(90_000);
  const rows = Array.from({ length: 3000 }, (_, i) => {
    const day = String((i % 28) + 1).padStart(2, '0');
    const month = String((i % 9) + 1).padStart(2, '0');
    return `<tr><td data-touchplan-field="orders[].date">${day}.${month}.2026</td><td data-touchplan-field="orders[].amount">${1000 + i} ₽</td></tr>`;
  }).join('');
  await openPage(page, `
    <p>Сейчас <span id="clock">00:00:00</span></p>
    <div id="card"><span data-touchplan-field="id">big-1</span><table>${rows}</table></div>
    <touch-plan id="w" scope="card" today="${TODAY}" horizon-months="3"></touch-plan>`);
  expect((await planOf(page, '#w')).clientId).toBe('big-1');
  await page.waitForTimeout(500);
  const window3s = await page.evaluate(() => new Promise((resolve) => {
    const longTasks = [];
    const observer = new PerformanceObserver((list) => longTasks.push(...list.getEntries().map((e) => e.duration)));
    observer.observe({ type: 'longtask' });
    // Sampling as well: how late a 20 ms timer fires (reported with a failure).
    let late = 0;
    let last = performance.now();
    const sampler = setInterval(() => {
      const now = performance.now();
      late += Math.max(0, now - last - 20);
      last = now;
    }, 20);
    // Every read of the card goes through its querySelectorAll: count them.
    const card = document.getElementById('card');
    let reads = 0;
    const querySelectorAll = card.querySelectorAll;
    card.querySelectorAll = function (...args) {
      reads++;
      return querySelectorAll.apply(this, args);
    };
    const clock = document.getElementById('clock');
    let s = 0;
    const ticker = setInterval(() => { clock.textContent = `00:00:${String(++s).padStart(2, '0')}`; }, 100);
    const start = performance.now();
    setTimeout(() => {
      clearInterval(ticker);
      clearInterval(sampler);
      observer.disconnect();
      resolve({ span: performance.now() - start, longTask: longTasks.reduce((a, b) => a + b, 0), late, ticks: s, reads });
    }, 3000);
  }));
  // Long tasks are the page's own busy time; a timer's lateness also counts
  // other processes on a loaded machine, so it is reported, not asserted.
  expect(window3s.ticks, JSON.stringify(window3s)).toBeGreaterThan(10);
  expect(window3s.longTask / window3s.span, JSON.stringify(window3s)).toBeLessThan(0.1);
  expect(window3s.reads, 'the clock outside the scope causes no read').toBe(0);
  expect(await eventsOf(page, 'touchplan-change', 'w')).toHaveLength(1);
});

test('changes inside the scope are still seen, including new rows', async ({ page }) => {
  await openPage(page, `
    <div id="card"><span data-touchplan-field="id">obs-1</span>
      <table id="rows"><tr><td data-touchplan-field="orders[].date">01.10.2026</td></tr></table></div>
    <span id="outside">x</span>
    <touch-plan id="w" scope="card" today="${TODAY}"></touch-plan>`);
  await planOf(page, '#w');
  await page.$eval('#rows', (t) => t.insertAdjacentHTML('beforeend', '<tr><td data-touchplan-field="orders[].date">01.11.2026</td></tr>'));
  await expect.poll(() => eventsOf(page, 'touchplan-change', 'w').then((e) => e.length)).toBe(2);
  // The scope replaced by the CRM (a re-render) is read again.
  await page.$eval('#card', (card) => {
    const copy = card.cloneNode(true);
    copy.querySelector('span').textContent = 'obs-2';
    card.replaceWith(copy);
  });
  await expect.poll(async () => (await currentPlan(page, '#w'))?.clientId).toBe('obs-2');
});

test('a scope-less selector map sees its nodes and new matching rows, nothing else', async ({ page }) => {
  await openPage(page, `
    <h1 class="t">map-1</h1>
    <table id="deals"><tr><td class="d">01.10.2026</td></tr></table>
    <span id="clock">0</span>
    <script type="application/json" id="map">{".t": "id", "#deals td.d": "orders[].date"}</script>
    <touch-plan id="w" map="map" today="${TODAY}"></touch-plan>`);
  await planOf(page, '#w');
  await page.$eval('h1.t', (h1) => { h1.textContent = 'map-2'; });
  await expect.poll(async () => (await currentPlan(page, '#w'))?.clientId).toBe('map-2');
  await page.$eval('#deals', (t) => t.insertAdjacentHTML('beforeend', '<tr><td class="d">01.11.2026</td></tr>'));
  await expect.poll(() => eventsOf(page, 'touchplan-change', 'w').then((e) => e.length)).toBe(3);
});

test('theming properties cannot load a url()', async ({ page }) => {
  const requests = [];
  page.on('request', (request) => requests.push(new URL(request.url()).pathname));
  await openPage(page, `<touch-plan id="w" today="${TODAY}"></touch-plan>`, {
    head: `<style>touch-plan {
      --touch-plan-background: url(/__e2e__/bg.png);
      --touch-plan-button-background: url(/__e2e__/button.png);
      --touch-plan-summary-background: url(/__e2e__/summary.png);
      --touch-plan-day-background: url(/__e2e__/day.png);
      --touch-plan-selected-background: url(/__e2e__/selected.png);
      --touch-plan-details-background: url(/__e2e__/details.png);
      --touch-plan-notice-background: url(/__e2e__/notice.png);
      --touch-plan-error-background: url(/__e2e__/error.png);
      --touch-plan-kind-mandatory: url(/__e2e__/kind.png);
      --touch-plan-kind-standard: url(/__e2e__/kind2.png);
      --touch-plan-accent-color: url(/__e2e__/accent.png);
    }</style>`,
  });
  await page.$eval('#w', (el, client) => { el.client = client; }, sampleClient());
  await planOf(page, '#w');
  const widget = page.locator('#w');
  await widget.locator('.grid [data-date].has-touch').first().click();
  await widget.locator('[data-view="list"]').click();
  await widget.locator('.list-item').first().hover();
  await page.waitForTimeout(300);
  expect(requests.filter((p) => p.startsWith('/__e2e__/') && p.endsWith('.png'))).toEqual([]);
});
