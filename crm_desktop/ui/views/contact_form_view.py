"""The contact form's layout: fields, an inline message under each, save and cancel, the
privacy actions of a saved contact (export their data, erase them), and a hint when a new
contact looks like one already stored."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.ui.views.duplicate_hint_view import DuplicateHintView
from crm_desktop.ui.views.form_parts import error_label
from crm_desktop.ui.views.keyboard import tab_buttons_as_shown


class ContactFormView(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.heading = QLabel()
        self.heading.setObjectName("formHeading")
        self.duplicate_hint = DuplicateHintView()  # after a new contact is saved, if it looks known
        self.display_name = QLineEdit()
        self.family_name = QLineEdit()
        self.given_name = QLineEdit()
        self.company = QLineEdit()
        self.company.setPlaceholderText(self.tr("Company name (a new one is created)"))
        self.job_title = QLineEdit()
        self.email = QLineEdit()
        self.phone = QLineEdit()
        self.stage = QComboBox()
        self.tags = QLineEdit()
        self.tags.setPlaceholderText(self.tr("Comma-separated, e.g. VIP, 北京"))
        self.note = QPlainTextEdit()
        self.note.setMaximumHeight(70)
        self.note.setTabChangesFocus(True)  # Tab moves on to Save, as in every other field
        self.note.setPlaceholderText(self.tr("A first note (optional)"))
        self.errors = {key: error_label() for key in
                       ("name", "email", "phone", "company", "lifecycle_stage", "note", "form")}
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.delete = self.buttons.addButton(self.tr("Move to recycle bin"),
                                             QDialogButtonBox.ButtonRole.DestructiveRole)
        self.export_data = QPushButton(self.tr("Export personal data…"))
        self.export_data.setToolTip(self.tr("Save everything held about this person as a JSON "
                                            "file (not encrypted), e.g. for an access request"))
        self.erase = QPushButton(self.tr("Erase this person…"))
        self.erase.setToolTip(self.tr("Remove this person for good, e.g. when they ask to be "
                                      "forgotten. Cannot be undone."))
        self.privacy_message = QLabel()
        self.privacy_message.setWordWrap(True)
        self._lay_out()

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.display_name)
        form.addRow("", self.errors["name"])
        form.addRow(self.tr("Family name"), self.family_name)
        form.addRow(self.tr("Given name"), self.given_name)
        form.addRow(self.tr("Company"), self.company)
        form.addRow("", self.errors["company"])
        form.addRow(self.tr("Job title"), self.job_title)
        form.addRow(self.tr("Email"), self.email)
        form.addRow("", self.errors["email"])
        form.addRow(self.tr("Phone"), self.phone)
        form.addRow("", self.errors["phone"])
        form.addRow(self.tr("Stage"), self.stage)
        form.addRow(self.tr("Tags"), self.tags)
        form.addRow(self.tr("Note"), self.note)
        form.addRow("", self.errors["note"])
        column = QVBoxLayout(self)
        column.addWidget(self.heading)
        column.addWidget(self.duplicate_hint)
        column.addLayout(form)
        column.addWidget(self.errors["form"])
        column.addWidget(self.buttons)
        privacy = QHBoxLayout()
        privacy.addWidget(self.export_data)
        privacy.addWidget(self.erase)
        privacy.addStretch(1)
        column.addLayout(privacy)
        column.addWidget(self.privacy_message)
        column.addStretch(1)
        tab_buttons_as_shown(self.buttons)  # now that the box is in this window
