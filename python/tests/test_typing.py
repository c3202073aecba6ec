"""The stubs: ``mypy --strict`` accepts a typed program using the whole API,
and the stubs' literal vocabularies are the crate's."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import wismo

HERE = Path(__file__).resolve().parent
STUB = Path(wismo.__file__).resolve().parent / "_native.pyi"


def literal_values(name: str) -> list[str]:
    tree = ast.parse(STUB.read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.target.id == name:
            value = node.value
            assert isinstance(value, ast.Subscript)
            elts = value.slice.elts if isinstance(value.slice, ast.Tuple) else [value.slice]  # type: ignore[attr-defined]
            return [e.value for e in elts]
    raise AssertionError(f"{name} not in {STUB}")


@pytest.mark.parametrize(
    "alias,constant",
    [
        ("Status", "STATUSES"),
        ("Substatus", "SUBSTATUSES"),
        ("Reason", "REASONS"),
        ("Lang", "LANGS"),
        ("LocaleTag", "LOCALES"),
        ("NotificationKind", "NOTIFICATION_KINDS"),
    ],
)
def test_stub_literals_are_the_crates(alias: str, constant: str) -> None:
    assert literal_values(alias) == list(getattr(wismo, constant))


def test_package_is_typed() -> None:
    assert (STUB.parent / "py.typed").exists()


def test_mypy_strict_accepts_the_sample() -> None:
    if shutil.which("mypy") is None and not _has_mypy():
        pytest.skip("mypy is not installed")
    r = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", str(HERE / "typing_sample.py")],
        capture_output=True,
        text=True,
        cwd=HERE,
    )
    assert r.returncode == 0, r.stdout + r.stderr


def _has_mypy() -> bool:
    try:
        import mypy  # noqa: F401
    except ImportError:
        return False
    return True
