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


def test_verify_on_a_mistyped_path_creates_nothing(tmp_path: Path, capsys) -> None:
    missing = tmp_path / "fresh.sqlite"
    assert main(["--db", f"sqlite:///{missing.as_posix()}", "verify"]) == 1
    assert "There is no database at" in capsys.readouterr().err
    assert not missing.exists()


def test_verify_on_a_new_desk(db_url, supervisor, capsys) -> None:
    assert main(["--db", db_url, "verify"]) == 0
    assert capsys.readouterr().out.startswith("OK: 0 log entries")


def test_backup_over_the_live_database_and_restore_of_an_empty_file_are_refused(
    qapp, db_url, supervisor, tmp_path, capsys
):
    # qapp first: restore asks the single-instance socket, which would otherwise make a bare
    # QCoreApplication that every later widget test would then abort on.
    from desk_app.storage.database import sqlite_path

    live = sqlite_path(db_url)
    before = live.read_bytes()
    assert main(["--db", db_url, "backup", "-o", str(live)]) == 1
    assert "is a database or one of its journal files" in capsys.readouterr().err
    assert live.read_bytes() == before
    empty = tmp_path / "empty.sqlite"
    empty.write_bytes(b"")
    assert main(["--db", db_url, "restore", str(empty)]) == 1
    assert "is empty" in capsys.readouterr().err
    assert live.read_bytes() == before


def test_an_unusable_database_location_is_one_line(tmp_path: Path, capsys) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    url = f"sqlite:///{(blocker / 'desk.sqlite').as_posix()}"
    assert main(["--db", url, "verify"]) != 0
    err = capsys.readouterr().err
    assert err.startswith("desk-app: ") and len(err.strip().splitlines()) == 1


@pytest.fixture
def desk_with_tickets(services, clerk):
    from desk_app.domain.tickets import Source, TicketDetails, TicketKind
    from desk_app.services.tickets import ResidentInput, TicketInput

    li = ResidentInput("李先生", "3栋", "2单元1203", "13800138000")
    services.tickets.register(clerk, TicketInput(TicketKind.COMPLAINT, Source.PHONE, "噪音扰民", li))
    slip = services.tickets.register(
        clerk,
        TicketInput(
            TicketKind.ITEM_RELEASE,
            Source.VISIT,
            "搬家",
            li,
            details=TicketDetails(items=["电视机 1台"], identity_checked=True),
        ),
    )
    return slip.id


@pytest.mark.parametrize(
    ("argv", "output"),
    [
        (["print", "complaints", "--from", "2026-11-01", "--to", "2026-11-30"], "out.pdf"),
        (["print", "repairs", "--from", "2026-11-01", "--to", "2026-11-30"], "out.pdf"),
        (["print", "monthly", "2026-11"], "out.pdf"),
        (["print", "slip", "{slip}"], "out.pdf"),
        (["export", "complaint", "--from", "2026-11-24", "--to", "2026-11-24"], "out.xlsx"),
    ],
)
def test_ticket_forms_and_export_from_the_command_line(
    db_url, desk_with_tickets, tmp_path: Path, capsys, argv: list[str], output: str
) -> None:
    out = tmp_path / output
    argv = [a.format(slip=desk_with_tickets) for a in argv]
    assert main(["--db", db_url, *argv, "-o", str(out)]) == 0
    assert capsys.readouterr().out.startswith(f"{out}: ")
    assert out.stat().st_size > 1000


@pytest.mark.parametrize(
    "argv",
    [
        ["print", "slip", "999", "-o", "x.pdf"],  # no such ticket
        ["print", "incident", "1", "-o", "x.pdf"],  # not a major incident
        ["print", "complaints", "--from", "2026-11-30", "--to", "2026-11-01", "-o", "x.pdf"],
        ["export", "repair", "--from", "2026-11-30", "--to", "2026-11-01", "-o", "x.xlsx"],
    ],
)
def test_ticket_commands_refuse_with_one_line(db_url, desk_with_tickets, tmp_path, monkeypatch, capsys, argv):
    monkeypatch.chdir(tmp_path)
    assert main(["--db", db_url, *argv]) == 1
    err = capsys.readouterr().err
    assert err.startswith("desk-app: ") and len(err.strip().splitlines()) == 1
    assert not list(tmp_path.glob("x.*"))


@pytest.mark.parametrize(
    "argv",
    [
        ["print", "monthly", "2026-13", "-o", "x.pdf"],
        ["print", "slip", "abc", "-o", "x.pdf"],
        ["export", "complaints", "--from", "2026-11-01", "--to", "2026-11-30", "-o", "x.xlsx"],  # kind, not form
    ],
)
def test_bad_ticket_arguments_are_usage_errors(argv, capsys) -> None:
    with pytest.raises(SystemExit) as info:
        main(argv)
    assert info.value.code == EXIT_USAGE


def test_roster_solve_from_the_command_line(tmp_path: Path, capsys) -> None:
    import json

    problem = {
        "start_date": "2026-12-07",
        "days": 7,
        "shifts": [{"id": "AM", "start": "08:30", "minutes": 480}],
        "staff": [{"id": "wang", "max_shifts": {"AM": 5}}, {"id": "li", "max_shifts": {"AM": 5}}],
        "cover": [{"day": d, "shift": "AM", "required": 1, "under_weight": 100, "over_weight": 1} for d in range(7)],
    }
    source = tmp_path / "problem.json"
    source.write_text(json.dumps(problem), encoding="utf-8")
    out = tmp_path / "solution.json"
    assert main(["roster", "solve", str(source), "--time-limit", "5", "--workers", "1", "-o", str(out)]) == 0
    assert capsys.readouterr().out.startswith(f"{out}: OPTIMAL, objective 0")
    assert json.loads(out.read_text(encoding="utf-8"))["status"] == "OPTIMAL"
    source.write_text("{broken", encoding="utf-8")
    assert main(["roster", "solve", str(source), "--time-limit", "5", "-o", str(tmp_path / "x.json")]) == 1
    err = capsys.readouterr().err
    assert "not valid JSON" in err and len(err.strip().splitlines()) == 1
    with pytest.raises(SystemExit):
        main(["roster", "solve", str(source), "--time-limit", "0", "-o", "x.json"])


def test_backup_and_restore_from_the_command_line(qapp, services, clerk, db_url, tmp_path: Path, capsys) -> None:
    from desk_app.domain.categories import LogCategory

    services.log.add(clerk, LogCategory.PATROL, "巡查")
    target = tmp_path / "usb" / "desk.sqlite"
    assert main(["--db", db_url, "backup", "-o", str(target)]) == 0
    assert capsys.readouterr().out.strip() == str(target)
    services.log.add(clerk, LogCategory.PATROL, "备份之后")
    services.close()
    assert main(["--db", db_url, "restore", str(target)]) == 1
    assert "has newer records than the backup (" in capsys.readouterr().err
    assert main(["--db", db_url, "restore", str(target), "--force"]) == 0
    out = capsys.readouterr().out
    assert "restored from" in out and "OK: 1 log entries" in out and "kept as" in out
    broken = tmp_path / "broken.sqlite"
    broken.write_bytes(b"not a database at all")
    assert main(["--db", db_url, "restore", str(broken)]) == 1
    assert capsys.readouterr().err.startswith("desk-app: ")


def test_restore_is_refused_while_the_program_has_the_database_open(qapp, services, db_url, tmp_path, capsys):
    from desk_app.single_instance import SingleInstance
    from desk_app.storage.database import sqlite_path

    backup = tmp_path / "b.sqlite"
    assert main(["--db", db_url, "backup", "-o", str(backup)]) == 0
    running = SingleInstance(sqlite_path(db_url))
    assert running.claim()
    try:
        assert main(["--db", db_url, "restore", str(backup)]) == 1
        assert "close it before restoring" in capsys.readouterr().err
    finally:
        running.release()


@pytest.mark.parametrize(
    "command",
    [
        ["verify"],
        ["backup"],
        ["demo", "--days", "1"],
        ["verify-page", "L:1 0000-0000-0000-0000"],
        ["print", "log", "--from", "2026-11-01", "--to", "2026-11-02", "-o", "x.pdf"],
        ["export", "complaint", "--from", "2026-11-01", "--to", "2026-11-02", "-o", "x.xlsx"],
    ],
)
def test_a_server_database_is_refused_and_its_password_never_printed(command, tmp_path, monkeypatch, capsys) -> None:
    monkeypatch.chdir(tmp_path)
    code = main(["--db", "postgresql+psycopg://u:secret@h/d", *command])
    out, err = capsys.readouterr()
    assert code == 1
    assert "secret" not in out + err
    assert err.strip().splitlines() == [
        "desk-app: DutyDesk keeps its records in an SQLite database file only (--db sqlite:///PATH): "
        "postgresql+psycopg://… is not one."
    ]
    assert list(tmp_path.iterdir()) == []
