// Inputs of `npm run bench` (scripts/bench.mjs): the generated typical
// clients and the worst cases at the contract's limits. No Node imports:
// the bench page loads this module too, to generate 100,000 clients inside
// Chromium instead of shipping them across.

export const TODAY = '2026-11-24';

/** Deterministic pseudo-random numbers (mulberry32), so every run and the
 * native baseline plan exactly the same clients. */
export function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `TODAY` plus `days` (negative: before). */
export function isoDay(days) {
  const d = new Date(`${TODAY}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const isoDaysBefore = (days) => isoDay(-days);

/** A client as a CRM would hold one: a year of orders, two or three
 * contacts with birthdays, a service period for some, an incident now and
 * then. */
export function client(i, rnd) {
  const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
  const cycle = pick([14, 30, 30, 45, 60, 90, 180, 365]);
  const orders = [];
  for (let back = Math.floor(rnd() * cycle); back < 400 && orders.length < 12; back += cycle) {
    orders.push({ date: isoDaysBefore(back), amount: Math.round(10000 + rnd() * 500000), categories: [pick(['paper', 'toner', 'furniture', 'ads'])] });
  }
  const contacts = [
    { name: `Директор ${i}`, role: 'decision_maker', birthday: `--${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}` },
    { name: `Закупщик ${i}`, role: 'buyer', channels: ['phone', 'messenger'] },
  ];
  if (rnd() < 0.5) contacts.push({ name: `Инженер ${i}`, role: 'technical', interests: ['рыбалка'] });
  const input = {
    today: TODAY,
    locale: i % 3 === 0 ? 'en' : 'ru',
    client: {
      id: `client-${i}`,
      name: `ООО «Клиент ${i}»`,
      segment: pick(['A+', 'A', 'B', 'B', 'C', 'D']),
      orders,
      contacts,
      channels: ['phone', 'email', 'messenger'],
      industry: pick(['retail', 'manufacturing', 'it']),
    },
  };
  if (rnd() < 0.3) input.client.service = { start: isoDaysBefore(20), end: isoDaysBefore(-70), kind: 'campaign' };
  if (rnd() < 0.1) input.client.incidents = [{ date: isoDaysBefore(3), summary: 'Задержка поставки' }];
  return input;
}

/** The typical client and the 10,000 clients of the batch timings. */
export function inputs() {
  const rnd = random(20261124);
  return { typical: client(0, random(1)), clients: Array.from({ length: 10_000 }, (_, i) => client(i + 1, rnd)) };
}

// ---------------------------------------------------------------- worst cases

// The contract's limits on lists and strings (CONTRACT.md "Limits",
// src/engine/input.rs). The whole input has its own two (`size` below):
// scripts/bench.mjs reads them from src/engine/input.rs.
const L = { orders: 10_000, history: 10_000, contacts: 200, list: 2_000, tags: 200, string: 1_000, id: 256 };

/** Values and characters of an input as the engine counts them against
 * its whole-input limits: every string, number, boolean, null, list and
 * object is a value; text is strings and field names, in code points. */
export function size(v) {
  let values = 0;
  let chars = 0;
  const text = (s) => {
    for (const _ of s) chars++;
  };
  const walk = (x) => {
    values++;
    if (typeof x === 'string') text(x);
    else if (Array.isArray(x)) x.forEach(walk);
    else if (x && typeof x === 'object') {
      for (const [k, y] of Object.entries(x)) {
        if (y === undefined) continue;
        text(k);
        walk(y);
      }
    }
  };
  walk(v);
  return { values, chars };
}

/** The largest `n` in 1..`max` for which `make(n)` is within `limits`. */
function fit(make, max, limits) {
  const ok = (n) => {
    const s = size(make(n));
    return s.values <= limits.values && s.chars <= limits.chars;
  };
  let lo = 1;
  let hi = max;
  if (ok(hi)) return hi;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (ok(mid)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

const ALL_CHANNELS = ['phone', 'visit', 'messenger', 'email', 'sms', 'newsletter', 'event', 'staff', 'portal', 'social', 'letter'];
const ROLES = ['decision_maker', 'influencer', 'technical', 'user', 'buyer', 'other'];
/** Catalog reasons a content item may carry, none discouraged (reasons.rs). */
const CONTENT_REASONS = [
  'price_change', 'new_products', 'price_promotion', 'launch_price', 'discontinued_items', 'market_analytics',
  'legislation', 'service_improvements', 'event_invitation', 'peer_cases', 'client_insights', 'useful_software',
  'staff_training', 'competitor_analogue', 'better_use', 'new_options', 'loyalty_programme', 'campaign_results',
];
const CATS = Array.from({ length: 20 }, (_, i) => `категория-${i}`);
const range = (n, f) => Array.from({ length: n }, (_, i) => f(i));
/** `s` repeated to exactly `n` characters (UTF-16 units; all the texts
 * here are in the Basic Multilingual Plane, so also `n` chars for Rust). */
const long = (s, n = L.string) => s.repeat(Math.ceil(n / s.length)).slice(0, n);
const birthday = (i) => `--${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + ((i * 7) % 28)).padStart(2, '0')}`;

/** The issue's orders: `n` of them, each with 20 categories and 20 items. */
const issueOrders = (n) => range(n, (i) => ({ date: isoDay(-(i % 3000) - 1), amount: 1000 + i, categories: CATS, items: CATS.map((c) => `${c}-i`) }));

/** The issue's input: orders with 20 categories and 20 items, 2,000
 * content-plan items that match nothing, 36 months. */
const issue = (orders) => ({
  today: TODAY,
  horizonMonths: 36,
  client: { id: 'w', segment: 'A+', orders: issueOrders(orders), channels: ['phone', 'email'] },
  company: {
    contentPlan: range(L.list, (i) => ({
      date: isoDay((i % 1000) - 100),
      reason: ['price_change', 'new_products', 'price_promotion', 'legislation', 'market_analytics'][i % 5],
      title: `Материал ${i}`,
      categories: [`нет-${i}`],
      items: [`нет-${i}`],
    })),
  },
});

/**
 * Generated inputs at the contract's limits, each built to stress one part
 * of the engine; `what` says how (BENCH.md prints it). Where the lists'
 * limits together would pass the whole input's (`limits`: values and
 * characters), the case's largest list is cut to the most that fits.
 * `refused: true` marks an input over them, timed to its refusal.
 * @param {{ values: number, chars: number }} limits
 * @returns {{ name: string, what: string, input: object, refused?: boolean }[]}
 */
export function worstCases(limits) {
  const cases = [];
  const add = (name, what, input, refused = false) => {
    const s = size(input);
    cases.push({ name, what: `${what} (${s.values.toLocaleString('en')} values, ${s.chars.toLocaleString('en')} characters)`, input, refused });
  };

  // The finding of issue 15 as it was: ranking re-checked every content
  // item per touch. Over the whole input's limits now: refused, unread.
  add('issue', 'the input of issue 15: 10,000 orders × 20 categories and 20 items, 2,000 content items that match nothing, 36 months; over the whole-input limits', issue(L.orders), true);

  // The same at the limits.
  const n = fit(issue, L.orders, limits);
  add('nomatch', `issue 15's input cut to the whole-input limits: ${n.toLocaleString('en')} orders × 20 categories and 20 items, 2,000 content items that match nothing, 36 months`, issue(n));

  // Every content item fits the client and is available on some touch: the
  // ranking takes one per touch, all through the horizon.
  const match = (orders) => ({
    today: TODAY,
    horizonMonths: 36,
    client: {
      id: 'w', segment: 'A+', industry: 'производство', orders: issueOrders(orders), channels: ['phone', 'email', 'messenger', 'visit'],
      flags: { loyal: true, promoSensitive: true },
      contacts: ROLES.map((role, i) => ({ name: `Контакт ${i}`, role, interests: ['рыбалка'] })),
    },
    company: {
      contentPlan: range(L.list, (i) => ({
        date: isoDay(Math.floor((i * 1096) / L.list) - 30),
        until: isoDay(Math.floor((i * 1096) / L.list) + 90),
        pilot: isoDay(Math.floor((i * 1096) / L.list) - 45),
        reason: CONTENT_REASONS[i % CONTENT_REASONS.length],
        title: `Материал ${i}`,
        detail: `Подробности ${i}`,
        categories: [CATS[i % 20]],
        segments: ['A+'],
        industries: ['производство'],
        roles: [ROLES[i % ROLES.length]],
        delivery: i % 7 === 0 ? 'semi' : 'manager',
      })),
    },
  });
  const m = fit(match, L.orders, limits);
  add('match', `${m.toLocaleString('en')} orders × 20 categories and 20 items, 2,000 content items that all fit (segment, industry, category, role), 18 reasons, spread over 36 months; loyal, promo-sensitive`, match(m));

  // Marketing's own items: one automated touch each, all placed by R3.
  add('automated', '2,000 automated content items that all fit, a 14-day cycle, 36 months', {
    today: TODAY,
    horizonMonths: 36,
    client: {
      id: 'w', segment: 'A+', orderCycleDays: 14, channels: ALL_CHANNELS,
      orders: range(100, (i) => ({ date: isoDay(-14 * i - 1), amount: 50000, categories: [CATS[i % 20]] })),
      contacts: ROLES.map((role, i) => ({ name: `Контакт ${i}`, role })),
    },
    company: {
      contentPlan: range(L.list, (i) => ({
        date: isoDay(Math.floor((i * 1096) / L.list)),
        reason: ['market_analytics', 'legislation', 'service_improvements', 'peer_cases', 'useful_software'][i % 5],
        title: `Рассылка ${i}`,
        categories: [CATS[i % 20]],
        delivery: 'automated',
      })),
    },
  });

  // The densest cadence: a cycle of one day with 20 mandatory touches an
  // order, top-ups at their highest ratio; merges and caps do the rest.
  add('daily', 'orderCycleDays 1, mandatoryPerOrder 20, 10,000 orders (one a day), standardPerMandatory 10, weeklyCap 7, mergeGapDays 0, 36 months', {
    today: TODAY,
    horizonMonths: 36,
    client: {
      id: 'w', segment: 'A+', saleType: 'transactional', orderCycleDays: 1, mandatoryPerOrder: 20,
      orders: range(L.orders, (i) => ({ date: isoDay(-i - 1), amount: 1000 + i, categories: [CATS[i % 20]] })),
      contacts: ROLES.map((role, i) => ({ name: `Контакт ${i}`, role, birthday: birthday(i) })),
      channels: ALL_CHANNELS,
      flags: { loyal: true, promoSensitive: true, birthdayOffer: true },
    },
    settings: {
      standardPerMandatory: 10, weeklyCap: 7, mergeGapDays: 0, subMonthThresholdDays: 1, eventsPerYear: 12,
      offersPerMonth: 31, freshnessTouches: 50, referralsPerYear: 12, influencerTouchesPerQuarter: 3,
    },
  });

  // The most people: 200 contacts, each with a birthday, every channel and
  // interests; greetings, R15's rotation and per-contact channels.
  add('contacts', '200 contacts with birthdays, all 11 channels, 20 interests each, every role; monthly orders; 36 months', {
    today: TODAY,
    horizonMonths: 36,
    client: {
      id: 'w', segment: 'A+', industry: 'производство', channels: ALL_CHANNELS,
      orders: range(36, (i) => ({ date: isoDay(-30 * i - 1), amount: 500000, categories: [CATS[i % 20]] })),
      contacts: range(L.contacts, (i) => ({
        name: `Контакт ${i}`, role: ROLES[i % ROLES.length], birthday: birthday(i), channels: ALL_CHANNELS,
        interests: range(20, (k) => `интерес ${k}`),
      })),
      flags: { loyal: true, birthdayOffer: true },
    },
    settings: { influencerTouchesPerQuarter: 3, eventsPerYear: 12 },
  });

  // Every dated list of the client and the company at its limit, close to
  // today: apologies, expiries, events, holidays, a service with a freeze.
  add('incidents', '2,000 incidents in the last 4 weeks, 2,000 expiries and 2,000 events in the horizon, 2,000 holidays (every day of the horizon off), a contract with a freeze, 10,000 history entries, 36 months', {
    today: TODAY,
    horizonMonths: 36,
    client: {
      id: 'w', segment: 'A+', channels: ALL_CHANNELS,
      orders: range(24, (i) => ({ date: isoDay(-45 * i - 1), amount: 900000, categories: [CATS[i % 20]] })),
      service: { start: isoDay(-30), end: isoDay(1000), kind: 'contract', reactionDays: 1, frozenFrom: isoDay(100), frozenTo: isoDay(160), promo: 'Скидка', promoUntil: isoDay(200) },
      openDeal: { since: isoDay(-10), stage: 'КП' },
      contacts: ROLES.map((role, i) => ({ name: `Контакт ${i}`, role, birthday: birthday(i) })),
      incidents: range(L.list, (i) => ({ date: isoDay(-(i % 28)), summary: `Сбой ${i}` })),
      expiries: range(L.list, (i) => ({ date: isoDay(i % 1096), what: `Полис ${i}` })),
      history: range(L.history, (i) => ({ date: isoDay(-(i % 365) - 1), channel: ALL_CHANNELS[i % 11], reason: ['referral', 'market_analytics', 'apology', 'post_purchase_check'][i % 4] })),
    },
    company: {
      events: range(L.list, (i) => ({ date: isoDay(i % 1096), title: `Событие ${i}` })),
      holidays: range(L.list, (i) => isoDay(i % 1096)).filter((d, i, a) => a.indexOf(d) === i).concat(range(L.list, (i) => isoDay(-1 - i))).slice(0, L.list),
    },
  });

  // Every list at its limit at once (the second generator of issue 15),
  // orders and history cut alike to the whole-input limits.
  const all = (n) => ({
    today: TODAY,
    horizonMonths: 36,
    locale: 'ru',
    client: {
      id: 'w', name: 'W', segment: 'A+', orderCycleDays: 1, channels: ['phone', 'email', 'messenger', 'visit'],
      orders: range(n, (i) => ({ date: isoDay(-(i % 3000) - 1), amount: 1000 + i, categories: CATS })),
      contacts: range(L.contacts, (i) => ({ name: `Контакт ${i}`, role: ROLES[i % 6], birthday: birthday(i), interests: ['рыбалка'] })),
      incidents: range(L.list, (i) => ({ date: isoDay(-(i % 30)), summary: `Сбой ${i}` })),
      expiries: range(L.list, (i) => ({ date: isoDay(i % 1000), what: `Полис ${i}` })),
      history: range(n, (i) => ({ date: isoDay(-(i % 3000)), channel: 'phone', reason: 'market_analytics' })),
    },
    company: {
      contentPlan: range(L.list, (i) => ({
        date: isoDay((i % 1000) - 100),
        reason: ['price_change', 'new_products', 'price_promotion', 'legislation', 'market_analytics'][i % 5],
        title: `Материал ${i}`,
        categories: [CATS[i % 20]],
      })),
      events: range(L.list, (i) => ({ date: isoDay(i % 1000), title: `Событие ${i}` })),
      holidays: range(L.list, (i) => isoDay((i * 3) % 1100)),
      workdays: [],
    },
  });
  const a = fit(all, L.orders, limits);
  add('all', `every list at its limit at once, orders (× 20 categories) and history cut to ${a.toLocaleString('en')} each: 200 contacts, 2,000 each of content, events, incidents, expiries, holidays; orderCycleDays 1; 36 months`, all(a));

  // Text at its limits: strings of 1,000 characters wherever the plan may
  // quote them (names, interests, titles, details, summaries, events), as
  // many as the whole input's text allows.
  const t = (s) => long(`${s} `);
  const text = (k) => ({
    today: TODAY,
    horizonMonths: 36,
    client: {
      id: long('w', L.id), name: t('ООО Длинное имя'), segment: 'A+', industry: t('производство'), channels: ALL_CHANNELS,
      orders: range(120, (i) => ({ date: isoDay(-(i * 9) - 1), amount: 1000 + i, categories: [t(`категория ${i % 3}`)] })),
      contacts: range(Math.min(L.contacts, k), (i) => ({
        name: t(`Контакт ${i}`), role: ROLES[i % ROLES.length], birthday: birthday(i), channels: ALL_CHANNELS,
        interests: range(4, (j) => t(`интерес ${j}`)),
      })),
      flags: { loyal: true, birthdayOffer: true },
      incidents: range(k, (i) => ({ date: isoDay(-(i % 28)), summary: t(`Сбой ${i}`) })),
      expiries: range(k, (i) => ({ date: isoDay(i % 1096), what: t(`Полис ${i}`) })),
    },
    company: {
      contentPlan: range(2 * k, (i) => ({
        date: isoDay(Math.floor((i * 1096) / (2 * k)) - 30),
        reason: CONTENT_REASONS[i % CONTENT_REASONS.length],
        title: t(`Материал ${i}`),
        detail: t(`Подробности ${i}`),
        categories: [t(`категория ${i % 3}`)],
      })),
      events: range(k, (i) => ({ date: isoDay(i % 1096), title: t(`Событие ${i}`) })),
    },
  });
  const k = fit(text, L.list, limits);
  add('long', `strings of 1,000 characters wherever the plan may quote them: ${Math.min(L.contacts, k)} contacts (name, 4 interests), ${2 * k} fitting content items (title, detail, category), ${k} each of events, incidents, expiries; 36 months`, text(k));

  // Tag lists at their limit: orders of 200 categories and 200 items, 100
  // content items of as many (matching nothing), as many orders as fit.
  const tags = (n) => ({
    today: TODAY,
    horizonMonths: 36,
    client: {
      id: 'w', segment: 'A+', channels: ['phone', 'email'],
      orders: range(n, (i) => ({
        date: isoDay(-(i % 3000) - 1), amount: 1000 + i,
        categories: range(L.tags, (j) => `к${(i + j) % 1000}`), items: range(L.tags, (j) => `т${(i * 7 + j) % 5000}`),
      })),
    },
    company: {
      contentPlan: range(100, (i) => ({
        date: isoDay((i % 1000) - 100),
        reason: ['price_change', 'new_products', 'price_promotion', 'legislation', 'market_analytics'][i % 5],
        title: `Материал ${i}`,
        categories: range(L.tags, (j) => `нет-к${i}-${j}`), items: range(L.tags, (j) => `нет-т${i}-${j}`),
      })),
    },
  });
  const g = fit(tags, L.orders, limits);
  add('tags', `tag lists at their limit: ${g.toLocaleString('en')} orders × (200 categories + 200 items), 100 content items × (200 + 200) that match nothing, 36 months`, tags(g));

  return cases;
}
