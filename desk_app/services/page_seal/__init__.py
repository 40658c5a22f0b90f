"""The seal of a printed page: which records it printed, and a digest of their content.

A page's *fingerprint* names its form and its records compactly, and carries 64 bits of
the digest, e.g. ``L:101-118,120 9F3A-C21B-77D0-E4B1`` (log entries 101 to 118 and 120); a
person can type it from the paper. The page's QR code carries the same with the whole
digest: ``DUTYDESK1 L:101-118,120 <64 hex digits>``.

The digest is SHA-256 over one line per record, ``table \\x1f row_key \\x1f payload \\n``,
in a canonical order (by table, then key), where ``row_key`` and ``payload`` are the
journal's own SQL for the row's key and content (``storage/journal.py``): the same text the
journal's triggers record for every write. So a page can be checked against the records
as they are now, and, when the program has changed them since, against the journal: the
moment the records' contents matched the page is found by replaying the journal's events
of those records.

The forms and the records they name:

* ``L:<ids>`` a page of the shift log: those log entries;
* ``H:<id>`` a handover record: the handover, its follow-up closures, its changeover
  check and the HANDOVER entry of the log;
* ``T:<id>`` an item-release slip or an incident report: the ticket with its events,
  clocks and written report;
* ``C:<ids>`` / ``W:<ids>`` a page of the complaint (repair) register: those tickets, each
  as on ``T``;
* ``M:<yyyy-mm>`` the monthly complaint report: the month's tickets as its query selects
  them (registered in the month, desk time) with their clocks;
* ``R:<version id>`` a published roster: the version, its month and the month's cells;
  ``R:<yyyy-mm>`` a draft roster: the month and its cells.

The package, by concern: ``rules`` (what a fingerprint names), ``sealing`` (the digest of
the records as they are now), ``fingerprint`` (reading one back from the paper),
``replay`` (the journal walked back to the moment the records matched) and ``check``
(the answer for a supervisor). No Qt here.
"""

from desk_app.services.page_seal.check import (
    RECORD_KINDS,
    PageCheck,
    Sentence,
    check_page,
)
from desk_app.services.page_seal.fingerprint import Fingerprint, parse
from desk_app.services.page_seal.replay import JournalRow
from desk_app.services.page_seal.rules import (
    FORMS,
    MAX_IDS,
    Rule,
    Select,
    compress_ids,
    expand_ids,
    handover_rule,
    log_rule,
    monthly_rule,
    register_rule,
    roster_rule,
    selections,
    ticket_rule,
)
from desk_app.services.page_seal.sealing import LABEL, QR_PREFIX, SHORT_HEX, Seal, digest_of, seal, seals

__all__ = [
    "FORMS",
    "LABEL",
    "MAX_IDS",
    "QR_PREFIX",
    "RECORD_KINDS",
    "SHORT_HEX",
    "Fingerprint",
    "JournalRow",
    "PageCheck",
    "Rule",
    "Seal",
    "Select",
    "Sentence",
    "check_page",
    "compress_ids",
    "digest_of",
    "expand_ids",
    "handover_rule",
    "log_rule",
    "monthly_rule",
    "parse",
    "register_rule",
    "roster_rule",
    "seal",
    "seals",
    "selections",
    "ticket_rule",
]
