// The calculator as a newcomer meets it (issue 16): a blank client, errors
// in the user's own format and words, a shared link with wrong types or a
// past "today", past touches on the calendar, phone widths, and no form
// field without an effect on the plan.
import { test, expect } from '@playwright/test';
import { TODAY } from './widget-helpers.mjs';

const hashOf = (input, lang = 'ru') => `#lang=${lang}&input=${Buffer.from(JSON.stringify(input)).toString('base64url')}`;
const field = (page, path) => page.locator(`#fields [data-field="${path}"]`);
const control = (page, path) => page.locator(`#fields [data-path="${path}"]`);
const widget = (page) => page.locator('#plan');

async function open(page, hash = '') {
  await page.clock.setFixedTime(new Date(`${TODAY}T10:00:00`));
  await page.goto(`/calculator/index.html${hash}`);
  await expect(page.locator('body')).toHaveAttribute('data-ready', 'true');
}

/** The widget's plan once there is one that `ok` accepts. */
async function planWhere(page, ok = () => true) {
  let plan = null;
  await expect.poll(async () => {
    plan = await page.evaluate(() => document.getElementById('plan').plan);
    return plan !== null && ok(plan);
  }).toBe(true);
  return plan;
}

test('«свой клиент» opens a blank client with a made-up id that plans; the id is a field', async ({ page }) => {
  await open(page);
  await planWhere(page);
  await page.selectOption('#preset', '');
  const plan = await planWhere(page, (p) => p.clientId.startsWith('client-'));
  expect(plan.clientId).toMatch(/^client-[0-9a-z-]{8}$/);
  await expect(control(page, 'client.id')).toHaveValue(plan.clientId);
  await expect(control(page, 'client.name')).toHaveValue('');
  await expect(control(page, 'client.orders[0].date')).toHaveCount(0);
  await expect(page.locator('#form-errors')).toBeHidden();
  // The user's own id and name reach the plan.
  await control(page, 'client.id').fill('crm-77');
  await control(page, 'client.name').fill('ООО «Своё»');
  const own = await planWhere(page, (p) => p.clientId === 'crm-77' && p.clientName === 'ООО «Своё»');
  expect(own.touches.length).toBeGreaterThan(0);
  await expect(widget(page).locator('[part="title"]')).toHaveText('План касаний: ООО «Своё»');
});

test('a wrong date says what was typed and the format wanted, never the ISO form or the JSON path', async ({ page }) => {
  await open(page);
  await planWhere(page);
  const date = control(page, 'client.orders[0].date');
  await date.fill('32.13.2026');
  await date.press('Tab');
  const box = field(page, 'client.orders[0].date');
  await expect(box).toHaveClass(/invalid/);
  await expect(box.locator('.field-error')).toHaveText('«32.13.2026» — не дата. Введите её в виде ДД.ММ.ГГГГ, например 24.11.2026.');
  const everything = await page.locator('body').innerText();
  expect(everything).not.toContain('2026-13-32');
  expect(everything).not.toContain('client.orders[0].date');
  expect(everything).not.toContain('(client.');
  // In English the field's format is ISO, and the message says so.
  await page.locator('[data-lang="en"]').click();
  await expect(field(page, 'client.orders[0].date').locator('.field-error')).toHaveText(/^“2026-13-32” is not a date\. Type it as YYYY-MM-DD, e\.g\. 2026-11-24\.$/);
  // Any other error echoes the typed value with the field's name.
  await page.locator('[data-lang="ru"]').click();
  await control(page, 'client.orders[0].date').fill('14.08.2026');
  await planWhere(page);
  await control(page, 'horizonMonths').fill('99');
  await control(page, 'horizonMonths').press('Tab');
  await expect(field(page, 'horizonMonths').locator('.field-error')).toHaveText(/^«99»: /);
});

test('a shared link with wrong types opens with a message and every valid value kept', async ({ page }) => {
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await open(page, hashOf({
    today: TODAY,
    client: {
      id: 'crm-5', name: 'ООО «Ссылка»', segment: 'A', orderCycleDays: 30, orders: 'много',
      contacts: [{ name: 'Анна Смирнова', role: 'decision_maker', channels: 'phone' }, 42],
    },
  }));
  const plan = await planWhere(page);
  expect(errors).toEqual([]);
  expect(plan.clientName).toBe('ООО «Ссылка»');
  const notice = page.locator('#link-notice [data-notice="dropped"]');
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('В ссылке были неверные данные, они пропущены');
  await expect(notice).toContainText('заказ');
  await expect(notice).not.toContainText('client.');
  await expect(control(page, 'client.name')).toHaveValue('ООО «Ссылка»');
  await expect(control(page, 'client.segment')).toHaveValue('A');
  await expect(control(page, 'client.contacts[0].name')).toHaveValue('Анна Смирнова');
  await expect(control(page, 'client.contacts[1].name')).toHaveCount(0);
});

test('a link whose today has passed says so, and one click plans from today', async ({ page }) => {
  await open(page, hashOf({ today: '2026-09-01', client: { id: 'crm-6', name: 'Старая ссылка', orderCycleDays: 30 } }));
  await planWhere(page, (p) => p.horizon.from === '2026-09-01');
  const stale = page.locator('#link-notice [data-notice="stale"]');
  await expect(stale).toContainText('План в ссылке построен на 1 сентября 2026 — эта дата уже прошла.');
  await stale.getByRole('button', { name: 'Планировать с сегодняшнего дня' }).click();
  await planWhere(page, (p) => p.horizon.from === TODAY);
  await expect(page.locator('#link-notice')).toBeHidden();
  await expect(control(page, 'today')).toHaveValue('24.11.2026');
  const input = new URLSearchParams(new URL(page.url()).hash.slice(1)).get('input');
  expect(JSON.parse(Buffer.from(input, 'base64url').toString()).today).toBe(TODAY);
});

test('history: past touches show on the calendar, and picking one tells what it was', async ({ page }) => {
  await open(page, hashOf({
    today: TODAY,
    client: {
      id: 'crm-8', name: 'С историей', orderCycleDays: 30, orders: [{ date: '2026-11-13' }],
      history: [{ date: '2026-11-16', channel: 'phone', reason: 'приёмка заказа' }, { date: '2026-10-20', channel: 'email' }],
    },
  }));
  await planWhere(page);
  const w = widget(page);
  await expect(w.locator('[data-date="2026-11-16"] .marker.past')).toHaveCount(1);
  await expect(w.locator('[data-date="2026-11-16"]')).toHaveAttribute('aria-label', /Прошлое касание, Звонок/);
  await expect(w.locator('[part="legend"] [data-flag="past"]')).toHaveText('Прошлое касание');
  await w.locator('[data-date="2026-11-16"]').click();
  await expect(w.locator('[part="details"] [data-past]')).toContainText('Прошлое касание Звонок · приёмка заказа');
  // The month before today is reachable for the older one.
  await w.locator('[data-step="-1"]').click();
  await expect(w.locator('[data-date="2026-10-20"] .marker.past')).toHaveCount(1);
  await expect(w.locator('[data-step="-1"]')).toBeDisabled();
});

for (const width of [360, 390]) {
  test(`nothing is clipped at ${width} px`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    await open(page);
    await planWhere(page);
    const problems = await page.evaluate(() => {
      const out = [];
      const root = document.documentElement;
      if (root.scrollWidth > innerWidth) out.push(`page ${root.scrollWidth} > ${innerWidth}`);
      const canvas = document.createElement('canvas').getContext('2d');
      for (const el of document.querySelectorAll('#fields input, #fields select, .tools select')) {
        const r = el.getBoundingClientRect();
        if (r.width === 0) continue; // folded away
        if (r.right > innerWidth + 0.5 || r.left < -0.5) out.push(`${el.dataset.path ?? el.id} sticks out`);
        const style = getComputedStyle(el);
        canvas.font = `${style.fontSize} ${style.fontFamily}`;
        const text = el.tagName === 'SELECT' ? el.selectedOptions[0]?.textContent ?? '' : el.value || el.placeholder;
        // The select's arrow takes about 24 px.
        const room = el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - (el.tagName === 'SELECT' ? 24 : 0);
        if (el.type !== 'checkbox' && canvas.measureText(text).width > room + 1) out.push(`${el.dataset.path ?? el.id}: “${text}” clipped`);
      }
      return out;
    });
    expect(problems).toEqual([]);
    const box = await widget(page).boundingBox();
    expect(box.x + box.width).toBeLessThanOrEqual(width);
  });
}

test('the client\'s annual revenue sits with the revenue thresholds and changes the plan through them', async ({ page }) => {
  await open(page);
  await planWhere(page);
  await page.selectOption('#preset', 'distributor-d');
  await planWhere(page);
  // No segment chosen: the revenue picks it once thresholds are set.
  await page.selectOption('[data-path="client.segment"]', '');
  await page.locator('details[data-section="policy"] > summary').click();
  await control(page, 'settings.revenueSegments.A').fill('1000000');
  const revenue = control(page, 'client.annualRevenue');
  await expect(revenue).toBeVisible();
  await expect(field(page, 'client.annualRevenue').locator('.hint')).toContainText('пороги выручки');
  await revenue.fill('1000');
  await revenue.press('Tab');
  const before = await planWhere(page);
  await revenue.fill('5000000');
  await revenue.press('Tab');
  await planWhere(page, (p) => JSON.stringify(p.touches) !== JSON.stringify(before.touches));
  // The client section no longer has a revenue field without an effect.
  await expect(page.locator('details[data-section="client"] [data-path="client.annualRevenue"]')).toHaveCount(0);
});
