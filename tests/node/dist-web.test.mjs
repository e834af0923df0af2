// dist/web/ (built by scripts/build.sh): the plain files an integrator puts
// on any static host. Every module a page or script names must be inside
// it, so copying the folder is all it takes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const WEB = fileURLToPath(new URL('../../dist/web/', import.meta.url));

function filesUnder(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

// Relative references: ES imports (static and dynamic), `new URL('…',
// import.meta.url)`, and the src/href of the pages' script, link, img, a
// and iframe tags (<touch-plan src> names an element id, not a file).
const REFERENCES = [
  /\bfrom\s+['"](\.{1,2}\/[^'"]+)['"]/g,
  /\bimport\s*\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g,
  /\bimport\s+['"](\.{1,2}\/[^'"]+)['"]/g,
  /new URL\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*,\s*import\.meta\.url\)/g,
  /<(?:script|link|img|a|iframe)\b[^>]*?\s(?:src|href)="((?!https?:|data:|#|mailto:)[^"]+)"/g,
];

test('dist/web/ holds the widget, the calculator, the client book with its parser, the JS API and the wasm, and every reference in it resolves inside it', () => {
  assert.ok(existsSync(WEB), 'dist/web/ is missing: run npm run build');
  for (const file of ['widget/touch-plan-define.js', 'widget/touch-plan.js', 'calculator/index.html', 'book/index.html', 'book/sample-200.csv', 'book/template.csv', 'book/template-en.csv', 'vendor/papaparse.js', 'api.js', 'pkg/touchplan.js', 'pkg/touchplan_bg.wasm', 'pkg/touchplan_export.js', 'pkg/touchplan_export_bg.wasm', 'pkg/touchplan_book.js', 'pkg/touchplan_book_bg.wasm', 'index.html']) {
    assert.ok(existsSync(join(WEB, file)), `dist/web/${file}`);
  }
  let checked = 0;
  for (const file of filesUnder(WEB).filter((f) => /\.(m?js|html)$/.test(f))) {
    const text = readFileSync(file, 'utf8');
    for (const pattern of REFERENCES) {
      for (const [, ref] of text.matchAll(pattern)) {
        const path = ref.split(/[?#]/)[0];
        if (!path) continue;
        const target = path.startsWith('/') ? join(WEB, path) : resolve(dirname(file), path);
        const where = `${relative(WEB, file)} → ${ref}`;
        assert.ok(!relative(WEB, target).startsWith('..'), `${where} leaves dist/web/`);
        const found = existsSync(target) && (statSync(target).isFile() || existsSync(join(target, 'index.html')));
        assert.ok(found, `${where} is missing`);
        checked += 1;
      }
    }
  }
  assert.ok(checked > 20, `references checked: ${checked}`);
});

test('pkg/touchplan.d.ts declares toIcs and toCsv whole, from the exports\' wasm part (issue 18)', () => {
  const dts = readFileSync(join(WEB, 'pkg', 'touchplan.d.ts'), 'utf8');
  assert.ok(dts.includes('export function toIcs(plan: Plan, opts?: { calendarName?: string }): string;'), 'toIcs');
  assert.ok(dts.includes('export function toCsv(plan: Plan, opts?: { separator?: "," | ";" | "\\t"; bom?: boolean }): string;'), 'toCsv');
  assert.match(dts, /export function initSync\(module: \{ module: SyncInitInput; exports\?: SyncInitInput \| false; book\?: SyncInitInput \| false \}/);
});

test('pkg/touchplan.d.ts declares planBook once, from the book\'s wasm part (issue 18)', () => {
  const dts = readFileSync(join(WEB, 'pkg', 'touchplan.d.ts'), 'utf8');
  assert.equal(dts.match(/export function planBook\(input: BookInput\): Book;/g)?.length, 1);
  assert.match(dts, /export interface BookInput \{/);
});
