"""Demo tickets: a living queue of every kind, consistent with the desk's own rules."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import text

from desk_app.domain.errors import ValidationError
from desk_app.domain.tickets import TicketKind, TicketStatus, Validity
from desk_app.services.demo import generate
from desk_app.services.demo_tickets import generate_tickets
from desk_app.services.tickets import TicketFilter


@pytest.fixture
def demo(services):
    generate(services, 2, entries_per_day=4)
    summary = generate_tickets(services, 40, per_day=30, seed=7)
    return summary


def _scalar(services, sql: str):
    with services.db.read() as session:
        return session.execute(text(sql)).scalar()


def test_every_kind_open_closed_and_overdue(services, demo):
    assert demo.tickets == 40 * 30
    assert set(demo.by_kind) == set(TicketKind)
    assert 0 < demo.open < demo.tickets // 5
    assert demo.overdue > 0
    assert services.tickets.count(TicketFilter()) == demo.open
    assert services.tickets.count(TicketFilter(overdue=True)) == demo.overdue
    assert services.tickets.count(TicketFilter(statuses=(TicketStatus.CLOSED,))) == demo.tickets - demo.open


def test_due_at_is_the_earliest_unmet_clock_of_every_open_ticket(services, demo):
    wrong = _scalar(
        services,
        """SELECT count(*) FROM ticket t WHERE
             (t.status = 'closed' AND (t.due_at IS NOT NULL OR t.closed_at IS NULL))
          OR (t.status <> 'closed' AND t.closed_at IS NOT NULL)
          OR (t.status <> 'closed' AND coalesce(t.due_at, '') <> coalesce(
                (SELECT min(c.due_at) FROM ticket_clock c WHERE c.ticket_id = t.id AND c.met_at IS NULL), ''))""",
    )
    assert wrong == 0
    # A met clock was met by someone, never in the future.
    assert _scalar(services, "SELECT count(*) FROM ticket_clock WHERE (met_at IS NULL) <> (met_by IS NULL)") == 0


def test_the_workflows_are_the_desks(services, demo):
    # A valid complaint is closed only after its follow-up visit.
    closed_valid_without_visit = _scalar(
        services,
        """SELECT count(*) FROM ticket t WHERE t.kind = 'complaint' AND t.status = 'closed'
           AND json_extract(t.details_json, '$.validity') = 'valid'
           AND NOT EXISTS (SELECT 1 FROM ticket_clock c WHERE c.ticket_id = t.id AND c.kind = 'follow_up'
                           AND c.met_at IS NOT NULL)""",
    )
    assert closed_valid_without_visit == 0
    # A major incident is closed only after its written report.
    assert (
        _scalar(
            services,
            """SELECT count(*) FROM ticket t WHERE t.urgency = 'major' AND t.status = 'closed'
               AND NOT EXISTS (SELECT 1 FROM incident_report r WHERE r.ticket_id = t.id)""",
        )
        == 0
    )
    # Every ticket was registered, by a clerk, before anything else happened to it.
    assert (
        _scalar(
            services,
            "SELECT count(*) FROM ticket t WHERE NOT EXISTS (SELECT 1 FROM ticket_event e "
            "WHERE e.ticket_id = t.id AND e.action = 'registered')",
        )
        == 0
    )
    assert (
        _scalar(
            services,
            "SELECT count(*) FROM ticket_event e JOIN ticket t ON t.id = e.ticket_id WHERE e.at < t.created_at",
        )
        == 0
    )


def test_generated_tickets_are_found_and_worked_like_real_ones(services, demo, clock):
    found = services.tickets.page(TicketFilter(statuses=(TicketStatus.CLOSED,), text="漏水"), 0, 5)
    assert found and all("漏水" in row.description for row in found)
    complaint = next(
        r
        for r in services.tickets.page(TicketFilter(kinds=(TicketKind.COMPLAINT,)), 0, 500)
        if r.status is TicketStatus.OPEN
    )
    view = services.tickets.get(complaint.id)
    supervisor = services.accounts.authenticate("zhang", "dutydesk-demo")
    if view.details.validity is Validity.UNDECIDED:
        services.tickets.judge(supervisor, complaint.id, Validity.INVALID, "经核实不属实")
    replied = services.tickets.reply(supervisor, complaint.id, "已向业主说明", resolved=True)
    assert replied.row.status in (TicketStatus.FOLLOW_UP, TicketStatus.CLOSED)
    closed = services.tickets.page(TicketFilter(statuses=(TicketStatus.CLOSED,), kinds=(TicketKind.REPAIR,)), 0, 1)[0]
    reopened = services.tickets.reopen(supervisor, closed.id, "业主反映仍漏水")
    assert reopened.row.status is TicketStatus.OPEN


def test_the_same_seed_gives_the_same_queue(tmp_path, clock):
    from desk_app.services.container import Services

    def fingerprint(name: str) -> list:
        svc = Services.open(f"sqlite:///{tmp_path / name}", clock=clock)
        try:
            generate(svc, 1, entries_per_day=2)
            generate_tickets(svc, 5, per_day=20, seed=3)
            with svc.db.read() as session:
                return session.execute(
                    text("SELECT kind, status, description, due_at, resident_name FROM ticket ORDER BY id")
                ).all()
        finally:
            svc.close()

    assert fingerprint("a.sqlite") == fingerprint("b.sqlite")


def test_demo_tickets_never_mix_with_real_ones(services, demo):
    with pytest.raises(ValidationError):
        generate_tickets(services, 1, per_day=1)


def test_no_ticket_lies_in_the_future(services, demo, clock):
    from desk_app.services.common import to_db

    now = to_db(clock.now()).isoformat(sep=" ", timespec="microseconds")
    assert _scalar(services, f"SELECT count(*) FROM ticket WHERE created_at > '{now}'") == 0
    assert _scalar(services, f"SELECT count(*) FROM ticket_event WHERE at > '{now}'") == 0
    assert clock.now() - timedelta(days=40) < services.tickets.get(1).row.created_at
