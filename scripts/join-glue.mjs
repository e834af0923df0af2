// Joins the wasm's two parts into one API module (issue 18), run by
// scripts/build.sh after wasm-bindgen:
//
//   pkg/touchplan.js, touchplan_bg.wasm                 planning (feature `plan`)
//   pkg/touchplan_export.js, touchplan_export_bg.wasm   toIcs, toCsv (feature `export`)
//
// pkg/touchplan.js keeps every name of CONTRACT.md: `toIcs` and `toCsv` are
// added to it and call the export part; `init()` loads both parts at once
// and `initSync({ module })` reads the export part from beside it under
// Node (or takes `exports`, its bytes or module). A page that only plans
// loads the export part later: `init({ ..., exports: false })`, then
// `__loadExports()` (the widget does so after its first plan).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PKG = process.argv[2] ?? fileURLToPath(new URL('../pkg/', import.meta.url));
const jsFile = join(PKG, 'touchplan.js');
const dtsFile = join(PKG, 'touchplan.d.ts');
const END = 'export { initSync, __wbg_init as default };';

let js = readFileSync(jsFile, 'utf8');
if (!js.trimEnd().endsWith(END)) throw new Error(`join-glue: ${jsFile} does not end with wasm-bindgen's exports (already joined?)`);
js = `${js.trimEnd().slice(0, -END.length)}// ---- The export part (scripts/join-glue.mjs) ----
// toIcs and toCsv live in a second wasm, touchplan_export_bg.wasm, built
// from the same crate (feature \`export\`), so that showing a plan never
// downloads them (issue 18).
import * as exportPart from './touchplan_export.js';

let exportsReady;
let exportsLoaded = false;

/**
 * Loads the export part once (\`init()\` does it); \`source\` as
 * \`module_or_path\`, by default the .wasm beside this file.
 */
export function __loadExports(source) {
    exportsReady ??= exportPart.default(source === undefined ? undefined : { module_or_path: source })
        .then(() => { exportsLoaded = true; })
        .catch((e) => { exportsReady = undefined; throw e; });
    return exportsReady;
}

/** Re-instantiates the export part after a trap (www/api.js). */
export function __resetExports() {
    if (exportsLoaded) exportPart.__wbg_reset_state();
}

/**
 * The export part read and compiled at once, for \`initSync\` callers
 * that export before the background load has finished: \`initSync\` is
 * synchronous, so \`toIcs\` and \`toCsv\` after it are too (CONTRACT.md).
 * A synchronous request can only give text: each byte comes back as one
 * character of the x-user-defined charset. Returns whether it loaded.
 */
function loadExportsNow() {
    if (typeof XMLHttpRequest !== 'function') return false;
    try {
        const xhr = new XMLHttpRequest();
        xhr.open('GET', new URL('./touchplan_export_bg.wasm', import.meta.url), false);
        xhr.overrideMimeType('text/plain; charset=x-user-defined');
        xhr.send();
        if (xhr.status !== 200) return false;
        const text = xhr.responseText;
        const bytes = new Uint8Array(text.length);
        for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i) & 0xff;
        exportPart.initSync({ module: bytes });
    } catch {
        return false;
    }
    exportsLoaded = true;
    exportsReady = Promise.resolve();
    return true;
}

function needExports() {
    if (exportsLoaded || (exportsReady !== undefined && loadExportsNow())) return;
    const error = new Error('touchplan: the exports (toIcs, toCsv) are not loaded yet: await init() first');
    error.name = 'TouchPlanError';
    error.code = 'not_initialized';
    error.path = '';
    error.errors = [{ code: error.code, path: '', message: error.message }];
    throw error;
}

/**
 * The plan as an iCalendar file (RFC 5545).
 * @param {Plan} plan
 * @param {{ calendarName?: string } | null} [opts]
 * @returns {string}
 */
export function toIcs(plan, opts) {
    needExports();
    return exportPart.toIcs(plan, opts);
}

/**
 * The plan as CSV (RFC 4180).
 * @param {Plan} plan
 * @param {{ separator?: "," | ";" | "\\t"; bom?: boolean } | null} [opts]
 * @returns {string}
 */
export function toCsv(plan, opts) {
    needExports();
    return exportPart.toCsv(plan, opts);
}

/** Both parts; \`exports\` (the export part's source) false: planning alone. */
async function init(options) {
    const exports = options !== null && typeof options === 'object' && Object.getPrototypeOf(options) === Object.prototype ? options.exports : undefined;
    const rest = exports === undefined ? options : { module_or_path: options.module_or_path };
    const [out] = await Promise.all([__wbg_init(rest), exports === false ? null : __loadExports(exports)]);
    return out;
}

/** Both parts at once; the export part from \`exports\`, else from beside this file under Node, else loaded in the background. */
function initSyncBoth(options) {
    const out = initSync(options);
    if (exportsLoaded) return out;
    let exports = options !== null && typeof options === 'object' && Object.getPrototypeOf(options) === Object.prototype ? options.exports : undefined;
    if (exports === undefined) {
        const fs = globalThis.process?.getBuiltinModule?.('node:fs');
        if (fs) exports = fs.readFileSync(new URL('./touchplan_export_bg.wasm', import.meta.url));
    }
    if (exports === undefined || exports === false) {
        if (exports === undefined) __loadExports().catch(() => {});
        return out;
    }
    exportPart.initSync({ module: exports });
    exportsLoaded = true;
    exportsReady = Promise.resolve();
    return out;
}

export { initSyncBoth as initSync, init as default };
`;
writeFileSync(jsFile, js);

// The declarations: the two functions, from the export part's own.
const exportDts = readFileSync(join(PKG, 'touchplan_export.d.ts'), 'utf8');
const fns = [...exportDts.matchAll(/\/\*\*(?:(?!\*\/)[\s\S])*\*\/\s*export function (?:toIcs|toCsv)\([\s\S]*?\): string;/g)].map((m) => m[0]);
if (fns.length !== 2) throw new Error('join-glue: toIcs and toCsv not found in touchplan_export.d.ts');
let dts = readFileSync(dtsFile, 'utf8');
dts = dts
  .replace('export function initSync(module: { module: SyncInitInput } | SyncInitInput): InitOutput;',
    'export function initSync(module: { module: SyncInitInput; exports?: SyncInitInput | false } | SyncInitInput): InitOutput;')
  .replace(/export default function __wbg_init \(module_or_path\?: \{ module_or_path: InitInput \| Promise<InitInput> \}/,
    'export default function __wbg_init (module_or_path?: { module_or_path?: InitInput | Promise<InitInput>; exports?: InitInput | Promise<InitInput> | false }');
dts += `\n${fns.join('\n\n')}\n`;
writeFileSync(dtsFile, dts);
console.error('join-glue: pkg/touchplan.js and .d.ts carry toIcs and toCsv from the export part');
