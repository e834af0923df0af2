// Warnings in <touch-plan> (issue 16): folded under one line per group with
// a count, below the calendar so that opening them never moves it; dates
// the locale's way; each dashed slot marker leads to its group.
import { test, expect } from '@playwright/test';
import { TODAY, openPage, planOf, sampleClient, showMonth } from './widget-helpers.mjs';

const ISO = /\b\d{4}-\d{2}-\d{2}\b/;

async function openWithClient(page, lang = 'ru') {
  await openPage(page, `<script type="application/json" id="data">${JSON.stringify(sampleClient())}</script>
    <touch-plan id="w" src="data" today="${TODAY}"></touch-plan>`, { lang });
  return planOf(page, '#w');
}

// The groups as the widget forms them from a flat list: one per code and rule.
const groupsOf = (plan) => {
  const groups = new Map();
  for (const w of plan.warnings) {
    const key = `${w.code}|${w.rule ?? ''}`;
    const dates = groups.get(key) ?? new Set();
    for (const d of w.dates ?? (w.date ? [w.date] : [])) dates.add(d);
    groups.set(key, dates);
  }
  return [...groups.values()];
};

test('warnings fold into one line per group with a count, below the calendar, which never moves', async ({ page }) => {
  const plan = await openWithClient(page);
  const widget = page.locator('#w');
  const groups = groupsOf(plan);
  expect(groups.length).toBeGreaterThan(0);
  const block = widget.locator('[part="warnings"]');
  await expect(block).not.toHaveAttribute('open', '');
  // The grid's place inside the widget (the page may scroll).
  const gridTop = () => page.locator('#w').evaluate((host) =>
    host.shadowRoot.querySelector('[role="grid"]').getBoundingClientRect().top - host.getBoundingClientRect().top);
  const before = await gridTop();
  // Everything open: the block and every group.
  await block.locator('> summary').click();
  for (const summary of await block.locator('.warning-group > summary').all()) await summary.click();
  await expect(block.locator('.warning-group[open]')).toHaveCount(groups.length);
  expect(await gridTop()).toBe(before);
  // One line per group, its count the number of dates it concerns.
  const counts = await block.locator('.warning-group > summary .count').allTextContents();
  expect(counts.map(Number).sort()).toEqual(groups.map((d) => d.size || 1).sort());
  // The one-line summary counts groups and dates in Russian plurals.
  await expect(block.locator('> summary')).toHaveText(/^Предупреждения: \d+ (причина|причины|причин) · \d+ (дата|даты|дат)$/);
  // No ISO date anywhere a person reads; dates as "1 декабря 2026".
  expect(await block.innerText()).not.toMatch(ISO);
  const slotDates = plan.warnings.filter((w) => w.code === 'no_specific_reason').flatMap((w) => w.dates ?? [w.date]);
  const [y, m, d] = slotDates[0].split('-').map(Number);
  const long = new Intl.DateTimeFormat('ru', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
    .format(new Date(Date.UTC(y, m - 1, d))).replace(/ г\.$/, '');
  // The slot group's own date (the same day may be in another group too,
  // e.g. touches closer than the merge gap).
  const slotDate = block.locator(`li[data-code="no_specific_reason"] [data-warning-date="${slotDates[0]}"]`);
  await expect(slotDate).toHaveText(long);
  expect(long).toMatch(/^\d{1,2} [а-я]+ \d{4}$/);
  // A date of a group opens that day in the calendar.
  await slotDate.click();
  await expect(widget.locator(`[role="gridcell"][data-date="${slotDates[0]}"]`)).toBeFocused();
  await expect(widget.locator('[part="details"] [data-flag="slot"]')).toBeVisible();
});

test('a slot marker leads to its group: the marker opens it, the details panel links to it', async ({ page }) => {
  const plan = await openWithClient(page);
  const widget = page.locator('#w');
  const slot = plan.warnings.find((w) => w.code === 'no_specific_reason');
  const date = (slot.dates ?? [slot.date])[0];
  await showMonth(widget, date.slice(0, 7));
  const marker = widget.locator(`[data-date="${date}"] .marker.slot`);
  const group = await marker.getAttribute('data-warning-group');
  expect(group).toMatch(/^warning-group-\d+$/);
  await marker.click();
  await expect(widget.locator('[part="warnings"]')).toHaveAttribute('open', '');
  await expect(widget.locator(`details[data-group="${group}"]`)).toHaveAttribute('open', '');
  // By keyboard: the details panel's link opens the group and focuses it.
  await widget.locator(`details[data-group="${group}"] > summary`).click();
  await widget.locator('[part="warnings"] > summary').click();
  await expect(widget.locator('[part="warnings"]')).not.toHaveAttribute('open', '');
  const link = widget.locator(`[part="details"] button[data-warning-group="${group}"]`);
  await expect(link).toHaveText(/^Все слоты без повода: \d+ (дата|даты|дат)$/);
  await link.focus();
  await page.keyboard.press('Enter');
  await expect(widget.locator(`details[data-group="${group}"]`)).toHaveAttribute('open', '');
  await expect(widget.locator(`details[data-group="${group}"] > summary`)).toBeFocused();
});

test('grouped warnings from the engine (dates[]) stay one group each; a flat list is grouped by code and rule', async ({ page }) => {
  await openPage(page, '');
  const groups = await page.evaluate(async () => {
    const { groupWarnings } = await import('/widget/touch-plan.js');
    return groupWarnings([
      { code: 'no_specific_reason', rule: 'R1', message: 'Слоты без повода', dates: ['2026-12-08', '2026-12-01'] },
      { code: 'dropped', rule: 'R13', message: 'Сняты недельным лимитом', dates: ['2027-01-12'] },
      { code: 'dropped', rule: 'R13', message: 'Сняты дневным лимитом', dates: ['2027-01-13'] },
      { code: 'gap_exceeded', rule: 'R6', message: 'a', date: '2027-02-01' },
      { code: 'gap_exceeded', rule: 'R6', message: 'b', date: '2027-01-01' },
    ]);
  });
  expect(groups).toEqual([
    { code: 'no_specific_reason', rule: 'R1', messages: ['Слоты без повода'], dates: ['2026-12-01', '2026-12-08'], id: 'warning-group-1' },
    { code: 'dropped', rule: 'R13', messages: ['Сняты недельным лимитом'], dates: ['2027-01-12'], id: 'warning-group-2' },
    { code: 'dropped', rule: 'R13', messages: ['Сняты дневным лимитом'], dates: ['2027-01-13'], id: 'warning-group-3' },
    { code: 'gap_exceeded', rule: 'R6', messages: ['a', 'b'], dates: ['2027-01-01', '2027-02-01'], id: 'warning-group-4' },
  ]);
});

test('English: the same folding, dates as "1 December 2026", rule numbers with their names', async ({ page }) => {
  const plan = await openWithClient(page, 'en');
  const widget = page.locator('#w');
  const block = widget.locator('[part="warnings"]');
  await block.locator('> summary').click();
  await expect(block.locator('> summary')).toHaveText(/^Warnings: \d+ causes? · \d+ dates?$/);
  expect(await block.innerText()).not.toMatch(ISO);
  const dates = await block.locator('[data-warning-date]').allTextContents();
  for (const text of dates) expect(text).toMatch(/^\d{1,2} [A-Z][a-z]+ \d{4}$/);
  const ruled = plan.warnings.find((w) => w.rule);
  if (ruled) await expect(block).toContainText(new RegExp(`${ruled.rule} — [a-z]`));
});
