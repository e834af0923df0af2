// The README's pictures of <touch-plan-book>: the demo page (www/demo/book.html,
// 50 generated clients of two managers, capacity 8 so that some days stay
// over) in Russian, one picture per view. Written to the test's output
// folder; `UPDATE_DOCS=1 npx playwright test tests/e2e/book-screenshot.spec.mjs`
// refreshes docs/screenshots/book-{today,load,clients}-ru.png.
import { test, expect } from '@playwright/test';

test('demo book page screenshots, one per view (docs/screenshots/book-*-ru.png)', async ({ page }, testInfo) => {
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.setViewportSize({ width: 1280, height: 1000 });
  await page.goto('/demo/book.html?capacity=8');
  const el = page.locator('#book');
  await page.waitForFunction(() => document.getElementById('book').status === 'ready', null, { timeout: 30_000 });
  const book = await el.evaluate((e) => e.book);
  expect(book.capacity).toBe(8);
  expect(book.managers.some((m) => m.overloads.length)).toBe(true);
  const shoot = async (name) => {
    await page.mouse.move(0, 0);
    const box = await el.boundingBox();
    const path = process.env.UPDATE_DOCS ? `docs/screenshots/book-${name}-ru.png` : testInfo.outputPath(`book-${name}-ru.png`);
    await page.screenshot({ path, clip: { x: box.x - 8, y: box.y - 8, width: box.width + 16, height: Math.min(box.height + 16, 1400) }, fullPage: true });
  };
  // Сегодня: the planning day's agenda, a touch picked.
  await el.locator('.today-view .item').first().click();
  await expect(page.locator('#picked')).toContainText('touchplan-select');
  await shoot('today');
  await el.locator('[role="tab"][data-view="load"]').click();
  await expect(el.locator('.bar.over').first()).toBeVisible();
  await el.locator('.moves').first().evaluate((d) => { d.open = true; });
  await shoot('load');
  await el.locator('[role="tab"][data-view="clients"]').click();
  await expect(el.locator('tr.failed-row')).toHaveCount(1);
  await shoot('clients');
  expect(await page.evaluate(() => window.__violations)).toEqual([]);
  expect(errors).toEqual([]);
});
