"""Shared fixtures: a fresh file database per test, a fixed clock, a set-up desk."""

from __future__ import annotations

import os
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from desk_app.domain.clock import FixedClock  # noqa: E402
from desk_app.domain.roles import Actor, Role  # noqa: E402
from desk_app.domain.shifts import PRESETS  # noqa: E402
from desk_app.services.container import Services  # noqa: E402

TZ = ZoneInfo("Asia/Shanghai")
SUPERVISOR_PASSWORD = "super-secret-1"
CLERK_PASSWORD = "clerk-secret-1"


@pytest.fixture
def clock() -> FixedClock:
    # A Tuesday morning, inside the 早班 08:00-16:00 of the three-shift preset.
    return FixedClock(datetime(2026, 11, 24, 10, 0, tzinfo=TZ))


@pytest.fixture
def db_url(tmp_path) -> str:
    return f"sqlite:///{(tmp_path / 'desk.sqlite').as_posix()}"


@pytest.fixture
def services(db_url, clock):
    svc = Services.open(db_url, clock=clock)
    yield svc
    svc.close()


@pytest.fixture
def supervisor(services) -> Actor:
    return services.desk.set_up(
        services.accounts,
        desk_name="XX花园客户服务中心前台",
        timezone="Asia/Shanghai",
        shifts=PRESETS["three_shifts_24h"],
        supervisor_username="zhang",
        supervisor_name="张敏",
        supervisor_password=SUPERVISOR_PASSWORD,
    )


@pytest.fixture
def clerk(services, supervisor) -> Actor:
    services.accounts.create(supervisor, "wang", "王丽", CLERK_PASSWORD, Role.CLERK)
    return services.accounts.authenticate("wang", CLERK_PASSWORD)


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "real_argon2: hash passwords at the production Argon2 cost")


@pytest.fixture(autouse=True)
def _fast_password_hashing(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Argon2id at the cheapest cost, so that each set-up desk does not spend ~0.2 s a hash.

    Still real Argon2id hashes, verified by the real code; tests about the production cost
    are marked ``@pytest.mark.real_argon2``.
    """
    if request.node.get_closest_marker("real_argon2"):
        return
    from functools import partial

    from argon2 import PasswordHasher, Type

    import desk_app.services.accounts as accounts

    monkeypatch.setattr(
        accounts, "PasswordHasher", partial(PasswordHasher, time_cost=1, memory_cost=8, parallelism=1, type=Type.ID)
    )


@pytest.fixture(autouse=True)
def memory_keyring():
    from desk_app import secrets

    with secrets.memory_keyring() as backend:
        yield backend
