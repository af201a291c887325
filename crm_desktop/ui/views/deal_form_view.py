"""The deal form's layout: fields, an inline message under each, save and cancel."""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.ui.views.form_parts import error_label

# Offered in the currency box; any other ISO 4217 code can be typed.
COMMON_CURRENCIES = ("CNY", "HKD", "TWD", "USD", "EUR", "GBP", "JPY", "SGD")
ERROR_KEYS = ("title", "company", "amount", "currency", "stage", "expected_close", "source",
              "owner", "form")


class DealFormView(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.heading = QLabel()
        self.heading.setObjectName("formHeading")
        heading_font = self.heading.font()
        heading_font.setPointSizeF(heading_font.pointSizeF() * 1.15)
        heading_font.setBold(True)
        self.heading.setFont(heading_font)
        self.title = QLineEdit()
        self.title.setPlaceholderText(self.tr("e.g. 50 office chairs"))
        self.company = QLineEdit()
        self.company.setPlaceholderText(self.tr("Company name (created if new)"))
        self.amount = QLineEdit()
        self.amount.setPlaceholderText(self.tr("e.g. 12000"))
        self.currency = QComboBox()
        self.currency.setEditable(True)
        self.currency.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.currency.addItems(list(COMMON_CURRENCIES))
        self.currency.setMinimumContentsLength(4)
        self.stage = QComboBox()
        self.expected_close = QDateEdit()
        self.expected_close.setCalendarPopup(True)
        self.expected_close.setDisplayFormat("yyyy-MM-dd")
        self.expected_close.setDate(QDate.currentDate())
        self.no_close_date = QCheckBox(self.tr("None"))
        self.no_close_date.setToolTip(self.tr("No expected close date"))
        self.source = QLineEdit()
        self.source.setPlaceholderText(self.tr("e.g. Trade fair, website, referral"))
        self.owner = QLineEdit()
        self.errors = {key: error_label() for key in ERROR_KEYS}
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self._lay_out()

    def _lay_out(self) -> None:
        money = QHBoxLayout()
        money.setContentsMargins(0, 0, 0, 0)
        money.addWidget(self.amount, 1)
        money.addWidget(self.currency)
        close = QHBoxLayout()
        close.setContentsMargins(0, 0, 0, 0)
        close.addWidget(self.expected_close, 1)
        close.addWidget(self.no_close_date)
        form = QFormLayout()
        form.addRow(self.tr("Title"), self.title)
        form.addRow("", self.errors["title"])
        form.addRow(self.tr("Company"), self.company)
        form.addRow("", self.errors["company"])
        form.addRow(self.tr("Amount"), money)
        form.addRow("", self.errors["amount"])
        form.addRow("", self.errors["currency"])
        form.addRow(self.tr("Stage"), self.stage)
        form.addRow("", self.errors["stage"])
        form.addRow(self.tr("Expected close"), close)
        form.addRow("", self.errors["expected_close"])
        form.addRow(self.tr("Source"), self.source)
        form.addRow("", self.errors["source"])
        form.addRow(self.tr("Owner"), self.owner)
        form.addRow("", self.errors["owner"])
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.heading)
        column.addLayout(form)
        column.addWidget(self.errors["form"])
        column.addWidget(self.buttons)
