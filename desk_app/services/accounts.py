"""Accounts, sign-in and lock-out. Passwords are hashed with Argon2id (argon2-cffi)."""

from __future__ import annotations

import math
import secrets
import threading
from contextvars import ContextVar
from dataclasses import dataclass, replace
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
    PermissionDenied,
    ValidationError,
)
from desk_app.domain.roles import Actor, Role, require_role
from desk_app.domain.text_rules import FIELD_NAME, NAME_MAX, clean_text
from desk_app.services.account_rules import (
    WrongPassword,
    reset_not_changed,
    temporary_password,
    validate_new_password,
    validate_password,
    validate_username,
)
from desk_app.services.common import audit, from_db, to_db
from desk_app.storage.database import Database
from desk_app.storage.models import Account

MAX_FAILED_ATTEMPTS = 5
LOCKOUT = timedelta(minutes=15)
# How long a sign-in lasts without the password typed again: a 24-hour duty (08:00 to
# 08:00), a successor up to 4 hours late, and a margin. Unlocking the idle lock with the
# password starts the time again; after it, the person signs in again.
SESSION_MAX_AGE = timedelta(hours=36)
# Set while change_password writes: the one write a must-change sign-in may make.
_CHANGING_PASSWORD: ContextVar[bool] = ContextVar("changing_password", default=False)


@dataclass
class _Grant:
    """What the service knows of one sign-in: whose it is, with which role, since when."""

    account_id: int
    role: Role
    issued_at: datetime
    renewed_at: datetime
    # The password was reset: nothing is written with this sign-in until a new one is chosen.
    must_change: bool = False


@dataclass(frozen=True)
class AccountInfo:
    id: int
    username: str
    display_name: str
    role: Role
    active: bool
    locked_until: datetime | None
    must_change_password: bool = False


@dataclass(frozen=True)
class SignIn:
    """What a sign-in gives: the person, and whether they must choose a new password first
    (``actor`` then writes nothing but ``change_password``)."""

    actor: Actor
    must_change_password: bool


@dataclass(frozen=True)
class PasswordReset:
    """A supervisor's reset: the account, and the temporary password to hand to its owner
    (shown once, stored only as its hash)."""

    account: AccountInfo
    temporary_password: str


class AccountService:
    def __init__(self, db: Database, clock: Clock, hasher: PasswordHasher | None = None) -> None:
        self._db = db
        self._clock = clock
        self._hasher = hasher or PasswordHasher()
        # The sign-ins of this program: proof token -> grant. Only this service makes them.
        self._grants: dict[str, _Grant] = {}
        self._grants_lock = threading.Lock()
        db.check_writer = self._check_writer

    # -- sign-in -------------------------------------------------------------------------
    def authenticate(self, username: str, password: str) -> Actor:
        """Check a password. Five failures in a row lock the account for 15 minutes.

        A wrong password gets the same message as an unknown name, whatever the state of
        the account: only the right password learns that an account is disabled or locked.
        """
        now = self._clock.now()
        wrong = WrongPassword(QT_TRANSLATE_NOOP("DeskError", "Wrong user name or password."))
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
            must_change = account.must_change_password
        # Raised after the commit: the failure count must survive the error.
        if failure is not None:
            raise failure
        return self._grant(actor, now, must_change=must_change)

    def sign_in(self, username: str, password: str) -> SignIn:
        """``authenticate``, saying whether the password was reset by a supervisor: then the
        person must choose a new one (``change_password``) before the sign-in saves anything."""
        actor = self.authenticate(username, password)
        return SignIn(actor, self.must_change_password(actor))

    def must_change_password(self, actor: Actor) -> bool:
        """Whether ``actor``'s sign-in waits for a new password (a reset one was used)."""
        with self._grants_lock:
            grant = self._grants.get(actor.proof) if actor.proof is not None else None
            return grant is not None and grant.account_id == actor.account_id and grant.must_change

    def refuse_reset_password(self, actor: Actor) -> None:
        """Refuse a sign-in made with a password a supervisor reset and nobody changed yet:
        it proves the reset, not the person (a handover's incoming signature, for one)."""
        if self.must_change_password(actor):
            raise reset_not_changed(actor.username)

    # -- sign-in proofs ---------------------------------------------------------------------
    def _grant(self, actor: Actor, now: datetime, must_change: bool = False) -> Actor:
        """``actor`` with a new proof of sign-in, valid for SESSION_MAX_AGE."""
        token = secrets.token_urlsafe(32)
        with self._grants_lock:
            for old in [t for t, g in self._grants.items() if now - g.renewed_at > SESSION_MAX_AGE]:
                del self._grants[old]
            self._grants[token] = _Grant(actor.account_id, actor.role, now, now, must_change)
        return replace(actor, proof=token)

    def sign_out(self, actor: Actor) -> None:
        """The sign-in ``actor`` proves ends: nothing more is written with it."""
        if actor.proof is not None:
            with self._grants_lock:
                self._grants.pop(actor.proof, None)

    def renew(self, actor: Actor, password: str) -> None:
        """The same person typed their password again (the idle lock): their sign-in lasts
        SESSION_MAX_AGE from now. Raises AuthenticationError for a wrong password."""
        person = self.authenticate(actor.username, password)
        self.sign_out(person)  # the password was the point, not a second sign-in
        if person.account_id != actor.account_id or actor.proof is None:
            raise PermissionDenied(_NOT_SIGNED_IN)
        now = self._clock.now()
        with self._grants_lock:
            grant = self._grants.get(actor.proof)
            if grant is not None and grant.account_id != actor.account_id:
                raise PermissionDenied(_NOT_SIGNED_IN)
            if grant is None:  # expired while the window was locked: the password brings it back
                self._grants[actor.proof] = _Grant(person.account_id, person.role, now, now)
            else:
                grant.renewed_at = now

    def confirm_password(self, actor: Actor, password: str) -> None:
        """An approval given now, by the signed-in ``actor``'s own password.

        Wrong passwords count towards the lock-out like a wrong sign-in. Raises
        AuthenticationError (wrong password, locked) or PermissionDenied (not signed in)."""
        with self._db.read() as session:
            self._check_writer(session, actor)
        try:
            person = self.authenticate(actor.username, password)
        except WrongPassword:  # nobody typed a user name here: the password alone was wrong
            raise AuthenticationError(QT_TRANSLATE_NOOP("DeskError", "Wrong password: nothing was approved.")) from None
        self.sign_out(person)
        if person.account_id != actor.account_id:
            raise PermissionDenied(_NOT_SIGNED_IN)

    def seed_session(self, account_id: int, purpose: str) -> Actor:
        """A proof of sign-in for ``account_id`` without its password, for the program's own
        seeding only (demo data, benchmarks) — never called by the window. Recorded as an
        audit event, so a session nobody signed in for is visible as such."""
        now = self._clock.now()
        with self._db.write() as session:
            account = session.get(Account, account_id)
            if account is None or not account.active:
                raise NotFound(QT_TRANSLATE_NOOP("DeskError", "No such account."))
            audit(session, now, account.id, "account.seed_session", f"{account.username}: {purpose}")
            actor = _actor(account)
        return self._grant(actor, now)

    def _check_writer(self, session: Session, actor: Actor) -> None:
        """Inside the write transaction: ``actor`` is signed in now, as who they say, with
        the role they signed in with, on an account still enabled. Otherwise nothing is
        written."""
        with self._grants_lock:
            grant = self._grants.get(actor.proof) if actor.proof is not None else None
            renewed_at = grant.renewed_at if grant is not None else None
        if grant is None or renewed_at is None or grant.account_id != actor.account_id:
            raise PermissionDenied(_NOT_SIGNED_IN)
        account = session.get(Account, actor.account_id)
        if account is None or not account.active:
            raise PermissionDenied(
                QT_TRANSLATE_NOOP("DeskError", "This account is disabled: nothing was saved. Ask a supervisor.")
            )
        # The stored flag as well as the sign-in's: a sign-in made before the reset, or
        # brought back by the idle lock with the temporary password, is held too.
        if (grant.must_change or account.must_change_password) and not _CHANGING_PASSWORD.get():
            raise reset_not_changed(actor.username)
        if account.role != grant.role.value or actor.role is not grant.role:
            raise PermissionDenied(
                QT_TRANSLATE_NOOP(
                    "DeskError", "Your role was changed after you signed in: nothing was saved. Sign in again."
                )
            )
        if self._clock.now() - renewed_at > SESSION_MAX_AGE:
            raise AuthenticationError(
                QT_TRANSLATE_NOOP(
                    "DeskError",
                    "You signed in more than {hours} hours ago: nothing was saved. Sign in again.",
                ),
                hours=int(SESSION_MAX_AGE.total_seconds() // 3600),
            )

    # -- passwords -------------------------------------------------------------------------
    def change_password(self, actor: Actor, current_password: str, new_password: str) -> None:
        """The signed-in ``actor`` chooses a new password, proving the current one.

        A wrong current password counts towards the lock-out like a wrong sign-in. The new
        one follows the rules of every password and differs from the current one. A sign-in
        waiting for a new password (a reset) is usable from then on."""
        with self._db.read() as session:
            token = _CHANGING_PASSWORD.set(True)
            try:
                self._check_writer(session, actor)
            finally:
                _CHANGING_PASSWORD.reset(token)
        try:
            person = self.authenticate(actor.username, current_password)
        except WrongPassword:
            raise AuthenticationError(
                QT_TRANSLATE_NOOP("DeskError", "The current password is wrong: nothing was changed.")
            ) from None
        self.sign_out(person)  # the password was the point, not a second sign-in
        if person.account_id != actor.account_id:
            raise PermissionDenied(_NOT_SIGNED_IN)
        validate_new_password(new_password, current_password)
        new_hash = self._hasher.hash(new_password)
        token = _CHANGING_PASSWORD.set(True)
        try:
            with self._db.write(actor) as session:
                account = session.get(Account, actor.account_id)
                assert account is not None  # _check_writer found it
                after_reset = account.must_change_password
                account.password_hash = new_hash
                account.must_change_password = False
                detail = f"{account.username} (after a reset)" if after_reset else account.username
                audit(session, self._clock.now(), account.id, "account.password_changed", detail)
        finally:
            _CHANGING_PASSWORD.reset(token)
        with self._grants_lock:
            for grant in self._grants.values():
                if grant.account_id == actor.account_id:
                    grant.must_change = False

    def reset_password(self, actor: Actor, own_password: str, account_id: int) -> PasswordReset:
        """A supervisor gives someone a temporary password, approved by their own password
        typed now; its owner must choose a new one at their next sign-in.

        Not one's own account (that is ``change_password``), not one of a higher role. The
        account is unlocked, and its sign-ins elsewhere end."""
        require_role(actor, Role.SUPERVISOR)
        if account_id == actor.account_id:
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "DeskError", "You cannot reset your own password: change it with Change password… instead."
                )
            )
        with self._db.read() as session:
            _check_may_reset(actor, session.get(Account, account_id))
        self.confirm_password(actor, own_password)
        temporary = temporary_password()
        new_hash = self._hasher.hash(temporary)
        with self._db.write(actor) as session:
            account = session.get(Account, account_id)
            _check_may_reset(actor, account)
            assert account is not None
            account.password_hash = new_hash
            account.must_change_password = True
            account.failed_attempts = 0
            account.locked_until = None
            audit(session, self._clock.now(), actor.account_id, "account.password_reset", account.username)
            info = _info(account)
        with self._grants_lock:
            for old in [t for t, g in self._grants.items() if g.account_id == account_id]:
                del self._grants[old]
        return PasswordReset(info, temporary)

    # -- management (supervisor and above) ---------------------------------------------
    def has_accounts(self) -> bool:
        with self._db.read() as session:
            return bool(session.scalar(select(func.count()).select_from(Account)))

    def create(self, actor: Actor, username: str, display_name: str, password: str, role: Role) -> AccountInfo:
        require_role(actor, Role.SUPERVISOR)
        with self._db.write(actor) as session:
            if role.rank > actor.role.rank and not (role is Role.MANAGER and not _has_active(session, Role.MANAGER)):
                # A supervisor may create the desk's first manager account (someone must);
                # after that, only a manager adds managers.
                raise ValidationError(
                    QT_TRANSLATE_NOOP("DeskError", "You cannot create an account with a higher role than yours.")
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
        with self._db.write(actor) as session:
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


_NOT_SIGNED_IN = QT_TRANSLATE_NOOP(
    "DeskError", "This was not done by a signed-in person: nothing was saved. Sign in again."
)


def _has_active(session: Session, role: Role) -> bool:
    query = select(Account.id).where(Account.role == role.value, Account.active.is_(True)).limit(1)
    return session.scalar(query) is not None


def _check_may_reset(actor: Actor, account: Account | None) -> None:
    if account is None:
        raise NotFound(QT_TRANSLATE_NOOP("DeskError", "No such account."))
    if Role(account.role).rank > actor.role.rank:
        raise PermissionDenied(
            QT_TRANSLATE_NOOP("DeskError", "You cannot reset the password of an account with a higher role than yours.")
        )


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
        must_change_password=account.must_change_password,
    )
