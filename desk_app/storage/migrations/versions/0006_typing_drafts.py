"""typing drafts: what a person typed and has not saved yet, kept across a sign-out, the
idle lock and a power cut, and offered back to that person only.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "typing_draft",
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("form", sa.String(length=80), nullable=False),
        sa.Column("fields_json", sa.Text(), nullable=False),
        sa.Column("saved_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("length(form) BETWEEN 1 AND 80", name="sane_draft_form"),
        sa.CheckConstraint("length(fields_json) <= 40000", name="sane_draft_size"),
        sa.ForeignKeyConstraint(["account_id"], ["account.id"]),
        sa.PrimaryKeyConstraint("account_id", "form"),
    )


def downgrade() -> None:
    op.drop_table("typing_draft")
