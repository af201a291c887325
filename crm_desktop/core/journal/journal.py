"""The change journal, written in the same transaction as the change: one row per changed field,
and one row per created record (field "*", its non-blank fields as one JSON object — a creation
is one fact, and 100,000 contacts would otherwise cost a million rows). A creation's object
leaves out what its row repeats: the id (the journal row's own `row_id`) and `updated_at` when
it equals `created_at`, as it does until a first change; `creation_values` puts them back.

It is the audit log, the per-record history, the undo stack and the sync outbox.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import insert
from sqlmodel import Session, col, select

from crm_desktop.core.ids import new_id
from crm_desktop.core.journal.hlc import HybridClock
from crm_desktop.core.storage.tables import JournalBatch, JournalEntry

FieldChanges = Mapping[str, tuple[Any, Any]]
ALL_FIELDS = "*"  # the field of a creation's (and a purge's) single journal row
AUDIT_ONLY_ACTION = "privacy.export"  # recorded for the audit trail; it changed nothing to undo


def to_json_value(value: Any) -> Any:
    """Journal values are JSON: datetimes and dates as ISO text, Decimals as text."""
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def is_blank(value: Any) -> bool:
    """Blank values are not journalled on insert (the column default says the same)."""
    return value is None or (isinstance(value, (str, list, dict)) and not value)


def insert_changes(values: Mapping[str, Any]) -> dict[str, tuple[Any, Any]]:
    return {field: (None, value) for field, value in values.items() if not is_blank(value)}


def creation_fields(row_id: str, values: Mapping[str, Any]) -> dict[str, Any]:
    """What a creation's journal row stores of the new row's values (see the module doc)."""
    fields = {field: value for field, value in values.items()
              if value or not is_blank(value)}  # most values are truthy: no call
    if fields.get("id") == row_id:
        del fields["id"]
    if "updated_at" in fields and fields["updated_at"] == fields.get("created_at"):
        del fields["updated_at"]
    return fields


def creation_values(entry: JournalEntry) -> dict[str, Any]:
    """A creation's fields as the row got them, with what creation_fields left out ({} once
    purged)."""
    stored = entry.new_value if isinstance(entry.new_value, dict) else {}
    if not stored:
        return {}
    values: dict[str, Any] = {"id": entry.row_id}
    for field, value in stored.items():
        values[field] = value
        if field == "created_at" and "updated_at" not in stored:
            values["updated_at"] = value
    return values


def is_creation(entry: JournalEntry) -> bool:
    """A creation's single row (field "*"), whose object creation_values reads."""
    return entry.op == "insert" and entry.field == ALL_FIELDS


def per_field(entry: JournalEntry) -> list[JournalEntry]:
    """A creation's row as one entry per field (detached copies); any other row as it is."""
    if not is_creation(entry):
        return [entry]
    values = creation_values(entry)
    return [JournalEntry(seq=entry.seq, batch_seq=entry.batch_seq, hlc=entry.hlc,
                         entity=entry.entity, row_id=entry.row_id, op="insert", field=field,
                         old_value=None, new_value=value) for field, value in values.items()]


def _seq(batch: JournalBatch) -> int:
    if batch.seq is None:  # open_batch flushes, so the database has numbered it
        raise RuntimeError("journal batch was not flushed")
    return batch.seq


@dataclass(frozen=True)
class JournalIdentity:
    device_id: str
    actor: str


class Journal:
    def __init__(self, clock: HybridClock, identity: JournalIdentity) -> None:
        self.clock = clock
        self.identity = identity

    def open_batch(self, session: Session, action: str, undo_of: str | None = None) -> JournalBatch:
        batch = JournalBatch(id=new_id(), hlc=self.clock.now(), device_id=self.identity.device_id,
                             actor=self.identity.actor, action=action, undo_of=undo_of)
        session.add(batch)
        session.flush()
        return batch

    def record(self, session: Session, batch: JournalBatch, entity: str, row_id: str, op: str,
               changes: FieldChanges) -> None:
        """One journal row per changed field (one for a creation), written at once."""
        if not changes:
            return
        seq = _seq(batch)
        if op == "insert":
            values = {field: to_json_value(new) for field, (_old, new) in changes.items()}
            changes = {ALL_FIELDS: (None, creation_fields(row_id, values))}
        session.execute(insert(JournalEntry), [
            {"batch_seq": seq, "hlc": self.clock.now(), "entity": entity, "row_id": row_id,
             "op": op, "field": field, "old_value": to_json_value(old),
             "new_value": to_json_value(new)}
            for field, (old, new) in changes.items()])

    @staticmethod
    def history(session: Session, row_id: str,
                limit: int = 500) -> list[tuple[JournalEntry, JournalBatch]]:
        """A record's journal, oldest first, its creation shown field by field."""
        query = (select(JournalEntry, JournalBatch)
                 .join(JournalBatch, col(JournalBatch.seq) == JournalEntry.batch_seq)
                 .where(JournalEntry.row_id == row_id)
                 .order_by(col(JournalEntry.hlc)).limit(limit))
        return [(field, batch) for entry, batch in session.exec(query) for field in per_field(entry)]

    def last_undoable(self, session: Session) -> JournalBatch | None:
        query = (select(JournalBatch)
                 .where(JournalBatch.device_id == self.identity.device_id,
                        col(JournalBatch.undo_of).is_(None), col(JournalBatch.undone_by).is_(None),
                        JournalBatch.action != AUDIT_ONLY_ACTION)
                 .order_by(col(JournalBatch.hlc).desc()).limit(1))
        return session.exec(query).first()

    @staticmethod
    def inserted_rows(session: Session, batch: JournalBatch) -> list[tuple[str, str]]:
        """(entity, row id) of every row the batch created, once each."""
        query = (select(JournalEntry.entity, JournalEntry.row_id)
                 .where(JournalEntry.batch_seq == batch.seq, JournalEntry.op == "insert")
                 .distinct())
        return [(entity, row_id) for entity, row_id in session.exec(query)]

    @staticmethod
    def changed_fields(session: Session, batch: JournalBatch) -> list[JournalEntry]:
        """The batch's field changes other than creations, newest first."""
        query = (select(JournalEntry).where(JournalEntry.batch_seq == batch.seq,
                                            JournalEntry.op != "insert")
                 .order_by(col(JournalEntry.hlc).desc()))
        return list(session.exec(query))
