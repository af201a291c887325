"""The company form's layout: fields, an inline message under each, save, cancel and delete."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.ui.views.form_parts import error_label
from crm_desktop.ui.views.keyboard import tab_buttons_as_shown


class CompanyFormView(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.heading = QLabel()
        self.heading.setObjectName("formHeading")
        heading_font = self.heading.font()
        heading_font.setPointSizeF(heading_font.pointSizeF() * 1.3)
        heading_font.setBold(True)
        self.heading.setFont(heading_font)
        self.name = QLineEdit()
        self.industry = QLineEdit()
        self.phone = QLineEdit()
        self.website = QLineEdit()
        self.website.setPlaceholderText(self.tr("e.g. www.example.com"))
        self.address = QPlainTextEdit()
        self.address.setMaximumHeight(60)
        self.address.setTabChangesFocus(True)  # Tab moves on, as in every other field
        self.notes = QPlainTextEdit()
        self.notes.setMaximumHeight(90)
        self.notes.setTabChangesFocus(True)
        self.tags = QLineEdit()
        self.tags.setPlaceholderText(self.tr("Comma-separated, e.g. VIP, 北京"))
        self.errors = {key: error_label() for key in ("name", "phone", "form")}
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.setToolTip(self.tr("Move the company to the recycle bin"))
        self.buttons.addButton(self.delete_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        self._lay_out()

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow("", self.errors["name"])
        form.addRow(self.tr("Industry"), self.industry)
        form.addRow(self.tr("Phone"), self.phone)
        form.addRow("", self.errors["phone"])
        form.addRow(self.tr("Website"), self.website)
        form.addRow(self.tr("Address"), self.address)
        form.addRow(self.tr("Notes"), self.notes)
        form.addRow(self.tr("Tags"), self.tags)
        column = QVBoxLayout(self)
        column.addWidget(self.heading)
        column.addLayout(form)
        column.addWidget(self.errors["form"])
        column.addWidget(self.buttons)
        column.addStretch(1)
        tab_buttons_as_shown(self.buttons)  # now that the box is in this window
