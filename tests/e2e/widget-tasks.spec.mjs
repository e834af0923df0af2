// «Поставить задачу»: the element asks (event `touchplan-task`), a CRM kit
// answers, and the element shows the outcome and never asks twice for one
// touch.
import { test, expect } from '@playwright/test';
import { TODAY, sampleClient, openPage, planOf, showMonth } from './widget-helpers.mjs';

async function open(page, attrs = 'tasks') {
  await openPage(page, `<script type="application/json" id="data">${JSON.stringify(sampleClient())}</script>
    <touch-plan id="w" src="data" today="${TODAY}" ${attrs}></touch-plan>`);
  return planOf(page, '#w');
}

test('without the tasks attribute there is no task button', async ({ page }) => {
  await open(page, '');
  await expect(page.locator('#w [part~="task-button"]')).toHaveCount(0);
});

test('an automated touch (marketing sends it) offers no task; a manager touch on its own day does', async ({ page }) => {
  const plan = await open(page);
  const alone = (automated) => plan.touches.find((t) => t.automated === automated
    && plan.touches.filter((o) => o.date === t.date).length === 1);
  const widget = page.locator('#w');
  const auto = alone(true);
  const manual = alone(false);
  expect(auto, 'the sample plan has an automated touch alone on its day').toBeTruthy();
  // The month view steps forward only: visit the two days in date order.
  for (const touch of [auto, manual].sort((x, y) => (x.date < y.date ? -1 : 1))) {
    await showMonth(widget, touch.date.slice(0, 7));
    await widget.locator(`[data-date="${touch.date}"]`).click();
    await expect(widget.locator('[part~="details"]')).toContainText(touch.reasons[0].title);
    await expect(widget.locator('[part~="task-button"]')).toHaveCount(touch.automated ? 0 : 1);
  }
});

test('a kit answers the task event: the button says the task is set and is not offered again', async ({ page }) => {
  const plan = await open(page);
  await page.evaluate(() => {
    window.asked = [];
    document.addEventListener('touchplan-task', (e) => {
      window.asked.push({ clientId: e.detail.clientId, key: e.detail.key, date: e.detail.touch.date, reason: e.detail.touch.reasons[0].title });
      // The kit's request stays open until the test lets it finish.
      e.detail.respond(new Promise((resolve) => { window.finishTask = () => resolve({ ok: true, message: 'Задача №77' }); }));
    });
  });
  const button = page.locator('#w [part~="task-button"]');
  await expect(button).toHaveText('Поставить задачу');
  await button.click();
  await expect(button).toHaveText('Задача ставится…');
  await expect(button).toBeDisabled();
  await page.evaluate(() => window.finishTask());
  await expect(button).toHaveText('Задача поставлена');
  await expect(page.locator('#w [part~="task"] [role="status"]')).toHaveText('Задача №77');
  await button.click({ force: true });
  const asked = await page.evaluate(() => window.asked);
  expect(asked).toHaveLength(1);
  const first = plan.touches[0];
  expect(asked[0]).toEqual({ clientId: plan.clientId, key: `${plan.clientId}|${first.date}|${first.kind}|${first.contact ?? ''}`, date: first.date, reason: first.reasons[0].title });
});

test('a failed task says so and may be asked again; no kit on the page says what to add', async ({ page }) => {
  await open(page);
  const button = page.locator('#w [part~="task-button"]');
  await button.click();
  await expect(page.locator('#w [part~="task"] [role="status"]')).toContainText('некому поставить задачу');
  await page.evaluate(() => {
    window.tries = 0;
    document.addEventListener('touchplan-task', (e) => {
      window.tries += 1;
      e.detail.respond(window.tries === 1 ? Promise.reject(new Error('401')) : { ok: true });
    });
  });
  await button.click();
  await expect(page.locator('#w [part~="task"] [role="status"]')).toHaveText('Задачу поставить не удалось. 401');
  await expect(button).toBeEnabled();
  await button.click();
  await expect(button).toHaveText('Задача поставлена');
  expect(await page.evaluate(() => window.tries)).toBe(2);
});
