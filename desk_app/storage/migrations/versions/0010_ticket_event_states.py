"""ticket event states: ticket_event.action is one of the ticket actions, its status_from
and status_to are ticket statuses, and ticket.due_clock is a clock kind (CHECKs).

SQLite cannot add a CHECK to a table: ticket and ticket_event are rebuilt (SQLite's
documented create-copy-drop-rename, as 0002 does for the log), their rows copied unchanged
(ids too: the ticket search index is keyed by the ticket's id), their indexes and their own
triggers made again (ticket_event stays append-only; a ticket is never deleted and its
kind never changes), and the journal's triggers made again by ``journal.cover``.

The allowed values are written out here as they were at this revision (the enums of
domain/tickets.py may grow later, each time with a migration of its own).

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-06
"""

from __future__ import annotations

import re
from collections.abc import Callable

from alembic import op

from desk_app.storage import journal

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

ACTIONS = (
    "registered",
    "judged",
    "replied",
    "dispatched",
    "completed",
    "followed_up",
    "delivered",
    "closed",
    "reopened",
    "incident_report",
    "escalated",
)
STATUSES = ("open", "in_progress", "follow_up", "closed")
CLOCKS = ("reply", "next_reply", "visit", "follow_up", "incident_report")
CHECKS = {
    "ticket": (("known_due_clock", "due_clock", CLOCKS),),
    "ticket_event": (
        ("known_action", "action", ACTIONS),
        ("known_status_from", "status_from", STATUSES),
        ("known_status_to", "status_to", STATUSES),
    ),
}

# Rows of other tables that point at a rebuilt table by a column without an index of its own.
_UNINDEXED_CHILDREN = {"ticket": (("tmp_0010_ticket_notice", "ticket_notice"),)}


def _constraints(table: str) -> list[str]:
    return [
        f",\n\tCONSTRAINT {name} CHECK ({column} IN ({', '.join(repr(v) for v in values)}))"
        for name, column, values in CHECKS[table]
    ]


def _with_checks(table: str, sql: str) -> str:
    body = sql.rstrip()
    assert body.endswith(")"), f"unexpected {table} schema"
    return body[:-1].rstrip() + "".join(_constraints(table)) + "\n)"


def _without_checks(table: str, sql: str) -> str:
    for constraint in _constraints(table):
        assert constraint in sql, f"unexpected {table} schema"
        sql = sql.replace(constraint, "")
    return sql


def _rebuild(table: str, edit: Callable[[str, str], str]) -> None:
    """Copy the rows aside, drop the table, create it again under its own name (so the
    other tables' REFERENCES stay as they are) and copy the rows back."""
    bind = op.get_bind()
    table_sql = bind.exec_driver_sql(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)
    ).scalar()
    assert table_sql is not None, f"no table {table}"
    # (A table renamed before has its name quoted: CREATE TABLE "ticket".)
    new_sql, found = re.subn(rf'^CREATE TABLE "?{table}"? ', f"CREATE TABLE {table} ", edit(table, str(table_sql)))
    assert found == 1, f"unexpected {table} schema"
    # Its indexes and its own triggers (not the journal's: ``cover`` makes those again).
    extras = [
        str(sql)
        for (sql,) in bind.exec_driver_sql(
            "SELECT sql FROM sqlite_master WHERE tbl_name = ? AND type IN ('index', 'trigger') "
            "AND sql IS NOT NULL AND name NOT LIKE 'journal\\_%' ESCAPE '\\' ORDER BY type, name",
            (table,),
        )
    ]
    # Dropping the table leaves the rows that point at it (a ticket's clocks, events ...)
    # pointing at nothing until the rows are back: deferred, checked at commit. The
    # parent rows put back are matched with them through the child tables' indexes.
    op.execute("PRAGMA defer_foreign_keys = ON")
    for name, child in _UNINDEXED_CHILDREN.get(table, ()):
        op.execute(f"CREATE INDEX {name} ON {child} ({table}_id)")
    op.execute(f"CREATE TABLE {table}_copy AS SELECT * FROM {table}")
    op.execute(f"DROP TABLE {table}")
    op.execute(new_sql)
    op.execute(f"INSERT INTO {table} SELECT * FROM {table}_copy")
    op.execute(f"DROP TABLE {table}_copy")
    for name, _child in _UNINDEXED_CHILDREN.get(table, ()):
        op.execute(f"DROP INDEX {name}")
    for sql in extras:
        op.execute(sql)
    journal.cover(bind, table)


def upgrade() -> None:
    for table in CHECKS:
        _rebuild(table, _with_checks)


def downgrade() -> None:
    for table in CHECKS:
        _rebuild(table, _without_checks)
