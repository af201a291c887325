"""The service logs page layout: toolbar (new, status filter, count), the table, the form beside it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)


class ServiceView(QWidget):
    def __init__(self, form: QWidget) -> None:
        super().__init__()
        self.new_button = QPushButton(self.tr("New service log"))
        self.new_button.setToolTip(self.tr("New service log (Ctrl+N)"))
        self.status_filter = QComboBox()
        self.count = QLabel()
        self.table = QTableView()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.form = form
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self._lay_out()

    def _lay_out(self) -> None:
        bar = QHBoxLayout()
        bar.addWidget(self.new_button)
        bar.addWidget(QLabel(self.tr("Status")))
        bar.addWidget(self.status_filter)
        bar.addStretch(1)
        bar.addWidget(self.count)
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(bar)
        column.addWidget(self.table)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.form)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([640, 400])
        outer = QVBoxLayout(self)
        outer.addWidget(self.splitter)
