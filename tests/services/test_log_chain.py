"""The hash chain finds what was changed, removed or inserted behind the program's back."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from desk_app.cli import main
from desk_app.domain.categories import LogCategory
from desk_app.domain.hashing import chain_hash
from desk_app.services.container import Services
from desk_app.services.log_chain import hashed_content
from desk_app.storage import journal
from desk_app.storage.database import sqlite_path
from tests.conftest import SUPERVISOR_PASSWORD


@pytest.fixture
def logged(services, clock, supervisor, clerk) -> Services:
    """Five entries, one of them a correction, and a signed day."""
    texts = ["3栋2单元厨房漏水", "巡查花园，正常", "访客登记：李先生", "停电通知已张贴"]
    for i, situation in enumerate(texts):
        services.log.add(clerk, LogCategory.OTHER, situation, f"处理{i}")
        clock.advance(timedelta(minutes=7))
    services.log.correct(clerk, 1, LogCategory.REPAIR, "5栋2单元厨房漏水", "已通知工程部")
    day = clock.now().date()
    clock.advance(timedelta(days=1))  # a day is signed once its last shift has ended
    services.log.sign_day(supervisor, day, password=SUPERVISOR_PASSWORD)
    return services


@contextmanager
def _raw(services: Services) -> Iterator[sqlite3.Connection]:
    """The database file opened with Python's sqlite3, as someone tampering would."""
    path = sqlite_path(services.db.url)
    assert path is not None and path.exists()
    conn = sqlite3.connect(path)
    # The journal's functions, so that only the log's own chain is under test here (the
    # journal's view of these tampers is tests/integrity).
    journal.install_functions(conn, journal.JournalContext())
    try:
        conn.execute("DROP TRIGGER IF EXISTS log_entry_no_update")
        conn.execute("DROP TRIGGER IF EXISTS log_entry_no_delete")
        yield conn
        conn.commit()
    finally:
        conn.close()


def _row(conn: sqlite3.Connection, entry_id: int) -> dict:
    conn.row_factory = sqlite3.Row
    row = conn.execute("SELECT * FROM log_entry WHERE id = ?", (entry_id,)).fetchone()
    conn.row_factory = None
    return dict(row)


def test_an_untouched_log_verifies(logged: Services) -> None:
    result = logged.log.verify()
    assert result.ok and result.checked == 5 and result.bad_entry_id is None
    assert "5 log entries" in result.describe()


def test_an_empty_log_verifies(services: Services, supervisor) -> None:
    result = services.log.verify()
    assert result.ok and result.checked == 0


def test_a_changed_text_is_found(logged: Services) -> None:
    with _raw(logged) as conn:
        conn.execute("UPDATE log_entry SET situation = '巡查花园，发现异常' WHERE id = 2")
    result = logged.log.verify()
    assert not result.ok
    assert result.bad_entry_id == 2 and result.checked == 1
    assert "entry #2" in result.describe() and "changed" in result.describe()


@pytest.mark.parametrize(
    "assignment",
    [
        "occurred_at = '2026-11-24 01:00:00'",
        "clerk_id = 1",
        "category = 'repair'",
        "follow_up = 1",
        "backdate_reason = '补记'",
        "shift_date = '2026-11-23'",
    ],
)
def test_any_changed_field_is_found(logged: Services, assignment: str) -> None:
    with _raw(logged) as conn:
        conn.execute(f"UPDATE log_entry SET {assignment} WHERE id = 3")
    result = logged.log.verify()
    assert (result.ok, result.bad_entry_id) == (False, 3)


def test_a_removed_middle_entry_is_found_at_the_next_one(logged: Services) -> None:
    with _raw(logged) as conn:
        conn.execute("DELETE FROM log_entry WHERE id = 2")
    result = logged.log.verify()
    assert (result.ok, result.bad_entry_id) == (False, 3)
    assert "removed" in result.problem and "#1" in result.problem


def test_a_removed_newest_entry_is_found_by_the_chain_head(logged: Services) -> None:
    with _raw(logged) as conn:
        conn.execute("DELETE FROM log_entry WHERE id = 5")
    result = logged.log.verify()
    assert not result.ok
    assert result.bad_entry_id == 5 and result.checked == 4
    assert "chain head" in result.problem


def test_a_forged_row_at_the_end_is_found(logged: Services) -> None:
    with _raw(logged) as conn:
        forged = _row(conn, 5)
        forged.update(id=6, corrects_id=None, situation="伪造记录", prev_hash=forged["hash"], hash="f" * 64)
        conn.execute(
            f"INSERT INTO log_entry ({', '.join(forged)}) VALUES ({', '.join('?' * len(forged))})",
            list(forged.values()),
        )
    result = logged.log.verify()
    assert (result.ok, result.bad_entry_id) == (False, 6)


def test_a_forged_row_with_a_correct_hash_is_still_found(logged: Services) -> None:
    """Someone who knows the algorithm appends a perfectly linked row: the head disagrees."""
    with _raw(logged) as conn:
        forged = _row(conn, 5)
        forged.update(id=6, corrects_id=None, situation="伪造记录", prev_hash=forged["hash"])
        content = {
            **forged,
            "shift_date": date.fromisoformat(forged["shift_date"]),
            "occurred_at": datetime.fromisoformat(forged["occurred_at"]),
            "recorded_at": datetime.fromisoformat(forged["recorded_at"]),
            "follow_up": bool(forged["follow_up"]),
            "after_review": bool(forged["after_review"]),
        }
        forged["hash"] = chain_hash(forged["prev_hash"], hashed_content(content))
        conn.execute(
            f"INSERT INTO log_entry ({', '.join(forged)}) VALUES ({', '.join('?' * len(forged))})",
            list(forged.values()),
        )
    result = logged.log.verify()
    assert not result.ok
    assert "chain head" in result.problem


def test_a_replaced_entry_is_found(logged: Services) -> None:
    """Entry #2 removed and a new #2 put in its place: #2 or #3 no longer fits."""
    with _raw(logged) as conn:
        row = _row(conn, 2)
        conn.execute("DELETE FROM log_entry WHERE id = 2")
        row.update(situation="换过的记录", hash="e" * 64)
        conn.execute(
            f"INSERT INTO log_entry ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})", list(row.values())
        )
    result = logged.log.verify()
    assert (result.ok, result.bad_entry_id) == (False, 2)


# -- desk-app verify ------------------------------------------------------------------------


def test_cli_verify_passes_on_a_good_log(logged: Services, db_url: str, capsys) -> None:
    assert main(["--db", db_url, "verify"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("OK") and "5 log entries" in out


def test_cli_verify_fails_on_a_tampered_log_and_names_the_entry(logged: Services, db_url: str, capsys) -> None:
    with _raw(logged) as conn:
        conn.execute("UPDATE log_entry SET handling = '未处理' WHERE id = 2")
    assert main(["--db", db_url, "verify"]) != 0
    lines = capsys.readouterr().out.strip().splitlines()
    # One finding a line: the search index (it no longer matches the text) and the chain.
    assert lines[0].startswith("FAILED: ") and all(line.startswith("        ") for line in lines[1:])
    assert any("entry #2" in line for line in lines)


def test_cli_verify_fails_when_the_newest_entry_is_gone(logged: Services, db_url: str, capsys) -> None:
    with _raw(logged) as conn:
        conn.execute("DELETE FROM log_entry WHERE id = 5")
    assert main(["--db", db_url, "verify"]) != 0
    assert "#5" in capsys.readouterr().out


def test_the_database_file_is_where_the_fixture_says(logged: Services, tmp_path: Path) -> None:
    assert sqlite_path(logged.db.url) == tmp_path / "desk.sqlite"
