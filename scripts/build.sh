#!/usr/bin/env bash
# Builds the browser bundle: release wasm, in three parts → wasm-bindgen
# (--target web) → wasm-opt -Oz (npm binaryen, when installed) → pkg/, copied to www/pkg/ so
# that www/ is a self-contained static site; then the CRM kits' packages in
# dist/ (dist/web/, dist/amocrm/widget/ and widget.zip, dist/bitrix24/).
# All of them are generated.
set -euo pipefail
cd "$(dirname "$0")/.."

wasm=target/wasm32-unknown-unknown/release/touchplan.wasm
rm -rf pkg
# Three wasm parts from the one crate (issue 18): planning (feature `plan`),
# toIcs/toCsv (feature `export`) and planBook with R16 levelling (feature
# `book`), which a page that only shows plans never downloads;
# scripts/join-glue.mjs gives pkg/touchplan.js all three.
# The reset-state function lets www/api.js re-instantiate a trapped
# instance synchronously from the compiled module (see www/api.js).
part() {
  cargo build --release --target wasm32-unknown-unknown --no-default-features --features "$1"
  wasm-bindgen --target web --experimental-reset-state-function --out-name "$2" --out-dir pkg "$wasm"
}
part plan touchplan
part export touchplan_export
part book touchplan_book

if [ -x node_modules/.bin/wasm-opt ]; then
  # Two at a time (two cores); the features rustc enables by default for
  # wasm32-unknown-unknown.
  pids=()
  for f in pkg/touchplan_bg.wasm pkg/touchplan_book_bg.wasm pkg/touchplan_export_bg.wasm; do
    node_modules/.bin/wasm-opt -Oz --strip-debug --strip-producers \
      --enable-bulk-memory --enable-mutable-globals --enable-sign-ext \
      --enable-nontrapping-float-to-int --enable-reference-types --enable-multivalue \
      "$f" -o "$f" &
    pids+=($!)
    if [ "${#pids[@]}" -eq 2 ]; then wait "${pids[0]}"; pids=("${pids[1]}"); fi
  done
  for pid in "${pids[@]}"; do wait "$pid"; done
else
  echo "build: wasm-opt not installed (npm binaryen); the wasm is not size-optimised" >&2
fi
node scripts/join-glue.mjs pkg/

rm -rf www/pkg
cp -r pkg www/pkg
# Papa Parse as an ES module (no window.Papa) for the client book's CSV
# import, www/book/.
node scripts/vendor-papaparse.mjs
echo "build: $(wc -c < pkg/touchplan_bg.wasm) + $(wc -c < pkg/touchplan_export_bg.wasm) (exports) + $(wc -c < pkg/touchplan_book_bg.wasm) (book) bytes of wasm in pkg/ and www/pkg/" >&2

# dist/web/: the plain files for any other CRM page or a static report —
# the widget, the calculator, the client book with its CSV import (and the
# vendored parser), the JS API and the wasm, and the demo card page as an
# example of embedding.
rm -rf dist/web
mkdir -p dist/web
cp -r www/widget www/calculator www/book www/vendor www/demo www/pkg www/api.js www/iso-date.js www/favicon.svg www/index.html dist/web/
echo "build: dist/web/ ($(du -sk dist/web | cut -f1) KB)" >&2

# The CRM kits' packages in dist/, built from www/ and pkg/ above.
node kits/amocrm/build.mjs
bash kits/bitrix24/build.sh
