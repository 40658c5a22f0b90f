"""The demo desk in its normal state: a month of handovers signed through the handover
service, incidents dealt with, records that verify, and a desk that can hand over now."""

from __future__ import annotations

from datetime import timedelta

from desk_app.cli import main
from desk_app.domain.categories import LogCategory
from desk_app.domain.handover import Disposition, WorkSource
from desk_app.services import integrity
from desk_app.services.demo import CLERKS, DEMO_PASSWORD, generate
from desk_app.services.demo_handovers import DEMO_HASHER
from desk_app.services.log import LogFilter
from desk_app.storage.models import Account
from tests.conftest import TZ


def test_a_month_of_signed_handovers_with_differences_and_no_incident_left_open(services, clock, db_url, tmp_path):
    summary = generate(services, 30, entries_per_day=12, seed=5)
    today = clock.now().astimezone(TZ).date()
    views = sorted(services.handover.handovers(today - timedelta(days=40), today), key=lambda v: v.id)
    assert summary.handovers == len(views) == 90  # every shift of the 30 days, 3 a day
    assert all(v.signed for v in views)
    assert len({v.shift.shift_date for v in views}) >= 28
    assert views[0].shift.shift_date == today - timedelta(days=30)
    assert max(v.shift.shift_date for v in views) == today - timedelta(days=1)

    # Counted at every handover, some items short or damaged and explained; what the
    # previous shift missed found by the next one.
    assert all(v.draft.counts and all(c.counted is not None for c in v.draft.counts) for v in views)
    differences = [c for v in views for c in v.draft.counts if c.needs_explanation]
    assert summary.differences == len(differences) >= 5
    assert all(c.explanation for c in differences)
    assert any(a.description.startswith("上一班") for v in views for a in v.draft.anomalies)
    # Open follow-ups declared: handed over with a note, or closed at the handover.
    declared = [w for v in views for w in v.draft.open_work if w.source is WorkSource.LOG_FOLLOW_UP]
    assert {w.disposition for w in declared} == {Disposition.HANDED_OVER, Disposition.CLOSED}
    assert all(w.note for w in declared)
    # Someone arrived late now and then; the clerks take turns.
    assert any(v.late_minutes for v in views)
    assert all(v.outgoing_id != v.incoming_id for v in views)
    assert all(a.incoming_id == b.outgoing_id for a, b in zip(views, views[1:], strict=False))

    # The supervisor checked each day's handovers the morning after, up to the day before yesterday.
    checked = [v for v in views if v.checked_by]
    assert summary.checked == len(checked) == 28 * 3 and {v.checked_by for v in checked} == {"张敏"}
    assert all(v.checked_at.date() == v.shift.shift_date + timedelta(days=1) for v in checked)
    assert all(v.checked_by is None for v in views if v.shift.shift_date >= today - timedelta(days=2))

    # No incident still being handled, none ever open at a handover.
    assert services.handover.incidents_in_progress() == []
    incidents = [
        e for e in services.log.iter_chronological(LogFilter()) if e.category is LogCategory.INCIDENT and e.follow_up
    ]
    assert incidents and all(e.follow_up_closed or e.is_corrected for e in incidents)

    # The records are the program's own: the log's chain, the digests, the journal.
    assert services.log.verify().ok
    assert services.handover.verify_records() == []
    report = integrity.verify(services.db, [tmp_path])
    assert report.ok, report.describe()
    assert main(["--db", db_url, "verify", "--witnesses", str(tmp_path)]) == 0


def test_the_demo_desk_hands_over_now_with_the_clerks_passwords(services, clock):
    generate(services, 3, entries_per_day=20, seed=2)
    # 10:00 on the morning after the demo's last day: the 早班 is running.
    (outgoing, _), (incoming, incoming_name) = CLERKS[0], CLERKS[1]
    actor = services.accounts.authenticate(outgoing, DEMO_PASSWORD)
    view = services.handover.start(actor)  # no incident refuses it
    draft = view.draft
    draft.records_acknowledged = True
    assert draft.counts  # the demo desk keeps an item list
    for count in draft.counts:
        count.counted = count.expected
    for work in draft.open_work:
        work.disposition, work.note = Disposition.HANDED_OVER, "继续跟进"
    services.handover.save_draft(actor, view.id, draft)
    clock.advance(timedelta(minutes=5))
    signed = services.handover.sign(view.id, DEMO_PASSWORD, incoming, DEMO_PASSWORD)
    assert signed.view.signed and signed.view.incoming_name == incoming_name
    assert services.handover.verify_records() == []
    assert services.log.verify().ok


def test_demo_passwords_are_hashed_cheaply_and_rehashed_at_full_cost_on_first_sign_in(services, clock):
    generate(services, 1, entries_per_day=6)
    with services.db.read() as session:
        stored = {a.username: a.password_hash for a in session.query(Account)}
    assert all(not DEMO_HASHER.check_needs_rehash(h) for h in stored.values())
    services.accounts.authenticate("wang", DEMO_PASSWORD)  # the test's own (sign-in) hasher
    with services.db.read() as session:
        again = {a.username: a.password_hash for a in session.query(Account)}
    assert again["wang"] != stored["wang"] and again["lina"] == stored["lina"]
