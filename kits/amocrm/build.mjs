// Builds the amoCRM/Kommo widget: dist/amocrm/widget/ (the folder) and
// dist/amocrm/widget.zip (the same files at the archive's root, as
// amoCRM's uploader wants them). Run by scripts/build.sh after pkg/ and
// www/pkg/ are built.
//
//   widget/manifest.json, script.js, i18n/{ru,en}.json   kits/amocrm/widget/
//   widget/images/*.png                                  drawn by logos.mjs
//   widget/touchplan/                                    the <touch-plan> modules and
//                                                        wasm from www/ in its layout
//                                                        (widget/, api.js, iso-date.js,
//                                                        pkg/; found by following their
//                                                        imports), and the kit: kit.js,
//                                                        adapter.js, amocrm-api.js
// Nothing is minified (amoCRM's rule for public widgets): files are copied.
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, posix, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LOGO_SIZES, logo } from './logos.mjs';
import { zip } from './zip.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const KIT = fileURLToPath(new URL('.', import.meta.url));
const WWW = join(ROOT, 'www');
const OUT = join(ROOT, 'dist', 'amocrm');
const KIT_MODULES = ['kit.js', 'adapter.js', 'amocrm-api.js'];

// Relative module references of an ES module: static and dynamic imports,
// re-exports, and `new URL('…', import.meta.url)` (the wasm).
const REFERENCE = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|new URL\(\s*)['"](\.{1,2}\/[^'"]+)['"]/g;

function referencesOf(source) {
  return [...source.matchAll(REFERENCE)].map((m) => m[1]);
}

/** The files under `base` that `entry` needs, following relative references. */
function moduleGraph(base, entry) {
  const found = new Set();
  const queue = [entry];
  while (queue.length) {
    const file = queue.shift();
    if (found.has(file)) continue;
    found.add(file);
    if (!file.endsWith('.js')) continue;
    for (const ref of referencesOf(readFileSync(join(base, file), 'utf8'))) {
      const target = posix.normalize(posix.join(posix.dirname(file), ref));
      if (target.startsWith('..')) throw new Error(`${file} refers outside www/: ${ref}`);
      queue.push(target);
    }
  }
  return [...found].sort();
}

function widgetFiles() {
  const files = new Map();
  const version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;
  const manifest = JSON.parse(readFileSync(join(KIT, 'widget', 'manifest.json'), 'utf8'));
  manifest.widget.version = version;
  files.set('manifest.json', Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`));
  files.set('script.js', readFileSync(join(KIT, 'widget', 'script.js')));
  for (const name of readdirSync(join(KIT, 'widget', 'i18n')).sort()) {
    files.set(`i18n/${name}`, readFileSync(join(KIT, 'widget', 'i18n', name)));
  }
  for (const [name, [width, height]] of Object.entries(LOGO_SIZES)) files.set(`images/${name}`, logo(width, height));
  for (const file of moduleGraph(WWW, 'widget/touch-plan-define.js')) files.set(`touchplan/${file}`, readFileSync(join(WWW, file)));
  for (const file of KIT_MODULES) files.set(`touchplan/${file}`, readFileSync(join(KIT, file)));
  // Every relative import of the copied modules must land in the archive
  // (a moved www/ file would otherwise break the widget only in amoCRM).
  for (const [name, data] of files) {
    if (!name.startsWith('touchplan/') || !name.endsWith('.js')) continue;
    for (const ref of referencesOf(data.toString('utf8'))) {
      const target = posix.normalize(posix.join(posix.dirname(name), ref));
      if (!files.has(target)) throw new Error(`${name} imports ${ref}, which is not in the widget`);
    }
  }
  return files;
}

const files = widgetFiles();
rmSync(OUT, { recursive: true, force: true });
for (const [name, data] of files) {
  const path = join(OUT, 'widget', name);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, data);
}
const archive = zip([...files].map(([name, data]) => ({ name, data })));
writeFileSync(join(OUT, 'widget.zip'), archive);
console.error(`build: ${relative(ROOT, join(OUT, 'widget.zip'))}, ${archive.length} bytes, ${files.size} files`);
