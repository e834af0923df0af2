// Shared pieces of the <touch-plan> end-to-end tests: test pages, a client
// with several kinds of touches, waiting for the real engine's plan.
import { expect } from '@playwright/test';

/** The planning date of every test (a Tuesday). */
export const TODAY = '2026-11-24';

/** A segment-A transactional client whose plan has many kinds of touches. */
export function sampleClient(overrides = {}) {
  return {
    id: 'c-100',
    name: 'ООО «Тестовый клиент»',
    segment: 'A',
    orderCycleDays: 30,
    channels: ['phone', 'visit', 'messenger', 'email'],
    orders: [
      { date: '2026-09-15', amount: 1050000 },
      { date: '2026-10-14', amount: 1120500 },
      { date: '2026-11-13', amount: 1200000.5 },
    ],
    contacts: [
      // 5 December 2026 is a Saturday: a scheduled greeting (R9).
      { name: 'Анна Смирнова', role: 'decision_maker', birthday: '--12-05', channels: ['phone', 'messenger', 'email'] },
      { name: 'Иван Петров', role: 'buyer', channels: ['phone', 'email'] },
    ],
    expiries: [{ date: '2027-03-31', what: 'Договор поставки' }],
    incidents: [{ date: '2026-11-23', summary: 'Задержка отгрузки' }],
    ...overrides,
  };
}

/**
 * Opens a page with `body`, served from the site's origin (so the widget's
 * modules load as in production) and loading the define module.
 */
export async function openPage(page, body, { lang = 'ru', head = '', define = true } = {}) {
  const html = `<!doctype html><html lang="${lang}"><head><meta charset="utf-8">
<link rel="icon" href="data:,">${head}
${define ? '<script type="module" src="/widget/touch-plan-define.js"></script>' : ''}
</head><body>${body}</body></html>`;
  await page.route('**/__e2e__/page.html', (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
  await page.goto('/__e2e__/page.html');
}

/** Records every touchplan-* event reaching the document, in `window.__events`. */
export async function recordEvents(page) {
  await page.addInitScript(() => {
    window.__events = [];
    for (const type of ['touchplan-change', 'touchplan-error', 'touchplan-select']) {
      document.addEventListener(type, (e) => {
        window.__events.push({ type, id: e.target.id, detail: JSON.parse(JSON.stringify(e.detail, (k, v) => (v instanceof Error ? { ...v, message: v.message, name: v.name } : v))) });
      });
    }
  });
}

/** The events recorded so far, optionally of one type and widget id. */
export function eventsOf(page, type, id) {
  return page.evaluate(([t, i]) => window.__events.filter((e) => (!t || e.type === t) && (!i || e.id === i)), [type, id]);
}

/** Waits until the widget has a plan (or an error) and returns the plan. */
export async function planOf(page, selector = 'touch-plan') {
  await page.waitForFunction((s) => {
    const el = document.querySelector(s);
    return el && (el.plan || el.error);
  }, selector);
  const { plan, error } = await page.$eval(selector, (el) => ({ plan: el.plan, error: el.error && { code: el.error.code, message: el.error.message } }));
  expect(error, 'the widget reports no error').toBeNull();
  return plan;
}

/** The widget's current plan (null while it has none), for `expect.poll`. */
export function currentPlan(page, selector = 'touch-plan') {
  return page.$eval(selector, (el) => el.plan);
}

/** Shows `month` ('YYYY-MM') in the widget's month grid with its previous- and next-month buttons. */
export async function showMonth(widget, month) {
  for (let i = 0; i < 40; i++) {
    const cell = widget.locator(`[role="gridcell"][data-date^="${month}-"]`).first();
    if (await cell.count()) return;
    // Back or forward, whichever way the month is.
    const first = await widget.locator('[role="gridcell"][data-date]').first().getAttribute('data-date');
    await widget.locator(`[data-step="${first && month < first.slice(0, 7) ? -1 : 1}"]`).click();
  }
  throw new Error(`month ${month} not reached`);
}
