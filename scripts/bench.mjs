// `npm run bench`: bundle sizes, instantiation time, one plan, 10,000
// clients in headless Chromium and natively, against the budgets of issue 8;
// one plan of each generated worst case at the contract's limits, natively
// and in Chromium (issue 15: ≤ 200 ms); `planMany` at its limit of 100,000
// clients and `planEach` over as many, with their memory.
// Prints the figures and writes them to BENCH.md.
//
//   node scripts/bench.mjs              # after scripts/build.sh
//   node scripts/bench.mjs --profiles   # also compare release-profile variants
//   node scripts/bench.mjs --only worst --cases nomatch,all   # a part; no BENCH.md
//   node scripts/bench.mjs --only limit --limit 20000
//   node scripts/bench.mjs --only cold [--save]   # first plan beside FullCalendar
//                                                 # (--save: its section of BENCH.md and BENCH.json)
//   node scripts/bench.mjs --only book [--book 1000,10000]   # planBook (issue 19)
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync, existsSync, cpSync, rmSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync, brotliCompressSync, constants as zlib } from 'node:zlib';
import { chromium } from '@playwright/test';

import { serve } from './serve.mjs';
import { inputs, worstCases } from './bench-inputs.mjs';
import { CHROMIUM_ARGS } from '../playwright.config.mjs';
import { coldBench, coldFigures, coldSection, fullCalendarVersion, onePlanChromium } from './bench-cold.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const OUT = join(ROOT, 'target', 'bench');
const BUDGET = { wasmGzipKB: 250, onePlanMs: 1, many10kMs: 1000, ratio: 2.5, worstMs: 200 };
/** `planMany`'s limit (www/api.js, src/wasm.rs); `planEach` is timed over
 * the former limit, 100,000. */
const MAX_BATCH = 20_000;
const STREAM = 100_000;

// ---------------------------------------------------------------- sizes

function sizes(pkg) {
  const wasm = readFileSync(join(pkg, 'touchplan_bg.wasm'));
  // The exports' part (issue 18); absent from a profile variant's pkg.
  const exportFile = join(pkg, 'touchplan_export_bg.wasm');
  const exportWasm = existsSync(exportFile) ? readFileSync(exportFile) : null;
  // The book's part (planBook), likewise.
  const bookFile = join(pkg, 'touchplan_book_bg.wasm');
  const bookWasm = existsSync(bookFile) ? readFileSync(bookFile) : null;
  const glue = readFileSync(join(pkg, 'touchplan.js'));
  const wrapper = readFileSync(join(ROOT, 'www', 'api.js'));
  const measure = (b) => ({
    raw: b.length,
    gzip: gzipSync(b, { level: 9 }).length,
    brotli: brotliCompressSync(b, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } }).length,
  });
  return { wasm: measure(wasm), exportWasm: exportWasm && measure(exportWasm), bookWasm: bookWasm && measure(bookWasm), glue: measure(glue), wrapper: measure(wrapper) };
}

// ---------------------------------------------------------------- native

function native(inputsFile) {
  const out = execFileSync('cargo', ['run', '--quiet', '--release', '--example', 'bench', '--', inputsFile], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return JSON.parse(out.trim().split('\n').pop());
}

/** The worst cases natively: engine alone and JSON text to JSON text,
 * median of 5 plans each (examples/bench.rs `--worst`). */
function nativeWorst(files) {
  const out = execFileSync('cargo', ['run', '--quiet', '--release', '--example', 'bench', '--', '--worst', '--runs', '5', ...files], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 1 << 26,
  });
  return JSON.parse(out.trim().split('\n').pop()).worst;
}

// ---------------------------------------------------------------- browser

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Opens a blank same-origin page; `pkg` overrides www/pkg (profile runs). */
async function openPage(browser, base, pkg) {
  const page = await browser.newPage();
  await page.route('**/bench.html', (r) => r.fulfill({ contentType: 'text/html', body: '<!doctype html><title>bench</title>' }));
  if (pkg) {
    await page.route('**/pkg/touchplan.js', (r) => r.fulfill({ path: join(pkg, 'touchplan.js'), contentType: 'text/javascript' }));
    await page.route('**/pkg/touchplan_bg.wasm', (r) => r.fulfill({ path: join(pkg, 'touchplan_bg.wasm'), contentType: 'application/wasm' }));
  }
  await page.goto(`${base}bench.html`);
  return page;
}

async function browserRun(browser, base, data, { pkg, batch = data.clients.length, runs = 3 } = {}) {
  // Instantiation: a fresh page each time; fetch + compile + instantiate.
  const init = [];
  for (let i = 0; i < 7; i++) {
    const page = await openPage(browser, base, pkg);
    init.push(await page.evaluate(async () => {
      const api = await import('/api.js');
      const t0 = performance.now();
      await api.default();
      return performance.now() - t0;
    }));
    await page.close();
  }

  const page = await openPage(browser, base, pkg);
  const result = await page.evaluate(async ({ typical, clients, runs }) => {
    const api = await import('/api.js');
    await api.default();
    const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    // performance.now() is coarse in a page that is not cross-origin
    // isolated: time batches of 100 calls.
    for (let i = 0; i < 200; i++) api.plan(typical);
    const perCall = [];
    for (let s = 0; s < 50; s++) {
      const t0 = performance.now();
      for (let i = 0; i < 100; i++) api.plan(typical);
      perCall.push((performance.now() - t0) / 100);
    }
    api.planMany(clients.slice(0, 200));
    const many = [];
    let plans;
    for (let r = 0; r < runs; r++) {
      const t0 = performance.now();
      plans = api.planMany(clients);
      many.push(performance.now() - t0);
    }
    return {
      onePlanMs: median(perCall),
      many10kMs: median(many),
      touches: plans.reduce((n, p) => n + (p.touches?.length ?? 0), 0),
      errors: plans.filter((p) => p.error).length,
      firstError: plans.find((p) => p.error)?.error.message ?? null,
    };
  }, { typical: data.typical, clients: data.clients.slice(0, batch), runs });
  await page.close();
  return { initMs: median(init), ...result };
}

/** CPU ticks (utime + stime) of each renderer's main thread, by pid. */
async function rendererTicks(browser) {
  const cdp = await browser.newBrowserCDPSession();
  try {
    const { processInfo } = await cdp.send('SystemInfo.getProcessInfo');
    const ticks = new Map();
    for (const p of processInfo.filter((x) => x.type === 'renderer')) {
      try {
        // Fields after the command's closing parenthesis: utime is the 14th
        // field of the line, stime the 15th. The main thread's tid is the pid.
        const stat = readFileSync(`/proc/${p.id}/task/${p.id}/stat`, 'utf8');
        const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        ticks.set(p.id, Number(f[11]) + Number(f[12]));
      } catch {
        // Gone, or not on Linux.
      }
    }
    return ticks;
  } catch {
    return new Map();
  } finally {
    await cdp.detach();
  }
}

const TICK_MS = 1000 / Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim() || 100);

/** One `plan` of each worst case in Chromium, from the parsed input (the
 * page fetches the case's JSON and parses it itself, outside the timing):
 * the median of 5 to 20 calls after one warm-up (3 when a call takes over
 * 2 s), each case on a fresh page; and the CPU time of the renderer's main
 * thread over those calls (from /proc, in clock ticks), since the wall
 * clock also counts whatever else the machine runs. */
async function browserWorst(browser, base, cases, dir) {
  const out = [];
  for (const c of cases) {
    const page = await openPage(browser, base);
    await page.route('**/worst/*.json', (r) => r.fulfill({ path: join(dir, new URL(r.request().url()).pathname.split('/').pop()), contentType: 'application/json' }));
    let crashed = false;
    page.on('crash', () => { crashed = true; });
    const gone = (e) => ({ error: crashed ? 'the page crashed (out of memory)' : e.message.split('\n')[0] });
    const warm = await page.evaluate(async (name) => {
      const api = await import('/api.js');
      await api.default();
      globalThis.api = api;
      globalThis.input = await (await fetch(`/worst/${name}.json`)).json();
      const t0 = performance.now();
      try {
        api.plan(globalThis.input);
        return { firstMs: performance.now() - t0 };
      } catch (e) {
        // Refused: what is timed is the refusal.
        if (e.name === 'TouchPlanError' && e.code !== 'internal') return { firstMs: performance.now() - t0, refused: e.code };
        return { error: `${e.code ?? e.name}: ${e.message}` };
      }
    }, c.name).catch(gone);
    let r = warm;
    if (!warm.error) {
      const runs = warm.firstMs > 2000 ? 3 : Math.min(20, Math.max(5, Math.ceil(500 / warm.firstMs)));
      const before = await rendererTicks(browser);
      r = await page.evaluate((runs) => {
        const times = [];
        let plan = null;
        for (let i = 0; i < runs; i++) {
          const t0 = performance.now();
          try {
            plan = globalThis.api.plan(globalThis.input);
          } catch {
            // A refusal, as in the warm-up.
          }
          times.push(performance.now() - t0);
        }
        const median = [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)];
        return {
          ms: median,
          runs,
          ...(plan && {
            planBytes: new TextEncoder().encode(JSON.stringify(plan)).length,
            touches: plan.touches.length,
            warnings: plan.warnings.length,
          }),
        };
      }, runs).catch(gone);
      const after = await rendererTicks(browser);
      const busiest = Math.max(0, ...[...after].map(([pid, t]) => t - (before.get(pid) ?? t)));
      r = r.error ? r : { ...warm, ...r, cpuMs: before.size ? (busiest * TICK_MS) / runs : null };
    }
    await page.close().catch(() => {});
    out.push({ name: c.name, ...r });
    console.log('chromium worst', c.name, JSON.stringify(r));
  }
  return out;
}

/** The largest resident set any renderer of `browser` reached (VmHWM). */
async function rendererPeakBytes(browser) {
  const cdp = await browser.newBrowserCDPSession();
  try {
    const { processInfo } = await cdp.send('SystemInfo.getProcessInfo');
    let peak = 0;
    for (const p of processInfo.filter((x) => x.type === 'renderer')) {
      const status = readFileSync(`/proc/${p.id}/status`, 'utf8');
      const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
      peak = Math.max(peak, kb * 1024);
    }
    return peak;
  } catch {
    return null;
  } finally {
    await cdp.detach();
  }
}

/**
 * `planMany` at its limit and `planEach` over as many clients, each in a
 * fresh Chromium (precise memory figures on): the clients are generated in
 * the page (scripts/bench-inputs.mjs), so that only the engine's and the
 * plans' memory is measured, not a transfer. `planMany` holds every plan
 * at once; `planEach` hands them over one by one and keeps none here.
 */
async function browserAtLimit(base, counts) {
  const launch = () => chromium.launch({ executablePath: '/usr/bin/chromium', args: [...CHROMIUM_ARGS, '--enable-precise-memory-info'], headless: true });
  const result = {};
  for (const mode of ['planMany', 'planEach']) {
    const n = counts[mode];
    const browser = await launch();
    try {
      const page = await openPage(browser, base);
      await page.route('**/bench-inputs.mjs', (r) => r.fulfill({ path: join(ROOT, 'scripts', 'bench-inputs.mjs'), contentType: 'text/javascript' }));
      let crashed = false;
      page.on('crash', () => { crashed = true; });
      const r = await page.evaluate(async ({ n, mode }) => {
        const api = await import('/api.js');
        await api.default();
        const glue = await import('/pkg/touchplan.js');
        const wasmBytes = async () => (await glue.default()).memory.buffer.byteLength;
        const { client, random } = await import('/bench-inputs.mjs');
        const heap = () => performance.memory.usedJSHeapSize;
        const rnd = random(20261124);
        let touches = 0;
        let errors = 0;
        let firstError = null;
        const count = (p) => {
          if (p.error) {
            errors++;
            firstError ??= p.error.message;
          } else touches += p.touches.length;
        };
        if (mode === 'planMany') {
          const inputs = Array.from({ length: n }, (_, i) => client(i + 1, rnd));
          const heapInputs = heap();
          const t0 = performance.now();
          const plans = api.planMany(inputs);
          const ms = performance.now() - t0;
          const heapAfter = heap();
          plans.forEach(count);
          globalThis.keep = [inputs, plans];
          return { n: plans.length, ms, heapInputs, heapAfter, heapLimit: performance.memory.jsHeapSizeLimit, wasmBytes: await wasmBytes(), touches, errors, firstError };
        }
        function* stream() {
          for (let i = 0; i < n; i++) yield client(i + 1, rnd);
        }
        let done = 0;
        let peakHeap = heap();
        const t0 = performance.now();
        for await (const p of api.planEach(stream())) {
          count(p);
          if (++done % 500 === 0) peakHeap = Math.max(peakHeap, heap());
        }
        const ms = performance.now() - t0;
        return { n: done, ms, peakHeap, heapLimit: performance.memory.jsHeapSizeLimit, wasmBytes: await wasmBytes(), touches, errors, firstError };
      }, { n, mode }).catch((e) => ({ n, crashed: true, error: crashed ? 'the page crashed (renderer out of memory)' : e.message.split('\n')[0] }));
      result[mode] = { ...r, rendererPeak: await rendererPeakBytes(browser) };
      console.log(`chromium ${mode} ${n}`, JSON.stringify(result[mode]));
    } finally {
      await browser.close();
    }
  }
  return result;
}

// ---------------------------------------------------------------- profiles

/** Release-profile variants, each built into its own target dir. */
const variant = (opt, lto, cgu, panic, wasmOpt = '-Oz') => ({
  name: `opt-level ${opt}, lto ${lto}, codegen-units ${cgu}, panic ${panic}, wasm-opt ${wasmOpt}`,
  wasmOpt,
  env: {
    CARGO_PROFILE_RELEASE_OPT_LEVEL: opt,
    CARGO_PROFILE_RELEASE_LTO: lto,
    CARGO_PROFILE_RELEASE_CODEGEN_UNITS: cgu,
    CARGO_PROFILE_RELEASE_PANIC: panic,
  },
});
const PROFILES = [
  variant('z', 'true', '1', 'abort'),
  variant('s', 'true', '1', 'abort'),
  variant('3', 'true', '1', 'abort'),
  variant('2', 'true', '1', 'abort'),
  variant('s', 'false', '1', 'abort'),
  variant('s', 'true', '16', 'abort'),
  variant('s', 'true', '1', 'unwind'),
  variant('3', 'true', '1', 'abort', '-O3'),
  variant('3', 'true', '1', 'abort', '-O4'),
  variant('2', 'true', '1', 'abort', '-O2'),
];

function buildVariant(p, i) {
  const target = join(ROOT, 'target', 'profiles', String(i));
  const pkg = join(target, 'pkg');
  const env = { ...process.env, ...p.env, CARGO_TARGET_DIR: target };
  try {
    execFileSync('cargo', ['build', '--quiet', '--release', '--target', 'wasm32-unknown-unknown', '--lib'], { cwd: ROOT, env, stdio: 'inherit' });
  } catch {
    return null;
  }
  rmSync(pkg, { recursive: true, force: true });
  execFileSync('wasm-bindgen', ['--target', 'web', '--experimental-reset-state-function', '--out-dir', pkg,
    join(target, 'wasm32-unknown-unknown', 'release', 'touchplan.wasm')], { cwd: ROOT, stdio: 'inherit' });
  const beforeOpt = readFileSync(join(pkg, 'touchplan_bg.wasm')).length;
  execFileSync(join(ROOT, 'node_modules', '.bin', 'wasm-opt'), [p.wasmOpt, '--strip-debug', '--strip-producers',
    '--enable-bulk-memory', '--enable-mutable-globals', '--enable-sign-ext', '--enable-nontrapping-float-to-int',
    '--enable-reference-types', '--enable-multivalue', '--enable-exception-handling',
    join(pkg, 'touchplan_bg.wasm'), '-o', join(pkg, 'touchplan_bg.wasm')], { stdio: 'inherit' });
  return { pkg, beforeOpt };
}

// ---------------------------------------------------------------- report

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const ms = (n) => (n < 1 ? `${(n * 1000).toFixed(0)} µs` : `${n.toFixed(1)} ms`);
const ok = (pass) => (pass ? 'within budget' : '**over budget**');

function chromiumVersion() {
  try {
    return execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    return 'Chromium (version unknown)';
  }
}

/** The whole input's limits, as src/engine/input.rs has them. */
function inputLimits() {
  const src = readFileSync(join(ROOT, 'src', 'engine', 'input.rs'), 'utf8');
  const get = (name) => Number(new RegExp(`const ${name}: usize = ([\\d_]+);`).exec(src)[1].replaceAll('_', ''));
  return { values: get('MAX_VALUES'), chars: get('MAX_CHARS') };
}

/** `--name value` from the command line. */
const option = (name) => {
  const i = process.argv.indexOf(name);
  return i < 0 ? undefined : process.argv[i + 1];
};

/**
 * `planBook` in Chromium (issue 19: 1,000 clients ≤ 500 ms, 10,000 ≤ 3 s,
 * no main-thread task over 50 ms): the clients of www/book/sample-200.csv
 * as the page reads them, cycled to `n` with unique ids, with one manager
 * and with 20, capacity 12. Per book: the first call in a fresh page (the
 * wasm still compiling and tiering up) and a warm one; levelling apart as
 * the warm call less the same book at capacity 1,000 (no day over it for
 * 1,000 clients); `planMany` of the same clients (no manager) and the
 * ratio; and the hand-over through the element's worker
 * (touch-plan-book-worker.js): the worker's whole run, the hand-over (from
 * its last progress, sent as planBook returns, to the book parsed on the
 * page), the main thread's `JSON.parse` of its messages, and the longest
 * main-thread task seen by a PerformanceObserver('longtask') meanwhile.
 * Figures, not assertions.
 */
async function browserBook(browser, base, counts) {
  const { importCsv } = await import('../www/book/csv-import.js');
  const sample = importCsv(readFileSync(join(ROOT, 'www', 'book', 'sample-200.csv'))).clients;
  const rows = [];
  for (const n of counts) {
    for (const managers of [1, 20]) {
      const clients = Array.from({ length: n }, (_, i) => ({
        ...sample[i % sample.length], id: `c${i}`, manager: managers === 1 ? 'Анна' : `Менеджер ${i % managers + 1}`,
      }));
      const page = await openPage(browser, base);
      const r = await page.evaluate(async ({ clients }) => {
        const api = await import('/api.js');
        await api.default();
        const book = (capacity, list = clients) => ({
          today: '2026-12-02', horizonMonths: 12, locale: 'ru', settings: { managerDailyCapacity: capacity }, clients: list,
        });
        const time = (f) => {
          const t0 = performance.now();
          const x = f();
          return [performance.now() - t0, x];
        };
        const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
        const [firstMs, b] = time(() => api.planBook(book(12)));
        // Alternated, medians of `runs`: the machine is shared.
        const runs = clients.length > 2000 ? 1 : 3;
        const warm = [];
        const noLevel = [];
        for (let r = 0; r < runs; r++) {
          warm.push(time(() => api.planBook(book(12)))[0]);
          noLevel.push(time(() => api.planBook(book(1000)))[0]);
        }
        const [warmMs, noLevelMs] = [median(warm), median(noLevel)];
        const inputs = clients.map(({ manager, ...client }) => ({ today: '2026-12-02', horizonMonths: 12, locale: 'ru', client }));
        const [manyMs] = time(() => api.planMany(inputs));
        // The hand-over as the element gets it, its worker fresh; the
        // task that ran the calls above ended before the observer starts.
        await new Promise((r) => setTimeout(r, 100));
        const longest = { ms: 0 };
        const observer = new PerformanceObserver((list) => {
          for (const e of list.getEntries()) longest.ms = Math.max(longest.ms, e.duration);
        });
        observer.observe({ type: 'longtask' });
        const worker = new Worker('/widget/touch-plan-book-worker.js', { type: 'module' });
        const t0 = performance.now();
        const hand = await new Promise((resolve, reject) => {
          const parts = [];
          let parseMs = 0;
          let maxParseMs = 0;
          let chars = 0;
          let planned = t0;
          const parse = (json) => {
            const t = performance.now();
            const x = JSON.parse(json);
            const dt = performance.now() - t;
            parseMs += dt;
            maxParseMs = Math.max(maxParseMs, dt);
            chars += json.length;
            return x;
          };
          worker.onmessage = (event) => {
            const m = event.data;
            if (m.type === 'error') reject(new Error(m.error.message));
            // The worker's last progress comes as its planBook returns:
            // the hand-over is what follows, to the book parsed here.
            if (m.type === 'progress' && m.step === m.steps) planned = performance.now();
            if (m.type === 'book-part') parts.push(parse(m.json));
            if (m.type !== 'book') return;
            const whole = parse(m.json);
            whole.clients = parts.flat();
            const end = performance.now();
            resolve({ workerMs: end - t0, handOverMs: end - planned, parseMs, maxParseMs, messages: parts.length + 1, jsonMB: chars / 1e6 });
          };
          worker.onerror = (e) => reject(new Error(e.message));
          worker.postMessage({ input: book(12) });
        });
        worker.terminate();
        await new Promise((r) => setTimeout(r, 200));
        observer.disconnect();
        const moves = b.managers.reduce((k, m) => k + m.moves.length, 0);
        return { firstMs, warmMs, levellingMs: warmMs - noLevelMs, manyMs, ratio: warmMs / manyMs, moves, ...hand, longestTaskMs: longest.ms };
      }, { clients });
      await page.close();
      const row = { n, managers, ...r };
      console.log(`chromium planBook ${n} clients, ${managers} manager(s): ${JSON.stringify(row, (k, v) => (typeof v === 'number' ? Math.round(v * 100) / 100 : v))}`);
      rows.push(row);
    }
  }
  return rows;
}

async function main() {
  const withProfiles = process.argv.includes('--profiles');
  // --only batch,worst,limit,book runs those parts; --cases a,b those worst
  // cases; --many N and --each N plan N clients with planMany and
  // planEach. Any of them prints the figures without writing BENCH.md.
  const only = option('--only')?.split(',') ?? ['cold', 'batch', 'worst', 'limit', 'book'];
  const caseNames = option('--cases')?.split(',');
  const counts = { planMany: Number(option('--many') ?? MAX_BATCH), planEach: Number(option('--each') ?? STREAM) };
  const partial = only.length < 5 || caseNames !== undefined || counts.planMany !== MAX_BATCH || counts.planEach !== STREAM;
  mkdirSync(OUT, { recursive: true });
  const loadStart = loadavg()[0];

  const limits = inputLimits();
  const cases = worstCases(limits).filter((c) => !caseNames || caseNames.includes(c.name));
  const worstDir = join(OUT, 'worst');
  let worst = null;
  if (only.includes('worst')) {
    rmSync(worstDir, { recursive: true, force: true });
    mkdirSync(worstDir, { recursive: true });
    for (const c of cases) writeFileSync(join(worstDir, `${c.name}.json`), JSON.stringify(c.input));
    const nat = nativeWorst(cases.map((c) => join(worstDir, `${c.name}.json`)));
    worst = cases.map((c, i) => ({ name: c.name, what: c.what, native: nat[i] }));
    for (const w of worst) console.log('native worst', w.name, JSON.stringify(w.native));
  }

  let size, nat, data;
  if (only.includes('batch')) {
    data = inputs();
    const inputsFile = join(OUT, 'inputs.json');
    writeFileSync(inputsFile, JSON.stringify(data));
    size = sizes(join(ROOT, 'www', 'pkg'));
    console.log('sizes', JSON.stringify(size));
    nat = native(inputsFile);
    console.log('native', JSON.stringify(nat));
  }

  // The first plan's figures: the typical client's plan (made here, by
  // the same build) gives FullCalendar its events.
  let cold = null;
  let one = null;
  if (only.includes('cold')) {
    const api = await import('../www/api.js');
    await api.default();
    const typical = { ...inputs().typical, locale: 'ru' };
    const plan = api.plan(typical);
    const coldInputs = join(OUT, 'cold-inputs.json');
    writeFileSync(coldInputs, JSON.stringify({ typical, clients: [] }));
    one = { nativeUs: native(coldInputs).onePlanUs, typical, plan };
  }

  const { server, base } = await serve(0);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  try {
    if (one) {
      one.chromiumUs = await onePlanChromium(browser, base, one.typical);
      cold = await coldBench(browser, base, ROOT, { input: one.typical, plan: one.plan });
      console.log('first plan', JSON.stringify(coldFigures(cold, one)));
    }
    if (worst) {
      const web = await browserWorst(browser, base, cases, worstDir);
      worst.forEach((w, i) => (w.chromium = web[i]));
    }
    let web;
    if (only.includes('batch')) {
      web = await browserRun(browser, base, data);
      console.log('chromium', JSON.stringify(web));
    }
    let limit = null;
    if (only.includes('limit')) limit = await browserAtLimit(base, counts);
    if (only.includes('book')) {
      const n = (option('--book') ?? '1000,10000').split(',').map(Number);
      for (const r of await browserBook(browser, base, n)) {
        const f = (x) => `${Math.round(x)} ms`;
        console.log(`planBook ${r.n} (${r.managers} mgr): first ${f(r.firstMs)}, warm ${f(r.warmMs)} of which levelling ≈ ${f(r.levellingMs)}; `
          + `planMany ${f(r.manyMs)} (planBook ×${r.ratio.toFixed(2)}); worker run ${f(r.workerMs)}, hand-over ${f(r.handOverMs)} of which main-thread JSON.parse ${f(r.parseMs)} `
          + `in ${r.messages} messages of ${r.jsonMB.toFixed(1)} MB (longest ${f(r.maxParseMs)}), longest main-thread task ${f(r.longestTaskMs)}`);
      }
    }

    const profiles = [];
    if (withProfiles) {
      // BENCH_PROFILES=0,2 measures only those variants.
      const only = process.env.BENCH_PROFILES?.split(',').map(Number);
      for (const [i, p] of PROFILES.entries()) {
        if (only && !only.includes(i)) continue;
        console.log(`profile: ${p.name}`);
        const built = buildVariant(p, i);
        if (!built) {
          profiles.push({ name: p.name, failed: true });
          continue;
        }
        const s = sizes(built.pkg);
        const r = await browserRun(browser, base, data, { pkg: built.pkg, batch: 1000 });
        profiles.push({ name: p.name, beforeOpt: built.beforeOpt, size: s.wasm, ...r });
        console.log(JSON.stringify(profiles.at(-1)));
      }
    }
    const previous = existsSync(BENCH_JSON) ? JSON.parse(readFileSync(BENCH_JSON, 'utf8')) : null;
    const first = cold && coldSection(cold, one, previous?.firstPlan, fullCalendarVersion(ROOT));
    if (first) console.log(`\n${first.join('\n')}`);
    if (worst) console.log(`\n${worstSection(worst, limits).join('\n')}`);
    if (limit) console.log(`\n${limitSection(limit).join('\n')}`);
    if (!partial) report(size, nat, web, profiles, withProfiles, worst, limit, limits, loadStart, first);
    if (cold && (!partial || process.argv.includes('--save'))) {
      if (partial) saveFirstPlanSection(first);
      writeFileSync(BENCH_JSON, `${JSON.stringify({ ...previous, firstPlan: coldFigures(cold, one), machine: machineLine(loadStart) }, null, 2)}\n`);
    }
  } finally {
    await browser.close();
    server.close();
  }
}

/** The previous run's figures, for the ratios (next to BENCH.md). */
const BENCH_JSON = join(ROOT, 'BENCH.json');
const FIRST_START = '<!-- first-plan -->';
const FIRST_END = '<!-- /first-plan -->';

/** Replaces (or adds, before the budgets) BENCH.md's first-plan section. */
function saveFirstPlanSection(first) {
  const file = join(ROOT, 'BENCH.md');
  const md = readFileSync(file, 'utf8');
  const block = `${FIRST_START}\n${first.join('\n')}${FIRST_END}\n`;
  const a = md.indexOf(FIRST_START);
  const b = md.indexOf(FIRST_END);
  const out = a >= 0 && b > a
    ? md.slice(0, a) + block + md.slice(b + FIRST_END.length + 1)
    : md.replace('## Budgets', `${block}\n## Budgets`);
  writeFileSync(file, out);
}

function machineLine(loadStart) {
  return `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}; Node ${process.version}; ${chromiumVersion()} headless; load average (1 min) ${loadStart.toFixed(1)} at the start, ${loadavg()[0].toFixed(1)} at the end`;
}

const mb = (n) => (n == null ? '' : `${(n / 1024 / 1024).toFixed(0)} MB`);
const bytes = (n) => (n < 1024 * 1024 ? kb(n) : `${(n / 1024 / 1024).toFixed(1)} MB`);

/** BENCH.md's table of the worst cases. */
function worstSection(worst, limits) {
  const n = (x) => x.toLocaleString('en');
  const cell = (r, f) => (r?.error ? `error: ${r.error}` : f(r));
  return [
    '## Worst cases at the contract\'s limits',
    '',
    `One \`plan\` of each generated input (scripts/bench-inputs.mjs), 36 months. Chromium: median of 5–20 calls of \`plan(input)\` on the parsed input (3 when one takes over 2 s), after a warm-up; it includes reading the JS object and handing the plan back. Native: median of 5 after a warm-up, the engine alone (validation and planning from a parsed \`serde_json::Value\`) and JSON text to JSON text. Each time is wall clock, then (in brackets) the CPU time of the thread that planned: the renderer's main thread from /proc, the bench's own thread natively; on a machine busy with other work the wall clock counts that work too, so the verdict is on the CPU time. Budget: ${BUDGET.worstMs} ms in Chromium. Plan size: its JSON in UTF-8. Every case is within the lists' limits and the whole input's (${limits.values.toLocaleString('en')} values, ${limits.chars.toLocaleString('en')} characters of text), but \`issue\`, which is over them and timed to its refusal.`,
    '',
    '| case | input JSON | native, engine | native, JSON to JSON | Chromium | budget | plan JSON | touches | warnings (dates) |',
    '|---|---|---|---|---|---|---|---|---|',
    ...worst.map((w) => {
      const nv = w.native;
      const web = w.chromium;
      const within = web.cpuMs <= BUDGET.worstMs;
      const verdict = web?.error ? '' : `${ok(within)}${within && web.ms > BUDGET.worstMs ? ' (CPU time; the wall clock over)' : ''}`;
      const t = (wall, cpu) => (cpu == null ? ms(wall) : `${ms(wall)} (${ms(cpu)})`);
      const refused = (r) => r.refused && `refused (\`${r.refused}\`)`;
      return `| \`${w.name}\` | ${bytes(nv.inputBytes)} | ${t(nv.engineMs, nv.engineCpuMs)} | ${t(nv.withJsonMs, nv.withJsonCpuMs)} | ${cell(web, (r) => t(r.ms, r.cpuMs))} | ${verdict} | ${cell(web, (r) => refused(r) || bytes(r.planBytes))} | ${cell(web, (r) => (r.refused ? '' : n(r.touches)))} | ${nv.refused ? '' : `${n(nv.warnings)} (${n(nv.warningDates)})`} |`;
    }),
    '',
    ...worst.map((w) => `- \`${w.name}\`: ${w.what}.`),
    '',
  ];
}

/** BENCH.md's section on `planMany` at its limit and `planEach`. */
function limitSection(limit) {
  const row = (name, r) => (r.crashed
    ? `| ${name} | ${r.n.toLocaleString('en')} | ${r.error} | | | | |`
    : `| ${name} | ${r.n.toLocaleString('en')} | ${ms(r.ms)} (${Math.round(r.n / (r.ms / 1000)).toLocaleString('en')} clients/s) | ${r.heap} | ${mb(r.wasmBytes)} | ${mb(r.rendererPeak)} | ${r.errors} |`);
  const m = limit.planMany;
  const e = limit.planEach;
  return [
    '## `planMany` at its limit, `planEach`',
    '',
    `Generated clients (as above), made inside the page; each call in a fresh Chromium with \`--enable-precise-memory-info\`. JS heap from \`performance.memory\` (its limit here: ${mb(m.heapLimit ?? e.heapLimit)}); wasm memory is the instance's \`memory.buffer.byteLength\` after the run; the renderer's peak is its VmHWM. Times are wall clock on the shared machine.`,
    '',
    '| call | clients | time | JS heap | wasm memory | renderer peak RSS | errors |',
    '|---|---|---|---|---|---|---|',
    row('`planMany(inputs)`', { ...m, heap: `${mb(m.heapInputs)} with the inputs, ${mb(m.heapAfter)} with every plan` }),
    row('`planEach(generator)`', { ...e, heap: `peak ${mb(e.peakHeap)} (sampled every 500 results)` }),
    '',
  ];
}

function report(size, nat, web, profiles, withProfiles, worst, limit, limits, loadStart, first) {
  const ratio = web.many10kMs / nat.many10kWithJsonMs;
  const ratioEngine = web.many10kMs / nat.many10kMs;
  const onePlanRatio = web.onePlanMs / (nat.onePlanUs / 1000);
  const rows = [
    ['wasm, gzip', kb(size.wasm.gzip), `≤ ${BUDGET.wasmGzipKB} KB`, ok(size.wasm.gzip <= BUDGET.wasmGzipKB * 1024)],
    ['one `plan` (typical client), Chromium', ms(web.onePlanMs), `≤ ${BUDGET.onePlanMs} ms`, ok(web.onePlanMs <= BUDGET.onePlanMs)],
    ['`planMany`, 10,000 clients, Chromium', ms(web.many10kMs), `≤ ${BUDGET.many10kMs} ms`, ok(web.many10kMs <= BUDGET.many10kMs)],
    ['wasm / native, 10,000 clients', `${ratio.toFixed(2)}×`, `≤ ${BUDGET.ratio}×`, ok(ratio <= BUDGET.ratio)],
  ];
  const planned = worst.filter((w) => !w.chromium.error && !w.chromium.refused);
  const slowest = [...planned].sort((a, b) => b.chromium.cpuMs - a.chromium.cpuMs)[0];
  const failed = worst.filter((w) => w.chromium.error).map((w) => `\`${w.name}\``);
  rows.push([
    'one `plan` at the contract\'s limits (slowest worst case), Chromium, CPU (wall)',
    `${ms(slowest.chromium.cpuMs)} (${ms(slowest.chromium.ms)}), \`${slowest.name}\`${failed.length ? `; ${failed.join(', ')} failed` : ''}`,
    `≤ ${BUDGET.worstMs} ms`,
    ok(slowest.chromium.cpuMs <= BUDGET.worstMs && !failed.length),
  ]);
  const many = limit.planMany;
  rows.push([
    `\`planMany\`, ${MAX_BATCH.toLocaleString('en')} clients (its limit), Chromium`,
    many.crashed ? many.error : `${ms(many.ms)}, JS heap ${mb(many.heapAfter)}`,
    'completes',
    ok(!many.crashed && !many.errors),
  ]);
  const previous = existsSync(join(ROOT, 'BENCH.md')) ? readFileSync(join(ROOT, 'BENCH.md'), 'utf8') : '';
  const notes = previous.includes('<!-- notes -->') ? previous.slice(previous.indexOf('<!-- notes -->')) : '<!-- notes -->\n';
  const profileSection = withProfiles
    ? [
        '## Release-profile variants',
        '',
        'Each built with `CARGO_PROFILE_RELEASE_*` overrides, then wasm-bindgen and wasm-opt at the level shown; one plan and 1,000 clients measured in Chromium.',
        '',
        '| variant | before wasm-opt | raw | gzip | one plan | 1,000 clients |',
        '|---|---|---|---|---|---|',
        ...profiles.map((p) => (p.failed
          ? `| ${p.name} | build fails on stable | | | | |`
          : `| ${p.name} | ${kb(p.beforeOpt)} | ${kb(p.size.raw)} | ${kb(p.size.gzip)} | ${ms(p.onePlanMs)} | ${ms(p.many10kMs)} |`)),
        '',
      ]
    : [];
  const md = [
    '# Benchmarks',
    '',
    'Written by `npm run bench` (scripts/bench.mjs, examples/bench.rs); do not edit above the notes.',
    `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}; Node ${process.version}; ${chromiumVersion()} headless. Load average (1 min) ${loadStart.toFixed(1)} when the run began, ${loadavg()[0].toFixed(1)} at its end: other work shared the machine.`,
    `Inputs: ${nat.clients.toLocaleString('en')} generated clients (a year of orders, 2–3 contacts with birthdays, some service periods and incidents; scripts/bench.mjs), ${web.touches.toLocaleString('en')} touches planned, ${web.errors} errors.`,
    '',
    ...(first ? [FIRST_START, ...first, FIRST_END, ''] : []),
    '## Budgets',
    '',
    '| measure | value | budget | |',
    '|---|---|---|---|',
    ...rows.map((r) => `| ${r.join(' | ')} |`),
    '',
    '## Sizes',
    '',
    '| file | raw | gzip | brotli |',
    '|---|---|---|---|',
    ...[['touchplan_bg.wasm (planning)', size.wasm], ['touchplan_export_bg.wasm (toIcs, toCsv; after the first plan)', size.exportWasm],
      ['touchplan_book_bg.wasm (planBook; only where a book is planned)', size.bookWasm],
      ['touchplan.js (glue)', size.glue], ['api.js (wrapper)', size.wrapper]].filter(([, s]) => s)
      .map(([n, s]) => `| ${n} | ${kb(s.raw)} | ${kb(s.gzip)} | ${kb(s.brotli)} |`),
    '',
    '## Timings',
    '',
    '| measure | Chromium (wasm) | native | wasm / native |',
    '|---|---|---|---|',
    `| instantiate (\`await init()\`: fetch, compile, instantiate) | ${ms(web.initMs)} | | |`,
    `| one \`plan\`, median of 50 × 100 calls | ${ms(web.onePlanMs)} | ${ms(nat.onePlanUs / 1000)} (engine only) | ${onePlanRatio.toFixed(2)}× |`,
    `| 10,000 clients, median of 3 | ${ms(web.many10kMs)} | ${ms(nat.many10kWithJsonMs)} (with JSON output) | ${ratio.toFixed(2)}× |`,
    `| 10,000 clients, engine only | | ${ms(nat.many10kMs)} | ${ratioEngine.toFixed(2)}× |`,
    `| throughput | ${Math.round(10000 / (web.many10kMs / 1000)).toLocaleString('en')} clients/s | ${Math.round(10000 / (nat.many10kWithJsonMs / 1000)).toLocaleString('en')} clients/s | |`,
    '',
    'The wasm figures include the boundary: inputs read from JS objects, plans',
    'handed back as JS objects. The native baseline is compared with its plans',
    'serialised to JSON, the closest native equivalent of that hand-over.',
    '',
    ...worstSection(worst, limits),
    ...limitSection(limit),
    ...profileSection,
    notes.trimEnd(),
    '',
  ].join('\n');
  writeFileSync(join(ROOT, 'BENCH.md'), md);
  console.log(`\n${md}`);
  if (web.errors) console.log(`note: ${web.errors} generated clients were rejected, e.g.: ${web.firstError}`);
}

await main();
