"""The layout kit: wrapping and pagination rules the forms rely on."""

from __future__ import annotations

import pytest

from desk_app.printing.fonts import TextMeasure
from desk_app.printing.form_footer import page_number_text
from desk_app.printing.ruled_table import Column, Para, RuledTable
from desk_app.printing.text_lines import TextStyle, wrap_text


@pytest.fixture(scope="module")
def measure() -> TextMeasure:
    return TextMeasure()


def test_chinese_wraps_anywhere_within_the_width(measure):
    text = "业主反映楼上装修噪音严重影响休息要求物业出面协调" * 3
    lines = wrap_text(text, 100, 9, measure)
    assert len(lines) > 3
    assert "".join(lines) == text
    assert all(measure.width(line, 9) <= 100.01 for line in lines)


def test_latin_words_and_numbers_stay_whole(measure):
    text = "车牌粤B32242与ABCD-1234登记，门岗已放行"
    for width in (60, 70, 80):
        lines = wrap_text(text, width, 9, measure)
        assert "".join(lines) == text
        assert any("B32242" in line for line in lines)
        assert any("ABCD-1234" in line for line in lines)


def test_a_word_longer_than_the_line_is_cut(measure):
    word = "X" * 60
    lines = wrap_text(word, 50, 9, measure)
    assert "".join(lines) == word
    assert all(measure.width(line, 9) <= 50.01 for line in lines)


def test_closing_punctuation_never_starts_a_line(measure):
    text = "一二三四五，六七八九十。" * 10
    for width in range(20, 120, 3):
        for line in wrap_text(text, width, 9, measure)[1:]:
            assert line[:1] not in "，。"


def test_explicit_newlines_start_new_lines(measure):
    assert wrap_text("第一行\n第二行", 200, 9, measure) == ["第一行", "第二行"]


def test_rows_are_paginated_and_a_too_tall_row_is_split(measure):
    table = RuledTable([Column("甲", 60), Column("乙", 200)], measure)
    tall = table.lay_out_row([[Para("1")], [Para("很长的内容" * 200)]])
    short = [table.lay_out_row([[Para(str(i))], [Para("短")]]) for i in range(5)]
    pages = table.paginate([*short, tall, *short], 300)
    assert len(pages) > 2
    assert all(p.height <= 300 for p in pages)
    lines = [line.text for p in pages for row in p.rows for line in row.cells[1]]
    assert "".join(lines).count("很长的内容") == 200


def test_an_empty_table_is_still_one_page(measure):
    table = RuledTable([Column("甲", 60)], measure)
    assert len(table.paginate([], 300)) == 1


def test_page_number_text():
    assert page_number_text(1, 2) == "第 1 页 共 2 页"
    assert TextStyle(size=10).line_height == 13


def test_printing_needs_no_qt():
    import subprocess
    import sys

    code = (
        "import sys; import desk_app.printing.logbook; "
        "assert not [m for m in sys.modules if m.startswith('PySide6')], 'Qt imported'"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_reportlab_draws_with_its_c_accelerator():
    """Every page's numbers and its QR code go through fp_str; without ReportLab's C
    accelerator (rl_accel, the reportlab[accel] extra) printing takes twice as long."""
    import inspect

    from reportlab.lib import rl_accel

    assert inspect.isbuiltin(rl_accel.fp_str)
    assert inspect.isbuiltin(rl_accel.asciiBase85Encode)


def test_the_qr_modules_are_a_square_with_its_three_finder_patterns():
    from desk_app.printing.form_footer import qr_modules

    modules = qr_modules("DD1:L:1-18,20:" + "9f3a" * 16)
    count = len(modules)
    assert all(len(row) == count for row in modules)
    assert (count - 17) % 4 == 0
    finder = [row[:7] for row in modules[:7]]
    assert finder[0] == [True] * 7 and finder[3] == [True, False, True, True, True, False, True]
    assert [row[-7:] for row in modules[:7]] == finder
    assert [row[:7] for row in modules[-7:]] == finder
