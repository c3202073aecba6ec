"""Re-normalize stored carrier responses at scale with PySpark and the wismo wheel.

Input: Parquet or JSON Lines with the columns ``carrier`` (a wismo carrier id)
and ``body`` (the response exactly as the carrier returned it, string or
binary), and optionally ``id`` (any string that names the stored response;
without it each row gets a generated one).

Output (Parquet, one folder each):

* ``events/``: one row per event: response id, carrier, tracking number,
  position in the timeline, time in UTC (when the carrier gave an offset),
  the carrier's local wall time, the raw code and reason code, the carrier's
  text, status, substatus, reason, ETA hint, direction, mapped/classified.
* ``trackings/``: one row per tracking: response id, carrier, tracking
  number, current status and substatus, direction, delivered at, failed
  attempts, event count.
* ``errors/``: one row per response that did not parse: response id,
  carrier, the error's class, kind and message.

Each partition is parsed in one ``wismo.parse_many`` call per Arrow batch
inside ``mapInPandas`` (the GIL released, rayon over the executor's cores);
every answer comes from the crate.

    python spark_normalize.py --input responses.parquet --output out/ [--master local[2]]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Iterator
from typing import Any

import pandas as pd
from pyspark.sql import DataFrame, SparkSession
from pyspark.sql import functions as F
from pyspark.sql.types import (
    BooleanType,
    IntegerType,
    StringType,
    StructField,
    StructType,
    TimestampNTZType,
    TimestampType,
)

# One flat schema for the three kinds of output row (`row_type`), so each
# response is parsed once; the writer splits them.
ROWS = StructType(
    [
        StructField("row_type", StringType(), False),  # event | tracking | error
        StructField("response_id", StringType(), False),
        StructField("carrier", StringType(), False),
        StructField("tracking_number", StringType(), True),
        StructField("event_index", IntegerType(), True),
        StructField("time_utc", TimestampType(), True),
        StructField("time_local", TimestampNTZType(), True),
        StructField("time", StringType(), True),
        StructField("code", StringType(), True),
        StructField("reason_code", StringType(), True),
        StructField("description", StringType(), True),
        StructField("status", StringType(), True),
        StructField("substatus", StringType(), True),
        StructField("reason", StringType(), True),
        StructField("eta_hint", StringType(), True),
        StructField("direction", StringType(), True),
        StructField("mapped", BooleanType(), True),
        StructField("classified", BooleanType(), True),
        StructField("delivered_at", StringType(), True),
        StructField("failed_attempts", IntegerType(), True),
        StructField("event_count", IntegerType(), True),
        StructField("error_class", StringType(), True),
        StructField("error_kind", StringType(), True),
        StructField("error_message", StringType(), True),
    ]
)

EVENT_COLUMNS = [
    "response_id",
    "carrier",
    "tracking_number",
    "event_index",
    "time_utc",
    "time_local",
    "time",
    "code",
    "reason_code",
    "description",
    "status",
    "substatus",
    "reason",
    "eta_hint",
    "direction",
    "mapped",
    "classified",
]
TRACKING_COLUMNS = [
    "response_id",
    "carrier",
    "tracking_number",
    "status",
    "substatus",
    "direction",
    "delivered_at",
    "failed_attempts",
    "event_count",
]
ERROR_COLUMNS = ["response_id", "carrier", "error_class", "error_kind", "error_message"]


def normalize_batches(batches: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
    """mapInPandas: stored responses in, flat output rows out."""
    import wismo  # imported on the executor

    for batch in batches:
        carriers = batch["carrier"].tolist()
        bodies = [b if isinstance(b, (bytes, str)) else bytes(b) for b in batch["body"].tolist()]
        ids = batch["response_id"].tolist()
        results = wismo.parse_many(list(zip(carriers, bodies)), raise_errors=False)
        rows: list[dict[str, Any]] = []
        for rid, carrier, result in zip(ids, carriers, results):
            if isinstance(result, wismo.Error):
                rows.append(
                    {
                        "row_type": "error",
                        "response_id": rid,
                        "carrier": carrier,
                        "error_class": type(result).__name__,
                        "error_kind": result.kind,
                        "error_message": result.message,
                    }
                )
                continue
            for t in result:
                events = t.events
                rows.append(
                    {
                        "row_type": "tracking",
                        "response_id": rid,
                        "carrier": t.carrier,
                        "tracking_number": t.tracking_number,
                        "status": t.status,
                        "substatus": t.substatus,
                        "direction": t.direction,
                        "delivered_at": t.delivered_at,
                        "failed_attempts": t.failed_attempts,
                        "event_count": len(events),
                    }
                )
                for i, e in enumerate(events):
                    rows.append(
                        {
                            "row_type": "event",
                            "response_id": rid,
                            "carrier": t.carrier,
                            "tracking_number": t.tracking_number,
                            "event_index": i,
                            "time_utc": e.time_utc,
                            "time_local": e.time_local,
                            "time": e.time,
                            "code": e.code,
                            "reason_code": e.reason_code,
                            "description": e.description,
                            "status": e.status,
                            "substatus": e.substatus,
                            "reason": e.reason,
                            "eta_hint": e.eta,
                            "direction": e.direction,
                            "mapped": e.mapped,
                            "classified": e.classified,
                        }
                    )
        out = pd.DataFrame(rows, columns=ROWS.fieldNames())
        # The crate's RFC 3339 strings as Spark timestamps.
        # (Spark keeps microseconds; a few carriers send more digits.)
        out["time_utc"] = pd.to_datetime(out["time_utc"], utc=True, format="ISO8601").dt.floor("us")
        out["time_local"] = pd.to_datetime(out["time_local"], format="ISO8601").dt.floor("us")
        for col in ("event_index", "failed_attempts", "event_count"):
            out[col] = out[col].astype("Int32")
        for col in ("mapped", "classified"):
            out[col] = out[col].astype("boolean")
        yield out


def read_responses(spark: SparkSession, path: str) -> DataFrame:
    if path.endswith(".jsonl") or path.endswith(".json") or path.endswith(".ndjson"):
        df = spark.read.schema("id string, carrier string, body string").json(path)
    else:
        df = spark.read.parquet(path)
    if "id" not in df.columns:
        df = df.withColumn("id", F.monotonically_increasing_id().cast("string"))
    return df.select(F.col("id").cast("string").alias("response_id"), "carrier", "body")


def run(spark: SparkSession, input_path: str, output: str) -> dict[str, float]:
    """Normalizes `input_path` into `output`/{events,trackings,errors}; returns counts and the time taken."""
    start = time.perf_counter()
    responses = read_responses(spark, input_path)
    rows = responses.mapInPandas(normalize_batches, schema=ROWS).persist()
    rows.filter("row_type = 'event'").select(*EVENT_COLUMNS).write.mode("overwrite").parquet(f"{output}/events")
    rows.filter("row_type = 'tracking'").select(*TRACKING_COLUMNS).write.mode("overwrite").parquet(f"{output}/trackings")
    rows.filter("row_type = 'error'").select(*ERROR_COLUMNS).write.mode("overwrite").parquet(f"{output}/errors")
    counts = {r["row_type"]: r["count"] for r in rows.groupBy("row_type").count().collect()}
    rows.unpersist()
    seconds = time.perf_counter() - start
    return {
        "responses": float(responses.count()),
        "events": float(counts.get("event", 0)),
        "trackings": float(counts.get("tracking", 0)),
        "errors": float(counts.get("error", 0)),
        "seconds": seconds,
    }


def session(master: str) -> SparkSession:
    # Executors' Python workers use this interpreter (the one with the wheel).
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    # Local mode stays on the loopback interface.
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    return (
        SparkSession.builder.master(master)
        .appName("wismo-normalize")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.sql.execution.arrow.maxRecordsPerBatch", "5000")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.sql.shuffle.partitions", "4")
        .getOrCreate()
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--input", required=True, help="Parquet or JSON Lines (.jsonl) with carrier, body[, id]")
    ap.add_argument("--output", required=True, help="folder for events/, trackings/, errors/")
    ap.add_argument("--master", default="local[2]")
    args = ap.parse_args()
    spark = session(args.master)
    try:
        stats = run(spark, args.input, args.output)
    finally:
        spark.stop()
    rate = stats["responses"] / stats["seconds"]
    print(
        f"{stats['responses']:.0f} responses -> {stats['events']:.0f} events, "
        f"{stats['trackings']:.0f} trackings, {stats['errors']:.0f} errors "
        f"in {stats['seconds']:.1f} s ({rate:.0f} bodies/s)"
    )


if __name__ == "__main__":
    main()
