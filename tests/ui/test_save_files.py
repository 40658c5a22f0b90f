"""Saving what the program made: Qt's own dialogs in Chinese (from source and from the
bundle's resources), the save dialog opening in Documents and then where this computer last
saved, and every written file confirmed with a way to open its folder."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QStandardPaths, Qt, QUrl
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from desk_app import local_settings
from desk_app.paths import translations_dir
from desk_app.ui import i18n, save_files
from desk_app.ui.documents import DocumentRunner, Output
from desk_app.ui.save_files import FileKind


@pytest.fixture(autouse=True)
def restore_locale():
    before = QLocale()
    yield
    QLocale.setDefault(before)


@pytest.fixture
def home(tmp_path, monkeypatch) -> Path:
    """A fresh user: an empty home with a Documents folder, the program run from elsewhere."""
    home = tmp_path / "home"
    (home / "Documents").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    program = tmp_path / "program"
    program.mkdir()
    monkeypatch.chdir(program)
    return home


@pytest.fixture
def dialogs(monkeypatch):
    """The save dialog answers with the next chosen path and records where it opened."""

    class Dialogs:
        opened_at: list[str] = []
        answers: list[Path] = []
        folders_opened: list[QUrl] = []

    def get_save_file_name(_parent, _title, start, _filter):
        Dialogs.opened_at.append(start)
        return (str(Dialogs.answers.pop(0)), "") if Dialogs.answers else ("", "")

    monkeypatch.setattr(QFileDialog, "getSaveFileName", get_save_file_name)
    monkeypatch.setattr(save_files.QDesktopServices, "openUrl", lambda url: Dialogs.folders_opened.append(url) or True)
    Dialogs.opened_at, Dialogs.answers, Dialogs.folders_opened = [], [], []
    return Dialogs


def _saved_box(parent: QWidget) -> QMessageBox:
    boxes = [box for box in parent.findChildren(QMessageBox) if box.objectName() == "fileSaved" and box.isVisible()]
    assert len(boxes) == 1
    return boxes[0]


# -- Qt's own strings ---------------------------------------------------------------------------
def test_qt_file_dialog_strings_are_chinese_after_installing_the_translators(qapp):
    i18n.install_translators(qapp, i18n.CHINESE)
    try:
        assert QCoreApplication.translate("QFileDialog", "Look in:") == "查找范围："
        assert QCoreApplication.translate("QFileDialog", "Files of type:") == "文件类型："
        assert QCoreApplication.translate("QFileDialog", "File &name:") != "File &name:"
    finally:
        i18n.remove_translators(qapp)
    assert QCoreApplication.translate("QFileDialog", "Look in:") == "Look in:"


def test_the_file_dialogs_type_column_is_chinese_where_qts_own_catalogue_has_nothing(qapp):
    """Qt asks these in QAbstractFileIconProvider (some with a disambiguation), a context
    qtbase_zh_CN lacks: the tour saw "Folder" and "Drive" in the Chinese save dialog."""
    i18n.install_translators(qapp, i18n.CHINESE)
    try:
        context = "QAbstractFileIconProvider"
        assert QCoreApplication.translate(context, "Folder", "All other platforms") == "文件夹"
        assert QCoreApplication.translate(context, "File Folder", "Match Windows Explorer") == "文件夹"
        assert QCoreApplication.translate(context, "Drive") == "驱动器"
        for text in i18n.QT_CATALOGUE_GAPS:
            assert QCoreApplication.translate(context, text) != text
    finally:
        i18n.remove_translators(qapp)


def test_the_bundle_finds_qt_translation_in_its_own_resources(qapp, tmp_path, monkeypatch):
    """Laid out as build_spec.spec lays it out, with Qt's own folder empty (as in a frozen
    program whose Qt has no translations folder): still Chinese."""
    bundle = tmp_path / "bundle"
    i18n_dir = bundle / "resources" / "i18n"
    i18n_dir.mkdir(parents=True)
    shutil.copy(translations_dir() / "dutydesk_zh_CN.qm", i18n_dir)
    files = i18n.qt_translation_files()
    assert [f.name for f in files] == ["qtbase_zh_CN.qm"] and all(f.is_file() for f in files)
    for path in files:
        shutil.copy(path, i18n_dir)
    empty = tmp_path / "qt-without-translations"
    empty.mkdir()

    class QtWithoutTranslations:
        LibraryPath = QLibraryInfo.LibraryPath

        @staticmethod
        def path(_which):
            return str(empty)

    monkeypatch.setattr(sys, "_MEIPASS", str(bundle), raising=False)
    monkeypatch.setattr(i18n, "QLibraryInfo", QtWithoutTranslations)
    assert translations_dir() == i18n_dir
    installed = i18n.install_translators(qapp, i18n.CHINESE)
    try:
        assert len(installed) == 2
        assert QCoreApplication.translate("QFileDialog", "Look in:") == "查找范围："
    finally:
        i18n.remove_translators(qapp)


def test_the_bundle_spec_copies_qt_translations():
    spec = (Path(__file__).resolve().parents[2] / "build_spec.spec").read_text(encoding="utf-8")
    assert 'datas += [(str(path), "resources/i18n") for path in qt_translation_files()]' in spec


# -- where the dialog opens, and the confirmation ------------------------------------------------
def test_the_save_dialog_opens_in_documents_then_where_this_computer_last_saved(qtbot, home, dialogs, tmp_path):
    parent = QWidget()
    qtbot.addWidget(parent)
    source = tmp_path / "made.pdf"
    source.write_bytes(b"%PDF-1.4 test")
    documents = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation))
    assert documents == home / "Documents"
    usb = tmp_path / "usb"
    usb.mkdir()

    dialogs.answers.append(usb / "值班记录表")
    saved = save_files.save_copy(parent, source, FileKind.PDF, "值班记录表_2026-11-24.pdf")
    assert Path(dialogs.opened_at[0]) == documents / "值班记录表_2026-11-24.pdf"  # not the program's folder
    assert saved == usb / "值班记录表.pdf" and saved.read_bytes() == source.read_bytes()
    assert local_settings.last_save_folder() == usb  # this computer's setting
    _saved_box(parent).close()

    # The next save, of any kind, opens where the last one went.
    assert save_files.save_copy(parent, source, FileKind.EXCEL, "list.xlsx") is None  # cancelled
    assert Path(dialogs.opened_at[1]) == usb / "list.xlsx"
    assert not [box for box in parent.findChildren(QMessageBox) if box.isVisible()]  # nothing written, nothing said

    # A remembered folder that is gone (the USB drive is out): Documents again.
    shutil.rmtree(usb)
    save_files.save_copy(parent, source, FileKind.CALENDAR, "排班.ics")
    assert Path(dialogs.opened_at[2]) == documents / "排班.ics"


def test_a_written_file_is_confirmed_with_a_button_that_opens_its_folder(qtbot, home, dialogs, tmp_path):
    parent = QWidget()
    qtbot.addWidget(parent)
    source = tmp_path / "roster.xlsx"
    source.write_bytes(b"PK fake workbook")
    dialogs.answers.append(home / "Documents" / "值班安排表.xlsx")
    saved = save_files.save_copy(parent, source, FileKind.EXCEL)
    assert saved == home / "Documents" / "值班安排表.xlsx"

    box = _saved_box(parent)
    assert box.text() == f"Saved 值班安排表.xlsx in {home / 'Documents'}."
    assert box.windowModality() != Qt.WindowModality.ApplicationModal  # the program goes on
    open_button = next(b for b in box.buttons() if b.text() == "Open folder")
    open_button.click()
    assert dialogs.folders_opened == [QUrl.fromLocalFile(str(home / "Documents"))]
    qtbot.waitUntil(lambda: not box.isVisible())


def test_the_confirmation_is_chinese(qtbot, qapp, home, tmp_path):
    i18n.install_translators(qapp, i18n.CHINESE)
    try:
        parent = QWidget()
        qtbot.addWidget(parent)
        target = home / "Documents" / "值班记录表.pdf"
        target.write_bytes(b"%PDF")
        box = save_files.confirm_saved(parent, target)
        assert box.text() == f"已将 值班记录表.pdf 保存到 {home / 'Documents'}。"
        assert {b.text() for b in box.buttons()} == {"打开文件夹", "确定"}
        box.close()
    finally:
        i18n.remove_translators(qapp)


def test_a_document_made_in_the_background_is_saved_and_confirmed(qtbot, home, dialogs):
    """The path every tab's Save as PDF / Export takes (DocumentRunner)."""
    parent = QWidget()
    qtbot.addWidget(parent)
    documents = DocumentRunner(parent)
    dialogs.answers.append(home / "Documents" / "工单.xlsx")
    task = documents.start(lambda target, _progress: target.write_bytes(b"PK workbook"), "工单.xlsx", Output.SAVE_EXCEL)
    qtbot.waitUntil(lambda: bool(dialogs.opened_at), timeout=10_000)
    assert task is documents.task
    assert (home / "Documents" / "工单.xlsx").read_bytes() == b"PK workbook"
    assert "工单.xlsx" in _saved_box(parent).text()


def test_a_name_typed_without_its_suffix_does_not_replace_a_file_unasked(qtbot, home, dialogs, tmp_path, monkeypatch):
    """Qt's own dialog asked about "值班记录" and saw no clash; the file written is
    "值班记录.pdf", which exists: asked here, kept on No, replaced on Yes."""
    parent = QWidget()
    qtbot.addWidget(parent)
    source = tmp_path / "made.pdf"
    source.write_bytes(b"%PDF-1.4 new")
    existing = home / "Documents" / "值班记录.pdf"
    existing.write_bytes(b"%PDF-1.4 signed yesterday")
    questions: list[str] = []
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]

    def question(_parent, _title, text, *_args):
        questions.append(text)
        return answers.pop(0)

    monkeypatch.setattr(QMessageBox, "question", question)
    dialogs.answers.append(home / "Documents" / "值班记录")
    assert save_files.save_copy(parent, source, FileKind.PDF) is None
    assert existing.read_bytes() == b"%PDF-1.4 signed yesterday"
    assert "值班记录.pdf" in questions[0]
    dialogs.answers.append(home / "Documents" / "值班记录")
    assert save_files.save_copy(parent, source, FileKind.PDF) == existing
    assert existing.read_bytes() == b"%PDF-1.4 new"
