"""What a user name and a password must be, and the temporary password of a reset.

The same rules for every password a person chooses: at the first start, when a
supervisor creates an account, when someone changes their own, and for the one a reset
makes (services/accounts.py).
"""

from __future__ import annotations

import re
import secrets

from desk_app.domain.errors import QT_TRANSLATE_NOOP, AuthenticationError, ValidationError

PASSWORD_MIN = 8
PASSWORD_MAX = 128
_USERNAME_RE = re.compile(r"^[A-Za-z0-9_.-]{2,40}$")
# A temporary password is read aloud or written on a slip: no 0/O, 1/l/I, in two groups.
_TEMPORARY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
_TEMPORARY_GROUP = 5


def validate_username(username: str) -> str:
    username = (username or "").strip()
    if not _USERNAME_RE.match(username):
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "DeskError",
                "A user name is 2 to 40 Latin letters, digits, '.', '_' or '-' (for example wangli).",
            )
        )
    return username


def validate_password(password: str) -> str:
    if len(password) < PASSWORD_MIN:
        raise ValidationError(
            QT_TRANSLATE_NOOP("DeskError", "A password needs at least {n} characters."), n=PASSWORD_MIN
        )
    if len(password) > PASSWORD_MAX:
        raise ValidationError(QT_TRANSLATE_NOOP("DeskError", "A password has at most {n} characters."), n=PASSWORD_MAX)
    if password.strip() != password or not password.isprintable():
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "DeskError", "A password may not start or end with a space or contain control characters."
            )
        )
    return password


def validate_new_password(new_password: str, current_password: str) -> str:
    """A password someone chooses in place of ``current_password``: the rules, and a new one."""
    validate_password(new_password)
    if new_password == current_password:
        raise ValidationError(
            QT_TRANSLATE_NOOP("DeskError", "The new password must be different from the current one.")
        )
    return new_password


def temporary_password() -> str:
    """A random password for a reset, like ``k7m2x-9pqre`` (about 49 bits)."""
    groups = ["".join(secrets.choice(_TEMPORARY_ALPHABET) for _ in range(_TEMPORARY_GROUP)) for _ in range(2)]
    return validate_password("-".join(groups))


class WrongPassword(AuthenticationError):
    """A wrong password or an unknown user name (one message for both)."""


def reset_not_changed(username: str) -> AuthenticationError:
    """The refusal of a sign-in made with a password a supervisor reset, not yet changed."""
    return AuthenticationError(
        QT_TRANSLATE_NOOP(
            "DeskError",
            "The password of {username} was reset by a supervisor and must be changed first: "
            "nothing was saved. Sign in as {username} and choose a new password.",
        ),
        username=username,
    )
