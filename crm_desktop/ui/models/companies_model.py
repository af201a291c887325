"""Companies as a paged table model: rows are fetched a page at a time as the view scrolls."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from crm_desktop.core.domain.models import CompanyRead
from crm_desktop.core.services.companies import CompanyQuery, CompanyService
from crm_desktop.ui.models.columns import Column
from crm_desktop.ui.models.paged import PAGE, ROW_ID_ROLE, PagedTableModel  # noqa: F401 (re-exported)

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")
SORTABLE = {key: key for key in ("name", "industry", "phone", "website")}  # column → core sort key


def company_columns() -> tuple[Column[CompanyRead], ...]:
    return (
        Column("name", translate("CompaniesModel", "Name"), lambda c: c.name),
        Column("industry", translate("CompaniesModel", "Industry"), lambda c: c.industry),
        Column("phone", translate("CompaniesModel", "Phone"), lambda c: c.phone),
        Column("website", translate("CompaniesModel", "Website"), lambda c: c.website),
        Column("tags", translate("CompaniesModel", "Tags"), lambda c: ", ".join(c.tags)),
    )


class CompaniesModel(PagedTableModel[CompanyRead, CompanyQuery]):
    def __init__(self, companies: CompanyService, query: CompanyQuery = CompanyQuery()) -> None:
        super().__init__(company_columns(), query, sort_keys=SORTABLE)
        self._companies = companies
        self.reload()

    def count_records(self) -> int:
        return self._companies.count(self._query)

    def read_page(self, offset: int, limit: int) -> list[CompanyRead]:
        return self._companies.page(self._query, offset=offset, limit=limit)

    def company_at(self, row: int) -> CompanyRead:
        return self.record_at(row)
