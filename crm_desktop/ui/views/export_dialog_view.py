"""The export dialog's layout: what to export, its format and encoding, optional filters, the
file, a warning that the file is not encrypted, progress, the result and the buttons."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.ui.views.form_parts import error_label
from crm_desktop.ui.views.restore_wizard_view import WARNING_STYLE

DONE_STYLE = "color: #1e5b2c;"


class ExportDialogView(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export"))
        self.contacts = QRadioButton(self.tr("Contacts"))
        self.reminders = QRadioButton(self.tr("Open reminders, as a calendar (.ics)"))
        self.everything = QRadioButton(self.tr("The whole workspace, as JSON"))
        self.what = QButtonGroup(self)
        for button in (self.contacts, self.reminders, self.everything):
            self.what.addButton(button)
        self.contacts.setChecked(True)
        self.format = QComboBox()
        self.encoding = QComboBox()
        self.stage, self.tag, self.owner = QComboBox(), QComboBox(), QComboBox()
        self.path = QLineEdit()
        self.choose = QPushButton(self.tr("Choose…"))
        self.warning = QLabel(self.tr("The exported file is NOT encrypted: anyone who gets it can "
                                      "read it. Keep it safe and delete it when you are done."))
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(WARNING_STYLE)
        self.progress = QProgressBar()
        self.progress.hide()
        self.done_line = QLabel()
        self.done_line.setWordWrap(True)
        self.done_line.setStyleSheet(DONE_STYLE)
        self.error = error_label()
        self.open_folder = QPushButton(self.tr("Open folder"))
        self.open_folder.hide()
        self.close_button = QPushButton(self.tr("Close"))
        self.export = QPushButton(self.tr("Export"))
        self.export.setDefault(True)
        self.form = QFormLayout()
        self._lay_out()

    def _lay_out(self) -> None:
        what = QVBoxLayout()
        for button in (self.contacts, self.reminders, self.everything):
            what.addWidget(button)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path, 1)
        file_row.addWidget(self.choose)
        self.form.addRow(self.tr("Export"), what)
        self.form.addRow(self.tr("Format"), self.format)
        self.form.addRow(self.tr("Encoding"), self.encoding)
        self.form.addRow(self.tr("Stage"), self.stage)
        self.form.addRow(self.tr("Tag"), self.tag)
        self.form.addRow(self.tr("Owner"), self.owner)
        self.form.addRow(self.tr("File"), file_row)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_folder)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.export)
        column = QVBoxLayout(self)
        column.addLayout(self.form)
        column.addWidget(self.warning)
        column.addWidget(self.progress)
        column.addWidget(self.done_line)
        column.addWidget(self.error)
        column.addStretch(1)
        column.addLayout(buttons)
        self.setMinimumWidth(560)
