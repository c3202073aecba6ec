#!/usr/bin/env python3
"""Benchmark gate (issue 19): reads criterion's estimates of the `lookup` and
`parse` groups from one run and fails when a ratio passes its gate.

Ratios are wismo's median time over its baseline's, both measured in the same
run on the same machine, so the machine's speed cancels out:

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
# .ci/run) on a shared 2-core machine: a ratio of two medians taken seconds
# apart moves by up to about 10% between runs there (seen: 6-9% on the lookup
# ratios), so a gate sits 15% above its goal (20% for the lookup, whose
# benches run ~40 µs and are the most sensitive to a neighbour's load).
GATES = {
    # Goal < 1.0 (beat FxHashMap, issue 19 §2); callgrind: 0.80x hit, 0.94x miss.
    "lookup_vs_fx": 1.20,
    # Goal well under std's SipHash map (0.3-0.5x measured).
    "lookup_vs_std": 0.75,
    # Goal: a JSON parser is no slower than building a serde_json::Value of
    # the same bytes (1.0), + 15% noise margin.
    "json_vs_serde_value": 1.15,
    # Today's level + 15%, NOT the goal: issue 19 §1 targets <= 1.2x a plain
    # quick-xml read; tighten to 1.2 * 1.15 = 1.38 after the XML rewrite lands.
    "xml_vs_quick_xml": 3.9,
}


def median(root: Path, group: str, name: str) -> float | None:
    path = root / group / name / "new" / "estimates.json"
    try:
        return json.loads(path.read_text())["median"]["point_estimate"]
    except (OSError, KeyError, ValueError):
        return None


def main() -> int:
    root = Path(sys.argv[1] if len(sys.argv) > 1 else "target/criterion")
    rows: list[tuple[str, str, float, float, float, str]] = []
    missing: list[str] = []

    def check(gate: str, what: str, group: str, ours: str, base: str) -> None:
        a, b = median(root, group, ours), median(root, group, base)
        if a is None or b is None:
            missing.append(f"{group}/{ours if a is None else base}")
            return
        ratio = a / b
        verdict = "ok" if ratio <= GATES[gate] else "FAIL"
        rows.append((what, base, a, b, ratio, f"{verdict} (gate {GATES[gate]:.2f})"))

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

    print(f"{'what':<32} {'baseline':<26} {'wismo':>11} {'baseline':>11} {'ratio':>6}  verdict")
    for what, base, a, b, ratio, verdict in rows:
        print(f"{what:<32} {base:<26} {a / 1e3:>9.2f}us {b / 1e3:>9.2f}us {ratio:>5.2f}x  {verdict}")
    for m in missing:
        print(f"missing estimate: {root}/{m}/new/estimates.json")
    failed = [r for r in rows if r[5].startswith("FAIL")]
    if failed or missing:
        print(f"bench gate: {len(failed)} ratio(s) over their gate, {len(missing)} missing")
        return 1
    print(f"bench gate: all {len(rows)} ratios within their gates")
    return 0


if __name__ == "__main__":
    sys.exit(main())
