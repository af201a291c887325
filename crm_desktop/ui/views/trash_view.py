"""The recycle bin layout: a short explanation, restore and purge buttons, and the table."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.ui.views.record_list_view import record_table

MUTED_STYLE = "color: palette(placeholder-text);"


class TrashView(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.hint = QLabel(self.tr("Deleted records stay here until you purge them. "
                                   "Restore brings a record back; purge removes it for good."))
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet(MUTED_STYLE)
        self.restore_button = QPushButton(self.tr("Restore"))
        self.restore_button.setToolTip(self.tr("Put the selected record back where it was"))
        self.purge_button = QPushButton(self.tr("Purge…"))
        self.purge_button.setToolTip(self.tr("Delete the selected record for good"))
        self.count = QLabel()
        self.message = QLabel()
        self.table = record_table(self.fontMetrics().height() + 10)
        self._lay_out()

    def _lay_out(self) -> None:
        bar = QHBoxLayout()
        bar.addWidget(self.restore_button)
        bar.addWidget(self.purge_button)
        bar.addWidget(self.message, 1)
        bar.addWidget(self.count)
        column = QVBoxLayout(self)
        column.addWidget(self.hint)
        column.addLayout(bar)
        column.addWidget(self.table)
