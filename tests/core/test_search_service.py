"""Search through the Crm: every record kind is indexed as it is saved, edited and deleted."""

from __future__ import annotations

from crm_desktop.core.crm import Crm
from crm_desktop.core.domain.models import (
    CompanyCreate,
    CompanyUpdate,
    ContactCreate,
    ContactUpdate,
    DealCreate,
    Labeled,
    NoteCreate,
    ServiceCreate,
)


def _kinds(crm: Crm, query: str) -> list[tuple[str, str]]:
    return [(hit.kind, hit.title) for hit in crm.search(query)]


def test_contact_is_found_by_name_pinyin_phone_and_email(crm: Crm) -> None:
    """张伟 is found by 张, 伟, 张伟, zhangwei, 'zhang wei', zw, phone digits and an email fragment."""
    crm.contacts.add(ContactCreate(family_name="张", given_name="伟", phones=[
        Labeled(value="+86 138 0013 8000")], emails=[Labeled(value="zhang.wei@example.com")]))
    for query in ("张", "伟", "张伟", "zhangwei", "zhang wei", "zw", "13800138000", "0013 8000",
                  "zhang.wei@exa"):
        assert _kinds(crm, query) == [("contact", "张伟")], query


def test_contacts_rank_before_other_kinds(crm: Crm) -> None:
    """For a query matching a company, a deal, a service log and a contact, the contact comes first."""
    company = crm.companies.add(CompanyCreate(name="明华科技")).value
    crm.deals.add(DealCreate(title="明华年度采购", company_id=company.id))
    crm.service.add(ServiceCreate(subject="明华打印机故障"))
    crm.contacts.add(ContactCreate(display_name="欧阳明华"))
    assert [kind for kind, _ in _kinds(crm, "明华")] == ["contact", "company", "deal", "service"]


def test_edits_and_deletes_update_the_index(crm: Crm) -> None:
    """A renamed contact is found by the new name only; a deleted one is not found at all."""
    contact = crm.contacts.add(ContactCreate(display_name="José Álvarez")).value
    assert _kinds(crm, "jose") == [("contact", "José Álvarez")]
    crm.contacts.update(contact.id, ContactUpdate(display_name="Maria Lopez"))
    assert _kinds(crm, "jose") == [] and _kinds(crm, "lopez") == [("contact", "Maria Lopez")]
    crm.contacts.delete(contact.id)
    assert _kinds(crm, "lopez") == []


def test_notes_are_searchable_by_their_text(crm: Crm) -> None:
    """A note's words find the note."""
    contact = crm.contacts.add(ContactCreate(display_name="Anna")).value
    crm.notes.add(NoteCreate(body="Wants the premium espresso machine", contact_id=contact.id))
    assert _kinds(crm, "espresso") == [("note", "Wants the premium espresso machine")]


def test_kinds_filter_and_odd_queries(crm: Crm) -> None:
    """The kinds filter narrows results; quotes, stars and operators never raise."""
    crm.contacts.add(ContactCreate(display_name="Quote \"Star\" *AND*"))
    assert crm.search("star", kinds=("company",)) == []
    for odd in ('"', "*", "AND", "(", "-", "NEAR(", ":"):
        assert isinstance(crm.search(odd), list)


def test_company_rename_delete_and_purge_update_its_contacts_in_search(crm: Crm) -> None:
    """A contact is found by its company's new name, and no longer by a deleted company's name."""
    company = crm.companies.add(CompanyCreate(name="Brightstar")).value
    crm.contacts.add(ContactCreate(display_name="Anna", company_id=company.id))
    crm.contacts.add(ContactCreate(display_name="Bob", company_id=company.id))
    crm.companies.update(company.id, CompanyUpdate(name="Moonbeam"))
    assert sorted(_kinds(crm, "moonbeam")) == [("company", "Moonbeam"), ("contact", "Anna"),
                                               ("contact", "Bob")]
    assert _kinds(crm, "brightstar") == []
    crm.companies.delete(company.id)
    assert _kinds(crm, "moonbeam") == []
    crm.trash.restore(company.id)
    assert len(_kinds(crm, "moonbeam")) == 3
    crm.companies.delete(company.id)
    crm.trash.purge(company.id)
    assert _kinds(crm, "moonbeam") == [] and len(_kinds(crm, "anna")) == 1
