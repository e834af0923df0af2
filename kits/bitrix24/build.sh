#!/usr/bin/env bash
# Builds dist/bitrix24/, the Bitrix24 app as an administrator uploads it:
# the handler (index.html + app.js) that the CRM card tabs POST to, the
# install page (install.html + install.js), the adapter, the official SDK's
# browser build from npm (vendor/) and the widget with its wasm
# (touchplan/). Run by scripts/build.sh after www/pkg/ is built.
set -euo pipefail
cd "$(dirname "$0")/../.."

kit=kits/bitrix24
out=dist/bitrix24
sdk=node_modules/@bitrix24/b24jssdk

if [ ! -f www/pkg/touchplan_bg.wasm ]; then
  echo "bitrix24 kit: www/pkg/ is not built (run scripts/build.sh)" >&2; exit 1
fi
if [ ! -f "$sdk/dist/umd/index.min.js" ]; then
  echo "bitrix24 kit: $sdk is not installed (run npm install)" >&2; exit 1
fi

rm -rf "$out"
mkdir -p "$out/vendor" "$out/touchplan/widget"
cp "$kit"/index.html "$kit"/install.html "$kit"/app.js "$kit"/install.js \
   "$kit"/adapter.js "$kit"/rest.js "$kit"/app.css "$out/"
cp "$sdk/dist/umd/index.min.js" "$out/vendor/b24jssdk.min.js"
cp "$sdk/LICENSE" "$out/vendor/b24jssdk.LICENSE"
# The widget's modules keep their relative layout (README "Hosting the files").
for f in widget/touch-plan-define.js widget/touch-plan.js widget/touch-plan-styles.js \
         widget/touch-plan-i18n.js widget/host-reader.js iso-date.js api.js; do
  cp "www/$f" "$out/touchplan/$f"
done
cp -r www/pkg "$out/touchplan/pkg"
echo "build: dist/bitrix24/ ($(du -sk "$out" | cut -f1) KB)" >&2
