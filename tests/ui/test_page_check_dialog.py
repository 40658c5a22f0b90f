"""核对纸页: a fingerprint typed or scanned into the dialog, looked up off the UI thread."""

from __future__ import annotations

import sqlite3

from desk_app.domain.categories import LogCategory
from desk_app.services import page_seal
from desk_app.ui.page_check_dialog import PageCheckDialog


def _entries(services, clerk, n: int = 5) -> page_seal.Seal:
    for i in range(n):
        services.log.add(clerk, LogCategory.PATROL, f"巡查第{i + 1}次", "正常")
    return page_seal.seal(services.db, page_seal.log_rule(range(1, n + 1)), services.desk.info().tz)


def _check(qtbot, dialog: PageCheckDialog, text: str) -> str:
    dialog.fingerprint.setText(text)
    dialog.fingerprint.returnPressed.emit()  # a scanner ends with Enter
    assert dialog.task is not None  # the lookup runs in the background
    qtbot.waitUntil(lambda: dialog.task is None, timeout=10_000)
    return dialog.answer.text()


def test_a_typed_fingerprint_matches_and_a_scanned_one_too(qapp, qtbot, services, clerk, tmp_path):
    seal = _entries(services, clerk)
    dialog = PageCheckDialog(services)
    qtbot.addWidget(dialog)
    dialog.show()
    assert "Matches: the database still holds exactly the 5 records" in _check(qtbot, dialog, seal.text)
    assert dialog.check_button.isEnabled()
    assert dialog.fingerprint.selectedText() == seal.text  # the next scan replaces it
    assert "Matches" in _check(qtbot, dialog, seal.qr_text)
    shot = tmp_path / "page-check-dialog.png"
    dialog.grab().save(str(shot))
    assert shot.exists()


def test_a_tampered_entry_and_a_made_up_fingerprint_are_named(qapp, qtbot, services, clerk):
    seal = _entries(services, clerk)
    with sqlite3.connect(services.db.url.removeprefix("sqlite:///"), isolation_level=None) as conn:
        for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'log_entry'"):
            conn.execute(f'DROP TRIGGER "{name}"')
        conn.execute("UPDATE log_entry SET handling = '已处理' WHERE id = 3")
    conn.close()
    dialog = PageCheckDialog(services)
    qtbot.addWidget(dialog)
    answer = _check(qtbot, dialog, seal.text)
    assert "Does NOT match: log entry #3 was changed behind the program's back" in answer
    assert "font-weight: bold" in dialog.answer.styleSheet()
    assert "never held these records" in _check(qtbot, dialog, "L:1-2 0000-0000-0000-0000")


def test_what_is_not_a_fingerprint_is_refused_at_once(qapp, qtbot, services, clerk):
    dialog = PageCheckDialog(services)
    qtbot.addWidget(dialog)
    dialog.fingerprint.setText("hello")
    assert dialog.check() is None  # nothing to look up
    assert "is not a page fingerprint" in dialog.answer.text()


def test_the_window_opens_it_from_the_file_menu(qapp, qtbot, services, clerk, monkeypatch):
    from PySide6.QtWidgets import QLabel

    from desk_app.ui import page_check_dialog
    from desk_app.ui.main_window import MainWindow

    opened: list[PageCheckDialog] = []
    monkeypatch.setattr(page_check_dialog.PageCheckDialog, "exec", lambda self: opened.append(self) or 0)
    window = MainWindow(services, clerk, lambda _s, _a, parent: QLabel("log", parent))
    qtbot.addWidget(window)
    menu_action = window.menuBar().actions()[0]
    assert window.check_page_action in menu_action.menu().actions()
    assert window.check_page_action.isEnabled()  # anyone at the desk may check a page
    window.check_page_action.trigger()
    assert len(opened) == 1 and opened[0].parent() is window
