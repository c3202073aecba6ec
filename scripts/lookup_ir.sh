#!/usr/bin/env bash
# Instructions per lookup (callgrind Ir), wismo vs std HashMap vs FxHashMap,
# on the keys of benches/lookup.rs: (Ir at 11 rounds - Ir at 1 round) / (10 x keys).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build -q --release --example lookup_count
bin=target/release/examples/lookup_count
ir() {
  valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bin" "$@" 2>&1 \
    | sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}
printf '%-6s %-5s %8s\n' map kind Ir/lookup
for kind in hit miss; do
  n=$("$bin" wismo "$kind" 0 2>&1 >/dev/null | sed -n 's/ keys//p')
  for which in wismo std fx; do
    a=$(ir "$which" "$kind" 1); b=$(ir "$which" "$kind" 11)
    printf '%-6s %-5s %8.1f\n' "$which" "$kind" "$(echo "($b - $a) / (10 * $n)" | bc -l)"
  done
done
