"""The journal records every write, and verify compares every row with it."""

from __future__ import annotations

import sqlite3

from desk_app.domain.categories import LogCategory
from desk_app.services import integrity


def _raw(services) -> sqlite3.Connection:
    path = services.db.engine.url.database
    conn = sqlite3.connect(path, isolation_level=None)
    return conn


def test_every_write_is_an_event_and_a_fresh_desk_verifies(services, clerk) -> None:
    services.log.add(clerk, LogCategory.REPAIR, "3栋漏水", "已通知工程部")
    report = integrity.verify(services.db)
    assert report.ok, report.describe()
    assert report.log_entries == 1 and report.events > 5
    with services.db.engine.connect() as conn:
        rows = conn.exec_driver_sql("SELECT tbl, op, writer FROM journal WHERE tbl = 'log_entry'").all()
    assert rows == [("log_entry", "insert", clerk.account_id)]


def test_a_raw_edit_with_the_triggers_dropped_is_named(services, clerk) -> None:
    services.log.add(clerk, LogCategory.REPAIR, "3栋漏水", "已通知工程部")
    raw = _raw(services)
    raw.execute("DROP TRIGGER journal_account_update")
    raw.execute("UPDATE account SET role = 'supervisor' WHERE username = 'wang'")
    raw.close()
    report = integrity.verify(services.db)
    assert not report.ok
    assert any("account #2 was changed" in f.message for f in report.findings), report.describe()
    assert any(f.what == "triggers" for f in report.findings)
