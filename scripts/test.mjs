// `npm test` after set-up: builds, then runs every suite, even after one
// fails, and closes with the counts of each and a total line
// ("total: N passed, N failed"). Exits non-zero on any failure.
//
//   1. cargo test                      native unit, integration and doc tests
//      cargo test --release --test plan_hashes   plans byte-identical (release)
//   2. cargo test --target wasm32 ...  tests/web.rs in headless Chromium
//   3. node --test tests/node/         the JS API in Node
//   4. playwright test                 tests/e2e/ in headless Chromium
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

// webdriver.json names Debian's Chromium; another one (CHROMIUM, see
// scripts/setup.sh) gets a copy naming it, for the wasm test runner.
function webdriverJson() {
  const config = JSON.parse(readFileSync(join(ROOT, 'webdriver.json'), 'utf8'));
  const binary = process.env.CHROMIUM;
  if (!binary || binary === config['goog:chromeOptions'].binary) return {};
  config['goog:chromeOptions'].binary = binary;
  const file = join(mkdtempSync(join(tmpdir(), 'touchplan-webdriver-')), 'webdriver.json');
  writeFileSync(file, JSON.stringify(config, null, 2));
  return { WASM_BINDGEN_TEST_WEBDRIVER_JSON: file };
}

const cargoCounts = (out) => sum(out, /test result: \w+\. (\d+) passed; (\d+) failed/g);
const SUITES = [
  { name: 'cargo test', cmd: 'cargo', args: ['test'], counts: cargoCounts },
  // 10,000 plans hashed (tests/plan_hashes.rs): minutes in a debug build, so
  // `cargo test` skips it and it runs here in release.
  {
    name: 'plan hashes (release)',
    cmd: 'cargo',
    args: ['test', '--release', '--test', 'plan_hashes'],
    counts: cargoCounts,
  },
  {
    name: 'wasm (Chromium)',
    cmd: 'cargo',
    args: ['test', '--release', '--target', 'wasm32-unknown-unknown', '--test', 'web'],
    env: { CHROMEDRIVER: process.env.CHROMEDRIVER ?? '/usr/bin/chromedriver', ...webdriverJson() },
    counts: cargoCounts,
  },
  {
    name: 'node --test',
    cmd: 'node',
    args: ['--test', '--test-reporter=spec', 'tests/node/'],
    counts: nodeCounts,
  },
  {
    name: 'playwright',
    cmd: 'npx',
    args: ['playwright', 'test'],
    counts: (out) => ({
      passed: last(out, /^\s*(\d+) passed/m),
      failed: last(out, /^\s*(\d+) failed/m) + last(out, /^\s*(\d+) flaky/m),
    }),
  },
];

function sum(out, re) {
  let passed = 0;
  let failed = 0;
  for (const m of out.matchAll(re)) {
    passed += Number(m[1]);
    failed += Number(m[2]);
  }
  return { passed, failed };
}

function last(out, re) {
  const m = out.match(re);
  return m ? Number(m[1]) : 0;
}

// node's spec reporter ends with "ℹ pass N" / "ℹ fail N".
function nodeCounts(out) {
  return { passed: last(out, /^ℹ pass (\d+)/m), failed: last(out, /^ℹ fail (\d+)/m) };
}

function run(cmd, args, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => { out += d; process.stdout.write(d); });
    child.stderr.on('data', (d) => { out += d; process.stderr.write(d); });
    child.on('error', (e) => resolve({ code: 127, out: `${out}\n${e.message}` }));
    child.on('close', (code) => resolve({ code: code ?? 1, out }));
  });
}

const header = (s) => console.log(`\n=== ${s} ===`);

header('build');
const build = await run('bash', ['scripts/build.sh']);
if (build.code !== 0) {
  console.log('\nbuild failed: no test ran');
  console.log('0 passed, 1 failed');
  process.exit(1);
}

const results = [];
for (const suite of SUITES) {
  header(suite.name);
  const { code, out } = await run(suite.cmd, suite.args, suite.env);
  const { passed, failed } = suite.counts(out);
  // A runner that fails without counting a failure (a crash, a build
  // error) still counts as one failure.
  results.push({ name: suite.name, passed, failed: code !== 0 && failed === 0 ? 1 : failed, code });
}

header('summary');
let passed = 0;
let failed = 0;
for (const r of results) {
  passed += r.passed;
  failed += r.failed;
  const note = r.code !== 0 ? ` (exit ${r.code})` : '';
  console.log(`${r.name.padEnd(16)} ${r.passed} passed, ${r.failed} failed${note}`);
}
console.log(`total: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 || results.some((r) => r.code !== 0) ? 1 : 0);
