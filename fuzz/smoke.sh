#!/usr/bin/env bash
# Fuzz smoke test for CI (issue 19), on the stable toolchain with
# RUSTC_BOOTSTRAP=1 (see README.md):
# 1. every target type-checks (`cargo check`, no sanitizer: cheap), so a target
#    that no longer builds fails;
# 2. `parse` (which reaches every parser: its first byte picks the carrier),
#    `classify` and `detect` are built with ASan and coverage and run from the
#    fixture seeds, so a crash at once fails.
# Building all 46 targets with ASan links 46 binaries, past the 5-minute budget
# on a 2-core machine: FUZZ_ALL=1 builds and runs every target instead.
# FUZZ_SECONDS sets the run time per target (default: 30 s for parse, 5 s for
# the others).
set -euo pipefail
cd "$(dirname "$0")"
export RUSTC_BOOTSTRAP=1
start=$(date +%s)
cargo check -q --bins
echo "fuzz check (all targets): $(( $(date +%s) - start )) s"
python3 seed.py
if [ -n "${FUZZ_ALL:-}" ]; then
  targets=$(cargo fuzz list)
  cargo fuzz build -O
else
  targets="parse classify detect"
  for t in $targets; do cargo fuzz build -O "$t"; done
fi
echo "fuzz build: $(( $(date +%s) - start )) s"
log=$(mktemp)
for t in $targets; do
  secs="${FUZZ_SECONDS:-$([ "$t" = parse ] && echo 30 || echo 5)}"
  # The first corpus folder collects what libFuzzer finds (git-ignored).
  if ! cargo fuzz run -O "$t" "corpus/$t" -- -max_total_time="$secs" -max_len=65536 \
    -print_final_stats=1 >"$log" 2>&1; then
    tail -40 "$log"
    echo "fuzz target $t failed (reproducer in fuzz/artifacts/$t)"
    exit 1
  fi
  echo "$t: $(grep -oE "stat::number_of_executed_units: *[0-9]+" "$log" | grep -oE "[0-9]+$") runs in $secs s"
done
rm -f "$log"
echo "fuzz smoke: $(( $(date +%s) - start )) s in all"
