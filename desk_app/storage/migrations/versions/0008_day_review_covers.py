"""day review covers: the last log entry a supervisor's day signature covers.

A signature covers exactly the entries written up to the moment of signing; an entry of
that day written later (a late handover, say) is shown and printed as not yet reviewed.
The id, not a time, because two entries can share a second and a clock can be set back.
Signatures made before this revision have none: they cover what was recorded up to their
time.

A plain ADD COLUMN (no table rebuild); the journal's triggers on day_review are then made
again for the new column (storage/journal.py ``cover``).

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from desk_app.storage import journal

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("day_review", sa.Column("covers_to_id", sa.Integer(), nullable=True))
    journal.cover(op.get_bind(), "day_review")


def downgrade() -> None:
    # SQLite 3.35+ drops a column in place, once no trigger names it; then the journal's
    # triggers are made again for the columns left.
    for statement in journal.drop_triggers_ddl("day_review"):
        op.execute(statement)
    op.execute("ALTER TABLE day_review DROP COLUMN covers_to_id")
    journal.cover(op.get_bind(), "day_review")
