"""The declarative base and the CHECK constraint that the domain enums give."""

from __future__ import annotations

import enum

from sqlalchemy import (
    CheckConstraint,
)
from sqlalchemy.orm import DeclarativeBase


class Base(DeclarativeBase):
    pass


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


def enum_check(column: str, values: type[enum.StrEnum], name: str) -> CheckConstraint:
    """``CHECK (column IN (...))`` from the domain enum that names a stored value: the enum
    is the one list of the allowed values (tests/storage/test_enum_constraints.py compares
    the migrated schema's constraints with it)."""
    return CheckConstraint(
        _in(column, tuple(v.value for v in values)), name=name, info={"column": column, "enum": values}
    )
