"""The roster's rules, kept by a supervisor: the desk's shifts with the people each needs
per weekday and on holidays, which shift may not follow which, rest, notice for leave and
the longest cover; and each person's rules (the desk's default first), with their phones
for the printed roster. The services check the role and every value again."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from desk_app.domain.roles import Actor
from desk_app.domain.roster import ShiftNeed, StaffRules, rest_between
from desk_app.services.container import Services
from desk_app.services.roster import RosterSettings
from desk_app.ui.number_box import number_box, number_value
from desk_app.ui.service_dialog import ServiceDialog, attempt
from desk_app.ui.widgets_common import weekday_name

# The people table's columns after the name: rule field, lowest value (one below = "default").
PEOPLE_RULES = (
    ("max_consecutive_days", 1, 31),
    ("min_consecutive_days", 1, 31),
    ("min_consecutive_days_off", 1, 31),
    ("max_weekends", 0, 6),
    ("min_minutes", 0, 744),  # shown in hours
    ("max_minutes", 0, 744),
)
HOURS = ("min_minutes", "max_minutes")


class RosterRulesDialog(ServiceDialog):
    def __init__(self, services: Services, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Roster rules"))
        self._services = services
        self._actor = actor
        self.pages = QTabWidget()
        self.pages.addTab(self._shifts_page(), self.tr("Shifts"))
        self.pages.addTab(self._people_page(), self.tr("People"))
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.message)
        layout.addWidget(close)
        self.resize(980, 560)

    # -- shifts ----------------------------------------------------------------------------------
    def _shifts_page(self) -> QWidget:
        page = QWidget()
        self.needs = QTableWidget()
        self.bans = QTableWidget()
        settings = self._services.roster.settings()
        self.min_rest = number_box(0, 24, settings.min_rest_minutes // 60, None)
        self.min_rest.setSuffix(self.tr(" h"))
        self.leave_notice = number_box(0, 30, settings.leave_notice_days, None)
        self.leave_notice.setSuffix(self.tr(" days"))
        self.cover_max = number_box(30, 240, settings.cover_max_minutes, None)
        self.cover_max.setSingleStep(30)
        self.cover_max.setSuffix(self.tr(" min"))
        self.new_name = QLineEdit()
        self.new_name.setPlaceholderText(self.tr("e.g. 白班"))
        self.new_name.setMaximumWidth(120)
        self.new_start = QTimeEdit(QTime(8, 30))
        self.new_end = QTimeEdit(QTime(16, 30))
        for edit in (self.new_start, self.new_end):
            edit.setDisplayFormat("HH:mm")
        add = QPushButton(self.tr("Add shift"))
        add.clicked.connect(self.add_shift)
        self.retire_button = QPushButton(self.tr("Retire the selected shift"))
        self.retire_button.clicked.connect(self.retire_shift)
        save = QPushButton(self.tr("Save"))
        save.clicked.connect(self.save_shifts)
        self.min_rest.valueChanged.connect(lambda _v: self._show_bans())

        adding = QHBoxLayout()
        for widget in (QLabel(self.tr("New shift:")), self.new_name, self.new_start, QLabel("–"), self.new_end, add):
            adding.addWidget(widget)
        adding.addStretch(1)
        adding.addWidget(self.retire_button)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.addRow(self.tr("Rest between two shifts at least:"), self.min_rest)
        form.addRow(self.tr("Leave asked at least:"), self.leave_notice)
        form.addRow(self.tr("A cover (顶班) lasts at most:"), self.cover_max)
        layout = QVBoxLayout(page)
        layout.addWidget(QLabel(self.tr("People each shift needs, per weekday and on statutory holidays:")))
        layout.addWidget(self.needs, 1)
        layout.addLayout(adding)
        layout.addWidget(QLabel(self.tr("May not be worked the day after (ticked; greyed: too little rest):")))
        layout.addWidget(self.bans, 1)
        layout.addLayout(form)
        layout.addWidget(save, 0, Qt.AlignmentFlag.AlignRight)
        self._show_shifts()
        return page

    def _show_shifts(self) -> None:
        self.templates = self._services.roster.templates()
        needs = self._services.roster.needs()
        self.needs.clear()
        self.needs.setRowCount(len(self.templates))
        self.needs.setColumnCount(9)
        self.needs.setHorizontalHeaderLabels(
            [self.tr("Time")] + [weekday_name(d) for d in range(7)] + [self.tr("Holiday")]
        )
        self.needs.setVerticalHeaderLabels([t.name for t in self.templates])
        self._need_spins: list[list[QSpinBox]] = []
        for row, template in enumerate(self.templates):
            need = needs[template.id]
            self.needs.setItem(row, 0, QTableWidgetItem(template.span_text()))
            spins = [number_box(0, 50, n, None) for n in (*need.weekday_counts, need.holiday_count)]
            for column, spin in enumerate(spins, start=1):
                self.needs.setCellWidget(row, column, spin)
            self._need_spins.append(spins)
        self.needs.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self._show_bans()

    def _show_bans(self) -> None:
        explicit = self._services.roster.explicit_bans()
        n = len(self.templates)
        self.bans.clear()
        self.bans.setRowCount(n)
        self.bans.setColumnCount(n)
        self.bans.setVerticalHeaderLabels([self.tr("after {shift}").format(shift=t.name) for t in self.templates])
        self.bans.setHorizontalHeaderLabels([t.name for t in self.templates])
        self._ban_boxes: dict[tuple[int, int], QCheckBox] = {}
        rest = self.min_rest.value() * 60
        for r, first in enumerate(self.templates):
            for c, then in enumerate(self.templates):
                box = QCheckBox()
                too_short = rest_between(first, then) < rest
                box.setChecked(too_short or (first.id, then.id) in explicit)
                box.setEnabled(not too_short)
                if too_short:
                    box.setToolTip(self.tr("Only {h:.1f} hours of rest").format(h=rest_between(first, then) / 60))
                self.bans.setCellWidget(r, c, box)
                self._ban_boxes[(first.id, then.id)] = box
        self.bans.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        rows = self.bans.verticalHeader().length() + self.bans.horizontalHeader().height() + 4
        self.bans.setMinimumHeight(min(rows, 240))

    def save_shifts(self) -> bool:
        def save() -> None:
            roster = self._services.roster
            roster.set_settings(
                self._actor,
                RosterSettings(self.min_rest.value() * 60, self.leave_notice.value(), self.cover_max.value()),
            )
            for template, spins in zip(self.templates, self._need_spins, strict=True):
                values = [s.value() for s in spins]
                roster.set_need(self._actor, ShiftNeed(template.id, tuple(values[:7]), values[7]))
            rest = self.min_rest.value() * 60
            chosen = {
                (a.id, b.id)
                for a in self.templates
                for b in self.templates
                if self._ban_boxes[(a.id, b.id)].isChecked() and rest_between(a, b) >= rest
            }
            roster.set_explicit_bans(self._actor, chosen)

        if not self.attempt(save):
            return False
        self.show_message(self.tr("Saved."))
        return True

    def add_shift(self) -> bool:
        start = self.new_start.time()
        end = self.new_end.time()
        start_minute = start.hour() * 60 + start.minute()
        duration = (end.hour() * 60 + end.minute() - start_minute) % (24 * 60) or 24 * 60
        if not self.attempt(
            lambda: self._services.desk.add_shift_template(self._actor, self.new_name.text(), start_minute, duration)
        ):
            return False
        self.new_name.clear()
        self._show_shifts()
        self.show_message(self.tr("Shift added."))
        return True

    def retire_shift(self) -> bool:
        row = self.needs.currentRow()
        if not 0 <= row < len(self.templates):
            self.show_error(self.tr("Select the shift's row first."))
            return False
        if not self.attempt(lambda: self._services.desk.retire_shift_template(self._actor, self.templates[row].id)):
            return False
        self._show_shifts()
        self.show_message(self.tr("Shift retired."))
        return True

    # -- people ----------------------------------------------------------------------------------
    def _people_page(self) -> QWidget:
        page = QWidget()
        self.people = QTableWidget()
        save = QPushButton(self.tr("Save"))
        save.clicked.connect(self.save_people)
        layout = QVBoxLayout(page)
        layout.addWidget(
            QLabel(
                self.tr(
                    "The first row is the desk's default; “default” in a person's row follows it. "
                    "The most of a shift: 0 = never (e.g. no nights)."
                )
            )
        )
        layout.addWidget(self.people, 1)
        layout.addWidget(save, 0, Qt.AlignmentFlag.AlignRight)
        self._show_people()
        return page

    def _show_people(self) -> None:
        roster = self._services.roster
        self.members = [(None, self.tr("Desk default"))] + [(m.account_id, m.name) for m in roster.staff()]
        templates = roster.templates()
        titles = [
            self.tr("No nights"),
            self.tr("Most days in a row"),
            self.tr("Fewest days in a row"),
            self.tr("Fewest days off in a row"),
            self.tr("Most weekends"),
            self.tr("Fewest hours"),
            self.tr("Most hours"),
        ]
        titles += [self.tr("Most {shift}").format(shift=t.name) for t in templates]
        titles += [self.tr("Mobile"), self.tr("Office phone")]
        self.people.clear()
        self.people.setRowCount(len(self.members))
        self.people.setColumnCount(len(titles))
        self.people.setHorizontalHeaderLabels(titles)
        self.people.setVerticalHeaderLabels([name for _id, name in self.members])
        self._people_widgets: list[dict[str, object]] = []
        default_text = self.tr("default")
        for row, (account_id, _name) in enumerate(self.members):
            rules = roster.default_rules() if account_id is None else roster.rules_of(account_id)
            fallback = None if account_id is None else default_text
            widgets: dict[str, object] = {}
            nights = QCheckBox()
            nights.setTristate(account_id is not None)
            state = {None: Qt.CheckState.PartiallyChecked, True: Qt.CheckState.Checked, False: Qt.CheckState.Unchecked}
            nights.setCheckState(state[rules.no_nights] if account_id is not None else state[bool(rules.no_nights)])
            nights.setToolTip(self.tr("Ticked: no night shifts; half: as the desk's default"))
            self.people.setCellWidget(row, 0, nights)
            widgets["no_nights"] = nights
            for column, (field, low, high) in enumerate(PEOPLE_RULES, start=1):
                value = getattr(rules, field)
                if field in HOURS and value is not None:
                    value //= 60
                spin = number_box(low, high, value, fallback)
                self.people.setCellWidget(row, column, spin)
                widgets[field] = spin
            column = 1 + len(PEOPLE_RULES)
            for template in templates:
                unlimited = default_text if account_id is not None else self.tr("no limit")
                spin = number_box(0, 31, rules.max_shifts.get(template.id), unlimited)
                self.people.setCellWidget(row, column, spin)
                widgets[f"shift:{template.id}"] = spin
                column += 1
            for field in ("mobile", "office_phone"):
                edit = QLineEdit(getattr(rules, field))
                self.people.setCellWidget(row, column, edit)
                widgets[field] = edit
                column += 1
            self._people_widgets.append(widgets)
        self.people.resizeColumnsToContents()

    def rules_in_row(self, row: int) -> StaffRules:
        widgets = self._people_widgets[row]

        def number(key: str) -> int | None:
            spin = widgets[key]
            assert isinstance(spin, QSpinBox)
            return number_value(spin)  # None: as the desk's default (on the default row: no limit)

        def minutes(key: str) -> int | None:
            hours = number(key)
            return None if hours is None else hours * 60

        max_shifts = {}
        for key in widgets:
            if key.startswith("shift:") and (most := number(key)) is not None:
                max_shifts[int(key.removeprefix("shift:"))] = most
        nights = widgets["no_nights"]
        mobile, office = widgets["mobile"], widgets["office_phone"]
        assert isinstance(nights, QCheckBox) and isinstance(mobile, QLineEdit) and isinstance(office, QLineEdit)
        return StaffRules(
            max_shifts=max_shifts,
            min_minutes=minutes("min_minutes"),
            max_minutes=minutes("max_minutes"),
            max_consecutive_days=number("max_consecutive_days"),
            min_consecutive_days=number("min_consecutive_days"),
            min_consecutive_days_off=number("min_consecutive_days_off"),
            max_weekends=number("max_weekends"),
            no_nights={Qt.CheckState.Checked: True, Qt.CheckState.Unchecked: False}.get(nights.checkState()),
            mobile=mobile.text(),
            office_phone=office.text(),
        )

    def save_people(self) -> bool:
        for row, (account_id, name) in enumerate(self.members):
            if not self._save_rules_of(row, account_id, name):
                return False
        self._show_people()
        self.show_message(self.tr("Saved."))
        return True

    def _save_rules_of(self, row: int, account_id: int | None, name: str) -> bool:
        saved = attempt(
            lambda: self._services.roster.set_rules(self._actor, account_id, self.rules_in_row(row)),
            lambda text: self.show_error(f"{name}: {text}"),
        )
        return saved is not None
