"""A printed page checked against the database: the seal (services/page_seal/) printed on
every form, read back from the PDF, checked before and after raw-SQL tampering and after
changes made through the program; the command ``desk-app verify-page``."""

from __future__ import annotations

import re
import shutil
import sqlite3
import subprocess
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader

from desk_app.domain.categories import LogCategory
from desk_app.domain.errors import ValidationError
from desk_app.domain.handover import Disposition
from desk_app.domain.roles import Role
from desk_app.domain.tickets import Source, TicketDetails, TicketKind
from desk_app.printing.handover_form import render_handover_pdf
from desk_app.printing.logbook import render_log_pdf
from desk_app.printing.ticket_forms import render_release_slip_pdf
from desk_app.services import page_seal
from desk_app.services.log import LogFilter
from desk_app.services.tickets import ResidentInput, TicketInput
from tests.conftest import CLERK_PASSWORD, TZ

DAY = date(2026, 11, 24)
INCOMING_PASSWORD = "incoming-secret-1"
PRINTED = re.compile(r"核对码 ([A-Z]:[0-9,\-]+ [0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4})")


def printed_fingerprints(path: Path) -> list[str]:
    """The fingerprint at the foot of each page, as a person reads it off the paper."""
    found = []
    for page in PdfReader(str(path)).pages:
        match = PRINTED.search(page.extract_text())
        assert match, "every page carries its fingerprint"
        found.append(match.group(1))
    return found


def check(services, text: str) -> page_seal.PageCheck:
    return page_seal.check_page(services.db, text, services.desk.info().tz)


def raw(services) -> sqlite3.Connection:
    """DB Browser for SQLite on the desk's file: none of the program's functions."""
    path = services.db.url.removeprefix("sqlite:///")
    return sqlite3.connect(path, isolation_level=None)


def drop_triggers(conn: sqlite3.Connection, table: str) -> None:
    for (name,) in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?", (table,)
    ).fetchall():
        conn.execute(f'DROP TRIGGER "{name}"')


@pytest.fixture
def log_pages(services, clock, clerk, tmp_path):
    for n in range(30):
        services.log.add(clerk, LogCategory.PATROL, f"巡查第{n + 1}次，3栋漏水已报修，地下车库照明正常", "已通知工程部")
        clock.advance(timedelta(minutes=5))
    out = tmp_path / "log.pdf"
    assert render_log_pdf(services, LogFilter(date_from=DAY, date_to=DAY), out) == 2
    return out


# -- the fingerprint's text --------------------------------------------------------------------
def test_ids_are_written_as_ranges_and_read_back():
    assert page_seal.compress_ids([120, *range(101, 119)]) == "101-118,120"
    assert page_seal.expand_ids("101-118,120") == [*range(101, 119), 120]
    assert page_seal.compress_ids([7]) == "7"
    with pytest.raises(ValueError):
        page_seal.expand_ids("9-3")


def test_a_seal_reads_back_as_the_same_records_and_digest(services, log_pages):
    seal = page_seal.seal(services.db, page_seal.log_rule([*range(1, 19), 20]), TZ)
    assert seal.text.startswith("L:1-18,20 ") and seal.count == 19
    assert re.fullmatch(r"L:1-18,20 [0-9A-F]{4}(-[0-9A-F]{4}){3}", seal.text)
    typed = page_seal.parse(seal.text)
    assert typed.rule == seal.rule and typed.digest == seal.digest[:16]
    scanned = page_seal.parse(seal.qr_text)
    assert seal.qr_text == f"DUTYDESK1 L:1-18,20 {seal.digest}"
    assert scanned.rule == seal.rule and scanned.digest == seal.digest
    # As a person types it: lower case, without the dashes, with a Chinese input method's
    # punctuation, with the label printed before it.
    short = seal.short
    for variant in (
        f"l:1-18,20 {short.lower()}",
        f"L:1-18,20 {short.replace('-', '')}",
        f"L：1-18，20  {short}",
        f"核对码 L:1-18,20 {short}",
        f"L:1-18,20 {' '.join(short.split('-'))}",
    ):
        assert page_seal.parse(variant) == typed, variant
    # The records are recomputed by the same rule (H/T/M/R name a record, not a list).
    assert page_seal.parse("H:42 0000-0000-0000-0000").rule == page_seal.handover_rule(42)
    assert page_seal.parse("M:2026-11 0000-0000-0000-0000").rule == page_seal.monthly_rule(2026, 11)


@pytest.mark.parametrize(
    "text",
    ["", "hello", "L: 9F3A-C21B-77D0-E4B1", "L:1-5 9F3A", "X:12 9F3A-C21B-77D0-E4B1", "M:2026-13 9F3A-C21B-77D0-E4B1",
     "L:5-1 9F3A-C21B-77D0-E4B1", "H:0 9F3A-C21B-77D0-E4B1", "L:1-99999999 9F3A-C21B-77D0-E4B1"],
)  # fmt: skip
def test_what_is_not_a_fingerprint_is_refused(text):
    with pytest.raises(ValidationError):
        page_seal.parse(text)


# -- the shift log -------------------------------------------------------------------------------
def test_a_printed_log_page_verifies_and_a_raw_change_to_one_entry_is_named(services, log_pages):
    first, second = printed_fingerprints(log_pages)
    assert first.startswith("L:1-") and second.endswith(second.split()[1])
    result = check(services, first)
    assert result.verdict == "matches" and result.ok
    assert "still holds exactly the" in result.english()
    entry_id = page_seal.expand_ids(first.split()[0][2:])[3]

    with raw(services) as conn:  # the triggers first, as an insider would
        conn.execute("DROP TRIGGER journal_log_entry_update")
        conn.execute("DROP TRIGGER log_entry_no_update")
        drop_triggers(conn, "log_entry")  # and the search index's
        conn.execute("UPDATE log_entry SET situation = '巡查正常' WHERE id = ?", (entry_id,))
    conn.close()

    result = check(services, first)
    assert result.verdict == "tampered" and not result.ok
    assert f"log entry #{entry_id} was changed behind the program's back" in result.english()
    # The page itself is genuine: it matches the entries as the program wrote them.
    assert "as the program held them at 2026-11-24" in result.english()
    assert check(services, second).verdict == "matches"  # the other page is untouched


def test_a_removed_entry_is_named(services, log_pages):
    first, _second = printed_fingerprints(log_pages)
    with raw(services) as conn:
        drop_triggers(conn, "log_entry")
        conn.execute("PRAGMA foreign_keys = OFF")
        conn.execute("DELETE FROM log_entry WHERE id = 2")
    conn.close()
    result = check(services, first)
    assert result.verdict == "tampered"
    assert "log entry #2 was removed behind the program's back" in result.english()


def test_a_made_up_fingerprint_is_refused(services, log_pages):
    seal = page_seal.seal(services.db, page_seal.log_rule(range(1, 6)), TZ)
    forged = "L:1-5 " + ("0000-0000-0000-0000" if not seal.short.startswith("0000") else "1111-1111-1111-1111")
    result = check(services, forged)
    assert result.verdict == "never" and not result.ok
    assert "never held these records" in result.english()
    missing = check(services, "L:900-901 9F3A-C21B-77D0-E4B1")
    assert missing.verdict == "missing" and "no such records" in missing.english()
    one_missing = check(services, "L:30-31 9F3A-C21B-77D0-E4B1")
    assert one_missing.verdict == "missing" and "log entry #31" in one_missing.english()


# -- the handover ------------------------------------------------------------------------------
@pytest.fixture
def signed_handover(services, clock, supervisor, clerk):
    services.accounts.create(supervisor, "li", "李强", INCOMING_PASSWORD, Role.CLERK)
    services.handover.add_item(supervisor, "钥匙", "把", 12)
    leak = services.log.add(clerk, LogCategory.REPAIR, "3栋2单元漏水", follow_up=True)
    clock.set(datetime(2026, 11, 24, 15, 30, tzinfo=TZ))
    view = services.handover.start(clerk)
    draft = services.handover.get(view.id).draft
    draft.records_acknowledged = True
    draft.counts[0].counted = 12
    for work in draft.open_work:
        if work.ref_id == leak.id:
            work.disposition, work.note = Disposition.CLOSED, "已修好"
    services.handover.save_draft(clerk, view.id, draft)
    clock.set(datetime(2026, 11, 24, 15, 50, tzinfo=TZ))
    services.handover.identify_incoming(view.id, "li", INCOMING_PASSWORD)
    return services.handover.sign(view.id, CLERK_PASSWORD, "li", INCOMING_PASSWORD).view


def test_a_printed_handover_verifies_and_a_raw_change_is_named(services, signed_handover, tmp_path):
    out = tmp_path / "handover.pdf"
    render_handover_pdf(services, signed_handover.id, out)
    (text,) = printed_fingerprints(out)
    assert text.startswith(f"H:{signed_handover.id} ")
    result = check(services, text)
    assert result.verdict == "matches"
    assert result.count >= 3  # the handover, its follow-up closure, its log entry

    with raw(services) as conn:
        drop_triggers(conn, "handover")
        conn.execute("UPDATE handover SET late_minutes = 25 WHERE id = ?", (signed_handover.id,))
    conn.close()
    result = check(services, text)
    assert result.verdict == "tampered"
    assert f"handover record #{signed_handover.id} was changed behind the program's back" in result.english()


def test_a_follow_up_closure_removed_from_a_handover_is_named(services, signed_handover, tmp_path):
    out = tmp_path / "handover.pdf"
    render_handover_pdf(services, signed_handover.id, out)
    (text,) = printed_fingerprints(out)
    with raw(services) as conn:
        drop_triggers(conn, "follow_up_closure")
        conn.execute("DELETE FROM follow_up_closure WHERE handover_id = ?", (signed_handover.id,))
    conn.close()
    result = check(services, text)
    assert result.verdict == "tampered"
    assert "follow-up closure #" in result.english() and "removed behind the program's back" in result.english()


# -- a ticket changed later through the program ----------------------------------------------------
def test_a_slip_verifies_after_the_ticket_moved_on_through_the_program(services, clock, clerk, tmp_path):
    ticket = services.tickets.register(
        clerk,
        TicketInput(
            TicketKind.ITEM_RELEASE,
            Source.VISIT,
            "搬家搬出部分家具",
            ResidentInput("李先生", "3栋", "2单元1203", "13800138000"),
            details=TicketDetails(items=["电视机 1台"], identity_checked=True),
        ),
    )
    out = tmp_path / "slip.pdf"
    render_release_slip_pdf(services, ticket.id, out)
    (text,) = printed_fingerprints(out)
    assert text.startswith(f"T:{ticket.id} ")
    assert check(services, text).verdict == "matches"

    clock.advance(timedelta(minutes=30))
    services.tickets.reopen(clerk, ticket.id, "门岗退回：物品与放行条不符")
    result = check(services, text)
    assert result.verdict == "superseded" and result.ok
    message = result.english()
    assert "as they were at 2026-11-24 10:00" in message, message
    assert "changed since by the program" in message and "journal event #" in message
    assert f"ticket #{ticket.id}" in message or "ticket event #" in message

    # Changed behind the program's back after that: no longer an honest history.
    with raw(services) as conn:
        drop_triggers(conn, "ticket")
        conn.execute("UPDATE ticket SET description = '搬出全部家具' WHERE id = ?", (ticket.id,))
    conn.close()
    result = check(services, text)
    assert result.verdict == "tampered"
    assert f"ticket #{ticket.id} was changed behind the program's back" in result.english()


# -- the QR code ---------------------------------------------------------------------------------
@pytest.mark.skipif(not shutil.which("zbarimg") or not shutil.which("pdftoppm"), reason="needs zbarimg and pdftoppm")
def test_the_qr_code_decodes_to_the_fingerprint_with_the_whole_digest(services, log_pages, tmp_path):
    subprocess.run(["pdftoppm", "-png", "-r", "200", "-f", "1", "-l", "1", str(log_pages), str(tmp_path / "p")],
                   check=True)  # fmt: skip
    (png,) = tmp_path.glob("p*.png")
    decoded = subprocess.run(
        ["zbarimg", "-q", "--raw", "-Sdisable", "-Sqrcode.enable", str(png)], capture_output=True, text=True
    ).stdout.strip()
    (typed,) = printed_fingerprints(log_pages)[:1]
    assert decoded.startswith("DUTYDESK1 " + typed.split()[0] + " ")
    assert page_seal.parse(decoded).digest.startswith(page_seal.parse(typed).digest)
    assert check(services, decoded).verdict == "matches"


# -- the command ---------------------------------------------------------------------------------
def test_the_command_exit_codes(services, log_pages, db_url, capsys):
    from desk_app.cli import main

    first, _second = printed_fingerprints(log_pages)
    services.close()  # the program is closed; the command opens the file read-only
    assert main(["--db", db_url, "verify-page", first]) == 0
    assert "matches: the database still holds exactly the" in capsys.readouterr().out.lower()
    assert main(["--db", db_url, "verify-page", *first.split()]) == 0  # unquoted, as typed
    capsys.readouterr()
    assert main(["--db", db_url, "verify-page", "L:1-5", "0000-0000-0000-0001"]) == 1
    assert "Does NOT match" in capsys.readouterr().out
    assert main(["--db", db_url, "verify-page", "not-a-fingerprint"]) == 2
    assert "is not a page fingerprint" in capsys.readouterr().err
    missing = db_url.replace("desk.sqlite", "nothing-here.sqlite")
    assert main(["--db", missing, "verify-page", first]) == 1
    assert not Path(missing.removeprefix("sqlite:///")).exists()  # a reading command creates nothing
