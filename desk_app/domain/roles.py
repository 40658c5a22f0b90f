"""People and roles (DOMAIN.md "People and roles"). Enforced by the services."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

from desk_app.domain.errors import QT_TRANSLATE_NOOP, PermissionDenied


class Role(enum.StrEnum):
    CLERK = "clerk"
    SUPERVISOR = "supervisor"
    MANAGER = "manager"

    @property
    def rank(self) -> int:
        return _RANKS[self]

    def at_least(self, minimum: Role) -> bool:
        """Whether this role may do what ``minimum`` may (a manager may do a supervisor's work)."""
        return self.rank >= minimum.rank

    @property
    def label(self) -> str:
        """English label, a translation source in context ``Role``."""
        return _LABELS[self]


_RANKS = {Role.CLERK: 0, Role.SUPERVISOR: 1, Role.MANAGER: 2}
_LABELS = {
    Role.CLERK: QT_TRANSLATE_NOOP("Role", "Duty clerk"),
    Role.SUPERVISOR: QT_TRANSLATE_NOOP("Role", "Supervisor"),
    Role.MANAGER: QT_TRANSLATE_NOOP("Role", "Manager"),
}


@dataclass(frozen=True)
class Actor:
    """The signed-in person on whose behalf a service acts.

    ``proof`` is the sign-in's token, issued by ``AccountService`` and re-checked on every
    write (services/accounts.py): an ``Actor`` built in code has none and writes nothing.
    It is left out of the repr (it must not end up in a log file) and of comparisons.
    """

    account_id: int
    username: str
    display_name: str
    role: Role
    proof: str | None = field(default=None, repr=False, compare=False)


def require_role(actor: Actor, minimum: Role) -> None:
    if not actor.role.at_least(minimum):
        raise PermissionDenied(
            QT_TRANSLATE_NOOP("DeskError", "This needs the role {role}; you are signed in as {mine}."),
            role=minimum.value,
            mine=actor.role.value,
        )
