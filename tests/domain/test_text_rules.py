"""What a person may type into a record that can never be edited."""

from __future__ import annotations

import pytest

from desk_app.domain.errors import ValidationError
from desk_app.domain.text_rules import FIELD_SITUATION, SITUATION_MAX, clean_text


def _clean(value: str | None, *, required: bool = True, multiline: bool = False, max_len: int = 10) -> str:
    return clean_text(value, field=FIELD_SITUATION, max_len=max_len, required=required, multiline=multiline)


def test_surrounding_blanks_are_stripped_and_inner_ones_kept() -> None:
    assert _clean("  3栋 漏水  ") == "3栋 漏水"
    assert _clean("\u3000漏水\u3000") == "漏水"  # ideographic space around the text


@pytest.mark.parametrize("value", [None, "", "   ", "\u3000", " \n "])
def test_empty_text_is_refused_when_required(value: str | None) -> None:
    with pytest.raises(ValidationError, match="must not be empty") as info:
        _clean(value)
    assert info.value.params["field"] == FIELD_SITUATION


@pytest.mark.parametrize("value", [None, "", "   "])
def test_empty_text_is_allowed_when_optional(value: str | None) -> None:
    assert _clean(value, required=False) == ""


def test_limit_is_inclusive_and_the_message_names_it() -> None:
    assert _clean("漏" * 10) == "漏" * 10
    with pytest.raises(ValidationError) as info:
        _clean("漏" * 11)
    assert "limit is 10" in info.value.english()
    assert "11 characters" in info.value.english()


def test_limit_counts_after_stripping_and_composing() -> None:
    assert _clean("  " + "a" * 10 + "  ") == "a" * 10
    # "e" + combining acute composes to one character under NFC.
    assert _clean("e\u0301" * 10) == "\u00e9" * 10


def test_the_real_situation_limit() -> None:
    text = "水" * SITUATION_MAX
    assert clean_text(text, field=FIELD_SITUATION, max_len=SITUATION_MAX, required=True) == text
    with pytest.raises(ValidationError, match=str(SITUATION_MAX)):
        clean_text(text + "水", field=FIELD_SITUATION, max_len=SITUATION_MAX, required=True)


@pytest.mark.parametrize("char", ["\x00", "\x07", "\t", "\x1b", "\x7f", "\x85", "\u2028", "\u2029", "\ue000", "\ud800"])
def test_control_and_unprintable_characters_are_refused(char: str) -> None:
    with pytest.raises(ValidationError):
        _clean(f"漏{char}水")


@pytest.mark.parametrize("char", ["\u202e", "\u202d", "\u2066", "\u200e", "\u200b", "\ufeff", "\u00ad"])
def test_invisible_format_characters_are_refused(char: str) -> None:
    # "付款\u202e001" would show as "付款100" while "001" is stored.
    with pytest.raises(ValidationError, match="control character"):
        _clean(f"付款{char}001")


def test_newline_is_allowed_only_in_multiline_fields() -> None:
    with pytest.raises(ValidationError, match="control character"):
        _clean("第一行\n第二行", max_len=20)
    assert _clean("第一行\n第二行", multiline=True, max_len=20) == "第一行\n第二行"


@pytest.mark.parametrize(
    "text",
    [
        "漏水😀",  # emoji outside the BMP
        "门禁\U00020000",  # CJK extension B: the shipped font cannot print it
        "ok\u2764\ufe0f",  # heart with the emoji variation selector
        "1\u20e3",  # keycap sequence
        "a\u200db",  # zero-width joiner
    ],
)
def test_characters_the_paper_form_cannot_print_are_refused(text: str) -> None:
    with pytest.raises(ValidationError, match="cannot be printed"):
        _clean(text)


@pytest.mark.parametrize(
    "text",
    ["3栋2单元厨房漏水", "Room 1203, 王先生", "已通知工程部（李工）。", "温度：25℃", "50% / 100_000", "a\\b"],
)
def test_ordinary_desk_text_passes_unchanged(text: str) -> None:
    assert _clean(text, max_len=100) == text
