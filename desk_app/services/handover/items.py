"""The item list (物品清点清单) counted at every handover, its history, and the desk's
early-arrival setting."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk_app.domain.errors import QT_TRANSLATE_NOOP, NotFound, ValidationError
from desk_app.domain.handover import EXPECTED_MAX, UNIT_MAX, HandoverDraft, ItemAction, ItemCount, valid_item
from desk_app.domain.roles import Actor, Role, require_role
from desk_app.services.common import audit, from_db, to_db
from desk_app.services.handover.shared import HandoverBase
from desk_app.services.handover.views import ItemView, item_view
from desk_app.storage.models import Account, DeskSettings, HandoverItem, HandoverItemChange

__all__ = ["EARLY_ARRIVAL_DEFAULT", "EXPECTED_MAX", "UNIT_MAX", "ItemList", "NoItemsRecord", "with_current_items"]

EARLY_ARRIVAL_DEFAULT = 15


@dataclass(frozen=True)
class NoItemsRecord:
    """A supervisor recorded that this desk keeps nothing to count at a handover."""

    by: str
    at: datetime  # aware, desk time zone


class ItemList(HandoverBase):
    def items(self, include_retired: bool = False) -> list[ItemView]:
        with self._db.read() as session:
            query = select(HandoverItem).order_by(HandoverItem.sort_order, HandoverItem.id)
            if not include_retired:
                query = query.where(HandoverItem.active.is_(True))
            return [item_view(i) for i in session.scalars(query)]

    def add_item(self, actor: Actor, name: str, unit: str, expected: int) -> ItemView:
        require_role(actor, Role.SUPERVISOR)
        name, unit, expected = valid_item(name, unit, expected)
        with self._db.write(actor) as session:
            _refuse_duplicate(session, name, None)
            order = len(session.scalars(select(HandoverItem.id)).all())
            item = HandoverItem(name=name, unit=unit, expected=expected, active=True, sort_order=order)
            session.add(item)
            session.flush()
            self._record_change(session, actor, item, ItemAction.ADDED)
            settings = session.get(DeskSettings, 1)
            if settings is not None and settings.no_items_by is not None:
                # The desk keeps something after all: the record no longer holds.
                settings.no_items_by, settings.no_items_at = None, None
            return item_view(item)

    def change_item(self, actor: Actor, item_id: int, name: str, unit: str, expected: int) -> ItemView:
        require_role(actor, Role.SUPERVISOR)
        name, unit, expected = valid_item(name, unit, expected)
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

    # -- a desk that keeps nothing to count ----------------------------------------------
    def record_keeps_no_items(self, actor: Actor) -> NoItemsRecord:
        """A supervisor records that this desk keeps no items: its handovers count nothing.
        Refused while the list has items; adding an item later ends the record."""
        require_role(actor, Role.SUPERVISOR)
        now = self._clock.now().replace(microsecond=0)
        with self._db.write(actor) as session:
            if session.scalar(select(HandoverItem.id).where(HandoverItem.active.is_(True)).limit(1)) is not None:
                raise ValidationError(
                    QT_TRANSLATE_NOOP(
                        "DeskError",
                        "The item list is not empty: the desk keeps these items and they are counted at "
                        "every handover. Remove them first if the desk really keeps none.",
                    )
                )
            settings = session.get(DeskSettings, 1)
            if settings is None:
                settings = DeskSettings(id=1, early_arrival_minutes=EARLY_ARRIVAL_DEFAULT)
                session.add(settings)
            settings.no_items_by = actor.account_id
            settings.no_items_at = to_db(now)
            audit(session, now, actor.account_id, "handover.no_items", "this desk keeps no items to count")
        return NoItemsRecord(actor.display_name, now.astimezone(self._desk.info().tz))

    def keeps_no_items(self) -> NoItemsRecord | None:
        """Who recorded that this desk keeps no items, and when; None if nobody did."""
        with self._db.read() as session:
            return _no_items_record(session, self._desk.info().tz)

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


def _no_items_record(session: Session, tz: ZoneInfo) -> NoItemsRecord | None:
    settings = session.get(DeskSettings, 1)
    if settings is None or settings.no_items_by is None or settings.no_items_at is None:
        return None
    who = session.get(Account, settings.no_items_by)
    return NoItemsRecord(who.display_name if who else "?", from_db(settings.no_items_at).astimezone(tz))


def with_current_items(session: Session, draft: HandoverDraft, tz: ZoneInfo) -> HandoverDraft:
    """``draft`` with the desk's item list as it is now: items added since the handover
    began are there to count, retired ones are gone, a changed name or expected quantity is
    the new one; what was typed for an item stays. And whether a supervisor has recorded
    that the desk keeps no items (who, when)."""
    typed = {count.item_id: count for count in draft.counts}
    counts = []
    for item in session.scalars(
        select(HandoverItem).where(HandoverItem.active.is_(True)).order_by(HandoverItem.sort_order, HandoverItem.id)
    ):
        before = typed.get(item.id)
        if before is None:
            counts.append(ItemCount(item.id, item.name, item.unit, item.expected))
        else:
            counts.append(replace(before, name=item.name, unit=item.unit, expected=item.expected))
    record = _no_items_record(session, tz) if not counts else None
    return replace(
        draft,
        counts=counts,
        no_items_by=record.by if record else "",
        no_items_at=f"{record.at:%Y-%m-%d %H:%M}" if record else "",
    )


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
