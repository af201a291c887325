"""The paging every list model shares: a column table over a core query, a first page on
reload, more on fetchMore, and sorting by a clicked header (the core sorts, so a sorted list of
100,000 rows still loads a page at a time)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any, Generic, Protocol, TypeVar

from PySide6.QtCore import QModelIndex, Qt

from crm_desktop.core.services.ordering import Ordering
from crm_desktop.ui.models.columns import LEFT, NO_PARENT, RIGHT, Column, ColumnTableModel, Index

PAGE = 200
ROW_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class HasId(Protocol):
    @property
    def id(self) -> str: ...


class Ordered(Protocol):
    @property
    def order(self) -> Ordering: ...


T = TypeVar("T", bound=HasId)
Q = TypeVar("Q", bound=Ordered)


class PagedTableModel(ColumnTableModel[T], Generic[T, Q]):
    """Subclasses say how to count and read a page of their query; this does the Qt side.

    `sort_keys` maps a column's key to the core's sort key for it; other columns do not sort.
    """

    def __init__(self, columns: tuple[Column[T], ...], query: Q,
                 sort_keys: dict[str, str] | None = None) -> None:
        super().__init__(columns)
        self._query = query
        self._sort_keys = sort_keys or {}
        self._row_of_id: dict[str, int] = {}
        self._total = 0

    # -- to provide ---------------------------------------------------------------------------

    def count_records(self) -> int:
        raise NotImplementedError

    def read_page(self, offset: int, limit: int) -> list[T]:
        raise NotImplementedError

    def forget_cached(self) -> None:
        """Drop anything cached alongside the rows (called on reload and clear)."""

    # -- Qt model interface ---------------------------------------------------------------

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (found := self.cell(index)) is None:
            return None
        record, column = found
        if role == Qt.ItemDataRole.DisplayRole:
            return column.display(record)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(RIGHT if column.align_right else LEFT)
        if role == ROW_ID_ROLE:
            return record.id
        return self.extra_data(record, column, role)

    def extra_data(self, record: T, column: Column[T], role: int) -> Any:
        """Other roles (colours, tooltips) for subclasses that show more than text."""
        return None

    def canFetchMore(self, parent: Index = NO_PARENT) -> bool:
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: Index = NO_PARENT) -> None:
        if parent.isValid():
            return
        page = self.read_page(len(self._rows), PAGE)
        if not page:
            self._total = len(self._rows)
            return
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(page) - 1)
        self._append(page)
        self.endInsertRows()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by a clicked header: the core reads the first page in the new order."""
        key = self._sort_keys.get(self._columns[column].key) if 0 <= column < len(self._columns) else None
        if key is None:
            return
        ordering = Ordering(key, order == Qt.SortOrder.DescendingOrder)
        if ordering != self._query.order:
            self._query = replace(self._query, order=ordering)  # type: ignore[type-var]
            self.reload()

    # -- ours -------------------------------------------------------------------------------

    def reload(self, query: Q | None = None) -> None:
        """Start again from the first page: after a change, or with new filters (the order the
        user chose by clicking a header is kept)."""
        if query is not None:
            self._query = replace(query, order=self._query.order)  # type: ignore[type-var]
        self.beginResetModel()
        self.forget_cached()
        self._total = self.count_records()
        self._rows, self._row_of_id = [], {}
        self._append(self.read_page(0, PAGE))
        self.endResetModel()

    def clear(self) -> None:
        self.beginResetModel()
        self.forget_cached()
        self._rows, self._row_of_id, self._total = [], {}, 0
        self.endResetModel()

    def record_at(self, row: int) -> T:
        return self._rows[row]

    def row_of(self, record_id: str) -> int | None:
        return self._row_of_id.get(record_id)

    def sorted_column(self) -> int:
        """The column the list is sorted by (-1: an order no column shows), for the header."""
        keys = [self._sort_keys.get(column.key) for column in self._columns]
        return keys.index(self._query.order.key) if self._query.order.key in keys else -1

    @property
    def query(self) -> Q:
        return self._query

    @property
    def columns(self) -> tuple[Column[T], ...]:
        return self._columns

    @property
    def total(self) -> int:
        return self._total

    def _append(self, records: list[T]) -> None:
        start = len(self._rows)
        self._rows.extend(records)
        self._row_of_id.update((record.id, start + i) for i, record in enumerate(records))
