// The README's JS API example, run as written against www/api.js, so that
// the documented embedding keeps working.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

test('the README embedding example runs', async () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const section = readme.slice(readme.indexOf('## The JS API'));
  const code = section.match(/```js\n([\s\S]*?)```/)?.[1];
  assert.ok(code, 'a ```js block under "## The JS API"');
  const api = new URL('../../www/api.js', import.meta.url).href;
  const logged = [];
  globalThis.__readmeLog = (...args) => logged.push(args.join(' '));
  const script = `${code.replace(/(['"])\.\/api\.js\1/, `'${api}'`).replaceAll('console.log(', 'globalThis.__readmeLog(')}
export { ics };`;
  const file = join(mkdtempSync(join(tmpdir(), 'touchplan-readme-')), 'example.mjs');
  writeFileSync(file, script);
  const { ics } = await import(file);
  assert.ok(logged.length > 0, 'the example prints the touches');
  assert.match(logged[0], /^\d{4}-\d{2}-\d{2} \w+ \w+ \S/);
  assert.ok(ics.startsWith('BEGIN:VCALENDAR\r\n'));
});

test('the README planEach example runs', async () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const section = readme.slice(readme.indexOf('## The JS API'));
  const code = [...section.matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1]).find((c) => c.includes('planEach'));
  assert.ok(code, 'a ```js block with planEach under "## The JS API"');
  const api = new URL('../../www/api.js', import.meta.url).href;
  const script = `const saved = [], reported = [];
function* readClients() {
  yield { today: '2026-11-24', client: { id: 'a' } };
  yield { today: 'never', client: { id: 'b' } };
  yield { today: '2026-11-24', client: { id: 'c' } };
}
const save = (plan) => saved.push(plan.clientId);
const report = (error) => reported.push(error.path);
${code.replace(/(['"])\.\/api\.js\1/, `'${api}'`)}
export { saved, reported };`;
  const file = join(mkdtempSync(join(tmpdir(), 'touchplan-readme-')), 'each.mjs');
  writeFileSync(file, script);
  const { saved, reported } = await import(file);
  assert.deepEqual(saved, ['a', 'c']);
  assert.deepEqual(reported, ['today']);
});
