"""Passwords after the first one: changing one's own, a supervisor's reset, and the new
password a reset requires at the next sign-in. The rules of the sign-in hold throughout."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from desk_app.domain.categories import LogCategory
from desk_app.domain.errors import AuthenticationError, NotFound, PermissionDenied, ValidationError
from desk_app.domain.roles import Actor, Role
from desk_app.services.account_rules import temporary_password, validate_password
from desk_app.services.accounts import MAX_FAILED_ATTEMPTS
from desk_app.services.common import to_db
from desk_app.services.container import Services
from desk_app.storage.database import sqlite_path
from desk_app.storage.models import Account, AuditEvent
from tests.conftest import CLERK_PASSWORD, SUPERVISOR_PASSWORD

NEW_PASSWORD = "brand-new-pass-7"


def _account(services: Services, username: str) -> Account:
    with services.db.read() as session:
        account = session.scalar(select(Account).where(Account.username == username))
        assert account is not None
        return account


def _events(services: Services, action: str) -> list[tuple[int | None, str]]:
    with services.db.read() as session:
        rows = session.execute(select(AuditEvent.actor_id, AuditEvent.detail).where(AuditEvent.action == action))
        return [(actor_id, detail) for actor_id, detail in rows]


@pytest.fixture
def manager(services: Services, supervisor: Actor) -> Actor:
    services.accounts.create(supervisor, "zhou", "周建国", "manager-secret-1", Role.MANAGER)  # the first manager
    return services.accounts.authenticate("zhou", "manager-secret-1")


# -- changing one's own ------------------------------------------------------------------------
def test_changing_ones_password_needs_the_current_one_and_is_recorded(services, clock, clerk) -> None:
    old_hash = _account(services, "wang").password_hash
    clock.advance(timedelta(minutes=3))
    services.accounts.change_password(clerk, CLERK_PASSWORD, NEW_PASSWORD)
    assert services.accounts.authenticate("wang", NEW_PASSWORD).account_id == clerk.account_id
    with pytest.raises(AuthenticationError, match=r"^Wrong user name or password\.$"):
        services.accounts.authenticate("wang", CLERK_PASSWORD)
    assert _account(services, "wang").password_hash != old_hash
    assert _events(services, "account.password_changed") == [(clerk.account_id, "wang")]
    with services.db.read() as session:
        at = session.scalar(select(AuditEvent.at).where(AuditEvent.action == "account.password_changed"))
    assert at == to_db(clock.now())  # when: by the desk's clock
    # The sign-in the change was made with goes on writing.
    services.log.add(clerk, LogCategory.PATROL, "改密码后巡查")


def test_a_wrong_current_password_is_refused_and_counts_towards_the_lock_out(services, clerk) -> None:
    for failures in range(1, MAX_FAILED_ATTEMPTS):
        with pytest.raises(AuthenticationError, match=r"^The current password is wrong: nothing was changed\.$"):
            services.accounts.change_password(clerk, "not-my-password", NEW_PASSWORD)
        assert _account(services, "wang").failed_attempts == failures
    with pytest.raises(AuthenticationError):
        services.accounts.change_password(clerk, "not-my-password", NEW_PASSWORD)
    assert _account(services, "wang").locked_until is not None  # the fifth locked the account
    # Locked: not even the right current password changes it, nor signs in.
    with pytest.raises(AuthenticationError, match="locked for 15 more minutes"):
        services.accounts.change_password(clerk, CLERK_PASSWORD, NEW_PASSWORD)
    with pytest.raises(AuthenticationError, match="locked"):
        services.accounts.authenticate("wang", CLERK_PASSWORD)
    assert _events(services, "account.password_changed") == []
    assert _events(services, "account.locked") == [(clerk.account_id, "wang")]


@pytest.mark.parametrize(
    ("new", "message"),
    [
        ("short7", "at least 8 characters"),
        ("x" * 129, "at most 128 characters"),
        (" leading-space", "may not start or end with a space"),
        ("tab\tinside-it", "control characters"),
        (CLERK_PASSWORD, "must be different from the current one"),
    ],
)
def test_a_new_password_follows_the_rules_of_every_password(services, clerk, new, message) -> None:
    before = _account(services, "wang").password_hash
    with pytest.raises(ValidationError, match=message):
        services.accounts.change_password(clerk, CLERK_PASSWORD, new)
    assert _account(services, "wang").password_hash == before
    assert services.accounts.authenticate("wang", CLERK_PASSWORD).username == "wang"
    assert _events(services, "account.password_changed") == []


def test_only_a_signed_in_person_changes_a_password(services, clerk) -> None:
    stranger = Actor(clerk.account_id, "wang", "王丽", Role.CLERK)  # built in code: no proof
    with pytest.raises(PermissionDenied, match="not done by a signed-in person"):
        services.accounts.change_password(stranger, CLERK_PASSWORD, NEW_PASSWORD)
    services.accounts.sign_out(clerk)
    with pytest.raises(PermissionDenied):
        services.accounts.change_password(clerk, CLERK_PASSWORD, NEW_PASSWORD)
    assert services.accounts.authenticate("wang", CLERK_PASSWORD).username == "wang"


# -- a supervisor's reset ----------------------------------------------------------------------
def test_a_supervisor_reset_sets_a_temporary_password_that_must_be_changed(services, clock, supervisor, clerk):
    for _ in range(MAX_FAILED_ATTEMPTS):  # the clerk forgot it and locked the account
        with pytest.raises(AuthenticationError):
            services.accounts.authenticate("wang", "forgotten-it")
    reset = services.accounts.reset_password(supervisor, SUPERVISOR_PASSWORD, clerk.account_id)
    assert reset.account.username == "wang" and reset.account.must_change_password
    assert reset.account.locked_until is None  # unlocked by the reset
    validate_password(reset.temporary_password)
    stored = _account(services, "wang")
    assert stored.must_change_password and stored.failed_attempts == 0
    assert _events(services, "account.password_reset") == [(supervisor.account_id, "wang")]
    with pytest.raises(AuthenticationError):
        services.accounts.authenticate("wang", CLERK_PASSWORD)  # the old password is gone
    # The clerk's sign-in from before the reset ends with it.
    with pytest.raises(PermissionDenied):
        services.log.add(clerk, LogCategory.PATROL, "旧的登录")
    assert [a.must_change_password for a in services.accounts.list_accounts(supervisor) if a.username == "wang"] == [
        True
    ]


def test_a_must_change_sign_in_saves_nothing_until_a_new_password_is_chosen(services, supervisor, clerk) -> None:
    temporary = services.accounts.reset_password(supervisor, SUPERVISOR_PASSWORD, clerk.account_id).temporary_password
    signed = services.accounts.sign_in("wang", temporary)
    assert signed.must_change_password and services.accounts.must_change_password(signed.actor)
    with pytest.raises(AuthenticationError, match="was reset by a supervisor and must be changed first"):
        services.log.add(signed.actor, LogCategory.PATROL, "未改密码")
    with pytest.raises(AuthenticationError, match="must be changed first"):
        services.accounts.confirm_password(signed.actor, temporary)  # no approvals either
    # The temporary password is not kept as the new one.
    with pytest.raises(ValidationError, match="must be different"):
        services.accounts.change_password(signed.actor, temporary, temporary)
    services.accounts.change_password(signed.actor, temporary, NEW_PASSWORD)
    assert not services.accounts.must_change_password(signed.actor)
    services.log.add(signed.actor, LogCategory.PATROL, "改好密码")  # usable now
    assert not _account(services, "wang").must_change_password
    assert _events(services, "account.password_changed") == [(clerk.account_id, "wang (after a reset)")]
    again = services.accounts.sign_in("wang", NEW_PASSWORD)
    assert not again.must_change_password
    with pytest.raises(AuthenticationError):
        services.accounts.sign_in("wang", temporary)


def test_every_sign_in_with_a_reset_password_is_held_until_it_is_changed(services, supervisor, clerk) -> None:
    temporary = services.accounts.reset_password(supervisor, SUPERVISOR_PASSWORD, clerk.account_id).temporary_password
    first = services.accounts.sign_in("wang", temporary)
    services.accounts.sign_out(first.actor)  # walked away without choosing one
    second = services.accounts.authenticate("wang", temporary)  # e.g. the handover's password check
    assert services.accounts.must_change_password(second)
    with pytest.raises(AuthenticationError, match="must be changed first"):
        services.log.add(second, LogCategory.PATROL, "交接班时")


def test_a_clerk_cannot_reset_a_password(services, supervisor, clerk) -> None:
    with pytest.raises(PermissionDenied, match="This needs the role supervisor"):
        services.accounts.reset_password(clerk, CLERK_PASSWORD, supervisor.account_id)
    assert not _account(services, "zhang").must_change_password
    assert services.accounts.authenticate("zhang", SUPERVISOR_PASSWORD).username == "zhang"
    assert _events(services, "account.password_reset") == []


def test_a_supervisor_cannot_reset_a_higher_role(services, supervisor, manager) -> None:
    before = _account(services, "zhou").password_hash
    with pytest.raises(PermissionDenied, match="higher role than yours"):
        services.accounts.reset_password(supervisor, SUPERVISOR_PASSWORD, manager.account_id)
    assert _account(services, "zhou").password_hash == before
    assert not _account(services, "zhou").must_change_password
    # A manager may reset a supervisor.
    reset = services.accounts.reset_password(manager, "manager-secret-1", supervisor.account_id)
    assert reset.account.username == "zhang" and _account(services, "zhang").must_change_password


def test_a_reset_needs_the_supervisors_own_password_now(services, supervisor, clerk) -> None:
    for failures in range(1, 3):
        with pytest.raises(AuthenticationError, match=r"^Wrong password: nothing was approved\.$"):
            services.accounts.reset_password(supervisor, "not-the-password", clerk.account_id)
        assert _account(services, "zhang").failed_attempts == failures  # counted like a sign-in
    assert not _account(services, "wang").must_change_password
    assert services.accounts.authenticate("wang", CLERK_PASSWORD).username == "wang"
    with pytest.raises(ValidationError, match="cannot reset your own password"):
        services.accounts.reset_password(supervisor, SUPERVISOR_PASSWORD, supervisor.account_id)
    with pytest.raises(NotFound):
        services.accounts.reset_password(supervisor, SUPERVISOR_PASSWORD, 999)
    assert _events(services, "account.password_reset") == []


def test_temporary_passwords_are_random_and_readable() -> None:
    seen = {temporary_password() for _ in range(50)}
    assert len(seen) == 50
    for password in seen:
        assert len(password) == 11 and password[5] == "-"
        assert not set(password) & set("0O1lI ")


# -- what is stored ----------------------------------------------------------------------------
def test_only_argon2_hashes_are_stored_and_no_table_holds_a_plain_password(db_url, services, supervisor, clerk):
    services.accounts.change_password(clerk, CLERK_PASSWORD, NEW_PASSWORD)
    temporary = services.accounts.reset_password(supervisor, SUPERVISOR_PASSWORD, clerk.account_id).temporary_password
    signed = services.accounts.sign_in("wang", temporary)
    final = "final-password-3"
    services.accounts.change_password(signed.actor, temporary, final)
    path = sqlite_path(db_url)
    assert path is not None
    plain = [CLERK_PASSWORD, SUPERVISOR_PASSWORD, NEW_PASSWORD, temporary, final]
    conn = sqlite3.connect(path)
    try:
        hashes = [h for (h,) in conn.execute("SELECT password_hash FROM account")]
        assert len(hashes) == 2 and all(h.startswith("$argon2id$") for h in hashes)
        tables = [
            t
            for (t,) in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'"
            )
        ]
        cells = 0
        for table in tables:
            for row in conn.execute(f'SELECT * FROM "{table}"'):
                for value in row:
                    text = value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)
                    cells += 1
                    assert not any(p in text for p in plain), (table, text[:80])
        assert cells > 100  # the journal's events were read too
        payloads = [p for (p,) in conn.execute("SELECT payload FROM journal WHERE tbl = 'account'")]
        assert any('"must_change_password":1' in (p or "") for p in payloads)  # the reset is journaled
    finally:
        conn.close()
    services.db.engine.dispose()  # the WAL goes into the file: its bytes hold no password either
    for file in path.parent.glob(path.name + "*"):
        data = file.read_bytes()
        assert not any(p.encode() in data for p in plain), file.name


def test_a_reset_incoming_clerk_cannot_take_over_the_desk_with_the_temporary_password(
    services, clock, supervisor, clerk
) -> None:
    """The handover's password check is a sign-in too: the incoming clerk signs in once and
    chooses a new password first (the window tells them so); nothing is recorded before."""
    info = services.accounts.create(supervisor, "li", "李强", "incoming-secret-2", Role.CLERK)
    temporary = services.accounts.reset_password(supervisor, SUPERVISOR_PASSWORD, info.id).temporary_password
    clock.set(datetime(2026, 11, 24, 15, 30, tzinfo=clock.now().tzinfo))
    view = services.handover.start(clerk)
    with pytest.raises(AuthenticationError, match="The password of li was reset by a supervisor"):
        services.handover.identify_incoming(view.id, "li", temporary)
    assert services.handover.start(clerk).incoming_id is None
    signed = services.accounts.sign_in("li", temporary)
    services.accounts.change_password(signed.actor, temporary, NEW_PASSWORD)
    services.accounts.sign_out(signed.actor)
    assert services.handover.identify_incoming(view.id, "li", NEW_PASSWORD).incoming_id == info.id


def test_a_handover_cannot_be_signed_to_a_reset_account_with_the_temporary_password(
    services, clock, supervisor, clerk
) -> None:
    """The sign page has its own user name and password fields: the incoming signature is
    refused there too, not only when the incoming clerk is identified."""
    from tests.services.test_handover import _complete

    info = services.accounts.create(supervisor, "li", "李强", "incoming-secret-2", Role.CLERK)
    temporary = services.accounts.reset_password(supervisor, SUPERVISOR_PASSWORD, info.id).temporary_password
    services.handover.record_keeps_no_items(supervisor)
    clock.set(datetime(2026, 11, 24, 15, 40, tzinfo=clock.now().tzinfo))
    view = services.handover.start(clerk)
    services.handover.save_draft(clerk, view.id, _complete(view.draft))
    with pytest.raises(AuthenticationError, match="The password of li was reset by a supervisor"):
        services.handover.sign(view.id, CLERK_PASSWORD, "li", temporary)
    assert not services.handover.get(view.id).signed  # nothing signed, the desk still the outgoing clerk's


def test_the_idle_lock_does_not_bring_back_a_sign_in_with_the_temporary_password(services, supervisor, clerk) -> None:
    """A reset ends the account's sign-ins; typing the temporary password at the locked
    window brings the sign-in back, but it still saves nothing until the password is changed."""
    temporary = services.accounts.reset_password(supervisor, SUPERVISOR_PASSWORD, clerk.account_id).temporary_password
    services.accounts.renew(clerk, temporary)
    with pytest.raises(AuthenticationError, match="was reset by a supervisor"):
        services.log.add(clerk, LogCategory.PATROL, "锁屏后继续写")
    services.accounts.change_password(clerk, temporary, NEW_PASSWORD)
    assert services.log.add(clerk, LogCategory.PATROL, "改密码后继续写").id
