"""The shared desk computer locks itself after the idle time (the clock is injected)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit

from desk_app.domain.errors import PermissionDenied, ValidationError
from desk_app.ui.main_window import MainWindow
from tests.conftest import CLERK_PASSWORD


def plain_tab(services, actor, parent):
    return QLabel("log tab stand-in", parent)


@pytest.fixture
def window(qtbot, services, clerk):
    widget = MainWindow(services, clerk, plain_tab)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_ten_quiet_minutes_lock_the_window_and_hide_every_record(qtbot, window, clock):
    dialog = QDialog(window)
    dialog.setWindowTitle("a ticket being registered")
    typed = QLineEdit(dialog)
    typed.setText("3栋2单元漏水")  # half-typed work
    dialog.setModal(True)
    dialog.show()
    position = dialog.pos()
    clock.advance(timedelta(minutes=9, seconds=59))
    assert not window.idle_watch.check() and not window.locked
    clock.advance(timedelta(seconds=1))
    assert window.idle_watch.check()
    assert window.locked
    assert not window.tabs.isVisible() and window.lock_page.isVisible()
    assert window.lock_page.windowModality() == Qt.WindowModality.ApplicationModal  # above the open dialog
    assert not window.menuBar().isEnabled()
    # The open dialog is out of sight and disabled, but not closed: nothing typed is lost.
    assert dialog.isVisible() and not dialog.isEnabled()
    assert not dialog.frameGeometry().intersects(window.screen().geometry())
    assert "王丽" in window.lock_page.explanation.text() and "10 minutes" in window.lock_page.explanation.text()
    window.lock_page.reject()  # Esc does not open the lock
    assert window.lock_page.isVisible()

    window.lock_page.password.setText("wrong")
    assert not window.lock_page.unlock()
    assert window.locked and window.lock_page.message.text()
    window.lock_page.password.setText(CLERK_PASSWORD)
    assert window.lock_page.unlock()
    assert not window.locked and window.tabs.isVisible() and not window.lock_page.isVisible()
    assert dialog.isEnabled() and dialog.pos() == position and typed.text() == "3栋2单元漏水"


def test_any_key_or_mouse_movement_restarts_the_count(qtbot, window, clock):
    clock.advance(timedelta(minutes=8))
    qtbot.mouseMove(window, QPoint(20, 20))
    qtbot.keyClick(window, Qt.Key.Key_Shift)
    clock.advance(timedelta(minutes=8))
    assert not window.idle_watch.check() and not window.locked
    clock.advance(timedelta(minutes=3))
    assert window.idle_watch.check() and window.locked


def test_the_next_person_signs_in_from_the_lock(qtbot, window, clock):
    dialog = QDialog(window)
    dialog.show()
    clock.advance(timedelta(minutes=11))
    window.idle_watch.check()
    with qtbot.waitSignal(window.signed_out):
        window.lock_page.other_button.click()
    assert dialog.result() == QDialog.DialogCode.Rejected  # the previous person's dialog is cancelled


def test_the_supervisor_sets_the_idle_time(qtbot, services, supervisor, clerk, clock):
    services.desk.set_idle_lock_minutes(supervisor, 3)
    with pytest.raises(PermissionDenied):
        services.desk.set_idle_lock_minutes(clerk, 60)
    with pytest.raises(ValidationError):
        services.desk.set_idle_lock_minutes(supervisor, 0)
    widget = MainWindow(services, clerk, plain_tab)
    qtbot.addWidget(widget)
    clock.advance(timedelta(minutes=3))
    assert widget.idle_watch.check() and widget.locked
