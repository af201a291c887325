"""The pure half of a bulk write: from queued rows to exactly what SQLite is given — each row's
INSERT values through its columns' bind processors, its journal row, its search-index entry.
Nothing here touches a database, so a big write can prepare its next rows in a helper process
(core/helper_process.py) while this one stores the last ones."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from types import SimpleNamespace
from typing import Any

from sqlalchemy.dialects import sqlite
from sqlalchemy.types import TypeEngine

from crm_desktop.core.journal.journal import ALL_FIELDS, creation_fields, to_json_value
from crm_desktop.core.search.index import IndexEntry, SearchDoc, index_entry
from crm_desktop.core.search.terms import index_text
from crm_desktop.core.storage.tables import Record
from crm_desktop.core.storage.types import JsonText, UtcDateTime, json_text, utc_text

_DIALECT = sqlite.dialect()  # the processors of every SQLite driver, sqlcipher3's included


def _journal_value(value: Any) -> Any:
    """What the JSON encoder cannot write itself (Decimals), as to_json_value writes it."""
    converted = to_json_value(value)
    if converted is value:
        raise TypeError(f"{type(value).__name__} is not JSON serializable")
    return converted


def _to_json(value: dict[str, Any]) -> str | None:
    """Datetimes and dates come out as to_json_value's isoformat() text (orjson's own)."""
    return json_text(value, default=_journal_value)

JOURNAL_INSERT = ("INSERT INTO journal (batch_seq, hlc, entity, row_id, op, field, new_value) "
                  "VALUES (?, ?, ?, ?, ?, ?, ?)")


# Both module-level functions or picklable objects: they may run in the helper process.
DocBuilder = Callable[[Any], SearchDoc]
RowBuilder = Callable[[dict[str, Any]], dict[str, Any]]  # a queued item -> the row's every column


@dataclass(frozen=True)
class ChunkJob:
    """Rows of one table (dicts with every column, ids included) and what makes their search
    documents, with the journal batch and the first of the clock values reserved for them."""

    table: type[Record]
    entity: str
    rows: Sequence[dict[str, Any]]
    doc: DocBuilder | None
    batch_seq: int
    first_hlc: int
    build: RowBuilder | None = None  # rows are items that build() completes


@dataclass(frozen=True)
class PreparedChunk:
    values: list[tuple[Any, ...]] | None  # None: a column is left to its default (the ORM path)
    journal: list[tuple[Any, ...]]
    entries: list[IndexEntry]


def prepare_chunk(job: ChunkJob) -> PreparedChunk:
    rows = [job.build(item) for item in job.rows] if job.build is not None else job.rows
    docs = [job.doc(SimpleNamespace(**row)) for row in rows] if job.doc is not None else []
    values = _values(job.table, rows)
    return PreparedChunk(values, _journal_rows(job, rows), [index_entry(doc) for doc in docs])


def warm_up() -> None:
    """Load the pinyin dictionaries before the first rows arrive."""
    index_text(SearchDoc("contact", "", "欧阳明华", names=("欧阳明华",)))


@lru_cache(maxsize=64)
def insert_statement(table: type[Record]) -> str:
    """One INSERT naming every column: SQLAlchemy's per-row parameter building took as long as
    SQLite's own work."""
    columns = _processors(table)
    names = ", ".join(f'"{name}"' for name, _process in columns)
    return f'INSERT INTO "{table.__tablename__}" ({names}) VALUES ({", ".join("?" * len(columns))})'


@lru_cache(maxsize=64)
def _processors(table: type[Record]) -> tuple[tuple[str, Callable[[Any], Any] | None], ...]:
    columns = table.__table__.columns  # type: ignore[attr-defined]
    return tuple((column.name, _processor(column.type)) for column in columns)


def _processor(kind: TypeEngine[Any]) -> Callable[[Any], Any] | None:
    """What SQLAlchemy's bind processor does, called directly for our own column types (its
    wrappers around them took a third of the time of making a row's values)."""
    direct = _DIRECT.get(type(kind))
    return direct if direct is not None else kind.bind_processor(_DIALECT)


_DIRECT: dict[type, Callable[[Any], Any]] = {JsonText: json_text, UtcDateTime: utc_text}


def _values(table: type[Record], rows: Sequence[dict[str, Any]]) -> list[tuple[Any, ...]] | None:
    """Each row's values as SQLAlchemy would bind them (JSON text, UTC times)."""
    processors = _processors(table)
    if rows and any(name not in rows[0] for name, _process in processors):
        return None
    return [tuple([process(row[name]) if process else row[name] for name, process in processors])
            for row in rows]


def _journal_rows(job: ChunkJob, rows: Sequence[dict[str, Any]]) -> list[tuple[Any, ...]]:
    """One row per created record: its non-blank fields as one JSON object."""
    return [(job.batch_seq, job.first_hlc + offset, job.entity, row["id"], "insert", ALL_FIELDS,
             _to_json(creation_fields(row["id"], row)))
            for offset, row in enumerate(rows)]
