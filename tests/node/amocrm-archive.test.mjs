// The amoCRM/Kommo widget archive as amoCRM's uploader checks it
// (Done-when 4): dist/amocrm/widget.zip, built by scripts/build.sh, has the
// required files at its root, one i18n file per manifest locale, the five
// logos at their sizes and ≤ 300 KB, UTF-8 text without BOM, and our own
// code unminified.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { LOGO_SIZES, pngSize } from '../../kits/amocrm/logos.mjs';
import { unzip } from '../../kits/amocrm/zip.mjs';

const ZIP = new URL('../../dist/amocrm/widget.zip', import.meta.url);
const files = existsSync(ZIP) ? unzip(readFileSync(ZIP)) : null;
const TEXT = /\.(json|js|html|css|twig|txt)$/;

test('the archive was built (npm run build)', () => {
  assert.ok(files, 'dist/amocrm/widget.zip is missing: run npm run build');
  console.log(`dist/amocrm/widget.zip: ${readFileSync(ZIP).length} bytes, ${files.size} files`);
});

test('required files at the root; the manifest as amoCRM documents it', { skip: !files }, () => {
  for (const name of ['manifest.json', 'script.js', 'i18n/ru.json', 'i18n/en.json']) assert.ok(files.has(name), name);
  assert.ok(![...files.keys()].some((n) => n.startsWith('widget/') || n.startsWith('/') || n.includes('..')), 'no folder around the files');
  const manifest = JSON.parse(files.get('manifest.json').toString('utf8'));
  assert.equal(manifest.widget.interface_version, 2);
  assert.deepEqual(manifest.widget.locale, ['ru', 'en']);
  assert.match(manifest.widget.version, /^\d+\.\d+\.\d+$/);
  assert.match(manifest.widget.support.link, /^https:\/\//);
  assert.match(manifest.widget.support.email, /^[^@\s]+@[^@\s]+$/);
  assert.deepEqual(manifest.locations, ['lcard-1', 'ccard-1', 'comcard-1', 'settings']);
  for (const [name, setting] of Object.entries(manifest.settings)) {
    assert.ok(['text', 'pass', 'users', 'users_lp', 'custom'].includes(setting.type), `${name}: ${setting.type}`);
  }
  assert.equal(manifest.settings.field_map.type, 'custom');
});

test('locales = language files, each with every key the manifest names', { skip: !files }, () => {
  const manifest = JSON.parse(files.get('manifest.json').toString('utf8'));
  const langFiles = [...files.keys()].filter((n) => n.startsWith('i18n/')).map((n) => n.slice(5, -5)).sort();
  assert.deepEqual(langFiles, [...manifest.widget.locale].sort());
  const keys = [manifest.widget.name, manifest.widget.description, manifest.widget.short_description,
    ...Object.values(manifest.settings).map((s) => s.name)];
  for (const locale of manifest.widget.locale) {
    const lang = JSON.parse(files.get(`i18n/${locale}.json`).toString('utf8'));
    for (const key of keys) {
      const value = key.split('.').reduce((o, k) => o?.[k], lang);
      assert.equal(typeof value, 'string', `${locale}: ${key}`);
      assert.ok(value.length > 0, `${locale}: ${key}`);
    }
    assert.equal(lang.touchplan.locale, locale);
  }
});

test('images: the five logos at amoCRM sizes, PNG, each ≤ 300 KB', { skip: !files }, () => {
  for (const [name, [width, height]] of Object.entries(LOGO_SIZES)) {
    const png = files.get(`images/${name}`);
    assert.ok(png, name);
    assert.deepEqual(pngSize(png), { width, height }, name);
    assert.ok(png.length <= 300 * 1024, `${name}: ${png.length} bytes`);
  }
});

test('text files are UTF-8 without BOM', { skip: !files }, () => {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for (const [name, data] of files) {
    if (!TEXT.test(name)) continue;
    assert.ok(!(data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf), `${name} starts with a BOM`);
    assert.doesNotThrow(() => decoder.decode(data), `${name} is not UTF-8`);
  }
});

test('script.js is an AMD module on jquery with the documented callbacks; our code is not minified', { skip: !files }, () => {
  const script = files.get('script.js').toString('utf8');
  assert.match(script, /^define\(\['jquery'\], function \(\$\) \{$/m);
  for (const callback of ['render', 'init', 'bind_actions', 'settings', 'onSave', 'destroy']) {
    assert.match(script, new RegExp(`^ {6}${callback}: function`, 'm'), callback);
  }
  for (const [name, data] of files) {
    // wasm-bindgen's glue (each wasm part's) is generated, not ours.
    if (!name.endsWith('.js') || /^touchplan\/pkg\/touchplan(_export|_book)?\.js$/.test(name)) continue;
    const lines = data.toString('utf8').split('\n');
    assert.ok(lines.length > 5, `${name}: ${lines.length} lines`);
    assert.ok(lines.every((l) => l.length <= 240), `${name} has a line longer than 240 characters`);
    assert.match(data.toString('utf8'), /^\/\/ /m, `${name} has comments`);
  }
  assert.ok(files.has('touchplan/pkg/touchplan_bg.wasm'));
  // The exports' wasm part, which pkg/touchplan.js imports (issue 18).
  assert.ok(files.has('touchplan/pkg/touchplan_export.js'));
  assert.ok(files.has('touchplan/pkg/touchplan_export_bg.wasm'));
  // And the book's (planBook), which pkg/touchplan.js imports too.
  assert.ok(files.has('touchplan/pkg/touchplan_book.js'));
  assert.ok(files.has('touchplan/pkg/touchplan_book_bg.wasm'));
});
