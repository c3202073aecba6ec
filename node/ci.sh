#!/usr/bin/env bash
# Builds the addon from a clean checkout and tests it: npm ci (napi-rs CLI,
# TypeScript), napi build --release, node --test (the crate's fixtures, the
# API, tsc --strict over index.d.ts).
#
#   bash node/ci.sh
#
# CARGO_TARGET_DIR defaults to the repository's target/.
set -euo pipefail
cd "$(dirname "$0")"
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$PWD/../target}
export CARGO_TERM_COLOR=never
t0=$SECONDS

echo "== node: npm ci ($(node --version))"
rm -rf node_modules
npm ci --no-audit --no-fund --loglevel=error
echo "   ($((SECONDS - t0)) s)"

echo "== node: cargo fmt --check, clippy"
cargo fmt --manifest-path Cargo.toml -- --check
cargo clippy -q --manifest-path Cargo.toml --release -- -D warnings

echo "== node: napi build --release"
npm run --silent build
echo "   ($((SECONDS - t0)) s)"

echo "== node: node --test"
npm test --silent
echo "== node: done in $((SECONDS - t0)) s"
