"""The desk: its name, time zone and shift templates (set once at first start)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import func, select

from desk_app.domain.clock import Clock
from desk_app.domain.errors import QT_TRANSLATE_NOOP, ValidationError
from desk_app.domain.handover import ItemAction, valid_item
from desk_app.domain.roles import Actor, Role, require_role
from desk_app.domain.shifts import ShiftOccurrence, ShiftTemplate, running_at, validate_template
from desk_app.domain.text_rules import FIELD_DESK_NAME, clean_text
from desk_app.services.accounts import AccountService
from desk_app.services.common import audit, to_db
from desk_app.storage.database import Database
from desk_app.storage.models import Account, Desk, DeskSettings, HandoverItem, HandoverItemChange, ShiftTemplateRow

DESK_NAME_MAX = 60
IDLE_LOCK_DEFAULT = 10
SHIFT_NAME_MAX = 12
FIELD_SHIFT_NAME = QT_TRANSLATE_NOOP("Field", "Shift name")


@dataclass(frozen=True)
class DeskInfo:
    name: str
    timezone: str

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)


def validate_timezone(name: str) -> str:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValidationError(QT_TRANSLATE_NOOP("DeskError", "Unknown time zone: {name}."), name=name) from None
    return name


class DeskService:
    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock
        # Desk settings change rarely and only through this service: cached.
        self._info: DeskInfo | None = None
        self._templates: list[ShiftTemplate] | None = None

    def is_set_up(self) -> bool:
        with self._db.read() as session:
            return session.get(Desk, 1) is not None

    def set_up(
        self,
        accounts: AccountService,
        *,
        desk_name: str,
        timezone: str,
        shifts: list[tuple[str, int, int]],
        supervisor_username: str,
        supervisor_name: str,
        supervisor_password: str,
        items: Sequence[tuple[str, str, int]] = (),
    ) -> Actor:
        """First start: the desk, its shifts, the first supervisor and the items kept at the
        desk (name, unit, expected: counted at every handover), all or nothing."""
        name = clean_text(desk_name, field=FIELD_DESK_NAME, max_len=DESK_NAME_MAX, required=True)
        validate_timezone(timezone)
        if not shifts:
            raise ValidationError(QT_TRANSLATE_NOOP("DeskError", "The desk needs at least one shift."))
        for shift_name, start, duration in shifts:
            validate_template(shift_name, start, duration)
        item_list = [valid_item(*item) for item in items]
        item_names = [item[0] for item in item_list]
        for item_name in item_names:
            if item_names.count(item_name) > 1:
                raise ValidationError(
                    QT_TRANSLATE_NOOP("DeskError", "The item list already has {name}."), name=item_name
                )
        if self.is_set_up():
            raise ValidationError(QT_TRANSLATE_NOOP("DeskError", "This desk is already set up."))
        account = accounts.build_account(
            supervisor_username, supervisor_name, supervisor_password, Role.SUPERVISOR, None
        )
        now = self._clock.now()
        with self._db.write() as session:
            if session.scalar(select(func.count()).select_from(Account)):
                raise ValidationError(QT_TRANSLATE_NOOP("DeskError", "This desk is already set up."))
            session.add(account)
            session.flush()
            session.add(Desk(id=1, name=name, timezone=timezone, created_at=to_db(now)))
            for shift_name, start, duration in shifts:
                session.add(
                    ShiftTemplateRow(
                        name=shift_name.strip(), start_minute=start, duration_minutes=duration, active=True
                    )
                )
            for order, (item_name, unit, expected) in enumerate(item_list):
                item = HandoverItem(name=item_name, unit=unit, expected=expected, active=True, sort_order=order)
                session.add(item)
                session.flush()
                session.add(
                    HandoverItemChange(
                        item_id=item.id,
                        at=to_db(now),
                        actor_id=account.id,
                        action=ItemAction.ADDED.value,
                        name=item_name,
                        unit=unit,
                        expected=expected,
                    )
                )
            audit(session, now, account.id, "desk.created", name)
            audit(session, now, account.id, "account.created", f"{account.username} supervisor")
        # The first supervisor signs in with the password just chosen.
        return accounts.authenticate(account.username, supervisor_password)

    def info(self) -> DeskInfo:
        if self._info is None:
            with self._db.read() as session:
                desk = session.get(Desk, 1)
                if desk is None:
                    raise ValidationError(QT_TRANSLATE_NOOP("DeskError", "This desk is not set up yet."))
                self._info = DeskInfo(desk.name, desk.timezone)
        return self._info

    def now(self) -> datetime:
        """The injected clock's instant in the desk's own time zone."""
        return self._clock.now().astimezone(self.info().tz)

    def today(self) -> date:
        """Today at the desk (its calendar day, not the computer's nor UTC's)."""
        return self.now().date()

    def shift_templates(self, include_inactive: bool = False) -> list[ShiftTemplate]:
        if not include_inactive and self._templates is not None:
            return list(self._templates)
        with self._db.read() as session:
            query = select(ShiftTemplateRow).order_by(ShiftTemplateRow.start_minute)
            if not include_inactive:
                query = query.where(ShiftTemplateRow.active.is_(True))
            templates = [
                ShiftTemplate(r.id, r.name, r.start_minute, r.duration_minutes) for r in session.scalars(query)
            ]
        if not include_inactive:
            self._templates = templates
        return list(templates)

    def add_shift_template(self, actor: Actor, name: str, start_minute: int, duration_minutes: int) -> ShiftTemplate:
        """A new shift for the desk (a shift's times never change: the log refers to them;
        a changed shift is a new one and the old one retired)."""
        require_role(actor, Role.SUPERVISOR)
        if isinstance(start_minute, bool) or isinstance(duration_minutes, bool):
            raise ValidationError(QT_TRANSLATE_NOOP("DeskError", "A shift must start between 00:00 and 23:59."))
        name = clean_text(name, field=FIELD_SHIFT_NAME, max_len=SHIFT_NAME_MAX, required=True)
        validate_template(name, start_minute, duration_minutes)
        with self._db.write(actor) as session:
            taken = session.scalar(
                select(ShiftTemplateRow.id).where(ShiftTemplateRow.name == name, ShiftTemplateRow.active.is_(True))
            )
            if taken is not None:
                raise ValidationError(
                    QT_TRANSLATE_NOOP("DeskError", "There is already a shift called {name}."), name=name
                )
            row = ShiftTemplateRow(name=name, start_minute=start_minute, duration_minutes=duration_minutes, active=True)
            session.add(row)
            session.flush()
            audit(session, self._clock.now(), actor.account_id, "shift.added", f"{row.id} {name}")
            template = ShiftTemplate(row.id, name, start_minute, duration_minutes)
        self._templates = None
        return template

    def retire_shift_template(self, actor: Actor, template_id: int) -> None:
        """The shift is no longer worked; its past log entries and rosters keep it."""
        require_role(actor, Role.SUPERVISOR)
        with self._db.write(actor) as session:
            row = session.get(ShiftTemplateRow, template_id)
            if row is None or not row.active:
                raise ValidationError(QT_TRANSLATE_NOOP("DeskError", "Unknown shift."))
            active = session.scalar(select(func.count()).where(ShiftTemplateRow.active.is_(True))) or 0
            if active <= 1:
                raise ValidationError(QT_TRANSLATE_NOOP("DeskError", "The desk needs at least one shift."))
            row.active = False
            audit(session, self._clock.now(), actor.account_id, "shift.retired", f"{row.id} {row.name}")
        self._templates = None

    def idle_lock_minutes(self) -> int:
        with self._db.read() as session:
            row = session.get(DeskSettings, 1)
            return row.idle_lock_minutes if row is not None else IDLE_LOCK_DEFAULT

    def set_idle_lock_minutes(self, actor: Actor, minutes: int) -> None:
        """How long the shared computer may stay unused before the window locks."""
        require_role(actor, Role.SUPERVISOR)
        if isinstance(minutes, bool) or not isinstance(minutes, int) or not 1 <= minutes <= 240:
            raise ValidationError(QT_TRANSLATE_NOOP("DeskError", "The window locks after 1 to 240 minutes."))
        with self._db.write(actor) as session:
            row = session.get(DeskSettings, 1)
            if row is None:
                row = DeskSettings(id=1)
                session.add(row)
            row.idle_lock_minutes = minutes
            audit(session, self._clock.now(), actor.account_id, "desk.idle_lock", str(minutes))

    def shift_at(self, instant: datetime | None = None) -> ShiftOccurrence | None:
        return running_at(self.shift_templates(), instant or self._clock.now(), self.info().tz)
