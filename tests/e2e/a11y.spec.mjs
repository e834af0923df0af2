// Accessibility (issue 16): axe-core finds no WCAG 2.1 A/AA violation on
// the calculator, the demo CRM page and the widget's shadow DOM in both
// views and both languages; keyboard cases; the widget's print stylesheet.
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { TODAY, openPage, planOf, sampleClient } from './widget-helpers.mjs';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

// axe over a whole page takes a while on a busy machine.
test.describe.configure({ timeout: 120_000 });

/** axe's violations as short lines (rule, impact, first targets), for a readable failure. */
async function violations(page, include) {
  let builder = new AxeBuilder({ page }).withTags(TAGS);
  if (include) builder = builder.include(include);
  const { violations: found } = await builder.analyze();
  return found.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

async function openWidget(page, lang, view) {
  await openPage(page, `<main><h1>CRM</h1><script type="application/json" id="data">${JSON.stringify(sampleClient({ history: [{ date: '2026-11-16', channel: 'phone' }] }))}</script>
    <touch-plan id="w" src="data" today="${TODAY}" view="${view}"></touch-plan></main>`, { lang, head: '<title>CRM</title>' });
  return planOf(page, '#w');
}

for (const lang of ['ru', 'en']) {
  for (const view of ['month', 'list']) {
    test(`axe: the widget, ${view} view, ${lang}, warnings open`, async ({ page }) => {
      await openWidget(page, lang, view);
      const w = page.locator('#w');
      await w.locator('[part="warnings"] > summary').click();
      await w.locator('.warning-group > summary').first().click();
      expect(await violations(page)).toEqual([]);
    });
  }
  test(`axe: the calculator, ${lang}`, async ({ page }) => {
    await page.clock.setFixedTime(new Date(`${TODAY}T10:00:00`));
    await page.goto('/calculator/index.html');
    await expect(page.locator('body')).toHaveAttribute('data-ready', 'true');
    if (lang === 'en') await page.locator('[data-lang="en"]').click();
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await expect.poll(() => page.evaluate(() => document.getElementById('plan').plan !== null)).toBe(true);
    expect(await violations(page)).toEqual([]);
    await page.locator('#plan [data-view="list"]').click();
    expect(await violations(page)).toEqual([]);
  });
}

test('axe: the demo CRM page (two widgets, month and list)', async ({ page }) => {
  await page.goto('/demo/demo-crm.html');
  await planOf(page, 'touch-plan[scope]');
  await planOf(page, 'touch-plan[src]');
  expect(await violations(page)).toEqual([]);
});

test('keyboard: Enter and Space on the view toggle keep focus on it', async ({ page }) => {
  await openWidget(page, 'ru', 'month');
  const w = page.locator('#w');
  await w.locator('[data-view="list"]').focus();
  await page.keyboard.press('Enter');
  await expect(w).toHaveAttribute('view', 'list');
  await expect(w.locator('[data-view="list"]')).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(w.locator('[data-view="month"]')).toBeFocused();
  await page.keyboard.press(' ');
  await expect(w).toHaveAttribute('view', 'month');
  await expect(w.locator('[data-view="month"]')).toBeFocused();
});

test('keyboard: the list view is one tab stop, with arrows, Home and End inside', async ({ page }) => {
  const plan = await openWidget(page, 'ru', 'list');
  const w = page.locator('#w');
  const items = w.locator('.list-item');
  await expect(items).toHaveCount(plan.touches.length);
  await expect(w.locator('.list-item[tabindex="0"]')).toHaveCount(1);
  await w.locator('.list-item[tabindex="0"]').focus();
  const first = await w.locator('.list-item[tabindex="0"]').evaluate((el) => [...el.closest('.list').querySelectorAll('.list-item')].indexOf(el));
  await page.keyboard.press('ArrowDown');
  await expect(items.nth(first + 1)).toBeFocused();
  await expect(items.nth(first + 1)).toHaveAttribute('tabindex', '0');
  await expect(w.locator('.list-item[tabindex="0"]')).toHaveCount(1);
  await page.keyboard.press('End');
  await expect(items.last()).toBeFocused();
  await page.keyboard.press('Home');
  await expect(items.first()).toBeFocused();
  // Enter picks the touch; one Tab leaves the list for the details panel.
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(items.nth(1)).toHaveAttribute('aria-current', 'true');
  await page.keyboard.press('Tab');
  const inList = await w.evaluate((el) => el.shadowRoot.activeElement?.classList.contains('list-item') ?? false);
  expect(inList).toBe(false);
});

test('keyboard: the focus ring differs from the "today" mark', async ({ page }) => {
  await openWidget(page, 'ru', 'month');
  const w = page.locator('#w');
  const today = w.locator(`[data-date="${TODAY}"]`);
  const look = (loc) => loc.evaluate((el) => {
    const s = getComputedStyle(el);
    return { outline: `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}`, border: s.borderColor };
  });
  const unfocused = await look(today);
  expect(unfocused.outline.startsWith('none')).toBe(true);
  await today.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowLeft');
  await expect(today).toBeFocused();
  const focused = await look(today);
  expect(focused.outline).toMatch(/^solid 3px /);
  // "Today" is a filled day number, not a frame in the focus colour.
  const num = await today.locator('.num').evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(num).not.toBe('rgba(0, 0, 0, 0)');
  expect(focused.outline).not.toContain(num);
});

test('print: the horizon\'s months and the touch list, no buttons', async ({ page }) => {
  const plan = await openWidget(page, 'ru', 'month');
  const w = page.locator('#w');
  await page.emulateMedia({ media: 'print' });
  const months = new Set();
  for (let m = plan.horizon.from.slice(0, 7); m <= plan.horizon.to.slice(0, 7);) {
    months.add(m);
    const d = new Date(`${m}-01T00:00:00Z`);
    d.setUTCMonth(d.getUTCMonth() + 1);
    m = d.toISOString().slice(0, 7);
  }
  await expect(w.locator('.print-month')).toHaveCount(months.size);
  for (const table of await w.locator('.print-month').all()) await expect(table).toBeVisible();
  await expect(w.locator('.print-list tbody tr')).toHaveCount(plan.touches.length);
  await expect(w.locator('.print-list')).toBeVisible();
  const visibleButtons = await w.evaluate((el) => [...el.shadowRoot.querySelectorAll('button')].filter((b) => b.getClientRects().length > 0).length);
  expect(visibleButtons).toBe(0);
  await expect(w.locator('[role="grid"]')).toBeHidden();
  await page.emulateMedia({ media: 'screen' });
  await expect(w.locator('.print-month').first()).toBeHidden();
});
