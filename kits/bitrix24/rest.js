// What one CRM card tab reads from Bitrix24's REST API. `call(method,
// params)` is any function that returns the method's JSON envelope
// (`{ result, next?, total? }`): in the app it is the official SDK's
// `b24.actions.v2.call.make`, in tests a fake. List methods return 50
// records a page; the next page is the same request with `start` set to
// the `next` of the answer, until an answer has no `next`.
import { OWNER_TYPE, PLACEMENTS } from './adapter.js';

/** At most this many records a list (the engine takes 10,000 history entries). */
const MAX_RECORDS = 10_000;

const DEAL_FIELDS = ['ID', 'TITLE', 'STAGE_ID', 'STAGE_SEMANTIC_ID', 'OPPORTUNITY', 'CURRENCY_ID',
  'CLOSEDATE', 'BEGINDATE', 'DATE_CREATE', 'CLOSED', 'COMPANY_ID', 'CONTACT_ID'];
const ACTIVITY_FIELDS = ['ID', 'TYPE_ID', 'PROVIDER_ID', 'COMPLETED', 'START_TIME', 'END_TIME',
  'DEADLINE', 'CREATED', 'DESCRIPTION', 'OWNER_TYPE_ID', 'OWNER_ID'];
const CONTACT_FIELDS = ['*', 'UF_*', 'PHONE', 'EMAIL', 'IM'];

/** Every record of a list method, page by page (`start` = the previous `next`). */
export async function listAll(call, method, params = {}) {
  const records = [];
  let start;
  for (;;) {
    const page = await call(method, start === undefined ? params : { ...params, start });
    if (Array.isArray(page?.result)) records.push(...page.result);
    if (page?.next === undefined || page?.next === null || records.length >= MAX_RECORDS) break;
    start = page.next;
  }
  return records.slice(0, MAX_RECORDS);
}

/** One record by id (`crm.<entity>.get`). */
export async function getRecord(call, entity, id) {
  return (await call(`crm.${entity}.get`, { id })).result;
}

/** The id a placement's PLACEMENT_OPTIONS names (`{"ID":"201"}`, object or JSON text). */
export function placementId(options) {
  let value = options;
  if (typeof value === 'string') {
    try { value = JSON.parse(value); } catch { return null; }
  }
  const id = value && typeof value === 'object' ? String(value.ID ?? '') : '';
  return /^[1-9]\d{0,18}$/.test(id) ? id : null;
}

/**
 * Everything one card tab plans from: the client's record (a deal's
 * company, else its contact), its contacts, deals and activities, and the
 * owner that to-dos are set on (the card's own entity).
 */
export async function loadCard(call, placement, id) {
  const entity = PLACEMENTS[placement];
  if (!entity) throw new Error(`unsupported placement ${placement}`);
  const record = await getRecord(call, entity, id);
  const owner = { typeId: OWNER_TYPE[entity], id: Number(id) };
  if (entity === 'lead') {
    return { kind: 'lead', owner, record, contacts: [], deals: [], activities: await activitiesOf(call, 'lead', id) };
  }
  if (entity === 'deal') {
    const companyId = positive(record.COMPANY_ID);
    const contactId = positive(record.CONTACT_ID);
    const dealActivities = await activitiesOf(call, 'deal', id);
    if (companyId) {
      const card = await companyCard(call, companyId);
      return { ...card, owner, activities: mergeById(card.activities, dealActivities) };
    }
    if (contactId) {
      const card = await contactCard(call, contactId);
      return { ...card, owner, activities: mergeById(card.activities, dealActivities) };
    }
    return { kind: 'deal', owner, record, contacts: [], deals: [record], activities: dealActivities };
  }
  if (entity === 'company') return { ...(await companyCard(call, id)), owner };
  return { ...(await contactCard(call, id, record)), owner };
}

async function companyCard(call, id) {
  const [record, contacts, deals, activities, industries] = await Promise.all([
    getRecord(call, 'company', id),
    listAll(call, 'crm.contact.list', { filter: { COMPANY_ID: id }, select: CONTACT_FIELDS, order: { ID: 'ASC' } }),
    listAll(call, 'crm.deal.list', { filter: { COMPANY_ID: id }, select: DEAL_FIELDS, order: { ID: 'ASC' } }),
    activitiesOf(call, 'company', id),
    // INDUSTRY holds a code of the portal's industry list; the names are in crm.status.list.
    listAll(call, 'crm.status.list', { filter: { ENTITY_ID: 'INDUSTRY' } }),
  ]);
  const industryNames = Object.fromEntries(industries.filter((s) => typeof s?.STATUS_ID === 'string').map((s) => [s.STATUS_ID, s.NAME]));
  return { kind: 'company', record, company: record, contacts, deals, activities, industryNames };
}

async function contactCard(call, id, known) {
  const [record, deals, activities] = await Promise.all([
    known ?? getRecord(call, 'contact', id),
    listAll(call, 'crm.deal.list', { filter: { CONTACT_ID: id }, select: DEAL_FIELDS, order: { ID: 'ASC' } }),
    activitiesOf(call, 'contact', id),
  ]);
  return { kind: 'contact', record, contacts: [record], deals, activities };
}

function activitiesOf(call, entity, id) {
  return listAll(call, 'crm.activity.list', {
    filter: { OWNER_TYPE_ID: OWNER_TYPE[entity], OWNER_ID: id },
    select: ACTIVITY_FIELDS,
    order: { ID: 'ASC' },
  });
}

function mergeById(a, b) {
  const seen = new Set(a.map((x) => String(x.ID)));
  return [...a, ...b.filter((x) => !seen.has(String(x.ID)))];
}

function positive(v) {
  const s = String(v ?? '');
  return /^[1-9]\d*$/.test(s) ? s : null;
}
