// Reading a card's data from amoCRM's REST API v4 on the CRM's own origin
// (the manager's session, no token in the widget) and creating tasks.
// 204 No Content is amoCRM's answer for an empty list; 401 a session that
// has ended. The shapes read here are the documented ones that
// adapter.js maps.

/** An answer of amoCRM's API that is not a success; `status` is the HTTP status. */
export class AmoApiError extends Error {
  constructor(status, detail) {
    super(`amoCRM API ${status}${detail ? `: ${detail}` : ''}`);
    this.name = 'AmoApiError';
    this.status = status;
  }
}

/** `get(path)` and `post(path, body)` against `base` (default `/api/v4`). */
export function createAmoApi({ base = '/api/v4', fetch = globalThis.fetch.bind(globalThis), signal } = {}) {
  async function request(method, path, body) {
    const response = await fetch(`${base}${path}`, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? { Accept: 'application/hal+json' } : { Accept: 'application/hal+json', 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    });
    if (response.status === 204) return null;
    if (!response.ok) {
      const problem = await response.json().catch(() => null);
      throw new AmoApiError(response.status, typeof problem?.detail === 'string' ? problem.detail : '');
    }
    return response.json();
  }
  return { get: (path) => request('GET', path), post: (path, body) => request('POST', path, body) };
}

// How many ids one list request filters by, and the page size amoCRM allows.
const CHUNK = 50;
const LIMIT = 250;

const embedded = (answer, name) => (Array.isArray(answer?._embedded?.[name]) ? answer._embedded[name] : []);
const idsOf = (items) => items.map((x) => x?.id).filter((id) => Number.isInteger(id));
const unique = (ids) => [...new Set(ids)];

function query(params) {
  const parts = [];
  for (const [name, value] of params) {
    for (const v of [value].flat()) parts.push(`${name}=${encodeURIComponent(v)}`);
  }
  return parts.join('&');
}

function chunks(ids) {
  const out = [];
  for (let i = 0; i < ids.length; i += CHUNK) out.push(ids.slice(i, i + CHUNK));
  return out;
}

async function listAll(api, path, params, name, ids, idParam) {
  if (!ids.length) return [];
  const answers = await Promise.all(chunks(ids).map((part) => api.get(`${path}?${query([...params, [idParam, part], ['limit', LIMIT]])}`)));
  return answers.flatMap((a) => embedded(a, name));
}

const NOTE_TYPES = ['call_in', 'call_out', 'sms_out', 'amomail_message'];
const EVENT_TYPES = ['incoming_call', 'outgoing_call', 'incoming_chat_message', 'outgoing_chat_message'];

/**
 * Everything adapter.clientFromAmo needs for the card of a lead, a contact
 * or a company (`entity`: `leads`, `contacts`, `companies`): the company
 * behind it with its leads and contacts, each contact in full, and the
 * notes, events and tasks of all of them.
 */
export async function loadCard(api, { entity, id }) {
  let companyId = null;
  let contactIds = [];
  let leadIds = [];
  if (entity === 'leads') {
    const lead = await api.get(`/leads/${id}?with=contacts`);
    if (!lead) throw new AmoApiError(404, 'lead');
    companyId = idsOf(embedded(lead, 'companies'))[0] ?? null;
    // The main contact first: without a company it is the client.
    contactIds = idsOf(embedded(lead, 'contacts').slice().sort((a, b) => Number(!!b?.is_main) - Number(!!a?.is_main)));
    leadIds = [Number(id)];
  } else if (entity === 'contacts') {
    const contact = await api.get(`/contacts/${id}?with=leads`);
    if (!contact) throw new AmoApiError(404, 'contact');
    companyId = idsOf(embedded(contact, 'companies'))[0] ?? null;
    contactIds = [Number(id)];
    leadIds = idsOf(embedded(contact, 'leads'));
  } else if (entity === 'companies') {
    companyId = Number(id);
  } else {
    throw new AmoApiError(400, `entity ${entity}`);
  }
  let company = null;
  if (companyId !== null) {
    company = await api.get(`/companies/${companyId}?with=leads,contacts`);
    contactIds = unique([...contactIds, ...idsOf(embedded(company, 'contacts'))]);
    leadIds = unique([...leadIds, ...idsOf(embedded(company, 'leads'))]);
  }
  const [leads, contacts] = await Promise.all([
    listAll(api, '/leads', [], 'leads', leadIds, 'filter[id][]'),
    Promise.all(contactIds.slice(0, 200).map((cid) => api.get(`/contacts/${cid}`))),
  ]);
  const byEntity = [['leads', leadIds], ['contacts', contactIds], ['companies', companyId === null ? [] : [companyId]]];
  const [notes, events, tasks] = await Promise.all([
    Promise.all(byEntity.map(([type, ids]) => listAll(api, `/${type}/notes`, [['filter[note_type][]', NOTE_TYPES]], 'notes', ids, 'filter[entity_id][]'))),
    Promise.all([['lead', leadIds], ['contact', contactIds]].map(([type, ids]) => listAll(api, '/events', [['filter[type][]', EVENT_TYPES], ['filter[entity][]', type]], 'events', ids, 'filter[entity_id][]'))),
    Promise.all(byEntity.map(([type, ids]) => listAll(api, '/tasks', [['filter[entity_type]', type]], 'tasks', ids, 'filter[entity_id][]'))),
  ]);
  return {
    entity, id, company,
    contacts: contacts.filter(Boolean),
    leads,
    notes: notes.flat(),
    events: events.flat(),
    tasks: tasks.flat(),
  };
}

/** Creates one task (`POST /api/v4/tasks` takes a list); returns amoCRM's id of it. */
export async function createTask(api, task) {
  const answer = await api.post('/tasks', [task]);
  return embedded(answer, 'tasks')[0]?.id ?? null;
}
