"""idle lock: how long the shared desk computer may stay unused before the window locks.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("desk_settings", schema=None) as batch_op:
        batch_op.add_column(sa.Column("idle_lock_minutes", sa.Integer(), server_default="10", nullable=False))
        batch_op.create_check_constraint("sane_idle_lock", "idle_lock_minutes BETWEEN 1 AND 240")


def downgrade() -> None:
    with op.batch_alter_table("desk_settings", schema=None) as batch_op:
        batch_op.drop_constraint("sane_idle_lock", type_="check")
        batch_op.drop_column("idle_lock_minutes")
