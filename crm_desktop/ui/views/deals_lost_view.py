"""The "mark lost" dialog: the reason, and the message when the reason is refused."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget


class LostReasonView(QDialog):
    def __init__(self, deal_title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Deal lost"))
        self.prompt = QLabel(self.tr("Why was “%1” lost?").replace("%1", deal_title))
        self.prompt.setWordWrap(True)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("For example: price too high, chose a competitor"))
        self.error = QLabel()
        self.error.setStyleSheet("color: #b3261e;")
        self.error.setWordWrap(True)
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Mark lost"))
        column = QVBoxLayout(self)
        column.addWidget(self.prompt)
        column.addWidget(self.reason)
        column.addWidget(self.error)
        column.addWidget(self.buttons)
        self.resize(380, self.sizeHint().height())
