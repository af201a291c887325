"""Likely duplicates: found by email, phone, or a similar name at the same company; only suggested."""

from __future__ import annotations

from typing import Any

from crm_desktop.core.crm import Crm
from crm_desktop.core.domain.models import ContactCreate, Labeled
from crm_desktop.core.services.duplicate_index import DuplicateIndex, name_keys


def _add(crm: Crm, name: str, *, email: str | None = None, phone: str | None = None,
         company: str | None = None) -> str:
    fields: dict[str, Any] = {"display_name": name, "company_name": company}
    if email:
        fields["emails"] = [Labeled(value=email)]
    if phone:
        fields["phones"] = [Labeled(value=phone)]
    return crm.contacts.add(ContactCreate(**fields)).value.id


def _pairs(crm: Crm) -> dict[frozenset[str], tuple[str, ...]]:
    return {frozenset((p.keep_candidate.id, p.other.id)): p.reasons
            for p in crm.duplicates.suggestions()}


def test_same_email_in_another_case_is_suggested(crm: Crm) -> None:
    """Emails are compared case-insensitively: Wang@Example.com ~ wang@example.COM."""
    a = _add(crm, "王芳", email="Wang@Example.com")
    b = _add(crm, "Fang W.", email="wang@example.COM")
    assert _pairs(crm) == {frozenset((a, b)): ("email",)}


def test_same_phone_typed_differently_is_suggested(crm: Crm) -> None:
    """+86 138 0013 8000 and 138-0013-8000 are the same number (region CN)."""
    a = _add(crm, "李雷", phone="+86 138 0013 8000")
    b = _add(crm, "Li Lei", phone="138-0013-8000")
    assert _pairs(crm) == {frozenset((a, b)): ("phone",)}


def test_chinese_name_forms_at_the_same_company_are_suggested(crm: Crm) -> None:
    """张伟, 张 伟, Zhang Wei, Wei Zhang and ＺＨＡＮＧ　ＷＥＩ at one company all look alike."""
    ids = [_add(crm, name, company="星光科技")
           for name in ("张伟", "张 伟", "Zhang Wei", "Wei Zhang", "ＺＨＡＮＧ　ＷＥＩ")]
    pairs = _pairs(crm)
    assert all(reasons == ("name",) for reasons in pairs.values())
    linked = set().union(*pairs)
    assert linked == set(ids)
    assert frozenset((ids[0], ids[1])) in pairs  # the oldest is the suggested keeper


def test_same_name_at_another_company_or_none_is_not_suggested(crm: Crm) -> None:
    """张伟 at 星光科技 and 张伟 at 明华贸易 (or with no company) are different people."""
    _add(crm, "张伟", company="星光科技")
    _add(crm, "张伟", company="明华贸易")
    _add(crm, "张伟")
    _add(crm, "张伟")
    assert _pairs(crm) == {}


def test_chinese_homophones_are_not_suggested(crm: Crm) -> None:
    """张伟 and 章伟 sound alike but are written differently: not a duplicate by name alone."""
    _add(crm, "张伟", company="星光科技")
    _add(crm, "章伟", company="星光科技")
    assert _pairs(crm) == {}


def test_company_is_compared_by_name_not_id(crm: Crm) -> None:
    """An index asked with a company's name finds contacts linked to that company by id."""
    a = _add(crm, "Anna Smith", company="Acme Ltd")
    index = crm.duplicates.index()
    found = index.matches([], [], "smith, anna", "ACME LTD")
    assert [(m.contact_id, m.reason) for m in found] == [(a, "name")]
    assert index.matches([], [], "Anna Smith", "Other Ltd") == []


def test_suggestions_never_merge(crm: Crm) -> None:
    """Listing suggestions changes nothing: both contacts stay live and the journal is unchanged."""
    a = _add(crm, "王芳", email="wang@example.com")
    b = _add(crm, "王芳", email="wang@example.com")
    before = (crm.contacts.count(), crm.history.of(a) + crm.history.of(b))
    assert len(crm.duplicates.suggestions()) == 1
    assert crm.duplicates.similar_to(ContactCreate(display_name="王芳",
                                                   emails=[Labeled(value="wang@example.com")]))
    assert (crm.contacts.count(), crm.history.of(a) + crm.history.of(b)) == before
    assert crm.contacts.get(a).deleted_at is None and crm.contacts.get(b).deleted_at is None


def test_suggestions_are_deduplicated_ordered_and_limited(crm: Crm) -> None:
    """A pair sharing email and phone is listed once with both reasons, before single reasons."""
    a = _add(crm, "Bo Li", email="bo@example.com", phone="13900000001")
    b = _add(crm, "Li Bo", email="BO@example.com", phone="+8613900000001")
    c = _add(crm, "Cai Yun", email="cai@example.com")
    d = _add(crm, "Yun Cai", email="cai@example.com")
    pairs = crm.duplicates.suggestions()
    assert [(p.keep_candidate.id, p.other.id, p.reasons) for p in pairs] == [
        (a, b, ("email", "phone")), (c, d, ("email",))]
    assert len(crm.duplicates.suggestions(limit=1)) == 1


def test_a_group_gives_one_pair_per_member_not_every_pair(crm: Crm) -> None:
    """Four contacts with one email give three pairs, each with the oldest as keeper."""
    ids = [_add(crm, f"Person {n}", email="shared@example.com") for n in range(4)]
    pairs = crm.duplicates.suggestions()
    assert [(p.keep_candidate.id, p.other.id) for p in pairs] == [(ids[0], i) for i in ids[1:]]


def test_similar_to_warns_on_create_and_skips_the_record_itself(crm: Crm) -> None:
    """Before saving, a new contact like an existing one is reported; an edit excludes itself."""
    a = _add(crm, "张伟", email="zw@example.com", company="星光科技")
    new = ContactCreate(family_name="张", given_name="伟", company_name="星光科技",
                        phones=[Labeled(value="13800138000")])
    assert [(m.contact_id, m.reasons) for m in crm.duplicates.similar_to(new)] == [(a, ("name",))]
    by_email = ContactCreate(display_name="Someone", emails=[Labeled(value="ZW@example.com")])
    assert [m.contact_id for m in crm.duplicates.similar_to(by_email)] == [a]
    assert crm.duplicates.similar_to(by_email, exclude_id=a) == []
    assert crm.duplicates.similar_to(ContactCreate(display_name="Nobody")) == []


def test_deleted_contacts_are_not_suggested(crm: Crm) -> None:
    """A contact in the recycle bin is nobody's duplicate."""
    _add(crm, "王芳", email="wang@example.com")
    b = _add(crm, "王芳", email="wang@example.com")
    crm.contacts.delete(b)
    assert _pairs(crm) == {}


def test_index_files_new_rows_for_an_import() -> None:
    """An importer's later rows find its earlier ones once they are added to the index."""
    index = DuplicateIndex({"c1": "Acme"}, "CN")
    index.add("row-1", ["a@x.com"], ["138 0013 8000"], "Zhang Wei", "Acme")
    assert index.matches([], ["+8613800138000"], "x", None)[0].contact_id == "row-1"
    assert [m.reasons for m in index.matches(["A@X.COM"], [], "张伟", "c1")] == [("email", "name")]


def test_name_keys_ignore_case_space_punctuation_and_width() -> None:
    """Anna-Lee Smith ~ anna lee smith ~ ＳＭＩＴＨ, Anna Lee; Anna Smith is another name."""
    _own, probe = name_keys("Anna Lee Smith")
    for same in ("Anna-Lee Smith", "anna lee smith", "ＳＭＩＴＨ, Anna Lee", "Annalee Smith"):
        assert set(name_keys(same)[0]) & set(probe), same
    assert not set(name_keys("Anna Smith")[0]) & set(probe)
    assert name_keys("X") == ((), ())


def _probe(name: str, *, emails: tuple[str, ...] = (), phones: tuple[str, ...] = (),
           company: str | None = None) -> ContactCreate:
    return ContactCreate(display_name=name, company_name=company,
                         emails=[Labeled(value=e) for e in emails],
                         phones=[Labeled(value=p) for p in phones])


def test_similar_to_finds_a_contact_by_its_second_email_or_phone(crm: Crm) -> None:
    """Not only the first email/phone counts: a match on the second one is found too."""
    a = crm.contacts.add(ContactCreate(
        display_name="李雷", emails=[Labeled(value="li@work.example"), Labeled(value="Lei@Home.example")],
        phones=[Labeled(value="+86 10 6552 9988"), Labeled(value="139 0013 9000")])).value.id
    by_email = crm.duplicates.similar_to(_probe("Someone", emails=("lei@home.EXAMPLE",)))
    by_phone = crm.duplicates.similar_to(_probe("Someone", phones=("+86-139-0013-9000",)))
    assert [(m.contact_id, m.reasons) for m in by_email + by_phone] == [(a, ("email",)), (a, ("phone",))]


def test_similar_to_finds_names_at_a_company_spelled_another_way(crm: Crm) -> None:
    """A company is known by its name: 张伟 at “ACME, Ltd.” is found for 张伟 at “Acme Ltd”."""
    a = _add(crm, "张伟", company="ACME, Ltd.")
    _add(crm, "张伟", company="Acme Trading")
    found = crm.duplicates.similar_to(_probe("Zhang Wei", company="Acme Ltd"))
    assert [(m.contact_id, m.reasons) for m in found] == [(a, ("name",))]


def test_similar_to_finds_what_the_full_index_finds(crm: Crm) -> None:
    """The quick look-up (search index, company by name) agrees with comparing every contact."""
    people = [("张伟", "zw@x.cn", "13800138000", "星光科技"), ("Zhang Wei", "ZW@x.cn", None, "星光 科技"),
              ("王芳", "fang@y.com", "+86 138 0013 8001", None), ("Fang Wang", None, "010-6552-9988", "Acme"),
              ("李雷", "azw@x.cn", "13800138000 ", "ACME"), ("韩梅梅", "mm@y.com", "13900139000", "星光科技"),
              ("Han Meimei", "mm@y.com.cn", "139 0013 9000", "Other"), ("Anna Lee", "a@b.co", None, "Acme")]
    ids = [_add(crm, name, email=email, phone=phone, company=company)
           for name, email, phone, company in people]
    index = crm.duplicates.index()
    for contact_id, (name, email, phone, company) in zip(ids, people, strict=True):
        for fields in ({"emails": (email,) if email else (), "phones": (phone,) if phone else ()},
                       {"company": company}, {"emails": ("ZW@X.CN", "mm@y.com"), "company": "acme"}):
            probe = _probe(name, **fields)  # type: ignore[arg-type]
            expected = index.matches([e.value for e in probe.emails or ()],
                                     [p.value for p in probe.phones or ()], name,
                                     probe.company_name, contact_id)
            assert crm.duplicates.similar_to(probe, exclude_id=contact_id) == expected, (name, fields)


def test_pair_gives_two_contacts_with_their_reasons_or_none(crm: Crm) -> None:
    """Compare…: a pair of look-alikes comes back with the older as keeper; unrelated ones give None."""
    a = _add(crm, "王芳", phone="+86 138 0013 8000")
    b = _add(crm, "Fang W.", phone="138-0013-8000")
    c = _add(crm, "Someone Else")
    pair = crm.duplicates.pair(b, a)
    assert pair is not None
    assert (pair.keep_candidate.id, pair.other.id, pair.reasons) == (a, b, ("phone",))
    assert crm.duplicates.pair(a, c) is None and crm.duplicates.pair(a, a) is None
