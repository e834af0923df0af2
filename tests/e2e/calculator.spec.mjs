// The standalone calculator page (www/calculator/index.html): presets reproduce the
// worked examples' counts, edits re-plan live, the URL carries the whole
// state (bookmarks, Back/Forward), the engine's errors land on their
// fields, ru/en, exports and the printed year.
import { test, expect } from '@playwright/test';
import { TODAY } from './widget-helpers.mjs';

/** Opens the calculator with the clock at TODAY (10:00 local). */
async function openCalculator(page, hash = '') {
  await page.clock.setFixedTime(new Date(`${TODAY}T10:00:00`));
  await page.goto(`/calculator/index.html${hash}`);
  await expect(page.locator('body')).toHaveAttribute('data-ready', 'true');
  return waitForPlan(page);
}

/** The widget's current plan once it is built (null while in error). */
async function waitForPlan(page) {
  await expect.poll(() => page.evaluate(() => document.getElementById('plan').plan !== null)).toBe(true);
  return page.evaluate(() => document.getElementById('plan').plan);
}

async function pickPreset(page, id) {
  const before = await page.evaluate(() => JSON.stringify(document.getElementById('plan').plan));
  await page.selectOption('#preset', id);
  await expect.poll(() => page.evaluate((b) => {
    const p = document.getElementById('plan').plan;
    return p !== null && JSON.stringify(p) !== b;
  }, before)).toBe(true);
  return waitForPlan(page);
}

const field = (page, path) => page.locator(`#fields [data-field="${path}"]`);
const control = (page, path) => page.locator(`#fields [data-path="${path}"]`);
const term = (page, name) => page.locator(`#why [data-term="${name}"] b`);
const extra = (page, name) => page.locator(`#why [data-extra="${name}"] b`);

// Counts of DOMAIN.md R2's table and seed 004's examples, per preset.
const PRESETS = [
  { id: 'transactional-monthly', formula: [2, 1, 2, 5], events: 0, meetings: 0 },
  { id: 'transactional-bimonthly', formula: [2, 2, 2, 6], events: 0, meetings: 0 },
  { id: 'consultative-a', formula: [3, 12, 2, 17], events: 2, meetings: 1, total: 20 },
  { id: 'consultative-b', formula: [3, 12, 2, 17], events: 2, meetings: 0, total: 19 },
  // DOMAIN v3: a service client's cycle is its period (62 days: C = 2), M the campaign's steps.
  { id: 'advertising-campaign', formula: [2, 2, 2, 6], events: 0, meetings: 0, reaction: true, kinds: ['first_day'] },
  { id: 'club-membership', formula: [1, 12, 2, 15], events: 0, meetings: 0, reaction: true, kinds: ['renewal', 'first_day'] },
];

// The realistic clients of DOMAIN v3 (examples/clients): R2's count per
// preset; the rest is checked against the engine run on the preset itself.
const V3_PRESETS = [
  { id: 'gym-member', formula: [1, 12, 2, 15], kinds: ['first_day', 'renewal'], person: true },
  { id: 'car-buyer', formula: [3, 36, 2, 41], kinds: ['renewal', 'greeting'], person: true },
  { id: 'roofing-buyer', formula: [3, 12, 2, 17], person: true },
  { id: 'equipment-plant', formula: [3, 12, 2, 17], kinds: ['event', 'meeting', 'greeting'] },
  { id: 'distributor-a', formula: [2, 1, 2, 5], kinds: ['meeting'], topUps: true },
  { id: 'distributor-d', formula: [2, 0, 1, 3], topUps: false },
  { id: 'bakery-incident', formula: [2, 0, 1, 3], kinds: ['apology'] },
  { id: 'no-orders', formula: [0, 1, 2, 3], warning: 'no_orders' },
];

test.describe('calculator page', () => {
  test('the first visit shows a plan, and the URL already holds it', async ({ page }) => {
    const plan = await openCalculator(page);
    expect(plan.summary.perCycle.total).toBe(17);
    expect(plan.horizon.from).toBe(TODAY);
    expect(page.url()).toMatch(/#lang=ru&.*input=/);
    await expect(page.locator('h1')).toHaveText('Калькулятор касаний');
    await expect(page.locator('#preset')).toHaveValue('consultative-a');
    await expect(term(page, 'total')).toHaveText('17');
  });

  for (const p of PRESETS) {
    test(`preset ${p.id} reproduces its counts`, async ({ page }) => {
      await openCalculator(page);
      const plan = p.id === 'consultative-a' ? await page.evaluate(() => document.getElementById('plan').plan) : await pickPreset(page, p.id);
      const [m, c, need, total] = p.formula;
      expect(plan.summary.perCycle).toMatchObject({ mandatory: m, standard: c, need, total });
      await expect(term(page, 'mandatory')).toHaveText(String(m));
      await expect(term(page, 'standard')).toHaveText(String(c));
      await expect(term(page, 'need')).toHaveText(String(need));
      await expect(term(page, 'total')).toHaveText(String(total));
      await expect(extra(page, 'events')).toHaveText(String(p.events));
      await expect(extra(page, 'meetings')).toHaveText(String(p.meetings));
      expect(plan.summary.byKind.event ?? 0).toBe(p.events);
      expect(plan.summary.byKind.meeting ?? 0).toBe(p.meetings);
      if (p.total) {
        // Seed 004: 17 + 2 events (+ 1 meeting for A) dated touches of those kinds.
        const counted = plan.touches.flatMap((t) => t.purposes ?? [t.kind])
          .filter((k) => ['mandatory', 'standard', 'need', 'greeting', 'event', 'meeting'].includes(k)).length;
        expect(counted).toBeGreaterThanOrEqual(p.total);
      }
      for (const kind of p.kinds ?? []) expect(plan.touches.some((t) => (t.purposes ?? [t.kind]).includes(kind))).toBe(true);
      if (p.reaction) {
        // R6 checked on the plan by the page agrees with the engine's own warnings.
        await expect(page.locator('#why [data-check="last"] [data-ok]')).toHaveAttribute('data-ok', 'true');
        const gapWarned = plan.warnings.some((w) => w.code === 'gap_exceeded');
        await expect(page.locator('#why [data-check="gap"] [data-ok]')).toHaveAttribute('data-ok', String(!gapWarned));
        await expect(page.locator('#why [data-warning="R6"]')).toHaveCount(plan.warnings.filter((w) => w.rule === 'R6').length);
      } else {
        await expect(page.locator('#why [data-check]')).toHaveCount(0);
      }
      // The preset's dates are moved to the form's today.
      expect(plan.horizon.from).toBe(TODAY);
    });
  }

  for (const p of V3_PRESETS) {
    test(`preset ${p.id} loads and shows the engine's plan and counts`, async ({ page }) => {
      await openCalculator(page);
      const plan = await pickPreset(page, p.id);
      const { engine, note } = await page.evaluate(async (id) => {
        const api = await import('/api.js');
        const { PRESETS, presetInput } = await import('/calculator/calculator-presets.js');
        return { engine: api.plan(presetInput(id, '2026-11-24')), note: PRESETS.find((x) => x.id === id).note.ru };
      }, p.id);
      // The page plans exactly the preset (moved to the form's today).
      expect(JSON.stringify(plan)).toBe(JSON.stringify(engine));
      expect(plan.horizon.from).toBe(TODAY);
      await expect(page.locator('#preset-note')).toHaveText(note);
      await expect(page.locator('#preset')).toHaveValue(p.id);
      const [m, c, need, total] = p.formula;
      expect(plan.summary.perCycle).toMatchObject({ mandatory: m, standard: c, need, total });
      for (const [name, value] of [['mandatory', m], ['standard', c], ['need', need], ['total', total]]) {
        await expect(term(page, name)).toHaveText(String(value));
      }
      const purposes = plan.touches.flatMap((t) => t.purposes ?? [t.kind]);
      await expect(extra(page, 'events')).toHaveText(String(purposes.filter((k) => k === 'event').length));
      await expect(extra(page, 'meetings')).toHaveText(String(purposes.filter((k) => k === 'meeting').length));
      await expect(page.locator('#why .horizon')).toHaveAttribute('data-total', String(plan.summary.total));
      await expect(page.locator('touch-plan [part~="error"]')).toBeHidden();
      for (const kind of p.kinds ?? []) expect(purposes).toContain(kind);
      if (p.person) {
        // R8: a private person gets no annual meeting and no event invitations.
        expect(purposes.filter((k) => k === 'event' || k === 'meeting')).toEqual([]);
        await expect(control(page, 'client.kind')).toHaveValue('person');
      }
      if (p.topUps !== undefined) {
        expect(plan.touches.some((t) => t.automated && t.rule === 'R3')).toBe(p.topUps);
        await expect(page.locator('#why [data-note="whyTopUpsOff"]')).toHaveCount(p.topUps ? 0 : 1);
      }
      if (p.warning) {
        expect(plan.warnings.map((w) => w.code)).toContain(p.warning);
        await expect(page.locator('#why [data-note="whyNoOrders"]')).toHaveCount(1);
      }
      if (engine.warnings.some((w) => w.rule === 'R6')) {
        await expect(page.locator('#why [data-warning="R6"]')).toHaveCount(plan.warnings.filter((w) => w.rule === 'R6').length);
      }
    });
  }

  test('client kind, event months, revenue segments and top-ups in the form change the plan', async ({ page }) => {
    await openCalculator(page);
    const purposes = (plan) => plan.touches.flatMap((t) => t.purposes ?? [t.kind]);
    // A private person: no meeting, no event invitations (R8).
    await control(page, 'client.kind').selectOption('person');
    await expect(extra(page, 'meetings')).toHaveText('0');
    await expect(extra(page, 'events')).toHaveText('0');
    await control(page, 'client.kind').selectOption('business');
    await expect(extra(page, 'meetings')).toHaveText('1');

    const policy = page.locator('details[data-section="policy"]');
    await policy.locator('summary').click();
    // R2: without company events the invitations fall in the chosen months.
    const months = policy.locator('[data-field="settings.eventSlotMonths"]');
    await expect(months.locator('input:checked')).toHaveCount(2);
    await expect(months.locator('input[data-month="3"]')).toBeChecked();
    await expect(months.locator('input[data-month="10"]')).toBeChecked();
    await months.locator('input[data-month="10"]').uncheck();
    await months.locator('input[data-month="6"]').check();
    await expect.poll(async () => (await waitForPlan(page)).touches.filter((t) => (t.purposes ?? [t.kind]).includes('event'))
      .map((t) => t.date.slice(5, 7)).sort().join()).toBe('03,06');
    await expect(policy.locator('summary')).toContainText('изменено: 1');

    // R8: without a segment, the revenue thresholds decide it.
    await control(page, 'client.segment').selectOption('');
    await expect(extra(page, 'meetings')).toHaveText('0');
    await control(page, 'client.annualRevenue').fill('6000000');
    await control(page, 'settings.revenueSegments.A').fill('5000000');
    await control(page, 'settings.revenueSegments.A').blur();
    await expect(extra(page, 'meetings')).toHaveText('1');
    expect(purposes(await waitForPlan(page))).toContain('meeting');

    // R3: the segment policy switches top-ups off.
    await pickPreset(page, 'transactional-monthly'); // the policy section stays open
    expect((await waitForPlan(page)).touches.some((t) => t.automated && t.rule === 'R3')).toBe(true);
    await control(page, 'settings.segments.B.topUps').selectOption('false');
    await expect.poll(async () => (await waitForPlan(page)).touches.some((t) => t.automated && t.rule === 'R3')).toBe(false);
    await expect(page.locator('#why [data-note="whyTopUpsOff"]')).toHaveCount(1);

    // R12: the apology channel is a channel, or the default (phone or visit).
    await expect(control(page, 'settings.apologyChannel').locator('option').first()).toHaveText('звонок или визит');
  });

  test('editing a field re-plans at once and records the edit in the URL', async ({ page }) => {
    await openCalculator(page);
    const m = control(page, 'client.mandatoryPerOrder');
    await m.fill('4');
    await expect(term(page, 'total')).toHaveText('18');
    const plan = await waitForPlan(page);
    expect(plan.summary.perCycle.mandatory).toBe(4);
    const input = await page.evaluate(async () => {
      const { decodeState } = await import('/calculator/calculator-state.js');
      return decodeState(location.hash).input;
    });
    expect(input.client.mandatoryPerOrder).toBe(4);
    await expect(page.locator('#preset')).toHaveValue('');

    // A contact added in the form becomes a contact of the plan.
    await field(page, 'client.contacts').getByRole('button', { name: /Добавить контакт/ }).click();
    await control(page, 'client.contacts[2].name').fill('Ольга Новикова');
    await control(page, 'client.contacts[2].role').selectOption('decision_maker');
    await control(page, 'client.contacts[2].birthday').fill('15.03');
    await control(page, 'client.contacts[2].birthday').blur();
    await expect.poll(async () => (await waitForPlan(page)).touches.some((t) => t.contact === 'Ольга Новикова' || t.contacts?.includes('Ольга Новикова')))
      .toBe(true);
  });

  test('a URL opens the same plan, and Back/Forward step through the edits', async ({ page, context }) => {
    await openCalculator(page);
    await control(page, 'client.segment').selectOption('B');
    await expect(extra(page, 'meetings')).toHaveText('0');
    await control(page, 'horizonMonths').fill('6');
    await control(page, 'horizonMonths').blur();
    await expect.poll(async () => (await waitForPlan(page)).horizon.to).toBe('2027-05-23');
    const url = page.url();
    const plan = await waitForPlan(page);

    const other = await context.newPage();
    await other.clock.setFixedTime(new Date('2027-03-01T10:00:00'));
    await other.goto(url);
    await expect(other.locator('body')).toHaveAttribute('data-ready', 'true');
    const reopened = await waitForPlan(other);
    expect(JSON.stringify(reopened)).toBe(JSON.stringify(plan));
    await expect(control(other, 'client.segment')).toHaveValue('B');
    await expect(control(other, 'horizonMonths')).toHaveValue('6');
    await other.close();

    await page.goBack();
    await expect(control(page, 'horizonMonths')).toHaveValue('12');
    // (Back past the start is the page before; a broken link is reported below.)
    await expect(control(page, 'client.segment')).toHaveValue('B');
    await page.goBack();
    await expect(control(page, 'client.segment')).toHaveValue('A');
    await expect(extra(page, 'meetings')).toHaveText('1');
    await page.goForward();
    await expect(control(page, 'client.segment')).toHaveValue('B');
    await expect(extra(page, 'meetings')).toHaveText('0');
  });

  test('a broken link opens the default example and says so', async ({ page }) => {
    await page.goto('/calculator/index.html#lang=ru&input=not-base64!');
    await expect(page.locator('body')).toHaveAttribute('data-ready', 'true');
    await expect(page.locator('#status')).toHaveText('Ссылка повреждена: открыт пример.');
    await expect(page.locator('#preset')).toHaveValue('consultative-a');
    await page.goBack();
    expect(page.url()).toContain('not-base64!');
  });

  test('an invalid date is named at its field as typed, in the field\'s format, and a fix clears it', async ({ page }) => {
    await openCalculator(page);
    const date = control(page, 'client.orders[0].date');
    // A date still being typed is not sent, so nothing flashes red.
    await date.fill('31.0');
    await expect(field(page, 'client.orders[0].date')).not.toHaveClass(/invalid/);
    await date.fill('31.02.2026');
    const box = field(page, 'client.orders[0].date');
    await expect(box).toHaveClass(/invalid/);
    await expect(date).toHaveAttribute('aria-invalid', 'true');
    await expect(box.locator('.field-error')).toHaveText('«31.02.2026» — не дата. Введите её в виде ДД.ММ.ГГГГ, например 24.11.2026.');
    await expect(page.locator('#form-errors')).toBeVisible();
    await expect(page.locator('#why')).toContainText('Плана пока нет');
    // The form names the error; the widget's own error block stays out of the way.
    await expect(page.locator('touch-plan').locator('[part="error"]')).toBeHidden();

    await date.fill('28.02.2026');
    await expect(box).not.toHaveClass(/invalid/);
    await expect(page.locator('#form-errors')).toBeHidden();
    await waitForPlan(page);

    // A service period ending before it starts: end_before_start at the end.
    await pickPreset(page, 'advertising-campaign');
    await control(page, 'client.service.end').fill('01.11.2026');
    await expect(field(page, 'client.service.end')).toHaveClass(/invalid/);
    await expect(field(page, 'client.service.end').locator('.field-error')).not.toBeEmpty();
  });

  test('ru/en switch translates the page, the form and the plan, and is kept in the URL', async ({ page }) => {
    await openCalculator(page);
    await page.getByRole('button', { name: 'EN' }).click();
    await expect(page.locator('h1')).toHaveText('Touch calculator');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.locator('#why h2')).toHaveText('Why this many touches');
    await expect(page.locator('label[for]', { hasText: 'Order cycle' })).toBeVisible();
    await expect.poll(async () => (await waitForPlan(page)).locale).toBe('en');
    expect(page.url()).toContain('lang=en');
    await page.reload();
    await expect(page.locator('h1')).toHaveText('Touch calculator');
    await page.getByRole('button', { name: 'RU' }).click();
    await expect(page.locator('h1')).toHaveText('Калькулятор касаний');
  });

  test('the policy shows every default from the engine, and an override changes the plan', async ({ page }) => {
    await openCalculator(page);
    await pickPreset(page, 'transactional-monthly');
    const defaults = await page.evaluate(async () => (await import('/api.js')).defaultSettings());
    const policy = page.locator('details[data-section="policy"]');
    await policy.locator('summary').click();
    for (const key of Object.keys(defaults)) await expect(policy.locator(`[data-field="settings.${key}"]`)).toHaveCount(1);
    await expect(control(page, 'settings.weeklyCap')).toHaveAttribute('placeholder', '3');
    await expect(control(page, 'settings.reactionGapDays')).toHaveAttribute('placeholder', 'max(R, 7)');
    await expect(control(page, 'settings.segments.D.needPerCycle')).toHaveValue('1');

    const before = await waitForPlan(page);
    expect(before.touches.some((t) => t.rule === 'R3' && t.automated)).toBe(true);
    await control(page, 'settings.standardPerMandatory').fill('0');
    await expect.poll(async () => (await waitForPlan(page)).touches.some((t) => t.rule === 'R3' && t.automated)).toBe(false);
    await expect(policy.locator('summary')).toContainText('изменено: 1');

    // The engine's bounds: an out-of-range value is marked at its field.
    await control(page, 'settings.weeklyCap').fill('9');
    await expect(field(page, 'settings.weeklyCap')).toHaveClass(/invalid/);
    await policy.getByRole('button', { name: 'Вернуть все значения по умолчанию' }).click();
    await expect(control(page, 'settings.weeklyCap')).toHaveValue('');
    await expect.poll(async () => (await waitForPlan(page)).touches.some((t) => t.rule === 'R3' && t.automated)).toBe(true);
  });

  test('the plan downloads as .ics and .csv', async ({ page }) => {
    const plan = await openCalculator(page);
    const widget = page.locator('touch-plan');
    const [ics] = await Promise.all([page.waitForEvent('download'), widget.locator('[part~="download-ics"]').click()]);
    expect(ics.suggestedFilename()).toMatch(/\.ics$/);
    const icsText = await (await ics.createReadStream()).toArray().then((c) => Buffer.concat(c).toString('utf8'));
    expect(icsText).toMatch(/^BEGIN:VCALENDAR/);
    expect(icsText.match(/BEGIN:VEVENT/g)).toHaveLength(plan.touches.length);
    const [csv] = await Promise.all([page.waitForEvent('download'), widget.locator('[part~="download-csv"]').click()]);
    expect(csv.suggestedFilename()).toMatch(/\.csv$/);
    const csvText = await (await csv.createReadStream()).toArray().then((c) => Buffer.concat(c).toString('utf8'));
    expect(csvText.trim().split(/\r?\n/).length).toBeGreaterThan(plan.touches.length);
  });

  for (const id of ['consultative-a', 'transactional-monthly', 'club-membership']) {
    test(`the printed year of ${id} fits on one or two A4 pages`, async ({ page }) => {
      await openCalculator(page);
      if (id !== 'consultative-a') await pickPreset(page, id);
      // A 12-month horizon for every preset: the year is what is printed.
      await control(page, 'horizonMonths').fill('12');
      await expect.poll(async () => (await waitForPlan(page)).horizon.to).toBe('2027-11-23');
      const plan = await waitForPlan(page);
      await expect(page.locator('#print-year tbody tr')).not.toHaveCount(0);
      await expect(page.locator('#print-year .touch-table tbody tr')).toHaveCount(plan.touches.length);
      await expect(page.locator('#print-year .mini-month')).toHaveCount(13);
      await page.emulateMedia({ media: 'print' });
      await expect(page.locator('form')).toBeHidden();
      await expect(page.locator('#print-year')).toBeVisible();
      const pdf = await page.pdf({ format: 'A4', printBackground: true });
      const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? []).length;
      expect(pages).toBeGreaterThanOrEqual(1);
      expect(pages).toBeLessThanOrEqual(2);
    });
  }
});
