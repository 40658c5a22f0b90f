"""Reading a fingerprint back, as typed from the paper or scanned from its QR code. No Qt here."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from desk_app.domain.errors import QT_TRANSLATE_NOOP, ValidationError
from desk_app.services.page_seal.rules import Rule, compress_ids, expand_ids
from desk_app.services.page_seal.sealing import LABEL, QR_PREFIX, SHORT_HEX


@dataclass(frozen=True)
class Fingerprint:
    rule: Rule
    digest: str  # 16 hex digits (typed from the paper) or 64 (scanned from the QR code)


_FULL_WIDTH = str.maketrans({"：": ":", "，": ",", "－": "-", "—": "-", "–": "-", "、": ","})
_PATTERN = re.compile(r"([A-Z])\s*:\s*([0-9,\-\s]+?)\s+([0-9A-F][0-9A-F\-\s]*)$")
_ARG = {
    "L": re.compile(r"\d+(-\d+)?(,\d+(-\d+)?)*"),
    "C": re.compile(r"\d+(-\d+)?(,\d+(-\d+)?)*"),
    "W": re.compile(r"\d+(-\d+)?(,\d+(-\d+)?)*"),
    "H": re.compile(r"\d+"),
    "T": re.compile(r"\d+"),
    "M": re.compile(r"\d{4}-\d{2}"),
    "R": re.compile(r"\d+|\d{4}-\d{2}"),
}


def _not_a_fingerprint(text: str) -> ValidationError:
    return ValidationError(
        QT_TRANSLATE_NOOP(
            "DeskError",
            "“{text}” is not a page fingerprint: type it as printed at the foot of the page, "
            "e.g. L:101-118,120 9F3A-C21B-77D0-E4B1, or scan the page's QR code.",
        ),
        text=text.strip()[:80],
    )


def parse(text: str) -> Fingerprint:
    """The form, the records and the digest of a fingerprint typed from the paper or
    scanned from its QR code. Full-width punctuation (a Chinese input method) and lower
    case are accepted; raises ValidationError for anything else."""
    cleaned = unicodedata.normalize("NFKC", text).translate(_FULL_WIDTH).strip().upper()
    cleaned = cleaned.removeprefix(QR_PREFIX).strip().removeprefix(LABEL).strip()
    match = _PATTERN.search(cleaned)
    if match is None:
        raise _not_a_fingerprint(text)
    form, arg, hexes = match.group(1), re.sub(r"\s+", "", match.group(2)), re.sub(r"[\s\-]", "", match.group(3))
    pattern = _ARG.get(form)
    if pattern is None or not pattern.fullmatch(arg) or len(hexes) not in (SHORT_HEX, 64):
        raise _not_a_fingerprint(text)
    if form == "M" or (form == "R" and "-" in arg):
        if not 1 <= int(arg[5:]) <= 12:
            raise _not_a_fingerprint(text)
    elif form in "LCW":
        try:
            arg = compress_ids(expand_ids(arg))
        except ValueError:
            raise _not_a_fingerprint(text) from None
    elif int(arg) < 1:
        raise _not_a_fingerprint(text)
    else:
        arg = str(int(arg))
    return Fingerprint(Rule(form, arg), hexes.lower())
