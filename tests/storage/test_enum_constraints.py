"""Every stored state is a domain enum, and the database's CHECK constraints allow exactly
the enum's values: the migrated schema (what a desk's file really holds) is compared with
the enums, so a value added to an enum without a migration, or a migration that lists its
own copy of the values, fails here."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import CheckConstraint, String, text

from desk_app.storage import migrate
from desk_app.storage.database import create_db_engine
from desk_app.storage.models import Base

# Columns that hold one of a fixed set of names. Each must have an enum_check.
STATE_COLUMN_NAMES = {"state", "status", "kind", "action", "level", "role", "category", "urgency", "source"}
# Free text by design: the audit trail's action names ("shift.added", "ticket.reopened", ...).
FREE_NAMES = {("audit_event", "action")}


def _enum_checks() -> list[tuple[str, CheckConstraint]]:
    return [
        (table.name, constraint)
        for table in Base.metadata.sorted_tables
        for constraint in table.constraints
        if isinstance(constraint, CheckConstraint) and "enum" in constraint.info
    ]


@pytest.fixture(scope="module")
def migrated_schema(tmp_path_factory) -> dict[str, str]:
    engine = create_db_engine(f"sqlite:///{tmp_path_factory.mktemp('enums') / 'desk.sqlite'}")
    migrate.upgrade(engine)
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND sql IS NOT NULL"))
        schema = {name: sql for name, sql in rows}
    engine.dispose()
    return schema


def _allowed(sql: str, name: str, column: str) -> set[str]:
    """The values that the constraint ``name`` of a table's CREATE statement allows."""
    match = re.search(rf"CONSTRAINT {name} CHECK \(\s*{column} IN \(([^)]*)\)\s*\)", sql)
    assert match is not None, f"no CHECK {name} on {column} in the migrated schema"
    return set(re.findall(r"'([^']*)'", match.group(1)))


def test_there_are_enum_checks():
    assert len(_enum_checks()) >= 10


@pytest.mark.parametrize(("table", "constraint"), _enum_checks(), ids=lambda v: getattr(v, "name", v))
def test_the_migrated_constraint_allows_exactly_the_enum(migrated_schema, table, constraint):
    allowed = _allowed(migrated_schema[table], constraint.name, constraint.info["column"])
    assert allowed == {member.value for member in constraint.info["enum"]}


def test_no_constraint_lists_values_of_its_own(migrated_schema):
    """A CHECK ... IN (...) in the migrated schema is one that the models derive from an enum."""
    derived = {(table, constraint.name) for table, constraint in _enum_checks()}
    for table, sql in migrated_schema.items():
        for name in re.findall(r"CONSTRAINT (\w+) CHECK \(\s*\w+ IN \(", sql):
            assert (table, name) in derived, f"{table}.{name} lists its values by hand"


def test_every_state_column_is_an_enum():
    checked = {(table, constraint.info["column"]) for table, constraint in _enum_checks()}
    plain = {
        (table.name, column.name)
        for table in Base.metadata.sorted_tables
        for column in table.columns
        if isinstance(column.type, String) and column.name in STATE_COLUMN_NAMES
    }
    assert plain - checked - FREE_NAMES == set()
