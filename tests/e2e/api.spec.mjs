// www/api.js in a real page under the strict CSP the widget must live
// with: it loads, plans, exports, recovers from a panic, and asks the
// network for nothing but its own three files.
import { test, expect } from '@playwright/test';

const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'";
const TYPICAL = { today: '2026-11-24', client: { id: 'c1', orders: [{ date: '2026-10-01' }] } };

/** Opens an empty same-origin page served with `csp`, recording requests,
 * CSP violations and console errors. */
async function openPage(page, csp = STRICT_CSP) {
  const requests = [];
  const consoleErrors = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
  await page.route('**/e2e-blank.html', (route) =>
    route.fulfill({
      contentType: 'text/html; charset=utf-8',
      headers: { 'Content-Security-Policy': csp },
      body: '<!doctype html><html lang="ru"><title>touchplan api</title></html>',
    }),
  );
  await page.goto('/e2e-blank.html');
  await page.evaluate(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  return { requests, consoleErrors };
}

test('loads and plans under the strict CSP with no foreign request', async ({ page, baseURL }) => {
  const { requests } = await openPage(page);
  const result = await page.evaluate(async (input) => {
    const api = await import('/api.js');
    await api.default();
    const plan = api.plan(input);
    return {
      version: api.version(),
      plan,
      ics: api.toIcs(plan, { calendarName: 'Test' }),
      csv: api.toCsv(plan),
      catalog: api.reasonCatalog('en').length,
      batch: api.planMany([input, { today: 'x', client: {} }]).map((p) => (p.error ? p.error.name : p.clientId)),
      violations: window.__violations,
    };
  }, TYPICAL);

  expect(result.violations).toEqual([]);
  expect(result.version).toMatch(/^\d+\.\d+\.\d+/);
  expect(result.plan.clientId).toBe('c1');
  expect(result.plan.touches.length).toBeGreaterThan(0);
  expect(result.ics.match(/BEGIN:VEVENT/g)).toHaveLength(result.plan.touches.length);
  expect(result.csv.split('\r\n')[0]).toMatch(/^Клиент,Дата,Вид касания,.*,client_id,date,kind,/);
  expect(result.catalog).toBeGreaterThan(0);
  expect(result.batch).toEqual(['c1', 'TouchPlanError']);

  const paths = [...new Set(requests)].map((u) => {
    const url = new URL(u);
    expect(url.origin).toBe(new URL(baseURL).origin);
    return url.pathname;
  });
  // The wasm in its three parts, all loaded by init(): planning, the
  // exports and the book (issue 18).
  expect(paths.sort()).toEqual(['/api.js', '/e2e-blank.html', '/pkg/touchplan.js', '/pkg/touchplan_bg.wasm', '/pkg/touchplan_book.js', '/pkg/touchplan_book_bg.wasm',
    '/pkg/touchplan_export.js', '/pkg/touchplan_export_bg.wasm']);
});

test('the CSP is really enforced: without wasm-unsafe-eval init fails', async ({ page }) => {
  await openPage(page, "default-src 'self'; script-src 'self'");
  const error = await page.evaluate(async () => {
    const api = await import('/api.js');
    return api.default().then(() => null, (e) => String(e));
  });
  expect(error).toMatch(/CompileError|wasm|Content Security Policy/i);
});

test('a panic is reported on the console, thrown as TouchPlanError, and the next call works', async ({ page }) => {
  const { consoleErrors } = await openPage(page);
  const result = await page.evaluate(async (input) => {
    const api = await import('/api.js');
    await api.default();
    let thrown;
    try {
      api.__forcePanic();
    } catch (e) {
      thrown = { name: e.name, code: e.code, cause: e.cause?.constructor?.name, trapped: api.isTrapped() };
    }
    const plan = api.plan(input);
    return { thrown, touches: plan.touches.length, trapped: api.isTrapped() };
  }, TYPICAL);
  expect(result.thrown).toEqual({ name: 'TouchPlanError', code: 'internal', cause: 'RuntimeError', trapped: true });
  expect(result.touches).toBeGreaterThan(0);
  expect(result.trapped).toBe(false);
  expect(consoleErrors.join('\n')).toContain('forced panic (test only)');
});

test('input errors are Error objects with code, path and every problem', async ({ page }) => {
  await openPage(page);
  const e = await page.evaluate(async () => {
    const api = await import('/api.js');
    await api.default();
    try {
      api.plan({ today: '2026-13-45', client: {} });
    } catch (e) {
      return { isError: e instanceof Error, name: e.name, code: e.code, path: e.path, message: e.message, errors: e.errors };
    }
    return null;
  });
  expect(e.isError).toBe(true);
  expect(e.name).toBe('TouchPlanError');
  expect(e.errors.length).toBeGreaterThanOrEqual(2);
  expect(e.errors.map((x) => `${x.code} ${x.path}`)).toEqual(
    expect.arrayContaining(['invalid_date today', 'missing_field client.id']),
  );
  expect(e.message).toBe(e.errors[0].message);
});

// CONTRACT.md: `initSync({ module })` is synchronous, and so is everything
// after it. The export and book parts (issue 18) are then read at the first
// export or book if their background load has not finished: toIcs or
// planBook right after initSync gives the calendar or the book, not
// `not_initialized`.
for (const [name, entry] of [['the bare module', '/pkg/touchplan.js'], ['www/api.js', '/api.js']]) {
  test(`initSync({ module }) then toIcs, toCsv and planBook at once, through ${name}, under the strict CSP`, async ({ page }) => {
    await openPage(page);
    const result = await page.evaluate(async ({ input, entry }) => {
      const bytes = await (await fetch('/pkg/touchplan_bg.wasm')).arrayBuffer();
      const module = await WebAssembly.compile(bytes);
      const api = await import(entry);
      // Nothing awaited from here on: the background load cannot have finished.
      api.initSync({ module });
      const plan = api.plan(input);
      let ics;
      let csv;
      let book;
      try {
        ics = api.toIcs(plan);
        csv = api.toCsv(plan, { separator: ';' });
        book = api.planBook({ today: input.today, clients: [input.client] });
      } catch (e) {
        return { error: `${e.code}: ${e.message}` };
      }
      return { touches: plan.touches.length, ics, csv, bookTouches: book.clients[0].touches.length, violations: window.__violations };
    }, { input: TYPICAL, entry });
    expect(result.error).toBeUndefined();
    expect(result.violations).toEqual([]);
    expect(result.ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(result.ics.match(/BEGIN:VEVENT/g)).toHaveLength(result.touches);
    expect(result.csv.split('\r\n')[0]).toMatch(/^Клиент;Дата;Вид касания;/);
    expect(result.bookTouches).toBe(result.touches);
  });
}
