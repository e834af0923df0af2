// <touch-plan-book> with 1,000 clients of one manager (issue 19's
// performance bullet): the page's main thread while the element plans in
// its worker and takes the book over. Logs the longest main-thread task
// seen by a PerformanceObserver('longtask') and how the book crossed;
// asserts the book, not timings (this machine is shared).
import { test, expect } from '@playwright/test';

const TODAY = '2026-11-24';
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'";

test('1,000 clients: the book is handed over in slices; the longest main-thread task is logged', async ({ page }) => {
  test.setTimeout(180_000);
  const html = `<!doctype html><html lang="ru"><head><meta charset="utf-8"><link rel="icon" href="/favicon.svg">
<script type="module" src="/widget/touch-plan-book-define.js"></script></head><body>
<touch-plan-book today="${TODAY}"></touch-plan-book></body></html>`;
  await page.route('**/__e2e__/book-longtask.html', (route) => route.fulfill({
    contentType: 'text/html; charset=utf-8', headers: { 'Content-Security-Policy': CSP }, body: html,
  }));
  await page.goto('/__e2e__/book-longtask.html');
  await page.waitForFunction(() => customElements.get('touch-plan-book'));
  // The clients made in the page, so that no task of the test's own
  // (an argument's copy) counts.
  await page.evaluate(async () => {
    const { sampleBook } = await import('/demo/book-sample.js');
    window.__clients = sampleBook({ n: 1000, managers: ['Анна'], seed: 11 }).clients;
  });
  // The element's worker, its messages counted as the page receives them.
  await page.evaluate(() => {
    window.__tasks = [];
    window.__t0 = performance.now();
    new PerformanceObserver((list) => window.__tasks.push(...list.getEntries().map((e) => [e.startTime - window.__t0, e.duration])))
      .observe({ type: 'longtask' });
  });
  const parts = [];
  page.on('worker', (w) => parts.push(w.url()));
  const t0 = Date.now();
  await page.$eval('touch-plan-book', (el) => { el.clients = window.__clients; });
  await page.waitForFunction(() => ['ready', 'error'].includes(document.querySelector('touch-plan-book').status), null, { timeout: 170_000 });
  const wall = Date.now() - t0;
  await page.waitForTimeout(300);
  const r = await page.$eval('touch-plan-book', (el) => ({
    error: el.error && el.error.message,
    clients: el.book?.clients.length,
    managers: el.book?.managers.length,
    tasks: window.__tasks,
  }));
  expect(r.error).toBeNull();
  expect(r.clients).toBe(1000);
  expect(r.managers).toBe(1);
  expect(parts.some((u) => u.endsWith('/widget/touch-plan-book-worker.js'))).toBe(true);
  const longest = Math.max(0, ...r.tasks.map((t) => t[1]));
  const list = r.tasks.map(([at, ms]) => `${Math.round(ms)} ms at ${Math.round(at)}`).join(', ');
  console.log(`book-longtask: 1,000 clients ready in ${wall} ms; ${r.tasks.length} main-thread tasks over 50 ms, the longest ${Math.round(longest)} ms (${list})`);
});
