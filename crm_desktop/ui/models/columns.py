"""A table model's columns, declared once: key, translated header, and how to show a record;
and the Qt side every column table shares (row and column counts, headers, the record of a cell)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

T = TypeVar("T")
Index = QModelIndex | QPersistentModelIndex
NO_PARENT = QModelIndex()  # the root: a table has no other parent
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


@dataclass(frozen=True)
class Column(Generic[T]):
    key: str
    header: str
    text: Callable[[T], str]
    align_right: bool = False

    def display(self, record: T) -> Any:
        return self.text(record)


class ColumnTableModel(QAbstractTableModel, Generic[T]):
    """Rows of records shown through `Column`s; subclasses fill `_rows` and answer `data`."""

    def __init__(self, columns: tuple[Column[T], ...] = ()) -> None:
        super().__init__()
        self._columns = columns
        self._rows: list[T] = []

    def cell(self, index: Index) -> tuple[T, Column[T]] | None:
        """The record and column an index points at, None for an index off the table."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        return self._rows[index.row()], self._columns[index.column()]

    def rowCount(self, parent: Index = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._columns):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._columns[section].header
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(RIGHT if self._columns[section].align_right else LEFT)
        return None
