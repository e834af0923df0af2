// The picture in the README: the demo CRM page in Russian, the month grid
// with touches of several kinds, the summary and an open details panel.
// Written to the test's output folder; `UPDATE_DOCS=1 npx playwright test
// tests/e2e/widget-screenshot.spec.mjs` refreshes docs/widget.png.
import { test, expect } from '@playwright/test';
import { planOf } from './widget-helpers.mjs';

test('demo CRM page screenshot (docs/widget.png)', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 1360, height: 2200 });
  await page.goto('/demo/demo-crm.html');
  const widget = page.locator('touch-plan[scope]');
  const plan = await planOf(page, 'touch-plan[scope]');
  expect(plan.locale).toBe('ru');
  // December: greetings, need discovery, mandatory, checks and slots.
  await widget.locator('[data-step="1"]').click();
  const kinds = await widget.locator('.grid .marker').evaluateAll((els) => new Set(els.map((el) => el.dataset.kind)).size);
  expect(kinds).toBeGreaterThanOrEqual(4);
  const december = plan.touches.filter((t) => t.date.startsWith('2026-12') && !t.automated);
  const score = (t) => t.reasons.length * 10 + (t.notes?.length ?? 0) + (t.purposes?.length ?? 0);
  const richest = december.reduce((a, b) => (score(b) > score(a) ? b : a));
  await widget.locator(`[data-date="${richest.date}"]`).click();
  await expect(widget.locator('[part="details"] article')).toBeVisible();
  await expect(widget.locator('[part="summary"]')).toContainText('первый цикл');
  await page.mouse.move(0, 0);
  const box = await widget.boundingBox();
  const path = process.env.UPDATE_DOCS ? 'docs/widget.png' : testInfo.outputPath('widget.png');
  await page.screenshot({ path, clip: { x: 0, y: Math.max(0, box.y - 330), width: 1360, height: box.height + 350 } });
});
