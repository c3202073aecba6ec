#!/usr/bin/env bash
# Fuzz smoke test for CI: builds every target (stable toolchain with
# RUSTC_BOOTSTRAP=1) and runs each for a few seconds from the fixture seeds,
# so a target that no longer builds, or that crashes at once, fails.
# FUZZ_SECONDS sets the time per target (default 2; 46 targets).
set -euo pipefail
cd "$(dirname "$0")"
export RUSTC_BOOTSTRAP=1
secs="${FUZZ_SECONDS:-2}"
start=$(date +%s)
cargo fuzz build -O
echo "fuzz build: $(( $(date +%s) - start )) s"
python3 seed.py
log=$(mktemp)
for t in $(cargo fuzz list); do
  # The first corpus folder collects what libFuzzer finds (git-ignored).
  if ! cargo fuzz run -O "$t" "corpus/$t" -- -max_total_time="$secs" -max_len=65536 \
    -print_final_stats=1 >"$log" 2>&1; then
    tail -40 "$log"
    echo "fuzz target $t failed (reproducer in fuzz/artifacts/$t)"
    exit 1
  fi
  echo "$t: $(grep -oE "stat::number_of_executed_units: *[0-9]+" "$log" | grep -oE "[0-9]+$") runs"
done
rm -f "$log"
echo "fuzz smoke: $(( $(date +%s) - start )) s in all"
