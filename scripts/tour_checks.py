"""What the screenshot tour checks on every screen it shows (Qt only, no DutyDesk import).

* ``clipped_texts(root)``: every visible label, button, check box, radio button, group-box
  title, tab and horizontal header section whose text needs more width than it has — the
  text's ``QFontMetrics.horizontalAdvance`` (mnemonic ``&`` removed) plus the padding the
  style adds when Qt computes the widget's size hint (button margins and frame, the check
  box's indicator, the tab's space, the header's margins and sort arrow) — or, for a
  word-wrapped label, more height than it has.
* ``english_words(root, allowed, user_data)``: every English word in what the screen shows
  — the window title, visible widgets' texts, combo box items, placeholders, tab texts,
  header sections, table and list cells, and the menus — except the names of things in
  ``ALLOWED`` and the user data given (account names, addresses…). Key names after
  ``Ctrl+``/``Alt+``/``Shift+`` and file paths are names too.

Each finding names the screen, the widget's class, its object path from the screen's root,
the text and the widths (needed/available, in pixels).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from PySide6 import QtGui
from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtGui import QFontMetrics, QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileSystemModel,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QStyle,
    QStyleOptionButton,
    QStyleOptionGroupBox,
    QTabBar,
    QTextEdit,
    QToolButton,
    QTreeView,
    QWidget,
)

# Names of things that stay as they are in the Chinese interface. Keep it short: a word
# that is not a name belongs in the translation.
ALLOWED = frozenset(
    {"PDF", "Excel", "Enter", "Ctrl", "Shift", "Alt", "Esc", "Tab", "ID", "OK", "DutyDesk", "English", "SMTP", "TLS"}
    | {"STARTTLS"}
)
MAX_ROWS = 200  # cells read per table: enough to see every kind of program-made text
MAX_CHOICES = 100  # a combo box with more choices is a list of names (time zones)

_KEYS = re.compile(r"\b(?:Ctrl|Alt|Shift|Meta)\+(?:F\d{1,2}|[A-Za-z0-9]+|\S)")
_PATH = re.compile(r"(?:[A-Za-z]:)?[/\\][\w.\-/\\]+|\b[\w.\-]+\.(?:sqlite|pdf|xlsx|ics|log|qm|db)\b")
_URL = re.compile(r"\b\w+://\S+|\b[\w.+-]+@[\w.-]+")
_MNEMONIC = re.compile(r"\(&\w\)|&(?=\w)")  # 文件(&F): the letter is a key
_COMMAND = re.compile(r"\bdesk-app(?:\s+[a-z][a-z-]*)?")  # the program's command line
_HOST = re.compile(r"\b[\w-]+(?:\.[\w-]+)+\b")
# A page's fingerprint, a record's digest, a file type's pattern, a time zone's name, a floor.
_CODE = re.compile(
    r"\b[0-9A-F]{4}(?:-[0-9A-F]{4})+\b|\bL:[\d,\-]+|\bsha256:[0-9a-f]+|\(\*\.[\w;*. ]+\)"
    r"|\b[A-Z][A-Za-z]+/[A-Za-z_\-]+(?:/[A-Za-z_\-]+)?"
    r"|(?<![A-Za-z])[A-Z]\d+(?![A-Za-z])"  # a floor or block: B2, A3
)
_EXAMPLE = re.compile(r"(?:例如|e\.g\.)\s*[A-Za-z0-9_.@-]+")  # an example of what to type
_WORD = re.compile(r"[A-Za-z]+")
_TAG = re.compile(r"<[^>]*>")
_ENTITY = re.compile(r"&(?:nbsp|amp|lt|gt|quot|#\d+);")


@dataclass(frozen=True)
class Finding:
    screen: str
    kind: str  # "clipped" or "english"
    widget: str  # the widget's class
    path: str  # its object path from the screen's root
    text: str
    need: int = 0
    have: int = 0

    def describe(self) -> str:
        widths = f" (needs {self.need} px, has {self.have} px)" if self.kind == "clipped" else ""
        return f"{self.screen}: {self.kind} {self.widget} at {self.path}: {self.text!r}{widths}"


def strip_mnemonic(text: str) -> str:
    """The text as drawn: a single ``&`` marks the shortcut letter, ``&&`` is an ampersand."""
    return re.sub(r"&(.)", r"\1", text)


def object_path(widget: QWidget, root: QWidget) -> str:
    """``Dialog > QGroupBox#rules > QPushButton`` from the root down to ``widget``."""
    parts: list[str] = []
    current: QWidget | None = widget
    while current is not None:
        name = type(current).__name__
        if current.objectName() and not current.objectName().startswith("qt_"):
            name += f"#{current.objectName()}"
        elif isinstance(current, QGroupBox) and current.title():
            name += f"[{current.title()}]"
        parts.append(name)
        if current is root:
            break
        current = current.parentWidget()
    return " > ".join(reversed(parts))


def visible_widgets(root: QWidget) -> Iterator[QWidget]:
    if root.isVisible():
        yield root
    for child in root.findChildren(QWidget):
        if child.isVisible() and child.width() > 0 and child.window() is root.window():
            yield child


def _lines_width(metrics: QFontMetrics, text: str) -> int:
    return max((metrics.horizontalAdvance(line) for line in text.split("\n")), default=0)


def _is_rich(label: QLabel) -> bool:
    fmt = label.textFormat()
    return fmt == Qt.TextFormat.RichText or (fmt == Qt.TextFormat.AutoText and QtGui.Qt.mightBeRichText(label.text()))


def _label_need(label: QLabel) -> tuple[int, int] | None:
    """(needed, available) width — or height for a word-wrapped label; None: nothing to check."""
    text = label.text()
    if not text or (label.pixmap() is not None and not label.pixmap().isNull()):
        return None
    if label.wordWrap():
        need = label.heightForWidth(label.width())
        return (need, label.height()) if need > 0 else None
    if _is_rich(label):
        doc = QTextDocument()
        doc.setDefaultFont(label.font())
        doc.setDocumentMargin(0)
        doc.setHtml(text)
        need = int(doc.idealWidth() + 0.999)
    else:
        shown = strip_mnemonic(text) if label.buddy() is not None else text
        need = _lines_width(label.fontMetrics(), shown)
    have = label.contentsRect().width() - 2 * label.margin() - max(label.indent(), 0)
    return need, have


def _button_need(button: QAbstractButton) -> tuple[int, int] | None:
    text = strip_mnemonic(button.text())
    if not text:
        return None
    style = button.style()
    need = _lines_width(button.fontMetrics(), text)
    if not button.icon().isNull():
        need += button.iconSize().width() + 4
    if isinstance(button, QCheckBox | QRadioButton):
        radio = isinstance(button, QRadioButton)
        indicator = style.pixelMetric(
            QStyle.PixelMetric.PM_ExclusiveIndicatorWidth if radio else QStyle.PixelMetric.PM_IndicatorWidth,
            None,
            button,
        )
        spacing = style.pixelMetric(
            QStyle.PixelMetric.PM_RadioButtonLabelSpacing if radio else QStyle.PixelMetric.PM_CheckBoxLabelSpacing,
            None,
            button,
        )
        need += indicator + spacing
    elif isinstance(button, QToolButton):
        if button.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly and not button.icon().isNull():
            return None
        need += 6  # QCommonStyle's CT_ToolButton padding
        if button.popupMode() == QToolButton.ToolButtonPopupMode.MenuButtonPopup:
            need += style.pixelMetric(QStyle.PixelMetric.PM_MenuButtonIndicator, None, button)
    else:
        option = QStyleOptionButton()
        option.initFrom(button)
        margin = style.pixelMetric(QStyle.PixelMetric.PM_ButtonMargin, option, button)
        frame = style.pixelMetric(QStyle.PixelMetric.PM_DefaultFrameWidth, option, button)
        need += 2 * margin + 2 * frame
        if isinstance(button, QPushButton) and button.menu() is not None:
            need += style.pixelMetric(QStyle.PixelMetric.PM_MenuButtonIndicator, option, button)
        if isinstance(button, QPushButton) and (button.isDefault() or button.autoDefault()):
            need += 2 * style.pixelMetric(QStyle.PixelMetric.PM_ButtonDefaultIndicator, option, button)
    return need, button.width()


def _group_need(box: QGroupBox) -> tuple[int, int] | None:
    title = strip_mnemonic(box.title())
    if not title:
        return None
    option = QStyleOptionGroupBox()
    option.initFrom(box)
    option.text = box.title()
    option.subControls = QStyle.SubControl.SC_GroupBoxLabel
    if box.isCheckable():
        option.subControls |= QStyle.SubControl.SC_GroupBoxCheckBox
    label = box.style().subControlRect(
        QStyle.ComplexControl.CC_GroupBox, option, QStyle.SubControl.SC_GroupBoxLabel, box
    )
    need = max(label.x(), 0) + box.fontMetrics().horizontalAdvance(title)
    if box.isCheckable():
        need += box.style().pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth, None, box) + 4
    return need, box.width()


def _tab_findings(bar: QTabBar) -> Iterator[tuple[str, int, int]]:
    space = bar.style().pixelMetric(QStyle.PixelMetric.PM_TabBarTabHSpace, None, bar)
    for i in range(bar.count()):
        if not bar.isTabVisible(i):
            continue
        text = strip_mnemonic(bar.tabText(i))
        need = bar.fontMetrics().horizontalAdvance(text) + space
        if not bar.tabIcon(i).isNull():
            need += bar.iconSize().width() + 4
        for side in (QTabBar.ButtonPosition.LeftSide, QTabBar.ButtonPosition.RightSide):
            extra = bar.tabButton(i, side)
            if extra is not None:
                need += extra.width()
        yield text, need, bar.tabRect(i).width()


def _header_findings(header: QHeaderView) -> Iterator[tuple[str, int, int]]:
    model = header.model()
    if model is None or header.orientation() != Qt.Orientation.Horizontal:
        return
    style = header.style()
    margin = style.pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
    arrow = style.pixelMetric(QStyle.PixelMetric.PM_HeaderMarkSize, None, header)
    metrics = QFontMetrics(header.font())
    for section in range(header.count()):
        if header.isSectionHidden(section):
            continue
        text = model.headerData(section, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
        if not isinstance(text, str) or not text:
            continue
        need = _lines_width(metrics, text) + 2 * margin
        if header.isSortIndicatorShown() and header.sortIndicatorSection() == section:
            need += arrow + margin
        yield text, need, header.sectionSize(section)


def clipped_texts(root: QWidget, screen: str) -> list[Finding]:
    found: list[Finding] = []

    def add(widget: QWidget, text: str, need: int, have: int) -> None:
        if need > have:
            found.append(Finding(screen, "clipped", type(widget).__name__, object_path(widget, root), text, need, have))

    for widget in visible_widgets(root):
        if isinstance(widget, QLabel):
            if (measured := _label_need(widget)) is not None:
                add(widget, widget.text(), *measured)
        elif isinstance(widget, QAbstractButton):
            if (measured := _button_need(widget)) is not None:
                add(widget, widget.text(), *measured)
        elif isinstance(widget, QGroupBox):
            if (measured := _group_need(widget)) is not None:
                add(widget, widget.title(), *measured)
        elif isinstance(widget, QTabBar):
            for text, need, have in _tab_findings(widget):
                add(widget, text, need, have)
        elif isinstance(widget, QHeaderView):
            for text, need, have in _header_findings(widget):
                add(widget, text, need, have)
    return found


# -- English words ------------------------------------------------------------------------------
def _plain(text: str) -> str:
    return _ENTITY.sub(" ", _TAG.sub(" ", text))


def _columns(model: QAbstractItemModel, parent: QModelIndex) -> int:
    try:
        return model.columnCount(parent)
    except TypeError:  # a list model keeps columnCount private: one column
        return 1


def _cells(view: QAbstractItemView) -> Iterator[str]:
    model = view.model()
    if model is None:
        return
    hidden = getattr(view, "isColumnHidden", lambda _c: False)
    if isinstance(model, QFileSystemModel) or view.objectName() == "sidebar":
        # The file names are the user's; the dates follow the system's locale.
        shown = hidden
        hidden = lambda column: column in (0, 3) or shown(column)  # noqa: E731
    tree = isinstance(view, QTreeView)

    def walk(parent: QModelIndex, budget: list[int]) -> Iterator[str]:
        for row in range(model.rowCount(parent)):
            if budget[0] <= 0:
                return
            budget[0] -= 1
            for column in range(_columns(model, parent)):
                if hidden(column):
                    continue
                index = model.index(row, column, parent)
                value = model.data(index, Qt.ItemDataRole.DisplayRole)
                if isinstance(value, str) and value:
                    yield value
            first = model.index(row, 0, parent)
            if tree and model.rowCount(first) > 0:
                yield from walk(first, budget)

    yield from walk(QModelIndex(), [MAX_ROWS])


def _menu_texts(menu: QMenu) -> Iterator[str]:
    for action in menu.actions():
        if action.text():
            yield action.text()
        if action.menu() is not None:
            yield from _menu_texts(action.menu())


def shown_texts(root: QWidget) -> Iterator[tuple[QWidget, str]]:
    """Every text the screen shows, with the widget that shows it."""
    if root.windowTitle():
        yield root, root.windowTitle()
    if isinstance(root, QMainWindow):
        for action in root.menuBar().actions():
            yield root.menuBar(), action.text()
            if action.menu() is not None:
                for text in _menu_texts(action.menu()):
                    yield root.menuBar(), text
    for widget in visible_widgets(root):
        texts: Iterable[str] = ()
        if isinstance(widget, QLabel):
            texts = [_plain(widget.text()) if _is_rich(widget) else widget.text()]
        elif isinstance(widget, QAbstractButton):
            texts = [widget.text()]
        elif isinstance(widget, QGroupBox):
            texts = [widget.title()]
        elif isinstance(widget, QTabBar):
            texts = [widget.tabText(i) for i in range(widget.count())]
        elif isinstance(widget, QHeaderView):
            model = widget.model()
            if model is not None and widget.orientation() == Qt.Orientation.Horizontal:
                texts = [
                    str(model.headerData(s, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) or "")
                    for s in range(widget.count())
                ]
        elif isinstance(widget, QComboBox):  # its choices; a long list (time zones) only as shown
            many = widget.count() > MAX_CHOICES
            texts = [widget.currentText()] if many else [widget.itemText(i) for i in range(widget.count())]
            if widget.isEditable() and widget.lineEdit() is not None:
                texts = [*texts, widget.lineEdit().placeholderText()]
        elif isinstance(widget, QLineEdit | QTextEdit | QPlainTextEdit):
            texts = [widget.placeholderText()]
        elif isinstance(widget, QAbstractItemView) and not isinstance(widget.parentWidget(), QComboBox):
            texts = _cells(widget)
        if isinstance(widget, QDialog | QMainWindow) and widget is not root and widget.windowTitle():
            texts = [*texts, widget.windowTitle()]
        for text in texts:
            if text:
                yield widget, text


def english_in(text: str, allowed: Iterable[str] = ALLOWED, user_data: Iterable[str] = ()) -> list[str]:
    """The English words of ``text`` that are neither names of things nor user data."""
    for data in sorted(set(user_data), key=len, reverse=True):
        if data:
            text = text.replace(data, " ")
    text = _MNEMONIC.sub("", _KEYS.sub(" ", text))
    for pattern in (_URL, _CODE, _PATH, _COMMAND, _HOST, _EXAMPLE):
        text = pattern.sub(" ", text)
    names = set(allowed)
    return [word for word in _WORD.findall(text) if word not in names]


def english_words(
    root: QWidget, screen: str, allowed: Iterable[str] = ALLOWED, user_data: Iterable[str] = ()
) -> list[Finding]:
    allowed, user_data = frozenset(allowed), frozenset(user_data)
    found: list[Finding] = []
    seen: set[tuple[str, str]] = set()
    for widget, text in shown_texts(root):
        words = english_in(text, allowed, user_data)
        if not words:
            continue
        path = object_path(widget, root)
        if (path, text) in seen:
            continue
        seen.add((path, text))
        found.append(Finding(screen, "english", type(widget).__name__, path, f"{text} [{' '.join(words)}]"))
    return found
