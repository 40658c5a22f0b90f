"""Accounts, sign-in and lock-out. Passwords are hashed with Argon2id (argon2-cffi)."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desk_app.domain.clock import Clock
from desk_app.domain.errors import (
    QT_TRANSLATE_NOOP,
    AuthenticationError,
    NotFound,
    ValidationError,
)
from desk_app.domain.roles import Actor, Role, require_role
from desk_app.domain.text_rules import FIELD_NAME, NAME_MAX, clean_text
from desk_app.services.common import audit, from_db, to_db
from desk_app.storage.database import Database
from desk_app.storage.models import Account

MAX_FAILED_ATTEMPTS = 5
LOCKOUT = timedelta(minutes=15)
PASSWORD_MIN = 8
PASSWORD_MAX = 128
_USERNAME_RE = re.compile(r"^[A-Za-z0-9_.-]{2,40}$")


@dataclass(frozen=True)
class AccountInfo:
    id: int
    username: str
    display_name: str
    role: Role
    active: bool
    locked_until: datetime | None


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
        raise ValidationError(
            QT_TRANSLATE_NOOP("DeskError", "A password has at most {n} characters."), n=PASSWORD_MAX
        )
    if password.strip() != password or not password.isprintable():
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "DeskError", "A password may not start or end with a space or contain control characters."
            )
        )
    return password


class AccountService:
    def __init__(self, db: Database, clock: Clock, hasher: PasswordHasher | None = None) -> None:
        self._db = db
        self._clock = clock
        self._hasher = hasher or PasswordHasher()

    # -- sign-in -------------------------------------------------------------------------
    def authenticate(self, username: str, password: str) -> Actor:
        """Check a password. Five failures in a row lock the account for 15 minutes.

        A wrong password gets the same message as an unknown name, whatever the state of
        the account: only the right password learns that an account is disabled or locked.
        """
        now = self._clock.now()
        wrong = AuthenticationError(QT_TRANSLATE_NOOP("DeskError", "Wrong user name or password."))
        failure: AuthenticationError | None = None
        with self._db.write() as session:
            account = session.scalar(select(Account).where(Account.username == username.strip()))
            if account is None:
                # Same work as a real check, so timing does not reveal which names exist.
                self._hasher.hash(password or "x")
                raise wrong
            locked = account.locked_until is not None and from_db(account.locked_until) > now
            try:
                self._hasher.verify(account.password_hash, password)
            except (VerifyMismatchError, VerificationError, InvalidHashError):
                if account.active and not locked:  # a locked account counts no further failures
                    account.failed_attempts += 1
                    if account.failed_attempts >= MAX_FAILED_ATTEMPTS:
                        account.failed_attempts = 0
                        account.locked_until = to_db(now + LOCKOUT)
                        audit(session, now, account.id, "account.locked", account.username)
                failure = wrong
            else:
                if not account.active:
                    raise AuthenticationError(
                        QT_TRANSLATE_NOOP("DeskError", "This account is disabled. Ask a supervisor.")
                    )
                if locked:
                    assert account.locked_until is not None
                    minutes = math.ceil((from_db(account.locked_until) - now).total_seconds() / 60)
                    raise AuthenticationError(
                        QT_TRANSLATE_NOOP(
                            "DeskError",
                            "Too many wrong passwords: this account is locked for {minutes} more minutes.",
                        ),
                        minutes=minutes,
                    )
                account.failed_attempts = 0
                account.locked_until = None
                if self._hasher.check_needs_rehash(account.password_hash):
                    account.password_hash = self._hasher.hash(password)
            actor = _actor(account)
        # Raised after the commit: the failure count must survive the error.
        if failure is not None:
            raise failure
        return actor

    # -- management (supervisor and above) ---------------------------------------------
    def has_accounts(self) -> bool:
        with self._db.read() as session:
            return bool(session.scalar(select(func.count()).select_from(Account)))

    def create(self, actor: Actor, username: str, display_name: str, password: str, role: Role) -> AccountInfo:
        require_role(actor, Role.SUPERVISOR)
        with self._db.write() as session:
            if role.rank > actor.role.rank and not (
                role is Role.MANAGER and not _has_active(session, Role.MANAGER)
            ):
                # A supervisor may create the desk's first manager account (someone must);
                # after that, only a manager adds managers.
                raise ValidationError(
                    QT_TRANSLATE_NOOP(
                        "DeskError", "You cannot create an account with a higher role than yours."
                    )
                )
            account = self.build_account(username, display_name, password, role, actor.account_id)
            # "Wang" and "wang" would be two people nobody can tell apart in the log.
            if session.scalar(select(Account.id).where(func.lower(Account.username) == account.username.lower())):
                raise ValidationError(
                    QT_TRANSLATE_NOOP("DeskError", "The user name {username} is taken."),
                    username=account.username,
                )
            session.add(account)
            session.flush()
            audit(session, self._clock.now(), actor.account_id, "account.created", f"{account.username} {role.value}")
            return _info(account)

    def set_active(self, actor: Actor, account_id: int, active: bool) -> AccountInfo:
        require_role(actor, Role.SUPERVISOR)
        if account_id == actor.account_id and not active:
            raise ValidationError(QT_TRANSLATE_NOOP("DeskError", "You cannot disable your own account."))
        with self._db.write() as session:
            account = session.get(Account, account_id)
            if account is None:
                raise NotFound(QT_TRANSLATE_NOOP("DeskError", "No such account."))
            if Role(account.role).rank > actor.role.rank:
                raise ValidationError(
                    QT_TRANSLATE_NOOP("DeskError", "You cannot change an account with a higher role than yours.")
                )
            account.active = active
            if active:
                account.failed_attempts = 0
                account.locked_until = None
            audit(
                session,
                self._clock.now(),
                actor.account_id,
                "account.enabled" if active else "account.disabled",
                account.username,
            )
            return _info(account)

    def list_accounts(self, actor: Actor) -> list[AccountInfo]:
        require_role(actor, Role.SUPERVISOR)
        with self._db.read() as session:
            return [_info(a) for a in session.scalars(select(Account).order_by(Account.username))]

    def staff(self) -> list[AccountInfo]:
        """Everyone who may appear in the log (for filters); readable by any signed-in person."""
        with self._db.read() as session:
            return [_info(a) for a in session.scalars(select(Account).order_by(Account.display_name))]

    def build_account(
        self, username: str, display_name: str, password: str, role: Role, created_by: int | None
    ) -> Account:
        """A validated, hashed, not yet added account row."""
        username = validate_username(username)
        name = clean_text(display_name, field=FIELD_NAME, max_len=NAME_MAX, required=True)
        validate_password(password)
        return Account(
            username=username,
            display_name=name,
            role=role.value,
            password_hash=self._hasher.hash(password),
            active=True,
            failed_attempts=0,
            created_at=to_db(self._clock.now()),
            created_by=created_by,
        )


def _has_active(session: Session, role: Role) -> bool:
    query = select(Account.id).where(Account.role == role.value, Account.active.is_(True)).limit(1)
    return session.scalar(query) is not None


def _actor(account: Account) -> Actor:
    return Actor(account.id, account.username, account.display_name, Role(account.role))


def _info(account: Account) -> AccountInfo:
    return AccountInfo(
        id=account.id,
        username=account.username,
        display_name=account.display_name,
        role=Role(account.role),
        active=account.active,
        locked_until=from_db(account.locked_until) if account.locked_until else None,
    )
