"""The migrations and the models describe the same schema, and each step can be undone."""

from __future__ import annotations

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from desk_app.domain.roles import Role
from desk_app.services import integrity
from desk_app.services.container import Services
from desk_app.storage import journal, migrate
from desk_app.storage.database import create_db_engine
from desk_app.storage.models import Base
from tests.conftest import CLERK_PASSWORD


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


def test_the_handover_digest_step_fills_the_column_from_the_log_text(db_url, clock, services, supervisor, clerk):
    """0009: a handover signed before the digest had a column gets it from its log entry."""
    services.accounts.create(supervisor, "li", "李强", "clerk-secret-2", Role.CLERK)
    services.handover.add_item(supervisor, "钥匙", "把", 12)  # a row in handover_item_change, rebuilt
    view = services.handover.start(clerk)
    draft = view.draft
    draft.records_acknowledged = True
    draft.counts[0].counted = 12
    services.handover.save_draft(clerk, view.id, draft)
    signed = services.handover.sign(view.id, CLERK_PASSWORD, "li", "clerk-secret-2").view
    assert signed.record_digest is not None and len(signed.record_digest) == 64
    services.close()

    engine = create_db_engine(db_url)
    cfg = migrate.alembic_config()
    with engine.connect() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0008")
        conn.commit()
    assert "record_digest" not in {c["name"] for c in inspect(engine).get_columns("handover")}
    migrate.upgrade(engine)
    engine.dispose()

    again = Services.open(db_url, clock=clock)
    try:
        assert again.handover.get(signed.id).record_digest == signed.record_digest
        assert again.handover.verify_records() == []
        assert [action for _at, _who, action, *_ in again.handover.item_history()] == ["added"]
        assert again.log.verify().ok
        assert integrity.verify(again.db).ok
    finally:
        again.close()


def test_the_keeps_no_items_step_downgrades_and_upgrades_again_with_its_rows(db_url, clock, services, supervisor):
    """0012: desk_settings gains who recorded that the desk keeps no items; undone, the row
    keeps its other settings and the journal still covers the table."""
    services.handover.set_early_arrival_minutes(supervisor, 5)
    services.handover.record_keeps_no_items(supervisor)
    services.close()

    engine = create_db_engine(db_url)
    cfg = migrate.alembic_config()
    with engine.connect() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0010")
        conn.commit()
    assert "no_items_by" not in {c["name"] for c in inspect(engine).get_columns("desk_settings")}
    migrate.upgrade(engine)
    engine.dispose()

    again = Services.open(db_url, clock=clock)
    try:
        assert again.handover.early_arrival_minutes() == 5
        assert again.handover.keeps_no_items() is None  # the record went with the column
        boss = again.accounts.authenticate("zhang", "super-secret-1")
        assert again.handover.record_keeps_no_items(boss).by == "张敏"
        assert integrity.verify(again.db).ok
    finally:
        again.close()
