"""What a text typed by a person may contain before it is stored for good.

Log entries can never be edited, so bad text is refused before it is written:
empty text, text over the limit, control characters, and characters the paper form
cannot print (emoji and anything outside the Basic Multilingual Plane, which the
shipped CJK font does not cover).
"""

from __future__ import annotations

import unicodedata

from desk_app.domain.errors import QT_TRANSLATE_NOOP, ValidationError

SITUATION_MAX = 500
HANDLING_MAX = 500
REASON_MAX = 200
REMARK_MAX = 200
NAME_MAX = 40

_INVISIBLE_JOINERS = {"\u200d", "\ufe0e", "\ufe0f", "\u20e3"}


def clean_text(
    value: str | None,
    *,
    field: str,
    max_len: int,
    required: bool,
    multiline: bool = False,
) -> str:
    """Return the text stripped of surrounding blanks, or raise ValidationError.

    ``field`` is an English field name (a translation source in context ``Field``).
    """
    text = unicodedata.normalize("NFC", value or "").strip()
    if not text:
        if required:
            raise ValidationError(QT_TRANSLATE_NOOP("DeskError", "{field} must not be empty."), field=field)
        return ""
    if len(text) > max_len:
        raise ValidationError(
            QT_TRANSLATE_NOOP("DeskError", "{field} is {length} characters long; the limit is {limit}."),
            field=field,
            length=len(text),
            limit=max_len,
        )
    for ch in text:
        if ch == "\n" and multiline:
            continue
        if ord(ch) > 0xFFFF or ch in _INVISIBLE_JOINERS:
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "DeskError",
                    "{field} contains {char!r}, which cannot be printed on the paper form "
                    "(emoji and rare symbols are not allowed).",
                ),
                field=field,
                char=ch,
            )
        category = unicodedata.category(ch)
        # Cf: invisible format characters, among them the bidi overrides (U+202E) that
        # make a text show differently from what is stored and signed.
        if category in ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"):
            raise ValidationError(
                QT_TRANSLATE_NOOP("DeskError", "{field} contains a control character (U+{code:04X})."),
                field=field,
                code=ord(ch),
            )
    return text


FIELD_SITUATION = QT_TRANSLATE_NOOP("Field", "Situation")
FIELD_HANDLING = QT_TRANSLATE_NOOP("Field", "Handling and result")
FIELD_REASON = QT_TRANSLATE_NOOP("Field", "Reason")
FIELD_REMARK = QT_TRANSLATE_NOOP("Field", "Remark")
FIELD_NAME = QT_TRANSLATE_NOOP("Field", "Name")
FIELD_UNIT = QT_TRANSLATE_NOOP("Field", "Unit")  # of measure: 把, 台, 个
FIELD_ITEM = QT_TRANSLATE_NOOP("Field", "Item name")  # a line of the handover's item list
FIELD_DESCRIPTION = QT_TRANSLATE_NOOP("Field", "Description")
FIELD_USERNAME = QT_TRANSLATE_NOOP("Field", "User name")
FIELD_DESK_NAME = QT_TRANSLATE_NOOP("Field", "Desk name")


def check_whole_number(value: int | None, low: int, high: int, field: str) -> None:
    """A count or a number of minutes someone typed: a whole number in ``low``..``high``
    (None passes: "not set")."""
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise ValidationError(
            QT_TRANSLATE_NOOP("DeskError", "{field} must be a whole number from {low} to {high}."),
            field=field,
            low=low,
            high=high,
        )
