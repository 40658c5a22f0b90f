"""The entry line: a clerk logs what happened without touching the mouse.

Ctrl+N (from any tab of the window) focuses the situation field, the category is picked by
typing its number (1-9) in the category box or with Alt+1…Alt+9 anywhere in the bar, Enter
saves from any field of the bar (the check box and the time included), Esc clears. The time
follows the clock until the clerk changes it; an earlier time asks for a reason.

Nothing typed is lost: a refused save keeps the text and says why beside it, and what is
typed and not saved is kept as this clerk's draft (``DraftKeeper``) through a sign-out, the
idle lock or a power cut, and put back when the same clerk signs in again.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QCoreApplication, Qt, QTime, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTimeEdit,
    QWidget,
)

from desk_app.domain.categories import MANUAL_CATEGORIES, LogCategory
from desk_app.domain.roles import Actor
from desk_app.domain.text_rules import HANDLING_MAX, REASON_MAX, SITUATION_MAX
from desk_app.services.container import Services
from desk_app.services.log import LogEntryView
from desk_app.ui.drafts import DraftKeeper
from desk_app.ui.service_dialog import attempt
from desk_app.ui.widgets_common import ERROR_COLOR, OK_COLOR

CATEGORIES = list(MANUAL_CATEGORIES)
DRAFT_FORM = "log_entry"
OK, ERROR = OK_COLOR, ERROR_COLOR


def category_label(category: LogCategory) -> str:
    """ "3 Repair": the number is what a clerk types to pick it (program-written ones have none)."""
    name = QCoreApplication.translate("LogCategory", category.label)
    if category not in CATEGORIES:
        return name
    return f"{CATEGORIES.index(category) + 1} {name}"


def fill_category_combo(combo: QComboBox) -> None:
    for category in CATEGORIES:
        combo.addItem(category_label(category), category.value)


def combo_category(combo: QComboBox) -> LogCategory | None:
    """The category chosen in a combo filled by ``fill_category_combo`` (None = "all")."""
    value = combo.currentData()
    return LogCategory(value) if value else None


class EntryBar(QWidget):
    saved = Signal(object)  # LogEntryView

    def __init__(self, services: Services, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._actor = actor
        self._time_pinned = False

        self.category = QComboBox()
        fill_category_combo(self.category)
        self.category.setToolTip(self.tr("Type the number of a category, or Alt+1 … Alt+9"))
        self.situation = QLineEdit()
        self.situation.setPlaceholderText(self.tr("Situation: what happened, where, who (Ctrl+N)"))
        self.situation.setMaxLength(SITUATION_MAX + 50)  # over-long text gets a clear message
        self.handling = QLineEdit()
        self.handling.setPlaceholderText(self.tr("Handling and result"))
        self.handling.setMaxLength(HANDLING_MAX + 50)
        self.time = QTimeEdit()
        self.time.setDisplayFormat("HH:mm")
        self.time.setToolTip(self.tr("When it happened; set an earlier time only with a reason"))
        # The reason has a label of its own beside it (a placeholder would vanish at the first
        # key, and the message line below must never be drawn over what is typed).
        self.reason = QLineEdit()
        self.reason.setMaxLength(REASON_MAX + 50)
        self.reason_label = QLabel(self.tr("Reason for the earlier time"))
        self.reason_label.setBuddy(self.reason)
        self._show_reason(False)
        self.follow_up = QCheckBox(self.tr("Needs follow-up"))
        self.save_button = QPushButton(self.tr("Save (Enter)"))
        self.save_button.setDefault(False)
        self.message = QLabel()
        self.message.setObjectName("entryMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("Category")), 0, 0)
        layout.addWidget(self.category, 0, 1)
        layout.addWidget(QLabel(self.tr("Time")), 0, 2)
        layout.addWidget(self.time, 0, 3)
        layout.addWidget(self.situation, 0, 4)
        layout.addWidget(self.handling, 0, 5)
        layout.addWidget(self.follow_up, 0, 6)
        layout.addWidget(self.save_button, 0, 7)
        # Under the time: why it is earlier (only while it is); then the message, on a line
        # of its own across the bar.
        layout.addWidget(self.reason_label, 1, 0, 1, 3, Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.reason, 1, 3, 1, 2)
        layout.addWidget(self.message, 2, 0, 1, 8)
        layout.setColumnStretch(4, 3)
        layout.setColumnStretch(5, 2)
        # Tab follows the order a clerk fills the line in: the reason right after the time
        # it explains, and Save last.
        order = [self.category, self.time, self.reason, self.situation, self.handling, self.follow_up]
        for first, second in zip(order, [*order[1:], self.save_button], strict=True):
            QWidget.setTabOrder(first, second)

        # Enter saves from every field of the bar: one shortcut for the whole bar, so the
        # check box, the category and the time field save too (and never save twice).
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            enter = QShortcut(QKeySequence(key), self)
            enter.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            enter.activated.connect(self.save)
        self.save_button.clicked.connect(self.save)
        for edit in (self.situation, self.handling, self.reason):
            edit.textEdited.connect(self._typed)
        self.time.timeChanged.connect(self._time_edited)
        for number, category in enumerate(CATEGORIES, start=1):
            shortcut = QShortcut(QKeySequence(f"Alt+{number}"), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda c=category: self.set_category(c))
        clear = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        clear.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        clear.activated.connect(self.clear)

        self._ticker = QTimer(self)
        self._ticker.timeout.connect(self._follow_clock)
        self._ticker.start(15_000)
        self._follow_clock()

        self.drafts = DraftKeeper(
            services,
            actor,
            DRAFT_FORM,
            {
                "category": self.category,
                "situation": self.situation,
                "handling": self.handling,
                "reason": self.reason,
                "follow_up": self.follow_up,
                "time": (self._pinned_time, self._restore_time),
            },
            self,
        )
        self.drafts.restore_into(
            self.message, self.tr("Put back what you typed at {time} and did not save. Esc clears it.")
        )

    # -- public ------------------------------------------------------------------------
    def focus_entry(self) -> None:
        """The situation field, with the cursor after what is there: never selected, so the
        next key adds to unsaved text instead of replacing it."""
        self.situation.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.situation.deselect()
        self.situation.end(False)

    def set_category(self, category: LogCategory) -> None:
        self.category.setCurrentIndex(CATEGORIES.index(category))

    def clear(self) -> None:
        for edit in (self.situation, self.handling, self.reason):
            edit.clear()
        self.follow_up.setChecked(False)
        self._time_pinned = False
        self._follow_clock()
        self.message.clear()
        self.drafts.discard()

    def save(self) -> LogEntryView | None:
        """Validate and store; on a rule's refusal show why and keep what was typed."""
        self.message.clear()  # the last "saved" must not stand beside text not saved
        entry = attempt(
            lambda: self._services.log.add(
                self._actor,
                LogCategory(self.category.currentData()),
                self.situation.text(),
                self.handling.text(),
                occurred_at=self._chosen_time(),
                backdate_reason=self.reason.text(),
                follow_up=self.follow_up.isChecked(),
            ),
            self._show_error,
        )
        if entry is None:
            return None
        self.clear()
        self._say(self.tr("Saved as #{id} at {time}.").format(id=entry.id, time=f"{entry.occurred_at:%H:%M}"), OK)
        self.situation.setFocus()
        self.saved.emit(entry)
        return entry

    # -- time handling -------------------------------------------------------------------
    def _now_local(self) -> datetime:
        return self._services.desk.now()

    def _follow_clock(self) -> None:
        if self._time_pinned:
            return
        now = self._now_local()
        self.time.blockSignals(True)
        self.time.setTime(QTime(now.hour, now.minute))
        self.time.blockSignals(False)
        self._show_reason(False)

    def _time_edited(self, _value: QTime) -> None:
        self._time_pinned = True
        chosen = self._chosen_time()
        earlier = chosen is not None and self._now_local() - chosen >= timedelta(minutes=1)
        self._show_reason(earlier)
        self.drafts.changed()

    def _show_reason(self, shown: bool) -> None:
        self.reason_label.setVisible(shown)
        self.reason.setVisible(shown)

    def _pinned_time(self) -> str:
        """The time for the draft: "" while it follows the clock."""
        return self.time.time().toString("HH:mm") if self._time_pinned else ""

    def _restore_time(self, value: object) -> None:
        parsed = QTime.fromString(str(value), "HH:mm")
        if value and parsed.isValid():
            self.time.setTime(parsed)  # pins it, and shows the reason field if it is earlier

    def _chosen_time(self) -> datetime | None:
        """The entry time: None (= now) unless the clerk changed the time field."""
        if not self._time_pinned:
            return None
        now = self._now_local()
        value = self.time.time()
        chosen = now.replace(hour=value.hour(), minute=value.minute(), second=0, microsecond=0)
        if chosen - now > timedelta(hours=12):
            # 23:50 typed at 00:10 means yesterday evening (shifts cross midnight);
            # a time a little ahead stays in the future and is refused as such.
            chosen -= timedelta(days=1)
        return chosen

    def _typed(self, _text: str) -> None:
        if self.message.property("tone") == OK:
            self.message.clear()  # "saved as #4" no longer describes what is in the fields

    def _show_error(self, text: str) -> None:
        self._say(text, ERROR)

    def _say(self, text: str, tone: str) -> None:
        self.message.setStyleSheet(f"color: {tone};")
        self.message.setProperty("tone", tone)
        self.message.setText(text)
