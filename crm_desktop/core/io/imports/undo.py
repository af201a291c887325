""""Undo this import": one import batch reversed as a new batch, even after other changes — its
new records go to the recycle bin (thousands at a time, not one by one), its updates are set back
(a field changed again since the import keeps the newer value)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from sqlmodel import select

from crm_desktop.core.domain.changes import Changes, Outcome
from crm_desktop.core.domain.models import UndoResult
from crm_desktop.core.errors import ImportAlreadyUndoneError, ImportBatchError
from crm_desktop.core.journal.journal import to_json_value
from crm_desktop.core.search.index import remove_docs
from crm_desktop.core.services.history import decode, reverse_entry
from crm_desktop.core.storage.database import Database, Tx
from crm_desktop.core.storage.tables import ENTITY_TABLES, JournalBatch
from crm_desktop.core.storage.types import utcnow

IMPORT_ACTION = "import"
CHUNK = 500
JOURNAL_DELETE = ("INSERT INTO journal (batch_seq, hlc, entity, row_id, op, field, old_value, "
                  "new_value) VALUES (?, ?, ?, ?, 'delete', 'deleted_at', NULL, ?)")
SEARCHABLE = frozenset({"contact", "company", "note"})


def undo_import(db: Database, batch_id: str) -> Outcome[UndoResult]:
    with db.transaction("undo") as tx:
        batch = tx.session.exec(select(JournalBatch).where(JournalBatch.id == batch_id)).first()
        if batch is None or batch.action != IMPORT_ACTION:
            raise ImportBatchError(id=batch_id)
        if batch.undone_by:
            raise ImportAlreadyUndoneError()
        changed = db.journal.changed_fields(tx.session, batch)
        for entry in changed:
            if _still_as_imported(tx, entry):
                reverse_entry(tx, entry)
        created = db.journal.inserted_rows(tx.session, batch)
        removed = _tombstone_many(db, tx, created)
        tx.batch.undo_of = batch.id
        batch.undone_by = tx.batch.id
        tx.session.add(batch)
        result = UndoResult(batch_id=batch.id, action=batch.action, fields=len(changed) + len(created))
        return Outcome(result, Changes.of(tx.touched | removed))


def _still_as_imported(tx: Tx, entry: Any) -> bool:
    table = ENTITY_TABLES.get(entry.entity)
    row = tx.session.get(table, entry.row_id) if table else None
    if row is None:
        return False
    return to_json_value(getattr(row, entry.field)) == to_json_value(
        decode(table, entry.field, entry.new_value))  # type: ignore[arg-type]


def _tombstone_many(db: Database, tx: Tx, created: list[tuple[str, str]]) -> set[tuple[str, str]]:
    """Into the recycle bin with one journal row each, out of the search index. Not added to
    `tx.touched`: re-indexing row by row is what this avoids."""
    tx.session.flush()
    conn = tx.session.connection()
    stamp = utcnow().isoformat(timespec="microseconds")
    journal_value = json.dumps(stamp)
    seq = tx.batch.seq
    removed: set[tuple[str, str]] = set()
    by_entity: dict[str, list[str]] = {}
    for entity, row_id in created:
        by_entity.setdefault(entity, []).append(row_id)
    ours = {row_id for _entity, row_id in created}
    for entity in ("tagging", "note", "reminder", "service", "deal", "contact", "company", "tag", "stage"):
        ids = by_entity.get(entity, [])
        table = ENTITY_TABLES[entity].__tablename__  # type: ignore[attr-defined]
        for chunk in _chunks(ids):
            marks = ",".join("?" * len(chunk))
            live = [r for (r,) in conn.exec_driver_sql(
                f"SELECT id FROM {table} WHERE deleted_at IS NULL AND id IN ({marks})", tuple(chunk))]
            used = _used_elsewhere(conn, entity, live, ours)
            live = [r for r in live if r not in used]
            if not live:
                continue
            conn.exec_driver_sql(f"UPDATE {table} SET deleted_at = ?, updated_at = ? WHERE id = ?",
                                 [(stamp, stamp, r) for r in live])
            hlc = db.journal.clock.reserve(len(live))
            conn.exec_driver_sql(JOURNAL_DELETE, [(seq, hlc + i, entity, r, journal_value)
                                                  for i, r in enumerate(live)])
            if entity in SEARCHABLE:
                remove_docs(conn, entity, live)
            removed.update((entity, r) for r in live)
    return removed


# Who may point at a record an import created: a company later given to a contact typed by hand,
# a tag put on another contact, a contact that a later merge moved deals and notes onto.
REFERENCES = {
    "company": (("contacts", "company_id"), ("deals", "company_id"), ("notes", "company_id")),
    "tag": (("taggings", "tag_id"),),
    "stage": (("deals", "stage_id"),),
    "contact": (("deals", "contact_id"), ("notes", "contact_id"), ("reminders", "contact_id"),
                ("service_logs", "contact_id")),
}


def _used_elsewhere(conn: Any, entity: str, ids: list[str], ours: set[str]) -> set[str]:
    """Records of the import that live records from outside it still point at: they stay."""
    if not ids or entity not in REFERENCES:
        return set()
    marks = ",".join("?" * len(ids))
    used: set[str] = set()
    for table, column in REFERENCES[entity]:
        rows = conn.exec_driver_sql(f"SELECT id, {column} FROM {table} WHERE deleted_at IS NULL "
                                    f"AND {column} IN ({marks})", tuple(ids))
        used |= {target for row_id, target in rows if row_id not in ours}
    return used


def _chunks(ids: list[str]) -> Iterator[list[str]]:
    for start in range(0, len(ids), CHUNK):
        yield ids[start:start + CHUNK]
