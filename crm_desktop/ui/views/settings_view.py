"""The settings page layout: the business (kept in the workspace) and this computer's choices."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

PREVIEW = QSize(240, 56)


class SettingsView(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.business_name = QLineEdit()
        self.currency = QLineEdit()
        self.currency.setMaxLength(3)
        self.region = QLineEdit()
        self.region.setMaxLength(2)
        self.auto_lock = QSpinBox()
        self.auto_lock.setRange(0, 240)
        self.auto_lock.setSuffix(self.tr(" min"))
        self.auto_lock.setSpecialValueText(self.tr("never"))
        self.language = QComboBox()
        self.language.addItem("简体中文", "zh_CN")
        self.language.addItem("English", "en")
        self.logo_preview = QLabel()
        self.logo_preview.setFrameShape(QFrame.Shape.StyledPanel)
        self.logo_preview.setMinimumHeight(PREVIEW.height() + 4)
        self.choose_logo = QPushButton(self.tr("Choose…"))
        self.remove_logo = QPushButton(self.tr("Remove"))
        self.save = QPushButton(self.tr("Save settings"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        business = QGroupBox(self.tr("Business (stored in the encrypted workspace)"))
        form = QFormLayout(business)
        form.addRow(self.tr("Business name"), self.business_name)
        form.addRow(self.tr("Default currency"), self.currency)
        form.addRow(self.tr("Default phone region"), self.region)
        form.addRow(self.tr("Logo (on reports)"), self._logo_row())
        computer = QGroupBox(self.tr("This computer"))
        form = QFormLayout(computer)
        form.addRow(self.tr("Lock after idle time"), self.auto_lock)
        form.addRow(self.tr("Language (after a restart)"), self.language)
        column = QVBoxLayout(self)
        column.addWidget(business)
        column.addWidget(computer)
        column.addWidget(self.message)
        column.addWidget(self.save)
        column.addStretch(1)

    def _logo_row(self) -> QWidget:
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.logo_preview)
        line.addWidget(self.choose_logo)
        line.addWidget(self.remove_logo)
        line.addStretch(1)
        return row
