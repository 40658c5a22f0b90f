"""A process killed (SIGKILL) in the middle of a burst of writes loses nothing it had
acknowledged, and leaves a database that passes its checks."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from desk_app.domain.roles import Role
from desk_app.services.container import Services
from tests.conftest import CLERK_PASSWORD

ROOT = Path(__file__).resolve().parents[2]
WRITER = textwrap.dedent(
    """
    import sys
    from desk_app.domain.categories import LogCategory
    from desk_app.services.container import Services
    services = Services.open(sys.argv[1])
    clerk = services.accounts.authenticate("wang", sys.argv[2])
    n = 0
    while True:
        entry = services.log.add(clerk, LogCategory.PATROL, f"巡查第 {n} 次，一切正常", "无")
        print(entry.id, flush=True)  # acknowledged: the window would have shown it as saved
        n += 1
    """
)


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is POSIX")
@pytest.mark.parametrize("acknowledged", [1, 40])
def test_sigkill_in_a_burst_of_writes_loses_nothing_acknowledged(db_url, services, supervisor, acknowledged):
    services.accounts.create(supervisor, "wang", "王丽", CLERK_PASSWORD, Role.CLERK)
    services.close()
    path = Path(db_url.removeprefix("sqlite:///"))
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, db_url, CLERK_PASSWORD],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    ids = []
    try:
        assert writer.stdout is not None
        while len(ids) < acknowledged:
            line = writer.stdout.readline()
            assert line, "the writer stopped by itself"
            ids.append(int(line))
    finally:
        writer.send_signal(signal.SIGKILL)  # mid-burst: it is writing the next entry now
        writer.wait(timeout=30)
    assert writer.returncode == -signal.SIGKILL
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        stored = {row[0] for row in conn.execute("SELECT id FROM log_entry")}
    finally:
        conn.close()
    assert set(ids) <= stored
    reopened = Services.open(db_url)
    try:
        result = reopened.log.verify()
        assert result.ok, result.describe()
    finally:
        reopened.close()
