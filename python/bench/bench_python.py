"""Per-call overhead of the Python binding against the Rust call on the same
body, and ``parse_many`` throughput against a Python loop of ``parse``.

    python bench/bench_python.py [fixtures-dir]
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

import wismo

FIXTURES = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).resolve().parents[2] / "tests" / "fixtures")


def per_call(fn, n: int, rounds: int = 9) -> float:  # type: ignore[no-untyped-def]
    out = []
    for _ in range(rounds):
        t = time.thread_time_ns()  # CPU time: holds on a loaded machine
        for _ in range(n):
            fn()
        out.append((time.thread_time_ns() - t) / n)
    return statistics.median(out)


def main() -> None:
    body = (FIXTURES / "fedex" / "delivered.json").read_bytes()
    text = body.decode()
    print(f"python {sys.version.split()[0]}, wismo {wismo.__version__}, {os.cpu_count()} cpus")
    print(f"fedex/delivered.json ({len(body)} bytes), CPU time per call, median of 9 rounds:")
    print(f"  wismo.parse(bytes)              {per_call(lambda: wismo.parse('fedex', body), 20_000):8.0f} ns/call")
    print(f"  wismo.parse(str)                {per_call(lambda: wismo.parse('fedex', text), 20_000):8.0f} ns/call")
    print(f"  parse + .status + .events[-1]   {per_call(lambda: wismo.parse('fedex', body)[0].events[-1].status, 20_000):8.0f} ns/call")
    print(f"  parse + to_dict()               {per_call(lambda: wismo.parse('fedex', body)[0].to_dict(), 5_000):8.0f} ns/call")

    items = []
    for d in sorted(FIXTURES.iterdir()):
        if d.is_dir() and d.name in wismo.CARRIERS:
            for p in sorted(d.iterdir()):
                n = p.name
                if (n.endswith(".json") or n.endswith(".xml")) and not n.endswith(".expected.json"):
                    items.append((d.name, p.read_bytes()))
    batch = items * max(1, 20_000 // len(items))

    def loop() -> None:
        for c, b in batch:
            try:
                wismo.parse(c, b)
            except wismo.Error:
                pass

    def many() -> None:
        wismo.parse_many(batch, raise_errors=False)

    t_loop = min(_time(loop) for _ in range(3))
    t_many = min(_time(many) for _ in range(3))
    c_loop = min(_cpu(loop) for _ in range(3))
    c_many = min(_cpu(many) for _ in range(3))
    print(f"{len(batch)} bodies (every fixture, repeated), best of 3, wall clock and process CPU:")
    print(f"  Python loop of parse            {len(batch) / t_loop:8.0f} bodies/s wall, {c_loop / len(batch) * 1e6:6.1f} us CPU/body")
    print(
        f"  parse_many                      {len(batch) / t_many:8.0f} bodies/s wall, {c_many / len(batch) * 1e6:6.1f} us CPU/body"
        f"  ({t_loop / t_many:.2f}x wall)"
    )


def _cpu(fn) -> float:  # type: ignore[no-untyped-def]
    t = time.process_time()
    fn()
    return time.process_time() - t


def _time(fn) -> float:  # type: ignore[no-untyped-def]
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


if __name__ == "__main__":
    main()
