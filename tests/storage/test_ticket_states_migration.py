"""0010 rebuilds ticket and ticket_event to add their CHECKs: a desk's tickets, their
history, their triggers and the journal come through it, both ways."""

from __future__ import annotations

import pytest
from alembic import command
from sqlalchemy import text

from desk_app.domain.tickets import Source, TicketKind, TicketStatus, Validity
from desk_app.services import integrity
from desk_app.services.tickets import ResidentInput, TicketFilter, TicketInput
from desk_app.storage import migrate

TRIGGERS = {"ticket_no_delete", "ticket_kind_fixed", "ticket_event_no_update", "ticket_event_no_delete"}


def _schema(services) -> tuple[set[str], int, str]:
    with services.db.engine.connect() as conn:
        triggers = {
            str(n)
            for (n,) in conn.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN ('ticket', 'ticket_event')"
            )
        }
        assert conn.exec_driver_sql("PRAGMA foreign_key_check").all() == []
        events = int(conn.exec_driver_sql("SELECT count(*) FROM ticket_event").scalar() or 0)
        sql = str(conn.exec_driver_sql("SELECT sql FROM sqlite_master WHERE name = 'ticket_event'").scalar())
    return triggers, events, sql


def _migrate(services, revision: str) -> None:
    cfg = migrate.alembic_config()
    with services.db.engine.connect() as conn:
        cfg.attributes["connection"] = conn
        if revision == "head":
            command.upgrade(cfg, revision)
        else:
            command.downgrade(cfg, revision)
        conn.commit()


def test_tickets_and_their_history_survive_the_rebuild_both_ways(services, clerk):
    resident = ResidentInput("李先生", "3栋", "2单元1203", "13800138000")
    ticket = services.tickets.register(clerk, TicketInput(TicketKind.COMPLAINT, Source.PHONE, "噪音扰民", resident))
    services.tickets.judge(clerk, ticket.id, Validity.INVALID, "不属实")
    services.tickets.reply(clerk, ticket.id, "已解释", resolved=True)
    before = services.tickets.get(ticket.id)
    triggers, events, sql = _schema(services)
    assert triggers >= TRIGGERS and "known_action" in sql

    _migrate(services, "0009")
    triggers, down_events, sql = _schema(services)
    assert triggers >= TRIGGERS and "known_action" not in sql and down_events == events

    _migrate(services, "head")
    triggers, up_events, sql = _schema(services)
    assert triggers >= TRIGGERS and "known_action" in sql and up_events == events
    assert services.tickets.get(ticket.id) == before
    found = services.tickets.page(TicketFilter(statuses=(TicketStatus.CLOSED,), text="噪音"), 0, 5)
    assert [r.id for r in found] == [ticket.id]  # the search index still finds it
    assert integrity.verify(services.db).ok
    # Still append-only, and the journal follows the rebuilt tables.
    services.tickets.reopen(clerk, ticket.id, "业主再次来电")
    with services.db.read() as session:
        assert session.execute(text("SELECT count(*) FROM ticket_event")).scalar() == events + 1
    with pytest.raises(Exception, match="append-only"), services.db.write() as session:
        session.execute(text("UPDATE ticket_event SET note = 'x'"))
    with pytest.raises(Exception, match="never deleted"), services.db.write() as session:
        session.execute(text("DELETE FROM ticket"))
    assert integrity.verify(services.db).ok
