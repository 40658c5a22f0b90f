"""Dialogs whose buttons call the services: a message line, and ``attempt`` to run a
service call and show in that line what a rule said when it says no.

A DeskError's message is shown as ``translate_error`` gives it (context ``DeskError``),
so moving a dialog onto this base loses no translation. Widgets that are not dialogs
(tabs, panels, wizard pages) use the function ``attempt`` with their own way to show it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Literal, TypeVar, overload

from PySide6.QtWidgets import QDialog, QLineEdit, QWidget

from desk_app.domain.errors import DeskError
from desk_app.ui.i18n import translate_error
from desk_app.ui.widgets_common import ERROR_STYLE, OK_STYLE, message_label

T = TypeVar("T")


@overload
def attempt(  # a call that returns nothing: True when done
    fn: Callable[[], None], show: Callable[[str], object], clear: Iterable[QLineEdit] = ()
) -> Literal[True] | None: ...
@overload
def attempt(fn: Callable[[], T], show: Callable[[str], object], clear: Iterable[QLineEdit] = ()) -> T | None: ...
def attempt(fn: Callable[[], object], show: Callable[[str], object], clear: Iterable[QLineEdit] = ()) -> object:
    """Run ``fn``: its result (True when it returns nothing), or None when a rule said no.

    Refused, the fields in ``clear`` (passwords) are emptied first, then ``show`` gets the
    error's message in the window's language. Only a DeskError is caught.
    """
    try:
        result = fn()
    except DeskError as exc:
        for edit in clear:
            edit.clear()
        show(translate_error(exc))
        return None
    return True if result is None else result


def failure_text(exc: BaseException) -> str:
    """What a background task's failure says: a rule's message translated, else its text."""
    return translate_error(exc) if isinstance(exc, DeskError) else str(exc)


class ServiceDialog(QDialog):
    """A dialog with a message line (``self.message``, for the subclass to lay out) and
    ``attempt``. ``error_style`` is the colour of a refusal."""

    error_style = ERROR_STYLE

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.message = message_label(self.error_style, self)

    def show_error(self, text: str) -> None:
        self.show_message(text, self.error_style)

    def show_message(self, text: str, style: str = OK_STYLE) -> None:
        """``text`` in the message line, coloured by ``style``; a line hidden until now shows."""
        self.message.setStyleSheet(style)
        self.message.setText(text)
        self.message.show()

    @overload
    def attempt(self, fn: Callable[[], None], clear: Iterable[QLineEdit] = ()) -> Literal[True] | None: ...
    @overload
    def attempt(self, fn: Callable[[], T], clear: Iterable[QLineEdit] = ()) -> T | None: ...
    def attempt(self, fn: Callable[[], object], clear: Iterable[QLineEdit] = ()) -> object:
        """``attempt(fn, self.show_error, clear)``."""
        return attempt(fn, self.show_error, clear)
