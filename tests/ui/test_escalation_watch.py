"""The escalation watch: due tickets raised while the program runs, the person they reach
told by a desktop notification and on sign-in, with an injected clock."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtWidgets import QWidget

from desk_app.domain.tickets import Source, TicketKind
from desk_app.services.tickets import ResidentInput, TicketInput
from desk_app.ui.escalation_watch import EscalationWatch, NoticesDialog


class FakeTray:
    def __init__(self) -> None:
        self.messages: list[tuple[str, str]] = []

    def showMessage(self, title, message, icon, msecs) -> None:  # noqa: N802 - Qt's name
        self.messages.append((title, message))


def _complaint(services, clerk):
    resident = ResidentInput("李先生", "3栋", "2单元1203", "13800138000")
    return services.tickets.register(clerk, TicketInput(TicketKind.COMPLAINT, Source.PHONE, "楼上装修噪音", resident))


def _watch(qtbot, services, actor):
    tray = FakeTray()
    window = QWidget()  # in the program the main window owns the watch
    qtbot.addWidget(window)
    watch = EscalationWatch(services, actor, window, tray_factory=lambda parent: tray)
    watch.window = window  # type: ignore[attr-defined]  # keeps the owner alive with the watch
    return watch, tray


def _check(qtbot, watch) -> list:
    with qtbot.waitSignal(watch.notices_changed, timeout=5000) as blocker:
        watch.check()
    return blocker.args[0]


def test_a_reply_clock_running_out_reaches_the_supervisor(qtbot, services, clerk, supervisor, clock):
    ticket = _complaint(services, clerk)
    watch, tray = _watch(qtbot, services, supervisor)
    assert _check(qtbot, watch) == [] and tray.messages == []
    clock.advance(timedelta(minutes=90))  # 30 minutes before the 2-hour reply is due
    notices = _check(qtbot, watch)
    assert [n.ticket_id for n in notices] == [ticket.id]
    assert len(tray.messages) == 1 and f"#{ticket.id}" in tray.messages[0][0]
    assert "楼上装修噪音" in tray.messages[0][1]
    _check(qtbot, watch)
    assert len(tray.messages) == 1  # told once, not every minute

    dialog = NoticesDialog(notices)
    qtbot.addWidget(dialog)
    assert dialog.list.count() == 1
    dialog.read_button.click()
    assert dialog.read_all
    watch.acknowledge([n.id for n in notices])
    assert watch.notices == [] and services.tickets.notices(supervisor) == []


def test_a_clerk_is_not_told_of_a_supervisors_escalation(qtbot, services, clerk, supervisor, clock):
    _complaint(services, clerk)
    clock.advance(timedelta(minutes=95))
    watch, tray = _watch(qtbot, services, clerk)
    assert _check(qtbot, watch) == []
    assert tray.messages == []
