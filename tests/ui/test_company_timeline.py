"""A company's timeline on the companies page: notes, deals, people, history and quick actions."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import QSettings, Qt

from crm_desktop.core.crm import Crm
from crm_desktop.core.domain.models import (
    CompanyCreate,
    CompanyUpdate,
    ContactCreate,
    ContactUpdate,
    DealCreate,
    NoteCreate,
)
from crm_desktop.core.services.deals import DealQuery
from crm_desktop.ui.changes import ChangeBus
from crm_desktop.ui.controllers.companies_page import CompaniesPage


@pytest.fixture
def bus() -> ChangeBus:
    return ChangeBus()


@pytest.fixture
def page(crm: Crm, bus: ChangeBus, qsettings: QSettings, qtbot) -> CompaniesPage:  # type: ignore[no-untyped-def]
    widget = CompaniesPage(crm, bus, qsettings)
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    return widget


@pytest.fixture
def acme(crm: Crm) -> str:
    return crm.companies.add(CompanyCreate(name="华宇科技")).value.id


def test_a_call_logged_on_a_company_shows_in_its_timeline(page: CompaniesPage, crm: Crm,
                                                          acme: str) -> None:
    """A call logged on the company's timeline is stored on the company and shown first."""
    page.show_company(acme)
    page.details.setCurrentWidget(page.timeline)
    page.timeline.quick.call_button.click()
    page.timeline.quick.note_body.setPlainText("询价：办公椅")
    page.timeline.quick.save()
    latest = crm.notes.for_record(acme)[0]
    assert (latest.kind, latest.body, latest.company_id) == ("call", "询价：办公椅", acme)
    top = page.timeline.entries()[0]
    assert (top.kind, top.title) == ("call", "询价：办公椅")
    assert page.timeline.entries_list.item(0).text() == "询价：办公椅"


def test_the_company_timeline_lists_its_deals_and_people(page: CompaniesPage, crm: Crm,
                                                         acme: str) -> None:
    """The company's timeline shows its deals and the people who work there, not others'."""
    crm.deals.add(DealCreate(title="50 office chairs", company_id=acme, amount="12000"))
    crm.deals.add(DealCreate(title="Someone else's deal", amount="10"))
    crm.contacts.add(ContactCreate(display_name="王芳", company_id=acme, title="采购经理"))
    crm.contacts.add(ContactCreate(display_name="Bob Stranger"))
    page.show_company(acme)
    entries = page.timeline.entries()
    assert [(e.kind, e.title) for e in entries if e.kind == "deal"] == [
        ("deal", "50 office chairs")]
    [person] = [e for e in entries if e.kind == "person"]
    assert person.title == "王芳" and "采购经理" in person.detail
    assert [e.at for e in entries] == sorted((e.at for e in entries), reverse=True)


def test_the_company_timeline_shows_its_field_history(page: CompaniesPage, crm: Crm,
                                                      bus: ChangeBus, acme: str) -> None:
    """A change of the company's industry appears in its timeline as old → new."""
    page.show_company(acme)
    bus.publish(crm.companies.update(acme, CompanyUpdate(industry="家具")).changes)
    history = [e.title for e in page.timeline.entries() if e.kind == "history"]
    assert "Industry: '' → '家具'" in history


def test_the_company_timeline_follows_people_and_notes_added_elsewhere(
        page: CompaniesPage, crm: Crm, bus: ChangeBus, acme: str) -> None:
    """A note or a person added elsewhere and published shows up without reselecting."""
    page.show_company(acme)
    bus.publish(crm.notes.add(NoteCreate(body="Sent the catalogue", kind="email",
                                         company_id=acme)).changes)
    contact = crm.contacts.add(ContactCreate(display_name="Li Lei")).value
    bus.publish(crm.contacts.update(contact.id, ContactUpdate(company_id=acme)).changes)
    titles = [e.title for e in page.timeline.entries()]
    assert "Sent the catalogue" in titles and "Li Lei" in titles


def test_a_new_deal_from_the_company_timeline_belongs_to_the_company(
        page: CompaniesPage, crm: Crm, acme: str) -> None:
    """New deal on the company's timeline creates a deal of that company, shown in it."""
    page.show_company(acme)
    page.timeline.quick.deal_button.click()
    page.timeline.quick.deal_title.setText("Standing desks")
    page.timeline.quick.deal_amount.setText("8000")
    page.timeline.quick.save()
    [deal] = crm.deals.page(DealQuery(company_id=acme))
    assert (deal.title, deal.amount, deal.contact_id) == ("Standing desks", Decimal("8000.00"),
                                                          None)
    assert [e.title for e in page.timeline.entries() if e.kind == "deal"] == ["Standing desks"]


def test_a_company_offers_only_call_note_and_deal(page: CompaniesPage, acme: str) -> None:
    """On a company the quick actions are log a call, add a note and new deal."""
    page.show_company(acme)
    quick = page.timeline.quick
    shown = [b.text() for b in (quick.call_button, quick.note_button, quick.follow_up_button,
                                quick.deal_button, quick.service_button) if not b.isHidden()]
    assert shown == ["Log a call", "Add a note", "New deal"]
    quick.start("service")
    assert quick.action == "" and quick.box.isHidden()


def test_a_shortcut_on_the_companies_page_opens_the_timeline_with_the_note_form(
        page: CompaniesPage, acme: str, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Ctrl+Shift+N on the companies page brings up the timeline with the note form open."""
    page.show_company(acme)
    assert page.details.currentWidget() is page.editor
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_N,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert page.details.currentWidget() is page.timeline
    assert page.timeline.quick.action == "note"


def test_new_company_and_lock_empty_the_timeline(page: CompaniesPage, acme: str) -> None:
    """New company and lock leave nothing of the previous company in the timeline."""
    page.show_company(acme)
    assert page.timeline.company_id == acme and "华宇" in page.timeline.heading.text()
    page.new()
    assert page.timeline.company_id is None and page.timeline.entries() == []
    page.show_company(acme)
    page.forget()
    assert page.timeline.entries_list.count() == 0
    assert "华宇" not in page.timeline.heading.text()
    assert not page.timeline.quick.call_button.isEnabled()
