"""Accounts: Argon2 hashes, sign-in, lock-out, roles enforced by the service."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from argon2 import PasswordHasher
from sqlalchemy import func, select

from desk_app.domain.categories import LogCategory
from desk_app.domain.errors import AuthenticationError, PermissionDenied, ValidationError
from desk_app.domain.roles import Actor, Role
from desk_app.services.container import Services
from desk_app.storage.models import Account, AuditEvent
from tests.conftest import CLERK_PASSWORD, SUPERVISOR_PASSWORD


def _rows(services: Services) -> tuple[int, int]:
    with services.db.read() as session:
        accounts = session.scalar(select(func.count()).select_from(Account))
        events = session.scalar(select(func.count()).select_from(AuditEvent))
    return int(accounts or 0), int(events or 0)


def _account(services: Services, username: str) -> Account:
    with services.db.read() as session:
        account = session.scalar(select(Account).where(Account.username == username))
        assert account is not None
        return account


@pytest.mark.real_argon2
def test_only_an_argon2id_hash_is_stored(services: Services, clerk: Actor) -> None:
    stored = _account(services, "wang").password_hash
    assert stored.startswith("$argon2id$")
    assert CLERK_PASSWORD not in stored
    assert PasswordHasher().verify(stored, CLERK_PASSWORD)
    assert not PasswordHasher().check_needs_rehash(stored)  # the library's recommended cost
    # Same password, different salt: no two accounts share a hash.
    assert stored != _account(services, "zhang").password_hash


def test_sign_in_returns_the_person_and_role(services: Services, clerk: Actor) -> None:
    actor = services.accounts.authenticate("  wang ", CLERK_PASSWORD)
    assert actor == clerk
    assert (actor.username, actor.display_name, actor.role) == ("wang", "王丽", Role.CLERK)


def test_wrong_password_and_unknown_user_are_refused_alike(services: Services, clerk: Actor) -> None:
    with pytest.raises(AuthenticationError) as wrong:
        services.accounts.authenticate("wang", "not-the-password")
    with pytest.raises(AuthenticationError) as unknown:
        services.accounts.authenticate("nobody", CLERK_PASSWORD)
    assert wrong.value.english() == unknown.value.english() == "Wrong user name or password."
    assert wrong.value.params == unknown.value.params == {}
    with pytest.raises(AuthenticationError):
        services.accounts.authenticate("wang", "")


def test_five_failures_lock_the_account_for_fifteen_minutes(services, clock, clerk) -> None:
    for failures in (1, 2, 3, 4):
        with pytest.raises(AuthenticationError, match=r"^Wrong user name or password\.$"):
            services.accounts.authenticate("wang", "wrong-password")
        assert _account(services, "wang").failed_attempts == failures
    # The fifth locks the account, and still says no more than a wrong name would.
    with pytest.raises(AuthenticationError, match=r"^Wrong user name or password\.$"):
        services.accounts.authenticate("wang", "wrong-password")
    assert _account(services, "wang").locked_until is not None
    # Locked: a wrong password learns nothing and counts no further ...
    with pytest.raises(AuthenticationError, match=r"^Wrong user name or password\.$"):
        services.accounts.authenticate("wang", "wrong-password")
    assert _account(services, "wang").failed_attempts == 0
    # ... only the right password learns of the lock, and is refused.
    with pytest.raises(AuthenticationError, match="locked for 15 more minutes"):
        services.accounts.authenticate("wang", CLERK_PASSWORD)
    clock.advance(timedelta(minutes=14, seconds=1))
    with pytest.raises(AuthenticationError, match="locked for 1 more minutes"):
        services.accounts.authenticate("wang", CLERK_PASSWORD)
    clock.advance(timedelta(seconds=59))  # exactly 15 minutes after the lock
    assert services.accounts.authenticate("wang", CLERK_PASSWORD) == clerk
    assert _account(services, "wang").locked_until is None
    with services.db.read() as session:
        actions = list(session.scalars(select(AuditEvent.action)))
    assert actions.count("account.locked") == 1


def test_a_success_resets_the_failure_count(services, clerk) -> None:
    for _ in range(4):
        with pytest.raises(AuthenticationError):
            services.accounts.authenticate("wang", "wrong-password")
    services.accounts.authenticate("wang", CLERK_PASSWORD)
    for _ in range(4):
        with pytest.raises(AuthenticationError):
            services.accounts.authenticate("wang", "wrong-password")
    assert services.accounts.authenticate("wang", CLERK_PASSWORD) == clerk


def test_a_lock_on_one_account_leaves_others_alone(services, supervisor, clerk) -> None:
    for _ in range(5):
        with pytest.raises(AuthenticationError):
            services.accounts.authenticate("wang", "wrong-password")
    assert services.accounts.authenticate("zhang", SUPERVISOR_PASSWORD) == supervisor


def test_a_disabled_account_is_refused_until_enabled(services, supervisor, clerk) -> None:
    info = services.accounts.set_active(supervisor, clerk.account_id, False)
    assert info.active is False
    with pytest.raises(AuthenticationError, match=r"^Wrong user name or password\.$"):
        services.accounts.authenticate("wang", "wrong-password")  # a wrong password learns nothing
    with pytest.raises(AuthenticationError, match="disabled"):
        services.accounts.authenticate("wang", CLERK_PASSWORD)
    services.accounts.set_active(supervisor, clerk.account_id, True)
    assert services.accounts.authenticate("wang", CLERK_PASSWORD) == clerk


def test_enabling_clears_a_lock(services, supervisor, clerk) -> None:
    for _ in range(5):
        with pytest.raises(AuthenticationError):
            services.accounts.authenticate("wang", "wrong-password")
    services.accounts.set_active(supervisor, clerk.account_id, True)
    assert services.accounts.authenticate("wang", CLERK_PASSWORD) == clerk


def test_a_supervisor_cannot_disable_their_own_account(services, supervisor) -> None:
    with pytest.raises(ValidationError, match="your own account"):
        services.accounts.set_active(supervisor, supervisor.account_id, False)


def test_a_supervisor_cannot_disable_a_manager(services, supervisor) -> None:
    manager = services.accounts.build_account("li", "李经理", "manager-secret", Role.MANAGER, None)
    with services.db.write() as session:
        session.add(manager)
    before = _rows(services)
    with pytest.raises(ValidationError, match="higher role"):
        services.accounts.set_active(supervisor, manager.id, False)
    assert _rows(services) == before
    assert services.accounts.authenticate("li", "manager-secret").role is Role.MANAGER


def test_clerks_cannot_call_supervisor_services(services, clock, supervisor, clerk) -> None:
    services.log.add(clerk, LogCategory.PATROL, "巡查大堂，正常")
    before = _rows(services)
    with pytest.raises(PermissionDenied):
        services.accounts.create(clerk, "li", "李明", "another-secret", Role.CLERK)
    with pytest.raises(PermissionDenied):
        services.accounts.set_active(clerk, supervisor.account_id, False)
    with pytest.raises(PermissionDenied):
        services.accounts.set_active(clerk, clerk.account_id, True)
    with pytest.raises(PermissionDenied):
        services.accounts.list_accounts(clerk)
    with pytest.raises(PermissionDenied):
        services.log.sign_day(clerk, date(2026, 11, 24), password=SUPERVISOR_PASSWORD)
    assert _rows(services) == before
    assert services.log.unsigned_days(date(2026, 11, 24), date(2026, 11, 24)) == [date(2026, 11, 24)]
    assert services.accounts.authenticate("zhang", SUPERVISOR_PASSWORD) == supervisor


def test_supervisors_manage_accounts(services, supervisor, clerk) -> None:
    created = services.accounts.create(supervisor, "zhao", "赵强", "another-secret", Role.SUPERVISOR)
    assert created.role is Role.SUPERVISOR and created.active
    names = [a.username for a in services.accounts.list_accounts(supervisor)]
    assert names == ["wang", "zhang", "zhao"]
    assert {a.username for a in services.accounts.staff()} == {"wang", "zhang", "zhao"}


def test_nobody_creates_an_account_above_their_own_role(services, supervisor) -> None:
    # The desk's first manager is created by the supervisor (someone must) ...
    first = services.accounts.create(supervisor, "li", "李经理", "manager-secret", Role.MANAGER)
    assert first.role is Role.MANAGER
    # ... after that only a manager adds managers.
    before = _rows(services)
    with pytest.raises(ValidationError, match="higher role"):
        services.accounts.create(supervisor, "zhou", "周经理", "manager-secret", Role.MANAGER)
    assert _rows(services) == before
    manager = services.accounts.authenticate("li", "manager-secret")
    assert services.accounts.create(manager, "zhou", "周经理", "manager-secret", Role.MANAGER).active


@pytest.mark.parametrize("taken", ["wang", " wang ", "Wang", "WANG"])
def test_a_user_name_is_taken_once_whatever_its_case(services, supervisor, clerk, taken) -> None:
    before = _rows(services)
    with pytest.raises(ValidationError, match="is taken"):
        services.accounts.create(supervisor, taken, "王丽二", "another-secret", Role.CLERK)
    assert _rows(services) == before


@pytest.mark.parametrize("username", ["", " ", "w", "王丽", "wang li", "wang;drop", "x" * 41, "wa\nng", "ｗａｎｇ"])
def test_bad_user_names_are_refused_and_nothing_is_written(services, supervisor, username) -> None:
    before = _rows(services)
    with pytest.raises(ValidationError, match="user name"):
        services.accounts.create(supervisor, username, "王丽", "good-password", Role.CLERK)
    assert _rows(services) == before


@pytest.mark.parametrize(
    "password",
    ["", "short12", " leading-space", "trailing-space ", "tab\tinside1", "new\nline12", "x" * 129],
)
def test_bad_passwords_are_refused_and_nothing_is_written(services, supervisor, password) -> None:
    before = _rows(services)
    with pytest.raises(ValidationError, match="password"):
        services.accounts.create(supervisor, "li", "李明", password, Role.CLERK)
    assert _rows(services) == before


@pytest.mark.parametrize("name", ["", "   ", "李😀", "x" * 41])
def test_bad_display_names_are_refused_and_nothing_is_written(services, supervisor, name) -> None:
    before = _rows(services)
    with pytest.raises(ValidationError):
        services.accounts.create(supervisor, "li", name, "good-password", Role.CLERK)
    assert _rows(services) == before


def test_passwords_at_the_limits_are_accepted(services, supervisor) -> None:
    services.accounts.create(supervisor, "li", "李明", "x" * 8, Role.CLERK)
    services.accounts.create(supervisor, "zhao", "赵强", "密码" * 64, Role.CLERK)
    assert services.accounts.authenticate("zhao", "密码" * 64).username == "zhao"
