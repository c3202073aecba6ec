#!/usr/bin/env bash
# Browser test of the tracking pages: renders every page in
# tests/render/pages.tsv (and its e-mail) with `examples/page.rs`, checks that
# the output equals the golden, then opens them in headless Chromium
# (check.mjs, playwright-core driving Debian's chromium) at 320, 375 and
# 1280 px: progress bar, headline, ETA and timeline visible, nothing
# overflowing. Screenshots land in tests/browser/out/screens/.
#
#   bash tests/browser/run.sh            # installs chromium / node deps if missing
#   bash tests/browser/run.sh --docs     # also refreshes the screenshots in docs/
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
start=$(date +%s)

if ! command -v chromium >/dev/null 2>&1; then
  echo "installing chromium (Debian package)"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core >/dev/null
fi
if [ ! -d "$here/node_modules/playwright-core" ]; then
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
fi

cd "$root"
cargo build --quiet --example page
page="$root/target/debug/examples/page"
out="$here/out"
rm -rf "$out"
mkdir -p "$out"
status=0
gold_failed=0
while IFS=$'\t' read -r name state carrier locale files eta; do
  case "$name" in ''|'#'*) continue ;; esac
  args=()
  IFS=',' read -r -a list <<<"$files"
  for f in "${list[@]}"; do args+=("tests/fixtures/$f"); done
  "$page" --carrier "$carrier" --locale "$locale" "${args[@]}" >"$out/$name.html"
  if ! cmp -s "$out/$name.html" "tests/render/$name.html"; then
    echo "FAIL $name: example output differs from tests/render/$name.html"
    gold_failed=$((gold_failed + 1))
  fi
  # The e-mail for the parcel's current notification, when there is one.
  "$page" --carrier "$carrier" --locale "$locale" --email --url "https://shop.example/track" \
    "${args[0]}" >"$out/$name.email.html" 2>/dev/null || rm -f "$out/$name.email.html"
done <tests/render/pages.tsv

(cd "$here" && node check.mjs "$out" "$root/tests/render/pages.tsv") | tee "$out/check.log" \
  || status=1
read -r passed failed < <(sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\1 \2/p' "$out/check.log" | tail -1)
passed=${passed:-0}
failed=$(( ${failed:-1} + gold_failed ))

# The checker must catch a broken page: a hidden ETA and a too-wide element.
bad="$out/selftest"
mkdir -p "$bad"
sed -e 's#</style>#.wismo-eta{visibility:hidden}</style>#' \
  -e 's#<main>#<main><div style="width:900px">wide</div>#' \
  "$out/out_for_delivery_nl.html" >"$bad/broken.html"
printf 'broken\tout_for_delivery\tpostnl\tnl\t-\tyes\n' >"$bad/pages.tsv"
if (cd "$here" && node check.mjs "$bad" "$bad/pages.tsv" >"$bad/log.txt" 2>&1); then
  echo "FAIL self-test: the checker passed a broken page"
  failed=$((failed + 1))
elif grep -q 'ETA not visible' "$bad/log.txt" && grep -q 'overflows' "$bad/log.txt"; then
  echo "ok   self-test: the checker fails a page with a hidden ETA and an overflow"
  passed=$((passed + 1))
else
  echo "FAIL self-test: unexpected checker output:"
  cat "$bad/log.txt"
  failed=$((failed + 1))
fi

if [ "${1:-}" = "--docs" ]; then
  cp "$out/screens/pickup_nl-375.png" "$root/docs/tracking-page-375.png"
  cp "$out/screens/split_order_da-1280.png" "$root/docs/tracking-page-1280.png"
fi
echo "browser test took $(( $(date +%s) - start )) s"
[ "$failed" -eq 0 ] || status=1
echo "browser: $passed passed, $failed failed"
exit $status
