// `npm run bench`: bundle sizes, instantiation time, one plan, 10,000
// clients in headless Chromium and natively, against the budgets of issue 8.
// Prints the figures and writes them to BENCH.md.
//
//   node scripts/bench.mjs              # after scripts/build.sh
//   node scripts/bench.mjs --profiles   # also compare release-profile variants
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync, existsSync, cpSync, rmSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync, brotliCompressSync, constants as zlib } from 'node:zlib';
import { chromium } from '@playwright/test';

import { serve } from './serve.mjs';
import { CHROMIUM_ARGS } from '../playwright.config.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const OUT = join(ROOT, 'target', 'bench');
const BUDGET = { wasmGzipKB: 250, onePlanMs: 1, many10kMs: 1000, ratio: 2.5 };

// ---------------------------------------------------------------- inputs

/** Deterministic pseudo-random numbers (mulberry32), so every run and the
 * native baseline plan exactly the same clients. */
function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TODAY = '2026-11-24';

function isoDaysBefore(days) {
  const d = new Date(`${TODAY}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}

/** A client as a CRM would hold one: a year of orders, two or three
 * contacts with birthdays, a service period for some, an incident now and
 * then. */
function client(i, rnd) {
  const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
  const cycle = pick([14, 30, 30, 45, 60, 90, 180, 365]);
  const orders = [];
  for (let back = Math.floor(rnd() * cycle); back < 400 && orders.length < 12; back += cycle) {
    orders.push({ date: isoDaysBefore(back), amount: Math.round(10000 + rnd() * 500000), categories: [pick(['paper', 'toner', 'furniture', 'ads'])] });
  }
  const contacts = [
    { name: `Директор ${i}`, role: 'decision_maker', birthday: `--${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}` },
    { name: `Закупщик ${i}`, role: 'buyer', channels: ['phone', 'messenger'] },
  ];
  if (rnd() < 0.5) contacts.push({ name: `Инженер ${i}`, role: 'technical', interests: ['рыбалка'] });
  const input = {
    today: TODAY,
    locale: i % 3 === 0 ? 'en' : 'ru',
    client: {
      id: `client-${i}`,
      name: `ООО «Клиент ${i}»`,
      segment: pick(['A+', 'A', 'B', 'B', 'C', 'D']),
      orders,
      contacts,
      channels: ['phone', 'email', 'messenger'],
      industry: pick(['retail', 'manufacturing', 'it']),
    },
  };
  if (rnd() < 0.3) input.client.service = { start: isoDaysBefore(20), end: isoDaysBefore(-70), kind: 'campaign' };
  if (rnd() < 0.1) input.client.incidents = [{ date: isoDaysBefore(3), summary: 'Задержка поставки' }];
  return input;
}

function inputs() {
  const rnd = random(20261124);
  return { typical: client(0, random(1)), clients: Array.from({ length: 10_000 }, (_, i) => client(i + 1, rnd)) };
}

// ---------------------------------------------------------------- sizes

function sizes(pkg) {
  const wasm = readFileSync(join(pkg, 'touchplan_bg.wasm'));
  const glue = readFileSync(join(pkg, 'touchplan.js'));
  const wrapper = readFileSync(join(ROOT, 'www', 'api.js'));
  const measure = (b) => ({
    raw: b.length,
    gzip: gzipSync(b, { level: 9 }).length,
    brotli: brotliCompressSync(b, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } }).length,
  });
  return { wasm: measure(wasm), glue: measure(glue), wrapper: measure(wrapper) };
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

async function main() {
  const withProfiles = process.argv.includes('--profiles');
  mkdirSync(OUT, { recursive: true });
  const data = inputs();
  const inputsFile = join(OUT, 'inputs.json');
  writeFileSync(inputsFile, JSON.stringify(data));

  const size = sizes(join(ROOT, 'www', 'pkg'));
  console.log('sizes', JSON.stringify(size));
  const nat = native(inputsFile);
  console.log('native', JSON.stringify(nat));

  const { server, base } = await serve(0);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  try {
    const web = await browserRun(browser, base, data);
    console.log('chromium', JSON.stringify(web));

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
    report(size, nat, web, profiles, withProfiles);
  } finally {
    await browser.close();
    server.close();
  }
}

function report(size, nat, web, profiles, withProfiles) {
  const ratio = web.many10kMs / nat.many10kWithJsonMs;
  const ratioEngine = web.many10kMs / nat.many10kMs;
  const onePlanRatio = web.onePlanMs / (nat.onePlanUs / 1000);
  const rows = [
    ['wasm, gzip', kb(size.wasm.gzip), `≤ ${BUDGET.wasmGzipKB} KB`, ok(size.wasm.gzip <= BUDGET.wasmGzipKB * 1024)],
    ['one `plan` (typical client), Chromium', ms(web.onePlanMs), `≤ ${BUDGET.onePlanMs} ms`, ok(web.onePlanMs <= BUDGET.onePlanMs)],
    ['`planMany`, 10,000 clients, Chromium', ms(web.many10kMs), `≤ ${BUDGET.many10kMs} ms`, ok(web.many10kMs <= BUDGET.many10kMs)],
    ['wasm / native, 10,000 clients', `${ratio.toFixed(2)}×`, `≤ ${BUDGET.ratio}×`, ok(ratio <= BUDGET.ratio)],
  ];
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
    `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}; Node ${process.version}; ${chromiumVersion()} headless.`,
    `Inputs: ${nat.clients.toLocaleString('en')} generated clients (a year of orders, 2–3 contacts with birthdays, some service periods and incidents; scripts/bench.mjs), ${web.touches.toLocaleString('en')} touches planned, ${web.errors} errors.`,
    '',
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
    ...[['touchplan_bg.wasm', size.wasm], ['touchplan.js (glue)', size.glue], ['api.js (wrapper)', size.wrapper]]
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
    ...profileSection,
    notes.trimEnd(),
    '',
  ].join('\n');
  writeFileSync(join(ROOT, 'BENCH.md'), md);
  console.log(`\n${md}`);
  if (web.errors) console.log(`note: ${web.errors} generated clients were rejected, e.g.: ${web.firstError}`);
}

await main();
