#!/usr/bin/env bash
# Builds the wheel and tests it in a fresh venv: pytest over the crate's
# fixtures, mypy --strict over the stubs, and the PySpark example job
# (local[2], needs Java 17+) unless WISMO_SKIP_SPARK=1.
#
#   bash python/ci.sh
#
# WISMO_VENV (default python/.venv) is recreated each run; pip's cache makes
# later runs fast. CARGO_TARGET_DIR defaults to the repository's target/.
set -euo pipefail
cd "$(dirname "$0")"
here=$PWD
venv=${WISMO_VENV:-$here/.venv}
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$here/../target}
export CARGO_TERM_COLOR=never
spark=1
[ "${WISMO_SKIP_SPARK:-0}" = 1 ] && spark=0

t0=$SECONDS
echo "== python: fresh venv at $venv"
rm -rf "$venv"
python3 -m venv "$venv"
"$venv/bin/python" -m pip install -q --disable-pip-version-check --upgrade pip
pkgs=(maturin pytest mypy)
[ $spark = 1 ] && pkgs+=(pyspark "pandas<3" pyarrow)
"$venv/bin/python" -m pip install -q --disable-pip-version-check "${pkgs[@]}"
echo "   ($((SECONDS - t0)) s)"

echo "== python: cargo fmt --check, clippy"
cargo fmt --manifest-path Cargo.toml -- --check
cargo clippy -q --manifest-path Cargo.toml --release -- -D warnings

echo "== python: build the wheel (abi3, CPython >= 3.9)"
rm -rf dist
"$venv/bin/maturin" build --release --out dist --quiet
"$venv/bin/python" -m pip install -q --disable-pip-version-check --force-reinstall --no-deps dist/wismo-*.whl
echo "   ($((SECONDS - t0)) s)"

echo "== python: pytest (fixtures, API, mypy --strict on the stubs)"
# From tests/, so `import wismo` is the installed wheel, not the source folder.
(cd tests && "$venv/bin/python" -m pytest -q -p no:cacheprovider)

if [ $spark = 1 ]; then
    echo "== python: PySpark example job (local[2])"
    (cd examples && "$venv/bin/python" -m pytest -q -p no:cacheprovider -s test_spark_job.py)
fi
echo "== python: done in $((SECONDS - t0)) s"
