"""A slim, non-blocking line on the contact form after a new contact is saved: who the contact
may be the same person as, and Open / Compare… / Dismiss. Layout only."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout

from crm_desktop.ui.views.form_parts import button_row

STYLE = "#duplicateHint { background: #fff4d6; border: 1px solid #e0b64a; border-radius: 6px; }"


class DuplicateHintView(QFrame):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("duplicateHint")
        self.setStyleSheet(STYLE)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)  # a name is never markup
        self.open_button = QPushButton(self.tr("Open"))
        self.open_button.setToolTip(self.tr("Show that contact"))
        self.compare_button = QPushButton(self.tr("Compare…"))
        self.compare_button.setToolTip(self.tr("Compare the two side by side on the Duplicates "
                                               "page; nothing is merged unless you choose to"))
        self.dismiss_button = QPushButton(self.tr("Dismiss"))
        self.dismiss_button.setFlat(True)
        self._lay_out()
        self.hide()

    def _lay_out(self) -> None:
        """The sentence on a line of its own (the form is narrow), the actions under it."""
        buttons = button_row(self.open_button, self.compare_button, self.dismiss_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(10, 6, 6, 6)
        column.setSpacing(4)
        column.addWidget(self.text)
        column.addLayout(buttons)
