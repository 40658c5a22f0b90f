"""The desk's ticket rules, kept by a supervisor: each kind's clocks and escalation, and the
price list of paid services. The services check the role and every value again."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desk_app.domain.roles import Actor
from desk_app.domain.tickets import KindRule, TicketKind
from desk_app.services.container import Services
from desk_app.ui.number_box import number_box, number_value
from desk_app.ui.service_dialog import ServiceDialog

# Columns of the rules table: (title, lowest, highest, "off" allowed).
REPLY, FOLLOW_UP, BEFORE, AFTER = range(4)


class TicketRulesDialog(ServiceDialog):
    def __init__(self, services: Services, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Ticket rules and price list"))
        self._services = services
        self._actor = actor

        # -- clocks and escalation --------------------------------------------------------
        self.rules = QTableWidget(len(TicketKind), 4)
        self.rules.setHorizontalHeaderLabels(
            [
                self.tr("Reply within (minutes)"),
                self.tr("Follow-up within (working days)"),
                self.tr("To the supervisor, minutes before due"),
                self.tr("To the manager, minutes after due"),
            ]
        )
        self.rules.setVerticalHeaderLabels([QCoreApplication.translate("TicketKind", k.label) for k in TicketKind])
        self.rules.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.rules.horizontalHeader().setMinimumSectionSize(120)
        self.rules.setWordWrap(True)
        self._spins: dict[TicketKind, list[QSpinBox]] = {}
        for row, (kind, rule) in enumerate(services.tickets.rules().items()):
            off = self.tr("off")
            spins = [
                number_box(5, 10080, rule.reply_minutes, off, buttons=False),
                number_box(1, 30, rule.follow_up_working_days, off, buttons=False),
                number_box(0, 1440, rule.escalate_before_minutes, buttons=False),
                number_box(0, 10080, rule.manager_after_minutes, buttons=False),
            ]
            for column, spin in enumerate(spins):
                self.rules.setCellWidget(row, column, spin)
            self._spins[kind] = spins
        self.save_rules_button = QPushButton(self.tr("Save the rules"))
        self.save_rules_button.clicked.connect(self.save_rules)
        rules_page = QWidget()
        rules_layout = QVBoxLayout(rules_page)
        hint = QLabel(
            self.tr(
                "A complaint is answered within 2 hours and visited back within 2 working days "
                "(weekends and statutory holidays do not count, make-up working days do). "
                "“off” switches a clock off for that kind."
            )
        )
        hint.setWordWrap(True)
        rules_layout.addWidget(hint)
        rules_layout.addWidget(self.rules, 1)
        rules_layout.addWidget(self.save_rules_button, 0, Qt.AlignmentFlag.AlignRight)

        # -- price list ---------------------------------------------------------------------
        self.prices = QTableWidget(0, 3)
        self.prices.setHorizontalHeaderLabels([self.tr("Service"), self.tr("Unit"), self.tr("Price (yuan)")])
        self.prices.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.prices.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.prices.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.prices.verticalHeader().setVisible(False)
        self.price_name = QLineEdit()
        self.price_name.setPlaceholderText(self.tr("e.g. 疏通下水道"))
        self.price_unit = QLineEdit(self.tr("each"))
        self.price_unit.setMaximumWidth(80)
        self.price_value = QDoubleSpinBox()
        self.price_value.setRange(0, 10000)
        self.price_value.setDecimals(2)
        self.price_value.setPrefix("¥")
        self.add_price_button = QPushButton(self.tr("Add"))
        self.add_price_button.clicked.connect(self.add_price)
        self.retire_button = QPushButton(self.tr("Take off the list"))
        self.retire_button.clicked.connect(self.retire_price)
        add_row = QHBoxLayout()
        add_row.addWidget(self.price_name, 1)
        add_row.addWidget(self.price_unit)
        add_row.addWidget(self.price_value)
        add_row.addWidget(self.add_price_button)
        prices_page = QWidget()
        prices_layout = QVBoxLayout(prices_page)
        prices_layout.addWidget(self.prices, 1)
        prices_layout.addLayout(add_row)
        prices_layout.addWidget(self.retire_button, 0, Qt.AlignmentFlag.AlignRight)

        self.pages = QTabWidget()
        self.pages.addTab(rules_page, self.tr("Clocks and escalation"))
        self.pages.addTab(prices_page, self.tr("Price list"))
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.message)
        layout.addWidget(close)
        # Stretched columns share the width equally: wide enough that the longest header fits
        # (the English headers are longer than the Chinese ones).
        header = self.rules.horizontalHeader()
        columns = header.count() * max(header.sectionSizeHint(i) for i in range(header.count()))
        self.resize(max(860, columns + self.rules.verticalHeader().sizeHint().width() + 80), 520)
        self._show_prices()

    # -- rules --------------------------------------------------------------------------------
    def rule_of(self, kind: TicketKind) -> KindRule:
        reply, follow, before, after = (number_value(s) for s in self._spins[kind])
        assert before is not None and after is not None  # these two are always set
        return KindRule(
            kind,
            reply_minutes=reply,
            follow_up_working_days=follow,
            escalate_before_minutes=before,
            manager_after_minutes=after,
        )

    def save_rules(self) -> bool:
        current = self._services.tickets.rules()

        def save() -> None:
            for kind in TicketKind:
                rule = self.rule_of(kind)
                if rule != current[kind]:
                    self._services.tickets.set_rule(self._actor, rule)

        if not self.attempt(save):
            return False
        self.message.setText(self.tr("Saved."))
        return True

    # -- prices -------------------------------------------------------------------------------
    def _show_prices(self) -> None:
        items = self._services.tickets.price_list()
        self.prices.setRowCount(len(items))
        for row, item in enumerate(items):
            for column, text in enumerate([item.name, item.unit, item.price_text]):
                cell = QTableWidgetItem(text)
                cell.setData(Qt.ItemDataRole.UserRole, item.id)
                if column == 2:
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.prices.setItem(row, column, cell)
        self.retire_button.setEnabled(bool(items))

    def add_price(self) -> bool:
        cents = round(self.price_value.value() * 100)
        added = self.attempt(
            lambda: self._services.tickets.add_price_item(
                self._actor, self.price_name.text(), self.price_unit.text(), cents
            )
        )
        if added is None:
            return False
        self.message.clear()
        self.price_name.clear()
        self._show_prices()
        return True

    def retire_price(self) -> bool:
        row = self.prices.currentRow()
        cell = self.prices.item(row, 0) if row >= 0 else None
        if cell is None:
            self.message.setText(self.tr("Choose the service to take off the list."))
            return False
        if not self.attempt(
            lambda: self._services.tickets.retire_price_item(self._actor, int(cell.data(Qt.ItemDataRole.UserRole)))
        ):
            return False
        self.message.clear()
        self._show_prices()
        return True
