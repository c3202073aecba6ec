"""Uses the whole API as a typed program; ``test_typing.py`` runs
``mypy --strict`` on it (the stubs must describe every call here)."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Optional, Union

import wismo

if TYPE_CHECKING:
    from wismo import Status, Substatus


def current(carrier: str, body: Union[bytes, str]) -> list[tuple[str, Status, Substatus]]:
    out: list[tuple[str, Status, Substatus]] = []
    try:
        trackings = wismo.parse(carrier, body, limits=wismo.Limits(max_body_bytes=1 << 20))
    except wismo.TooLarge as e:
        limit: Optional[int] = e.limit
        print(limit, e.what)
        return out
    except wismo.Error as e:
        kind: str = e.kind
        print(kind, e.category, e.carrier, e.line, e.column, e.position, e.path, e.carrier_code)
        return out
    for t in trackings:
        out.append((t.tracking_number, t.status, t.substatus))
        for ev in t.events:
            reason: Optional[str] = ev.reason
            when: Optional[str] = ev.time_utc or ev.time_local or ev.time
            print(ev.code, ev.description, reason, when, ev.eta, ev.mapped, ev.direction)
            print(ev.location.city, ev.location.country, ev.to_dict())
        eta = t.eta.current or t.estimated_delivery
        if eta is not None:
            print(eta.earliest, eta.latest, eta.source)
        older = wismo.Tracking.from_json(t.to_json())
        older.merge(t)
        for n in wismo.notifications(older, t, now=datetime.datetime.now(datetime.timezone.utc)):
            msg = wismo.notification_message(n, "nl")
            print(n.kind, n.urgency, n.data.next_step, msg.title, msg.body, msg.action)
        print(wismo.message(t, "de", today=datetime.date.today()).to_json(indent=2))
    return out


def batch(items: list[tuple[str, bytes]]) -> int:
    ok = 0
    for r in wismo.parse_many(items, raise_errors=False):
        if isinstance(r, wismo.Error):
            print(r.message)
        else:
            ok += sum(len(t.events) for t in r)
    strict: list[list[wismo.Tracking]] = wismo.parse_many(items)
    return ok + len(strict)


def words() -> None:
    for c in wismo.detect("1Z999AA10123456784"):
        print(c.carrier, c.format, c.confidence, c.normalized)
    hit = wismo.classify("Zugestellt", "de")
    if hit is not None:
        status, substatus, confidence = hit
        print(status, substatus, confidence)
    print(wismo.CARRIERS, wismo.STATUSES, wismo.__version__)


def deployment(paths: list[str], body: bytes) -> None:
    try:
        n = wismo.Normalizer(paths, limits=wismo.Limits(max_events=500), languages={"bpost": "fr"})
    except wismo.MappingError as e:
        for file, line, problem in e.problems:
            print(f"{file}:{line}: {problem}")
        return
    for t in n.parse("fedex", body):
        for ev in t.events:
            print(ev.override_source, ev.unknown_words)
        n.remap(t)
        try:
            t.merge(t)
        except wismo.MergeError as e:
            print(e)
    print(n.parse_many([("fedex", body)], raise_errors=False), n.lookup("fedex", "DL"), n.override_files)
