"""Deals as a paged table model (the list view), and how deal money is shown."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from PySide6.QtCore import QCoreApplication

from crm_desktop.core.domain.labels import value_label
from crm_desktop.core.domain.models import DealRead
from crm_desktop.core.domain.money import Money
from crm_desktop.core.i18n import active_language
from crm_desktop.core.services.deals import DealQuery, DealService
from crm_desktop.ui.models.columns import Column
from crm_desktop.ui.models.paged import PAGE, ROW_ID_ROLE, PagedTableModel  # noqa: F401 (re-exported)

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")

SORTABLE = {key: key for key in ("title", "stage", "status", "amount", "expected_close", "owner")}




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


class DealsModel(PagedTableModel[DealRead, DealQuery]):
    def __init__(self, deals: DealService, query: DealQuery = DealQuery()) -> None:
        super().__init__(deal_columns(), query, sort_keys=SORTABLE)
        self._deals = deals
        self.reload()

    def count_records(self) -> int:
        return self._deals.count(self._query)

    def read_page(self, offset: int, limit: int) -> list[DealRead]:
        return self._deals.page(self._query, offset=offset, limit=limit)

    def deal_at(self, row: int) -> DealRead:
        return self.record_at(row)
