// The portal's REST methods the app uses, answered from fixtures as
// Bitrix24 documents them: `{ result, next?, total }` envelopes, 50 records
// a page with `start`/`next`, `{ error, error_description }` on failure.
// Used by the harness server (over HTTP) and by the adapter tests (directly).

export const PAGE_SIZE = 50;

const TABLES = { company: 'companies', contact: 'contacts', deal: 'deals', lead: 'leads', activity: 'activities', status: 'statuses' };
const TODO_PARAMS = new Set(['ownerTypeId', 'ownerId', 'description', 'deadline', 'responsibleId']);

/** A REST stand-in over `data` (fixtures.mjs's portalData()); it keeps what is added. */
export function createPortalRest(data) {
  const bindings = [];
  let nextActivityId = 5000;

  function answer(method, params = {}) {
    let m;
    if ((m = /^crm\.(company|contact|deal|lead)\.get$/.exec(method))) {
      const record = data[TABLES[m[1]]].find((r) => r.ID === String(params.id ?? params.ID ?? ''));
      return record ? ok({ result: structuredClone(record) }) : fail(400, '', 'Not found');
    }
    if ((m = /^crm\.(company|contact|deal|lead|activity|status)\.list$/.exec(method))) {
      const rows = data[TABLES[m[1]]].filter((r) => matches(r, params.filter ?? {}));
      const start = Math.max(0, Number(params.start ?? 0) | 0);
      const page = rows.slice(start, start + PAGE_SIZE).map((r) => select(r, params.select));
      const body = { result: page, total: rows.length };
      if (start + PAGE_SIZE < rows.length) body.next = start + PAGE_SIZE;
      return ok(body);
    }
    if (method === 'crm.activity.todo.add') {
      const unknown = Object.keys(params).filter((k) => !TODO_PARAMS.has(k));
      if (unknown.length) return fail(400, 'INVALID_ARG_VALUE', `Unknown parameters: ${unknown.join(', ')}`);
      const typeId = Number(params.ownerTypeId);
      const table = { 1: 'leads', 2: 'deals', 3: 'contacts', 4: 'companies' }[typeId];
      if (!table || !data[table].some((r) => r.ID === String(params.ownerId))) return fail(400, 'NOT_FOUND', 'Owner not found');
      if (typeof params.deadline !== 'string' || Number.isNaN(Date.parse(params.deadline))) return fail(400, 'INVALID_ARG_VALUE', 'deadline');
      const id = nextActivityId++;
      data.activities.push({ ID: String(id), OWNER_TYPE_ID: String(typeId), OWNER_ID: String(params.ownerId), TYPE_ID: '6',
        PROVIDER_ID: 'CRM_TODO', COMPLETED: 'N', DEADLINE: params.deadline, DESCRIPTION: String(params.description ?? '') });
      return ok({ result: { id } });
    }
    if (method === 'placement.bind') {
      bindings.push({ PLACEMENT: params.PLACEMENT, HANDLER: params.HANDLER, LANG_ALL: params.LANG_ALL });
      return ok({ result: true });
    }
    return fail(404, 'ERROR_METHOD_NOT_FOUND', 'Method not found!');
  }

  return { answer, bindings, data };
}

function matches(record, filter) {
  return Object.entries(filter).every(([key, want]) => {
    if (key.startsWith('>')) return Number(record[key.slice(1)]) > Number(want);
    const have = record[key];
    return Array.isArray(want) ? want.map(String).includes(String(have)) : String(have) === String(want);
  });
}

function select(record, fields) {
  if (!Array.isArray(fields) || fields.includes('*')) return structuredClone(record);
  return Object.fromEntries(fields.filter((f) => Object.hasOwn(record, f)).map((f) => [f, structuredClone(record[f])]));
}

const ok = (body) => ({ status: 200, body: { ...body, time: { start: 0, finish: 0, duration: 0.01 } } });
const fail = (status, error, description) => ({ status, body: { error, error_description: description } });
