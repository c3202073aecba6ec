"""Shared helpers: the Rust tests' fixtures (``tests/fixtures`` of the crate)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

FIXTURES = Path(os.environ.get("WISMO_FIXTURES", Path(__file__).resolve().parents[2] / "tests" / "fixtures"))


def fixture_bodies() -> list[tuple[str, Path]]:
    """Every ``<carrier>/<name>.{json,xml}`` body (not the goldens), sorted."""
    import wismo

    known = set(wismo.CARRIERS)
    out = []
    for d in sorted(FIXTURES.iterdir()):
        if not d.is_dir() or d.name not in known:
            continue  # e.g. tests/fixtures/mappings
        for p in sorted(d.iterdir()):
            n = p.name
            if (n.endswith(".json") or n.endswith(".xml")) and not n.endswith(".expected.json"):
                out.append((d.name, p))
    return out


def stem(p: Path) -> Path:
    return p.with_name(p.name.rsplit(".", 1)[0])


@pytest.fixture(scope="session")
def fedex_body() -> bytes:
    return (FIXTURES / "fedex" / "delivered.json").read_bytes()
