"""Alembic environment: always given a live connection by desk_app.storage.migrate."""

from __future__ import annotations

from alembic import context

from desk_app.storage.models import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # pragma: no cover - only reached by a stray `alembic` CLI call
    raise RuntimeError("run migrations through desk_app.storage.migrate.upgrade()")


def _include(obj: object, name: str | None, type_: str, reflected: bool, compare_to: object) -> bool:
    # The FTS5 indexes and their shadow tables are made by hand (0001, 0003), not by the models.
    return not (type_ == "table" and name is not None and name.startswith(("log_fts", "ticket_fts", "journal")))


context.configure(
    connection=connection,
    include_object=_include,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite needs batch mode for ALTER TABLE
    transaction_per_migration=True,
)
with context.begin_transaction():
    context.run_migrations()
