// touchplan's JS API with trap recovery: the names of pkg/touchplan.js
// (CONTRACT.md "JS API"), for the <touch-plan> widget and integrators.
//
// Why a wrapper: the release build aborts on panic, so a bug in the engine
// traps the wasm instance (`WebAssembly.RuntimeError: unreachable`) and
// leaves it poisoned. This module notices a trapped instance, throws a
// TouchPlanError (code "internal") for the call that trapped, and
// re-instantiates the wasm from the already compiled module on the next
// call, synchronously, with no network request. The glue is built with
// wasm-bindgen's `--experimental-reset-state-function`, whose
// `__wbg_reset_state()` makes a fresh instance and resets the glue's state.
//
// Loading makes no request but this file, pkg/touchplan.js,
// pkg/touchplan_export.js, pkg/touchplan_book.js and the three wasm parts,
// pkg/touchplan_bg.wasm (planning), pkg/touchplan_export_bg.wasm (toIcs,
// toCsv) and pkg/touchplan_book_bg.wasm (planBook) — a page may leave the
// last two for later: `init({ exports: false, book: false })`, then
// `__loadExports()` or `__loadBook()`, and the book's worker loads the book
// part alone with `__loadBook()` — and needs no more than
// `Content-Security-Policy: default-src 'self'; script-src 'self' 'wasm-unsafe-eval'`.
//
//   import init, { plan } from './api.js';
//   await init();
//   const p = plan({ today: '2026-11-24', client: { id: 'c1' } });

import initGlue, * as glue from './pkg/touchplan.js';

let ready;
let loaded = false;
let bookLoaded = false;
let trapped = false;

/**
 * Loads and instantiates the wasm once; later calls return the same promise.
 * `options` is wasm-bindgen's: `{ module_or_path }` (a URL, a Response, the
 * bytes or a compiled `WebAssembly.Module`). By default the .wasm beside
 * pkg/touchplan.js, read from disk under Node. All three parts: planning,
 * the exports and the book.
 * @param {{ module_or_path?: any }} [options]
 * @returns {Promise<void>}
 */
export default function init(options) {
  ready ??= (async () => {
    let source = options?.module_or_path;
    if (source === undefined) {
      const url = new URL('./pkg/touchplan_bg.wasm', import.meta.url);
      // Node's fetch() cannot read file: URLs.
      source = url.protocol === 'file:' ? await readFile(url) : url;
    }
    await initGlue({ module_or_path: source, exports: false, book: false });
    loaded = true;
  })().catch((e) => {
    ready = undefined;
    throw e;
  });
  // `exports: false`, `book: false`: without that part for now (internal:
  // the widget plans alone, then loads the exports).
  const exports = options?.exports !== false;
  const book = options?.book !== false;
  if (!exports && !book) return ready;
  const key = `${exports} ${book}`;
  if (!withParts.has(key)) {
    const all = Promise.all([ready, exports && __loadExports(), book && __loadBook()]).then(() => {}, (e) => {
      withParts.delete(key);
      throw e;
    });
    withParts.set(key, all);
  }
  return withParts.get(key);
}

// init()'s promises with the other parts, by which of them.
const withParts = new Map();
let exportsReady;
let bookReady;

/**
 * Loads the wasm part with `toIcs` and `toCsv` (once); `init()` does it.
 * Internal: the widget calls it after its first plan.
 * @returns {Promise<void>}
 */
export function __loadExports() {
  exportsReady ??= (async () => {
    const url = new URL('./pkg/touchplan_export_bg.wasm', import.meta.url);
    await glue.__loadExports(url.protocol === 'file:' ? await readFile(url) : url);
  })().catch((e) => {
    exportsReady = undefined;
    throw e;
  });
  return exportsReady;
}

/**
 * Loads the wasm part with `planBook` (once); `init()` does it. Enough for
 * `planBook` alone, without the planning part: the book's worker loads
 * just this.
 * @returns {Promise<void>}
 */
export function __loadBook() {
  bookReady ??= (async () => {
    const url = new URL('./pkg/touchplan_book_bg.wasm', import.meta.url);
    await glue.__loadBook(url.protocol === 'file:' ? await readFile(url) : url);
    bookLoaded = true;
  })().catch((e) => {
    bookReady = undefined;
    throw e;
  });
  return bookReady;
}

/**
 * Instantiates synchronously from the bytes or a compiled module.
 * @param {{ module: BufferSource | WebAssembly.Module }} options
 */
export function initSync(options) {
  glue.initSync(options);
  loaded = true;
  ready ??= Promise.resolve();
}

/** @type {(input: object) => object} */
export const plan = guarded(planInput);

// An input goes to the engine as JSON text when it is plain JSON data: one
// string crosses into wasm instead of every value on its own, which costs
// a call or more per value (seconds for 10,000 orders; BENCH.md). Anything
// the text could not carry exactly — or that the engine refuses — goes the
// value-by-value way (`glue.plan`), whose reader words every refusal with
// its path; so a plan or an error is the same either way.
function planInput(input) {
  const text = typeof glue.__planJson === 'function' ? jsonText(input) : null;
  if (text === TOO_LARGE && typeof glue.__tooLarge === 'function') {
    // Plain data past the whole input's limits: the reader would refuse it
    // (as a whole, and for nothing else) after reading 200,000 values.
    let locale;
    try {
      locale = input.locale;
    } catch {
      // The reader reads it leniently too.
    }
    glue.__tooLarge(typeof locale === 'string' ? locale : undefined);
  }
  if (typeof text === 'string') {
    try {
      return glue.__planJson(text);
    } catch (e) {
      if (isTrap(e)) throw e;
    }
  }
  return glue.plan(input);
}

// The reader's bounds (src/wasm.rs): deeper, longer or larger inputs are
// left to it, to be refused or read as it does.
const MAX_DEPTH = 64;
// The whole input's limits (src/engine/input.rs): values, and UTF-16 units
// of text, twice its characters, as the reader counts them.
const MAX_VALUES = 200_000;
const MAX_UNITS = 4_000_000;
const MAX_LIST = 10_000;
// A book's lists (its clients) as the reader reads them for `planBook`.
const MAX_BOOK_LIST = 100_000;
const MAX_KEYS = 100_000;
const MAX_TEXT = 100_000;
const MAX_EXACT = 2 ** 53;

/**
 * The input as JSON text, or `null` where the reader would refuse or
 * convert something: a non-finite or huge number, a BigInt, symbol or
 * function, a lone surrogate, anything but a plain object or array (or one
 * with a `toJSON`), too deep, too long, or a getter or proxy that throws;
 * `TOO_LARGE` past the whole input's limits (for a book, `book`, each
 * client's, which the engine checks client by client). A walk checks every value in
 * the reader's order (an object's own enumerable keys, `undefined` fields
 * left out), then `JSON.stringify`, native and six times faster than
 * writing the text in JS, writes the same values: a getter is read twice
 * here, so it must give the same value each time, as plain data does.
 */
function jsonText(input, book = false) {
  if (typeof String.prototype.isWellFormed !== 'function') return null;
  if (input === null || typeof input !== 'object' || Array.isArray(input)) return null;
  let values = 0;
  let units = 0;
  try {
    check(input, 0);
  } catch (e) {
    return e === OVER_LIMITS ? TOO_LARGE : null;
  }
  try {
    return JSON.stringify(input);
  } catch {
    return null;
  }

  function check(v, depth) {
    if (++values > MAX_VALUES && !book) throw OVER_LIMITS;
    switch (typeof v) {
      case 'string':
        if (v.length > MAX_TEXT) throw NOT_PLAIN;
        units += v.length;
        if (units > MAX_UNITS && !book) throw OVER_LIMITS;
        if (!v.isWellFormed()) throw NOT_PLAIN;
        return;
      case 'number':
        if (!Number.isFinite(v) || Math.abs(v) > MAX_EXACT) throw NOT_PLAIN;
        return;
      case 'boolean':
      case 'undefined':
        return;
      case 'object':
        break;
      default:
        throw NOT_PLAIN;
    }
    if (v === null) return;
    if (depth >= MAX_DEPTH || typeof v.toJSON === 'function') throw NOT_PLAIN;
    if (Array.isArray(v)) {
      const n = v.length;
      if (n > (book ? MAX_BOOK_LIST : MAX_LIST)) throw NOT_PLAIN;
      for (let i = 0; i < n; i++) check(v[i], depth + 1);
      return;
    }
    if (OBJECT_TAG.call(v) !== '[object Object]') throw NOT_PLAIN;
    const keys = Object.keys(v);
    if (keys.length > MAX_KEYS) throw NOT_PLAIN;
    for (const k of keys) {
      // The reader counts a field's name before it reads the field.
      units += k.length;
      if (units > MAX_UNITS && !book) throw OVER_LIMITS;
      const x = v[k];
      if (x === undefined) continue;
      if (!k.isWellFormed()) throw NOT_PLAIN;
      check(x, depth + 1);
    }
  }
}

const NOT_PLAIN = new Error('not plain JSON data');
const OVER_LIMITS = new Error('past the whole input\'s limits');
const TOO_LARGE = {};
const OBJECT_TAG = Object.prototype.toString;

/**
 * Plans a manager's book (DOMAIN.md R16): each client as `plan` plans it,
 * then each manager's personal touches levelled to capacity. A client
 * whose input is bad fails alone (`errors` in its entry); a bad shared
 * part (`today`, `company`, `settings`) or `clients` list throws.
 * @type {(input: object) => object}
 */
export const planBook = guarded(planBookInput, () => loaded || bookLoaded);

// As `planInput`: plain JSON data crosses as one text, anything else goes
// the value-by-value way, whose reader words every refusal.
function planBookInput(input) {
  const text = typeof glue.__planBookJson === 'function' ? jsonText(input, true) : null;
  if (typeof text === 'string') {
    try {
      return glue.__planBookJson(text);
    } catch (e) {
      if (isTrap(e)) throw e;
    }
  }
  return glue.planBook(input);
}

/** `planMany` refuses more inputs than this (CONTRACT.md "Limits"): it
 * holds every plan at once, and 20,000 example-sized plans take 2.4 GB of
 * a heap that ends near 4 GB in Chromium (BENCH.md). */
const MAX_BATCH = 20_000;

/**
 * Plans each input independently; a bad input, whatever it is (a cycle, a
 * throwing getter, one that makes the engine trap), yields `{ error }` in
 * its place and the others still plan. Holds every plan at once (about
 * 120 KB of heap each for an example-sized client), so at most 20,000:
 * for larger batches, `planEach`.
 * @param {object[]} inputs
 * @returns {(object | { error: Error })[]}
 */
export function planMany(inputs) {
  if (!loaded) throw touchPlanError('not_initialized', 'touchplan: call and await init() first');
  let list;
  try {
    list = Array.isArray(inputs) ? inputs : null;
  } catch {
    list = null;
  }
  // The engine's own refusals (not an array, too many), in its words.
  if (list === null || list.length > MAX_BATCH) return guarded(glue.planMany)(list === null ? inputs : list.slice(0, MAX_BATCH + 1));
  const out = new Array(list.length);
  for (let i = 0; i < list.length; i++) out[i] = planSlot(list, i);
  return out;
}

/**
 * Plans a stream of inputs with bounded memory: an async iterator of the
 * results in input order (each a `Plan` or `{ error }`, as `planMany`),
 * pulling the next input only when the previous result was taken and
 * yielding to the event loop after every `chunkSize` inputs, so a page or
 * a server stays responsive. `inputs` may be any iterable or async
 * iterable (an array, a generator reading a file…); no count limit.
 *
 *   for await (const result of planEach(readClients())) save(result);
 *
 * @param {Iterable<object> | AsyncIterable<object>} inputs
 * @param {{ chunkSize?: number }} [options]
 * @returns {AsyncGenerator<object | { error: Error }>}
 */
export async function* planEach(inputs, { chunkSize = 64 } = {}) {
  if (!loaded) throw touchPlanError('not_initialized', 'touchplan: call and await init() first');
  let n = 0;
  for await (const input of inputs) {
    yield planSlot([input], 0);
    if (++n % chunkSize === 0) await nextTask();
  }
}

// One slot of a batch: the plan or `{ error }`, never a throw.
function planSlot(list, i) {
  try {
    return plan(list[i]);
  } catch (e) {
    return { error: e instanceof Error ? e : touchPlanError('internal', String(e)) };
  }
}

// A macrotask: lets timers, I/O and rendering run between chunks.
function nextTask() {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
/** @type {(locale?: 'ru' | 'en') => object[]} */
export const reasonCatalog = guarded(glue.reasonCatalog);
/** @type {(plan: object, opts?: { calendarName?: string }) => string} */
export const toIcs = guarded(glue.toIcs);
/** @type {(plan: object, opts?: { separator?: ',' | ';' | '\t', bom?: boolean }) => string} */
export const toCsv = guarded(glue.toCsv);
/** @type {() => object} */
export const defaultSettings = guarded(glue.defaultSettings);
/** @type {() => string} */
export const version = guarded(glue.version);
/** Test only: makes the engine panic, to check reporting and recovery. */
export const __forcePanic = guarded(glue.__forcePanic);

/** True when the last call trapped and the next one will re-instantiate. */
export function isTrapped() {
  return trapped;
}

// `usable`: whether the part `fn` calls may be called (else the glue
// loads it, or says it is not loaded).
function guarded(fn, usable = () => loaded) {
  return function (...args) {
    if (!usable()) throw touchPlanError('not_initialized', 'touchplan: call and await init() first');
    if (trapped) {
      // The part that trapped is not known: each loaded one starts afresh.
      if (loaded) glue.__wbg_reset_state();
      glue.__resetExports();
      glue.__resetBook();
      trapped = false;
    }
    try {
      return fn(...args);
    } catch (e) {
      if (!isTrap(e)) throw e;
      trapped = true;
      throw internalError(e);
    }
  };
}

// A trap: `unreachable` (panic, allocation failure), out-of-bounds access,
// or a stack overflow, which V8 reports as a RangeError.
function isTrap(e) {
  return (
    e instanceof WebAssembly.RuntimeError ||
    (e instanceof RangeError && /call stack/i.test(e.message))
  );
}

function internalError(cause) {
  return touchPlanError(
    'internal',
    `touchplan: internal error (${cause.message}); the engine restarts on the next call`,
    cause,
  );
}

function touchPlanError(code, message, cause) {
  const error = new Error(message, cause === undefined ? undefined : { cause });
  error.name = 'TouchPlanError';
  error.code = code;
  error.path = '';
  error.errors = [{ code, path: '', message }];
  return error;
}

async function readFile(url) {
  const fs = await import('node:fs/promises');
  return fs.readFile(url);
}
