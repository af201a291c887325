"""The service log form's layout: contact picker, fields, inline messages, save/cancel/delete."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.ui.views.form_parts import error_label
from crm_desktop.ui.views.keyboard import tab_buttons_as_shown

MUTED_STYLE = "color: palette(placeholder-text);"


class ServiceFormView(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.heading = QLabel()
        self.heading.setObjectName("formHeading")
        heading_font = self.heading.font()
        heading_font.setPointSizeF(heading_font.pointSizeF() * 1.3)
        heading_font.setBold(True)
        self.heading.setFont(heading_font)
        self.subject = QLineEdit()
        self.contact = QLineEdit()
        self.contact.setPlaceholderText(self.tr("Type a name, pinyin or phone to find a contact"))
        self.contact.setClearButtonEnabled(True)
        self.contact_matches = QListWidget()
        self.contact_matches.hide()
        self.channel = QComboBox()
        self.category = QLineEdit()
        self.priority = QComboBox()
        self.status = QComboBox()
        self.satisfaction = QComboBox()
        self.description = QPlainTextEdit()
        self.description.setMaximumHeight(80)
        self.description.setTabChangesFocus(True)  # Tab moves on, as in every other field
        self.resolution = QPlainTextEdit()
        self.resolution.setMaximumHeight(60)
        self.resolution.setTabChangesFocus(True)
        self.times = QLabel()
        self.times.setStyleSheet(MUTED_STYLE)
        self.errors = {key: error_label() for key in
                       ("subject", "contact", "satisfaction", "form")}
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.setToolTip(self.tr("Move the service log to the recycle bin"))
        self.buttons.addButton(self.delete_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        self._lay_out()

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("Subject"), self.subject)
        form.addRow("", self.errors["subject"])
        form.addRow(self.tr("Contact"), self.contact)
        form.addRow("", self.contact_matches)
        form.addRow("", self.errors["contact"])
        form.addRow(self.tr("Channel"), self.channel)
        form.addRow(self.tr("Category"), self.category)
        form.addRow(self.tr("Priority"), self.priority)
        form.addRow(self.tr("Status"), self.status)
        form.addRow(self.tr("Description"), self.description)
        form.addRow(self.tr("Resolution"), self.resolution)
        form.addRow(self.tr("Satisfaction"), self.satisfaction)
        form.addRow("", self.errors["satisfaction"])
        form.addRow("", self.times)
        column = QVBoxLayout(self)
        column.addWidget(self.heading)
        column.addLayout(form)
        column.addWidget(self.errors["form"])
        column.addWidget(self.buttons)
        column.addStretch(1)
        tab_buttons_as_shown(self.buttons)  # now that the box is in this window
