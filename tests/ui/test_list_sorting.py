"""Lists sort by a clicked column header and filter by owner; the choice is remembered."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt

from crm_desktop.core.crm import Crm
from crm_desktop.core.domain.models import (CompanyCreate, ContactCreate, ReminderCreate,
                                            ServiceCreate)
from crm_desktop.ui.changes import ChangeBus
from crm_desktop.ui.controllers.companies_page import CompaniesPage
from crm_desktop.ui.controllers.contacts_page import ContactsPage
from crm_desktop.ui.controllers.reminders_page import RemindersPage
from crm_desktop.ui.controllers.service_page import ServicePage


def _column(page: ContactsPage | CompaniesPage, key: str) -> int:
    return next(i for i, c in enumerate(page.model.columns) if c.key == key)


def _shown(page: ContactsPage | CompaniesPage | ServicePage, key: str) -> list[str]:
    column = _column(page, key)  # type: ignore[arg-type]
    return [page.model.index(row, column).data() for row in range(page.model.rowCount())]


@pytest.fixture
def contacts(crm: Crm, qsettings: QSettings, qtbot) -> ContactsPage:  # type: ignore[no-untyped-def]
    for name, company, owner in (("张伟", "Zeta Trade", "Li"), ("Alice Baker", "北京华信", "Wang"),
                                 ("欧阳娜娜", "Acme", "Li")):
        crm.contacts.add(ContactCreate(display_name=name, company_name=company, owner=owner))
    page = ContactsPage(crm, ChangeBus(), qsettings)
    qtbot.addWidget(page)
    return page


def test_clicking_a_header_sorts_by_it_and_clicking_again_reverses(contacts: ContactsPage,
                                                                   qtbot) -> None:  # type: ignore[no-untyped-def]
    """Company header: A→Z in pinyin order (北京 = B); a second click: Z→A."""
    assert _shown(contacts, "name") == ["Alice Baker", "欧阳娜娜", "张伟"]  # pinyin name order
    contacts.show()
    header = contacts.table.horizontalHeader()
    spot = QPoint(header.sectionViewportPosition(_column(contacts, "company")) + 8, 8)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=spot)
    first = _shown(contacts, "company")
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=spot)
    assert {tuple(first), tuple(_shown(contacts, "company"))} == {
        ("Acme", "北京华信", "Zeta Trade"), ("Zeta Trade", "北京华信", "Acme")}
    assert header.sortIndicatorSection() == _column(contacts, "company")


def test_a_column_that_cannot_sort_leaves_the_order_and_the_arrow(contacts: ContactsPage) -> None:
    """Clicking Tags (not sortable) keeps the rows and the arrow where they were."""
    header = contacts.table.horizontalHeader()
    before = _shown(contacts, "name")
    header.setSortIndicator(_column(contacts, "tags"), Qt.SortOrder.AscendingOrder)
    assert _shown(contacts, "name") == before
    assert header.sortIndicatorSection() == _column(contacts, "name")


def test_the_chosen_order_is_remembered(crm: Crm, contacts: ContactsPage, qsettings: QSettings,
                                        qtbot) -> None:  # type: ignore[no-untyped-def]
    """The order chosen by clicking a header comes back the next time the page is built."""
    contacts.table.sortByColumn(_column(contacts, "company"), Qt.SortOrder.DescendingOrder)
    contacts.save_layout()
    again = ContactsPage(crm, ChangeBus(), qsettings)
    qtbot.addWidget(again)
    assert _shown(again, "company") == ["Zeta Trade", "北京华信", "Acme"]


def test_owner_filter_keeps_the_chosen_order(contacts: ContactsPage) -> None:
    """Filtering by owner lists that owner's contacts only, still in the order the user chose."""
    contacts.table.sortByColumn(_column(contacts, "name"), Qt.SortOrder.DescendingOrder)
    contacts.owner_filter.setCurrentIndex(contacts.owner_filter.findData("Li"))
    assert _shown(contacts, "name") == ["张伟", "欧阳娜娜"]
    assert contacts.count.text().startswith("2 ")


def test_companies_and_service_logs_filter_by_owner(crm: Crm, qsettings: QSettings, qtbot) -> None:  # type: ignore[no-untyped-def]
    """The owner drop-down lists the owners present and narrows companies and service logs."""
    crm.companies.add(CompanyCreate(name="Mine Ltd", owner="Li"))
    crm.companies.add(CompanyCreate(name="Theirs Ltd", owner="Wang"))
    crm.service.add(ServiceCreate(subject="Broken hinge", owner="Li"))
    crm.service.add(ServiceCreate(subject="Late delivery", owner="Wang"))
    companies = CompaniesPage(crm, ChangeBus(), qsettings)
    service = ServicePage(crm, ChangeBus(), qsettings)
    qtbot.addWidget(companies)
    qtbot.addWidget(service)
    assert [companies.owner_filter.itemData(i) for i in range(companies.owner_filter.count())] == [
        None, "Li", "Wang"]
    companies.owner_filter.setCurrentIndex(companies.owner_filter.findData("Wang"))
    assert _shown(companies, "name") == ["Theirs Ltd"]
    service.owner_filter.setCurrentIndex(service.owner_filter.findData("Li"))
    assert _shown(service, "subject") == ["Broken hinge"]


def test_reminders_show_done_on_request(crm: Crm, qsettings: QSettings, qtbot) -> None:  # type: ignore[no-untyped-def]
    """A reminder marked done leaves the list, and "Show done" brings it back marked done."""
    due = datetime.now(UTC) + timedelta(hours=1)
    done = crm.reminders.add(ReminderCreate(title="Call back Mr Li", due_at=due)).value
    crm.reminders.add(ReminderCreate(title="Send the quote", due_at=due))
    crm.reminders.done(done.id)
    page = RemindersPage(crm, ChangeBus(), qsettings)
    qtbot.addWidget(page)
    page.due_filter.setCurrentIndex(page.due_filter.findData("all"))
    titles = [page.model.reminder_at(r).title for r in range(page.model.rowCount())]
    assert titles == ["Send the quote"]
    page.show_done.setChecked(True)
    status = next(i for i, c in enumerate(page.model.columns) if c.key == "status")
    rows = {page.model.reminder_at(r).title: page.model.index(r, status).data()
            for r in range(page.model.rowCount())}
    assert rows == {"Send the quote": "due", "Call back Mr Li": "done"}
