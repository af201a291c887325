"""The recycle bin: restore and purge."""

from __future__ import annotations

import pytest
from sqlmodel import select

from crm_desktop.core.crm import Crm
from crm_desktop.core.domain.models import ContactCreate, DealCreate
from crm_desktop.core.errors import NotFoundError
from crm_desktop.core.storage.tables import JournalEntry


def test_deleted_records_wait_in_the_bin_and_come_back(crm: Crm) -> None:
    """A deleted contact is listed in the bin and restoring brings it back."""
    contact = crm.contacts.add(ContactCreate(display_name="Restorable")).value
    crm.contacts.delete(contact.id)
    assert [(i.entity, i.label) for i in crm.trash.list()] == [("contact", "Restorable")]
    crm.trash.restore(contact.id)
    assert crm.contacts.get(contact.id).display_name == "Restorable"
    assert crm.trash.list() == []


def test_purge_removes_the_record_and_its_journal_values(crm: Crm) -> None:
    """Purging erases the row and the values the journal held; deals that pointed at it stay."""
    contact = crm.contacts.add(ContactCreate(display_name="Purge Me")).value
    deal = crm.deals.add(DealCreate(title="Keep", contact_id=contact.id)).value
    crm.contacts.delete(contact.id)
    crm.trash.purge(contact.id)
    with pytest.raises(NotFoundError):
        crm.trash.restore(contact.id)
    assert crm.deals.get(deal.id).contact_id is None
    with crm.db.read() as session:
        values = [(e.old_value, e.new_value) for e in
                  session.exec(select(JournalEntry).where(JournalEntry.row_id == contact.id))]
    assert values and all(v == (None, None) for v in values)


def test_only_deleted_records_can_be_purged(crm: Crm) -> None:
    """A live record cannot be purged by mistake; it must be deleted first."""
    contact = crm.contacts.add(ContactCreate(display_name="Alive")).value
    with pytest.raises(NotFoundError):
        crm.trash.purge(contact.id)
    assert crm.contacts.get(contact.id).display_name == "Alive"


def test_purge_is_journalled_and_undo_stops_there(crm: Crm) -> None:
    """After a purge, undo says it cannot go past it, and keeps saying so instead of getting stuck."""
    from crm_desktop.core.domain.models import CompanyCreate, ContactUpdate
    from crm_desktop.core.errors import UndoBlockedError
    first = crm.companies.add(CompanyCreate(name="A")).value
    second = crm.companies.add(CompanyCreate(name="B")).value
    contact = crm.contacts.add(ContactCreate(display_name="C", company_id=first.id)).value
    crm.contacts.update(contact.id, ContactUpdate(company_id=second.id))
    crm.companies.delete(first.id)
    crm.trash.purge(first.id)
    for _ in range(2):
        with pytest.raises(UndoBlockedError, match="cannot be undone"):
            crm.undo()
    assert crm.contacts.get(contact.id).company_id == second.id
    assert [h.op for h in crm.history.of(first.id)][-1] == "purge"


def test_purging_a_contact_takes_its_notes_and_unlinks_the_rest(crm: Crm) -> None:
    """A purged contact's own notes go too; its deals stay, without the contact, and are searchable."""
    from crm_desktop.core.domain.models import NoteCreate
    contact = crm.contacts.add(ContactCreate(display_name="Ephemeral")).value
    note = crm.notes.add(NoteCreate(body="secret plans", contact_id=contact.id)).value
    deal = crm.deals.add(DealCreate(title="Lasting deal", contact_id=contact.id)).value
    crm.contacts.delete(contact.id)
    crm.trash.purge(contact.id)
    assert crm.notes.for_record(contact.id) == [] and crm.search("secret plans") == []
    with crm.db.read() as session:
        from crm_desktop.core.storage.tables import Note
        assert session.get(Note, note.id) is None
    assert crm.deals.get(deal.id).contact_id is None
    assert [h.row_id for h in crm.search("Lasting deal")] == [deal.id]
