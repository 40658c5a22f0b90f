"""The grid's right-click menu on a person's day: the shifts, a day off, clear and lock (what
the keys do, for a supervisor), and a wish for the day (one's own, or anyone's for a
supervisor). Its strings are the roster tab's (context ``RosterTab``)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtWidgets import QMenu, QWidget

from desk_app.domain.roster import WishKind
from desk_app.ui.roster_tab.model import RosterGridModel

# ask_wish(kind, template id or None for any shift / the whole day)
AskWish = Callable[[WishKind, int | None], object]


def cell_menu(
    parent: QWidget,
    model: RosterGridModel,
    index: QModelIndex,
    *,
    may_wish: bool,
    ask_wish: AskWish,
    remove_wish: Callable[[], object],
) -> QMenu:
    menu = QMenu(parent)
    if model.flags(index) & Qt.ItemFlag.ItemIsEditable:
        for n, template in enumerate(model.templates, start=1):
            action = menu.addAction(f"{n}  {template.name} {template.span_text()}")
            action.triggered.connect(lambda _c=False, t=template.id: model.setData(index, t))
        menu.addSeparator()
        menu.addAction(QCoreApplication.translate("RosterTab", "X  Day off (kept by the generator)")).triggered.connect(
            lambda: model.setData(index, "off")
        )
        menu.addAction(QCoreApplication.translate("RosterTab", "0  Clear")).triggered.connect(
            lambda: model.setData(index, None)
        )
        menu.addAction(QCoreApplication.translate("RosterTab", "L  Lock / unlock")).triggered.connect(
            lambda: model.toggle_lock(index)
        )
        menu.addSeparator()
    if may_wish:
        wishes = menu.addMenu(QCoreApplication.translate("RosterTab", "Wish for this day"))
        wishes.addAction(QCoreApplication.translate("RosterTab", "Day off")).triggered.connect(
            lambda: ask_wish(WishKind.OFF, None)
        )
        wishes.addAction(QCoreApplication.translate("RosterTab", "Work, any shift")).triggered.connect(
            lambda: ask_wish(WishKind.ON, None)
        )
        for template in model.templates:
            wishes.addAction(
                QCoreApplication.translate("RosterTab", "Work {shift}").format(shift=template.name)
            ).triggered.connect(lambda _c=False, t=template.id: ask_wish(WishKind.ON, t))
        wishes.addAction(QCoreApplication.translate("RosterTab", "No wish")).triggered.connect(lambda: remove_wish())
    return menu
