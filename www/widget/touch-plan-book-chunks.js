// A manager's book planned in steps, for progress: `planBook` levels each
// manager's days on their own (DOMAIN.md R16; src/engine/book.rs), so a
// book planned one manager at a time and merged is the book planned whole.
// The step is a manager's clients: levelling needs all of them at once, and
// `planBook` reports nothing while it runs, so a book of one manager is one
// step. Pure: no DOM, no worker; the worker and the tests import it.

/** UTF-8 byte order (Rust's `String` order, the engine's `BTreeMap`). */
function byCodePoint(a, b) {
  const x = Array.from(a, (c) => c.codePointAt(0));
  const y = Array.from(b, (c) => c.codePointAt(0));
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] - y[i];
  return x.length - y.length;
}

/**
 * The book's clients in steps, one per manager in the engine's order
 * (no manager first), each `{ manager, indices }`; `null` when the list is
 * not one the steps can split (not an array of plain objects), to be
 * planned whole, so that the engine words its refusal.
 * @param {unknown} clients
 * @returns {{ manager: string | null, indices: number[] }[] | null}
 */
export function bookSteps(clients) {
  if (!Array.isArray(clients)) return null;
  const groups = new Map();
  for (let i = 0; i < clients.length; i++) {
    const c = clients[i];
    if (c === null || typeof c !== 'object' || Array.isArray(c)) return null;
    const m = typeof c.manager === 'string' ? c.manager : null;
    if (!groups.has(m)) groups.set(m, []);
    groups.get(m).push(i);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a === null ? -1 : b === null ? 1 : byCodePoint(a, b)))
    .map(([manager, indices]) => ({ manager, indices }));
}

/** The part of `input` that plans one step's clients. */
export function stepInput(input, step) {
  return { ...input, clients: step.indices.map((i) => input.clients[i]) };
}

/**
 * Merges the books of the steps (`parts[k]` planned `steps[k]`) into the
 * book `planBook` gives for the whole: clients back in input order,
 * `clients[i]` paths and client indices renumbered, `whys` numbered by
 * first use in input order, reasons by code.
 * @param {number} count the whole book's clients
 */
export function mergeBooks(count, steps, parts) {
  const clients = new Array(count);
  const managers = new Map();
  const reasons = {};
  const codes = new Set();
  parts.forEach((part, k) => {
    const at = steps[k].indices;
    part.clients.forEach((c, j) => {
      const touches = c.touches?.map((t) => ({ ...t, why: part.whys[t.why] }));
      const errors = c.errors?.map((e) => ({ ...e, path: e.path.replace(/^clients\[\d+\]/, `clients[${at[j]}]`) }));
      clients[at[j]] = { ...c, ...(touches && { touches }), ...(errors && { errors }) };
    });
    for (const code of Object.keys(part.reasons)) codes.add(code);
    for (const m of part.managers) {
      // Every step lists the managers of `input.managers` without clients
      // of its own, with no load: the step of a manager's clients has
      // their levelling, and one listed without clients shows once.
      if (m.manager !== steps[k].manager && managers.has(m.manager)) continue;
      managers.set(m.manager, {
        ...m,
        overloads: m.overloads.map((o) => ({ ...o, clients: o.clients.map((c) => at[c]) })),
        moves: m.moves.map((mv) => ({ ...mv, client: at[mv.client] })),
      });
    }
  });
  for (const code of [...codes].sort(byCodePoint)) {
    reasons[code] = parts.find((p) => p.reasons[code]).reasons[code];
  }
  const whys = [];
  const index = new Map();
  for (const c of clients) {
    for (const t of c.touches ?? []) {
      let n = index.get(t.why);
      if (n === undefined) {
        n = whys.push(t.why) - 1;
        index.set(t.why, n);
      }
      t.why = n;
    }
  }
  const [first] = parts;
  const order = [...managers.keys()].sort((a, b) => (a === null ? -1 : b === null ? 1 : byCodePoint(a, b)));
  return {
    horizon: first.horizon, locale: first.locale, capacity: first.capacity, reasons, whys, clients,
    managers: order.map((m) => managers.get(m)),
  };
}
