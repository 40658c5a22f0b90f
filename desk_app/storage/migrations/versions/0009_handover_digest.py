"""handover digest and item actions: the record's digest as a column; a CHECK on item actions.

``handover.record_digest`` holds the SHA-256 of ``record_json`` that the handover's log
entry states in its text ("记录摘要 sha256:<64 hex digits>"). Until now the program read it
back out of that text; the handovers signed before this revision get it from there, once,
here. A signed handover is frozen by a trigger: it is lifted while the column is filled
and made again.

``handover_item_change.action`` gets the CHECK of the domain's ``ItemAction`` values. SQLite
cannot add a CHECK to a table: it is rebuilt (Alembic's batch mode), and its append-only
triggers are made again. The journal's triggers of both tables are made again for their
columns, with a ``baseline`` event for every row (storage/journal.py ``cover``).

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-03
"""

from __future__ import annotations

import re

import sqlalchemy as sa
from alembic import op

from desk_app.storage import journal

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

# The values as of this revision (domain/handover.py ItemAction).
_ACTIONS = ("added", "changed", "retired")
# How the log entry of a signed handover states its digest (as written up to this revision).
_DIGEST_IN_TEXT = re.compile(re.escape("记录摘要 sha256:") + r"([0-9a-f]{64})")
_FROZEN = (
    "CREATE TRIGGER handover_signed_frozen BEFORE UPDATE ON handover "
    "WHEN OLD.state = 'signed' "
    "BEGIN SELECT RAISE(ABORT, 'a signed handover cannot be changed'); END"
)


def _append_only(table: str) -> list[str]:
    return [
        f"CREATE TRIGGER {table}_no_{action.lower()} BEFORE {action} ON {table} "
        f"BEGIN SELECT RAISE(ABORT, '{table} is append-only: {action} refused'); END"
        for action in ("UPDATE", "DELETE")
    ]


def _fill_digests() -> None:
    bind = op.get_bind()
    rows = bind.execute(
        sa.text(
            "SELECT h.id, e.handling FROM handover AS h JOIN log_entry AS e ON e.id = h.log_entry_id "
            "WHERE h.state = 'signed'"
        )
    ).all()
    for handover_id, handling in rows:
        match = _DIGEST_IN_TEXT.search(handling or "")
        if match is not None:
            bind.execute(
                sa.text("UPDATE handover SET record_digest = :digest WHERE id = :id"),
                {"digest": match.group(1), "id": handover_id},
            )


def _rebuild_item_change(change: str) -> None:
    """Rebuild handover_item_change with (``change="add"``) or without its action CHECK."""
    with op.batch_alter_table("handover_item_change", recreate="always") as batch_op:
        if change == "add":
            batch_op.create_check_constraint(
                "known_action", "action IN ({})".format(", ".join(f"'{a}'" for a in _ACTIONS))
            )
        else:
            batch_op.drop_constraint("known_action", type_="check")
    for statement in _append_only("handover_item_change"):
        op.execute(statement)
    journal.cover(op.get_bind(), "handover_item_change")


def upgrade() -> None:
    for statement in journal.drop_triggers_ddl("handover"):
        op.execute(statement)
    op.execute("DROP TRIGGER IF EXISTS handover_signed_frozen")
    op.add_column("handover", sa.Column("record_digest", sa.String(length=64), nullable=True))
    _fill_digests()
    op.execute(_FROZEN)
    journal.cover(op.get_bind(), "handover")
    _rebuild_item_change("add")


def downgrade() -> None:
    _rebuild_item_change("drop")
    # SQLite 3.35+ drops a column in place, once no trigger names it; the digest stays in
    # the log entries' text.
    for statement in journal.drop_triggers_ddl("handover"):
        op.execute(statement)
    op.execute("ALTER TABLE handover DROP COLUMN record_digest")
    journal.cover(op.get_bind(), "handover")
