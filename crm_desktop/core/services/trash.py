"""The recycle bin: soft-deleted records can be listed, restored, or purged for good."""

from __future__ import annotations

from sqlalchemy import delete, update
from sqlmodel import col, select

from crm_desktop.core.domain.changes import Outcome
from crm_desktop.core.domain.models import TrashItem
from crm_desktop.core.errors import NotFoundError
from crm_desktop.core.services.history import PURGE_ACTION, row_label
from crm_desktop.core.storage.database import Database, Tx
from crm_desktop.core.storage.tables import (
    ENTITY_TABLES,
    Company,
    Contact,
    Deal,
    JournalEntry,
    Note,
    Record,
    Reminder,
    ServiceLog,
    Tagging,
)

BIN: dict[str, type[Record]] = {entity: ENTITY_TABLES[entity] for entity in
                                ("contact", "company", "deal", "reminder", "service", "note")}
# Who points at whom: purging a row clears these references first (journalled, re-indexed).
REFERENCES: dict[type[Record], tuple[tuple[type[Record], str], ...]] = {
    Company: ((Contact, "company_id"), (Deal, "company_id"), (Note, "company_id")),
    Contact: ((Deal, "contact_id"), (Reminder, "contact_id"), (ServiceLog, "contact_id"),
              (Note, "contact_id")),
    Deal: ((Reminder, "deal_id"), (Note, "deal_id")),
    ServiceLog: ((Reminder, "service_log_id"),),
}
NOTE_LINKS = ("contact_id", "company_id", "deal_id")


class TrashService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def list(self, limit: int = 500) -> list[TrashItem]:
        items: list[TrashItem] = []
        with self._db.read() as session:
            for entity, table in BIN.items():
                query = (select(table).where(col(table.deleted_at).is_not(None))
                         .order_by(col(table.deleted_at).desc()).limit(limit))
                items += [_item(entity, row) for row in session.exec(query)]
        return sorted(items, key=lambda i: i.deleted_at, reverse=True)[:limit]

    def restore(self, row_id: str) -> Outcome[TrashItem]:
        with self._db.transaction("trash.restore") as tx:
            entity, row = self._find_deleted(tx, row_id)
            item = _item(entity, row)
            tx.restore(row)
            return Outcome(item, tx.changes())

    def purge(self, row_id: str) -> Outcome[None]:
        """Remove a deleted record for good, with the values the journal held of it.

        Records that pointed at it lose the link; notes left belonging to nothing go with it.
        The purge is journalled, and undo stops there: nothing before it can come back.
        """
        with self._db.transaction(PURGE_ACTION) as tx:
            entity, row = self._find_deleted(tx, row_id)
            for table, column in REFERENCES.get(type(row), ()):
                for linked in tx.session.exec(select(table).where(col(getattr(table, column)) == row.id)):
                    tx.update(linked, {column: None})
                    if isinstance(linked, Note) and not any(getattr(linked, c) for c in NOTE_LINKS):
                        _erase(tx, "note", linked)
            _erase(tx, entity, row)
            return Outcome(None, tx.changes())

    @staticmethod
    def _find_deleted(tx: Tx, row_id: str) -> tuple[str, Record]:
        for entity, table in BIN.items():
            row = tx.session.get(table, row_id)
            if row is not None and row.deleted_at is not None:
                return entity, row
        raise NotFoundError(id=row_id)


def _erase(tx: Tx, entity: str, row: Record) -> None:
    """Delete the row, its tags and the values the journal kept; leave a purge marker."""
    tx.session.execute(delete(Tagging).where(col(Tagging.row_id) == row.id))
    tx.session.execute(update(JournalEntry).where(col(JournalEntry.row_id) == row.id)
                       .values(old_value=None, new_value=None))
    tx.session.delete(row)
    tx.record(entity, row.id, "purge", {"*": (None, None)})


def _item(entity: str, row: Record) -> TrashItem:
    if row.deleted_at is None:
        raise NotFoundError(id=row.id)
    return TrashItem(entity=entity, id=row.id, label=row_label(row), deleted_at=row.deleted_at)
