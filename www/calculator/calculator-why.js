// "Why this many touches": the R2 arithmetic, the R3 balance and the R6
// reaction window for the plan on the calculator page, and the printable
// year. `explainPlan` is pure (tested under Node); the render functions
// write text only, never markup.

import { ct } from './calculator-i18n.js';
import { h } from './calculator-form.js';
import { DAYS_PER_MONTH } from './calculator-state.js';
import { addDays, daysBetween, weekdayOf } from '../iso-date.js';
import { channelLabel, formatDate, formatNumber, kindLabel, kindShortLabel, localiseDates } from '../widget/touch-plan-i18n.js';

const LIFECYCLE = ['first_day', 'onboarding', 'check', 'renewal', 'apology'];
const SEGMENTS_BY_VALUE = ['A+', 'A', 'B', 'C'];

/**
 * R8: the client's segment as the engine takes it: the one given, else the
 * highest `revenueSegments` threshold its `annualRevenue` reaches (else D),
 * else B.
 */
export function segmentOf(client, settings) {
  if (client?.segment) return client.segment;
  const thresholds = settings.revenueSegments;
  if (thresholds && typeof client?.annualRevenue === 'number') {
    return SEGMENTS_BY_VALUE.find((s) => typeof thresholds[s] === 'number' && client.annualRevenue >= thresholds[s]) ?? 'D';
  }
  return 'B';
}

// What the cycle of R2 is for this client (DOMAIN v3): a service period, no
// sale yet (M = 0), a cycle under a month, or orders.
function cycleBasis(plan, input, subMonth) {
  const client = input.client ?? {};
  if (plan.warnings.some((w) => w.code === 'no_orders')) return 'noOrders';
  if (client.service && client.orderCycleDays === undefined) return 'service';
  return subMonth ? 'subMonth' : 'orders';
}

/**
 * The figures behind `plan` for `input` under the engine's `defaults`
 * (`defaultSettings()`), overridden by `input.settings`.
 */
export function explainPlan(plan, input, defaults = {}) {
  const own = input.settings ?? {};
  const settings = { ...defaults, ...own };
  const { perCycle, total, standardToMandatory, avgGapDays, maxGapDays } = plan.summary;
  const subMonth = perCycle.cycleDays < (settings.subMonthThresholdDays ?? 28);
  // R2 counts every purpose of a merged touch, not only its main kind.
  const purposes = plan.touches.flatMap((t) => t.purposes ?? [t.kind]);
  const count = (kind) => purposes.filter((k) => k === kind).length;
  const target = settings.standardPerMandatory ?? 2;
  const warned = (code) => plan.warnings.filter((w) => w.code === code).length;
  const segment = segmentOf(input.client, settings);
  // R3 top-ups follow the segment's policy (a partial override keeps the rest).
  const policy = { ...(defaults.segments?.[segment] ?? {}), ...(own.segments?.[segment] ?? {}) };
  return {
    cycleDays: perCycle.cycleDays,
    basis: cycleBasis(plan, input, subMonth),
    service: input.client?.service ? { start: input.client.service.start, end: input.client.service.end } : null,
    segment,
    topUps: { on: policy.topUps !== false, count: plan.touches.filter((t) => t.automated && t.rule === 'R3').length },
    months: subMonth ? null : Math.max(1, Math.round(perCycle.cycleDays / DAYS_PER_MONTH)),
    subMonthThreshold: settings.subMonthThresholdDays ?? 28,
    formula: { mandatory: perCycle.mandatory, standard: perCycle.standard, need: perCycle.need, total: perCycle.total },
    extras: {
      events: count('event'),
      meetings: count('meeting'),
      lifecycle: LIFECYCLE.reduce((n, k) => n + count(k), 0),
    },
    automated: { perCycle: perCycle.automated, total: plan.touches.filter((t) => t.automated).length },
    greetings: count('greeting'),
    horizon: { total, avgGapDays, maxGapDays },
    // R3: the manager's own C : M, and the plan's ratio with the automated
    // standard touches marketing sends in the manager's name.
    ratio: perCycle.mandatory === 0 || standardToMandatory === null
      ? null
      : {
        manager: perCycle.standard / perCycle.mandatory,
        value: standardToMandatory,
        target,
        ok: standardToMandatory >= target,
        byAutomation: perCycle.standard / perCycle.mandatory < target && standardToMandatory >= target,
        automatedPerCycle: perCycle.automated,
      },
    reaction: reactionWindow(plan, input, settings),
    reactionWarnings: plan.warnings.filter((w) => w.rule === 'R6').map((w) => w.message),
    merged: warned('merged'),
    dropped: warned('dropped'),
  };
}

// R6, checked on the plan as DOMAIN.md states it: the last touch up to
// E − R falls in [E − R − G, E − R], and from the start (or today) to E − R
// no two consecutive touches are more than G days apart.
function reactionWindow(plan, input, settings) {
  const service = input.client?.service;
  if (!service?.start || !service?.end) return { status: 'none' };
  const r = service.reactionDays ?? settings.reactionDays ?? 7;
  const g = settings.reactionGapDays ?? Math.max(r, 7);
  const deadline = addDays(service.end, -r);
  const base = { start: service.start, end: service.end, r, g, deadline };
  if (deadline < service.start) return { ...base, status: 'short' };
  const { from, to } = plan.horizon;
  if (deadline < from || service.start > to) return { ...base, status: 'outside' };
  // R6 (DOMAIN v3): the watch stretch is the last reactionWatchDays before
  // E − R (the whole period when shorter); only the manager's touches watch;
  // frozen days do not count toward a gap (R11).
  const watchDays = settings.reactionWatchDays ?? 30;
  const stretch = addDays(deadline, -watchDays) > service.start ? addDays(deadline, -watchDays) : service.start;
  const begin = stretch > from ? stretch : from;
  const [fz, tz] = [service.frozenFrom, service.frozenTo];
  const gap = (a, b) => {
    let frozen = 0;
    if (fz && tz) {
      const lo = fz > addDays(a, 1) ? fz : addDays(a, 1);
      const hi = tz < addDays(b, -1) ? tz : addDays(b, -1);
      frozen = Math.max(daysBetween(lo, hi) + 1, 0);
    }
    return daysBetween(a, b) - frozen;
  };
  const manager = plan.touches.filter((t) => !t.automated).map((t) => t.date);
  const dates = [...new Set(manager)].filter((d) => d >= begin && d <= deadline).sort();
  let maxGap = 0;
  for (let i = 1; i < dates.length; i++) maxGap = Math.max(maxGap, gap(dates[i - 1], dates[i]));
  const touched = manager.filter((d) => d >= service.start && d <= deadline).sort();
  const last = touched.at(-1) ?? null;
  const windowFrom = addDays(deadline, -g);
  return {
    ...base,
    status: 'checked',
    windowFrom,
    last,
    lastOk: last !== null && last >= windowFrom,
    maxGap,
    gapOk: maxGap <= g,
  };
}

const mark = (loc, ok) => h('span', { class: ok ? 'ok' : 'bad', 'data-ok': String(ok) }, ok ? `✓ ${ct(loc, 'ok')}` : `✗ ${ct(loc, 'notOk')}`);

/** Fills `root` with the explanation of `plan` (or a note when there is none). */
export function renderWhy(root, loc, why) {
  const title = h('h2', { id: 'why-title' }, ct(loc, 'whyTitle'));
  if (!why) {
    root.replaceChildren(title, h('p', { class: 'muted' }, ct(loc, 'whyNoPlan')));
    return;
  }
  const n = (v) => formatNumber(loc, v);
  const f = why.formula;
  const cycle = h('p', { class: 'cycle' }, ct(loc, 'whyCycle', { days: why.cycleDays }), ' ',
    why.months === null
      ? h('span', { class: 'muted' }, ct(loc, 'whySubMonth', { threshold: why.subMonthThreshold }))
      : ct(loc, 'whyCycleMonths', { months: why.months }));
  // The equation in one line, each number explained beneath it.
  const term = (value, name) => h('span', { class: `term t-${name}`, 'data-term': name }, h('b', {}, String(value)));
  const formula = h('p', { class: 'formula', 'aria-label': ct(loc, 'whyFormula') },
    term(f.mandatory, 'mandatory'), ' + ', term(f.standard, 'standard'), ' + ', term(f.need, 'need'), ' = ', term(f.total, 'total'));
  const legend = (value, key, name) => h('li', { class: `t-${name}` }, h('b', {}, String(value)), ` — ${ct(loc, key)}`);
  const terms = h('ul', { class: 'terms' },
    legend(f.mandatory, 'whyM', 'mandatory'), legend(f.standard, 'whyC', 'standard'),
    legend(f.need, 'whyNeed', 'need'), legend(f.total, 'whyTotal', 'total'));
  const e = why.extras;
  const extra = (value, key, name) => h('li', { 'data-extra': name }, `${ct(loc, key)}: `, h('b', {}, String(value)));
  const extras = h('ul', { class: 'extras' },
    extra(e.events, 'whyEvents', 'events'),
    extra(e.meetings, 'whyMeeting', 'meetings'),
    extra(e.lifecycle, 'whyLifecycle', 'lifecycle'));
  const notes = [];
  if (why.basis === 'service') {
    notes.push(['whyServiceCycle', ct(loc, 'whyServiceCycle', { start: formatDate(loc, why.service.start, 'long'), end: formatDate(loc, why.service.end, 'long') })]);
  }
  if (why.basis === 'noOrders') notes.push(['whyNoOrders', ct(loc, 'whyNoOrders', { n: f.need })]);
  if (why.months !== null && f.standard < why.months) notes.push(['whyStandardBySegment', ct(loc, 'whyStandardBySegment', { segment: why.segment })]);
  if (why.basis === 'subMonth') notes.push(['whyNeedSubMonth', ct(loc, 'whyNeedSubMonth', { n: f.need })]);
  else if (why.basis !== 'noOrders' && f.need < 2) notes.push(['whyNeedBySegment', ct(loc, 'whyNeedBySegment', { n: f.need, segment: why.segment })]);
  if (!why.topUps.on && f.mandatory > 0) notes.push(['whyTopUpsOff', ct(loc, 'whyTopUpsOff', { segment: why.segment })]);
  const automated = why.automated.total
    ? h('p', { class: 'automated', 'data-automated': why.automated.perCycle },
      ct(loc, 'whyAutomatedLine', { cycle: why.automated.perCycle, total: why.automated.total }))
    : null;
  const hz = why.horizon;
  const horizon = h('p', { class: 'horizon', 'data-total': hz.total }, hz.avgGapDays === null
    ? ct(loc, 'whyHorizonShort', { total: hz.total })
    : ct(loc, 'whyHorizon', { total: hz.total, avg: n(hz.avgGapDays), max: hz.maxGapDays }));
  const greetings = why.greetings ? h('p', { class: 'muted' }, ct(loc, 'whyGreetingsNote', { n: why.greetings })) : null;

  const q = why.ratio;
  const ratio = q
    ? h('p', { class: 'ratio' },
      ct(loc, 'whyRatioManager', { ratio: n(q.manager) }), ' · ',
      ct(loc, 'whyRatioValue', { ratio: n(q.value), target: n(q.target) }), ' — ',
      q.ok ? mark(loc, true) : h('span', { class: 'warn' }, ct(loc, 'whyRatioLow')),
      q.byAutomation ? h('span', { class: 'muted' }, ` (${ct(loc, 'whyRatioByAutomation', { n: q.automatedPerCycle })})`) : null)
    : h('p', { class: 'ratio muted' }, ct(loc, 'whyRatioNone'));

  const rw = why.reaction;
  const d = (iso) => formatDate(loc, iso, 'long');
  let reaction;
  if (rw.status === 'none') reaction = [h('p', { class: 'muted' }, ct(loc, 'whyReactionNone'))];
  else if (rw.status === 'outside') reaction = [h('p', { class: 'muted' }, ct(loc, 'whyReactionOutside', { start: d(rw.start), end: d(rw.end) }))];
  else if (rw.status === 'short') reaction = [h('p', { class: 'warn' }, ct(loc, 'whyReactionShort', { deadline: d(rw.deadline) }))];
  else {
    reaction = [
      h('p', { class: 'muted' }, ct(loc, 'whyReactionParams', { start: d(rw.start), end: d(rw.end), r: rw.r, g: rw.g })),
      h('ul', { class: 'checks' },
        h('li', { 'data-check': 'last' }, ct(loc, 'whyReactionLast', { deadline: d(rw.deadline), last: rw.last ? d(rw.last) : ct(loc, 'whyReactionNoTouch') }),
          ' ', h('span', { class: 'muted' }, `(${ct(loc, 'whyReactionLastWindow', { from: d(rw.windowFrom) })})`), ' ', mark(loc, rw.lastOk)),
        h('li', { 'data-check': 'gap' }, ct(loc, 'whyReactionGap', { gap: rw.maxGap, g: rw.g }), ' ', mark(loc, rw.gapOk))),
    ];
  }
  if (rw.status !== 'none') {
    reaction.push(...why.reactionWarnings.map((m) => h('p', { class: 'warn', 'data-warning': 'R6' }, localiseDates(loc, m))));
  }
  const parts = [title, cycle,
    h('h3', {}, ct(loc, 'whyFormula')), formula, terms,
    ...notes.map(([key, text]) => h('p', { class: 'muted', 'data-note': key }, text)),
    h('h3', {}, ct(loc, 'whyExtras')), extras, automated, greetings, horizon,
    h('h3', {}, ct(loc, 'whyRatio')), ratio,
    h('h3', {}, ct(loc, 'whyReaction')), ...reaction,
    why.merged || why.dropped ? h('p', { class: 'muted' }, ct(loc, 'whyMerged', { merged: why.merged, dropped: why.dropped })) : null];
  root.replaceChildren(...parts.filter(Boolean));
}

/**
 * Fills `root` with the printable plan: every month of the horizon as a
 * small calendar, then every touch in a compact table.
 */
export function renderYear(root, loc, plan, name) {
  if (!plan) {
    root.replaceChildren();
    return;
  }
  const byDate = new Map();
  for (const t of plan.touches) byDate.set(t.date, [...(byDate.get(t.date) ?? []), t]);
  const months = [];
  for (let m = plan.horizon.from.slice(0, 7); m <= plan.horizon.to.slice(0, 7); m = nextMonth(m)) months.push(m);
  const weekdays = Array.from({ length: 7 }, (_, i) => formatDate(loc, addDays('2024-01-01', i), 'weekdayShort'));
  const grid = h('div', { class: 'year-grid' }, months.map((m) => {
    const first = `${m}-01`;
    const lead = weekdayOf(first);
    const cells = Array.from({ length: lead }, () => h('td', {}));
    for (let day = first; day.startsWith(m); day = addDays(day, 1)) {
      const touches = byDate.get(day) ?? [];
      const inside = day >= plan.horizon.from && day <= plan.horizon.to;
      cells.push(h('td', {
        class: [touches.length ? `touch k-${touches[0].kind}` : '', inside ? '' : 'outside', touches.some((t) => t.automated) && touches.every((t) => t.automated) ? 'auto' : ''].filter(Boolean).join(' ') || null,
        title: touches.map((t) => `${kindLabel(loc, t.kind)} · ${channelLabel(loc, t.channel)}`).join('; ') || null,
      }, String(Number(day.slice(8)))));
    }
    const rows = [];
    for (let i = 0; i < cells.length; i += 7) rows.push(h('tr', {}, cells.slice(i, i + 7)));
    return h('table', { class: 'mini-month' },
      h('caption', {}, formatDate(loc, first, 'month')),
      h('thead', {}, h('tr', {}, weekdays.map((w) => h('th', {}, w)))),
      h('tbody', {}, rows));
  }));
  // Long plans print as two tables side by side, so a year stays on two pages.
  const table = (touches) => h('table', { class: 'touch-table' },
    h('thead', {}, h('tr', {}, ['printDate', 'printKind', 'printChannel', 'printContact', 'printReason'].map((k) => h('th', {}, ct(loc, k))))),
    h('tbody', {}, touches.map((t) => h('tr', { class: `k-${t.kind}${t.automated ? ' auto' : ''}` },
      h('td', {}, formatDate(loc, t.date, 'short')),
      h('td', {}, h('i', { class: `dot k-${t.kind}` }), kindShortLabel(loc, t.kind)),
      h('td', {}, channelLabel(loc, t.channel)),
      h('td', {}, t.contact ?? ''),
      h('td', {}, t.reasons[0]?.title ?? '')))));
  const half = Math.ceil(plan.touches.length / 2);
  const list = h('div', { class: 'touch-columns' }, plan.touches.length > 60
    ? [table(plan.touches.slice(0, half)), table(plan.touches.slice(half))]
    : table(plan.touches));
  const kinds = [...new Set(plan.touches.map((t) => t.kind))];
  const legend = h('ul', { class: 'print-legend' },
    kinds.map((k) => h('li', {}, h('i', { class: `dot k-${k}` }), kindLabel(loc, k))),
    plan.touches.some((t) => t.automated) ? h('li', {}, h('i', { class: 'dot auto' }), ct(loc, 'printAuto')) : null);
  root.replaceChildren(
    h('h2', {}, ct(loc, 'printTitle')),
    h('p', {}, ct(loc, 'printFor', { name, from: formatDate(loc, plan.horizon.from), to: formatDate(loc, plan.horizon.to) })),
    grid,
    legend,
    h('h3', { class: 'print-list-title' }, ct(loc, 'printList')),
    list);
}

function nextMonth(ym) {
  const d = new Date(Date.UTC(+ym.slice(0, 4), +ym.slice(5, 7), 1));
  return d.toISOString().slice(0, 7);
}
