"""Companies as a paged table model: rows are fetched a page at a time as the view scrolls."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

from crm_desktop.core.domain.models import CompanyRead
from crm_desktop.core.services.companies import CompanyService
from crm_desktop.ui.models.columns import Column

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")

PAGE = 200
Index = QModelIndex | QPersistentModelIndex
NO_PARENT = QModelIndex()  # the root: a table has no other parent
ROW_ID_ROLE = Qt.ItemDataRole.UserRole + 1




def company_columns() -> tuple[Column[CompanyRead], ...]:
    return (
        Column("name", translate("CompaniesModel", "Name"), lambda c: c.name),
        Column("industry", translate("CompaniesModel", "Industry"), lambda c: c.industry),
        Column("phone", translate("CompaniesModel", "Phone"), lambda c: c.phone),
        Column("website", translate("CompaniesModel", "Website"), lambda c: c.website),
        Column("tags", translate("CompaniesModel", "Tags"), lambda c: ", ".join(c.tags)),
    )


class CompaniesModel(QAbstractTableModel):
    def __init__(self, companies: CompanyService, tag: str | None = None) -> None:
        super().__init__()
        self._companies = companies
        self._tag = tag
        self._columns = company_columns()
        self._rows: list[CompanyRead] = []
        self._total = 0
        self.reload()

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
        page = self._companies.page(self._tag, offset=len(self._rows), limit=PAGE)
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
        self._total = self._companies.count(self._tag)
        self._rows = self._companies.page(self._tag, limit=PAGE)
        self.endResetModel()

    def set_tag(self, tag: str | None) -> None:
        self._tag = tag
        self.reload()

    def clear(self) -> None:
        self.beginResetModel()
        self._rows, self._total = [], 0
        self.endResetModel()

    def company_at(self, row: int) -> CompanyRead:
        return self._rows[row]

    def row_of(self, company_id: str) -> int | None:
        return next((i for i, c in enumerate(self._rows) if c.id == company_id), None)

    @property
    def total(self) -> int:
        return self._total
