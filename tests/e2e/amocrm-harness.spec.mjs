// The amoCRM/Kommo widget in the amoCRM harness (kits/amocrm/harness/):
// real RequireJS and jQuery load script.js from the built widget.zip under
// /upl/<code>/widget/, the APP/widget-object stand-in calls its callbacks,
// /api/v4 answers from fixtures. Done-when 2 (amoCRM half): the lead card's
// plan comes from the fixtures and «Поставить задачу» sends one
// POST /api/v4/tasks of the documented shape. `UPDATE_DOCS=1` writes the
// README screenshot to docs/screenshots/amocrm-harness.png.
import { test, expect } from '@playwright/test';
import { startHarness } from '../../kits/amocrm/harness/server.mjs';

const TZ = 'Europe/Moscow';
const NOW = new Date('2026-11-24T10:00:00+03:00');
const WIDGET = '#widgets_block .card-widgets__widget[data-code="touchplan"]';

test.use({ timezoneId: TZ, locale: 'ru-RU' });

let harness;
test.beforeEach(async () => {
  harness = await startHarness();
});
test.afterEach(async () => {
  await harness.close();
});

// The fixture's Unix seconds as the account's calendar date, computed here
// independently of the adapter.
const day = (seconds) => new Intl.DateTimeFormat('en-CA', { timeZone: TZ }).format(new Date(seconds * 1000));
const byId = (list, id) => list.find((x) => x.id === id);
const field = (entity, name) => entity.custom_fields_values?.find((f) => f.field_code === name || f.field_name === name)?.values[0].value;

async function openCard(page, path, h = harness) {
  await page.clock.setFixedTime(NOW);
  await page.goto(`${h.url}${path}`);
  await page.waitForFunction(() => window.harness?.started === true);
}

async function planIn(page) {
  await page.waitForFunction((s) => document.querySelector(`${s} touch-plan`)?.plan, WIDGET);
  return page.$eval(`${WIDGET} touch-plan`, (el) => ({ client: el.client, plan: el.plan }));
}

const posts = () => harness.requests.filter((r) => r.method === 'POST');

test('lead card: the plan comes from the fixtures; «Поставить задачу» sends one POST /api/v4/tasks', async ({ page }) => {
  const { account } = harness;
  await openCard(page, '/leads/detail/1003');
  const { client, plan } = await planIn(page);

  // Orders: the company's two won leads (status 142), their closed_at and price.
  const won = account.leads.filter((l) => l.status_id === 142 && l._embedded.companies[0]?.id === 3001);
  expect(won).toHaveLength(2);
  expect(client.orders).toEqual(won.map((l) => ({ date: day(l.closed_at), amount: l.price })).sort((a, b) => a.date.localeCompare(b.date)));
  // Contacts: the three of the lead, one with a birthday field (Unix seconds).
  const people = [2001, 2002, 2003].map((id) => byId(account.contacts, id));
  expect(client.contacts.map((c) => c.name)).toEqual(people.map((c) => c.name));
  const anna = people[0];
  expect(client.contacts[0].birthday).toBe(day(field(anna, 'День рождения')));
  expect(client.contacts[0].birthday).toBe('1985-12-05');
  expect(client.contacts.filter((c) => c.birthday)).toHaveLength(1);
  // History: the answered calls (call_status 4) of the lead and its contacts, and the rest.
  const calls = [...account.notes.leads, ...account.notes.contacts]
    .filter((n) => ['call_in', 'call_out'].includes(n.note_type) && n.params.call_status === 4 && [1003, 2001, 2002, 2003].includes(n.entity_id))
    .map((n) => ({ date: day(n.created_at), channel: 'phone' }));
  expect(calls).toHaveLength(2);
  for (const call of calls) expect(client.history).toContainEqual(call);
  expect(client.history).toContainEqual({ date: day(byId(account.tasks, 8001).updated_at), channel: 'visit' });
  expect(client.segment).toBe(field(byId(account.companies, 3001), 'Сегмент'));
  expect(plan.clientId).toBe('amocrm-company-3001');

  // The plan on screen, in the widget's block of the right-hand column.
  const widget = page.locator(`${WIDGET} touch-plan`);
  const greeting = plan.touches.find((t) => t.kind === 'greeting' && t.contact === anna.name);
  expect(greeting, 'Анна Смирнова gets a birthday greeting').toBeTruthy();
  await expect(widget.locator('[part~="list-item"]').filter({ hasText: anna.name }).first()).toBeVisible();
  await expect(page.locator(`${WIDGET} .touchplan-amocrm__notices`)).toBeHidden();

  // Pick the greeting and ask for its task.
  await page.evaluate(() => document.addEventListener('touchplan-select', (e) => { window.selected = e.detail; }));
  const items = widget.locator('[part~="list-item"]');
  // The list shows the plan's touches in order, one item each.
  const index = plan.touches.indexOf(greeting);
  await items.nth(index).click();
  const selected = await page.evaluate(() => window.selected);
  expect(selected.kind).toBe('greeting');
  const button = widget.locator('[part~="task-button"]');
  await expect(button).toHaveText('Поставить задачу');
  await button.click();
  await expect(button).toHaveText('Задача поставлена');
  await expect(widget.locator('[part~="task"] [role="status"]')).toHaveText('Задача №9003 в amoCRM');
  await button.click({ force: true });

  expect(posts()).toHaveLength(1);
  const [post] = posts();
  expect(post.url).toBe('/api/v4/tasks');
  expect(post.body).toHaveLength(1);
  const task = post.body[0];
  expect(Object.keys(task).sort()).toEqual(['complete_till', 'entity_id', 'entity_type', 'request_id', 'task_type_id', 'text']);
  expect(task.task_type_id).toBe(1);
  expect(task.entity_id).toBe(1003);
  expect(task.entity_type).toBe('leads');
  // The touch's date: 23:59 of that day in the account's time zone.
  expect(task.complete_till).toBe(Date.parse(`${selected.date}T23:59:00+03:00`) / 1000);
  expect(task.text.split('\n')[0]).toBe(`${selected.reasons[0].title} (${anna.name})`);
  expect(task.text).toContain(selected.why);
  expect(task.text).toMatch(new RegExp(`reason=${selected.reasons[0].code} channel=${selected.channel}$`));

  // Reloaded, the card knows the task: asked again, nothing is POSTed.
  await openCard(page, '/leads/detail/1003');
  await planIn(page);
  await page.evaluate(() => document.addEventListener('touchplan-select', (e) => { window.selected = e.detail; }));
  await page.locator(`${WIDGET} touch-plan [part~="list-item"]`).nth(index).click();
  await page.locator(`${WIDGET} touch-plan [part~="task-button"]`).click();
  await expect(page.locator(`${WIDGET} touch-plan [part~="task"] [role="status"]`)).toHaveText('Такая задача в amoCRM уже есть.');
  expect(posts()).toHaveLength(1);
});

test('company and contact cards render in the right-hand column; a missing mapping is said in the widget', async ({ page }) => {
  await openCard(page, '/companies/detail/3001');
  const company = await planIn(page);
  expect(company.client.id).toBe('amocrm-company-3001');
  await expect(page.locator('#card_name')).toHaveText('ООО «Северный ветер»');

  await openCard(page, '/contacts/detail/2004');
  const person = await planIn(page);
  expect(person.client).toMatchObject({ id: 'amocrm-contact-2004', kind: 'person', contacts: [{ name: 'Мария Орлова', birthday: '1990-03-15' }] });
  const notice = page.locator(`${WIDGET} .touchplan-amocrm__notices li[data-code="segment_unmapped"]`);
  await expect(notice).toContainText('Сегмент клиента не найден');
  await expect(notice).toContainText('настройках виджета');
  // Empty lists came as 204 No Content and were read as empty.
  expect(harness.requests.some((r) => r.url.startsWith('/api/v4/events?'))).toBe(true);
});

test('destroy cleans up: the block is gone and the task event has no listener', async ({ page }) => {
  await openCard(page, '/leads/detail/1003');
  await planIn(page);
  const result = await page.evaluate(async () => {
    const el = document.querySelector('touch-plan');
    window.harness.leaveCard();
    await new Promise((r) => setTimeout(r, 50));
    let answered = false;
    el.dispatchEvent(new CustomEvent('touchplan-task', { detail: { key: 'k', touch: {}, respond: () => { answered = true; } } }));
    return { answered, connected: el.isConnected, widgets: document.querySelectorAll('touch-plan, .touchplan-amocrm').length };
  });
  expect(result).toEqual({ answered: false, connected: false, widgets: 0 });
  expect(posts()).toHaveLength(0);
});

test('the wasm served with a wrong MIME type still works', async ({ page }) => {
  const wrong = await startHarness({ wasmType: 'application/octet-stream' });
  try {
    const warnings = [];
    page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
    await openCard(page, '/leads/detail/1003', wrong);
    await page.waitForFunction(() => document.querySelector('touch-plan')?.plan);
    expect(warnings.some((w) => w.includes('application/wasm'))).toBe(true);
  } finally {
    await wrong.close();
  }
});

test('401: an ended session is said instead of a plan; a task refused with 401 may be retried', async ({ page }) => {
  harness.state.session = false;
  await openCard(page, '/leads/detail/1003');
  await expect(page.locator(`${WIDGET} .touchplan-amocrm__status`)).toHaveText('amoCRM не пускает к данным карточки (401): обновите страницу и войдите снова.');
  await expect(page.locator(`${WIDGET} touch-plan`)).toBeHidden();

  harness.state.session = true;
  await openCard(page, '/leads/detail/1003');
  await planIn(page);
  harness.state.session = false;
  const widget = page.locator(`${WIDGET} touch-plan`);
  // A manager's touch: automated ones (marketing's) offer no task.
  await widget.locator('[part~="list-item"]:not(:has(.marker.automated))').first().click();
  await widget.locator('[part~="task-button"]').click();
  await expect(widget.locator('[part~="task"] [role="status"]')).toHaveText('amoCRM не пускает (401): войдите снова.');
  await expect(widget.locator('[part~="task-button"]')).toBeEnabled();
  harness.state.session = true;
  await widget.locator('[part~="task-button"]').click();
  await expect(widget.locator('[part~="task-button"]')).toHaveText('Задача поставлена');
  expect(posts()).toHaveLength(2);
});

test('screenshot: the lead card in Russian', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await openCard(page, '/leads/detail/1003');
  await planIn(page);
  const widget = page.locator(`${WIDGET} touch-plan`);
  await widget.locator('[part~="list-item"]:not(:has(.marker.automated))').first().click();
  await page.mouse.move(0, 0);
  await page.screenshot({ path: process.env.UPDATE_DOCS ? 'docs/screenshots/amocrm-harness.png' : testInfo.outputPath('amocrm-harness.png'), fullPage: true });
});

test('settings: the field map editor writes valid JSON into the custom setting and refuses the rest', async ({ page }) => {
  await harness.close();
  harness = await startHarness({ settings: { field_map: '{"segment":"Категория"}' } });
  await openCard(page, '/settings/widgets/touchplan');
  const editor = page.locator('textarea.touchplan-field-map');
  await expect(editor).toHaveValue('{\n  "segment": "Категория"\n}');
  await expect(editor).toHaveAttribute('placeholder', /"incidentTag": "Рекламация"/);
  await expect(page.locator('.touchplan-field-map__hint')).toContainText('сегмент');
  await editor.fill('{"segment": "Категория", "birthday": [571203]}');
  expect(await page.evaluate(() => window.harness.save())).toEqual({ field_map: '{"segment":"Категория","birthday":[571203]}' });
  await editor.fill('{"segment": ');
  await expect(page.locator('.touchplan-field-map__error')).toHaveText('Это не JSON-объект: исправьте, иначе сохранится прежняя карта.');
  expect(await page.evaluate(() => window.harness.save())).toEqual({ field_map: '{"segment":"Категория","birthday":[571203]}' });
});
