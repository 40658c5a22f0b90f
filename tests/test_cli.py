"""The command line: usage, version, and one-line reasons instead of tracebacks."""

from __future__ import annotations

from pathlib import Path

import pytest

from desk_app import __version__
from desk_app.cli import EXIT_USAGE, main


def test_version(capsys) -> None:
    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0
    assert __version__ in capsys.readouterr().out


@pytest.mark.parametrize("command", [["--help"], ["verify", "--help"], ["print", "log", "--help"]])
def test_help(command: list[str], capsys) -> None:
    with pytest.raises(SystemExit) as info:
        main(command)
    assert info.value.code == 0
    assert "usage: desk-app" in capsys.readouterr().out


@pytest.mark.parametrize(
    "argv",
    [
        ["no-such-command"],
        ["demo"],  # --days is required
        ["demo", "--days", "0"],
        ["demo", "--days", "x"],
        ["print", "log", "--from", "2026-13-01", "--to", "2026-11-30", "-o", "x.pdf"],
    ],
)
def test_bad_arguments_are_usage_errors(argv: list[str], capsys) -> None:
    with pytest.raises(SystemExit) as info:
        main(argv)
    assert info.value.code == EXIT_USAGE
    assert "usage:" in capsys.readouterr().err


def test_verify_on_a_new_database_file(tmp_path: Path, capsys) -> None:
    url = f"sqlite:///{(tmp_path / 'fresh.sqlite').as_posix()}"
    assert main(["--db", url, "verify"]) == 0
    assert capsys.readouterr().out.startswith("OK: 0 log entries")


def test_an_unusable_database_location_is_one_line(tmp_path: Path, capsys) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    url = f"sqlite:///{(blocker / 'desk.sqlite').as_posix()}"
    assert main(["--db", url, "verify"]) != 0
    err = capsys.readouterr().err
    assert err.startswith("desk-app: ") and len(err.strip().splitlines()) == 1
