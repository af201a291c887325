"""Contacts as a paged table model: rows are fetched a page at a time as the view scrolls."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

from crm_desktop.core.domain.labels import value_label
from crm_desktop.core.domain.models import ContactRead
from crm_desktop.core.services.contacts import ContactQuery, ContactService
from crm_desktop.ui.models.columns import Column

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")

PAGE = 200
Index = QModelIndex | QPersistentModelIndex
ROW_ID_ROLE = Qt.ItemDataRole.UserRole + 1
Row = tuple[str, str, tuple[str, ...]]  # id, sort key, the texts shown


def contact_columns() -> tuple[Column[ContactRead], ...]:
    return (
        Column("name", translate("ContactsModel", "Name"), lambda c: c.display_name),
        Column("company", translate("ContactsModel", "Company"), lambda c: c.company_name),
        Column("title", translate("ContactsModel", "Job title"), lambda c: c.title),
        Column("phone", translate("ContactsModel", "Phone"), lambda c: c.primary_phone),
        Column("email", translate("ContactsModel", "Email"), lambda c: c.primary_email),
        Column("stage", translate("ContactsModel", "Stage"),
               lambda c: value_label(c.lifecycle_stage)),
        Column("tags", translate("ContactsModel", "Tags"), lambda c: ", ".join(c.tags)),
    )


class ContactsModel(QAbstractTableModel):
    def __init__(self, contacts: ContactService, query: ContactQuery = ContactQuery()) -> None:
        super().__init__()
        self._contacts = contacts
        self._query = query
        self._columns = contact_columns()
        # Rows keep only what the table shows: 100,000 full records would cost ~450 MB and
        # long garbage-collector pauses; the full contact is fetched when one is opened.
        # A row is (id, sort key, texts): the next page continues after the last row's key.
        self._rows: list[Row] = []
        self._row_of_id: dict[str, int] = {}
        self._total = 0
        self.reload()

    # -- Qt model interface ---------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row_id, _key, texts = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return texts[index.column()]
        if role == ROW_ID_ROLE:
            return row_id
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal
                and 0 <= section < len(self._columns)):
            return self._columns[section].header
        return None

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:
        if parent.isValid():
            return
        last_id, last_key, _texts = self._rows[-1] if self._rows else ("", "", ())
        page = self._contacts.page(self._query, limit=PAGE,
                                   after=(last_key, last_id) if self._rows else None)
        if not page:
            self._total = len(self._rows)
            return
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(page) - 1)
        self._append(self._compact(page))
        self.endInsertRows()

    # -- ours -------------------------------------------------------------------------------

    def reload(self, query: ContactQuery | None = None) -> None:
        """Start again from the first page (after a change or a new filter)."""
        self.beginResetModel()
        self._query = query or self._query
        self._total = self._contacts.count(self._query)
        self._rows, self._row_of_id = [], {}
        self._append(self._compact(self._contacts.page(self._query, limit=PAGE)))
        self.endResetModel()

    def _append(self, rows: list[Row]) -> None:
        start = len(self._rows)
        self._rows.extend(rows)
        self._row_of_id.update((row[0], start + i) for i, row in enumerate(rows))

    def _compact(self, contacts: list[ContactRead]) -> list[Row]:
        return [(c.id, c.sort_key, tuple(str(column.display(c)) for column in self._columns))
                for c in contacts]

    def clear(self) -> None:
        self.beginResetModel()
        self._rows, self._row_of_id, self._total = [], {}, 0
        self.endResetModel()

    def contact_at(self, row: int) -> ContactRead:
        """The full contact shown in `row`, read fresh from the workspace."""
        return self._contacts.get(self._rows[row][0])

    def id_at(self, row: int) -> str:
        return self._rows[row][0]

    def row_of(self, contact_id: str) -> int | None:
        return self._row_of_id.get(contact_id)

    @property
    def total(self) -> int:
        return self._total
