// The README's pictures (issue 16): the demo CRM card and the calculator
// in Russian at 1440 px and 390 px, warnings folded. Written to the test's
// output folder; `UPDATE_DOCS=1 npx playwright test tests/e2e/docs-screenshots.spec.mjs`
// refreshes docs/screenshots/.
import { test, expect } from '@playwright/test';
import { TODAY, planOf } from './widget-helpers.mjs';

const pageBox = (locator) => locator.evaluate((el) => {
  const r = el.getBoundingClientRect();
  return { y: r.top + scrollY, height: r.height };
});

const out = (testInfo, name) => (process.env.UPDATE_DOCS ? `docs/screenshots/${name}` : testInfo.outputPath(name));

for (const width of [1440, 390]) {
  test(`demo CRM card, ru, ${width} px`, async ({ page }, testInfo) => {
    await page.setViewportSize({ width, height: 900 });
    await page.goto('/demo/demo-crm.html');
    const widget = page.locator('touch-plan[scope]');
    await planOf(page, 'touch-plan[scope]');
    // December: greetings, need discovery, mandatory touches and slots.
    await widget.locator('[data-step="1"]').click();
    await expect(widget.locator('[part="warnings"]')).not.toHaveAttribute('open', '');
    await page.mouse.move(0, 0);
    // The card's widget in page coordinates (the click above may have scrolled).
    const box = await pageBox(widget);
    await page.screenshot({ path: out(testInfo, `demo-crm-ru-${width}.png`), fullPage: true, clip: { x: 0, y: Math.max(0, box.y - 40), width, height: Math.min(box.height + 60, 2600) } });
  });

  test(`calculator, ru, ${width} px`, async ({ page }, testInfo) => {
    await page.setViewportSize({ width, height: width > 900 ? 1100 : 2400 });
    await page.clock.setFixedTime(new Date(`${TODAY}T10:00:00`));
    await page.goto('/calculator/index.html');
    await expect(page.locator('body')).toHaveAttribute('data-ready', 'true');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
    await expect.poll(() => page.evaluate(() => document.getElementById('plan').plan !== null)).toBe(true);
    await expect(page.locator('#plan [part="warnings"]')).not.toHaveAttribute('open', '');
    await page.mouse.move(0, 0);
    if (width > 900) {
      await page.screenshot({ path: out(testInfo, `calculator-ru-${width}.png`) });
    } else {
      // On a phone the plan comes after the form: show the page's head and the plan.
      const box = await pageBox(page.locator('#plan'));
      await page.screenshot({ path: out(testInfo, `calculator-ru-${width}.png`), fullPage: true, clip: { x: 0, y: Math.max(0, box.y - 20), width, height: Math.min(box.height + 40, 2400) } });
    }
  });
}
