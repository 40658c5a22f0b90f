"""The handover (交接班): the desk's item list, the wizard's saved draft, and sign-off.

The rules that block sign-off live in ``desk_app.domain.handover.HandoverDraft``; this
service enforces them again at ``sign`` (the window cannot bypass them), checks both
people's passwords, and writes the record once: the counts, the open work handed over,
the anomalies, follow-ups closed, and a HANDOVER entry in the log's hash chain that
carries the SHA-256 of the whole record (kept as ``handover.record_digest`` too), so the
handover is as tamper-evident as the log.
"""

from __future__ import annotations

from desk_app.services.handover.draft import LATE_HANDOVER_GRACE
from desk_app.services.handover.items import EXPECTED_MAX, UNIT_MAX
from desk_app.services.handover.open_work import IncidentInProgress, IncidentsInProgress
from desk_app.services.handover.queries import REMIND_BEFORE
from desk_app.services.handover.record import DIGEST_PREFIX, digest_text, record_digest
from desk_app.services.handover.service import HandoverService
from desk_app.services.handover.shared import OpenWorkSource, RosterSource
from desk_app.services.handover.views import HandoverView, ItemView, Overdue, ShiftReminder, SignedHandover

__all__ = [
    "DIGEST_PREFIX",
    "EXPECTED_MAX",
    "LATE_HANDOVER_GRACE",
    "REMIND_BEFORE",
    "UNIT_MAX",
    "HandoverService",
    "HandoverView",
    "IncidentInProgress",
    "IncidentsInProgress",
    "ItemView",
    "OpenWorkSource",
    "Overdue",
    "RosterSource",
    "ShiftReminder",
    "SignedHandover",
    "digest_text",
    "record_digest",
]
