"""The companies page: paged model, the form, inline validation, delete to the recycle bin."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from crm_desktop.core.crm import Crm
from crm_desktop.core.demo import populate_demo
from crm_desktop.core.domain.models import CompanyCreate
from crm_desktop.ui.changes import ChangeBus
from crm_desktop.ui.controllers.companies_page import CompaniesPage
from crm_desktop.ui.controllers.trash_page import TrashPage
from crm_desktop.ui.models.companies_model import PAGE, CompaniesModel


@pytest.fixture
def bus() -> ChangeBus:
    return ChangeBus()


@pytest.fixture
def page(crm: Crm, bus: ChangeBus, qsettings: QSettings, qtbot) -> CompaniesPage:  # type: ignore[no-untyped-def]
    widget = CompaniesPage(crm, bus, qsettings)
    qtbot.addWidget(widget)
    return widget


def test_companies_model_passes_the_model_tester(crm: Crm, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    """The companies model follows Qt's model rules (checked by qtmodeltester)."""
    populate_demo(crm, 50)
    qtmodeltester.check(CompaniesModel(crm.companies))


def test_companies_model_pages_on_demand(crm: Crm) -> None:
    """Only the first page of companies is loaded at first; fetchMore brings the rest."""
    populate_demo(crm, (PAGE + 20) * 5)
    model = CompaniesModel(crm.companies)
    assert (model.rowCount(), model.total) == (PAGE, PAGE + 20)
    model.fetchMore()
    assert model.rowCount() == PAGE + 20 and not model.canFetchMore()


def test_company_created_in_the_form_lands_in_the_core_and_the_list(page: CompaniesPage,
                                                                     crm: Crm) -> None:
    """Filling the company form and saving stores it and selects it in the list."""
    page.editor.edit_new()
    page.editor.name.setText("明华科技")
    page.editor.industry.setText("制造")
    page.editor.phone.setText("010 6552 9988")
    page.editor.website.setText("www.minghua.cn")
    page.editor.tags.setText("VIP， 北京")
    page.editor.save()
    stored = crm.companies.page()
    assert [(c.name, c.industry, c.phone, c.website, set(c.tags)) for c in stored] == [
        ("明华科技", "制造", "+861065529988", "www.minghua.cn", {"VIP", "北京"})]
    selected = page.table.selectionModel().selectedRows()
    assert [page.model.company_at(i.row()).name for i in selected] == ["明华科技"]
    assert page.count.text() == "1 company(s)"


def test_editing_a_company_updates_it_and_its_tags(page: CompaniesPage, crm: Crm) -> None:
    """Changing a selected company's fields and tags saves them on the same company."""
    company = crm.companies.add(CompanyCreate(name="Acme", tags=["old"])).value
    page.model.reload()
    page.show_company(company.id)
    page.editor.industry.setText("Software")
    page.editor.tags.setText("new")
    page.editor.save()
    stored = crm.companies.get(company.id)
    assert (stored.industry, stored.tags) == ("Software", ("new",))
    assert page.model.company_at(0).industry == "Software"


def test_blank_company_name_shows_a_message_under_the_field_and_saves_nothing(
        page: CompaniesPage, crm: Crm) -> None:
    """A company without a name gets its message under the name field; nothing is stored."""
    page.editor.edit_new()
    page.editor.name.setText("   ")
    page.editor.industry.setText("Retail")
    page.editor.save()
    assert page.editor.errors["name"].text() == "Name is required."
    assert not page.editor.errors["name"].isHidden()
    assert crm.companies.count() == 0 and page.model.total == 0


def test_bad_company_phone_shows_a_message_under_the_phone_field(page: CompaniesPage,
                                                                 crm: Crm) -> None:
    """A phone number that cannot be one gets its message under the phone field."""
    page.editor.edit_new()
    page.editor.name.setText("Acme")
    page.editor.phone.setText("12")
    page.editor.save()
    assert "not a valid phone number" in page.editor.errors["phone"].text()
    assert page.editor.errors["name"].isHidden()
    assert crm.companies.count() == 0


def test_deleting_a_company_moves_it_to_the_recycle_bin(crm: Crm, bus: ChangeBus,
                                                        page: CompaniesPage,
                                                        qsettings: QSettings, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Delete takes the company off the list and shows it in the recycle bin."""
    trash = TrashPage(crm, bus, qsettings)
    qtbot.addWidget(trash)
    company = crm.companies.add(CompanyCreate(name="Northwind")).value
    page.model.reload()
    page.show_company(company.id)
    page.editor.delete_button.click()
    assert crm.companies.count() == 0 and page.model.total == 0
    assert page.editor.editing is None and not page.editor.delete_button.isEnabled()
    assert [(t.entity, t.label) for t in (trash.model.item_at(r)
                                          for r in range(trash.model.rowCount()))] == [
        ("company", "Northwind")]


def test_companies_page_remembers_its_column_widths(crm: Crm, bus: ChangeBus, page: CompaniesPage,
                                                    qsettings: QSettings, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Column widths saved on one page come back on the next one (next start, next unlock)."""
    page.table.horizontalHeader().resizeSection(0, 321)
    page.save_layout()
    again = CompaniesPage(crm, bus, qsettings)
    qtbot.addWidget(again)
    assert again.table.horizontalHeader().sectionSize(0) == 321


def test_forget_drops_the_companies_on_display(page: CompaniesPage, crm: Crm) -> None:
    """On lock the page holds no company any more, neither in the list nor in the form."""
    company = crm.companies.add(CompanyCreate(name="Acme")).value
    page.model.reload()
    page.show_company(company.id)
    page.forget()
    assert page.model.rowCount() == 0 and page.editor.name.text() == ""


def test_new_company_empties_the_form_and_the_selection(page: CompaniesPage, crm: Crm) -> None:
    """New company (Ctrl+N) starts an empty form and leaves no company selected in the list."""
    company = crm.companies.add(CompanyCreate(name="Acme")).value
    page.model.reload()
    page.show_company(company.id)
    page.new_button.click()
    assert page.editor.name.text() == "" and page.editor.editing is None
    assert page.table.selectionModel().selectedRows() == []
