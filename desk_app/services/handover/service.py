"""The handover (交接班) service: one object for the window, made of its parts.

The item list (``items``), the open work declared (``open_work``), the wizard's draft
(``draft``), signing (``signing``, the record's text and digest in ``record``), reading
(``queries``) and the supervisor's check (``supervision``).
"""

from __future__ import annotations

from desk_app.services.handover.draft import WizardDraft
from desk_app.services.handover.items import ItemList
from desk_app.services.handover.queries import HandoverQueries
from desk_app.services.handover.signing import Signing
from desk_app.services.handover.supervision import Supervision


class HandoverService(ItemList, WizardDraft, Signing, HandoverQueries, Supervision):
    """Every handover operation; each part holds one concern (see the module docstring)."""
