// amoCRM's REST API v4 played from fixtures (fixtures/account.json), for
// the harness server and the node tests: the documented paths, `with`,
// `filter[...]` and `limit` parameters, hal+json answers, 204 No Content
// for an empty list, 401 (problem+json) for a request without the
// session, and POST /api/v4/tasks that stores what it is given.
import { readFileSync } from 'node:fs';

/** A fresh copy of the fixture account (tests may change it). */
export function loadAccount(file = new URL('./fixtures/account.json', import.meta.url)) {
  return JSON.parse(readFileSync(file, 'utf8'));
}

const ENTITY_OF_EVENT = { lead: 'leads', contact: 'contacts', company: 'companies' };

function problem(status, title, detail) {
  return { status, type: 'application/problem+json', body: { title, type: 'https://httpstatus.es/' + status, status, detail } };
}

function hal(body) {
  return { status: 200, type: 'application/hal+json', body };
}

function list(name, items, path) {
  if (!items.length) return { status: 204 };
  return hal({ _page: 1, _links: { self: { href: path } }, _embedded: { [name]: items } });
}

/** `with` leaves out what was not asked for, as amoCRM does. */
function shaped(entity, withs, own) {
  const copy = structuredClone(entity);
  const embedded = copy._embedded ?? {};
  for (const name of own) if (!withs.includes(name)) delete embedded[name];
  copy._embedded = embedded;
  return copy;
}

const all = (params, name) => params.getAll(name).map(Number);

/**
 * The answer to one request: `{ status, type?, body? }`.
 * `session`: whether the request carried the manager's session.
 */
export function answer(account, { method, url, body, session = true }) {
  const { pathname, searchParams: q } = new URL(url, 'http://amocrm.local');
  const path = pathname.replace(/^\/api\/v4/, '');
  if (!session) return problem(401, 'Unauthorized', 'The session has ended');
  const withs = (q.get('with') ?? '').split(',').filter(Boolean);
  let m;
  if (method === 'POST' && path === '/tasks') {
    if (!Array.isArray(body) || body.length === 0) return problem(400, 'Bad Request', 'A list of tasks is expected');
    const created = body.map((task, i) => {
      const id = 9001 + account.tasks.length + i;
      account.tasks.push({ id, is_completed: false, created_at: 0, updated_at: 0, result: [], ...task });
      return { id, request_id: task.request_id ?? String(i), _links: { self: { href: `/api/v4/tasks/${id}` } } };
    });
    return hal({ _links: { self: { href: '/api/v4/tasks' } }, _embedded: { tasks: created } });
  }
  if (method !== 'GET') return problem(405, 'Method Not Allowed', `${method} ${path}`);
  if ((m = /^\/(leads|contacts|companies)\/(\d+)$/.exec(path))) {
    const entity = account[m[1]].find((e) => e.id === Number(m[2]));
    if (!entity) return problem(404, 'Not Found', `${m[1]} ${m[2]}`);
    const own = { leads: ['contacts'], contacts: ['leads'], companies: ['leads', 'contacts'] }[m[1]];
    return hal(shaped(entity, withs, own));
  }
  if (path === '/leads') {
    const ids = all(q, 'filter[id][]');
    return list('leads', account.leads.filter((l) => ids.includes(l.id)).map((l) => shaped(l, withs, ['contacts'])), pathname);
  }
  if ((m = /^\/(leads|contacts|companies)\/notes$/.exec(path))) {
    const ids = all(q, 'filter[entity_id][]');
    const types = q.getAll('filter[note_type][]');
    return list('notes', account.notes[m[1]].filter((n) => ids.includes(n.entity_id) && (!types.length || types.includes(n.note_type))), pathname);
  }
  if (path === '/events') {
    const ids = all(q, 'filter[entity_id][]');
    const types = q.getAll('filter[type][]');
    const entities = q.getAll('filter[entity][]').map((e) => ENTITY_OF_EVENT[e]);
    return list('events', account.events.filter((e) => ids.includes(e.entity_id) && types.includes(e.type)
      && entities.includes(ENTITY_OF_EVENT[e.entity_type])), pathname);
  }
  if (path === '/tasks') {
    const ids = all(q, 'filter[entity_id][]');
    const type = q.get('filter[entity_type]');
    return list('tasks', account.tasks.filter((t) => t.entity_type === type && ids.includes(t.entity_id)), pathname);
  }
  return problem(404, 'Not Found', path);
}

/** A `fetch` for createAmoApi that asks `answer` directly (node tests); records every request. */
export function standinFetch(account, requests = [], { session = () => true } = {}) {
  return async (url, init = {}) => {
    const body = init.body === undefined ? undefined : JSON.parse(init.body);
    requests.push({ method: init.method ?? 'GET', url, body });
    const a = answer(account, { method: init.method ?? 'GET', url, body, session: session() });
    return new Response(a.status === 204 ? null : JSON.stringify(a.body), { status: a.status, headers: a.type ? { 'Content-Type': a.type } : {} });
  };
}
