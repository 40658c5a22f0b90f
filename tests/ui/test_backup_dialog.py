"""Backups and locking, from the Admin menu."""

from __future__ import annotations

from desk_app import local_settings
from desk_app.domain.categories import LogCategory
from desk_app.ui.backup_dialog import BackupDialog


def test_choose_a_folder_back_up_now_and_set_the_idle_lock(qtbot, services, supervisor, tmp_path):
    services.log.add(supervisor, LogCategory.PATROL, "巡查")
    dialog = BackupDialog(services, supervisor)
    qtbot.addWidget(dialog)
    usb = tmp_path / "usb"
    dialog.set_folder(usb)
    assert local_settings.backup_folder() == usb  # this computer's setting, for the next start
    assert dialog.list.item(0).text() == "No backups in this folder yet."
    task = dialog.back_up_now()
    assert task is not None
    qtbot.waitUntil(lambda: dialog.now_button.isEnabled(), timeout=10_000)
    assert "Backed up to" in dialog.message.text()
    assert len(list(usb.glob("dutydesk-manual-*.sqlite"))) == 1
    assert "dutydesk-manual-" in dialog.list.item(0).text()
    dialog.idle.setValue(5)
    assert dialog.save_idle()
    assert services.desk.idle_lock_minutes() == 5


def test_a_clerk_cannot_change_the_idle_lock(qtbot, services, clerk):
    dialog = BackupDialog(services, clerk)
    qtbot.addWidget(dialog)
    dialog.idle.setValue(120)
    assert not dialog.save_idle()
    assert services.desk.idle_lock_minutes() == 10


def test_a_backup_made_now_is_confirmed_and_the_folder_dialog_opens_at_the_folder(
    qtbot, services, supervisor, tmp_path, monkeypatch
):
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    usb = tmp_path / "usb"
    usb.mkdir()
    other = tmp_path / "share"
    other.mkdir()
    opened_at: list[str] = []

    def choose(_parent, _title, start):
        opened_at.append(start)
        return str(other)

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", choose)
    dialog = BackupDialog(services, supervisor)
    qtbot.addWidget(dialog)
    dialog.set_folder(usb)
    dialog.choose_folder()
    assert opened_at == [str(usb)] and local_settings.backup_folder() == other

    dialog.back_up_now()
    qtbot.waitUntil(lambda: dialog.now_button.isEnabled(), timeout=10_000)
    (written,) = other.glob("dutydesk-manual-*.sqlite")
    boxes = [b for b in dialog.findChildren(QMessageBox) if b.objectName() == "fileSaved" and b.isVisible()]
    assert len(boxes) == 1 and written.name in boxes[0].text() and str(other) in boxes[0].text()
    assert "Open folder" in [b.text() for b in boxes[0].buttons()]
