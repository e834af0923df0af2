// Joins the wasm's three parts into one API module (issue 18), run by
// scripts/build.sh after wasm-bindgen:
//
//   pkg/touchplan.js, touchplan_bg.wasm                 planning (feature `plan`)
//   pkg/touchplan_export.js, touchplan_export_bg.wasm   toIcs, toCsv (feature `export`)
//   pkg/touchplan_book.js, touchplan_book_bg.wasm       planBook, R16 levelling (feature `book`)
//
// pkg/touchplan.js keeps every name of CONTRACT.md and planBook:
// `toIcs`, `toCsv` and `planBook` are added to it and call their part;
// `init()` loads all three at once and `initSync({ module })` reads the
// other two from beside it under Node (or takes `exports` and `book`,
// their bytes or modules). A page that only plans loads a part later, or
// never: `init({ ..., exports: false, book: false })`, then
// `__loadExports()` (the widget does so after its first plan) or
// `__loadBook()` (which needs no planning part: the book part plans each
// client itself, so the book's worker loads it alone).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PKG = process.argv[2] ?? fileURLToPath(new URL('../pkg/', import.meta.url));
const jsFile = join(PKG, 'touchplan.js');
const dtsFile = join(PKG, 'touchplan.d.ts');
const END = 'export { initSync, __wbg_init as default };';

let js = readFileSync(jsFile, 'utf8');
if (!js.trimEnd().endsWith(END)) throw new Error(`join-glue: ${jsFile} does not end with wasm-bindgen's exports (already joined?)`);
js = `${js.trimEnd().slice(0, -END.length)}// ---- The export and book parts (scripts/join-glue.mjs) ----
// toIcs and toCsv live in a second wasm, touchplan_export_bg.wasm, and
// planBook in a third, touchplan_book_bg.wasm, built from the same crate
// (features \`export\` and \`book\`), so that showing a plan never downloads
// them (issue 18).
import * as exportGlue from './touchplan_export.js';
import * as bookGlue from './touchplan_book.js';

/** A wasm part beside the planning one, loaded once. */
class Part {
    constructor(glue, what) {
        this.glue = glue;
        this.what = what;
        this.ready = undefined;
        this.loaded = false;
    }

    /** \`source\` as \`module_or_path\`, by default the .wasm beside this file. */
    load(source) {
        this.ready ??= this.glue.default(source === undefined ? undefined : { module_or_path: source })
            .then(() => { this.loaded = true; })
            .catch((e) => { this.ready = undefined; throw e; });
        return this.ready;
    }

    /** From its bytes or compiled module, at once. */
    loadSync(module) {
        this.glue.initSync({ module });
        this.loaded = true;
        this.ready = Promise.resolve();
    }

    reset() {
        if (this.loaded) this.glue.__wbg_reset_state();
    }

    /**
     * The part read and compiled at once, for \`initSync\` callers that call
     * it before the background load has finished: \`initSync\` is
     * synchronous, so the calls after it are too (CONTRACT.md). A
     * synchronous request can only give text: each byte comes back as one
     * character of the x-user-defined charset. Returns whether it loaded.
     */
    loadNow(url) {
        if (typeof XMLHttpRequest !== 'function') return false;
        try {
            const xhr = new XMLHttpRequest();
            xhr.open('GET', url, false);
            xhr.overrideMimeType('text/plain; charset=x-user-defined');
            xhr.send();
            if (xhr.status !== 200) return false;
            const text = xhr.responseText;
            const bytes = new Uint8Array(text.length);
            for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i) & 0xff;
            this.loadSync(bytes);
        } catch {
            return false;
        }
        return true;
    }

    /** Throws \`not_initialized\` unless loaded, or loading and loadable now. */
    need(url) {
        if (this.loaded || (this.ready !== undefined && this.loadNow(url()))) return;
        const error = new Error(\`touchplan: \${this.what} not loaded yet: await init() first\`);
        error.name = 'TouchPlanError';
        error.code = 'not_initialized';
        error.path = '';
        error.errors = [{ code: error.code, path: '', message: error.message }];
        throw error;
    }
}

const exportPart = new Part(exportGlue, 'the exports (toIcs, toCsv) are');
const bookPart = new Part(bookGlue, 'the book (planBook) is');
const exportWasm = () => new URL('./touchplan_export_bg.wasm', import.meta.url);
const bookWasm = () => new URL('./touchplan_book_bg.wasm', import.meta.url);

/** Loads the export part once (\`init()\` does it); \`source\` as \`module_or_path\`. */
export function __loadExports(source) {
    return exportPart.load(source);
}

/** Re-instantiates the export part after a trap (www/api.js). */
export function __resetExports() {
    exportPart.reset();
}

/**
 * Loads the book part once (\`init()\` does it); \`source\` as
 * \`module_or_path\`. \`planBook\` needs nothing else: the planning part
 * may stay unloaded.
 */
export function __loadBook(source) {
    return bookPart.load(source);
}

/** Re-instantiates the book part after a trap (www/api.js). */
export function __resetBook() {
    bookPart.reset();
}

/**
 * The plan as an iCalendar file (RFC 5545).
 * @param {Plan} plan
 * @param {{ calendarName?: string } | null} [opts]
 * @returns {string}
 */
export function toIcs(plan, opts) {
    exportPart.need(exportWasm);
    return exportGlue.toIcs(plan, opts);
}

/**
 * The plan as CSV (RFC 4180).
 * @param {Plan} plan
 * @param {{ separator?: "," | ";" | "\\t"; bom?: boolean } | null} [opts]
 * @returns {string}
 */
export function toCsv(plan, opts) {
    exportPart.need(exportWasm);
    return exportGlue.toCsv(plan, opts);
}

/**
 * Plans a manager's book (DOMAIN.md R16): each client as \`plan\` plans
 * it, then each manager's days levelled.
 * @param {BookInput} input
 * @returns {Book}
 */
export function planBook(input) {
    bookPart.need(bookWasm);
    return bookGlue.planBook(input);
}

/**
 * Plans a book from its JSON text, for \`www/api.js\`. Not part of the
 * public API.
 * @param {string} text
 * @returns {Book}
 */
export function __planBookJson(text) {
    bookPart.need(bookWasm);
    return bookGlue.__planBookJson(text);
}

// \`options\` as wasm-bindgen's when it is a plain object.
function plainOptions(options) {
    return options !== null && typeof options === 'object' && Object.getPrototypeOf(options) === Object.prototype ? options : undefined;
}

/** All three parts; \`exports\` or \`book\` (that part's source) false: without it. */
async function init(options) {
    const { exports, book } = plainOptions(options) ?? {};
    const rest = exports === undefined && book === undefined ? options : { module_or_path: options.module_or_path };
    const [out] = await Promise.all([
        __wbg_init(rest),
        exports === false ? null : exportPart.load(exports),
        book === false ? null : bookPart.load(book),
    ]);
    return out;
}

/**
 * All three parts at once; the export part from \`exports\` and the book
 * part from \`book\`, else from beside this file under Node, else loaded
 * in the background.
 */
function initSyncAll(options) {
    const out = initSync(options);
    const given = plainOptions(options) ?? {};
    for (const [part, source, url] of [[exportPart, given.exports, exportWasm], [bookPart, given.book, bookWasm]]) {
        if (part.loaded) continue;
        let bytes = source;
        if (bytes === undefined) {
            const fs = globalThis.process?.getBuiltinModule?.('node:fs');
            if (fs) bytes = fs.readFileSync(url());
        }
        if (bytes === undefined) part.load().catch(() => {});
        else if (bytes !== false) part.loadSync(bytes);
    }
    return out;
}

export { initSyncAll as initSync, init as default };
`;
// planBook and __planBookJson were the planning part's names when one wasm
// held them; they now come from the book part alone.
for (const name of ['planBook', '__planBookJson']) {
    if (new RegExp(`^export function ${name}\\(`, 'm').test(js.slice(0, js.indexOf('// ---- The export and book parts')))) {
        throw new Error(`join-glue: the planning part still exports ${name} (build it without feature \`book\`)`);
    }
}
writeFileSync(jsFile, js);

// The declarations: the added functions, from their parts' own.
function declarations(file, names) {
    const dts = readFileSync(join(PKG, file), 'utf8');
    const found = [...dts.matchAll(/\/\*\*(?:(?!\*\/)[\s\S])*\*\/\s*export function (\w+)\([\s\S]*?\): \w+;/g)]
        .filter((m) => names.includes(m[1]));
    if (found.length !== names.length) throw new Error(`join-glue: ${names.join(', ')} not all found in ${file}`);
    return found.map((m) => m[0]);
}
const fns = [...declarations('touchplan_export.d.ts', ['toIcs', 'toCsv']), ...declarations('touchplan_book.d.ts', ['planBook', '__planBookJson'])];
let dts = readFileSync(dtsFile, 'utf8');
dts = dts
  .replace('export function initSync(module: { module: SyncInitInput } | SyncInitInput): InitOutput;',
    'export function initSync(module: { module: SyncInitInput; exports?: SyncInitInput | false; book?: SyncInitInput | false } | SyncInitInput): InitOutput;')
  .replace(/export default function __wbg_init \(module_or_path\?: \{ module_or_path: InitInput \| Promise<InitInput> \}/,
    'export default function __wbg_init (module_or_path?: { module_or_path?: InitInput | Promise<InitInput>; exports?: InitInput | Promise<InitInput> | false; book?: InitInput | Promise<InitInput> | false }');
if (!dts.includes('book?: SyncInitInput | false }') || !dts.includes('book?: InitInput | Promise<InitInput> | false }')) {
  throw new Error('join-glue: init and initSync not found in touchplan.d.ts');
}
dts += `\n${fns.join('\n\n')}\n`;
writeFileSync(dtsFile, dts);
console.error('join-glue: pkg/touchplan.js and .d.ts carry toIcs and toCsv from the export part, planBook from the book part');
