"""Alembic, run in-process. The migration scripts ship inside the package."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from desk_app.storage import journal
from desk_app.storage.models import Base

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
FTS_TABLES = ("log_fts", "ticket_fts")
FTS_SHADOW = tuple(
    f"{table}_{suffix}" for table in FTS_TABLES for suffix in ("data", "idx", "content", "docsize", "config")
)


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


@cache
def _script() -> ScriptDirectory:
    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    head = _script().get_current_head()
    assert head is not None
    return head


def is_known(revision: str) -> bool:
    try:
        return _script().get_revision(revision) is not None
    except Exception:
        return False


def known_tables() -> set[str]:
    return set(Base.metadata.tables) | {*FTS_TABLES, *FTS_SHADOW, journal.JOURNAL}


def upgrade(engine: Engine, revision: str = "head") -> None:
    cfg = alembic_config()
    with engine.connect() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
        # A migration that changed a table's columns: its journal triggers follow.
        journal.follow_schema(conn)
        conn.commit()
