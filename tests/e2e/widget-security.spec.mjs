// Security and isolation of <touch-plan>: client text stays text, the strict
// CSP holds, no foreign requests, no globals, host CSS stays outside.
import { test, expect } from '@playwright/test';
import { TODAY, openPage, planOf, sampleClient } from './widget-helpers.mjs';

const XSS = '<img src=x onerror=alert(1)>';

test('a client name with markup shows as text and runs nothing', async ({ page }) => {
  const dialogs = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    dialog.dismiss();
  });
  const requests = [];
  page.on('request', (request) => requests.push(new URL(request.url()).pathname));
  const evil = sampleClient({ id: 'xss-src', name: XSS });
  await openPage(page, `
    <div id="card"><h1 data-touchplan-field="name"></h1><span data-touchplan-field="id">xss-dom</span></div>
    <script type="application/json" id="data">${JSON.stringify(evil).replace(/</g, '\\u003c')}</script>
    <touch-plan id="prop" today="${TODAY}"></touch-plan>
    <touch-plan id="src" src="data" today="${TODAY}"></touch-plan>
    <touch-plan id="dom" scope="card" today="${TODAY}"></touch-plan>`);
  // The CRM shows the name as text, as CRMs do; the widget reads that text.
  await page.$eval('#card h1', (h1, name) => { h1.textContent = name; }, XSS);
  await page.$eval('#prop', (el, client) => { el.client = client; }, sampleClient({ id: 'xss-prop', name: XSS, contacts: [{ name: XSS, role: 'decision_maker' }] }));
  for (const id of ['prop', 'src', 'dom']) {
    await expect.poll(() => page.$eval(`#${id}`, (el) => el.plan?.clientName)).toBe(XSS);
    const widget = page.locator(`#${id}`);
    await expect(widget.locator('[part="title"]')).toHaveText(`План касаний: ${XSS}`);
    await widget.locator('[data-view="list"]').click();
    await widget.locator('.list-item').first().click();
    expect(await widget.evaluate((el) => el.shadowRoot.querySelectorAll('img, [onerror]').length)).toBe(0);
  }
  // The contact's name, echoed by the engine into the details, is text too.
  await expect(page.locator('#prop [part="details"]')).toContainText(XSS);
  await page.waitForTimeout(300);
  expect(dialogs).toEqual([]);
  expect(requests).not.toContain('/x');
});

for (const [name, url] of [['a <meta> policy', '/demo/demo-csp.html'], ['a policy header', '/demo/demo-crm.html?csp']]) {
  test(`works under the strict CSP (${name})`, async ({ page }) => {
    await page.addInitScript(() => {
      window.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    const response = await page.goto(url);
    if (url.endsWith('?csp')) expect(response.headers()['content-security-policy']).toBe("default-src 'self'; script-src 'self' 'wasm-unsafe-eval'");
    for (const widget of await page.locator('touch-plan').all()) {
      await expect(widget.locator('.marker').first()).toBeVisible();
      await expect(widget.locator('[part="error"]')).toBeHidden();
    }
    // Styles applied (a constructable stylesheet, which CSP allows): the
    // root has its border and the markers their kind colours.
    const first = page.locator('touch-plan').first();
    expect(await first.locator('[part="root"]').evaluate((el) => getComputedStyle(el).borderTopStyle)).toBe('solid');
    await first.locator('.grid [data-date].has-touch').first().click();
    await expect(first.locator('[part="details"] .reasons li').first()).toBeVisible();
    expect(await page.evaluate(() => window.__violations)).toEqual([]);
    expect(errors).toEqual([]);
  });
}

test('requests nothing but its own files, and loads the wasm once for two widgets', async ({ page, baseURL }) => {
  // The host page's own files, and the widget's: nothing else may be asked for.
  const pageFiles = ['/demo/demo-crm.html', '/demo/demo-crm.css', '/favicon.svg'];
  const widgetFiles = ['/widget/touch-plan-define.js', '/widget/touch-plan.js', '/widget/touch-plan-styles.js', '/widget/touch-plan-i18n.js',
    '/iso-date.js', '/widget/host-reader.js', '/api.js', '/pkg/touchplan.js', '/pkg/touchplan_bg.wasm',
    // The exports' part (toIcs, toCsv), loaded after the first plan (issue 18).
    '/pkg/touchplan_export.js', '/pkg/touchplan_export_bg.wasm',
    // The book's part: its glue, which pkg/touchplan.js imports, but never
    // its wasm (planBook), which a page of <touch-plan>s does not use.
    '/pkg/touchplan_book.js'];
  const own = [...pageFiles, ...widgetFiles];
  const seen = [];
  const blocked = [];
  await page.route('**/*', (route) => {
    const url = new URL(route.request().url());
    seen.push(url.pathname);
    if (url.origin === new URL(baseURL).origin && own.includes(url.pathname)) route.continue();
    else {
      blocked.push(url.href);
      route.abort();
    }
  });
  const downloads = [];
  page.on('download', (d) => downloads.push(d.suggestedFilename()));
  await page.goto('/demo/demo-crm.html');
  const widgets = page.locator('touch-plan');
  await planOf(page, 'touch-plan[scope]');
  await planOf(page, 'touch-plan[src]');
  // Use it as a manager would: views, details, both downloads.
  const card = widgets.first();
  await card.locator('.grid [data-date].has-touch').first().click();
  await card.locator('[data-view="list"]').click();
  await card.locator('[part~="download-ics"]').click();
  await card.locator('[part~="download-csv"]').click();
  await expect.poll(() => downloads.length).toBe(2);
  expect(blocked).toEqual([]);
  expect([...new Set(seen)].sort()).toEqual([...own].sort());
  // Each wasm part once, for both widgets, and not the book's.
  expect(seen.filter((p) => p.endsWith('.wasm')).sort()).toEqual(['/pkg/touchplan_bg.wasm', '/pkg/touchplan_export_bg.wasm']);
});

test('puts no global names on window besides the element definition', async ({ page }) => {
  await page.addInitScript(() => {
    const before = new Set(Object.getOwnPropertyNames(window));
    Object.defineProperty(window, Symbol.for('globals-before'), { value: before });
  });
  await page.goto('/demo/demo-crm.html');
  await planOf(page, 'touch-plan[scope]');
  const added = await page.evaluate(() => {
    const before = window[Symbol.for('globals-before')];
    return Object.getOwnPropertyNames(window).filter((n) => !before.has(n));
  });
  expect(added).toEqual([]);
  expect(await page.evaluate(() => typeof customElements.get('touch-plan'))).toBe('function');
});

test('host CSS does not leak in; theming goes through --touch-plan-* and ::part()', async ({ page }) => {
  await page.goto('/demo/demo-crm.html');
  // Global rules as aggressive as a CRM's theme can be.
  await page.addStyleTag({ content: `
    * { font-family: Georgia, serif !important; letter-spacing: 3px; }
    body { color: rgb(255, 0, 0); line-height: 3; font-style: italic; text-transform: uppercase; font-size: 30px; }
    button { background: rgb(255, 105, 180) !important; text-transform: uppercase; padding: 25px !important; }
    td, th { padding: 30px !important; border: 5px solid red !important; }
    h2, h3 { font-size: 48px !important; }
    ul, ol, li { list-style: disc; margin: 40px; }
    .marker, .day, .root { display: none !important; }
    touch-plan#themed { --touch-plan-kind-mandatory: rgb(1, 2, 3); --touch-plan-accent-color: rgb(7, 8, 9); }
    touch-plan#themed::part(title) { color: rgb(4, 5, 6); }
  ` });
  const widget = page.locator('touch-plan[scope]');
  await widget.evaluate((el) => { el.id = 'themed'; });
  await planOf(page, '#themed');
  const style = (selector, props) => widget.locator(selector).first().evaluate((el, ps) => {
    const cs = getComputedStyle(el);
    return Object.fromEntries(ps.map((p) => [p, cs.getPropertyValue(p)]));
  }, props);
  const root = await style('[part="root"]', ['display', 'font-family', 'font-style', 'text-transform', 'letter-spacing', 'line-height', 'color', 'font-size']);
  expect(root.display).toBe('block');
  expect(root['font-family']).not.toContain('Georgia');
  expect(root).toMatchObject({ 'font-style': 'normal', 'text-transform': 'none', 'letter-spacing': 'normal', color: 'rgb(31, 35, 40)', 'font-size': '14px' });
  const button = await style('[part~="download-ics"]', ['background-color', 'text-transform', 'padding-top']);
  expect(button).toEqual({ 'background-color': 'rgb(246, 248, 250)', 'text-transform': 'none', 'padding-top': '4px' });
  const day = await style('[role="gridcell"][data-date]', ['padding-top', 'border-top-width', 'display']);
  expect(day).toEqual({ 'padding-top': '3px', 'border-top-width': '1px', display: 'table-cell' });
  const legendItem = await style('[part="legend"] li', ['list-style-type', 'margin-top']);
  expect(legendItem).toEqual({ 'list-style-type': 'none', 'margin-top': '0px' });
  // The documented hooks do reach inside.
  expect(await style('[part="title"]', ['color'])).toEqual({ color: 'rgb(4, 5, 6)' });
  expect(await style('[part~="view-button"][aria-pressed="true"]', ['background-color'])).toEqual({ 'background-color': 'rgb(7, 8, 9)' });
  expect(await style('[part="legend"] [data-kind="mandatory"] .marker', ['background-color'])).toEqual({ 'background-color': 'rgb(1, 2, 3)' });
});
