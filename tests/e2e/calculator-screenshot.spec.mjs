// The picture in the README: the calculator with the consultative preset,
// in Russian. Written to the test's output folder; `UPDATE_DOCS=1 npx
// playwright test tests/e2e/calculator-screenshot.spec.mjs` refreshes
// docs/calculator.png.
import { test, expect } from '@playwright/test';
import { TODAY } from './widget-helpers.mjs';

test('calculator screenshot (docs/calculator.png)', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 1600, height: 1150 });
  await page.clock.setFixedTime(new Date(`${TODAY}T10:00:00`));
  await page.goto('/calculator/index.html');
  await expect(page.locator('body')).toHaveAttribute('data-ready', 'true');
  await expect(page.locator('#preset')).toHaveValue('consultative-a');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
  await expect(page.locator('#why [data-term="total"] b')).toHaveText('17');
  // December: the annual meeting and the New Year greeting are in view.
  await page.locator('touch-plan').locator('[data-step="1"]').click();
  await expect(page.locator('touch-plan').locator('.grid .marker').first()).toBeVisible();
  await page.mouse.move(0, 0);
  const path = process.env.UPDATE_DOCS ? 'docs/calculator.png' : testInfo.outputPath('calculator.png');
  await page.screenshot({ path });
});
