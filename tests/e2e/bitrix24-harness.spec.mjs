// The Bitrix24 app in the offline harness (kits/bitrix24/harness/): the built
// dist/bitrix24/ with the official SDK, inside a cross-origin iframe of a
// page playing the portal, REST answered from fixtures. What the plan shows
// is checked against the fixtures; «Поставить задачу» against the
// documented crm.activity.todo.add.
import { test, expect } from '@playwright/test';
import { existsSync } from 'node:fs';
import { startHarness } from '../../kits/bitrix24/harness/server.mjs';
import { CARDS, TODAY, portalData } from '../../kits/bitrix24/harness/fixtures.mjs';

const TODO_PARAMS = ['ownerTypeId', 'ownerId', 'description', 'deadline', 'responsibleId'];
const HANDLER_FIELDS = ['DOMAIN', 'PROTOCOL', 'LANG', 'APP_SID', 'AUTH_ID', 'AUTH_EXPIRES', 'REFRESH_ID', 'member_id', 'status', 'PLACEMENT', 'PLACEMENT_OPTIONS'];

let harness;
test.beforeAll(async () => {
  expect(existsSync(new URL('../../dist/bitrix24/index.html', import.meta.url)), 'dist/bitrix24/ is built by scripts/build.sh').toBe(true);
  harness = await startHarness();
});
test.afterAll(() => harness?.close());
test.beforeEach(async ({ page }) => {
  harness.reset();
  await page.clock.setFixedTime(new Date(`${TODAY}T09:00:00`));
});

/** Opens a card tab in the portal page; resolves with the app's frame once its widget has a plan. */
async function openCard(page, placement) {
  await page.goto(harness.cardUrl(placement));
  const frame = await appFrame(page);
  await frame.waitForFunction(() => document.getElementById('plan')?.plan, null, { timeout: 20_000 });
  return frame;
}

async function appFrame(page) {
  await expect.poll(() => page.frames().some((f) => f.url().startsWith(harness.appOrigin)), { timeout: 10_000 }).toBe(true);
  return page.frames().find((f) => f.url().startsWith(harness.appOrigin));
}

/** Opens a date's touch in the widget's details (stepping to its month). */
async function pickTouch(frame, date) {
  const widget = frame.locator('#plan');
  for (let i = 0; i < 12 && !(await widget.locator(`.grid [data-date="${date}"]`).count()); i += 1) {
    await widget.locator('[data-step="1"]').click();
  }
  await widget.locator(`.grid [data-date="${date}"]`).click();
  await expect(widget.locator('[part="details"]')).toContainText(String(Number(date.slice(8))));
}

const widgetState = (frame) => frame.evaluate(() => {
  const el = document.getElementById('plan');
  return { client: el.client, plan: el.plan, lang: el.getAttribute('lang') };
});

for (const placement of Object.keys(CARDS)) {
  test(`${placement}: the portal POSTs the placement, the SDK talks to it, the widget plans the card`, async ({ page }) => {
    const frame = await openCard(page, placement);
    const { client, plan, lang } = await widgetState(frame);
    expect(lang).toBe('ru');
    expect(plan.clientId).toBe(client.id);
    expect(plan.touches.length).toBeGreaterThan(0);

    // The handler got the documented POST fields, as a form.
    const post = harness.log.handlerPosts.at(-1);
    expect(post.path).toBe('/index.html');
    expect(post.contentType).toContain('application/x-www-form-urlencoded');
    expect(Object.keys(post.fields)).toEqual(HANDLER_FIELDS);
    expect(post.fields).toMatchObject({ PLACEMENT: placement, PLACEMENT_OPTIONS: JSON.stringify({ ID: CARDS[placement] }), LANG: 'ru', PROTOCOL: '0' });
    expect(post.fields.DOMAIN).toBe(new URL(harness.portalOrigin).host);
    expect(await page.locator('iframe').getAttribute('name')).toBe(`${post.fields.DOMAIN}|0|${post.fields.APP_SID}`);

    // REST went cross-origin from the app with CORS, and the portal saw the SDK's commands.
    expect(harness.log.rest.length).toBeGreaterThan(0);
    expect(harness.log.rest.every((r) => r.origin === harness.appOrigin)).toBe(true);
    expect(harness.log.preflights.length).toBeGreaterThan(0);
    const commands = await page.evaluate(() => window.portalLog.map((c) => c.command));
    expect(commands[0]).toBe('getInitData');
    await expect.poll(() => page.evaluate(() => window.portalLog.some((c) => c.command === 'resizeWindow'))).toBe(true);
    await expect(frame.locator('#plan [part="summary"]')).toBeVisible();
  });
}

test('deal card: orders, contacts, birthdays and history come from the fixtures; paging and an expired token on the way', async ({ page }) => {
  const frame = await openCard(page, 'CRM_DEAL_DETAIL_TAB');
  const { client, plan } = await widgetState(frame);
  const data = portalData();
  const deal = data.deals.find((d) => d.ID === CARDS.CRM_DEAL_DETAIL_TAB);
  const company = data.companies.find((c) => c.ID === deal.COMPANY_ID);
  expect(client.name).toBe(company.TITLE);

  const won = data.deals.filter((d) => d.COMPANY_ID === company.ID && d.STAGE_SEMANTIC_ID === 'S');
  expect(won).toHaveLength(2);
  expect(client.orders).toEqual(won.map((d) => ({ date: d.CLOSEDATE.slice(0, 10), amount: Number(d.OPPORTUNITY) })));

  const people = data.contacts.filter((c) => c.COMPANY_ID === company.ID);
  expect(people).toHaveLength(3);
  expect(client.contacts.map((c) => c.name)).toEqual(people.map((c) => `${c.NAME} ${c.LAST_NAME}`));
  expect(client.contacts[0].birthday).toBe(people[0].BIRTHDATE.slice(0, 10));
  expect(client.contacts[2].birthday).toBe(people[2].BIRTHDATE.split('.').reverse().join('-'));
  const greeting = plan.touches.find((t) => t.kind === 'greeting' && t.contact === client.contacts[0].name);
  expect((greeting.movedFrom ?? greeting.date).slice(5)).toBe(people[0].BIRTHDATE.slice(5, 10));

  const done = data.activities.filter((a) => a.COMPLETED === 'Y'
    && ((a.OWNER_TYPE_ID === '4' && a.OWNER_ID === company.ID) || (a.OWNER_TYPE_ID === '2' && a.OWNER_ID === deal.ID)));
  expect(client.history).toHaveLength(done.length);
  expect(client.history.map((h) => h.date).sort()).toEqual(done.map((a) => a.END_TIME.slice(0, 10)).sort());
  expect(client.openDeal).toEqual({ since: deal.BEGINDATE.slice(0, 10), stage: deal.STAGE_ID });

  // crm.activity.list came in two pages: start = the first answer's next.
  const pages = harness.log.rest.filter((r) => r.method === 'crm.activity.list' && r.params.filter.OWNER_TYPE_ID === 4 && r.status === 200);
  expect(pages.map((r) => r.params.start)).toEqual([undefined, 50]);

  // The first token expired after one request: 401 expired_token, one refreshAuth, the same calls again with the new token.
  const expired = harness.log.rest.filter((r) => r.error === 'expired_token');
  expect(expired.length).toBeGreaterThan(0);
  expect(expired.every((r) => r.auth.endsWith('-1'))).toBe(true);
  const refreshes = await page.evaluate(() => window.portalLog.filter((c) => c.command === 'refreshAuth').length);
  expect(refreshes).toBe(1);
  for (const r of expired) {
    expect(harness.log.rest.some((again) => again.status === 200 && again.auth.endsWith('-2')
      && again.method === r.method && JSON.stringify(again.params) === JSON.stringify(r.params))).toBe(true);
  }
});

test('«Поставить задачу» sends one crm.activity.todo.add with the touch\'s date and reason, and never twice', async ({ page }) => {
  let frame = await openCard(page, 'CRM_DEAL_DETAIL_TAB');
  const asked = () => frame.evaluate(() => window.asked);
  await frame.evaluate(() => {
    window.asked = [];
    document.addEventListener('touchplan-task', (e) => window.asked.push(e.detail.touch));
  });
  // A touch of the manager's own (not an automated one).
  const { plan } = await widgetState(frame);
  const chosen = plan.touches.find((t) => !t.automated);
  await pickTouch(frame, chosen.date);
  const button = frame.locator('#plan [part~="task-button"]');
  await expect(button).toHaveText('Поставить задачу');
  await button.click();
  await expect(button).toHaveText('Задача поставлена');
  await expect(frame.locator('#plan [part~="task"] [role="status"]')).toHaveText(/^Дело №\d+ создано в Битрикс24\.$/);
  await button.click({ force: true });

  const [touch] = await asked();
  expect(touch.date).toBe(chosen.date);
  expect(touch.automated).toBe(false);
  const adds = harness.log.rest.filter((r) => r.method === 'crm.activity.todo.add');
  expect(adds).toHaveLength(1);
  const { params } = adds[0];
  expect(Object.keys(params).every((k) => TODO_PARAMS.includes(k))).toBe(true);
  expect(params).toMatchObject({ ownerTypeId: 2, ownerId: Number(CARDS.CRM_DEAL_DETAIL_TAB), deadline: `${touch.date}T10:00:00` });
  expect(params.description.split('\n')[0]).toBe(touch.reasons[0].title);
  expect(params.description).toContain(touch.why);

  // Opened again, the tab finds its open to-do and does not set another.
  const key = await button.getAttribute('data-task-key');
  await page.reload();
  frame = await appFrame(page);
  await frame.waitForFunction(() => document.getElementById('plan')?.plan, null, { timeout: 20_000 });
  const again = frame.locator('#plan [part~="task-button"]');
  await pickTouch(frame, chosen.date);
  await expect(again).toHaveAttribute('data-task-key', key);
  await again.click();
  await expect(frame.locator('#plan [part~="task"] [role="status"]')).toHaveText(`Дело для этого касания уже есть (№${adds[0].result.id}).`);
  expect(harness.log.rest.filter((r) => r.method === 'crm.activity.todo.add')).toHaveLength(1);
});

test('install.html binds the four card tabs to index.html and finishes the install', async ({ page }) => {
  await page.goto(harness.installUrl());
  const frame = await appFrame(page);
  await expect(frame.locator('#status')).toContainText('Готово');
  expect(harness.rest.bindings.map((b) => b.PLACEMENT).sort()).toEqual(Object.keys(CARDS).sort());
  expect(new Set(harness.rest.bindings.map((b) => b.HANDLER))).toEqual(new Set([`${harness.appOrigin}/index.html`]));
  expect(harness.log.handlerPosts.at(-1)).toMatchObject({ path: '/install.html', fields: { PLACEMENT: 'DEFAULT' } });
  await expect.poll(() => page.evaluate(() => window.portalLog.map((c) => c.command))).toContain('setInstallFinish');
});

test('opened from the app menu, the page keeps the field map in the app option touchplanFieldMap', async ({ page }) => {
  await page.goto(`${harness.portalOrigin}/portal.html?placement=DEFAULT`);
  const frame = await appFrame(page);
  const segment = frame.locator('#settings input[name="segment"]');
  await expect(segment).toHaveValue('UF_CRM_SEGMENT');
  await segment.fill('UF_CRM_TIER');
  await frame.locator('#settings button[type="submit"]').click();
  await expect(frame.locator('#status')).toContainText('Сохранено');
  const saved = await page.evaluate(() => window.portalLog.find((c) => c.command === 'setAppOption')?.params);
  expect(saved).toEqual({ name: 'touchplanFieldMap', value: JSON.stringify({ segment: 'UF_CRM_TIER' }) });
  await expect(frame.locator('#plan')).toBeHidden();
});

test('screenshot of the deal card tab in Russian (docs/screenshots/bitrix24-harness.png)', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 1000 });
  const frame = await openCard(page, 'CRM_DEAL_DETAIL_TAB');
  // Anna Smirnova's birthday greeting (from the fixture's BIRTHDATE) in the details.
  const { plan } = await widgetState(frame);
  const greeting = plan.touches.find((t) => t.kind === 'greeting' && t.contact === 'Анна Смирнова');
  await pickTouch(frame, greeting.date);
  await expect(frame.locator('#plan [part="details"]')).toContainText('Анна Смирнова');
  await expect(frame.locator('#plan [part~="task-button"]')).toBeVisible();
  await expect(frame.locator('#notices')).toBeHidden();
  await page.mouse.move(0, 0);
  const path = process.env.UPDATE_DOCS ? 'docs/screenshots/bitrix24-harness.png' : testInfo.outputPath('bitrix24-harness.png');
  await page.screenshot({ path, fullPage: true });
});
