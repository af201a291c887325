"""Privacy requests (PIPL/GDPR): export what is held about one person, erase them, record consent.

**Export** — one UTF-8 JSON file, indented, written to a temp name then renamed::

    {"format": "crm-desktop/person-export", "version": 1, "exported_at": "<UTC ISO-8601>",
     "contact": {every stored field of the contact},
     "company": "<company name>" | null, "tags": ["<tag name>", ...],
     "notes": [...], "deals": [... each with "stage": "<stage name>"], "reminders": [...],
     "service_logs": [...],
     "history": [{"at", "actor", "device_id", "action", "entity", "row_id", "op", "field",
                  "old_value", "new_value"}, ...]}

Records are the stored rows, also those in the recycle bin (they are still held). "history" is
the journal of the contact and of every record listed, oldest first. The export is logged as a
journal batch "privacy.export" with one value-less row on the contact (`crm history ID` shows it).

**Erasure** — one transaction, logged as "privacy.erase" (ids only, no values), never undone:

* the contact, its tag links, its notes and its reminders are deleted for good;
* deals are kept for the totals (amount, currency, stage, status, dates, company, owner), unlinked
  from the person, with the person's names, emails and phone numbers cut out of their texts;
* service logs are kept for the counts (status, channel, priority, category, dates, satisfaction),
  unlinked, with subject, description and resolution blanked;
* the journal of all of these keeps who changed which field when, but no value that held them;
* the search index drops their documents and is merged so no posting of them remains.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import delete, update
from sqlmodel import Session, col, select

from crm_desktop.core.domain import rules
from crm_desktop.core.domain.changes import Outcome
from crm_desktop.core.errors import PersonNotFoundError, PrivacyExportError
from crm_desktop.core.journal.hlc import hlc_datetime
from crm_desktop.core.journal.journal import (
    ALL_FIELDS,
    creation_values,
    is_creation,
    to_json_value,
)
from crm_desktop.core.search import docs as search_docs
from crm_desktop.core.services.history import ERASE_ACTION, EXPORT_ACTION
from crm_desktop.core.services.person_records import (
    identifier_pattern,
    merged_into,
    person_records,
    redact,
)
from crm_desktop.core.services.tagging import tags_of
from crm_desktop.core.storage.database import Database, Tx
from crm_desktop.core.storage.files import write_atomic
from crm_desktop.core.storage.tables import (
    Company,
    Contact,
    Deal,
    JournalBatch,
    JournalEntry,
    Note,
    PipelineStage,
    Record,
    Reminder,
    ServiceLog,
    Tagging,
)

Progress = Callable[[int, int], None]
CONSENT_ACTION = "privacy.consent"
EXPORT_FORMAT = "crm-desktop/person-export"
ERASED = "[erased]"  # stands where a name, email or phone was cut out of a kept text
LINKED: dict[str, type[Any]] = {"notes": Note, "deals": Deal, "reminders": Reminder,
                                   "service_logs": ServiceLog}
DEAL_TEXT = frozenset({"title", "lost_reason", "source"})
SERVICE_TEXT = frozenset({"subject", "description", "resolution"})
SERVICE_BLANKS = {"subject": ERASED, "description": "", "resolution": ""}
INTERNAL = frozenset({"sort_key"})


@dataclass(frozen=True)
class Erasure:
    """What an erasure did: counts only, nothing about the person."""

    contact_id: str
    notes_deleted: int
    reminders_deleted: int
    deals_kept: int
    service_logs_kept: int
    wal_truncated: bool


class PrivacyService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def export_person(self, contact_id: str, path: Path, progress: Progress | None = None) -> Path:
        """Write everything held about the contact to `path` (JSON) and log that it was done."""
        path = Path(path)
        with self._db.transaction(EXPORT_ACTION) as tx:
            data = _collect(tx.session, _person(tx, contact_id), progress)
            _write(path, data)
            try:
                tx.record("contact", contact_id, "export", {ALL_FIELDS: (None, None)})
                tx.session.flush()
            except BaseException:
                path.unlink(missing_ok=True)
                raise
        return path

    def erase_person(self, contact_id: str) -> Outcome[Erasure]:
        """Remove the person from the workspace for good (see the module docstring for what stays)."""
        with self._db.transaction(ERASE_ACTION) as tx:
            conn = tx.session.connection()
            previous = conn.exec_driver_sql("PRAGMA secure_delete").scalar_one()
            # Deleted cells and freed pages are zeroed, so erased text does not linger in
            # free space inside the (encrypted) file.
            conn.exec_driver_sql("PRAGMA secure_delete = ON")
            try:
                erasure = _erase(tx, _person(tx, contact_id))
                tx.session.flush()
                search_docs.reindex(tx.session, tx.touched)
                # A contentless FTS5 delete only marks postings dead; merging drops them (~0.3 s
                # per 100k documents).
                conn.exec_driver_sql("INSERT INTO search_fts(search_fts) VALUES ('optimize')")
            finally:
                conn.exec_driver_sql(f"PRAGMA secure_delete = {int(previous)}")
            changes = tx.changes()
        truncated = self._db.checkpoints.truncate()
        return Outcome(replace(erasure, wal_truncated=truncated), changes)

    def record_consent(self, contact_id: str, given: bool, source: str,
                       on: date | None = None) -> Outcome[None]:
        """Marketing consent given or withdrawn, always with its date and where it came from."""
        values = {"marketing_consent": given,
                  "consent_source": rules.required_text(source, "consent_source"),
                  "consent_date": (on or datetime.now(UTC).date()).isoformat()}
        with self._db.transaction(CONSENT_ACTION) as tx:
            tx.update(_person(tx, contact_id), values)
            return Outcome(None, tx.changes())

def _person(tx: Tx, contact_id: str) -> Contact:
    """The contact, also from the recycle bin: a deleted record is still held."""
    row = tx.session.get(Contact, contact_id)
    if row is None:
        raise PersonNotFoundError(id=contact_id)
    return row


# -- export ---------------------------------------------------------------------------------------


def _collect(session: Session, person: Contact, progress: Progress | None) -> dict[str, Any]:
    company = session.get(Company, person.company_id) if person.company_id else None
    data: dict[str, Any] = {
        "format": EXPORT_FORMAT, "version": 1, "exported_at": datetime.now(UTC).isoformat(),
        "contact": _fields(person), "company": company.name if company else None,
        "tags": list(tags_of(session, "contact", [person.id]).get(person.id, ()))}
    steps = len(LINKED) + 1
    stages = {s.id: s.name for s in session.exec(select(PipelineStage))}
    held = person_records(session, person.id)
    merged = [row for row in (session.get(Contact, i) for i in merged_into(session, person.id)) if row]
    data["merged_contacts"] = [_fields(row) for row in merged]
    row_ids = [person.id, *(row.id for row in merged)]
    for done, key in enumerate(LINKED, start=1):
        rows: list[Any] = getattr(held, key)
        data[key] = [_fields(r) | ({"stage": stages.get(r.stage_id)} if isinstance(r, Deal) else {})
                     for r in rows]
        row_ids += [r.id for r in rows]
        if progress:
            progress(done, steps)
    data["history"] = _history(session, row_ids)
    if progress:
        progress(steps, steps)
    return data




def _fields(row: Record) -> dict[str, Any]:
    return {k: to_json_value(v) for k, v in row.model_dump().items() if k not in INTERNAL}


def _history(session: Session, row_ids: list[str]) -> list[dict[str, Any]]:
    query = (select(JournalEntry, JournalBatch)
             .join(JournalBatch, col(JournalBatch.seq) == JournalEntry.batch_seq)
             .where(col(JournalEntry.row_id).in_(row_ids)).order_by(col(JournalEntry.hlc)))
    return [{"at": hlc_datetime(e.hlc).isoformat(), "actor": b.actor, "device_id": b.device_id,
             "action": b.action, "entity": e.entity, "row_id": e.row_id, "op": e.op,
             "field": e.field, "old_value": e.old_value,
             "new_value": creation_values(e) if is_creation(e) else e.new_value}
            for e, b in session.exec(query)]


def _write(path: Path, data: dict[str, Any]) -> None:
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    try:
        write_atomic(path, text.encode("utf-8"))
    except Exception as exc:
        raise PrivacyExportError(path=str(path), reason=str(exc)) from exc


# -- erasure --------------------------------------------------------------------------------------


def _erase(tx: Tx, person: Contact) -> Erasure:
    """The person, everything held about them, and every contact merged into them."""
    merged = [row for row in (tx.session.get(Contact, i) for i in merged_into(tx.session, person.id))
              if row]
    erasure = _erase_one(tx, person)
    for other in merged:
        erasure = _add(erasure, _erase_one(tx, other))
    return erasure


def _add(one: Erasure, other: Erasure) -> Erasure:
    return Erasure(one.contact_id, one.notes_deleted + other.notes_deleted,
                   one.reminders_deleted + other.reminders_deleted,
                   one.deals_kept + other.deals_kept, one.service_logs_kept + other.service_logs_kept,
                   False)


def _erase_one(tx: Tx, person: Contact) -> Erasure:
    pattern = identifier_pattern(person)
    held = person_records(tx.session, person.id)
    notes, reminders, deals, logs = held.notes, held.reminders, held.deals, held.service_logs
    for deal in deals:
        tx.update(deal, {"contact_id": None} | {f: redact(getattr(deal, f), pattern, ERASED)
                                                for f in DEAL_TEXT})
    for log in logs:
        tx.update(log, {"contact_id": None} | SERVICE_BLANKS)
    tx.session.flush()
    _rewrite_journal(tx.session, [d.id for d in deals], DEAL_TEXT,
                     lambda value: redact(value, pattern, ERASED))
    _rewrite_journal(tx.session, [s.id for s in logs], SERVICE_TEXT, lambda _value: None)
    tx.session.execute(delete(Tagging).where(col(Tagging.row_id) == person.id))
    for entity, row in [*(("note", n) for n in notes), *(("reminder", r) for r in reminders),
                        ("contact", person)]:
        _delete_for_good(tx, entity, row)
    return Erasure(person.id, len(notes), len(reminders), len(deals), len(logs), False)


def _delete_for_good(tx: Tx, entity: str, row: Record) -> None:
    """Delete the row and every value the journal held of it; leave a value-less marker.

    The journal is append-only everywhere else (audit, undo, sync). Erasure is the one place it
    is rewritten: the law requires that no earlier value of the person survives, and the journal
    is where earlier values live. Who changed which field and when is kept; the values are not.
    """
    tx.session.execute(update(JournalEntry).where(col(JournalEntry.row_id) == row.id)
                       .values(old_value=None, new_value=None))
    tx.session.delete(row)
    tx.session.flush()
    tx.record(entity, row.id, "erase", {ALL_FIELDS: (None, None)})


def _rewrite_journal(session: Session, row_ids: list[str], fields: frozenset[str],
                     clean: Callable[[Any], Any]) -> None:
    """Pass the journal's values of `fields` of these rows (creations included) through `clean`."""
    if not row_ids:
        return
    query = select(JournalEntry).where(col(JournalEntry.row_id).in_(row_ids))
    for entry in session.exec(query):
        if entry.field == ALL_FIELDS and isinstance(entry.new_value, dict):
            entry.new_value = {k: clean(v) if k in fields else v for k, v in entry.new_value.items()}
        elif entry.field in fields:
            entry.old_value, entry.new_value = clean(entry.old_value), clean(entry.new_value)
        session.add(entry)





