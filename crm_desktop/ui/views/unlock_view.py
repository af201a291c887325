"""The unlock screen's layout: passphrase, remember, unlock, recovery-key link, message."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QFormLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget


class UnlockView(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.title = QLabel(self.tr("Unlock your workspace"))
        self.title.setObjectName("screenTitle")
        self.hint = QLabel(self.tr("Your customer data is encrypted. Enter your passphrase to open it."))
        self.hint.setWordWrap(True)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setPlaceholderText(self.tr("Passphrase"))
        self.remember = QCheckBox(self.tr("Remember on this computer"))
        self.unlock = QPushButton(self.tr("Unlock"))
        self.unlock.setDefault(True)
        self.recovery = QPushButton(self.tr("Forgot the passphrase? Use the recovery key…"))
        self.recovery.setFlat(True)
        self.message = QLabel()
        self.message.setObjectName("errorMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b3261e;")
        self.where = QLabel()
        self.where.setObjectName("hintText")
        self.where.setWordWrap(True)
        self._lay_out()

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("Passphrase"), self.passphrase)
        form.addRow("", self.remember)
        box = QWidget()
        box.setMaximumWidth(460)
        column = QVBoxLayout(box)
        for widget in (self.title, self.hint):
            column.addWidget(widget)
        column.addLayout(form)
        column.addWidget(self.message)
        column.addWidget(self.unlock)
        column.addWidget(self.recovery)
        column.addWidget(self.where)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(box, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(2)
