"""The desk's ticket rules (clocks and escalation per kind) and its price list of
convenience services; supervisors change them, every change is audited."""

from __future__ import annotations

import json
from dataclasses import asdict

from sqlalchemy import select

from desk_app.domain import tickets as tk
from desk_app.domain.errors import QT_TRANSLATE_NOOP, NotFound, ValidationError
from desk_app.domain.roles import Actor, Role, require_role
from desk_app.domain.text_rules import FIELD_NAME, NAME_MAX, check_whole_number, clean_text
from desk_app.domain.tickets import KindRule, TicketKind
from desk_app.services.common import audit
from desk_app.services.tickets import records
from desk_app.services.tickets.context import TicketContext
from desk_app.storage.models import PriceItem, TicketRule

PRICE_MAX_CENTS = 1_000_000
FIELD_UNIT = QT_TRANSLATE_NOOP("Field", "Unit")


class TicketRules:
    def __init__(self, ctx: TicketContext) -> None:
        self._ctx = ctx

    def rules(self) -> dict[TicketKind, KindRule]:
        with self._ctx.db.read() as session:
            stored = {r.kind: r for r in session.scalars(select(TicketRule))}
        result = tk.default_rules()
        for kind in TicketKind:
            row = stored.get(kind.value)
            if row is not None:
                result[kind] = KindRule(
                    kind,
                    row.reply_minutes,
                    row.follow_up_working_days,
                    row.escalate_before_minutes,
                    row.manager_after_minutes,
                )
        return result

    def set_rule(self, actor: Actor, rule: KindRule) -> None:
        require_role(actor, Role.SUPERVISOR)
        check_whole_number(rule.reply_minutes, 5, 10080, QT_TRANSLATE_NOOP("Field", "Reply within (minutes)"))
        check_whole_number(
            rule.follow_up_working_days, 1, 30, QT_TRANSLATE_NOOP("Field", "Follow-up within (working days)")
        )
        check_whole_number(
            rule.escalate_before_minutes, 0, 1440, QT_TRANSLATE_NOOP("Field", "Escalate before (minutes)")
        )
        check_whole_number(rule.manager_after_minutes, 0, 10080, QT_TRANSLATE_NOOP("Field", "Manager after (minutes)"))
        with self._ctx.db.write(actor) as session:
            row = session.get(TicketRule, rule.kind.value)
            if row is None:
                row = TicketRule(kind=rule.kind.value)
                session.add(row)
            row.reply_minutes = rule.reply_minutes
            row.follow_up_working_days = rule.follow_up_working_days
            row.escalate_before_minutes = rule.escalate_before_minutes
            row.manager_after_minutes = rule.manager_after_minutes
            audit(session, self._ctx.clock.now(), actor.account_id, "ticket_rule.changed", json.dumps(asdict(rule)))

    def price_list(self, include_retired: bool = False) -> list[tk.PriceItem]:
        with self._ctx.db.read() as session:
            query = select(PriceItem).order_by(PriceItem.id)
            if not include_retired:
                query = query.where(PriceItem.active.is_(True))
            return [records.price(p) for p in session.scalars(query)]

    def add_price_item(self, actor: Actor, name: str, unit: str, price_cents: int) -> tk.PriceItem:
        require_role(actor, Role.SUPERVISOR)
        name = clean_text(name, field=FIELD_NAME, max_len=NAME_MAX, required=True)
        unit = clean_text(unit, field=FIELD_UNIT, max_len=10, required=True)
        if isinstance(price_cents, bool) or not isinstance(price_cents, int) or not 0 <= price_cents <= PRICE_MAX_CENTS:
            raise ValidationError(QT_TRANSLATE_NOOP("DeskError", "A price must be between 0 and 10000 yuan."))
        with self._ctx.db.write(actor) as session:
            if session.scalar(select(PriceItem.id).where(PriceItem.name == name)) is not None:
                raise ValidationError(QT_TRANSLATE_NOOP("DeskError", "{name} is already on the price list."), name=name)
            item = PriceItem(name=name, unit=unit, price_cents=price_cents, active=True)
            session.add(item)
            session.flush()
            audit(
                session, self._ctx.clock.now(), actor.account_id, "price_item.added", f"{item.id} {name} {price_cents}"
            )
            return records.price(item)

    def retire_price_item(self, actor: Actor, item_id: int) -> None:
        require_role(actor, Role.SUPERVISOR)
        with self._ctx.db.write(actor) as session:
            item = session.get(PriceItem, item_id)
            if item is None:
                raise NotFound(QT_TRANSLATE_NOOP("DeskError", "Price item #{id} does not exist."), id=item_id)
            item.active = False
            audit(session, self._ctx.clock.now(), actor.account_id, "price_item.retired", f"{item_id} {item.name}")
