"""Deals as a paged table model (the list view), and how deal money is shown."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

from crm_desktop.core.domain.labels import value_label
from crm_desktop.core.domain.models import DealRead
from crm_desktop.core.domain.money import Money
from crm_desktop.core.i18n import active_language
from crm_desktop.core.services.deals import DealQuery, DealService
from crm_desktop.ui.models.columns import Column

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")

PAGE = 200
Index = QModelIndex | QPersistentModelIndex
ROW_ID_ROLE = Qt.ItemDataRole.UserRole + 1
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter




def money_text(amount: Decimal, currency: str) -> str:
    """An amount as the user's language writes it (¥12,000.00 / CN¥12,000.00)."""
    return Money.parse(amount, currency).format(active_language())


def totals_text(amounts: Iterable[tuple[Decimal, str]], first: str = "CNY") -> str:
    """Sums per currency, the workspace currency first: "¥1,200.00 + $30.00"."""
    sums: dict[str, Decimal] = {}
    for amount, currency in amounts:
        sums[currency] = sums.get(currency, Decimal(0)) + amount
    if not sums:
        return money_text(Decimal(0), first)
    order = sorted(sums, key=lambda code: (code != first, code))
    return " + ".join(money_text(sums[code], code) for code in order)


def deal_columns() -> tuple[Column[DealRead], ...]:
    return (
        Column("title", translate("DealsModel", "Title"), lambda d: d.title),
        Column("stage", translate("DealsModel", "Stage"), lambda d: d.stage_name),
        Column("status", translate("DealsModel", "Status"), lambda d: value_label(d.status)),
        Column("amount", translate("DealsModel", "Amount"), lambda d: money_text(d.amount, d.currency),
               align_right=True),
        Column("expected_close", translate("DealsModel", "Expected close"), lambda d: d.expected_close or ""),
        Column("owner", translate("DealsModel", "Owner"), lambda d: d.owner),
    )


class DealsModel(QAbstractTableModel):
    def __init__(self, deals: DealService, query: DealQuery = DealQuery()) -> None:
        super().__init__()
        self._deals = deals
        self._query = query
        self._columns = deal_columns()
        self._rows: list[DealRead] = []
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
        record = self._rows[index.row()]
        column = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.display(record)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(RIGHT if column.align_right else LEFT)
        if role == ROW_ID_ROLE:
            return record.id
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._columns):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._columns[section].header
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(RIGHT if self._columns[section].align_right else LEFT)
        return None

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:
        if parent.isValid():
            return
        page = self._deals.page(self._query, offset=len(self._rows), limit=PAGE)
        if not page:
            self._total = len(self._rows)
            return
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(page) - 1)
        self._rows.extend(page)
        self.endInsertRows()

    # -- ours -------------------------------------------------------------------------------

    def reload(self, query: DealQuery | None = None) -> None:
        """Start again from the first page (after a change or a new filter)."""
        self.beginResetModel()
        self._query = query or self._query
        self._total = self._deals.count(self._query)
        self._rows = self._deals.page(self._query, limit=PAGE)
        self.endResetModel()

    def clear(self) -> None:
        self.beginResetModel()
        self._rows, self._total = [], 0
        self.endResetModel()

    def deal_at(self, row: int) -> DealRead:
        return self._rows[row]

    def row_of(self, deal_id: str) -> int | None:
        return next((i for i, d in enumerate(self._rows) if d.id == deal_id), None)

    @property
    def total(self) -> int:
        return self._total
