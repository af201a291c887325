"""Transactions: every service call is one transaction that journals and re-indexes what it touches."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlmodel import Session

from crm_desktop.core.domain.changes import Changes
from crm_desktop.core.errors import NotFoundError, WorkspaceLockedError
from crm_desktop.core.journal.journal import Journal, insert_changes
from crm_desktop.core.storage.checkpoint import Checkpoints
from crm_desktop.core.storage.engine import WRITE_OPTION, translate_error
from crm_desktop.core.storage.tables import ENTITY_TABLES, JournalBatch, Record
from crm_desktop.core.storage.types import utcnow

R = TypeVar("R", bound=Record)
Reindexer = Callable[[Session, set[tuple[str, str]]], None]
ENTITY_OF: dict[type[Record], str] = {table: name for name, table in ENTITY_TABLES.items()}


def get_live(session: Session, table: type[R], row_id: str, *,
             include_deleted: bool = False) -> R:
    """The row, unless it does not exist or is in the recycle bin."""
    row = session.get(table, row_id)
    if row is None or (row.deleted_at is not None and not include_deleted):
        raise NotFoundError(id=row_id)
    return row


class Tx:
    """One open transaction: insert/update/delete rows with their journal rows and index updates."""

    def __init__(self, session: Session, journal: Journal, action: str,
                 undo_of: str | None = None) -> None:
        self.session = session
        self._journal = journal
        self._action = action
        self._undo_of = undo_of
        self._batch: JournalBatch | None = None
        self.touched: set[tuple[str, str]] = set()

    @property
    def batch(self) -> JournalBatch:
        if self._batch is None:
            self._batch = self._journal.open_batch(self.session, self._action, self._undo_of)
        return self._batch

    def get(self, table: type[R], row_id: str, *, include_deleted: bool = False) -> R:
        return get_live(self.session, table, row_id, include_deleted=include_deleted)

    def insert(self, row: R) -> R:
        self.session.add(row)
        self._record(row, "insert", insert_changes(row.model_dump()))
        return row

    def update(self, row: R, values: dict[str, Any], op: str = "update") -> dict[str, tuple[Any, Any]]:
        """Set the fields that really change; journal them; return {field: (old, new)}."""
        changed = {k: (getattr(row, k), v) for k, v in values.items() if getattr(row, k) != v}
        if not changed:
            return {}
        for field, (_old, new) in changed.items():
            setattr(row, field, new)
        row.updated_at = utcnow()
        self.session.add(row)
        self._record(row, op, changed)
        return changed

    def soft_delete(self, row: Record) -> None:
        if row.deleted_at is None:
            self.update(row, {"deleted_at": utcnow()}, op="delete")

    def restore(self, row: Record) -> None:
        if row.deleted_at is not None:
            self.update(row, {"deleted_at": None}, op="restore")

    def _record(self, row: Record, op: str, changes: dict[str, tuple[Any, Any]]) -> None:
        self.record(ENTITY_OF[type(row)], row.id, op, changes)

    def record(self, entity: str, row_id: str, op: str,
               changes: dict[str, tuple[Any, Any]]) -> None:
        """Journal a change (also of things that are not rows, such as settings)."""
        self._journal.record(self.session, self.batch, entity, row_id, op, changes)
        self.touch(entity, row_id)

    def touch(self, entity: str, row_id: str) -> None:
        """Report a change that is not journalled (screens refresh; undo does not see it)."""
        self.touched.add((entity, row_id))

    def changes(self) -> Changes:
        return Changes.of(self.touched)


class Database:
    def __init__(self, engine: Engine, journal: Journal, reindex: Reindexer,
                 read_only: bool = False) -> None:
        self.engine = engine
        self.journal = journal
        self._reindex = reindex
        self.read_only = read_only
        self._writer = engine.execution_options(**{WRITE_OPTION: True})
        self.checkpoints = Checkpoints(engine)

    @contextmanager
    def transaction(self, action: str, undo_of: str | None = None) -> Iterator[Tx]:
        """All or nothing: the change, its journal rows and its index rows commit together."""
        if self.read_only:
            raise WorkspaceLockedError()
        with Session(self._writer, expire_on_commit=False, autoflush=True) as session:
            tx = Tx(session, self.journal, action, undo_of)
            try:
                yield tx
                session.flush()
                self._reindex(session, tx.touched)
                session.commit()
            except (OperationalError, DBAPIError) as exc:
                session.rollback()
                raise translate_error(exc) from exc
            except BaseException:
                session.rollback()
                raise

    @contextmanager
    def read(self) -> Iterator[Session]:
        with Session(self.engine, expire_on_commit=False) as session:
            try:
                yield session
            except (OperationalError, DBAPIError) as exc:
                raise translate_error(exc) from exc
