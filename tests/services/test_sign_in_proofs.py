"""Signatures come from the person (issue 11, item 4): every write carries a proof of a
sign-in that only AccountService makes, re-checked inside the write; approvals are given
with the supervisor's password at that moment; a day signature covers what was read."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest
from pypdf import PdfReader
from sqlalchemy import func, select

from desk_app.domain.categories import LogCategory
from desk_app.domain.errors import AuthenticationError, PermissionDenied, ValidationError
from desk_app.domain.handover import Disposition, HandoverDraft
from desk_app.domain.roles import Actor, Role
from desk_app.printing.logbook import render_log_pdf
from desk_app.services.accounts import SESSION_MAX_AGE
from desk_app.services.container import Services
from desk_app.services.log import LogFilter
from desk_app.storage.models import Account, AuditEvent, DayReview, HandoverCheck, LogEntry
from tests.conftest import CLERK_PASSWORD, SUPERVISOR_PASSWORD, TZ

DAY = date(2026, 11, 24)
INCOMING_PASSWORD = "incoming-secret-2"


def _at(hour: int, minute: int = 0, day: int = 24) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=TZ)


def _rows(services: Services, model: type) -> int:
    with services.db.read() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def _actions(services: Services) -> list[tuple[str, str]]:
    with services.db.read() as session:
        return [(e.action, e.detail) for e in session.scalars(select(AuditEvent).order_by(AuditEvent.id))]


@pytest.fixture
def incoming(services, supervisor) -> Actor:
    services.accounts.create(supervisor, "li", "李强", INCOMING_PASSWORD, Role.CLERK)
    if not services.handover.items():
        services.handover.record_keeps_no_items(supervisor)  # a desk without items may hand over
    return services.accounts.authenticate("li", INCOMING_PASSWORD)


# -- proofs of sign-in -----------------------------------------------------------------------


def test_an_actor_built_in_code_writes_nothing(services, clerk) -> None:
    forged = Actor(clerk.account_id, clerk.username, clerk.display_name, clerk.role)
    assert forged == clerk  # the same person by every field a service reads …
    assert "proof" not in repr(clerk)  # … and the proof is never printed
    with pytest.raises(PermissionDenied, match="not done by a signed-in person"):
        services.log.add(forged, LogCategory.PATROL, "巡查正常")
    with pytest.raises(PermissionDenied):
        services.log.add(replace(clerk, proof="made-up"), LogCategory.PATROL, "巡查正常")
    assert _rows(services, LogEntry) == 0
    services.log.add(clerk, LogCategory.PATROL, "巡查正常")  # the real sign-in writes
    assert _rows(services, LogEntry) == 1


def test_another_persons_proof_or_a_claimed_role_writes_nothing(services, supervisor, clerk) -> None:
    as_supervisor = Actor(supervisor.account_id, "zhang", "张敏", Role.SUPERVISOR, proof=clerk.proof)
    with pytest.raises(PermissionDenied):
        services.handover.add_item(as_supervisor, "钥匙", "把", 12)
    with pytest.raises(PermissionDenied):
        services.log.add(replace(clerk, proof=supervisor.proof), LogCategory.PATROL, "巡查正常")
    promoted = replace(clerk, role=Role.SUPERVISOR)  # the clerk's own proof, a role not signed in with
    with pytest.raises(PermissionDenied, match="role was changed"):
        services.handover.add_item(promoted, "钥匙", "把", 12)
    assert services.handover.items() == [] and _rows(services, LogEntry) == 0


def test_a_clerk_disabled_mid_session_writes_nothing_more(services, supervisor, clerk) -> None:
    services.log.add(clerk, LogCategory.PATROL, "巡查正常")
    services.accounts.set_active(supervisor, clerk.account_id, False)
    with pytest.raises(PermissionDenied, match="disabled"):
        services.log.add(clerk, LogCategory.PATROL, "又一条")
    with pytest.raises(PermissionDenied):
        services.drafts.save(clerk, "log_entry", {"situation": "草稿"})
    assert _rows(services, LogEntry) == 1
    assert ("account.disabled", "wang") in _actions(services)  # by whom: the supervisor's event
    services.accounts.set_active(supervisor, clerk.account_id, True)
    services.log.add(services.accounts.authenticate("wang", CLERK_PASSWORD), LogCategory.PATROL, "重新登录")


def test_a_role_changed_mid_session_writes_nothing_more(services, supervisor, clerk) -> None:
    with services.db.write() as session:  # however the role changed, the sign-in was for the old one
        account = session.get(Account, clerk.account_id)
        assert account is not None
        account.role = Role.SUPERVISOR.value
    with pytest.raises(PermissionDenied, match="role was changed"):
        services.log.add(clerk, LogCategory.PATROL, "巡查正常")
    assert _rows(services, LogEntry) == 0
    again = services.accounts.authenticate("wang", CLERK_PASSWORD)
    assert again.role is Role.SUPERVISOR
    services.log.add(again, LogCategory.PATROL, "巡查正常")


def test_a_session_expires_and_the_idle_lock_password_renews_it(services, clock, clerk) -> None:
    assert timedelta(hours=36) == SESSION_MAX_AGE  # a 24-hour duty, a late successor, a margin
    clock.advance(timedelta(hours=30))  # 16:00 the next day: inside the 中班
    services.accounts.renew(clerk, CLERK_PASSWORD)  # the lock was opened with the password
    clock.advance(timedelta(hours=30))
    services.log.add(clerk, LogCategory.PATROL, "60 小时后，续期后 30 小时")
    with pytest.raises(AuthenticationError):
        services.accounts.renew(clerk, "wrong-password")
    clock.advance(timedelta(hours=6, minutes=1))
    with pytest.raises(AuthenticationError, match="more than 36 hours ago"):
        services.log.add(clerk, LogCategory.PATROL, "过期")
    assert _rows(services, LogEntry) == 1


def test_a_signed_out_proof_writes_nothing(services, clerk) -> None:
    services.accounts.sign_out(clerk)
    with pytest.raises(PermissionDenied):
        services.log.add(clerk, LogCategory.PATROL, "巡查正常")


def test_the_programs_own_seeding_session_is_recorded(services, clerk) -> None:
    seeded = services.accounts.seed_session(clerk.account_id, "demo data")
    assert seeded.proof and seeded.proof != clerk.proof
    services.log.add(seeded, LogCategory.PATROL, "演示")
    assert ("account.seed_session", "wang: demo data") in _actions(services)


# -- approvals by password at that moment -----------------------------------------------------


def _handover_ready(services: Services, clerk: Actor):
    services.clock.set(_at(15, 40))  # type: ignore[attr-defined]
    view = services.handover.start(clerk)
    draft = view.draft
    draft.records_acknowledged = True
    for work in draft.open_work:
        work.disposition, work.note = Disposition.CLOSED, "已处理"
    services.handover.save_draft(clerk, view.id, draft)
    return services.handover.get(view.id)


def test_an_override_forged_in_a_saved_draft_does_not_release_important_work(
    services, supervisor, clerk, incoming
) -> None:
    view = _handover_ready(services, clerk)
    draft = services.handover.add_free_work(clerk, view.id, "2栋水管爆裂抢修中", important=True)
    work = draft.open_work[-1]
    work.disposition, work.note = Disposition.HANDED_OVER, "工程部仍在现场"
    work.override_by, work.override_reason = supervisor.account_id, "主管同意"  # nobody typed a password
    work.important = False
    services.handover.save_draft(clerk, view.id, draft)
    stored = services.handover.get(view.id).draft.open_work[-1]
    assert (stored.override_by, stored.override_reason, stored.important) == (None, "", True)
    assert stored.disposition is Disposition.HANDED_OVER and stored.note == "工程部仍在现场"
    with pytest.raises(ValidationError, match="is important"):
        services.handover.sign(view.id, CLERK_PASSWORD, "li", INCOMING_PASSWORD)

    services.handover.override(view.id, len(draft.open_work) - 1, "zhang", SUPERVISOR_PASSWORD, "抢修需连续进行")
    assert any(a == "handover.override" and "by password" in d for a, d in _actions(services))
    signed = services.handover.sign(view.id, CLERK_PASSWORD, "li", INCOMING_PASSWORD)
    assert signed.view.signed and signed.incoming.proof
    services.log.add(signed.incoming, LogCategory.PATROL, "接班后巡查")  # the desk is the incoming clerk's


def test_a_draft_cannot_change_the_expected_count(services, supervisor, clerk) -> None:
    services.handover.add_item(supervisor, "钥匙", "把", 12)
    view = services.handover.start(clerk)
    draft: HandoverDraft = view.draft
    draft.counts[0].expected, draft.counts[0].counted = 11, 11
    services.handover.save_draft(clerk, view.id, draft)
    count = services.handover.get(view.id).draft.counts[0]
    assert (count.expected, count.counted) == (12, 11) and count.needs_explanation


def test_a_day_signature_needs_the_supervisors_password(services, clock, supervisor, clerk) -> None:
    services.log.add(clerk, LogCategory.PATROL, "巡查正常")
    clock.set(_at(8, 30, day=25))
    with pytest.raises(AuthenticationError):
        services.log.sign_day(supervisor, DAY, "已阅", password="wrong-password")
    with pytest.raises(AuthenticationError):
        services.log.sign_day(supervisor, DAY, "已阅", password="")
    assert _rows(services, DayReview) == 0
    review = services.log.sign_day(supervisor, DAY, "已阅", password=SUPERVISOR_PASSWORD)
    assert review.covers_to_id == 1
    assert ("log.day_signed", "2026-11-24 up to #1 by password") in _actions(services)
    forged = Actor(supervisor.account_id, "zhang", "张敏", Role.SUPERVISOR)
    with pytest.raises(PermissionDenied):  # the password alone is not enough: the sign-in too
        services.log.sign_day(forged, date(2026, 11, 23), password=SUPERVISOR_PASSWORD)


def test_the_changeover_check_needs_the_supervisors_password(services, supervisor, clerk, incoming) -> None:
    view = _handover_ready(services, clerk)
    signed = services.handover.sign(view.id, CLERK_PASSWORD, "li", INCOMING_PASSWORD).view
    with pytest.raises(AuthenticationError):
        services.handover.check(supervisor, signed.id, "已检查", password="wrong-password")
    assert _rows(services, HandoverCheck) == 0
    services.handover.check(supervisor, signed.id, "已检查", password=SUPERVISOR_PASSWORD)
    assert services.handover.get(signed.id).checked_by == "张敏"
    assert ("handover.checked", f"#{signed.id} by password") in _actions(services)


def test_publishing_needs_the_supervisors_password(services, supervisor, clerk) -> None:
    with pytest.raises(AuthenticationError):
        services.roster.publish(
            supervisor, 2026, 12, password="wrong-password", accept_gaps=services.roster.coverage_gaps(2026, 12)
        )
    assert not services.roster.month(2026, 12).published
    gaps = services.roster.coverage_gaps(2026, 12)
    assert services.roster.publish(supervisor, 2026, 12, password=SUPERVISOR_PASSWORD, accept_gaps=gaps) == 1
    assert any(a == "roster.published" and d.endswith("by password") for a, d in _actions(services))


# -- what a day signature covers --------------------------------------------------------------


def test_an_entry_written_after_the_day_signature_is_shown_and_printed_as_not_reviewed(
    services, clock, supervisor, clerk, incoming, tmp_path
) -> None:
    clock.set(_at(16, 30))  # the 中班 16:00-24:00
    services.log.add(clerk, LogCategory.PATROL, "中班巡查正常")
    clock.set(_at(23, 50))
    view = services.handover.start(clerk)
    draft = view.draft
    draft.records_acknowledged = True
    services.handover.save_draft(clerk, view.id, draft)
    clock.set(_at(0, 20, day=25))  # the day's last shift has ended; the successor is late
    review = services.log.sign_day(supervisor, DAY, "已阅", password=SUPERVISOR_PASSWORD)
    clock.set(_at(0, 30, day=25))
    signed = services.handover.sign(view.id, CLERK_PASSWORD, "li", INCOMING_PASSWORD).view
    assert signed.log_entry_id is not None and signed.log_entry_id > (review.covers_to_id or 0)

    late = services.log.get(signed.log_entry_id)
    assert late.shift_date == DAY and late.day_signed and late.after_signature
    earlier = services.log.get(1)
    assert earlier.day_signed and not earlier.after_signature
    assert services.log.reviews(DAY, DAY)[DAY].covers_to_id == review.covers_to_id

    out = tmp_path / "log.pdf"
    render_log_pdf(services, LogFilter(date_from=DAY, date_to=DAY), out)
    text = "".join(page.extract_text() for page in PdfReader(str(out)).pages)
    assert "签阅后补记，未经审阅" in text
    assert f"签阅范围：至第 #{review.covers_to_id} 条记录" in text
    assert text.count("签阅后补记，未经审阅") == 1  # only the late entry


def test_the_running_day_cannot_be_signed_and_the_refusal_says_when(services, clock, supervisor, clerk) -> None:
    services.log.add(clerk, LogCategory.PATROL, "巡查正常")
    with pytest.raises(ValidationError, match="2026-11-24 can be signed from 11-25 00:00"):
        services.log.sign_day(supervisor, DAY, password=SUPERVISOR_PASSWORD)
    clock.set(_at(23, 59))
    with pytest.raises(ValidationError, match="can be signed from"):
        services.log.sign_day(supervisor, DAY, password=SUPERVISOR_PASSWORD)
    assert _rows(services, DayReview) == 0
    clock.set(_at(0, 0, day=25))
    assert services.log.sign_day(supervisor, DAY, password=SUPERVISOR_PASSWORD).day == DAY
