"""desk keeps no items: who recorded that the desk keeps nothing to count at a handover,
and when (desk_settings.no_items_by, no_items_at).

A desk without an item list cannot hand over until a supervisor adds items or records this.
Two plain ADD COLUMNs (no table rebuild); the journal's triggers on desk_settings are then
made again for the new columns (storage/journal.py ``cover``). The downgrade rebuilds the
table (SQLite cannot drop a column that is a foreign key) and covers it again.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-07
"""

from __future__ import annotations

from alembic import op

from desk_app.storage import journal

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

BY = "no_items_by INTEGER REFERENCES account (id)"
AT = "no_items_at DATETIME"


def upgrade() -> None:
    op.execute(f"ALTER TABLE desk_settings ADD COLUMN {BY}")
    op.execute(f"ALTER TABLE desk_settings ADD COLUMN {AT}")
    journal.cover(op.get_bind(), "desk_settings")


def downgrade() -> None:
    bind = op.get_bind()
    table_sql = str(
        bind.exec_driver_sql("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'desk_settings'").scalar()
    )
    for column in (BY, AT):
        assert f", {column}" in table_sql, "unexpected desk_settings schema"
        table_sql = table_sql.replace(f", {column}", "")
    columns = [
        str(row[1])
        for row in bind.exec_driver_sql("PRAGMA table_info(desk_settings)")
        if row[1] not in ("no_items_by", "no_items_at")
    ]
    names = ", ".join(columns)
    for statement in journal.drop_triggers_ddl("desk_settings"):
        op.execute(statement)
    op.execute(f"CREATE TABLE desk_settings_copy AS SELECT {names} FROM desk_settings")
    op.execute("DROP TABLE desk_settings")
    op.execute(table_sql)
    op.execute(f"INSERT INTO desk_settings ({names}) SELECT {names} FROM desk_settings_copy")
    op.execute("DROP TABLE desk_settings_copy")
    journal.cover(bind, "desk_settings")
