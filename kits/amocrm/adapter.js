// amoCRM/Kommo → touchplan: pure functions from the JSON that amoCRM's
// REST API v4 returns (hal+json, `custom_fields_values`, `_embedded`) to our
// `Client` (CONTRACT.md), and from a planned touch to the body of
// `POST /api/v4/tasks`. No network, no DOM, no clock: the time zone and the
// field map come in as arguments, so every function is testable from
// fixtures (tests/node/amocrm-adapter.test.mjs).
//
//   card (leads, contacts, companies, notes, events, tasks)
//     → clientFromAmo(card, { fieldMap, timeZone }) → { client, notices }
//   touch → taskFromTouch(touch, { key, entityType, entityId, timeZone }) → task

/** amoCRM's fixed status ids of every pipeline: won and lost. */
export const WON_STATUS = 142;
export const LOST_STATUS = 143;

/** amoCRM's two standard task types. */
export const TASK_TYPE = { call: 1, meeting: 2 };

/**
 * Where the data amoCRM has no standard field for is read from: each entry
 * lists custom fields by `field_code`, `field_name` (case-insensitive) or
 * `field_id`; the first one present wins. An administrator overrides it in
 * the widget's settings (the `custom` setting `field_map`, as JSON).
 */
export const DEFAULT_FIELD_MAP = Object.freeze({
  birthday: ['BIRTHDAY', 'День рождения', 'Birthday', 'Дата рождения'],
  position: ['POSITION', 'Должность', 'Position'],
  segment: ['Сегмент', 'Segment'],
  industry: ['Отрасль', 'Industry'],
  annualRevenue: ['Выручка в год', 'Annual revenue'],
  interests: ['Интересы', 'Interests'],
  // Leads carrying this tag are complaints: incidents (R12), never orders.
  incidentTag: 'Рекламация',
});

const MAP_KEYS = ['birthday', 'position', 'segment', 'industry', 'annualRevenue', 'interests'];

// CONTRACT.md "Limits".
const MAX_STRING = 1000;
const MAX_CONTACTS = 200;
const MAX_LIST = 10000;

const NOTICE_TEXT = {
  ru: {
    segment_unmapped: (f) => `Сегмент клиента не найден (поля: ${f}): план построен для сегмента B. Поле задаётся в настройках виджета (карта полей).`,
    birthday_unmapped: (f) => `Дни рождения контактов не найдены (поля: ${f}): поздравления не запланированы. Поле задаётся в настройках виджета.`,
    field_map_invalid: () => 'Карта полей в настройках виджета — не JSON-объект: взята карта по умолчанию.',
    field_map_unknown: (f) => `В карте полей неизвестные ключи: ${f}.`,
  },
  en: {
    segment_unmapped: (f) => `No client segment found (fields: ${f}): the plan assumes segment B. Set the field in the widget's settings (field map).`,
    birthday_unmapped: (f) => `No contact birthdays found (fields: ${f}): no greetings planned. Set the field in the widget's settings.`,
    field_map_invalid: () => 'The field map in the widget settings is not a JSON object: the default map is used.',
    field_map_unknown: (f) => `Unknown keys in the field map: ${f}.`,
  },
};

function notice(code, locale, arg = '') {
  const texts = NOTICE_TEXT[locale] ?? NOTICE_TEXT.ru;
  return { code, message: texts[code](arg) };
}

/**
 * The field map from the `field_map` setting (a JSON string, an object or
 * nothing) over the defaults. Returns the map and what was wrong with it.
 * @returns {{ fieldMap: typeof DEFAULT_FIELD_MAP, notices: {code: string, message: string}[] }}
 */
export function parseFieldMap(setting, locale = 'ru') {
  let given = setting;
  if (given === undefined || given === null || given === '') return { fieldMap: DEFAULT_FIELD_MAP, notices: [] };
  if (typeof given === 'string') {
    try {
      given = JSON.parse(given);
    } catch {
      given = null;
    }
  }
  if (!given || typeof given !== 'object' || Array.isArray(given)) {
    return { fieldMap: DEFAULT_FIELD_MAP, notices: [notice('field_map_invalid', locale)] };
  }
  const fieldMap = { ...DEFAULT_FIELD_MAP };
  const unknown = [];
  for (const [key, value] of Object.entries(given)) {
    if (key === 'incidentTag' && typeof value === 'string') fieldMap.incidentTag = value;
    else if (MAP_KEYS.includes(key)) fieldMap[key] = [value].flat().filter((v) => typeof v === 'string' || Number.isInteger(v));
    else unknown.push(key);
  }
  return { fieldMap, notices: unknown.length ? [notice('field_map_unknown', locale, unknown.join(', '))] : [] };
}

/** A string cut to the contract's limit, without control characters. */
function text(value) {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const s = String(value).replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  return s ? [...s].slice(0, MAX_STRING).join('') : undefined;
}

/** The `YYYY-MM-DD` of a moment in a time zone (UTC when the zone is unknown). */
function zonedDate(epochMs, timeZone) {
  let format;
  try {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  } catch {
    format = new Intl.DateTimeFormat('en-CA', { timeZone: 'UTC', year: 'numeric', month: '2-digit', day: '2-digit' });
  }
  const parts = Object.fromEntries(format.formatToParts(new Date(epochMs)).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/**
 * A date as amoCRM gives it — Unix seconds (a number or a string of digits)
 * or `YYYY-MM-DD` (a time after it is dropped) — as `YYYY-MM-DD` in the
 * account's time zone; null for anything else or outside 1900..2100.
 */
export function isoDateFromAmo(value, timeZone = 'UTC') {
  let iso = null;
  if (typeof value === 'number' || (typeof value === 'string' && /^-?\d{1,12}$/.test(value.trim()))) {
    const seconds = Number(value);
    if (Number.isFinite(seconds)) iso = zonedDate(seconds * 1000, timeZone);
  } else if (typeof value === 'string') {
    const m = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/.exec(value.trim());
    if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12 && Number(m[3]) >= 1 && Number(m[3]) <= daysIn(Number(m[1]), Number(m[2]))) {
      iso = `${m[1]}-${m[2]}-${m[3]}`;
    }
  }
  return iso && iso >= '1900-01-01' && iso <= '2100-12-31' ? iso : null;
}

function daysIn(year, month) {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Unix seconds of `HH:MM` on a date in a time zone (for `complete_till`). */
export function unixAt(isoDate, time, timeZone = 'UTC') {
  const [y, mo, d] = isoDate.split('-').map(Number);
  const [h, mi] = time.split(':').map(Number);
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  // The zone's offset at that moment, found by formatting it back; twice,
  // so that a moment next to a DST change settles.
  let utc = wall;
  for (let i = 0; i < 2; i++) utc = wall - offsetMs(utc, timeZone);
  return Math.floor(utc / 1000);
}

function offsetMs(epochMs, timeZone) {
  let format;
  try {
    format = new Intl.DateTimeFormat('en-GB', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
  } catch {
    return 0;
  }
  const p = Object.fromEntries(format.formatToParts(new Date(epochMs)).map((x) => [x.type, Number(x.value)]));
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(epochMs / 1000) * 1000;
}

/** The values of the first custom field of `entity` that one of `names` names. */
export function fieldValues(entity, names) {
  const fields = Array.isArray(entity?.custom_fields_values) ? entity.custom_fields_values : [];
  for (const name of [names].flat()) {
    const wanted = typeof name === 'string' ? name.toLowerCase() : name;
    const field = fields.find((f) => f && (f.field_id === wanted || String(f.field_code ?? '').toLowerCase() === wanted
      || String(f.field_name ?? '').toLowerCase() === wanted));
    if (field) return (Array.isArray(field.values) ? field.values : []).map((v) => v?.value).filter((v) => v !== undefined && v !== null && v !== '');
  }
  return [];
}

// Position text → CONTRACT.md role; the first pattern that matches wins, so
// «заместитель директора по закупкам» is a buyer, not a decision maker.
const ROLE_PATTERNS = [
  ['buyer', /закуп|снабж|тендер|buyer|purchas|procure/i],
  ['technical', /инженер|технолог|техническ|главный механик|\bit\b|ит-|айти|cto|cio|engineer|technical|developer|разработ|архитект/i],
  ['influencer', /заместитель|зам\.|финанс|бухгалт|юрист|коммерческ|маркетолог|deputy|cfo|finance|account|legal|marketing|advisor|консульт/i],
  ['decision_maker', /директор|руководител|владел|собственник|учредител|президент|глава|начальник|ceo|owner|founder|president|director|head of|chief|managing/i],
  ['user', /менеджер|специалист|оператор|сотрудник|кладовщ|логист|manager|specialist|operator|staff|user/i],
];

/** A contact's role (CONTRACT.md) from the text of its position; `other` when nothing matches. */
export function roleFromPosition(position) {
  const s = text(position);
  if (!s) return undefined;
  return ROLE_PATTERNS.find(([, re]) => re.test(s))?.[0] ?? 'other';
}

const SEGMENTS = ['A+', 'A', 'B', 'C', 'D'];
// Cyrillic letters that look like the Latin segment letters.
const LOOKALIKE = { 'А': 'A', 'В': 'B', 'С': 'C', 'а': 'A', 'в': 'B', 'с': 'C' };

/** `A+`…`D` from a segment field's text («A», «Сегмент B», a Cyrillic «А»). */
export function segmentFrom(value) {
  const words = text(value)?.split(/[^\p{L}+]+/u) ?? [];
  for (const word of words) {
    // Only a word of one or two characters can be a segment letter typed in Cyrillic.
    const latin = (word.length <= 2 ? word.replace(/[АВСавс]/g, (c) => LOOKALIKE[c]) : word).toUpperCase();
    if (SEGMENTS.includes(latin)) return latin;
  }
  return undefined;
}

function amount(value) {
  const n = typeof value === 'string' ? Number(value.replace(/\s/g, '').replace(',', '.')) : value;
  return typeof n === 'number' && Number.isFinite(n) && n >= 0 ? n : undefined;
}

const NOTE_CHANNEL = { call_in: 'phone', call_out: 'phone', sms_out: 'sms', amomail_message: 'email' };
const EVENT_CHANNEL = { incoming_call: 'phone', outgoing_call: 'phone', incoming_chat_message: 'messenger', outgoing_chat_message: 'messenger' };
// amoCRM's call_status 4 is «разговор состоялся»; a missed or busy call is no touch.
const CALL_ANSWERED = 4;

/** The line every task we create ends with: brings it back as `history` with its reason. */
const MARKER = /^touchplan: key=(\S+) reason=([a-z0-9_]+) channel=([a-z]+)$/m;

function markerOf(task) {
  const m = MARKER.exec(typeof task?.text === 'string' ? task.text : '');
  return m ? { key: decodeURIComponent(m[1]), reason: m[2], channel: m[3] } : null;
}

/** The keys (`touchplan-task` detail.key) of the tasks we already created, done or not. */
export function taskKeys(tasks) {
  return new Set((Array.isArray(tasks) ? tasks : []).map(markerOf).filter(Boolean).map((m) => m.key));
}

/**
 * Past touches (R13) from amoCRM: call, SMS and e-mail notes, call and chat
 * events, completed meeting tasks, and the completed tasks we created
 * (with their reason). One per date and channel, oldest first.
 */
export function historyFrom({ notes = [], events = [], tasks = [] }, timeZone = 'UTC') {
  const seen = new Map();
  const add = (at, channel, reason) => {
    const date = isoDateFromAmo(at, timeZone);
    if (!date || !channel) return;
    const k = `${date}|${channel}`;
    if (!seen.has(k) || (reason && !seen.get(k).reason)) seen.set(k, reason ? { date, channel, reason } : { date, channel });
  };
  for (const note of list(notes)) {
    const channel = NOTE_CHANNEL[note?.note_type];
    const status = note?.params?.call_status;
    if (channel === 'phone' && status !== undefined && status !== null && Number(status) !== CALL_ANSWERED) continue;
    add(note?.created_at, channel);
  }
  for (const event of list(events)) add(event?.created_at, EVENT_CHANNEL[event?.type]);
  for (const task of list(tasks)) {
    if (task?.is_completed !== true) continue;
    const marker = markerOf(task);
    const at = task.updated_at ?? task.complete_till;
    if (marker) add(at, marker.channel, marker.reason);
    else if (task.task_type_id === TASK_TYPE.meeting) add(at, 'visit');
  }
  return [...seen.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)).slice(-MAX_LIST);
}

function list(value) {
  return Array.isArray(value) ? value : [];
}

// amoCRM's standard multitext fields of a contact.
function channelsOf(contact) {
  const channels = [];
  if (fieldValues(contact, ['PHONE']).length) channels.push('phone');
  if (fieldValues(contact, ['EMAIL']).length) channels.push('email');
  if (fieldValues(contact, ['IM']).length) channels.push('messenger');
  return channels;
}

function contactFrom(raw, fieldMap, timeZone) {
  const name = text(raw?.name) ?? text([raw?.first_name, raw?.last_name].filter(Boolean).join(' ')) ?? (raw?.id !== undefined ? `#${raw.id}` : undefined);
  if (!name) return null;
  const contact = { name };
  const role = roleFromPosition(fieldValues(raw, fieldMap.position)[0]);
  if (role) contact.role = role;
  const birthday = isoDateFromAmo(fieldValues(raw, fieldMap.birthday)[0], timeZone);
  if (birthday) contact.birthday = birthday;
  const channels = channelsOf(raw);
  if (channels.length) contact.channels = channels;
  const interests = fieldValues(raw, fieldMap.interests).flatMap((v) => String(v).split(',')).map(text).filter(Boolean);
  if (interests.length) contact.interests = interests.slice(0, 50);
  return contact;
}

function hasTag(lead, tag) {
  const tags = list(lead?._embedded?.tags);
  return !!tag && tags.some((t) => typeof t?.name === 'string' && t.name.toLowerCase() === tag.toLowerCase());
}

/**
 * A `Client` from the data of one amoCRM card.
 *
 * `card`: `{ entity: 'leads'|'contacts'|'companies', id, company?, contacts?,
 * leads?, notes?, events?, tasks? }` — the company (when the client is
 * one), its contacts (`GET /api/v4/contacts/{id}` objects), its leads
 * (`GET /api/v4/leads` objects: won ones become orders, an open one the
 * `openDeal`, tagged ones incidents), and notes, events and tasks for the
 * history. Without a company the client is the card's main contact, a
 * private person.
 *
 * Returns the client and notices for the manager: what the field map did
 * not find (segment, birthdays), in the widget's locale.
 */
export function clientFromAmo(card, { fieldMap = DEFAULT_FIELD_MAP, timeZone = 'UTC', locale = 'ru' } = {}) {
  const notices = [];
  const company = card?.company && typeof card.company === 'object' ? card.company : null;
  const rawContacts = list(card?.contacts).filter((c) => c && typeof c === 'object');
  const holder = company ?? rawContacts[0] ?? null;
  const client = {
    id: company ? `amocrm-company-${company.id}` : holder ? `amocrm-contact-${holder.id}` : `amocrm-${card?.entity}-${card?.id}`,
  };
  const name = text(holder?.name);
  if (name) client.name = name;
  if (!company) client.kind = 'person';

  const leads = list(card?.leads).filter((l) => l && typeof l === 'object');
  const orders = leads
    .filter((l) => Number(l.status_id) === WON_STATUS && !hasTag(l, fieldMap.incidentTag))
    .map((l) => ({ date: isoDateFromAmo(l.closed_at, timeZone), amount: amount(l.price) }))
    .filter((o) => o.date)
    .map((o) => (o.amount === undefined ? { date: o.date } : o))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
    .slice(-MAX_LIST);
  if (orders.length) client.orders = orders;

  const open = leads.filter((l) => ![WON_STATUS, LOST_STATUS].includes(Number(l.status_id)) && !hasTag(l, fieldMap.incidentTag));
  const current = open.find((l) => card?.entity === 'leads' && String(l.id) === String(card.id))
    ?? open.slice().sort((a, b) => (b.created_at ?? 0) - (a.created_at ?? 0))[0];
  const since = current && isoDateFromAmo(current.created_at, timeZone);
  if (since) client.openDeal = { since };

  const incidents = leads.filter((l) => hasTag(l, fieldMap.incidentTag))
    .map((l) => ({ date: isoDateFromAmo(l.created_at, timeZone), summary: text(l.name) ?? fieldMap.incidentTag }))
    .filter((i) => i.date);
  if (incidents.length) client.incidents = incidents.slice(-2000);

  const contacts = rawContacts.slice(0, MAX_CONTACTS).map((c) => contactFrom(c, fieldMap, timeZone)).filter(Boolean);
  if (contacts.length) client.contacts = contacts;
  const channels = [...new Set(contacts.flatMap((c) => c.channels ?? []))];
  if (channels.length) client.channels = ['phone', 'email', 'messenger'].filter((c) => channels.includes(c));

  const segmentSource = company ?? holder;
  const segment = segmentFrom(fieldValues(segmentSource, fieldMap.segment)[0]);
  if (segment) client.segment = segment;
  else notices.push(notice('segment_unmapped', locale, [fieldMap.segment].flat().join(', ') || '—'));
  if (rawContacts.length && !contacts.some((c) => c.birthday)) {
    notices.push(notice('birthday_unmapped', locale, [fieldMap.birthday].flat().join(', ') || '—'));
  }
  const industry = text(fieldValues(segmentSource, fieldMap.industry)[0]);
  if (industry) client.industry = industry;
  const revenue = amount(fieldValues(segmentSource, fieldMap.annualRevenue)[0]);
  if (revenue !== undefined) client.annualRevenue = revenue;

  const history = historyFrom(card ?? {}, timeZone);
  if (history.length) client.history = history;
  return { client, notices };
}

/**
 * The body element of `POST /api/v4/tasks` for a planned touch: a meeting
 * for a visit or an event, else a call (amoCRM's «Связаться»); the text
 * holds the reason and the why, and a last line that brings the task back
 * as `history` once it is done; the deadline is the touch's day, 23:59 in
 * the account's time zone.
 */
export function taskFromTouch(touch, { key, entityType, entityId, timeZone = 'UTC' }) {
  const reason = touch.reasons?.[0];
  const who = touch.contact ? ` (${touch.contact})` : '';
  const lines = [
    `${text(reason?.title) ?? touch.kind}${who}`,
    text(touch.why),
    `touchplan: key=${encodeURIComponent(key)} reason=${/^[a-z0-9_]+$/.test(reason?.code ?? '') ? reason.code : 'none'} channel=${/^[a-z]+$/.test(touch.channel) ? touch.channel : 'phone'}`,
  ].filter(Boolean);
  return {
    task_type_id: touch.channel === 'visit' || touch.channel === 'event' || touch.kind === 'meeting' ? TASK_TYPE.meeting : TASK_TYPE.call,
    text: lines.join('\n'),
    complete_till: unixAt(touch.date, '23:59', timeZone),
    entity_id: Number(entityId),
    entity_type: entityType,
    request_id: key,
  };
}
