// The fuzz harness's smoke (scripts/fuzz.mjs; `npm run fuzz` runs more):
// 10,000 mutated inputs with a fixed seed, no trap, every error well
// formed, every plan holding its invariants. Findings are not saved here;
// `npm run fuzz -- --seed 15 --count 10000` reproduces and shrinks them.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import init, * as api from '../../www/api.js';
import { decode, encode, fuzz } from '../../scripts/fuzz.mjs';

await init();

test('10,000 fuzzed inputs: no trap, no malformed error, no broken plan', () => {
  const report = fuzz(api, { seed: 15, count: 10_000 });
  const summary = JSON.stringify({ counts: report.counts, problems: report.problems, findings: report.findings.map((f) => [f.problem, f.index, f.mutations]) });
  assert.equal(report.counts.plan + report.counts.error + report.counts.trap, 10_000);
  assert.ok(report.counts.plan > 1000 && report.counts.error > 1000, `both outcomes are exercised: ${summary}`);
  assert.equal(report.counts.trap, 0, summary);
  assert.deepEqual(report.problems, {}, summary);
});

test('a case replays from its saved form', () => {
  const value = { a: [NaN, -0, Infinity, 10n, undefined], b: new Set([1]) };
  value.self = value;
  const back = decode(JSON.parse(JSON.stringify(encode(value))));
  assert.ok(Number.isNaN(back.a[0]) && Object.is(back.a[1], -0) && back.a[2] === Infinity && back.a[3] === 10n);
  assert.ok(back.b instanceof Set);
  assert.equal(back.self, back);
});

test('the whole input past its limits is refused at the root path, and the checker takes that as right', async () => {
  const { checkError } = await import('../../scripts/fuzz.mjs');
  const input = { today: '2026-12-01', client: { name: 'Большой', orders: [] }, extra: Array.from({ length: 400 }, () => new Array(600).fill(1)) };
  let error = null;
  try {
    api.plan(input);
  } catch (e) {
    error = e;
  }
  assert.ok(error, 'an input of 240,000 values is refused');
  assert.equal(error.code, 'too_many');
  assert.equal(error.errors[0].path, '');
  assert.deepEqual(checkError(error, input), []);
  const wrong = { name: 'TouchPlanError', code: 'missing_field', path: '', errors: [{ code: 'missing_field', path: '', message: 'нет поля' }] };
  Object.setPrototypeOf(wrong, Error.prototype);
  assert.deepEqual(checkError(wrong, input), ['root_path'], 'another code at the root is still a finding');
});

test('--jobs: the cases split over processes add up to the one-process report', async () => {
  const { execFileSync } = await import('node:child_process');
  const { readFileSync, mkdtempSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { tmpdir } = await import('node:os');
  const dir = mkdtempSync(join(tmpdir(), 'touchplan-fuzz-test-'));
  const script = new URL('../../scripts/fuzz.mjs', import.meta.url).pathname;
  const run = (jobs) => {
    const file = join(dir, `report-${jobs}.json`);
    execFileSync(process.execPath, [script, '--seed', '7', '--count', '90', '--jobs', String(jobs), '--out', dir, '--report-json', file], { stdio: 'ignore' });
    return JSON.parse(readFileSync(file, 'utf8'));
  };
  const one = run(1);
  const three = run(3);
  assert.equal(three.count, 90);
  assert.deepEqual(three.counts, one.counts);
  assert.deepEqual(three.errorCodes, one.errorCodes);
  assert.deepEqual(three.problems, one.problems);
  assert.ok(one.counts.plan > 0 && one.counts.error > 0, JSON.stringify(one.counts));
});
