"""password reset: an account whose password a supervisor reset must choose a new one.

``account.must_change_password`` is set by a supervisor's reset (a temporary password) and
cleared when the person chooses their own; until then a sign-in with the account saves
nothing (services/accounts.py). Existing accounts keep their passwords (0).

SQLite adds the column in place; the journal's triggers of ``account`` are made again for
the new column, with a ``baseline`` event for every row (storage/journal.py ``cover``), here
rather than left to ``journal.follow_schema``, so that a plain Alembic upgrade is whole too.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from desk_app.storage import journal

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    for statement in journal.drop_triggers_ddl("account"):
        op.execute(statement)
    op.add_column(
        "account",
        sa.Column("must_change_password", sa.Boolean(), server_default="0", nullable=False),
    )
    journal.cover(op.get_bind(), "account")


def downgrade() -> None:
    # SQLite 3.35+ drops a column in place once no trigger names it.
    for statement in journal.drop_triggers_ddl("account"):
        op.execute(statement)
    op.execute("ALTER TABLE account DROP COLUMN must_change_password")
    journal.cover(op.get_bind(), "account")
