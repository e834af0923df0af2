// The README's embedding recipes are run as written: each ```html block of
// the widget section is a page that must show a plan, and the ```js block
// registers the element under another tag. The files' folder in the
// recipes, /static/touchplan/, is the site root here.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';

const readme = readFileSync('README.md', 'utf8');
const start = readme.indexOf('## The `<touch-plan>` widget');
const end = readme.indexOf('\n## ', start + 1);
const section = readme.slice(start, end < 0 ? undefined : end);
const blocks = (lang) => [...section.matchAll(new RegExp(`\`\`\`${lang}\\n([\\s\\S]*?)\`\`\``, 'g'))].map((m) => m[1].replaceAll('/static/touchplan/', '/'));

test('the README has a recipe for each way of feeding data', () => {
  expect(start).toBeGreaterThanOrEqual(0);
  const pages = blocks('html');
  expect(pages.some((html) => /<touch-plan id="plan">/.test(html) && /el\.client = /.test(html))).toBe(true);
  expect(pages.some((html) => /<touch-plan src=/.test(html))).toBe(true);
  expect(pages.some((html) => /<touch-plan scope=/.test(html))).toBe(true);
  expect(pages.some((html) => /<touch-plan map=/.test(html))).toBe(true);
});

for (const [i, html] of blocks('html').entries()) {
  test(`README recipe ${i + 1} shows a plan`, async ({ page }) => {
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.route('**/__readme__.html', (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
    await page.goto('/__readme__.html');
    const widget = page.locator('touch-plan');
    await expect(widget.locator('[part="legend"] [data-kind]').first()).toBeVisible();
    await expect(widget.locator('[part="error"]')).toBeHidden();
    const plan = await widget.evaluate((el) => el.plan);
    expect(plan.clientId).toMatch(/^crm-/);
    expect(plan.locale).toBe('ru');
    expect(errors).toEqual([]);
  });
}

test('README: the class registers under another tag', async ({ page }) => {
  const [js] = blocks('js');
  const html = `<!doctype html><html lang="en"><crm-touch-plan></crm-touch-plan>
    <script type="module">${js}
    document.querySelector('crm-touch-plan').client = { id: 'crm-7', name: 'Custom tag' };</script></html>`;
  await page.route('**/__readme__.html', (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
  await page.goto('/__readme__.html');
  await expect(page.locator('crm-touch-plan [part="title"]')).toHaveText('Touch plan: Custom tag');
  expect(await page.evaluate(() => customElements.get('touch-plan'))).toBeUndefined();
});
