"""The binding's API beyond the goldens: errors and their fields, merge,
detection, the classifier, notifications and messages."""

from __future__ import annotations

import copy
import datetime
import json
import threading
from pathlib import Path

import pytest

import wismo
from conftest import FIXTURES


def test_version_follows_the_crate() -> None:
    assert wismo.__version__ == "0.1.0"


def test_json_syntax_error_fields() -> None:
    with pytest.raises(wismo.ParseError) as info:
        wismo.parse("fedex", b'{"output": ')
    e = info.value
    assert isinstance(e, wismo.Error)
    assert e.kind == "json" and e.category == "syntax" and e.carrier == "fedex"
    assert e.line == 1 and e.column is not None and e.column > 0
    assert e.message == str(e)
    assert e.position is None and e.limit is None


def test_xml_error_has_position() -> None:
    with pytest.raises(wismo.ParseError) as info:
        wismo.parse("canada_post", b"<tracking-detail><a></b></tracking-detail>")
    assert info.value.kind == "xml" and info.value.category == "syntax"
    assert isinstance(info.value.position, int)


def test_carrier_error_has_the_carrier_code() -> None:
    body = (FIXTURES / "fedex" / "error.json").read_bytes()
    with pytest.raises(wismo.CarrierError) as info:
        wismo.parse("fedex", body)
    assert info.value.kind == "carrier_error" and info.value.category == "carrier"
    assert info.value.carrier_code


def test_limits_give_too_large() -> None:
    body = (FIXTURES / "fedex" / "delivered.json").read_bytes()
    with pytest.raises(wismo.TooLarge) as info:
        wismo.parse("fedex", body, limits=wismo.Limits(max_body_bytes=100))
    e = info.value
    assert (e.kind, e.category, e.what, e.limit) == ("too_large", "limit", "body bytes", 100)
    with pytest.raises(wismo.TooLarge) as info:
        wismo.parse("fedex", body, limits=wismo.Limits(max_events=3))
    assert info.value.what == "events per tracking"
    assert wismo.Limits().max_body_bytes == 16 << 20


def test_unknown_carrier_and_unsupported() -> None:
    with pytest.raises(wismo.UnknownCarrier) as info:
        wismo.parse("no_such_carrier", b"{}")
    assert info.value.id == "no_such_carrier" and info.value.carrier is None
    assert info.value.category == "usage"
    with pytest.raises(wismo.Unsupported) as unsupported:
        wismo.parse("upu", b"{}")
    assert unsupported.value.carrier == "upu"


def test_bad_argument_types() -> None:
    with pytest.raises(TypeError):
        wismo.parse("fedex", 42)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        wismo.parse_many([("fedex",)])  # type: ignore[list-item]


def test_typed_attributes(fedex_body: bytes) -> None:
    [t] = wismo.parse("fedex", fedex_body)
    assert t.status == "delivered" and t.status in wismo.STATUSES
    assert t.substatus in wismo.SUBSTATUSES
    assert t.is_terminal()
    assert t.delivered_at == "2024-08-20T12:41:57-04:00"
    last = t.events[-1]
    assert last.time_utc == "2024-08-20T16:41:57Z"
    assert last.time_local == "2024-08-20T12:41:57"
    assert last.mapped and last.code == "DL"
    assert t.current_event() == last
    assert isinstance(last.location, wismo.Location)
    assert json.loads(t.to_json(indent=2)) == t.to_dict()
    assert wismo.Tracking.from_json(t.to_json()) == t
    assert copy.deepcopy(t) == t
    assert "delivered" in repr(t)


def test_merge_is_the_crates_merge(fedex_body: bytes) -> None:
    [a] = wismo.parse("fedex", fedex_body)
    [b] = wismo.parse("fedex", fedex_body)
    n = len(a.events)
    a.merge(b)
    assert len(a.events) == n  # the same events seen twice count once
    early = wismo.Tracking.from_json(
        json.dumps({**a.to_dict(), "events": a.to_dict()["events"][:5]})
    )
    early.merge(a)
    assert len(early.events) == n and early.status == "delivered"


def test_detect() -> None:
    [best, *_] = wismo.detect("my code is 1Z999AA10123456784")
    assert best.carrier == "ups" and best.normalized == "1Z999AA10123456784"
    assert 0 < best.confidence <= 1
    assert best.to_dict()["carrier"] == "ups"
    assert wismo.detect("hello") == []


def test_classify() -> None:
    assert wismo.classify("Zugestellt an Nachbarn", "de")[:2] == (  # type: ignore[index]
        "delivered",
        "delivered_to_neighbor",
    )
    assert wismo.classify("Photo taken of parcel") is None
    with pytest.raises(ValueError):
        wismo.classify("x", "xx")  # type: ignore[arg-type]


def test_notifications_and_messages(fedex_body: bytes) -> None:
    [t] = wismo.parse("fedex", fedex_body)
    [n] = wismo.notifications(None, t)
    assert n.kind == "delivered" and n.urgency == "info"
    assert n.data.tracking_number == t.tracking_number and n.data.status == "delivered"
    assert n.to_dict()["kind"] == "delivered"
    assert wismo.notifications(t, t) == []
    now = datetime.datetime(2024, 8, 21, tzinfo=datetime.timezone.utc)
    assert wismo.notifications(None, t, now=now, promised=datetime.date(2024, 8, 19)) != []
    m = wismo.message(t, "de")
    assert m.title == "Ihr Paket wurde zugestellt"
    assert wismo.notification_message(n, "en", today="2024-08-21").title
    with pytest.raises(ValueError):
        wismo.message(t, "xx")  # type: ignore[arg-type]


def test_parse_many_raises_or_returns_errors(fedex_body: bytes) -> None:
    items = [("fedex", fedex_body), ("ups", b"not json"), ("nope", b"{}")]
    with pytest.raises(wismo.ParseError):
        wismo.parse_many(items)
    got = wismo.parse_many(items, raise_errors=False)
    assert isinstance(got[0], list) and got[0][0].status == "delivered"
    assert isinstance(got[1], wismo.ParseError) and got[1].carrier == "ups"
    assert isinstance(got[2], wismo.UnknownCarrier) and got[2].id == "nope"
    assert wismo.parse_many(iter([])) == []


def test_parse_many_releases_the_gil(fedex_body: bytes) -> None:
    # Another Python thread keeps running while a large batch is parsed.
    ticks = 0
    stop = threading.Event()

    def tick() -> None:
        nonlocal ticks
        while not stop.is_set():
            ticks += 1

    th = threading.Thread(target=tick)
    th.start()
    try:
        out = wismo.parse_many([("fedex", fedex_body)] * 20_000)
    finally:
        stop.set()
        th.join()
    assert len(out) == 20_000
    assert ticks > 0


OVERRIDE = (
    "# carrier: fedex\n"
    "# name: FedEx\n"
    "# source: our review of FedEx answers, 2026-12\n"
    "# key: same as mappings/fedex.tsv\n"
    "code\tstatus\tsubstatus\treason\teta\tdescription\n"
    "DL\tdelivered\tsigned_for\t-\tfinal\tdelivered, signature taken\n"
)


def test_normalizer_overrides_limits_languages(fedex_body: bytes, tmp_path: Path) -> None:
    f = tmp_path / "shop-fedex.tsv"
    f.write_text(OVERRIDE, encoding="utf-8")
    for n in (
        wismo.Normalizer([str(f)], limits=wismo.Limits(max_events=100), languages={"bpost": "fr"}),
        wismo.Normalizer(override_texts={"shop-fedex.tsv": OVERRIDE}),
    ):
        [t] = n.parse("fedex", fedex_body)
        last = t.events[-1]
        assert (last.status, last.substatus) == ("delivered", "signed_for")
        assert last.override_source is not None and last.override_source[0].endswith("shop-fedex.tsv")
        assert n.override_files and n.override_files[0].endswith("shop-fedex.tsv")
        meaning = n.lookup("fedex", "DL")
        assert meaning is not None and meaning["substatus"] == "signed_for"
        [[many]] = n.parse_many([("fedex", fedex_body)])
        assert many == t
        # A tracking stored without the overrides picks them up by remap.
        [plain] = wismo.parse("fedex", fedex_body)
        assert plain.events[-1].override_source is None
        n.remap(plain)
        assert plain.events[-1].substatus == "signed_for"
    n = wismo.Normalizer(languages={"bpost": "fr"}, limits=wismo.Limits(max_body_bytes=10))
    assert n.language("bpost") == "fr" and n.limits.max_body_bytes == 10
    with pytest.raises(wismo.TooLarge):
        n.parse("fedex", fedex_body)
    assert wismo.Normalizer().parse("fedex", fedex_body) == wismo.parse("fedex", fedex_body)


def test_normalizer_bad_overrides_name_file_and_line(tmp_path: Path) -> None:
    bad = OVERRIDE + "XX\tno_such_status\tdelivered\t-\tfinal\tbad row\n"
    with pytest.raises(wismo.MappingError) as info:
        wismo.Normalizer(override_texts={"bad.tsv": bad})
    assert isinstance(info.value, ValueError)
    [(file, line, message)] = info.value.problems
    assert (file, line) == ("bad.tsv", 7) and message
    with pytest.raises(wismo.MappingError) as missing:
        wismo.Normalizer([str(tmp_path / "missing.tsv")])
    assert missing.value.problems[0][1] == 0
    with pytest.raises(wismo.UnknownCarrier):
        wismo.Normalizer(languages={"nope": "fr"})
    with pytest.raises(ValueError):
        wismo.Normalizer(languages={"bpost": "xx"})  # type: ignore[dict-item]


def test_merge_refuses_another_parcel(fedex_body: bytes) -> None:
    [a] = wismo.parse("fedex", fedex_body)
    other = wismo.Tracking.from_json(json.dumps({**a.to_dict(), "tracking_number": "999"}))
    with pytest.raises(wismo.MergeError):
        a.merge(other)


def test_parse_one_and_carrier_names(fedex_body: bytes) -> None:
    t = wismo.parse_one("fedex", fedex_body)
    assert t.status == "delivered"
    assert wismo.parse_one("FedEx", fedex_body) == t  # ids in any case, names
    with pytest.raises(wismo.ParseError) as info:
        wismo.parse_one("fedex", b'{"output": {"completeTrackResults": []}}')
    assert info.value.kind == "not_one_tracking" and info.value.found == 0
    with pytest.raises(wismo.UnknownCarrier) as unknown:
        wismo.parse("DHL", b"{}")
    assert unknown.value.ambiguous and unknown.value.candidates
