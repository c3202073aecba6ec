#!/usr/bin/env python3
"""Benchmark gate (issue 19): reads criterion's estimates of the `lookup` and
`parse` groups from one run and fails when a ratio passes its gate.

Ratios are wismo's time over its baseline's, both measured in the same run on
the same machine, so the machine's speed cancels out. The time gated is the
fastest tenth of criterion's samples (10th percentile of time per iteration,
from `new/sample.json`): on a loaded machine a sample is slowed only when a
neighbour preempts it, so the fast samples are what the code costs, while the
median (from `new/estimates.json`, printed beside it) moves with the load.

- lookup: `wismo_hit` / `fxhash_hit` and / `std_hashmap_hit`, the same for misses;
- every JSON carrier: `<id>_wismo` / `<id>_serde_value` (serde_json::Value);
- every XML carrier: `<id>_wismo` / `<id>_quick_xml` (a plain quick-xml read).

Usage: python3 scripts/bench_gate.py [target/criterion]
Python 3.11, standard library only.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

# Gates: the ratio that fails CI. Each is the goal plus a noise margin. CI runs
# the benches with a short measurement (0.5 s warm-up, 1 s measured, see
# .ci/run), so each side is a few thousand iterations taken a second apart.
# Seen on the 2-core dev machine at load average 18: the lookup miss ratio read
# 1.26x and 1.37x as medians in two runs, while wismo and Fx timed in
# alternating rounds (examples/lookup_count.rs `time`) gave 0.87x. Margins:
# 30% for the lookup (its benches run 40-100 us, the most exposed to a
# neighbour), 15-20% for the parsers.
GATES = {
    # Goal < 1.0 (beat FxHashMap, issue 19 §2); callgrind Ir: 0.77x hit,
    # 0.74x miss; alternating rounds: 0.85x hit, 0.87x miss.
    "lookup_vs_fx": 1.30,
    # Goal well under std's SipHash map (0.3-0.5x measured).
    "lookup_vs_std": 0.75,
    # Goal: a JSON parser is no slower than building a serde_json::Value of
    # the same bytes (1.0), + 20% noise margin.
    "json_vs_serde_value": 1.20,
    # Today's level + 15%, NOT the goal. Measured 2026-12-07 (fastest-tenth
    # ratios): before the XML rewrite the worst was 3.54x (packeta), after it
    # (main at e7dedcd) 3.13x (dpd; landmark 2.68x, chronopost 2.47x).
    # Issue 19 §1 targets <= 1.2x a plain quick-xml read: tighten this to
    # 1.2 * 1.15 = 1.38 once every XML carrier is there.
    "xml_vs_quick_xml": 3.6,
}


def median(root: Path, group: str, name: str) -> float | None:
    path = root / group / name / "new" / "estimates.json"
    try:
        return json.loads(path.read_text())["median"]["point_estimate"]
    except (OSError, KeyError, ValueError):
        return None


def fast(root: Path, group: str, name: str) -> float | None:
    """10th percentile of the time per iteration over criterion's samples."""
    path = root / group / name / "new" / "sample.json"
    try:
        s = json.loads(path.read_text())
        per = sorted(t / i for t, i in zip(s["times"], s["iters"]) if i > 0)
    except (OSError, KeyError, ValueError, TypeError):
        return None
    return per[len(per) // 10] if per else None


def main() -> int:
    root = Path(sys.argv[1] if len(sys.argv) > 1 else "target/criterion")
    rows: list[tuple[str, str, float, float, float, float, str]] = []
    missing: list[str] = []

    def check(gate: str, what: str, group: str, ours: str, base: str) -> None:
        a, b = fast(root, group, ours), fast(root, group, base)
        ma, mb = median(root, group, ours), median(root, group, base)
        if a is None or b is None or ma is None or mb is None:
            missing.append(f"{group}/{ours if a is None or ma is None else base}")
            return
        ratio = a / b
        verdict = "ok" if ratio <= GATES[gate] else "FAIL"
        rows.append((what, base, a, b, ratio, ma / mb, f"{verdict} (gate {GATES[gate]:.2f})"))

    for kind in ("hit", "miss"):
        check("lookup_vs_fx", f"lookup {kind}", "lookup", f"wismo_{kind}", f"fxhash_{kind}")
        check("lookup_vs_std", f"lookup {kind}", "lookup", f"wismo_{kind}", f"std_hashmap_{kind}")

    parse = root / "parse"
    ids = sorted(p.name[: -len("_wismo")] for p in parse.glob("*_wismo")) if parse.is_dir() else []
    if not ids:
        missing.append("parse/*_wismo")
    for cid in ids:
        if (parse / f"{cid}_quick_xml").is_dir():
            check("xml_vs_quick_xml", f"parse {cid} (xml)", "parse", f"{cid}_wismo", f"{cid}_quick_xml")
        else:
            check("json_vs_serde_value", f"parse {cid} (json)", "parse", f"{cid}_wismo", f"{cid}_serde_value")

    print(f"{'what':<30} {'baseline':<27} {'wismo p10':>11} {'base p10':>11} {'ratio':>6} {'median':>7}  verdict")
    for what, base, a, b, ratio, mratio, verdict in rows:
        print(
            f"{what:<30} {base:<27} {a / 1e3:>9.2f}us {b / 1e3:>9.2f}us"
            f" {ratio:>5.2f}x {mratio:>6.2f}x  {verdict}"
        )
    for m in missing:
        print(f"missing estimate: {root}/{m}/new/(estimates|sample).json")
    failed = [r for r in rows if r[6].startswith("FAIL")]
    if failed or missing:
        print(f"bench gate: {len(failed)} ratio(s) over their gate, {len(missing)} missing")
        return 1
    print(f"bench gate: all {len(rows)} ratios within their gates")
    return 0


if __name__ == "__main__":
    sys.exit(main())
