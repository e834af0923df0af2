// Set-up in two levels: serving needs no browser, testing adds one; on a
// system without apt-get, set-up says what to install and changes nothing.
// Only `--check` runs here: it stops after the check, before installing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const NO_APT = { APT_GET: '/nonexistent/apt-get', CHROMIUM: '/nonexistent/chromium', CHROMEDRIVER: '/nonexistent/chromedriver' };

function setup(args, env = {}) {
  const r = spawnSync('bash', ['scripts/setup.sh', ...args], { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8' });
  return { code: r.status, err: r.stderr };
}

test('serving needs no browser: the check passes without Chromium or apt-get', () => {
  const r = setup(['serve', '--check'], NO_APT);
  assert.equal(r.code, 0, r.err);
  assert.equal(setup(['--check'], NO_APT).code, 0, 'serve is the default level');
});

test('testing without Chromium or apt-get: says what to install and how to point at it, changes nothing', () => {
  const r = setup(['test', '--check'], NO_APT);
  assert.equal(r.code, 1);
  assert.match(r.err, /nothing was changed/);
  assert.match(r.err, /Chromium and a chromedriver/);
  assert.match(r.err, /not found: \/nonexistent\/chromium \/nonexistent\/chromedriver\)/);
  assert.match(r.err, /CHROMIUM=\/path\/to\/chromium CHROMEDRIVER=\/path\/to\/chromedriver npm test/);
  // Without --check it stops at the same place, before installing anything.
  const full = setup(['test'], NO_APT);
  assert.equal(full.code, 1);
  assert.equal(full.err, r.err);
});

test('a bad argument is refused', () => {
  const r = setup(['everything']);
  assert.equal(r.code, 2);
  assert.match(r.err, /usage: scripts\/setup.sh \[serve\|test\] \[--check\]/);
});

test('npm start sets up the serving level only; npm test the test level', () => {
  const { scripts } = JSON.parse(readFileSync(new URL('package.json', `file://${ROOT}/`), 'utf8'));
  for (const name of ['start', 'build', 'fuzz']) {
    assert.match(scripts[name], /^bash scripts\/setup\.sh && /, name);
  }
  assert.match(scripts.test, /^bash scripts\/setup\.sh test && /);
});

test('LICENSE is the MIT licence package.json and Cargo.toml name', () => {
  const license = readFileSync(new URL('LICENSE', `file://${ROOT}/`), 'utf8');
  assert.match(license, /^MIT License\n\nCopyright \(c\) 2026 touchplan contributors\n/);
  assert.equal(JSON.parse(readFileSync(new URL('package.json', `file://${ROOT}/`), 'utf8')).license, 'MIT');
  assert.match(readFileSync(new URL('Cargo.toml', `file://${ROOT}/`), 'utf8'), /^license = "MIT"$/m);
});
