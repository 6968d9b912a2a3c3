#!/usr/bin/env bash
# Refresh the dashboard's vendored JavaScript and world outline from npm (run by hand, never at
# setup or test time: the files are committed, so the dashboard works offline). The versions are
# pinned here and each file's sha256 is written to vendor/SHA256SUMS.
#
#   bash scripts/vendor_web.sh
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=src/eventwire/web/static/vendor
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
PACKAGES=(vega@6.4.0 vega-lite@6.5.0 vega-embed@7.3.0 vega-interpreter@2.3.2 world-atlas@2.0.2)
(cd "$WORK" && for p in "${PACKAGES[@]}"; do npm pack --silent "$p" >/dev/null; done)
for t in "$WORK"/*.tgz; do
  name=$(basename "$t" .tgz); mkdir -p "$WORK/$name"; tar xzf "$t" -C "$WORK/$name"
done
mkdir -p "$OUT"
cp "$WORK"/vega-6.*/package/build/vega.min.js "$OUT/"
cp "$WORK"/vega-lite-6.*/package/build/vega-lite.min.js "$OUT/"
cp "$WORK"/vega-embed-7.*/package/build/vega-embed.min.js "$OUT/"
cp "$WORK"/world-atlas-2.*/package/countries-110m.json "$OUT/"
# vega-interpreter (Vega's CSP-safe expression evaluator) is an ES module that imports three
# helpers from vega-util; the page already has them on the global `vega`, so the one import line
# becomes a read of that global. Nothing else changes.
sed "1s#^import { \(.*\) } from 'vega-util';#const { \1 } = globalThis.vega;#" \
  "$WORK"/vega-interpreter-2.*/package/build/vega-interpreter.js > "$OUT/vega-interpreter.module.js"
grep -q "globalThis.vega" "$OUT/vega-interpreter.module.js"
for p in vega vega-lite vega-embed vega-interpreter world-atlas; do
  cp "$WORK"/$p-[0-9]*/package/LICENSE "$OUT/LICENSE-$p.txt"
done
printf '%s\n' "${PACKAGES[@]}" > "$OUT/VERSIONS"
(cd "$OUT" && sha256sum ./*.js ./*.json > SHA256SUMS)
echo "vendored ${PACKAGES[*]} -> $OUT"
