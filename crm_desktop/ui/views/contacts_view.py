"""The contacts page layout: toolbar (new, filter), the table, and the form beside it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout, QLabel, QPushButton,
                               QSplitter, QTableView, QTabWidget, QVBoxLayout, QWidget)


class ContactsView(QWidget):
    def __init__(self, form: QWidget, timeline: QWidget | None = None) -> None:
        super().__init__()
        self.new_button = QPushButton(self.tr("New contact"))
        self.new_button.setToolTip(self.tr("New contact (Ctrl+N)"))
        self.stage_filter = QComboBox()
        self.tag_filter = QComboBox()
        self.owner_filter = QComboBox()
        self.count = QLabel()
        self.table = QTableView()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.form = form
        self.details = QTabWidget()  # the form ("Details") and, when given, the timeline
        self.details.addTab(form, self.tr("Details"))
        if timeline is not None:
            self.details.addTab(timeline, self.tr("Timeline"))
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self._lay_out()

    def _lay_out(self) -> None:
        bar = QHBoxLayout()
        bar.addWidget(self.new_button)
        bar.addWidget(QLabel(self.tr("Stage")))
        bar.addWidget(self.stage_filter)
        bar.addWidget(QLabel(self.tr("Tag")))
        bar.addWidget(self.tag_filter)
        bar.addWidget(QLabel(self.tr("Owner")))
        bar.addWidget(self.owner_filter)
        bar.addStretch(1)
        bar.addWidget(self.count)
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(bar)
        column.addWidget(self.table)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.details)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        outer = QVBoxLayout(self)
        outer.addWidget(self.splitter)
