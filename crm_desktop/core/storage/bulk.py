"""The bulk path (demo data, benchmark, imports): many rows in one transaction, journalled
and indexed like single adds, but written with executemany."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import zip_longest
from typing import Any

from sqlalchemy import Connection, insert

from crm_desktop.core.helper_process import HelperProcess, chunks
from crm_desktop.core.ids import new_id
from crm_desktop.core.search.index import BULK_CACHE_KIB, store_entries
from crm_desktop.core.search.merging import hold_merging, merge_step, resume_merging
from crm_desktop.core.storage.bulk_prepare import (
    JOURNAL_INSERT,
    ChunkJob,
    DocBuilder,
    PreparedChunk,
    RowBuilder,
    insert_statement,
    prepare_chunk,
    warm_up,
)
from crm_desktop.core.storage.database import ENTITY_OF, Database, Tx
from crm_desktop.core.storage.engine import CACHE_KIB
from crm_desktop.core.storage.tables import JournalBatch, Record
from crm_desktop.core.storage.types import utcnow

# From this size on, a write leaves the log fold (about where SQLite would fold it inside the
# commit) and the search index's merging for the background, after its commit.
BIG_WRITE_ROWS = 2000


@dataclass(frozen=True)
class _Queued:
    table: type[Record]
    rows: list[dict[str, Any]]
    doc: DocBuilder | None
    build: RowBuilder | None
    alongside: bool


class BulkWriter:
    """Collects rows per table, then writes them, their journal and their index in one commit."""

    def __init__(self, db: Database, action: str) -> None:
        self._db = db
        self._action = action
        self._queued: list[_Queued] = []

    def add(self, table: type[Record], rows: list[dict[str, Any]],
            doc: DocBuilder | None = None, build: RowBuilder | None = None,
            alongside: bool = False) -> None:
        """Queue rows (dicts with every column of `table`, ids included) and their search doc.
        With `build`, rows are what build(row) completes into such a dict, in the helper process
        when there is one (so the caller need not spend its time on defaults and ids).

        `alongside`: the chunks alternate with those of the rows queued just before, which the
        caller promises hold everything these refer to at or before the same position (as an
        import's new companies, made in the order their rows first name them). A company chunk,
        cheap for SQLite but not to prepare, then alternates with a contact chunk, the reverse,
        and neither process waits for the other."""
        self._queued.append(_Queued(table, rows, doc, build, alongside))

    def commit(self, progress: Callable[[int, int], None] | None = None) -> dict[str, int]:
        """Write everything queued as one new transaction and journal batch."""
        journal = self._db.journal
        with self._db.engine.begin() as conn:
            batch_seq = conn.execute(insert(JournalBatch).values(
                id=new_id(), hlc=journal.clock.now(), device_id=journal.identity.device_id,
                actor=journal.identity.actor, action=self._action)).lastrowid
            return self.write(conn, batch_seq, progress)

    def write_into(self, tx: Tx, progress: Callable[[int, int], None] | None = None,
                   helper: HelperProcess | None = None) -> dict[str, int]:
        """Write everything queued inside `tx`, in its journal batch (an import's updates share it)."""
        return self.write(tx.session.connection(), _batch_seq(tx), progress, helper)

    def write(self, conn: Connection, batch_seq: int,
              progress: Callable[[int, int], None] | None = None,
              helper: HelperProcess | None = None) -> dict[str, int]:
        """Write everything queued; a big write prepares its rows in a helper process (`helper`:
        one the caller started early, e.g. before building the rows); after its commit, its
        search segments are merged and its log is folded into the file in the background
        (search/merging.py, storage/checkpoint.py)."""
        total = sum(len(queued.rows) for queued in self._queued)
        done = 0
        big = total >= BIG_WRITE_ROWS
        if big:
            self._db.checkpoints.defer(conn, tidy=merge_step)
            hold_merging(conn)
        conn.exec_driver_sql(f"PRAGMA cache_size = -{BULK_CACHE_KIB}")
        try:
            with helper or bulk_helper(total) as preparer:
                for job, chunk in preparer.each(prepare_chunk, self._jobs(batch_seq)):
                    _store(conn, job, chunk)
                    done += len(job.rows)
                    if progress:
                        progress(done, total)
            if big:
                resume_merging(conn)
        finally:
            conn.exec_driver_sql(f"PRAGMA cache_size = -{CACHE_KIB}")
        return {ENTITY_OF[queued.table]: len(queued.rows) for queued in self._queued}

    def _jobs(self, batch_seq: int) -> Iterator[ChunkJob]:
        for group in self._groups():
            for same_round in zip_longest(*(self._chunk_jobs(q, batch_seq) for q in group)):
                yield from (job for job in same_round if job is not None)

    def _groups(self) -> list[list[_Queued]]:
        groups: list[list[_Queued]] = []
        for queued in self._queued:
            if queued.alongside and groups:
                groups[-1].append(queued)
            else:
                groups.append([queued])
        return groups

    def _chunk_jobs(self, queued: _Queued, batch_seq: int) -> Iterator[ChunkJob]:
        clock = self._db.journal.clock
        doc = queued.doc
        narrow = getattr(doc, "for_rows", None)  # only the context these rows need
        for chunk in chunks(queued.rows):
            yield ChunkJob(queued.table, ENTITY_OF[queued.table], chunk,
                           narrow(chunk) if narrow else doc, batch_seq,
                           clock.reserve(len(chunk)), queued.build)


def bulk_helper(rows: int) -> HelperProcess:
    """A helper process for a bulk write of this many rows (none for a small one)."""
    return HelperProcess(rows, warm_up)


def _store(conn: Connection, job: ChunkJob, chunk: PreparedChunk) -> None:
    if chunk.values is None:  # a column left to its default: the slow path
        conn.execute(insert(job.table), job.rows)
    else:
        conn.exec_driver_sql(insert_statement(job.table), chunk.values)
    conn.exec_driver_sql(JOURNAL_INSERT, chunk.journal)
    if chunk.entries:
        store_entries(conn, chunk.entries)


def _batch_seq(tx: Tx) -> int:
    seq = tx.batch.seq
    if seq is None:  # open_batch flushes, so the database has numbered it
        raise RuntimeError("journal batch was not flushed")
    return seq


def record_defaults(**values: Any) -> dict[str, Any]:
    """The columns every Record row needs, for dict rows built outside the ORM."""
    now = utcnow()
    row = {"id": "", "created_at": now, "updated_at": now, "deleted_at": None, "owner": ""} | values
    if not row["id"]:
        row["id"] = new_id()
    return row

