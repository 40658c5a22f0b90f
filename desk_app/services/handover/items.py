"""The item list (物品清点清单) counted at every handover, its history, and the desk's
early-arrival setting."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk_app.domain.errors import QT_TRANSLATE_NOOP, NotFound, ValidationError
from desk_app.domain.handover import ItemAction
from desk_app.domain.roles import Actor, Role, require_role
from desk_app.domain.text_rules import FIELD_NAME, FIELD_UNIT, NAME_MAX, clean_text
from desk_app.services.common import from_db, to_db
from desk_app.services.handover.shared import HandoverBase
from desk_app.services.handover.views import ItemView, item_view
from desk_app.storage.models import Account, DeskSettings, HandoverItem, HandoverItemChange

UNIT_MAX = 10
EXPECTED_MAX = 100_000
EARLY_ARRIVAL_DEFAULT = 15


class ItemList(HandoverBase):
    def items(self, include_retired: bool = False) -> list[ItemView]:
        with self._db.read() as session:
            query = select(HandoverItem).order_by(HandoverItem.sort_order, HandoverItem.id)
            if not include_retired:
                query = query.where(HandoverItem.active.is_(True))
            return [item_view(i) for i in session.scalars(query)]

    def add_item(self, actor: Actor, name: str, unit: str, expected: int) -> ItemView:
        require_role(actor, Role.SUPERVISOR)
        name, unit, expected = _valid_item(name, unit, expected)
        with self._db.write(actor) as session:
            _refuse_duplicate(session, name, None)
            order = len(session.scalars(select(HandoverItem.id)).all())
            item = HandoverItem(name=name, unit=unit, expected=expected, active=True, sort_order=order)
            session.add(item)
            session.flush()
            self._record_change(session, actor, item, ItemAction.ADDED)
            return item_view(item)

    def change_item(self, actor: Actor, item_id: int, name: str, unit: str, expected: int) -> ItemView:
        require_role(actor, Role.SUPERVISOR)
        name, unit, expected = _valid_item(name, unit, expected)
        with self._db.write(actor) as session:
            item = _get_item(session, item_id)
            _refuse_duplicate(session, name, item_id)
            item.name, item.unit, item.expected = name, unit, expected
            self._record_change(session, actor, item, ItemAction.CHANGED)
            return item_view(item)

    def retire_item(self, actor: Actor, item_id: int) -> None:
        require_role(actor, Role.SUPERVISOR)
        with self._db.write(actor) as session:
            item = _get_item(session, item_id)
            item.active = False
            self._record_change(session, actor, item, ItemAction.RETIRED)

    def item_history(self) -> list[tuple[datetime, str, ItemAction, str, str, int]]:
        """(when, who, action, name, unit, expected), newest first."""
        tz = self._desk.info().tz
        with self._db.read() as session:
            rows = session.execute(
                select(HandoverItemChange, Account.display_name)
                .join(Account, Account.id == HandoverItemChange.actor_id)
                .order_by(HandoverItemChange.id.desc())
            ).all()
        return [
            (from_db(c.at).astimezone(tz), who, ItemAction(c.action), c.name, c.unit, c.expected) for c, who in rows
        ]

    def _record_change(self, session: Session, actor: Actor, item: HandoverItem, action: ItemAction) -> None:
        session.add(
            HandoverItemChange(
                item_id=item.id,
                at=to_db(self._clock.now()),
                actor_id=actor.account_id,
                action=action.value,
                name=item.name,
                unit=item.unit,
                expected=item.expected,
            )
        )

    # -- desk setting -------------------------------------------------------------------
    def early_arrival_minutes(self) -> int:
        with self._db.read() as session:
            settings = session.get(DeskSettings, 1)
            return settings.early_arrival_minutes if settings else EARLY_ARRIVAL_DEFAULT

    def set_early_arrival_minutes(self, actor: Actor, minutes: int) -> None:
        require_role(actor, Role.SUPERVISOR)
        if not 0 <= minutes <= 60:
            raise ValidationError(QT_TRANSLATE_NOOP("DeskError", "The early arrival is between 0 and 60 minutes."))
        with self._db.write(actor) as session:
            settings = session.get(DeskSettings, 1)
            if settings is None:
                session.add(DeskSettings(id=1, early_arrival_minutes=minutes))
            else:
                settings.early_arrival_minutes = minutes


def _valid_item(name: str, unit: str, expected: int) -> tuple[str, str, int]:
    name = clean_text(name, field=FIELD_NAME, max_len=NAME_MAX, required=True)
    unit = clean_text(unit, field=FIELD_UNIT, max_len=UNIT_MAX, required=True)
    # bool is an int subclass: a checkbox value must not become a quantity of 1.
    if isinstance(expected, bool) or not isinstance(expected, int) or not 0 <= expected <= EXPECTED_MAX:
        raise ValidationError(
            QT_TRANSLATE_NOOP("DeskError", "The expected quantity is a whole number from 0 to {max}."),
            max=EXPECTED_MAX,
        )
    return name, unit, expected


def _refuse_duplicate(session: Session, name: str, item_id: int | None) -> None:
    query = select(HandoverItem.id).where(HandoverItem.name == name, HandoverItem.active.is_(True))
    if item_id is not None:
        query = query.where(HandoverItem.id != item_id)
    if session.scalar(query) is not None:
        raise ValidationError(QT_TRANSLATE_NOOP("DeskError", "The item list already has {name}."), name=name)


def _get_item(session: Session, item_id: int) -> HandoverItem:
    item = session.get(HandoverItem, item_id)
    if item is None:
        raise NotFound(QT_TRANSLATE_NOOP("DeskError", "No such item."))
    return item
