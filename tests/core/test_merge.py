"""Merging two contacts: fields chosen, every linked record moved, one undo brings all back."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from crm_desktop.core.crm import Crm
from crm_desktop.core.domain.models import (
    ContactCreate,
    ContactRead,
    DealCreate,
    Labeled,
    NoteCreate,
    ReminderCreate,
    ServiceCreate,
)
from crm_desktop.core.errors import (
    MergeChoiceError,
    MergeContactDeletedError,
    MergeContactNotFoundError,
    MergeFieldError,
    MergeSameContactError,
)
from crm_desktop.core.i18n import set_language
from crm_desktop.core.storage.tables import Note

UNKNOWN_ID = "01900000-0000-7000-8000-000000000000"


def _pair(crm: Crm) -> tuple[ContactRead, ContactRead]:
    keep = crm.contacts.add(ContactCreate(
        display_name="张伟", company_name="星光科技", emails=[Labeled(label="work", value="zw@example.com")],
        phones=[Labeled(value="13800138000")], tags=["VIP"])).value
    other = crm.contacts.add(ContactCreate(
        display_name="Zhang Wei", title="经理", birthday="1980-02-03", company_name="星光科技",
        emails=[Labeled(value="ZW@example.com"), Labeled(value="wei@home.cn")],
        phones=[Labeled(value="+86 139 0000 0000")], tags=["vip", "北京"],
        custom_fields={"wechat": "zw80"})).value
    return keep, other


def _linked(crm: Crm, other_id: str) -> dict[str, str]:
    """One deal, note, reminder and service log on `other_id`; their ids by kind."""
    due = datetime.now(UTC) + timedelta(days=1)
    return {"deal": crm.deals.add(DealCreate(title="年度合同", contact_id=other_id)).value.id,
            "note": crm.notes.add(NoteCreate(body="来电", contact_id=other_id)).value.id,
            "reminder": crm.reminders.add(ReminderCreate(title="回电", due_at=due,
                                                         contact_id=other_id)).value.id,
            "service": crm.service.add(ServiceCreate(subject="维修", contact_id=other_id)).value.id}


def _owners(crm: Crm, ids: dict[str, str]) -> set[str | None]:
    """The contact each linked record belongs to."""
    with crm.db.read() as session:
        note = session.get(Note, ids["note"])
    assert note is not None
    return {crm.deals.get(ids["deal"]).contact_id, note.contact_id,
            crm.reminders.get(ids["reminder"]).contact_id, crm.service.get(ids["service"]).contact_id}


def test_merge_keeps_kept_values_fills_blanks_and_unites_lists(crm: Crm) -> None:
    """Keep's name wins; its blank title and birthday come from the other; emails, phones and
    tags are united without duplicates (emails case-insensitively)."""
    keep, other = _pair(crm)
    merged = crm.duplicates.merge(keep.id, other.id).value
    assert (merged.id, merged.display_name, merged.title, merged.birthday) == (
        keep.id, "张伟", "经理", "1980-02-03")
    assert [e.value for e in merged.emails] == ["zw@example.com", "wei@home.cn"]
    assert [p.value for p in merged.phones] == ["+8613800138000", "+8613900000000"]
    assert sorted(merged.tags) == ["VIP", "北京"]
    assert merged.custom_fields == {"wechat": "zw80"}
    assert crm.contacts.get(other.id, include_deleted=True).deleted_at is not None


def test_merge_honours_field_choices(crm: Crm) -> None:
    """`take` picks the other's name (all its parts) and puts the other's phone first."""
    keep, other = _pair(crm)
    merged = crm.duplicates.merge(keep.id, other.id, {"name": "other", "phones": "other",
                                                      "title": "keep"}).value
    assert merged.display_name == "Zhang Wei" and merged.name_order == other.name_order
    assert [p.value for p in merged.phones] == ["+8613900000000", "+8613800138000"]
    assert merged.title == ""  # chosen explicitly: keep's blank title stays blank
    assert [c.id for c in crm.contacts.page() if c.display_name == "Zhang Wei"] == [keep.id]


def test_merge_moves_deals_notes_reminders_and_service_logs(crm: Crm) -> None:
    """Every record of the other contact now belongs to the kept one."""
    keep, other = _pair(crm)
    ids = _linked(crm, other.id)
    crm.duplicates.merge(keep.id, other.id)
    assert _owners(crm, ids) == {keep.id}
    assert [n.id for n in crm.notes.for_record(keep.id)] == [ids["note"]]


def test_undo_brings_back_exactly_the_state_before_the_merge(crm: Crm) -> None:
    """One undo: records move back, the other contact is live again, keep's fields and tags too."""
    keep, other = _pair(crm)
    ids = _linked(crm, other.id)
    before = (crm.contacts.get(keep.id), crm.contacts.get(other.id))
    crm.duplicates.merge(keep.id, other.id, {"name": "other"})
    result = crm.undo().value
    assert result.action == "contact.merge"
    after = (crm.contacts.get(keep.id), crm.contacts.get(other.id))
    strip = {"updated_at"}
    assert [c.model_dump(exclude=strip) for c in after] == [c.model_dump(exclude=strip) for c in before]
    assert _owners(crm, ids) == {other.id}


def test_suggested_pair_is_gone_after_merge_and_back_after_undo(crm: Crm) -> None:
    """Merging resolves the suggestion; undoing it brings the suggestion back."""
    keep, other = _pair(crm)
    assert len(crm.duplicates.suggestions()) == 1
    crm.duplicates.merge(keep.id, other.id)
    assert crm.duplicates.suggestions() == []
    crm.undo()
    assert len(crm.duplicates.suggestions()) == 1


@pytest.mark.parametrize("case", ["itself", "unknown", "deleted"])
def test_bad_ids_are_refused_with_a_clear_message_and_change_nothing(crm: Crm, case: str) -> None:
    """Merging a contact with itself, an unknown id or a binned contact fails, translated."""
    keep, other = _pair(crm)
    if case == "deleted":
        crm.contacts.delete(other.id)
    target = {"itself": keep.id, "unknown": UNKNOWN_ID, "deleted": other.id}[case]
    error = {"itself": MergeSameContactError, "unknown": MergeContactNotFoundError,
             "deleted": MergeContactDeletedError}[case]
    with pytest.raises(error) as raised:
        crm.duplicates.merge(keep.id, target)
    assert "{" not in str(raised.value)
    set_language("zh_CN")
    assert str(raised.value) != "" and "{" not in str(raised.value)
    set_language("en")
    assert crm.contacts.get(keep.id) == keep


def test_unknown_field_or_choice_is_refused(crm: Crm) -> None:
    """`take` accepts only merge fields, and only "keep" or "other"."""
    keep, other = _pair(crm)
    with pytest.raises(MergeFieldError, match="colour"):
        crm.duplicates.merge(keep.id, other.id, {"colour": "other"})
    with pytest.raises(MergeChoiceError, match="both"):
        crm.duplicates.merge(keep.id, other.id, {"title": "both"})  # type: ignore[dict-item]
    assert crm.contacts.get(other.id).deleted_at is None
