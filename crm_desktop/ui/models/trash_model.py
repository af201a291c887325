"""The recycle bin as a table model: what was deleted, newest first."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

from crm_desktop.core.domain.labels import value_label
from crm_desktop.core.domain.models import TrashItem
from crm_desktop.core.services.trash import TrashService
from crm_desktop.ui.models.columns import Column
from crm_desktop.ui.models.service_model import local_time

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")

Index = QModelIndex | QPersistentModelIndex
NO_PARENT = QModelIndex()  # the root: a table has no other parent
ROW_ID_ROLE = Qt.ItemDataRole.UserRole + 1




def trash_columns() -> tuple[Column[TrashItem], ...]:
    return (
        Column("kind", translate("TrashModel", "Kind"), lambda t: value_label(t.entity)),
        Column("label", translate("TrashModel", "Record"), lambda t: t.label),
        Column("deleted", translate("TrashModel", "Deleted"), lambda t: local_time(t.deleted_at)),
    )


class TrashModel(QAbstractTableModel):
    """The core lists at most a few hundred deleted records at once, so there is no paging."""

    def __init__(self, trash: TrashService) -> None:
        super().__init__()
        self._trash = trash
        self._columns = trash_columns()
        self._rows: list[TrashItem] = []
        self.reload()

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

    def reload(self) -> None:
        self.beginResetModel()
        self._rows = self._trash.list()
        self.endResetModel()

    def clear(self) -> None:
        self.beginResetModel()
        self._rows = []
        self.endResetModel()

    def item_at(self, row: int) -> TrashItem:
        return self._rows[row]

    def row_of(self, row_id: str) -> int | None:
        return next((i for i, t in enumerate(self._rows) if t.id == row_id), None)
