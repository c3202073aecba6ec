"""The same golden fixtures as the crate's ``tests/fixtures.rs``: each body's
parse result, through the binding, equals ``<name>.expected.json`` (the
crate's serde form, so every event's status), or its error text equals
``<name>.error.txt``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import wismo
from conftest import fixture_bodies, stem

BODIES = fixture_bodies()


def test_fixtures_found() -> None:
    assert len(BODIES) >= 100


@pytest.mark.parametrize("carrier,path", BODIES, ids=[f"{c}/{p.name}" for c, p in BODIES])
def test_fixture_matches_golden(carrier: str, path: Path) -> None:
    body = path.read_bytes()
    expected = Path(f"{stem(path)}.expected.json")
    error = Path(f"{stem(path)}.error.txt")
    if error.exists():
        with pytest.raises(wismo.Error) as info:
            wismo.parse(carrier, body)
        assert str(info.value) + "\n" == error.read_text(encoding="utf-8")
        assert info.value.carrier == carrier
        return
    want = json.loads(expected.read_text(encoding="utf-8"))
    got = wismo.parse(carrier, body)
    # The whole serde form, through to_dict() and to_json() ...
    assert [t.to_dict() for t in got] == want
    assert [json.loads(t.to_json()) for t in got] == want
    # ... and the same answers through the typed attributes.
    for t, w in zip(got, want):
        assert t.carrier == w["carrier"] == carrier
        assert t.tracking_number == w["tracking_number"]
        assert t.status == w["status"]
        assert t.substatus == w["substatus"]
        assert t.delivered_at == w["delivered_at"]
        assert t.direction == w["direction"]
        assert [e.status for e in t.events] == [e["status"] for e in w["events"]]
        assert [e.substatus for e in t.events] == [e["substatus"] for e in w["events"]]
        assert [e.reason for e in t.events] == [e.get("reason") for e in w["events"]]
        assert [e.code for e in t.events] == [e["code"] for e in w["events"]]
        assert [e.time for e in t.events] == [e["time"] for e in w["events"]]
        assert [e.eta for e in t.events] == [e["eta"] for e in w["events"]]


def test_body_as_str_gives_the_same_answer() -> None:
    for carrier, path in BODIES[:40]:
        if Path(f"{stem(path)}.error.txt").exists():
            continue
        b = path.read_bytes()
        assert [t.to_dict() for t in wismo.parse(carrier, b.decode("utf-8"))] == [
            t.to_dict() for t in wismo.parse(carrier, b)
        ]


def test_parse_many_equals_parse_per_body() -> None:
    items = [(c, p.read_bytes()) for c, p in BODIES]
    many = wismo.parse_many(items, raise_errors=False)
    assert len(many) == len(items)
    for (carrier, body), got in zip(items, many):
        try:
            one: list[wismo.Tracking] | wismo.Error = wismo.parse(carrier, body)
        except wismo.Error as e:
            one = e
        if isinstance(one, wismo.Error):
            assert isinstance(got, wismo.Error)
            assert type(got) is type(one) and str(got) == str(one)
        else:
            assert isinstance(got, list)
            assert [t.to_dict() for t in got] == [t.to_dict() for t in one]
