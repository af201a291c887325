"""Privacy requests: export one person, erase one person (nothing of them survives), consent."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from crm_desktop.core.config.paths import AppPaths
from crm_desktop.core.crm import Crm, open_crm
from crm_desktop.core.domain.models import (
    ContactCreate,
    ContactUpdate,
    DealCreate,
    Labeled,
    NoteCreate,
    ReminderCreate,
    ServiceCreate,
)
from crm_desktop.core.errors import (
    NotFoundError,
    PersonNotFoundError,
    UndoBlockedError,
    ValidationError,
)

NAME, OLD_EMAIL, EMAIL, PHONE = ("Quixotic Zanzibar", "old.zq9@example.org",
                                 "quix.zq9@example.org", "+8613977771234")
NOTE_TEXT = "金丝雀备注七七七"
CANARIES = (NAME, "Quixotic", "Zanzibar", OLD_EMAIL, EMAIL, PHONE, "13977771234", NOTE_TEXT)
TRIGRAMS = ("xot", "zq9", "anz")  # FTS terms only this person's text produces
PAGE, RESERVE = 4096, 80  # SQLCipher 4: page size; reserve = 16-byte IV + 64-byte HMAC


@dataclass(frozen=True)
class People:
    person: str
    bystander: str


@pytest.fixture
def people(crm: Crm) -> People:
    """A person with notes, deals, a service log, a reminder and an edit history; and a bystander."""
    person = crm.contacts.add(ContactCreate(
        given_name="Quixotic", family_name="Zanzibar", name_order="western", title="Buyer",
        emails=[Labeled(value=OLD_EMAIL)], phones=[Labeled(value=PHONE)], birthday="1980-02-03",
        company_name="Acme Trading", tags=["VIP"], note=f"{NOTE_TEXT} first call")).value
    crm.contacts.update(person.id, ContactUpdate(emails=[Labeled(value=EMAIL)]))
    crm.notes.add(NoteCreate(body=f"Met {NAME}, {NOTE_TEXT}", contact_id=person.id))
    crm.deals.add(DealCreate(title="Renewal for Zanzibar", contact_id=person.id, amount="1234.50"))
    crm.deals.add(DealCreate(title="Big order", contact_id=person.id, amount="99"))
    crm.service.add(ServiceCreate(subject=f"{NAME} called", description=f"Call {PHONE}",
                                  contact_id=person.id, status="resolved"))
    crm.reminders.add(ReminderCreate(title=f"Call {NAME}", contact_id=person.id,
                                     due_at=datetime.now(UTC) + timedelta(days=1)))
    other = crm.contacts.add(ContactCreate(display_name="Bystander Person", note="keep me")).value
    crm.deals.add(DealCreate(title="Bystander deal", contact_id=other.id, amount="10"))
    return People(person.id, other.id)


def _text_cells(crm: Crm) -> list[str]:
    """Every text and blob value of every table of the decrypted database."""
    raw = crm.engine.raw_connection()
    try:
        cursor = raw.cursor()
        tables = [r[0] for r in cursor.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        cells: list[str] = []
        for table in tables:
            for row in cursor.execute(f'SELECT * FROM "{table}"').fetchall():
                cells += [v.decode("utf-8", "replace") if isinstance(v, bytes) else v
                          for v in row if isinstance(v, (str, bytes))]
        return cells
    finally:
        raw.close()


def _fts_terms(crm: Crm) -> set[str]:
    raw = crm.engine.raw_connection()
    try:
        cursor = raw.cursor()
        cursor.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.vocab "
                       "USING fts5vocab(main, search_fts, row)")
        return {row[0] for row in cursor.execute("SELECT term FROM temp.vocab")}
    finally:
        raw.close()


def _decrypted_pages(path: Path, key: bytes, *, wal: bool) -> list[bytes]:
    """Every page of a SQLCipher 4 file (or WAL frame), decrypted: free pages and slack included."""
    data = path.read_bytes()
    start, stride = (32, 24 + PAGE) if wal else (0, PAGE)
    pages = []
    for at in range(start, len(data) - PAGE + 1, stride):
        page_no = int.from_bytes(data[at:at + 4], "big") if wal else at // PAGE + 1
        page = data[at + 24:at + 24 + PAGE] if wal else data[at:at + PAGE]
        skip = 16 if page_no == 1 else 0  # page 1 begins with the file's salt
        iv = page[PAGE - RESERVE:PAGE - RESERVE + 16]
        decryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
        pages.append(decryptor.update(page[skip:PAGE - RESERVE]) + decryptor.finalize())
    return pages


def test_the_canaries_are_really_there_before_an_erase(crm: Crm, people: People,
                                                       workspace: AppPaths, data_key: bytes) -> None:
    """The scans find the person before erasure (so their silence afterwards means something)."""
    cells = "\n".join(_text_cells(crm))
    assert all(canary in cells for canary in CANARIES)
    assert set(TRIGRAMS) <= _fts_terms(crm)
    wal_pages = _decrypted_pages(workspace.database.with_name("crm.db-wal"), data_key, wal=True)
    assert any(NAME.encode() in page for page in wal_pages)


def test_erase_leaves_no_trace_of_the_person_in_any_table(crm: Crm, people: People) -> None:
    """After erasure no table (journal values, search_doc, FTS shadow tables included) holds
    the person's name, names, emails, phone or note text, and no FTS term of theirs remains."""
    crm.privacy.erase_person(people.person)
    for cell in _text_cells(crm):
        assert not [c for c in CANARIES if c in cell], cell[:200]
    assert not set(TRIGRAMS) & _fts_terms(crm)
    assert crm.search("Quixotic") == [] and crm.search("13977771234") == []


def test_erase_leaves_no_trace_in_the_files_on_disk(workspace: AppPaths, data_key: bytes,
                                                    people: People, crm: Crm) -> None:
    """Every page of crm.db and of its WAL, decrypted (free pages and slack included), is
    free of the person once the erasure has returned, while the workspace is open and after."""
    assert crm.privacy.erase_person(people.person).value.wal_truncated
    _assert_no_canary_on_disk(workspace, data_key)
    crm.close()
    _assert_no_canary_on_disk(workspace, data_key)


def _assert_no_canary_on_disk(workspace: AppPaths, data_key: bytes) -> None:
    files = [(workspace.database, False), (workspace.database.with_name("crm.db-wal"), True)]
    for path, wal in files:
        if not path.exists():
            continue
        for page in _decrypted_pages(path, data_key, wal=wal):
            for canary in CANARIES:
                assert canary.encode() not in page, f"{canary!r} in {path.name}"


def test_erase_keeps_deal_totals_and_service_counts_but_unlinks_them(crm: Crm,
                                                                     people: People) -> None:
    """Deal amounts, stages and pipeline sums survive unchanged; deals and service logs lose the link."""
    totals, stages = crm.deals.open_totals(), crm.deals.stage_summaries()
    services = crm.service.count()
    erasure = crm.privacy.erase_person(people.person).value
    assert crm.deals.open_totals() == totals and totals["CNY"] == Decimal("1343.50")
    assert crm.deals.stage_summaries() == stages
    assert crm.service.count() == services
    assert (erasure.deals_kept, erasure.service_logs_kept) == (2, 1)
    assert (erasure.notes_deleted, erasure.reminders_deleted) == (2, 1)
    titles = {d.title for d in crm.deals.page() if d.contact_id is None}
    assert titles == {"Renewal for [erased]", "Big order"}


def test_erase_leaves_other_contacts_and_their_journal_untouched(crm: Crm, people: People) -> None:
    """The bystander's record, note, deal and history are exactly as before."""
    before = (crm.contacts.get(people.bystander), crm.history.of(people.bystander))
    crm.privacy.erase_person(people.person)
    assert (crm.contacts.get(people.bystander), crm.history.of(people.bystander)) == before
    assert [h.title for h in crm.search("Bystander")] == ["Bystander Person", "Bystander deal"]
    assert crm.contacts.count() == 1


def test_erase_is_logged_without_values_and_cannot_be_undone(crm: Crm, people: People) -> None:
    """The erasure is a "privacy.erase" batch by the actor, its rows carry no value, undo refuses."""
    crm.privacy.erase_person(people.person)
    history = crm.history.of(people.person)
    marker = history[-1]
    assert (marker.op, marker.actor, marker.old_value, marker.new_value) == ("erase", "tester",
                                                                             None, None)
    assert all(e.old_value is None and e.new_value is None for e in history)
    with pytest.raises(UndoBlockedError):
        crm.undo()
    with pytest.raises(NotFoundError):
        crm.contacts.get(people.person, include_deleted=True)


def test_erase_of_an_unknown_or_already_erased_id_is_refused(crm: Crm, people: People) -> None:
    """An id that is not held (never, or no longer) gives a clear not-found error."""
    with pytest.raises(PersonNotFoundError, match="no-such-id"):
        crm.privacy.erase_person("no-such-id")
    crm.privacy.erase_person(people.person)
    with pytest.raises(PersonNotFoundError, match="no longer held"):
        crm.privacy.erase_person(people.person)


def test_a_contact_in_the_recycle_bin_can_be_erased(crm: Crm, people: People) -> None:
    """A deleted (binned) contact is still held, so it can be erased and leaves the bin."""
    crm.contacts.delete(people.person)
    crm.privacy.erase_person(people.person)
    assert people.person not in {item.id for item in crm.trash.list()}


def test_export_holds_the_persons_records_and_history_and_nothing_else(
        crm: Crm, people: People, tmp_path: Path) -> None:
    """The JSON has the contact, company, tags, notes, deals, service logs, reminders and the
    journal history, and nothing of another contact."""
    folder = tmp_path / "out"
    folder.mkdir()
    out = crm.privacy.export_person(people.person, folder / "person.json")
    text = out.read_text(encoding="utf-8")
    data = json.loads(text)
    assert data["contact"]["emails"] == [{"label": "", "value": EMAIL}]
    assert (data["company"], data["tags"]) == ("Acme Trading", ["VIP"])
    assert len(data["notes"]) == 2 and len(data["reminders"]) == 1
    assert {d["title"] for d in data["deals"]} == {"Renewal for Zanzibar", "Big order"}
    assert data["service_logs"][0]["status"] == "resolved"
    assert any(h["old_value"] == [{"label": "", "value": OLD_EMAIL}] for h in data["history"])
    assert "Bystander" not in text and people.bystander not in text and "keep me" not in text
    assert NOTE_TEXT in text  # UTF-8, not \\u escapes
    assert [f.name for f in folder.iterdir()] == ["person.json"]  # no temp file left


def test_export_is_logged_and_appears_in_the_record_history(crm: Crm, people: People,
                                                           tmp_path: Path) -> None:
    """An export leaves a value-less "export" row in the contact's history."""
    crm.privacy.export_person(people.person, tmp_path / "p.json")
    marker = crm.history.of(people.person)[-1]
    assert (marker.op, marker.actor, marker.new_value) == ("export", "tester", None)


def test_undo_after_an_export_takes_back_the_change_before_it(crm: Crm, people: People,
                                                              tmp_path: Path) -> None:
    """An export changes nothing, so Undo passes over it to the last real change."""
    crm.contacts.update(people.bystander, ContactUpdate(title="Owner"))
    crm.privacy.export_person(people.person, tmp_path / "p.json")
    assert crm.undo().value.action == "contact.update"
    assert crm.contacts.get(people.bystander).title == ""


def test_export_of_an_unknown_id_writes_nothing(crm: Crm, tmp_path: Path) -> None:
    """An unknown id is refused before any file is written."""
    folder = tmp_path / "out"
    folder.mkdir()
    with pytest.raises(PersonNotFoundError):
        crm.privacy.export_person("no-such-id", folder / "p.json")
    assert list(folder.iterdir()) == []


def test_export_reports_progress_to_the_end(crm: Crm, people: People, tmp_path: Path) -> None:
    """The progress callback ends at done == total."""
    seen: list[tuple[int, int]] = []
    crm.privacy.export_person(people.person, tmp_path / "p.json", lambda d, t: seen.append((d, t)))
    assert seen and seen[-1][0] == seen[-1][1]


def test_consent_is_recorded_with_date_and_source(crm: Crm, people: People) -> None:
    """Consent given (or withdrawn) stores the date and the source; a blank source is refused."""
    crm.privacy.record_consent(people.person, True, "web form", date(2025, 5, 1))
    read = crm.contacts.get(people.person)
    assert (read.marketing_consent, read.consent_date, read.consent_source) == (
        True, "2025-05-01", "web form")
    crm.privacy.record_consent(people.person, False, "phone call")
    read = crm.contacts.get(people.person)
    assert (read.marketing_consent, read.consent_date) == (False, datetime.now(UTC).date().isoformat())
    with pytest.raises(ValidationError):
        crm.privacy.record_consent(people.person, True, "  ")
    fields = {e.field for e in crm.history.of(people.person) if e.op == "update"}
    assert {"marketing_consent", "consent_date", "consent_source"} <= fields


def test_erased_workspace_reopens_cleanly(workspace: AppPaths, data_key: bytes, crm: Crm,
                                          people: People) -> None:
    """After erasure the file passes SQLite's integrity check and opens again."""
    crm.privacy.erase_person(people.person)
    crm.close()
    with open_crm(workspace, data_key) as again:
        with again.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA integrity_check").scalar_one() == "ok"
        assert again.contacts.count() == 1


def test_erase_reaches_notes_and_reminders_on_the_persons_deals_and_service_logs(crm: Crm) -> None:
    """A note on their deal and reminders on their deal or service log go with the person (and
    are in the person's export before that)."""
    person = crm.contacts.add(ContactCreate(display_name="张伟", phones=[Labeled(value="+8613800138000")])).value
    deal = crm.deals.add(DealCreate(title="Call 张伟", contact_id=person.id)).value
    log = crm.service.add(ServiceCreate(subject="投诉", contact_id=person.id)).value
    crm.notes.add(NoteCreate(body="Met 张伟, mobile 138 0013 8000", deal_id=deal.id))
    due = datetime.now(UTC) + timedelta(days=1)
    crm.reminders.add(ReminderCreate(title="Ring 张伟 back", due_at=due, deal_id=deal.id))
    crm.reminders.add(ReminderCreate(title="Follow up 张伟 ticket", due_at=due, service_log_id=log.id))
    exported = crm.privacy.export_person(person.id, Path(crm.paths.root) / "p.json")
    held = json.loads(exported.read_text(encoding="utf-8"))
    assert {r["title"] for r in held["reminders"]} == {"Ring 张伟 back", "Follow up 张伟 ticket"}
    assert [n["body"] for n in held["notes"]] == ["Met 张伟, mobile 138 0013 8000"]
    exported.unlink()
    crm.privacy.erase_person(person.id)
    assert not any("张伟" in cell or "13800138000" in cell for cell in _text_cells(crm))
    assert crm.search("张伟") == []


def test_erase_also_erases_contacts_merged_into_the_person(crm: Crm) -> None:
    """A duplicate merged into the person (now in the recycle bin) is erased with them."""
    old = crm.contacts.add(ContactCreate(display_name="李娜", emails=[Labeled(value="lina.old@example.com")],
                                         phones=[Labeled(value="+8613900139000")])).value
    kept = crm.contacts.add(ContactCreate(display_name="李娜", emails=[Labeled(value="lina@example.com")])).value
    crm.duplicates.merge(kept.id, old.id)
    crm.privacy.erase_person(kept.id)
    assert crm.trash.list() == []
    assert not any("lina.old" in cell or "13900139000" in cell for cell in _text_cells(crm))


def test_kept_deal_texts_lose_the_person_and_nothing_else(crm: Crm) -> None:
    """Name words in any case, emails in any case and phone digits with spaces are cut out of a
    kept deal; a short name part does not cut other words apart."""
    anna = crm.contacts.add(ContactCreate(display_name="Anna Schmidt", emails=[Labeled(value="anna.schmidt@example.com")],
                                          phones=[Labeled(value="+8613812345678")])).value
    crm.deals.add(DealCreate(title="Schmidt renewal, call 138 1234 5678", contact_id=anna.id,
                             source="referral by Anna, Anna.Schmidt@Example.com"))
    li = crm.contacts.add(ContactCreate(family_name="An", given_name="Li", name_order="western")).value
    crm.deals.add(DealCreate(title="Annual information contract", contact_id=li.id, source="Limited offer"))
    crm.privacy.erase_person(anna.id)
    crm.privacy.erase_person(li.id)
    titles = {(d.title, d.source) for d in crm.deals.page()}
    assert titles == {("[erased] renewal, call [erased]", "referral by [erased], [erased]"),
                      ("Annual information contract", "Limited offer")}
