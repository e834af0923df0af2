// Accessibility of <touch-plan-book>: axe-core finds no WCAG 2.1 A/AA
// violation in any of its views (ru, en), the demo page included.
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
test.describe.configure({ timeout: 120_000 });

async function violations(page) {
  const { violations: found } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return found.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

for (const lang of ['ru', 'en']) {
  test(`axe: the demo book page, every view, ${lang}`, async ({ page }) => {
    await page.goto('/demo/book.html?capacity=8');
    const el = page.locator('#book');
    if (lang === 'en') await el.evaluate((e) => e.setAttribute('lang', 'en'));
    await page.waitForFunction((l) => { const e = document.getElementById('book'); return e.status === 'ready' && e.book.locale === l; }, lang, { timeout: 30_000 });
    for (const view of ['today', 'load', 'clients']) {
      await el.locator(`[role="tab"][data-view="${view}"]`).click();
      await expect(el.locator('[role="tabpanel"]')).toHaveAttribute('data-panel', view);
      if (view === 'load') await el.locator('.moves').first().evaluate((d) => { d.open = true; });
      expect(await violations(page), view).toEqual([]);
    }
  });
}
