"""The migrations and the models describe the same schema, and each step can be undone."""

from __future__ import annotations

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from desk_app.storage import journal, migrate
from desk_app.storage.database import create_db_engine
from desk_app.storage.models import Base


def _include(obj, name, type_, reflected, compare_to) -> bool:
    # The search indexes and the journal are made by raw DDL, not by models.
    return not (type_ == "table" and name is not None and name.startswith(("log_fts", "ticket_fts", journal.JOURNAL)))


def test_the_migrated_schema_is_the_models_schema(tmp_path):
    engine = create_db_engine(f"sqlite:///{tmp_path / 'desk.sqlite'}")
    migrate.upgrade(engine)
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_object": _include})
        assert compare_metadata(context, Base.metadata) == []


def test_the_roster_step_downgrades_and_upgrades_again(tmp_path):
    engine = create_db_engine(f"sqlite:///{tmp_path / 'desk.sqlite'}")
    migrate.upgrade(engine)
    cfg = migrate.alembic_config()
    with engine.connect() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0003")
        conn.commit()
    assert "roster_cell" not in inspect(engine).get_table_names()
    migrate.upgrade(engine)
    assert "roster_cell" in inspect(engine).get_table_names()
