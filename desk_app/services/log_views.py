"""What the shift log's service hands out and takes: entries, the filter, day signatures."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from desk_app.domain.categories import LogCategory


@dataclass(frozen=True)
class LogEntryView:
    id: int
    clerk_id: int
    clerk_name: str
    shift_template_id: int
    shift_name: str
    shift_date: date
    occurred_at: datetime  # aware, desk time zone
    recorded_at: datetime  # aware, desk time zone
    category: LogCategory
    situation: str
    handling: str
    backdate_reason: str
    follow_up: bool
    corrects_id: int | None
    corrected_by_id: int | None
    after_review: bool
    hash: str
    day_signed: bool
    follow_up_closed: bool = False
    # Written after its day was signed: not covered by the signature, not yet reviewed.
    after_signature: bool = False

    @property
    def is_corrected(self) -> bool:
        return self.corrected_by_id is not None


@dataclass(frozen=True)
class LogFilter:
    """What the list and the printout show. Dates are shift dates (the paper log's date)."""

    date_from: date | None = None
    date_to: date | None = None
    categories: frozenset[LogCategory] = field(default_factory=frozenset)
    clerk_id: int | None = None
    shift_template_id: int | None = None
    text: str = ""


@dataclass(frozen=True)
class DayReviewView:
    day: date
    signer_name: str
    signed_at: datetime  # aware, desk time zone
    remark: str
    # The last entry the signature covers (None: signed before that was kept; it covers
    # what was recorded up to signed_at).
    covers_to_id: int | None = None
