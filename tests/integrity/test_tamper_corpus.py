"""The tamper corpus: what an insider with DB Browser for SQLite would try, on every kind
of record the program keeps. Each raw change (the triggers dropped first) is either
refused by the database or caught by ``verify``, which names the record's kind."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from desk_app import secrets
from desk_app.domain.categories import LogCategory
from desk_app.domain.clock import FixedClock
from desk_app.domain.handover import Disposition
from desk_app.domain.roles import Role
from desk_app.domain.shifts import PRESETS
from desk_app.services import integrity
from desk_app.services.container import Services
from desk_app.services.demo_tickets import generate_tickets
from desk_app.storage import journal
from tests.conftest import CLERK_PASSWORD, SUPERVISOR_PASSWORD, TZ

INCOMING_PASSWORD = "incoming-secret-1"

# The records the issue names; each must be in the corpus desk, so each is tampered with.
REQUIRED = {
    "account", "audit_event", "day_review", "desk_settings", "follow_up_closure", "handover",
    "handover_check", "handover_item", "handover_item_change", "log_entry", "price_item", "resident",
    "roster_cell", "roster_change", "roster_month", "roster_version", "staff_rule", "ticket",
    "ticket_clock", "ticket_event", "ticket_rule",
}  # fmt: skip


def _build(path: Path) -> None:
    clock = FixedClock(datetime(2026, 11, 24, 10, 0, tzinfo=TZ))
    services = Services.open(f"sqlite:///{path.as_posix()}", clock=clock)
    try:
        boss = services.desk.set_up(
            services.accounts,
            desk_name="XX花园客户服务中心前台",
            timezone="Asia/Shanghai",
            shifts=PRESETS["three_shifts_24h"],
            supervisor_username="zhang",
            supervisor_name="张敏",
            supervisor_password=SUPERVISOR_PASSWORD,
        )
        services.accounts.create(boss, "wang", "王丽", CLERK_PASSWORD, Role.CLERK)
        services.accounts.create(boss, "li", "李强", INCOMING_PASSWORD, Role.CLERK)
        clerk = services.accounts.authenticate("wang", CLERK_PASSWORD)
        services.handover.add_item(boss, "钥匙", "把", 12)
        services.handover.add_item(boss, "对讲机", "台", 3)
        for n in range(4):
            services.log.add(clerk, LogCategory.PATROL, f"巡查第{n + 1}次，3栋漏水已报修", "已通知工程部")
        follow = services.log.add(clerk, LogCategory.REPAIR, "5栋电梯异响", "待工程部回复", follow_up=True)
        services.handover.close_follow_up(clerk, follow.id, "工程部已处理")
        again = services.log.add(clerk, LogCategory.REPAIR, "地下车库灯不亮", "待工程部", follow_up=True)
        services.handover.close_follow_up(clerk, again.id, "已更换灯管")
        clock.set(datetime(2026, 11, 24, 15, 40, tzinfo=TZ))
        view = services.handover.start(clerk)
        draft = view.draft
        draft.records_acknowledged = True
        for count in draft.counts:
            count.counted = count.expected
        for work in draft.open_work:
            if work.disposition is Disposition.PENDING:
                work.disposition, work.note = Disposition.HANDED_OVER, "交下一班跟进"
        services.handover.save_draft(clerk, view.id, draft)
        services.handover.sign(view.id, CLERK_PASSWORD, "li", INCOMING_PASSWORD)
        boss = services.accounts.authenticate("zhang", SUPERVISOR_PASSWORD)
        services.handover.check(boss, view.id, "抽查无误", password=SUPERVISOR_PASSWORD)
        clock.set(datetime(2026, 11, 25, 9, 0, tzinfo=TZ))
        boss = services.accounts.authenticate("zhang", SUPERVISOR_PASSWORD)
        services.log.sign_day(boss, date(2026, 11, 24), "已阅", password=SUPERVISOR_PASSWORD)
        staff = {a.username: a.id for a in services.accounts.staff()}
        early = services.roster.templates()[0].id
        for day in range(1, 4):
            services.roster.set_cell(boss, date(2026, 12, day), staff["wang"], early)
        gaps = services.roster.coverage_gaps(2026, 12)
        services.roster.publish(boss, 2026, 12, "十二月排班", password=SUPERVISOR_PASSWORD, accept_gaps=gaps)
        services.roster.set_cell(boss, date(2027, 1, 4), staff["li"], early)
        for username in ("wang", "li"):
            services.roster.set_rules(boss, staff[username], services.roster.default_rules())
        services.roster.set_cell(boss, date(2026, 12, 2), staff["li"], early, reason="王丽请假")
        generate_tickets(services, 2, per_day=3, seed=3)
    finally:
        services.close()


@pytest.fixture(scope="module")
def corpus_template(tmp_path_factory) -> tuple[Path, dict[tuple[str, str], str]]:
    """The corpus desk, built once, and the journal key it was sealed with."""
    path = tmp_path_factory.mktemp("corpus") / "template.sqlite"
    with secrets.memory_keyring() as keys:
        _build(path)
    return path, keys.passwords


@pytest.fixture
def desk(corpus_template, tmp_path, memory_keyring) -> Path:
    """A fresh copy of the corpus desk for one test (its -wal was checkpointed at close),
    on a computer whose credential store holds the desk's key."""
    template, keys = corpus_template
    path = tmp_path / "desk.sqlite"
    shutil.copyfile(template, path)
    memory_keyring.passwords.update(keys)
    return path


def _verify(path: Path, witnesses: list[Path] | None = None) -> integrity.IntegrityReport:
    from desk_app.storage.database import open_database

    db = open_database(f"sqlite:///{path.as_posix()}")
    try:
        return integrity.verify(db, witnesses)
    finally:
        db.dispose()


def _raw(path: Path) -> sqlite3.Connection:
    """DB Browser for SQLite: no functions of ours, foreign keys off."""
    return sqlite3.connect(path, isolation_level=None)


def _drop_triggers(conn: sqlite3.Connection, table: str) -> None:
    for (name,) in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?", (table,)
    ).fetchall():
        conn.execute(f'DROP TRIGGER "{name}"')


def _tables_with_rows(path: Path) -> dict[str, int]:
    with _raw(path) as conn:
        tables = journal.covered_tables(conn)
        return {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}


def test_the_corpus_desk_holds_every_kind_of_record_and_verifies(desk) -> None:
    counts = _tables_with_rows(desk)
    assert {t for t, n in counts.items() if n == 0}.isdisjoint(REQUIRED), counts
    report = _verify(desk)
    assert report.ok, report.describe()
    assert report.unverifiable_events == report.unkeyed_events == 0


def _one_value_changed(conn: sqlite3.Connection, table: str) -> bool:
    """Change one stored value of the first row; False if the database refused every try."""
    shape = journal.shape(conn, table)
    key_cols = shape.key
    first = conn.execute(
        f'SELECT {", ".join(key_cols)} FROM "{table}" ORDER BY {", ".join(key_cols)} LIMIT 1'
    ).fetchone()
    where = " AND ".join(f'"{c}" = ?' for c in key_cols)
    for column in shape.columns:
        if column in key_cols:
            continue
        (value,) = conn.execute(f'SELECT "{column}" FROM "{table}" WHERE {where}', first).fetchone()
        if isinstance(value, int):
            new: object = value + 1
        elif isinstance(value, str):
            new = value + "x" if not value[-1:].isdigit() else value[:-1] + str((int(value[-1]) + 1) % 10)
        elif value is None:
            new = 1
        else:
            new = value + 1
        try:
            conn.execute(f'UPDATE "{table}" SET "{column}" = ? WHERE {where}', (new, *first))
            return True
        except sqlite3.DatabaseError:
            continue
    return False


def _assert_caught(path: Path, table: str, *whats: str) -> None:
    report = _verify(path)
    assert not report.ok
    hits = [f for f in report.findings if f.table == table and f.what in whats]
    assert hits, report.describe()
    kind = integrity.KINDS[table]
    assert kind in hits[0].message


@pytest.mark.parametrize("table", sorted(REQUIRED))
def test_a_changed_field_is_caught(desk, table) -> None:
    with _raw(desk) as conn:
        _drop_triggers(conn, table)
        changed = _one_value_changed(conn, table)
    if changed:
        _assert_caught(desk, table, "changed")


@pytest.mark.parametrize("table", sorted(REQUIRED))
def test_a_deleted_row_is_caught(desk, table) -> None:
    with _raw(desk) as conn:
        _drop_triggers(conn, table)
        key = journal.shape(conn, table).key
        conn.execute(f'DELETE FROM "{table}" WHERE rowid = (SELECT max(rowid) FROM "{table}")')
    assert key
    _assert_caught(desk, table, "removed")


@pytest.mark.parametrize("table", sorted(REQUIRED))
def test_an_inserted_row_is_caught_or_refused(desk, table) -> None:
    with _raw(desk) as conn:
        _drop_triggers(conn, table)
        shape = journal.shape(conn, table)
        columns = ", ".join(f'"{c}"' for c in shape.columns)
        values = ", ".join(
            f'(SELECT max("{c}") + 1000 FROM "{table}")' if c in shape.key else f'"{c}"' for c in shape.columns
        )
        try:
            conn.execute(f'INSERT INTO "{table}" ({columns}) SELECT {values} FROM "{table}" LIMIT 1')
        except sqlite3.DatabaseError:
            return  # refused by the database (a unique or check constraint): nothing to catch
    _assert_caught(desk, table, "inserted")


# Kinds the corpus desk holds once (one desk's settings, one handover and its check, one
# day signature, one roster version and change): a swap needs two rows.
SINGLE = {"desk_settings", "handover", "handover_check", "day_review", "roster_version", "roster_change"}


@pytest.mark.parametrize("table", sorted(REQUIRED - SINGLE))
def test_two_rows_swapped_are_caught(desk, table) -> None:
    """Reordering: two rows exchange their contents (keys stay where they were)."""
    with _raw(desk) as conn:
        _drop_triggers(conn, table)
        shape = journal.shape(conn, table)
        rows = conn.execute(f'SELECT * FROM "{table}" ORDER BY rowid LIMIT 2').fetchall()
        assert len(rows) == 2
        names = list(shape.columns)
        data = [c for c in names if c not in shape.key]
        where = " AND ".join(f'"{c}" = ?' for c in shape.key)
        keyof = [tuple(r[names.index(c)] for c in shape.key) for r in rows]
        swapped = False
        for (a, b), row in zip(((0, 1), (1, 0)), rows, strict=True):
            values = [rows[b][names.index(c)] for c in data]
            swapped = swapped or values != [row[names.index(c)] for c in data]
            try:
                conn.execute(
                    f'UPDATE "{table}" SET {", ".join(f"{chr(34)}{c}{chr(34)} = ?" for c in data)} WHERE {where}',
                    (*values, *keyof[a]),
                )
            except sqlite3.DatabaseError:
                return  # refused (a unique constraint)
    if swapped:
        _assert_caught(desk, table, "changed")


def test_every_required_kind_has_two_rows_for_the_swap(desk) -> None:
    counts = _tables_with_rows(desk)
    single = {t for t in REQUIRED if counts[t] < 2}
    assert single <= SINGLE, single


# -- the journal itself ---------------------------------------------------------------------
def _journal_tamper(path: Path, sql: str) -> None:
    with _raw(path) as conn:
        conn.execute("DROP TRIGGER journal_no_update")
        conn.execute("DROP TRIGGER journal_no_delete")
        conn.execute(sql)


@pytest.mark.parametrize(
    "sql",
    [
        pytest.param(
            "UPDATE journal SET payload = replace(payload, '漏水', '正常') WHERE tbl = 'log_entry'", id="changed"
        ),
        pytest.param("DELETE FROM journal WHERE seq = 40", id="deleted"),
        pytest.param(
            "INSERT INTO journal SELECT seq + 100000, key_id, tbl, row_key, op, payload, writer, at, prev, mac "
            "FROM journal WHERE seq = 5",
            id="inserted",
        ),
        pytest.param("UPDATE journal SET seq = -seq WHERE seq IN (30, 31)", id="reordered"),
        pytest.param("UPDATE journal SET writer = 1 WHERE tbl = 'log_entry'", id="who-changed"),
    ],
)
def test_a_journal_tamper_breaks_the_chain(desk, sql) -> None:
    _journal_tamper(desk, sql)
    report = _verify(desk)
    assert not report.ok
    assert report.findings[0].what == "chain", report.describe()
    assert "journal event #" in report.findings[0].message


def test_the_database_refuses_raw_writes_while_the_triggers_are_in_place(desk) -> None:
    with _raw(desk) as conn:
        for sql in (
            "UPDATE account SET role = 'supervisor' WHERE username = 'wang'",
            "INSERT INTO day_review SELECT * FROM day_review",
            "DELETE FROM audit_event",
            "UPDATE journal SET payload = '{}'",
        ):
            with pytest.raises(sqlite3.DatabaseError, match="no such function|append-only|refused|cannot"):
                conn.execute(sql)
    assert _verify(desk).ok


def test_the_search_index_edited_is_caught(desk) -> None:
    with _raw(desk) as conn:
        conn.create_function("dd_index", 2, journal._index_text)
        body = journal._index_text("巡查第1次，3栋漏水已报修", "已通知工程部")
        conn.execute("INSERT INTO log_fts(log_fts, rowid, body) VALUES ('delete', 1, ?)", (body,))
        conn.execute("INSERT INTO log_fts(rowid, body) VALUES (1, ?)", (journal._index_text("巡查第1次", ""),))
    report = _verify(desk)
    assert [f.what for f in report.findings] == ["index"], report.describe()


# -- anchors outside the database -------------------------------------------------------------
@pytest.fixture
def folder(tmp_path) -> Path:
    return tmp_path / "backups"


def _witness(path: Path, folder: Path, when: datetime) -> Path:
    made = integrity.write_witness(path, folder, FixedClock(when))
    assert made is not None
    return made


def _add_entries(path: Path, n: int, when: datetime) -> None:
    services = Services.open(f"sqlite:///{path.as_posix()}", clock=FixedClock(when))
    try:
        clerk = services.accounts.authenticate("li", INCOMING_PASSWORD)
        for i in range(n):
            services.log.add(clerk, LogCategory.OTHER, f"补充记录{i}")
    finally:
        services.close()


WHEN = datetime(2026, 11, 25, 9, 30, tzinfo=TZ)


def test_a_witness_is_reached_and_then_a_truncation_is_caught(desk, folder) -> None:
    _add_entries(desk, 3, WHEN)
    _witness(desk, folder, WHEN)
    assert _verify(desk, [folder]).ok
    with _raw(desk) as conn:  # the last two entries and their events, removed consistently
        for table in ("log_entry", "log_chain_head", "journal"):
            _drop_triggers(conn, table)
        last = conn.execute("SELECT max(seq) FROM journal").fetchone()[0]
        cut = conn.execute("SELECT min(seq) FROM journal WHERE tbl = 'log_entry' AND seq > ? - 6", (last,)).fetchone()[
            0
        ]
        conn.execute("DELETE FROM journal WHERE seq >= ?", (cut,))
        conn.execute("DELETE FROM log_entry WHERE id > (SELECT max(id) - 2 FROM log_entry)")
        conn.execute("PRAGMA writable_schema = 0")
    report = _verify(desk, [folder])
    assert any(f.what == "behind" for f in report.findings), report.describe()


def test_a_wipe_is_caught_by_the_witness(desk, folder) -> None:
    _witness(desk, folder, WHEN)
    with _raw(desk) as conn:
        tables = journal.covered_tables(conn)
        for table in [*tables, "journal"]:
            _drop_triggers(conn, table)
            conn.execute(f'DELETE FROM "{table}"')
    report = _verify(desk, [folder])
    assert any(f.what == "diverged" for f in report.findings), report.describe()


def test_a_rollback_to_an_older_copy_is_caught_by_the_witness(desk, folder, tmp_path) -> None:
    old = tmp_path / "old-copy.sqlite"
    shutil.copyfile(desk, old)
    _add_entries(desk, 2, WHEN)
    _witness(desk, folder, WHEN)
    shutil.copyfile(old, desk)
    report = _verify(desk, [folder])
    assert [f.what for f in report.findings] == ["behind"], report.describe()


def test_a_full_recomputation_with_the_key_is_caught_by_the_witness(desk, folder) -> None:
    """An insider who holds the key rewrites an entry and re-seals every event after it:
    the chain is whole again, but the witness saw another event at its position."""
    _add_entries(desk, 2, WHEN)
    _witness(desk, folder, WHEN)
    ctx = journal.JournalContext()
    with _raw(desk) as conn:
        for table in ("log_entry", "journal"):
            _drop_triggers(conn, table)
        conn.create_function("dd_index", 2, journal._index_text)
        (old_situation, old_handling) = conn.execute(
            "SELECT situation, handling FROM log_entry WHERE id = 1"
        ).fetchone()
        conn.execute(  # the search index too, so that nothing but the witness can tell
            "INSERT INTO log_fts(log_fts, rowid, body) VALUES ('delete', 1, ?)",
            (journal._index_text(old_situation, old_handling),),
        )
        conn.execute("UPDATE log_entry SET situation = '巡查正常' WHERE id = 1")
        conn.execute("INSERT INTO log_fts(rowid, body) VALUES (1, ?)", (journal._index_text("巡查正常", old_handling),))
        (payload,) = conn.execute(
            f"SELECT {journal.shape(conn, 'log_entry').payload('t')} FROM log_entry t WHERE id = 1"
        ).fetchone()
        first = conn.execute("SELECT min(seq) FROM journal WHERE tbl = 'log_entry' AND row_key = '[1]'").fetchone()[0]
        conn.execute("UPDATE journal SET payload = ? WHERE seq = ?", (payload, first))
        prev = conn.execute("SELECT mac FROM journal WHERE seq = ?", (first - 1,)).fetchone()[0]
        for row in conn.execute("SELECT * FROM journal WHERE seq >= ? ORDER BY seq", (first,)).fetchall():
            event = journal.Event(*row)
            key = ctx.key(event.key_id)
            assert key is not None  # this insider holds the desk's key
            mac = journal.mac(key, event.seq, event.key_id, prev, event.tbl, event.row_key, event.op,
                              event.payload, event.writer, event.at)  # fmt: skip
            conn.execute("UPDATE journal SET prev = ?, mac = ? WHERE seq = ?", (prev, mac, event.seq))
            prev = mac
        for statement in journal.trigger_ddl(journal.shape(conn, "log_entry")):  # put back as they were
            conn.execute(statement)
    assert _verify(desk).ok  # without the witness, a perfect forgery...
    report = _verify(desk, [folder])
    assert [f.what for f in report.findings] == ["diverged"], report.describe()


def test_a_copy_of_the_file_alone_cannot_be_resealed(desk, memory_keyring) -> None:
    """Without the key (another computer, DB Browser), a rewritten event re-sealed with
    any other key — or none — is caught."""
    with _raw(desk) as conn:
        conn.execute("DROP TRIGGER journal_no_update")
        (seq, kid) = conn.execute(
            "SELECT seq, key_id FROM journal WHERE tbl = 'log_entry' ORDER BY seq LIMIT 1"
        ).fetchone()
    assert kid != journal.UNKEYED
    ctx = journal.JournalContext()
    with _raw(desk) as conn:
        row = conn.execute("SELECT * FROM journal WHERE seq = ?", (seq,)).fetchone()
        event = journal.Event(*row)
        forged = journal.mac(b"guessed", event.seq, event.key_id, event.prev, event.tbl, event.row_key, event.op,
                             event.payload, event.writer, event.at)  # fmt: skip
        conn.execute("UPDATE journal SET mac = ? WHERE seq = ?", (forged, seq))
    assert ctx.key(kid) is not None
    report = _verify(desk)
    assert report.findings and report.findings[0].what == "chain", report.describe()


def test_a_restore_is_a_deliberate_step_back_not_an_attack(desk, folder, tmp_path) -> None:
    from desk_app.services.backup import online_backup, restore

    folder.mkdir()
    backup = online_backup(desk, folder / "dutydesk-manual-1.sqlite")
    _add_entries(desk, 2, WHEN)
    _witness(desk, folder, WHEN)
    restore(backup, desk, FixedClock(WHEN + timedelta(hours=1)), force=True)
    report = _verify(desk, [folder])
    assert report.ok, report.describe()
    assert "restored from a backup" in report.describe()
