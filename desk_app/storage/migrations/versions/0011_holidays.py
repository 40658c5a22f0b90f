"""holidays: the desk's own holiday table (holiday_day: a day of the State Council's notice
as the desk has it) and the years a supervisor confirmed (holiday_year: who, when, from
which notice). Both are journal-covered.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from desk_app.storage import journal

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

# The kinds as they were at this revision (domain/workdays.py DayKind).
KINDS = ("holiday", "workday", "ordinary")


def upgrade() -> None:
    op.create_table(
        "holiday_day",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("name", sa.String(length=20), nullable=False),
        sa.Column("set_by_id", sa.Integer(), nullable=False),
        sa.Column("set_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(f"kind IN ({', '.join(repr(k) for k in KINDS)})", name="known_day_kind"),
        sa.CheckConstraint("length(name) <= 20 AND (kind = 'ordinary' OR length(trim(name)) > 0)", name="named_day"),
        sa.ForeignKeyConstraint(["set_by_id"], ["account.id"]),
        sa.PrimaryKeyConstraint("day"),
    )
    op.create_table(
        "holiday_year",
        sa.Column("year", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("notice", sa.String(length=100), nullable=False),
        sa.Column("confirmed_by_id", sa.Integer(), nullable=False),
        sa.Column("confirmed_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("year BETWEEN 2000 AND 2100", name="sane_holiday_year"),
        sa.CheckConstraint("length(trim(notice)) BETWEEN 1 AND 100", name="names_its_notice"),
        sa.ForeignKeyConstraint(["confirmed_by_id"], ["account.id"]),
        sa.PrimaryKeyConstraint("year"),
    )
    bind = op.get_bind()
    journal.cover(bind, "holiday_day")
    journal.cover(bind, "holiday_year")


def downgrade() -> None:
    for table in ("holiday_year", "holiday_day"):
        for statement in journal.drop_triggers_ddl(table):
            op.execute(statement)
        op.drop_table(table)
