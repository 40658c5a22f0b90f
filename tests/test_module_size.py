"""Small modules whose names say what they hold: none of the program's modules grows past
about 450 lines (migrations aside) before it is split by concern (docs/ARCHITECTURE.md)."""

from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "desk_app"
MOST_LINES = 460


def test_no_module_is_too_long():
    long = {
        str(path.relative_to(PACKAGE)): lines
        for path in PACKAGE.rglob("*.py")
        if "migrations" not in path.parts
        and (lines := len(path.read_text(encoding="utf-8").splitlines())) > MOST_LINES
    }
    assert long == {}
