"""The supervisor's roster rules from the window: needs, bans, settings, people."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desk_app.domain.roles import Role
from desk_app.ui.roster_tab.rules_dialog import RosterRulesDialog
from tests.conftest import CLERK_PASSWORD


@pytest.fixture
def dialog(qtbot, services, supervisor, clerk):
    widget = RosterRulesDialog(services, supervisor)
    qtbot.addWidget(widget)
    return widget


def _names(services):
    return {t.name: t.id for t in services.roster.templates()}


def test_needs_settings_and_bans_are_saved(dialog, services):
    ids = _names(services)
    row = [t.name for t in dialog.templates].index("早班")
    dialog._need_spins[row][0].setValue(3)  # Monday
    dialog._need_spins[row][7].setValue(4)  # holidays
    dialog.min_rest.setValue(8)
    dialog.leave_notice.setValue(2)
    # 早班 08-16 then 夜班 00-08 the next day is 8 h of rest: allowed at 8 h, ban it by hand.
    box = dialog._ban_boxes[(ids["早班"], ids["夜班"])]
    assert box.isEnabled() and not box.isChecked()
    box.setChecked(True)
    assert dialog.save_shifts()
    need = services.roster.needs()[ids["早班"]]
    assert need.weekday_counts[0] == 3 and need.holiday_count == 4
    settings = services.roster.settings()
    assert settings.min_rest_minutes == 480 and settings.leave_notice_days == 2
    assert services.roster.explicit_bans() == {(ids["早班"], ids["夜班"])}
    assert (ids["早班"], ids["夜班"]) in services.roster.bans()


def test_a_shift_is_added_and_retired(dialog, services):
    dialog.new_name.setText("白班")
    dialog.new_start.setTime(dialog.new_start.time().fromString("08:30", "HH:mm"))
    dialog.new_end.setTime(dialog.new_end.time().fromString("16:30", "HH:mm"))
    assert dialog.add_shift()
    assert "白班" in _names(services)
    assert dialog.needs.rowCount() == 4
    dialog.new_name.setText("白班")
    assert not dialog.add_shift()  # the name is taken
    row = [t.name for t in dialog.templates].index("白班")
    dialog.needs.setCurrentCell(row, 0)
    assert dialog.retire_shift()
    assert "白班" not in _names(services)


def test_people_rules_follow_the_default_unless_set(dialog, services, supervisor, clerk):
    ids = _names(services)
    row = [n for _id, n in dialog.members].index("王丽")
    widgets = dialog._people_widgets[row]
    assert widgets["max_consecutive_days"].text() == "default"
    widgets["no_nights"].setCheckState(Qt.CheckState.Checked)
    widgets["max_weekends"].setValue(2)
    widgets[f"shift:{ids['中班']}"].setValue(10)
    widgets["mobile"].setText("139 1234 5678")
    assert dialog.save_people()
    own = services.roster.rules_of(clerk.account_id)
    assert own.no_nights is True and own.max_weekends == 2 and own.max_consecutive_days is None
    assert own.max_shifts == {ids["中班"]: 10} and own.mobile == "13912345678"
    member = next(m for m in services.roster.staff() if m.account_id == clerk.account_id)
    assert member.rules.max_consecutive_days == 6  # from the desk's default


def test_a_bad_phone_is_refused_with_the_persons_name(dialog, services, clerk):
    row = [n for _id, n in dialog.members].index("王丽")
    dialog._people_widgets[row]["mobile"].setText("打电话")
    assert not dialog.save_people()
    assert dialog.message.text().startswith("王丽: ")


def test_a_clerk_cannot_save_rules_through_the_dialog(qtbot, services, supervisor, clerk):
    services.accounts.create(supervisor, "li", "李娜", CLERK_PASSWORD, Role.CLERK)
    widget = RosterRulesDialog(services, clerk)
    qtbot.addWidget(widget)
    assert not widget.save_shifts()
    assert not widget.save_people()
    widget.new_name.setText("白班")
    assert not widget.add_shift()
