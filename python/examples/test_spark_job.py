"""Runs the PySpark example job in local mode (local[2]) on >= 100,000 stored
responses generated from the crate's fixtures, and checks its output against
the Rust answers: the goldens (``<name>.expected.json``, the crate's serde
output) give each body's trackings and every event's status."""

from __future__ import annotations

import json
import os
import shutil
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
FIXTURES = Path(os.environ.get("WISMO_FIXTURES", HERE.parents[1] / "tests" / "fixtures"))
N = int(os.environ.get("WISMO_SPARK_BODIES", "100000"))

pyspark = pytest.importorskip("pyspark")


def fixtures() -> list[tuple[str, str, bytes, object]]:
    """(name, carrier, body, golden trackings or None for an error body)."""
    import wismo

    out = []
    for d in sorted(FIXTURES.iterdir()):
        if not d.is_dir() or d.name not in wismo.CARRIERS:
            continue
        for p in sorted(d.iterdir()):
            n = p.name
            if not (n.endswith(".json") or n.endswith(".xml")) or n.endswith(".expected.json"):
                continue
            stem = p.with_name(n.rsplit(".", 1)[0])
            golden = Path(f"{stem}.expected.json")
            want = json.loads(golden.read_text(encoding="utf-8")) if golden.exists() else None
            out.append((f"{d.name}/{n}", d.name, p.read_bytes(), want))
    return out


def test_spark_job_matches_the_rust_answers(tmp_path: Path) -> None:
    import spark_normalize

    fx = fixtures()
    assert len(fx) >= 100
    # The data set: the fixture bodies over and over, as stored responses.
    ids, carriers, bodies, which = [], [], [], []
    for i in range(N):
        name, carrier, body, _ = fx[i % len(fx)]
        ids.append(f"r{i}")
        carriers.append(carrier)
        bodies.append(body.decode("utf-8"))
        which.append(i % len(fx))
    data = tmp_path / "responses.parquet"
    pq.write_table(pa.table({"id": ids, "carrier": carriers, "body": bodies}), data, row_group_size=10_000)

    want_events = sum(len(t["events"]) for i in which if (t0 := fx[i][3]) is not None for t in t0)  # type: ignore[union-attr]
    want_trackings = sum(len(fx[i][3]) for i in which if fx[i][3] is not None)  # type: ignore[arg-type]
    want_errors = sum(1 for i in which if fx[i][3] is None)

    spark = spark_normalize.session("local[2]")
    try:
        out = tmp_path / "out"
        stats = spark_normalize.run(spark, str(data), str(out))
    finally:
        spark.stop()
    rate = stats["responses"] / stats["seconds"]
    print(
        f"\nspark local[2]: {stats['responses']:.0f} bodies -> {stats['events']:.0f} events, "
        f"{stats['trackings']:.0f} trackings, {stats['errors']:.0f} errors in "
        f"{stats['seconds']:.1f} s = {rate:.0f} bodies/s"
    )
    assert stats["responses"] == N
    assert (stats["events"], stats["trackings"], stats["errors"]) == (want_events, want_trackings, want_errors)

    events = pq.read_table(out / "events").to_pandas()
    trackings = pq.read_table(out / "trackings").to_pandas()
    errors = pq.read_table(out / "errors").to_pandas()
    assert (len(events), len(trackings), len(errors)) == (want_events, want_trackings, want_errors)

    # A sample of responses (every fixture at least once, then every 997th):
    # each tracking's status and every event's code, status and substatus,
    # in order, are the golden's.
    sample = sorted(set(range(len(fx))) | set(range(0, N, 997)))
    ev = events[events["response_id"].isin([f"r{i}" for i in sample])]
    ev_by = {k: g.sort_values(["tracking_number", "event_index"], kind="stable") for k, g in ev.groupby("response_id")}
    tr = trackings[trackings["response_id"].isin([f"r{i}" for i in sample])]
    tr_by = {k: g for k, g in tr.groupby("response_id")}
    err_ids = set(errors["response_id"])
    checked = 0
    for i in sample:
        rid = f"r{i}"
        name, _, _, want = fx[which[i]]
        if want is None:
            assert rid in err_ids, name
            continue
        got_t = tr_by.get(rid)
        assert got_t is not None or not want, name
        if not want:
            continue
        assert sorted(got_t["status"]) == sorted(t["status"] for t in want), name  # type: ignore[index]
        got_e = ev_by.get(rid)
        want_e = [(t["tracking_number"], j, e["code"], e["status"], e["substatus"]) for t in want for j, e in enumerate(t["events"])]
        if not want_e:
            continue
        assert got_e is not None, name
        got = list(zip(got_e["tracking_number"], got_e["event_index"], got_e["code"], got_e["status"], got_e["substatus"]))
        assert sorted(got) == sorted(want_e), name
        checked += 1
    assert checked > 100

    # Times: UTC when the carrier gave an offset, local wall time always.
    fedex = events[(events["carrier"] == "fedex") & (events["code"] == "DL")].iloc[0]
    assert str(fedex["time_local"]) == "2024-08-20 12:41:57"
    assert str(fedex["time_utc"]).startswith("2024-08-20 16:41:57")
    shutil.rmtree(out, ignore_errors=True)
