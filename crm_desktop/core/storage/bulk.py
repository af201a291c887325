"""The bulk path (demo data, benchmark, imports): many rows in one transaction, journalled
and indexed like single adds, but written with executemany."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from types import SimpleNamespace
from typing import Any

from sqlalchemy import Connection, insert

from crm_desktop.core.ids import new_id
from crm_desktop.core.journal.journal import ALL_FIELDS, is_blank, to_json_value
from crm_desktop.core.search.index import BULK_CACHE_KIB, SearchDoc, index_many
from crm_desktop.core.storage.database import ENTITY_OF, Database, Tx
from crm_desktop.core.storage.engine import CACHE_KIB
from crm_desktop.core.storage.tables import JournalBatch, Record
from crm_desktop.core.storage.types import utcnow

DocBuilder = Callable[[Any], SearchDoc]
_to_json = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
JOURNAL_INSERT = ("INSERT INTO journal (batch_seq, hlc, entity, row_id, op, field, new_value) "
                  "VALUES (?, ?, ?, ?, ?, ?, ?)")


class BulkWriter:
    """Collects rows per table, then writes them, their journal and their index in one commit."""

    def __init__(self, db: Database, action: str) -> None:
        self._db = db
        self._action = action
        self._rows: list[tuple[type[Record], list[dict[str, Any]], DocBuilder | None]] = []

    def add(self, table: type[Record], rows: list[dict[str, Any]],
            doc: DocBuilder | None = None) -> None:
        """Queue rows (dicts with every column of `table`, ids included) and their search doc."""
        self._rows.append((table, rows, doc))

    def commit(self, progress: Callable[[int, int], None] | None = None) -> dict[str, int]:
        """Write everything queued as one new transaction and journal batch."""
        journal = self._db.journal
        with self._db.engine.begin() as conn:
            batch_seq = conn.execute(insert(JournalBatch).values(
                id=new_id(), hlc=journal.clock.now(), device_id=journal.identity.device_id,
                actor=journal.identity.actor, action=self._action)).lastrowid
            return self.write(conn, batch_seq, progress)

    def write_into(self, tx: Tx, progress: Callable[[int, int], None] | None = None) -> dict[str, int]:
        """Write everything queued inside `tx`, in its journal batch (an import's updates share it)."""
        return self.write(tx.session.connection(), _batch_seq(tx), progress)

    def write(self, conn: Connection, batch_seq: int,
              progress: Callable[[int, int], None] | None = None) -> dict[str, int]:
        total = sum(len(rows) for _t, rows, _d in self._rows)
        done = 0
        conn.exec_driver_sql(f"PRAGMA cache_size = -{BULK_CACHE_KIB}")
        try:
            for table, rows, doc in self._rows:
                for chunk in _chunks(rows, 5000):
                    self._write_chunk(conn, batch_seq, table, chunk, doc)
                    done += len(chunk)
                    if progress:
                        progress(done, total)
        finally:
            conn.exec_driver_sql(f"PRAGMA cache_size = -{CACHE_KIB}")
        return {ENTITY_OF[t]: len(rows) for t, rows, _d in self._rows}

    def _write_chunk(self, conn: Connection, batch_seq: int, table: type[Record],
                     rows: Sequence[dict[str, Any]], doc: DocBuilder | None) -> None:
        _insert_rows(conn, table, rows)
        conn.exec_driver_sql(JOURNAL_INSERT, list(self._journal_rows(batch_seq, table, rows)))
        if doc is not None:
            index_many(conn, (doc(SimpleNamespace(**row)) for row in rows))

    def _journal_rows(self, batch_seq: int, table: type[Record],
                      rows: Sequence[dict[str, Any]]) -> Iterable[tuple[Any, ...]]:
        clock, entity = self._db.journal.clock, ENTITY_OF[table]
        hlc = clock.reserve(len(rows))
        for offset, row in enumerate(rows):
            values = {field: to_json_value(value) for field, value in row.items() if not is_blank(value)}
            yield (batch_seq, hlc + offset, entity, row["id"], "insert", ALL_FIELDS, _to_json(values))


def _insert_rows(conn: Connection, table: type[Record], rows: Sequence[dict[str, Any]]) -> None:
    """One prepared INSERT run over every row: SQLAlchemy's per-row parameter building took as
    long as SQLite's own work. Values go through each column type's bind processor (JSON, UTC
    times) exactly as SQLAlchemy would pass them."""
    columns = list(table.__table__.columns)  # type: ignore[attr-defined]
    if any(column.name not in rows[0] for column in columns):
        conn.execute(insert(table), list(rows))  # a column left to its default: the slow path
        return
    processors = [(column.name, column.type.bind_processor(conn.dialect)) for column in columns]
    names = ", ".join(f'"{column.name}"' for column in columns)
    marks = ", ".join("?" * len(columns))
    conn.exec_driver_sql(
        f'INSERT INTO "{table.__tablename__}" ({names}) VALUES ({marks})',
        [tuple(process(row[name]) if process else row[name] for name, process in processors)
         for row in rows])


def _batch_seq(tx: Tx) -> int:
    seq = tx.batch.seq
    if seq is None:  # open_batch flushes, so the database has numbered it
        raise RuntimeError("journal batch was not flushed")
    return seq


def record_defaults(**values: Any) -> dict[str, Any]:
    """The columns every Record row needs, for dict rows built outside the ORM."""
    now = utcnow()
    return {"id": new_id(), "created_at": now, "updated_at": now, "deleted_at": None,
            "owner": ""} | values


def _chunks(rows: list[dict[str, Any]], size: int) -> Iterable[list[dict[str, Any]]]:
    for start in range(0, len(rows), size):
        yield rows[start:start + size]
