"""What every list page lays out the same way: the record table, and a toolbar (new, filters,
count) over it with the record's form (and timeline) beside it."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")
FIT_ROWS = 40


def record_table(row_height: int) -> QTableView:
    """A read-only table of records: whole rows selected one at a time, no row numbers."""
    table = QTableView()
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(row_height)
    table.horizontalHeader().setStretchLastSection(True)
    table.horizontalHeader().setSortIndicatorShown(False)
    # Fitting a column to its contents measures this many rows, not the whole first page.
    table.horizontalHeader().setResizeContentsPrecision(FIT_ROWS)
    return table


class RecordListView(QWidget):
    """Toolbar and table on the left, the form (and the timeline, when given) on the right."""

    def __init__(self, new_text: str, new_tip: str, form: QWidget,
                 timeline: QWidget | None = None) -> None:
        super().__init__()
        self.new_button = QPushButton(new_text)
        self.new_button.setToolTip(new_tip)
        self.count = QLabel()
        self.table = record_table(self.fontMetrics().height() + 10)
        self.form = form
        self.details = QTabWidget()  # the form ("Details") and, when given, the timeline
        self.details.setTabBarAutoHide(True)
        self.details.addTab(form, translate("RecordListView", "Details"))
        if timeline is not None:
            self.details.addTab(timeline, translate("RecordListView", "Timeline"))
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self._bar = QHBoxLayout()
        self._lay_out()

    def add_filter(self, label: str) -> QComboBox:
        """A labelled drop-down in the toolbar, after the ones already there."""
        combo = QComboBox()
        combo.setMinimumContentsLength(8)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        caption = QLabel(label)
        caption.setBuddy(combo)
        stretch_at = self._bar.count() - 2  # before the stretch and the count
        self._bar.insertWidget(stretch_at, caption)
        self._bar.insertWidget(stretch_at + 1, combo)
        return combo

    def _lay_out(self) -> None:
        self._bar.addWidget(self.new_button)
        self._bar.addStretch(1)
        self._bar.addWidget(self.count)
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(self._bar)
        column.addWidget(self.table)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.details)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([640, 400])
        outer = QVBoxLayout(self)
        outer.addWidget(self.splitter)
