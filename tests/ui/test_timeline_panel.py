"""A contact's timeline and its quick actions: call, note, follow-up, deal, service log."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from decimal import Decimal

import pytest
from PySide6.QtCore import QDate, QDateTime, Qt, QTime

from crm_desktop.core.crm import Crm
from crm_desktop.core.domain.models import ContactCreate, ContactUpdate, NoteCreate
from crm_desktop.core.services.deals import DealQuery
from crm_desktop.ui.changes import ChangeBus
from crm_desktop.ui.controllers.contacts_page import ContactsPage
from crm_desktop.ui.controllers.shell import Shell
from crm_desktop.ui.controllers.timeline_panel import TimelinePanel


@pytest.fixture
def bus() -> ChangeBus:
    return ChangeBus()


@pytest.fixture
def panel(crm: Crm, bus: ChangeBus, qtbot) -> Iterator[TimelinePanel]:  # type: ignore[no-untyped-def]
    widget = TimelinePanel(crm, bus)
    qtbot.addWidget(widget)
    widget.show()
    yield widget


@pytest.fixture
def anna(crm: Crm) -> str:
    return crm.contacts.add(ContactCreate(display_name="Anna Li", note="Met at the fair")).value.id


def test_logging_a_call_puts_it_on_top_of_the_timeline(panel: TimelinePanel, crm: Crm,
                                                       anna: str) -> None:
    """A call logged from the panel is stored on the contact and shown first in the timeline."""
    panel.show_contact(anna)
    panel.quick.call_button.click()
    panel.quick.note_body.setPlainText("Asked for a quote")
    panel.quick.save()
    top = panel.entries()[0]
    assert (top.kind, top.title) == ("call", "Asked for a quote")
    assert panel.entries_list.item(0).text().startswith("Asked for a quote")
    latest = crm.notes.for_record(anna)[0]
    assert (latest.kind, latest.body) == ("call", "Asked for a quote")
    assert panel.quick.box.isHidden()


def test_a_follow_up_creates_a_reminder_due_at_the_chosen_time(panel: TimelinePanel, crm: Crm,
                                                              anna: str) -> None:
    """A follow-up becomes a reminder on the contact, due at the date and time picked."""
    panel.show_contact(anna)
    panel.quick.follow_up_button.click()
    panel.quick.follow_up_title.setText("Send the brochure")
    chosen = QDateTime(QDate(2031, 3, 14), QTime(15, 30))
    panel.quick.follow_up_due.setDateTime(chosen)
    panel.quick.save()
    [reminder] = crm.reminders.list("all", contact_id=anna)
    assert reminder.title == "Send the brochure"
    assert reminder.due_at == datetime.fromtimestamp(chosen.toSecsSinceEpoch(), UTC)
    assert [e.title for e in panel.entries() if e.kind == "reminder"] == ["Send the brochure"]


def test_a_follow_up_defaults_to_tomorrow_morning(panel: TimelinePanel, anna: str) -> None:
    """The follow-up's time picker starts at 09:00 tomorrow, local time."""
    panel.show_contact(anna)
    panel.quick.follow_up_button.click()
    due = panel.quick.follow_up_due.dateTime()
    assert due.time() == QTime(9, 0)
    assert due.date() == QDate.currentDate().addDays(1)


def test_a_new_deal_is_linked_to_the_contact_and_shown(panel: TimelinePanel, crm: Crm,
                                                       anna: str) -> None:
    """A deal made from the panel belongs to the contact and appears in its timeline."""
    panel.show_contact(anna)
    panel.quick.deal_button.click()
    panel.quick.deal_title.setText("50 office chairs")
    panel.quick.deal_amount.setText("12000")
    panel.quick.save()
    [deal] = crm.deals.page(DealQuery(contact_id=anna))
    assert (deal.title, deal.amount) == ("50 office chairs", Decimal("12000.00"))
    assert [e.title for e in panel.entries() if e.kind == "deal"] == ["50 office chairs"]


def test_a_new_service_log_is_linked_to_the_contact_and_shown(panel: TimelinePanel, crm: Crm,
                                                              anna: str) -> None:
    """A service log made from the panel belongs to the contact, on the chosen channel."""
    panel.show_contact(anna)
    panel.quick.service_button.click()
    panel.quick.service_subject.setText("Chair wobbles")
    panel.quick.service_channel.setCurrentIndex(panel.quick.service_channel.findData("wechat"))
    panel.quick.save()
    [log] = crm.service.list(contact_id=anna)
    assert (log.subject, log.channel) == ("Chair wobbles", "wechat")
    assert panel.entries()[0].title == "Chair wobbles"


def test_editing_the_title_shows_in_the_field_history(panel: TimelinePanel, crm: Crm,
                                                     bus: ChangeBus, anna: str) -> None:
    """A change of the contact's title appears as old → new, with who made it."""
    panel.show_contact(anna)
    outcome = crm.contacts.update(anna, ContactUpdate(title="Buyer"))
    bus.publish(outcome.changes)  # as the editor would
    history = [e for e in panel.entries() if e.kind == "history"]
    assert history[0].title == "Title: '' → 'Buyer'"
    assert "tester" in history[0].detail


def test_an_empty_note_is_refused_with_the_message(panel: TimelinePanel, crm: Crm,
                                                   anna: str) -> None:
    """Saving a blank note shows the core's message inline and stores nothing."""
    panel.show_contact(anna)
    before = len(crm.notes.for_record(anna))
    panel.quick.note_button.click()
    panel.quick.note_body.setPlainText("   ")
    panel.quick.save()
    assert panel.quick.error.text() == "Text is required."
    assert not panel.quick.error.isHidden() and not panel.quick.box.isHidden()
    assert len(crm.notes.for_record(anna)) == before


def test_forget_empties_the_panel(panel: TimelinePanel, anna: str) -> None:
    """After forget() nothing about the contact is shown and the actions are disabled."""
    panel.show_contact(anna)
    assert panel.entries()
    panel.forget()
    assert panel.entries() == [] and panel.entries_list.count() == 0
    assert panel.contact_id is None and not panel.quick.call_button.isEnabled()
    assert "Anna" not in panel.heading.text()


def test_a_shortcut_on_the_contacts_page_opens_the_timeline_and_logs_a_call(
        unlocked: Shell, gui_crm: Crm, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Ctrl+Shift+C on the contacts page brings up the timeline with the call form open."""
    assert unlocked.workbench is not None
    contact = gui_crm.contacts.add(ContactCreate(display_name="王芳")).value
    unlocked.workbench.nav.setCurrentRow(1)
    page = unlocked.workbench.contacts
    assert isinstance(page, ContactsPage)
    page.show_contact(contact.id)
    assert page.timeline.contact_id == contact.id
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_C,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert page.details.currentWidget() is page.timeline
    assert page.timeline.quick.action == "call"
    page.timeline.quick.note_body.setPlainText("回电话")
    page.timeline.quick.save()
    assert [n.body for n in gui_crm.notes.for_record(contact.id)] == ["回电话"]


def test_the_timeline_follows_changes_made_elsewhere(panel: TimelinePanel, crm: Crm,
                                                     bus: ChangeBus, anna: str) -> None:
    """A note added elsewhere and published on the bus shows up without reselecting."""
    panel.show_contact(anna)
    outcome = crm.notes.add(NoteCreate(body="Emailed the catalogue", kind="email", contact_id=anna))
    bus.publish(outcome.changes)
    assert panel.entries()[0].title == "Emailed the catalogue"
