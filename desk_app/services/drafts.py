"""Typing drafts: the text a person has typed into a form and not saved yet.

The window saves a form's fields here a moment after each change, so that nothing typed
is lost to a sign-out, the idle lock, a crash or a power cut; the form offers them back
when the same person opens it again, and deletes them once it is saved. A draft belongs to
one account and is never shown to anyone else. Drafts are not records: nothing is signed
or chained, and a draft that cannot be read is dropped rather than shown half.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete

from desk_app.domain.clock import Clock
from desk_app.domain.roles import Actor
from desk_app.services.common import from_db, to_db
from desk_app.storage.database import Database
from desk_app.storage.models import TypingDraft

log = logging.getLogger(__name__)

FORM_MAX = 80
SIZE_MAX = 40_000  # characters of the stored fields: far more than any form holds

Fields = dict[str, str | bool | int]


@dataclass(frozen=True)
class Draft:
    fields: Fields
    saved_at: datetime


class DraftService:
    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    def save(self, actor: Actor, form: str, fields: Fields) -> None:
        """Keep ``fields`` for ``actor``'s ``form``; a form with nothing typed keeps nothing."""
        if not form or len(form) > FORM_MAX:
            raise ValueError(f"bad draft form name {form!r}")
        if not any(isinstance(v, str) and v.strip() for v in fields.values()):
            self.discard(actor, form)
            return
        text = json.dumps(fields, ensure_ascii=False, sort_keys=True)
        if len(text) > SIZE_MAX:
            # The fields themselves refuse text this long; keep what fits rather than nothing.
            fields = {k: (v[: SIZE_MAX // (2 * len(fields))] if isinstance(v, str) else v) for k, v in fields.items()}
            text = json.dumps(fields, ensure_ascii=False, sort_keys=True)
        now = to_db(self._clock.now())
        with self._db.write(actor) as session:
            row = session.get(TypingDraft, (actor.account_id, form))
            if row is None:
                session.add(TypingDraft(account_id=actor.account_id, form=form, fields_json=text, saved_at=now))
            else:
                row.fields_json, row.saved_at = text, now

    def load(self, actor: Actor, form: str) -> Draft | None:
        with self._db.read() as session:
            row = session.get(TypingDraft, (actor.account_id, form))
            if row is None:
                return None
            raw, saved_at = row.fields_json, row.saved_at
        try:
            fields = json.loads(raw)
        except ValueError:
            fields = None
        if not isinstance(fields, dict) or not all(isinstance(v, str | bool | int) for v in fields.values()):
            log.warning("dropped an unreadable draft of %s for account %d", form, actor.account_id)
            self.discard(actor, form)
            return None
        return Draft(fields, from_db(saved_at))

    def discard(self, actor: Actor, form: str) -> None:
        with self._db.write(actor) as session:
            session.execute(
                delete(TypingDraft).where(TypingDraft.account_id == actor.account_id, TypingDraft.form == form)
            )
