"""The change journal: history, undo, the hybrid logical clock."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlmodel import func, select

from crm_desktop.core.crm import Crm
from crm_desktop.core.domain.models import ContactCreate, ContactUpdate, DealCreate
from crm_desktop.core.errors import NotFoundError, NothingToUndoError, ValidationError
from crm_desktop.core.journal.hlc import COUNTER_BITS, HybridClock
from crm_desktop.core.journal.journal import creation_fields, creation_values, per_field
from crm_desktop.core.storage.tables import JournalEntry


def test_every_changed_field_gets_one_journal_row(crm: Crm) -> None:
    """An edit of two fields writes exactly two journal rows, with old and new values."""
    contact = crm.contacts.add(ContactCreate(display_name="Anna")).value
    crm.contacts.update(contact.id, ContactUpdate(title="Buyer", lead_source="Fair",
                                                  display_name="Anna"))
    edits = [(h.field, h.old_value, h.new_value) for h in crm.history.of(contact.id)
             if h.op == "update"]
    assert sorted(edits) == [("lead_source", "", "Fair"), ("title", "", "Buyer")]


def test_a_creation_is_one_journal_row_yet_its_history_lists_each_field(crm: Crm) -> None:
    """Creating a record writes one journal row; its history still shows every field it got."""
    contact = crm.contacts.add(ContactCreate(display_name="张伟", title="Buyer",
                                             lead_source="Fair")).value
    with crm.db.read() as session:
        rows = list(session.exec(select(JournalEntry).where(JournalEntry.row_id == contact.id)))
    assert [(r.op, r.field) for r in rows] == [("insert", "*")]
    created = {h.field: h.new_value for h in crm.history.of(contact.id) if h.op == "insert"}
    assert created["display_name"] == "张伟" and created["title"] == "Buyer"
    assert created["lead_source"] == "Fair"


def test_history_names_actor_device_and_batch(crm: Crm) -> None:
    """Each history line says who changed it, on which device, in which action."""
    contact = crm.contacts.add(ContactCreate(display_name="Ben")).value
    lines = crm.history.of(contact.id)
    assert {h.actor for h in lines} == {"tester"}
    assert {h.device_id for h in lines} == {crm.device_id}
    assert len({h.batch_id for h in lines}) == 1
    assert "display_name" in {h.field for h in lines}


def test_failed_change_writes_no_journal_rows(crm: Crm) -> None:
    """A refused change leaves neither data nor journal rows behind (one transaction)."""
    with crm.db.read() as session:
        before = session.exec(select(func.count()).select_from(JournalEntry)).one()
    with pytest.raises(ValidationError):
        crm.deals.add(DealCreate(title="x", amount="1.001"))
    with crm.db.read() as session:
        assert session.exec(select(func.count()).select_from(JournalEntry)).one() == before


def test_undo_reverts_the_last_edit_only(crm: Crm) -> None:
    """Undo puts back the fields of the last change and keeps earlier ones."""
    contact = crm.contacts.add(ContactCreate(display_name="Cara")).value
    crm.contacts.update(contact.id, ContactUpdate(title="Owner"))
    crm.contacts.update(contact.id, ContactUpdate(title="Manager"))
    result = crm.undo().value
    assert result.action == "contact.update"
    assert crm.contacts.get(contact.id).title == "Owner"


def test_undo_of_an_add_removes_the_record_and_undo_walks_back(crm: Crm) -> None:
    """Undo twice: first the edit, then the add itself (the contact disappears)."""
    contact = crm.contacts.add(ContactCreate(display_name="Dan")).value
    crm.contacts.update(contact.id, ContactUpdate(title="Boss"))
    crm.undo()
    crm.undo()
    with pytest.raises(NotFoundError):
        crm.contacts.get(contact.id)
    assert crm.search("Dan") == []


def test_undo_of_a_delete_restores_the_record(crm: Crm) -> None:
    """Deleting by mistake is undone with one undo; the record is back in search too."""
    contact = crm.contacts.add(ContactCreate(display_name="欧阳明华")).value
    crm.contacts.delete(contact.id)
    assert crm.search("明华") == []
    crm.undo()
    assert crm.contacts.get(contact.id).display_name == "欧阳明华"
    assert [h.row_id for h in crm.search("明华")] == [contact.id]


def test_nothing_to_undo_is_a_clear_message(crm: Crm) -> None:
    """Undo on a workspace with no own changes says there is nothing to undo."""
    while True:
        try:
            crm.undo()
        except NothingToUndoError as error:
            assert "nothing to undo" in str(error)
            break


@given(st.lists(st.tuples(st.integers(0, 2**40), st.booleans(), st.integers(0, 2**50)),
                min_size=1, max_size=200))
def test_clock_only_moves_forward_whatever_the_wall_clock_does(
        steps: list[tuple[int, bool, int]]) -> None:
    """Under skewed, stuck or backwards wall clocks the HLC never repeats or goes back."""
    wall = [0]
    clock = HybridClock(wall_ms=lambda: wall[0])
    seen: list[int] = []
    for wall_ms, receive, remote in steps:
        wall[0] = wall_ms
        if receive:
            clock.receive(remote << COUNTER_BITS)
        seen.append(clock.now())
    assert seen == sorted(set(seen))


def test_counter_overflow_carries_into_the_millisecond() -> None:
    """65,536 events in one millisecond roll into the next millisecond instead of raising."""
    clock = HybridClock(wall_ms=lambda: 1000)
    stamps = [clock.now() for _ in range(70_000)]
    assert stamps[-1] >> COUNTER_BITS == 1001 and len(set(stamps)) == 70_000


def test_reserved_timestamps_are_never_issued_again() -> None:
    """A block reserved for a bulk write is skipped by every later timestamp."""
    clock = HybridClock(wall_ms=lambda: 5)
    first = clock.reserve(1000)
    assert clock.now() == first + 1000


def test_a_fresh_workspace_has_nothing_to_undo(crm: Crm) -> None:
    """Undo right after creating a workspace does not remove its default pipeline stages."""
    with pytest.raises(NothingToUndoError, match="nothing to undo"):
        crm.undo()
    assert len(crm.deals.stages()) == 4


def test_settings_changes_are_journalled_and_undone(crm: Crm) -> None:
    """Changing the currency is in the journal, and undo puts the old currency back."""
    crm.settings.update(currency="usd")
    assert crm.settings.get().currency == "USD"
    assert [(h.field, h.old_value, h.new_value) for h in crm.history.of("settings")][-1] == (
        "currency", "CNY", "USD")
    crm.undo()
    assert crm.settings.get().currency == "CNY"


def test_clock_resumes_after_every_issued_timestamp(workspace, data_key) -> None:  # type: ignore[no-untyped-def]
    """Reopening seeds the clock past the newest journal entry, not just the newest batch."""
    from crm_desktop.core.crm import open_crm
    from crm_desktop.core.storage.tables import JournalEntry
    with open_crm(workspace, data_key) as first:
        first.contacts.add(ContactCreate(display_name="Tick", title="t", lead_source="s"))
        with first.db.read() as session:
            newest = session.exec(select(func.max(JournalEntry.hlc))).one()
    with open_crm(workspace, data_key) as second:
        assert second.db.journal.clock.now() > newest


def test_history_shows_what_a_person_changed_not_derived_keys(crm: Crm) -> None:
    """A rename shows as a name change; the derived sort key stays out of the history."""
    contact = crm.contacts.add(ContactCreate(display_name="白")).value
    crm.contacts.update(contact.id, ContactUpdate(display_name="周"))
    fields = {h.field for h in crm.history.of(contact.id) if h.op == "update"}
    assert fields == {"display_name"}


def test_a_creation_row_leaves_out_what_its_row_repeats_yet_history_shows_it(crm: Crm) -> None:
    """A creation's journal object holds no id and no updated_at equal to created_at (the row
    repeats them); the history still lists both, with the record's own values."""
    contact = crm.contacts.add(ContactCreate(display_name="张伟")).value
    with crm.db.read() as session:
        stored = session.exec(select(JournalEntry).where(JournalEntry.row_id == contact.id)).one()
    assert "id" not in stored.new_value and stored.new_value["display_name"] == "张伟"
    created = {h.field: h.new_value for h in crm.history.of(contact.id) if h.op == "insert"}
    assert created["id"] == contact.id
    assert created["updated_at"] == stored.new_value.get("updated_at", created["created_at"])


def test_creations_journalled_before_the_compaction_read_back_the_same() -> None:
    """A stored creation that still repeats its id and updated_at lists each field once."""
    values = {"id": "c1", "created_at": "2026-01-01T00:00:00+00:00",
              "updated_at": "2026-01-01T00:00:00+00:00", "display_name": "Anna"}
    old = JournalEntry(seq=1, batch_seq=1, hlc=1, entity="contact", row_id="c1", op="insert",
                       field="*", new_value=values)
    compact = JournalEntry(seq=1, batch_seq=1, hlc=1, entity="contact", row_id="c1", op="insert",
                           field="*", new_value=creation_fields("c1", values))
    assert compact.new_value == {"created_at": values["created_at"], "display_name": "Anna"}
    assert creation_values(old) == creation_values(compact) == values
    assert [e.field for e in per_field(old)] == list(values)
