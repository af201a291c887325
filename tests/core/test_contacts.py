"""Contacts and companies: validation, names, companies, tags, paging."""

from __future__ import annotations

import pytest

from crm_desktop.core.config.paths import AppPaths
from crm_desktop.core.crm import Crm, open_crm
from crm_desktop.core.domain.models import (
    CompanyCreate,
    CompanyUpdate,
    ContactCreate,
    ContactUpdate,
    Labeled,
)
from crm_desktop.core.errors import NotFoundError, ValidationError
from crm_desktop.core.services.contacts import ContactQuery
from crm_desktop.core.storage import migrate
from crm_desktop.core.storage.engine import build_engine


def test_chinese_name_composes_family_first_without_space(crm: Crm) -> None:
    """张 + 伟 in eastern order is shown as 张伟; Western names as 'Given Family'."""
    zhang = crm.contacts.add(ContactCreate(family_name="张", given_name="伟")).value
    smith = crm.contacts.add(ContactCreate(family_name="Smith", given_name="Anna",
                                           name_order="western")).value
    assert (zhang.display_name, smith.display_name) == ("张伟", "Anna Smith")


def test_phones_are_stored_in_e164_with_the_default_region(crm: Crm) -> None:
    """A local Chinese mobile number is stored as +86…; a foreign one keeps its country code."""
    contact = crm.contacts.add(ContactCreate(display_name="王芳", phones=[
        Labeled(label="mobile", value="138 0013 8000"),
        Labeled(label="work", value="+1 (650) 253-0000")])).value
    assert [p.value for p in contact.phones] == ["+8613800138000", "+16502530000"]


def test_default_region_setting_changes_how_local_numbers_read(crm: Crm) -> None:
    """With the region set to GB, a UK local number gets +44."""
    crm.settings.update(default_region="GB")
    contact = crm.contacts.add(ContactCreate(display_name="Oliver", phones=[
        Labeled(value="020 7946 0018")])).value
    assert contact.primary_phone == "+442079460018"


@pytest.mark.parametrize(("fields", "field", "message"), [
    ({"display_name": "A", "emails": [Labeled(value="not-an-email")]}, "email", "not-an-email"),
    ({"display_name": "A", "phones": [Labeled(value="12")]}, "phone", "'12'"),
    ({"display_name": "A", "birthday": "1990-02-30"}, "birthday", "YYYY-MM-DD"),
    ({"display_name": "A", "lifecycle_stage": "vip"}, "lifecycle_stage", "lead, prospect"),
    ({"display_name": "  "}, "name", "required"),
])
def test_invalid_contact_input_is_refused_and_nothing_is_written(
        crm: Crm, fields: dict, field: str, message: str) -> None:
    """Invalid email, phone, date, stage or a blank name: a message naming the value; no row added."""
    with pytest.raises(ValidationError, match=message) as caught:
        crm.contacts.add(ContactCreate(**fields))
    assert caught.value.field == field
    assert crm.contacts.count() == 0


def test_contact_links_to_company_and_shows_its_name(crm: Crm) -> None:
    """A contact at a company lists the company's name."""
    company = crm.companies.add(CompanyCreate(name="明华科技", phone="010 6552 9988")).value
    contact = crm.contacts.add(ContactCreate(display_name="李娜", company_id=company.id)).value
    assert contact.company_name == "明华科技"
    assert company.phone == "+861065529988"


def test_unknown_company_id_is_refused(crm: Crm) -> None:
    """Linking to a company that does not exist says which id is unknown."""
    with pytest.raises(NotFoundError, match="no-such-id"):
        crm.contacts.add(ContactCreate(display_name="X", company_id="no-such-id"))


def test_update_changes_only_given_fields(crm: Crm) -> None:
    """An edit of the title keeps name, emails and phones."""
    contact = crm.contacts.add(ContactCreate(display_name="Anna", emails=[
        Labeled(label="work", value="anna@example.com")])).value
    updated = crm.contacts.update(contact.id, ContactUpdate(title="Buyer")).value
    assert (updated.title, updated.display_name, updated.primary_email) == (
        "Buyer", "Anna", "anna@example.com")


def test_tags_filter_the_list(crm: Crm) -> None:
    """Contacts tagged VIP (any case) are the only ones in the VIP filter."""
    crm.contacts.add(ContactCreate(display_name="Tagged", tags=["VIP"]))
    crm.contacts.add(ContactCreate(display_name="Plain"))
    tagged = crm.contacts.page(ContactQuery(tag="vip"))
    assert [c.display_name for c in tagged] == ["Tagged"]
    assert tagged[0].tags == ("VIP",)


def test_pages_are_sorted_by_name_and_do_not_overlap(crm: Crm) -> None:
    """Paging through the list returns every contact once, sorted by name."""
    for name in ["Cara", "Abe", "Eve", "Bob", "Dan"]:
        crm.contacts.add(ContactCreate(display_name=name))
    pages = [crm.contacts.page(offset=o, limit=2) for o in (0, 2, 4)]
    assert [c.display_name for page in pages for c in page] == ["Abe", "Bob", "Cara", "Dan", "Eve"]
    assert crm.contacts.count() == 5


def test_deleted_contact_is_hidden_and_unknown_to_get(crm: Crm) -> None:
    """A deleted contact leaves the list and `get` reports it as unknown."""
    contact = crm.contacts.add(ContactCreate(display_name="Gone")).value
    crm.contacts.delete(contact.id)
    assert crm.contacts.count() == 0
    with pytest.raises(NotFoundError):
        crm.contacts.get(contact.id)


def test_company_rename_and_blank_name_refused(crm: Crm) -> None:
    """A company can be renamed, never to a blank name."""
    company = crm.companies.add(CompanyCreate(name="Acme")).value
    assert crm.companies.update(company.id, CompanyUpdate(name="Acme Ltd")).value.name == "Acme Ltd"
    with pytest.raises(ValidationError):
        crm.companies.update(company.id, CompanyUpdate(name=" "))
    assert crm.companies.get(company.id).name == "Acme Ltd"


def test_mutations_report_what_changed(crm: Crm) -> None:
    """An add returns the change set naming the new contact, so screens can refresh."""
    outcome = crm.contacts.add(ContactCreate(display_name="Changes", tags=["x"]))
    assert outcome.changes.ids("contact") == {outcome.value.id}


def test_company_named_on_a_new_contact_is_linked_or_created_in_one_step(crm: Crm) -> None:
    """A known company name links (any case); an unknown one is created; one undo removes both."""
    known = crm.companies.add(CompanyCreate(name="Acme")).value
    linked = crm.contacts.add(ContactCreate(display_name="Ann", company_name="ACME")).value
    assert linked.company_id == known.id
    outcome = crm.contacts.add(ContactCreate(display_name="Bo", company_name="明华科技",
                                             note="展会上认识"))
    created = outcome.changes.ids("company")
    assert outcome.value.company_name == "明华科技" and len(created) == 1
    assert [n.body for n in crm.notes.for_record(outcome.value.id)] == ["展会上认识"]
    crm.undo()
    assert crm.companies.count() == 1 and crm.contacts.count() == 1


def test_invalid_contact_with_a_new_company_creates_nothing(crm: Crm) -> None:
    """A refused contact does not leave behind the company it named."""
    with pytest.raises(ValidationError):
        crm.contacts.add(ContactCreate(display_name="X", company_name="Ghost Ltd",
                                       emails=[Labeled(value="nope")]))
    with pytest.raises(ValidationError):
        crm.contacts.add(ContactCreate(display_name="Y", company_name="Ghost Ltd", note=" "))
    assert crm.companies.count() == 0 and crm.contacts.count() == 0


def test_contacts_of_a_deleted_company_show_no_company_name(crm: Crm) -> None:
    """A company in the recycle bin is not shown on its contacts; restored, it is shown again."""
    company = crm.companies.add(CompanyCreate(name="Acme")).value
    contact = crm.contacts.add(ContactCreate(display_name="Ann", company_id=company.id)).value
    crm.companies.delete(company.id)
    assert crm.contacts.get(contact.id).company_name == ""
    assert [c.company_name for c in crm.contacts.page()] == [""]
    crm.trash.restore(company.id)
    assert crm.contacts.get(contact.id).company_name == "Acme"


def test_a_typed_display_name_survives_edits_of_the_name_parts(crm: Crm) -> None:
    """"Dr. John Smith" stays when the given name or the name order is edited."""
    contact = crm.contacts.add(ContactCreate(display_name="Dr. John Smith", family_name="Smith",
                                             given_name="John")).value
    edited = crm.contacts.update(contact.id, ContactUpdate(given_name="Johnny")).value
    assert (edited.display_name, edited.given_name) == ("Dr. John Smith", "Johnny")
    reordered = crm.contacts.update(contact.id, ContactUpdate(name_order="eastern")).value
    assert reordered.display_name == "Dr. John Smith"


def test_a_composed_display_name_follows_the_name_parts(crm: Crm) -> None:
    """A name composed from its parts is recomposed when a part changes."""
    contact = crm.contacts.add(ContactCreate(family_name="张", given_name="伟")).value
    assert crm.contacts.update(contact.id, ContactUpdate(given_name="伟明")).value.display_name \
        == "张伟明"


def test_name_order_defaults_to_western_for_latin_names_and_eastern_for_chinese(crm: Crm) -> None:
    """Anna + Smith is shown as "Anna Smith"; 张 + 伟 as 张伟, without choosing an order."""
    smith = crm.contacts.add(ContactCreate(family_name="Smith", given_name="Anna")).value
    zhang = crm.contacts.add(ContactCreate(family_name="张", given_name="伟")).value
    assert (smith.display_name, smith.name_order) == ("Anna Smith", "western")
    assert (zhang.display_name, zhang.name_order) == ("张伟", "eastern")


def test_changing_only_the_name_order_recomposes_the_name(crm: Crm) -> None:
    """Switching Anna Smith to eastern order shows "Smith Anna"."""
    contact = crm.contacts.add(ContactCreate(family_name="Smith", given_name="Anna",
                                             name_order="western")).value
    assert crm.contacts.update(contact.id, ContactUpdate(name_order="eastern")).value.display_name \
        == "Smith Anna"


def test_company_lookup_by_name_is_one_rule_for_linking_and_finding(crm: Crm) -> None:
    """Finding and linking a company by name ignore case and spaces and skip deleted companies."""
    gone = crm.companies.add(CompanyCreate(name="Acme")).value
    crm.companies.delete(gone.id)
    assert crm.companies.find_by_name(" ACME ") is None
    live = crm.companies.add(CompanyCreate(name="Acme")).value
    found = crm.companies.find_by_name(" acme ")
    linked = crm.contacts.add(ContactCreate(display_name="Ann", company_name=" ACME ")).value
    assert found is not None and found.id == linked.company_id == live.id


def test_paging_after_the_last_shown_contact_matches_offset_paging(crm: Crm) -> None:
    """Reading on from the last contact shown gives the same pages as counting rows, ties included."""
    for name in ["Bo", "Al", "张伟", "Bo", "Cy", "章伟", "Al", "Di", "张伟", "Bo"]:
        crm.contacts.add(ContactCreate(display_name=name))
    by_offset = [c.id for o in range(0, 10, 3) for c in crm.contacts.page(offset=o, limit=3)]
    by_key: list[str] = []
    last = None
    while page := crm.contacts.page(limit=3, after=last):
        by_key += [c.id for c in page]
        last = (page[-1].sort_key, page[-1].id)
    assert by_key == by_offset and len(by_key) == 10


PINYIN_ORDER = ["阿明", "Anna", "白", "张伟", "zoe"]  # a ming, anna, bai, zhang wei, zoe


def test_chinese_names_list_in_pinyin_order_mixed_with_latin_names(crm: Crm) -> None:
    """Chinese names sort by their pinyin among Latin names, as on a phone: 阿明, Anna, 白, 张伟, zoe."""
    for name in ["白", "zoe", "张伟", "Anna", "阿明"]:
        crm.contacts.add(ContactCreate(display_name=name))
    assert [c.display_name for c in crm.contacts.page()] == PINYIN_ORDER


def test_a_renamed_contact_moves_to_its_new_place_in_the_list(crm: Crm) -> None:
    """Renaming 白 to 周 moves the contact from B to Z."""
    crm.contacts.add(ContactCreate(display_name="Anna"))
    bai = crm.contacts.add(ContactCreate(display_name="白")).value
    crm.contacts.add(ContactCreate(display_name="Xavier"))
    crm.contacts.update(bai.id, ContactUpdate(display_name="周"))
    assert [c.display_name for c in crm.contacts.page()] == ["Anna", "Xavier", "周"]


def test_contacts_of_an_older_workspace_are_listed_in_pinyin_order_after_upgrade(
        workspace: AppPaths, data_key: bytes) -> None:
    """Contacts made before the pinyin order existed are listed in it once the workspace opens."""
    with open_crm(workspace, data_key) as crm:
        for name in ["zoe", "张伟", "白", "Anna", "阿明"]:
            crm.contacts.add(ContactCreate(display_name=name))
    engine = build_engine(workspace.database, data_key)
    migrate.downgrade(engine, "0004")
    engine.dispose()
    with open_crm(workspace, data_key) as crm:
        assert migrate.current_revision(crm.engine) == migrate.head_revision()
        assert [c.display_name for c in crm.contacts.page()] == PINYIN_ORDER
