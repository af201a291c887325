"""The paging every list model shares: a column table, a first page on reload, more on fetchMore."""

from __future__ import annotations

from typing import Any, Generic, Protocol, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from crm_desktop.ui.models.columns import Column

PAGE = 200
Index = QModelIndex | QPersistentModelIndex
NO_PARENT = QModelIndex()  # the root: a table has no other parent
ROW_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class HasId(Protocol):
    @property
    def id(self) -> str: ...


T = TypeVar("T", bound=HasId)


class PagedTableModel(QAbstractTableModel, Generic[T]):
    """Subclasses say how to count and read a page; this does the Qt side."""

    def __init__(self, columns: tuple[Column[T], ...]) -> None:
        super().__init__()
        self._columns = columns
        self._rows: list[T] = []
        self._total = 0

    # -- to provide ---------------------------------------------------------------------------

    def count_records(self) -> int:
        raise NotImplementedError

    def read_page(self, offset: int, limit: int) -> list[T]:
        raise NotImplementedError

    def forget_cached(self) -> None:
        """Drop anything cached alongside the rows (called on reload and clear)."""

    # -- Qt model interface ---------------------------------------------------------------

    def rowCount(self, parent: Index = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        record = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._columns[index.column()].display(record)
        if role == ROW_ID_ROLE:
            return record.id
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal
                and 0 <= section < len(self._columns)):
            return self._columns[section].header
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
        self._rows.extend(page)
        self.endInsertRows()

    # -- ours -------------------------------------------------------------------------------

    def reload(self) -> None:
        """Start again from the first page (after a change or a new filter)."""
        self.beginResetModel()
        self.forget_cached()
        self._total = self.count_records()
        self._rows = self.read_page(0, PAGE)
        self.endResetModel()

    def clear(self) -> None:
        self.beginResetModel()
        self.forget_cached()
        self._rows, self._total = [], 0
        self.endResetModel()

    def record_at(self, row: int) -> T:
        return self._rows[row]

    def row_of(self, record_id: str) -> int | None:
        return next((i for i, record in enumerate(self._rows) if record.id == record_id), None)

    @property
    def columns(self) -> tuple[Column[T], ...]:
        return self._columns

    @property
    def total(self) -> int:
        return self._total
