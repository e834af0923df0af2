// The repository carries its own documentation: every relative link in
// README.md and docs/*.md names a file inside the repository (a clone with
// nothing beside it), and an anchor, when given, names a heading there.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const PAGES = ['README.md', ...readdirSync(join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];

/** Links and images of a Markdown text, code spans and blocks left out. */
export function links(markdown) {
  const text = markdown.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
  return [...text.matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => m[1]);
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to "-". */
export function anchors(markdown) {
  const text = markdown.replace(/```[\s\S]*?```/g, '');
  const seen = new Map();
  return [...text.matchAll(/^#{1,6}\s+(.+?)\s*#*$/gm)].map((m) => {
    const slug = m[1]
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-');
    const n = seen.get(slug) ?? 0;
    seen.set(slug, n + 1);
    return n ? `${slug}-${n}` : slug;
  });
}

test('the link checker reads links and anchors as GitHub does', () => {
  assert.deepEqual(links('[a](docs/x.md) `[b](no.md)` ![p](docs/p.png "t")\n```\n[d](no.md)\n```'), ['docs/x.md', 'docs/p.png']);
  assert.deepEqual(anchors('## The `<touch-plan>` widget\n## Settings: every product choice, with its default\n## R6 — reaction window'), [
    'the-touch-plan-widget',
    'settings-every-product-choice-with-its-default',
    'r6--reaction-window',
  ]);
});

for (const page of PAGES) {
  test(`every relative link in ${page} resolves inside the repository`, () => {
    const markdown = readFileSync(join(ROOT, page), 'utf8');
    const found = links(markdown);
    assert.ok(found.length > 0, `${page} links somewhere`);
    for (const link of found) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(link)) {
        assert.match(link, /^https:\/\//, `${page}: ${link} is a web address or a file in the repository`);
        continue;
      }
      const [path, anchor] = link.split('#');
      const target = path ? resolve(dirname(join(ROOT, page)), decodeURIComponent(path)) : join(ROOT, page);
      const inside = relative(ROOT, target);
      assert.ok(inside && !inside.startsWith('..') && !inside.startsWith(sep), `${page}: ${link} leaves the repository`);
      assert.ok(existsSync(target), `${page}: ${link} — no such file ${inside}`);
      if (anchor && statSync(target).isFile() && target.endsWith('.md')) {
        assert.ok(anchors(readFileSync(target, 'utf8')).includes(anchor), `${page}: ${link} — no heading #${anchor} in ${inside}`);
      }
    }
  });
}

test('the README links the API reference and the rule book', () => {
  const found = links(readFileSync(join(ROOT, 'README.md'), 'utf8'));
  for (const doc of ['docs/api.md', 'docs/rules.md']) assert.ok(found.includes(doc), doc);
});

test('the rule book covers R1 to R16 and the API reference every function', () => {
  const rules = readFileSync(join(ROOT, 'docs/rules.md'), 'utf8');
  for (let n = 1; n <= 16; n++) assert.match(rules, new RegExp(`^## R${n} — `, 'm'), `R${n}`);
  const api = readFileSync(join(ROOT, 'docs/api.md'), 'utf8');
  for (const fn of ['init', 'initSync', 'plan', 'planMany', 'planEach', 'reasonCatalog', 'defaultSettings', 'toIcs', 'toCsv', 'version']) {
    assert.match(api, new RegExp(`\`${fn}\\(`), fn);
  }
});
