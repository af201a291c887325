"""Behaviour every list page shares: finding a record's row, keeping the selection across a
reload, filling filter drop-downs, and remembering the table and splitter layout."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtWidgets import QComboBox, QSplitter, QTableView

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")

MAX_COLUMN = 260  # a first-run column is never wider than this


class PagedRows(Protocol):
    def row_of(self, record_id: str) -> int | None: ...
    def canFetchMore(self) -> bool: ...
    def fetchMore(self) -> None: ...


def find_row(model: PagedRows, record_id: str) -> int | None:
    """The record's row, loading further pages until it turns up (None: not in this list)."""
    row = model.row_of(record_id)
    while row is None and model.canFetchMore():
        model.fetchMore()
        row = model.row_of(record_id)
    return row


def select_quietly(table: QTableView, row: int | None) -> None:
    """Show `row` as selected again after a reload, without reopening it in the form."""
    if row is None:
        return
    table.selectionModel().blockSignals(True)
    table.selectRow(row)
    table.selectionModel().blockSignals(False)
    table.viewport().update()


def fill_choices(combo: QComboBox, choices: Iterable[tuple[str, Any]]) -> None:
    """Refill a filter drop-down with "All" first, keeping the current choice when it remains."""
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    combo.addItem(translate("RecordList", "All"), None)
    for label, value in choices:
        combo.addItem(label, value)
    combo.setCurrentIndex(max(0, combo.findData(current)))
    combo.blockSignals(False)


class SortableRows(Protocol):
    def sorted_column(self) -> int: ...
    @property
    def query(self) -> Any: ...


def enable_sorting(table: QTableView, model: SortableRows) -> None:
    """Click a header to sort by it (again: the other way round). The indicator starts at the
    model's order, and jumps back when a column that cannot be sorted (tags) is clicked."""
    header = table.horizontalHeader()
    header.setSortIndicatorShown(True)
    header.setSortIndicator(model.sorted_column(), _qt_order(model))
    table.setSortingEnabled(True)

    def keep_truthful(section: int, _order: Qt.SortOrder) -> None:
        if section != model.sorted_column():
            header.blockSignals(True)
            header.setSortIndicator(model.sorted_column(), _qt_order(model))
            header.blockSignals(False)

    header.sortIndicatorChanged.connect(keep_truthful)


def _qt_order(model: SortableRows) -> Qt.SortOrder:
    return Qt.SortOrder.DescendingOrder if model.query.order.descending else Qt.SortOrder.AscendingOrder


class ListLayout:
    """Saves and restores a page's column layout and splitter under `key` in the settings."""

    def __init__(self, settings: QSettings, key: str, table: QTableView,
                 splitter: QSplitter | None = None, fixed_widths: dict[int, int] | None = None) -> None:
        self._settings = settings
        self._key = key
        self._table = table
        self._splitter = splitter
        self._fixed = fixed_widths or {}

    def restore(self) -> None:
        header = self._settings.value(self._key + "header")
        if header:
            self._table.horizontalHeader().restoreState(header)
        else:
            self.fit_columns()
        splitter = self._settings.value(self._key + "splitter")
        if splitter and self._splitter is not None:
            self._splitter.restoreState(splitter)

    def save(self) -> None:
        self._settings.setValue(self._key + "header", self._table.horizontalHeader().saveState())
        if self._splitter is not None:
            self._settings.setValue(self._key + "splitter", self._splitter.saveState())

    def fit_columns(self) -> None:
        """First run: columns as wide as the first page needs, none wider than MAX_COLUMN.

        Columns given a fixed width are not measured (measuring a looked-up column, such as a
        contact's name on a service log, would look up every row of the page).
        """
        header = self._table.horizontalHeader()
        for section in range(header.count()):
            if section in self._fixed:
                header.resizeSection(section, self._fixed[section])
                continue
            self._table.resizeColumnToContents(section)
            header.resizeSection(section, min(header.sectionSize(section) + 12, MAX_COLUMN))
