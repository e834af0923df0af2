// The calculator needs no server code: www/ served by Python's plain
// `http.server` (no CSP header, no cache rules, its own MIME table) gives
// the same page and plan, with no request leaving that origin.
import { test, expect } from '@playwright/test';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { TODAY } from './widget-helpers.mjs';

let server;
let base;

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

test.beforeAll(async () => {
  const port = await freePort();
  server = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', 'www'], { stdio: 'ignore' });
  base = `http://127.0.0.1:${port}/`;
  await expect.poll(async () => {
    try {
      return (await fetch(`${base}calculator/index.html`)).status;
    } catch {
      return 0;
    }
  }, { timeout: 15000 }).toBe(200);
});

test.afterAll(() => {
  server?.kill();
});

test('the calculator works from python3 -m http.server in www/', async ({ page }) => {
  const requests = [];
  const problems = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  await page.clock.setFixedTime(new Date(`${TODAY}T10:00:00`));
  await page.goto(`${base}calculator/index.html`);
  await expect(page.locator('body')).toHaveAttribute('data-ready', 'true');
  await expect(page.locator('#why [data-term="total"] b')).toHaveText('17');
  const plan = await page.evaluate(() => document.getElementById('plan').plan);
  expect(plan.summary.perCycle.total).toBe(17);
  expect(plan.summary.byKind).toMatchObject({ event: 2, meeting: 1 });
  await expect(page.locator('touch-plan').locator('[part~="grid"]')).toBeVisible();

  // A shared link opens the same plan from the static host too.
  await page.selectOption('#preset', 'club-membership');
  await expect(page.locator('#why [data-term="total"] b')).toHaveText('15');
  const url = page.url();
  const again = await page.context().newPage();
  await again.goto(url);
  await expect(again.locator('#why [data-term="total"] b')).toHaveText('15');
  await again.close();

  expect(problems).toEqual([]);
  expect(requests.every((u) => u.startsWith(base))).toBe(true);
  expect(requests.some((u) => u.endsWith('.wasm'))).toBe(true);
});
