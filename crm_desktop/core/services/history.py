"""Per-record history and undo of the last change, both read from the change journal."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from crm_desktop.core.domain.changes import Outcome
from crm_desktop.core.domain.labels import action_label
from crm_desktop.core.domain.models import HistoryEntry, UndoResult
from crm_desktop.core.errors import NothingToUndoError, UndoBlockedError
from crm_desktop.core.journal.hlc import hlc_datetime
from crm_desktop.core.journal.journal import AUDIT_ONLY_ACTION
from crm_desktop.core.services.settings import SETTINGS_KEY, restore_setting
from crm_desktop.core.storage.database import Database, Tx
from crm_desktop.core.storage.tables import ENTITY_TABLES, JournalEntry, Record
from crm_desktop.core.storage.types import UtcDateTime, utcnow

DERIVED_FIELDS = frozenset({"sort_key"})  # journalled for sync and undo, not news to a person
SETUP_ACTION = "setup"
PURGE_ACTION = "trash.purge"
# An erasure destroyed what undo would need; an export cannot be called back (and its
# journal row is an audit marker, not a field change to reverse).
ERASE_ACTION = "privacy.erase"
EXPORT_ACTION = AUDIT_ONLY_ACTION  # a privacy export changes nothing: undo passes over it
NOT_UNDOABLE = frozenset({SETUP_ACTION, PURGE_ACTION, ERASE_ACTION})


class HistoryService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def of(self, row_id: str) -> list[HistoryEntry]:
        """Who changed which field of a record, when, oldest first."""
        with self._db.read() as session:
            return [HistoryEntry(at=hlc_datetime(e.hlc), hlc=e.hlc, actor=b.actor,
                                 device_id=b.device_id, entity=e.entity, row_id=e.row_id, op=e.op,
                                 field=e.field, old_value=e.old_value, new_value=e.new_value,
                                 batch_id=b.id)
                    for e, b in self._db.journal.history(session, row_id)
                    if e.field not in DERIVED_FIELDS]

    def undo(self) -> Outcome[UndoResult]:
        """Reverse this device's last change as a new journal batch.

        Undo stops at a purge or at the workspace's setup: what came before cannot come back.
        """
        with self._db.transaction("undo") as tx:
            batch = self._db.journal.last_undoable(tx.session)
            if batch is None or batch.action == SETUP_ACTION:
                raise NothingToUndoError()
            if batch.action in NOT_UNDOABLE:
                raise UndoBlockedError(action=action_label(batch.action))
            changed = self._db.journal.changed_fields(tx.session, batch)
            for entry in changed:
                reverse_entry(tx, entry)
            created = self._db.journal.inserted_rows(tx.session, batch)
            for entity, row_id in created:
                _tombstone(tx, entity, row_id)
            tx.batch.undo_of = batch.id
            batch.undone_by = tx.batch.id
            tx.session.add(batch)
            result = UndoResult(batch_id=batch.id, action=batch.action,
                                fields=len(changed) + len(created))
            return Outcome(result, tx.changes())


def reverse_entry(tx: Tx, entry: JournalEntry) -> None:
    if entry.entity == SETTINGS_KEY:
        restore_setting(tx.session, entry.field, entry.old_value)
        tx.record(SETTINGS_KEY, SETTINGS_KEY, "undo", {entry.field: (entry.new_value,
                                                                    entry.old_value)})
        return
    table = ENTITY_TABLES.get(entry.entity)
    if table is None:
        return
    row = tx.session.get(table, entry.row_id)
    if row is not None:
        tx.update(row, {entry.field: decode(table, entry.field, entry.old_value)}, op="undo")


def _tombstone(tx: Tx, entity: str, row_id: str) -> None:
    """Undoing a creation moves the record to the recycle bin (sync-safe, and restorable)."""
    table = ENTITY_TABLES.get(entity)
    row = tx.session.get(table, row_id) if table else None
    if row is not None and row.deleted_at is None:
        tx.update(row, {"deleted_at": utcnow()}, op="delete")


def decode(table: type[Record], field: str, value: Any) -> Any:
    """Turn a journal (JSON) value back into the column's Python value."""
    column_type = table.__table__.c[field].type  # type: ignore[attr-defined]
    if isinstance(column_type, UtcDateTime) and isinstance(value, str):
        return datetime.fromisoformat(value)
    return value


def row_label(row: Record) -> str:
    for name in ("display_name", "name", "title", "subject", "body"):
        if hasattr(row, name):
            return str(getattr(row, name))[:80]
    return row.id
