"""The screenshot tour (scripts/screenshot_tour.py) in the suite: the whole program walked in
Chinese and in English, no text clipped, and no English word in the Chinese interface but the
names of things. The checks themselves are tried first on widgets made to fail them."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QCheckBox, QGroupBox, QLabel, QPushButton, QTableView, QTabWidget, QVBoxLayout, QWidget

from scripts.screenshot_tour import LANGUAGES, run_tour
from scripts.tour_checks import clipped_texts, english_in, english_words

# pytest-qt keeps every Qt message as a record; the walk prints Qt's offscreen notes.
pytestmark = pytest.mark.no_qt_log


def _screen(qtbot, *widgets: QWidget) -> QWidget:
    root = QWidget()
    qtbot.addWidget(root)
    layout = QVBoxLayout(root)
    for widget in widgets:
        layout.addWidget(widget)
    root.show()
    qtbot.waitExposed(root)
    return root


def test_a_button_narrower_than_its_text_is_found(qtbot):
    narrow, wide = QPushButton("Registers and reports…"), QPushButton("&Save")
    narrow.setFixedWidth(60)
    root = _screen(qtbot, narrow, wide)
    found = clipped_texts(root, "screen")
    assert [(f.widget, f.text) for f in found] == [("QPushButton", "Registers and reports…")]
    assert found[0].need > found[0].have == 60
    assert "QWidget > QPushButton" in found[0].describe()


def test_labels_check_boxes_and_group_titles_that_do_not_fit_are_found(qtbot):
    label, check = QLabel("The back-dated time needs a reason"), QCheckBox("Follow up")
    box = QGroupBox("Open follow-ups")
    label.setFixedWidth(80)
    check.setFixedWidth(40)
    box.setFixedWidth(50)
    fits = QLabel("OK")
    wrapped = QLabel("a long sentence that wraps over several lines " * 4)
    wrapped.setWordWrap(True)
    wrapped.setFixedSize(120, 20)  # too low for its lines
    root = _screen(qtbot, label, check, box, fits, wrapped)
    kinds = sorted(f.widget for f in clipped_texts(root, "screen"))
    assert kinds == ["QCheckBox", "QGroupBox", "QLabel", "QLabel"]


def test_squeezed_tabs_and_header_sections_are_found(qtbot):
    tabs = QTabWidget()
    tabs.tabBar().setElideMode(Qt.TextElideMode.ElideRight)
    tabs.tabBar().setUsesScrollButtons(False)
    for name in ("Shift log", "Handover", "Tickets", "Roster"):
        tabs.addTab(QWidget(), name)
    tabs.setFixedWidth(120)
    table = QTableView()
    model = QStandardItemModel(1, 2)
    model.setHorizontalHeaderLabels(["A long header text", "Fits"])
    table.setModel(model)
    table.horizontalHeader().resizeSection(0, 40)
    table.horizontalHeader().setStretchLastSection(False)
    root = _screen(qtbot, tabs, table)
    found = clipped_texts(root, "screen")
    assert {f.widget for f in found} == {"QTabBar", "QHeaderView"}


def test_english_words_except_the_names_of_things_and_user_data():
    assert english_in("回访 还剩 4d 22:16") == ["d"]
    assert english_in("超时 13d 12:51") == ["d"]
    assert english_in("文件(&F)") == []
    assert english_in("保存为 PDF（Ctrl+S）；按 Enter 保存") == []
    assert english_in("恢复时运行“desk-app restore 文件”") == []
    assert english_in("时区 Asia/Shanghai") == []
    assert english_in("巡查地下车库B1、B2层") == []  # floors are names
    assert english_in("Look in:") == ["Look", "in"]
    assert english_in("当前登录：王丽（wang）") == ["wang"]
    assert english_in("当前登录：王丽（wang）", user_data={"wang"}) == []


def test_english_words_are_found_in_titles_labels_and_cells(qtbot):
    label = QLabel("还剩 4d")
    table = QTableView()
    table.setModel(QStringListModel(["已关闭", "closed"]))
    root = _screen(qtbot, label, table)
    root.setWindowTitle("Print preview")
    texts = sorted(f.text for f in english_words(root, "screen"))
    assert texts == ["Print preview [Print preview]", "closed [closed]", "还剩 4d [d]"]


def test_the_tour_in_chinese_and_english_finds_nothing_clipped_and_no_english(qapp, tmp_path):
    started = time.perf_counter()
    walks = run_tour(tmp_path, LANGUAGES)
    seconds = time.perf_counter() - started
    assert [w.language for w in walks] == list(LANGUAGES)
    names = [[shot.name for shot in walk.shots] for walk in walks]
    assert names[0] == names[1], "both languages walk the same screens"
    shown = set(names[0])
    for expected in (
        "first-start-setup",
        "sign-in",
        "clerk-tab-1",
        "clerk-tab-4",
        "handover-step-1-records",
        "handover-step-5-sign",
        "handover-details",
        "handover-print-preview",
        "ticket-register",
        "admin-accounts",
        "roster-rules",
        "locked",
    ):
        assert expected in shown
    for walk in walks:
        for shot in walk.shots:
            assert shot.path.stat().st_size > 1000, shot.path
    findings = [f for walk in walks for f in walk.findings]
    first = {(f.kind, f.path, f.text): f for f in reversed(findings)}  # each once, where first seen
    unique = [f.describe() for f in findings if first[(f.kind, f.path, f.text)] is f]
    assert not findings, f"{len(unique)} findings in {seconds:.0f} s:\n" + "\n".join(unique)
