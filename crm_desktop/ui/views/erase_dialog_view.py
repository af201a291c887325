"""The erase confirmation's layout: what erasing does and does not do, the name to type, and
Cancel beside a destructive Erase button that starts disabled."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.ui.views.form_parts import button_row, error_label
from crm_desktop.ui.views.restore_wizard_view import WARNING_STYLE


class EraseDialogView(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Erase this person"))
        self.heading = QLabel()
        self.heading.setObjectName("formHeading")
        self.heading.setWordWrap(True)
        self.warning = QLabel(self.tr("This cannot be undone: Ctrl+Z will not bring the person back."))
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(WARNING_STYLE)
        self.explanation = QLabel(self.tr(
            "• The contact, their notes, reminders and tags are deleted for good, and every "
            "earlier value of them is removed from the history.\n"
            "• Their deals and service logs are kept without the person, so totals and counts "
            "stay right; their name, email and phone are cut out of those texts.\n"
            "• Older backups still hold this person. Delete or replace those backups too if the "
            "person asked to be forgotten."))
        self.explanation.setWordWrap(True)
        self.prompt = QLabel()
        self.prompt.setWordWrap(True)
        self.typed = QLineEdit()
        self.error = error_label()
        self.cancel = QPushButton(self.tr("Cancel"))
        self.erase = QPushButton(self.tr("Erase for good"))
        self.erase.setEnabled(False)
        self.erase.setAutoDefault(False)  # Enter never erases by accident
        self.cancel.setDefault(True)
        self._lay_out()

    def _lay_out(self) -> None:
        buttons = button_row(self.cancel, self.erase)
        column = QVBoxLayout(self)
        for widget in (self.heading, self.warning, self.explanation, self.prompt, self.typed,
                       self.error):
            column.addWidget(widget)
        column.addLayout(buttons)
        self.setMinimumWidth(480)
