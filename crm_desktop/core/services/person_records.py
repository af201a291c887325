"""What a workspace holds about one person, for a privacy export or an erasure: their deals and
service logs, the notes and reminders on them or on those deals and service logs, the contacts
merged into them — and the texts that name them (name words, emails, phone digits)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import phonenumbers
from sqlmodel import Session, col, or_, select

from crm_desktop.core.storage.tables import (
    Contact,
    Deal,
    JournalBatch,
    JournalEntry,
    Note,
    Reminder,
    ServiceLog,
)

MERGE_ACTION = "contact.merge"
MIN_WORD = 3  # shorter Latin name words (Li, An) would cut other words apart
CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


@dataclass(frozen=True)
class PersonRecords:
    deals: list[Deal]
    service_logs: list[ServiceLog]
    notes: list[Note]
    reminders: list[Reminder]


def person_records(session: Session, contact_id: str) -> PersonRecords:
    deals = _ordered(session, select(Deal).where(Deal.contact_id == contact_id))
    logs = _ordered(session, select(ServiceLog).where(ServiceLog.contact_id == contact_id))
    deal_ids, log_ids = [d.id for d in deals], [s.id for s in logs]
    notes = _ordered(session, select(Note).where(or_(
        col(Note.contact_id) == contact_id, col(Note.deal_id).in_(deal_ids))))
    reminders = _ordered(session, select(Reminder).where(or_(
        col(Reminder.contact_id) == contact_id, col(Reminder.deal_id).in_(deal_ids),
        col(Reminder.service_log_id).in_(log_ids))))
    return PersonRecords(deals, logs, notes, reminders)


def _ordered(session: Session, query: Any) -> list[Any]:
    return list(session.exec(query.order_by("created_at")))


def merged_into(session: Session, contact_id: str) -> list[str]:
    """Contacts merged into this one (each merge sent the other contact to the recycle bin in
    the same journal batch), and those merged into them, oldest first."""
    found: list[str] = []
    queue = [contact_id]
    while queue:
        kept = queue.pop()
        batches = select(JournalEntry.batch_seq).join(
            JournalBatch, col(JournalBatch.seq) == JournalEntry.batch_seq).where(
            JournalEntry.row_id == kept, JournalBatch.action == MERGE_ACTION,
            col(JournalBatch.undone_by).is_(None))
        others = session.exec(select(JournalEntry.row_id).where(
            col(JournalEntry.batch_seq).in_(batches), JournalEntry.entity == "contact",
            JournalEntry.op == "delete", JournalEntry.row_id != kept)).all()
        for other in map(str, others):
            if other not in found and other != contact_id and _exists(session, other):
                found.append(other)
                queue.append(other)
    return found


def _exists(session: Session, contact_id: str) -> bool:
    return session.exec(select(Contact.id).where(Contact.id == contact_id)).first() is not None


def identifier_pattern(person: Contact) -> re.Pattern[str] | None:
    """One pattern for every text naming the person: the whole name and its Latin words (whole
    words, any case), Chinese names as written, emails and their local part, phone numbers by
    their digits whatever the spaces or dashes between them."""
    texts: set[str] = set()
    for name in (person.display_name, person.family_name, person.given_name):
        if CJK.search(name):
            texts |= {name} if len(name) >= 2 else set()
        elif name.strip():
            texts |= {name.strip()} | {w for w in re.split(r"\W+", name) if len(w) >= MIN_WORD}
    for email in (e["value"] for e in person.emails):
        local = email.split("@")[0]
        texts |= {email} | ({local} if len(local) >= 4 else set())
    phones = {d for p in person.phones for d in _phone_forms(p["value"])}
    # Longest text first: an email is cut out whole before its local part could be.
    parts = [_pattern(text) for text in sorted(texts, key=len, reverse=True)]
    parts += [_digits(number) for number in sorted(phones, key=len, reverse=True)]
    return re.compile("|".join(parts), re.IGNORECASE) if parts else None


def _pattern(text: str) -> str:
    """Chinese as written (no word boundaries in Chinese); anything else as whole words."""
    return re.escape(text) if CJK.search(text) else _word(text)


def redact(value: Any, pattern: re.Pattern[str] | None, erased: str) -> Any:
    if not isinstance(value, str) or pattern is None:
        return value
    return pattern.sub(erased, value)


def _word(text: str) -> str:
    return r"(?<!\w)" + re.escape(text) + r"(?!\w)"


def _digits(number: str) -> str:
    return r"(?<!\d)" + r"[\s\-()]*".join(re.escape(d) for d in number) + r"(?!\d)"


def _phone_forms(phone: str) -> set[str]:
    digits = re.sub(r"\D", "", phone)
    forms = {digits} if len(digits) >= 5 else set()
    try:
        national = str(phonenumbers.parse(phone).national_number)
        forms |= {national} if len(national) >= 5 else set()
    except phonenumbers.NumberParseException:
        pass
    return forms
