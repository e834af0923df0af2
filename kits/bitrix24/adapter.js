// Bitrix24 → touchplan: pure functions from the JSON that Bitrix24's REST
// methods return (crm.company.get, crm.contact.get/list, crm.lead.get,
// crm.deal.get/list, crm.activity.list) to our `Client`, and from a touch
// back to the parameters of crm.activity.todo.add. No network, no DOM, no
// clock: the same records give the same client, in Node and in a browser.

/** CRM entity type ids of Bitrix24 (OWNER_TYPE_ID, ownerTypeId). */
export const OWNER_TYPE = Object.freeze({ lead: 1, deal: 2, contact: 3, company: 4 });

/** The card tabs the app binds, and the entity each one opens. */
export const PLACEMENTS = Object.freeze({
  CRM_LEAD_DETAIL_TAB: 'lead',
  CRM_DEAL_DETAIL_TAB: 'deal',
  CRM_CONTACT_DETAIL_TAB: 'contact',
  CRM_COMPANY_DETAIL_TAB: 'company',
});

/**
 * Where the fields Bitrix24 has no standard place for are read from (the app
 * option `touchplanFieldMap` overrides each): a field code of the client's
 * record (company, else contact or lead), or null for "not kept". Company
 * fields INDUSTRY and REVENUE are standard; segment has no standard field.
 */
export const DEFAULT_FIELD_MAP = Object.freeze({
  segment: null,
  industry: 'INDUSTRY',
  annualRevenue: 'REVENUE',
  interests: null, // a contact field (a user field, often multiple)
});

const SEGMENTS = new Set(['A+', 'A', 'B', 'C', 'D']);
const MAX_STRING = 1000; // CONTRACT.md: any string at most 1,000 characters
const MAX_ID = 256;

/**
 * A Bitrix24 date as `YYYY-MM-DD`, or null. REST gives ISO 8601 with the
 * portal's offset (`2026-11-13T10:00:00+03:00`); some fields and portals
 * give `13.11.2026`. The calendar date is taken as written — the portal's
 * day, not converted to UTC — so an order closed at 00:30 Moscow time stays
 * on its day.
 */
export function dateFromBitrix24(value) {
  if (typeof value !== 'string') return null;
  const s = value.trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/.exec(s);
  let y, mo, d;
  if (m) [, y, mo, d] = m;
  else if ((m = /^(\d{2})\.(\d{2})\.(\d{4})(?:$|\s)/.exec(s))) [, d, mo, y] = m;
  else return null;
  const [yy, mm, dd] = [Number(y), Number(mo), Number(d)];
  if (yy < 1900 || yy > 2100 || mm < 1 || mm > 12 || dd < 1) return null;
  if (dd > new Date(Date.UTC(yy, mm, 0)).getUTCDate()) return null;
  return `${y}-${mo}-${d}`;
}

// \b knows only Latin letters; a Cyrillic word's edges are not-a-letter lookarounds.
const word = (w) => `(?<!\\p{L})${w}(?!\\p{L})`;
const ROLE_RULES = [
  ['buyer', 'закуп|снабж|тендер|procure|purchas|buyer|sourcing'],
  ['technical', `техн|инженер|${word('ит')}|${word('it')}|${word('cto')}|${word('cio')}|engineer|technical|системн|разработ|developer`],
  ['influencer', `заместител|${word('зам')}|deputy|vice|советник|advisor|консультант|финансов|${word('cfo')}|главный бухгалтер`],
  ['decision_maker', `директор|руковод|владел|собственник|учредит|основател|президент|председател|начальник|${word('лпр')}|${word('ceo')}|owner|founder|president|director|${word('head')}|chief|${word('ип')}`],
  ['user', 'менеджер|специалист|оператор|бухгалтер|секретар|ассистент|помощник|кладовщик|логист|manager|specialist|assistant|operator|clerk|accountant'],
].map(([role, source]) => [role, new RegExp(source, 'u')]);

/**
 * The contact's role (DOMAIN R15) from the position text (POST), in
 * Russian or English, or undefined when the text says nothing we know.
 * Order matters: «Директор по закупкам» buys, «Заместитель директора»
 * influences, «Технический директор» is technical.
 */
export function roleFromPosition(post) {
  if (typeof post !== 'string') return undefined;
  const p = post.toLowerCase().replace(/ё/g, 'е');
  for (const [role, re] of ROLE_RULES) if (re.test(p)) return role;
  return undefined;
}

/** Channels a contact (or company, or lead) can be reached by, from its multi-fields. */
export function channelsOf(record) {
  const channels = [];
  if (hasValues(record?.PHONE)) channels.push('phone');
  if (hasValues(record?.IM)) channels.push('messenger');
  if (hasValues(record?.EMAIL)) channels.push('email');
  return channels;
}

/**
 * The `Client` for one card, and the notices the app shows above the widget
 * (a field map that names nothing, a value that is not a segment).
 *
 * `card`: what `loadCard` (rest.js) read — `{ kind, record, company?,
 * contacts, deals, activities, industryNames? }`, kind being the entity the client is
 * (`company`, `contact`, `lead`, or `deal` for a deal with no client).
 */
export function clientFromBitrix24(card, fieldMap = {}) {
  const map = fieldMapOf(fieldMap);
  const notices = [];
  const { kind, record } = card;
  const contacts = list(card.contacts).map((c) => contactOf(c, map)).filter(Boolean);
  if (kind === 'lead' && !contacts.length) {
    const own = contactOf(record, map);
    if (own) contacts.push(own);
  }
  const deals = list(card.deals);
  const client = {
    id: text(`b24-${kind}-${String(record?.ID ?? '')}`, MAX_ID),
    kind: kind === 'contact' ? 'person' : 'business',
  };
  // A lead names its company (COMPANY_TITLE) or its person; TITLE is the request's subject.
  const name = kind === 'contact' ? personName(record)
    : kind === 'lead' ? text(record?.COMPANY_TITLE) || personName(record)
      : text(record?.TITLE) || personName(record);
  if (name) client.name = name;

  const orders = deals.filter((d) => d?.STAGE_SEMANTIC_ID === 'S').map(orderOf).filter(Boolean)
    .sort((a, b) => a.date.localeCompare(b.date));
  if (orders.length) client.orders = orders;
  const open = deals.filter((d) => d?.STAGE_SEMANTIC_ID === 'P' && d?.CLOSED !== 'Y')
    .map((d) => ({ since: dateFromBitrix24(d.BEGINDATE) ?? dateFromBitrix24(d.DATE_CREATE), stage: text(d.STAGE_ID) }))
    .filter((d) => d.since)
    .sort((a, b) => a.since.localeCompare(b.since))[0];
  if (open) client.openDeal = open.stage ? open : { since: open.since };

  if (contacts.length) client.contacts = contacts;
  const channels = new Set([...channelsOf(record), ...(card.company ? channelsOf(card.company) : [])]);
  for (const c of contacts) for (const ch of c.channels ?? []) channels.add(ch);
  const history = list(card.activities).map(historyOf).filter(Boolean).sort((a, b) => a.date.localeCompare(b.date));
  if (history.length) client.history = history;
  // Visits are accepted where meetings already took place.
  if (history.some((h) => h.channel === 'visit')) channels.add('visit');
  if (channels.size) client.channels = ['phone', 'visit', 'messenger', 'email'].filter((c) => channels.has(c));

  const source = card.company ?? record;
  if (map.industry) {
    const code = fieldValue(source, map.industry);
    const names = card.industryNames ?? {};
    const industry = text(typeof code === 'string' && Object.hasOwn(names, code) ? names[code] : code);
    if (industry) client.industry = industry;
  }
  if (map.annualRevenue) {
    const revenue = Number(fieldValue(source, map.annualRevenue));
    if (Number.isFinite(revenue) && revenue > 0) client.annualRevenue = revenue;
  }
  if (map.segment) {
    const raw = fieldValue(source, map.segment);
    const segment = typeof raw === 'string' ? raw.trim().toUpperCase().replace(/^A\s*\+$/, 'A+') : raw;
    if (raw === undefined) notices.push({ code: 'field_not_found', field: 'segment', source: map.segment });
    else if (SEGMENTS.has(segment)) client.segment = segment;
    else if (raw !== null && raw !== '') notices.push({ code: 'not_a_segment', field: 'segment', source: map.segment, value: text(String(raw), 40) });
  } else if (!client.annualRevenue) {
    notices.push({ code: 'segment_not_mapped', field: 'segment' });
  }
  return { client, notices };
}

/**
 * The parameters of `crm.activity.todo.add` for a touch the manager asked to
 * set (event `touchplan-task`): the card's entity as owner, the touch's date
 * as the deadline (10:00 in the portal user's time zone), and a description
 * with the reason, the why and a marker line that lets the app recognise the
 * to-do later (not set twice; done → history).
 */
export function todoFromTouch(touch, owner, { locale = 'ru', responsibleId } = {}) {
  const reason = touch.reasons?.[0];
  const lines = [
    reason?.title,
    touch.why,
    reason?.hint,
    touch.contact ? `${locale === 'en' ? 'Contact' : 'Контакт'}: ${touch.contact}` : null,
    `${locale === 'en' ? 'Channel' : 'Канал'}: ${touch.channel}`,
    taskMarker(touch),
  ].filter(Boolean);
  const params = {
    ownerTypeId: owner.typeId,
    ownerId: owner.id,
    deadline: `${touch.date}T10:00:00`,
    description: lines.join('\n'),
  };
  if (Number.isInteger(responsibleId) && responsibleId > 0) params.responsibleId = responsibleId;
  return params;
}

/** The marker line of a to-do the app set: `[touchplan 2026-12-03 phone post_purchase_check]`. */
export function taskMarker(touch) {
  return `[touchplan ${touch.date} ${touch.channel} ${touch.reasons?.[0]?.code ?? touch.kind}]`;
}

const MARKER = /\[touchplan (\d{4}-\d{2}-\d{2}) ([a-z]+) ([a-z0-9_]+)\]/;

/** The open to-dos the app set earlier, by marker, with their ids. */
export function openTasksOf(activities) {
  const open = new Map();
  for (const a of list(activities)) {
    const m = a?.COMPLETED !== 'Y' && typeof a?.DESCRIPTION === 'string' ? MARKER.exec(a.DESCRIPTION) : null;
    if (m) open.set(m[0], String(a.ID ?? ''));
  }
  return open;
}

// --- records -------------------------------------------------------------

function contactOf(c, map) {
  const name = personName(c);
  if (!name) return null;
  const contact = { name };
  const role = roleFromPosition(c.POST);
  if (role) contact.role = role;
  const birthday = dateFromBitrix24(c.BIRTHDATE);
  if (birthday) contact.birthday = birthday;
  const channels = channelsOf(c);
  if (channels.length) contact.channels = channels;
  if (map.interests) {
    const raw = fieldValue(c, map.interests);
    const interests = (Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(',') : [])
      .map((v) => text(String(v))).filter(Boolean).slice(0, 50);
    if (interests.length) contact.interests = interests;
  }
  return contact;
}

function orderOf(deal) {
  const date = dateFromBitrix24(deal.CLOSEDATE);
  if (!date) return null;
  const order = { date };
  const amount = Number(deal.OPPORTUNITY);
  if (deal.OPPORTUNITY !== '' && deal.OPPORTUNITY != null && Number.isFinite(amount) && amount >= 0) order.amount = amount;
  return order;
}

// crm.activity.list: TYPE_ID 1 meeting, 2 call, 4 e-mail, 6 provider-based
// (PROVIDER_ID says which: open-line chats, SMS, our own to-dos).
function historyOf(a) {
  if (a?.COMPLETED !== 'Y') return null;
  const marker = typeof a.DESCRIPTION === 'string' ? MARKER.exec(a.DESCRIPTION) : null;
  const date = dateFromBitrix24(a.END_TIME) ?? dateFromBitrix24(a.START_TIME) ?? dateFromBitrix24(a.DEADLINE)
    ?? dateFromBitrix24(a.CREATED) ?? (marker ? dateFromBitrix24(marker[1]) : null);
  if (!date) return null;
  if (marker) return { date, channel: marker[2], reason: marker[3] };
  const type = String(a.TYPE_ID ?? '');
  const provider = String(a.PROVIDER_ID ?? '').toUpperCase();
  const channel = type === '1' ? 'visit'
    : type === '2' || provider === 'VOXIMPLANT_CALL' || provider === 'CRM_CALL_TRACKER' ? 'phone'
      : type === '4' || provider === 'CRM_EMAIL' ? 'email'
        : provider === 'IMOPENLINES_SESSION' ? 'messenger'
          : provider === 'CRM_SMS' || provider === 'SMS' ? 'sms'
            : null;
  return channel ? { date, channel } : null;
}

function personName(r) {
  if (!r) return '';
  const parts = [r.NAME, r.SECOND_NAME, r.LAST_NAME].map((p) => text(p)).filter(Boolean);
  return text(parts.join(' ')) || text(r.TITLE) || text(r.FULL_NAME);
}

function fieldMapOf(option) {
  let value = option;
  if (typeof value === 'string') {
    try { value = JSON.parse(value); } catch { value = {}; }
  }
  const map = { ...DEFAULT_FIELD_MAP };
  if (value && typeof value === 'object') {
    for (const key of Object.keys(DEFAULT_FIELD_MAP)) {
      if (!Object.hasOwn(value, key)) continue;
      const code = value[key];
      if (code === null || code === '') map[key] = null;
      else if (typeof code === 'string' && /^[A-Z][A-Z0-9_]{0,63}$/.test(code)) map[key] = code;
    }
  }
  return map;
}

// A field's value, or undefined when the record has no such field; multiple
// user fields come as arrays, multi-fields (PHONE…) as lists of { VALUE }.
function fieldValue(record, code) {
  if (!record || typeof record !== 'object' || !Object.hasOwn(record, code)) return undefined;
  const v = record[code];
  if (Array.isArray(v)) return v.map((x) => (x && typeof x === 'object' ? x.VALUE : x)).filter((x) => x != null && x !== '');
  return v;
}

function hasValues(field) {
  return Array.isArray(field) && field.some((f) => typeof f?.VALUE === 'string' && f.VALUE.trim() !== '');
}

function text(value, max = MAX_STRING) {
  if (typeof value !== 'string') return '';
  // Control characters never belong in a name; the engine caps strings.
  const s = value.replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/\s+/g, ' ').trim();
  return [...s].slice(0, max).join('');
}

const list = (v) => (Array.isArray(v) ? v : []);
