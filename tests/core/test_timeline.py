"""Service logs, notes and tags (reminders: test_reminders.py)."""

from __future__ import annotations

import pytest

from crm_desktop.core.crm import Crm
from crm_desktop.core.domain.models import (
    ContactCreate,
    NoteCreate,
    ServiceCreate,
    ServiceUpdate,
)
from crm_desktop.core.errors import ValidationError


def test_service_log_resolution_time_follows_status(crm: Crm) -> None:
    """Resolving stamps the resolution time; reopening clears it."""
    log = crm.service.add(ServiceCreate(subject="打印机故障", channel="wechat")).value
    assert log.status == "open" and log.resolved_at is None
    resolved = crm.service.update(log.id, ServiceUpdate(status="resolved", satisfaction=5)).value
    assert resolved.resolved_at is not None and resolved.satisfaction == 5
    reopened = crm.service.update(log.id, ServiceUpdate(status="in_progress")).value
    assert reopened.resolved_at is None


@pytest.mark.parametrize("change", [ServiceUpdate(satisfaction=6), ServiceUpdate(status="done"),
                                    ServiceUpdate(channel="fax")])
def test_service_log_rejects_out_of_range_values(crm: Crm, change: ServiceUpdate) -> None:
    """Satisfaction outside 1–5, unknown statuses and channels are refused."""
    log = crm.service.add(ServiceCreate(subject="x")).value
    with pytest.raises(ValidationError):
        crm.service.update(log.id, change)


def test_note_needs_a_record_and_appears_on_its_timeline(crm: Crm) -> None:
    """A note must belong to something; it shows on that contact's timeline."""
    with pytest.raises(ValidationError):
        crm.notes.add(NoteCreate(body="floating"))
    contact = crm.contacts.add(ContactCreate(display_name="王芳")).value
    crm.notes.add(NoteCreate(body="电话沟通", kind="call", contact_id=contact.id))
    assert [(n.kind, n.body) for n in crm.notes.for_record(contact.id)] == [("call", "电话沟通")]


def test_tags_add_and_remove(crm: Crm) -> None:
    """Tags can be added (without duplicates) and removed again."""
    contact = crm.contacts.add(ContactCreate(display_name="T")).value
    crm.tags.add("contact", contact.id, ["VIP", "vip", "北京"])
    assert crm.contacts.get(contact.id).tags == ("VIP", "北京")
    crm.tags.remove("contact", contact.id, ["vip"])
    assert crm.contacts.get(contact.id).tags == ("北京",)
    assert crm.tags.entity_of(contact.id) == "contact"


def test_setting_tags_adds_and_removes_in_one_undo_step(crm: Crm) -> None:
    """Editing the tag field to 'VIP, 展会' replaces the old tags; one undo puts them back."""
    contact = crm.contacts.add(ContactCreate(display_name="T", tags=["北京", "vip"])).value
    assert crm.tags.set("contact", contact.id, ["VIP", "展会", " "]).value == ("vip", "展会")
    crm.undo()
    assert crm.contacts.get(contact.id).tags == ("vip", "北京")
