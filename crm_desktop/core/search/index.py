"""One search index over contacts, companies, deals, service logs and notes (decision 8).

Storage (see ``terms`` for what the indexed text looks like):

* ``search_fts`` — FTS5, ``trigram`` tokenizer, contentless, one column of normalized text
  per document.
* ``search_doc`` — maps ``(kind, row_id)`` to a stable rowid and keeps what is displayed.
  Rowids live in per-kind ranges (``kind_rank * KIND_SPAN + n``): "contacts first" is a
  ``rowid BETWEEN`` per kind with a LIMIT (FTS5 pushes the range down), never a sort of
  every match. The few candidates are ranked in Python: exact title, title prefix, title
  substring (pinyin of the title counts), then the rest. The title's pinyin spellings are
  stored with it (``title_pinyin``, e.g. ``zhangwei zw``) when it is indexed: pypinyin's
  dictionaries take ~0.2 s to load, which a search keystroke must never wait for.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import islice
from typing import NamedTuple

from sqlalchemy import Connection
from sqlalchemy.exc import OperationalError

from crm_desktop.core.search import text as t
from crm_desktop.core.search.terms import SearchDoc, index_text, match_expression

__all__ = [
    "KINDS", "IndexEntry", "SearchDoc", "SearchHit", "create_schema", "index_doc", "index_entry",
    "index_many", "remove_doc", "search", "store_entries",
]

KINDS = ("contact", "company", "deal", "service", "note")
KIND_SPAN = 10**12
_CANDIDATES = 2  # FTS candidates fetched per kind, as a multiple of the limit
_BATCH = 2000
_RANGE_CHECK_MIN = 100  # a write of more rows first asks whether any of them is indexed
BULK_CACHE_KIB = 64 * 1024  # page cache while bulk indexing

DDL = (
    """CREATE TABLE IF NOT EXISTS search_doc (
        rowid INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        row_id TEXT NOT NULL,
        title TEXT NOT NULL,
        subtitle TEXT NOT NULL,
        title_key TEXT NOT NULL,
        title_pinyin TEXT NOT NULL DEFAULT ''
    )""",
    "CREATE UNIQUE INDEX IF NOT EXISTS search_doc_key ON search_doc (kind, row_id)",
    "CREATE INDEX IF NOT EXISTS search_doc_title ON search_doc (kind, title_key)",
)
# Contentless: the index keeps no second copy of the text (a third smaller file, faster
# builds). Deleting rows from a contentless table needs SQLite 3.43+ (sqlcipher3 bundles
# 3.53); older SQLite, e.g. a stdlib sqlite3 used for comparison, gets a table with content.
FTS_DDL = "CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5(terms, tokenize='trigram'{})"
CONTENTLESS = ", content='', contentless_delete=1"


@dataclass(frozen=True)
class SearchHit:
    """One search result, ready to display."""

    kind: str
    row_id: str
    title: str
    subtitle: str


def create_schema(conn: Connection) -> None:
    """Create the search tables if they do not exist yet."""
    for statement in DDL:
        conn.exec_driver_sql(statement)
    version = conn.exec_driver_sql("SELECT sqlite_version()").scalar_one()
    contentless = tuple(int(part) for part in version.split(".")[:2]) >= (3, 43)
    conn.exec_driver_sql(FTS_DDL.format(CONTENTLESS if contentless else ""))


# ---------------------------------------------------------------- indexing


def _kind_rank(kind: str) -> int:
    try:
        return KINDS.index(kind) + 1
    except ValueError:
        raise ValueError(f"unknown search kind: {kind!r}") from None


def _kind_range(kind: str) -> tuple[int, int]:
    low = _kind_rank(kind) * KIND_SPAN
    return low, low + KIND_SPAN - 1


def _existing_rowids(conn: Connection, kind: str, row_ids: Sequence[str]) -> dict[str, int]:
    if len(row_ids) > _RANGE_CHECK_MIN and not _any_indexed_between(conn, kind, row_ids):
        return {}
    marks = ",".join("?" * len(row_ids))
    rows = conn.exec_driver_sql(
        f"SELECT row_id, rowid FROM search_doc WHERE kind = ? AND row_id IN ({marks})",
        (kind, *row_ids),
    )
    return {row_id: rowid for row_id, rowid in rows}


def _any_indexed_between(conn: Connection, kind: str, row_ids: Sequence[str]) -> bool:
    """Whether any document of this kind has a row id between the least and greatest of
    these: one index seek that says "none" for a bulk write's new rows (time-ordered ids made
    during the write), where looking up each id took ~0.5 s per 100,000 rows."""
    found = conn.exec_driver_sql(
        "SELECT 1 FROM search_doc WHERE kind = ? AND row_id BETWEEN ? AND ? LIMIT 1",
        (kind, min(row_ids), max(row_ids)),
    ).first()
    return found is not None


def _next_rowid(conn: Connection, kind: str) -> int:
    low, high = _kind_range(kind)
    top = conn.exec_driver_sql(
        "SELECT max(rowid) FROM search_doc WHERE rowid BETWEEN ? AND ?", (low, high)
    ).scalar()
    return (top or low) + 1


class IndexEntry(NamedTuple):
    """One document as the index stores it: pure to compute, so a bulk write can compute the
    entries of its next rows in another process while this one stores the last ones."""

    kind: str
    row_id: str
    title: str
    subtitle: str
    title_key: str
    title_pinyin: str
    terms: str


def index_entry(doc: SearchDoc) -> IndexEntry:
    _kind_rank(doc.kind)
    title_key, title_pinyin, terms = index_text(doc)
    return IndexEntry(doc.kind, doc.row_id, doc.title, doc.subtitle, title_key, title_pinyin, terms)


def store_entries(conn: Connection, entries: Iterable[IndexEntry]) -> None:
    """Insert the entries, each replacing what was indexed before for its (kind, row_id)."""
    by_kind: dict[str, list[IndexEntry]] = {}
    for entry in {(e.kind, e.row_id): e for e in entries}.values():  # last one wins
        by_kind.setdefault(entry.kind, []).append(entry)
    doc_rows: list[tuple[object, ...]] = []
    fts_rows: list[tuple[int, str]] = []
    stale: list[tuple[int]] = []
    for kind, group in by_kind.items():
        existing = _existing_rowids(conn, kind, [e.row_id for e in group])
        stale += [(rowid,) for rowid in existing.values()]
        next_rowid = _next_rowid(conn, kind)
        for entry in group:
            rowid = existing.get(entry.row_id)
            if rowid is None:
                rowid, next_rowid = next_rowid, next_rowid + 1
            doc_rows.append((rowid, kind, entry.row_id, entry.title, entry.subtitle,
                             entry.title_key, entry.title_pinyin))
            fts_rows.append((rowid, entry.terms))
    if stale:  # deleted, then inserted again: INSERT OR REPLACE took twice as long in bulk
        conn.exec_driver_sql("DELETE FROM search_fts WHERE rowid = ?", stale)
        conn.exec_driver_sql("DELETE FROM search_doc WHERE rowid = ?", stale)
    conn.exec_driver_sql(_INSERT_DOC, doc_rows)
    conn.exec_driver_sql("INSERT INTO search_fts (rowid, terms) VALUES (?, ?)", fts_rows)


_INSERT_DOC = (
    "INSERT INTO search_doc (rowid, kind, row_id, title, subtitle, title_key, "
    "title_pinyin) VALUES (?, ?, ?, ?, ?, ?, ?)"
)


def _batches(docs: Iterable[SearchDoc]) -> Iterator[list[SearchDoc]]:
    it = iter(docs)
    while batch := list(islice(it, _BATCH)):
        yield batch


def index_doc(conn: Connection, doc: SearchDoc) -> None:
    """Insert the document, or replace what was indexed before for its (kind, row_id)."""
    store_entries(conn, [index_entry(doc)])


def index_many(conn: Connection, docs: Iterable[SearchDoc]) -> int:
    """Index many documents (insert or replace); returns how many were given.

    While it runs, the connection's page cache is raised to at least BULK_CACHE_KIB: FTS5
    segment merges then stay in memory instead of spilling to the WAL (~30% faster).
    """
    count = 0
    cache = int(conn.exec_driver_sql("PRAGMA cache_size").scalar_one())
    if (-cache if cache < 0 else cache * 4) < BULK_CACHE_KIB:  # negative: KiB, else pages
        conn.exec_driver_sql(f"PRAGMA cache_size = -{BULK_CACHE_KIB}")
    try:
        for batch in _batches(docs):
            store_entries(conn, [index_entry(doc) for doc in batch])
            count += len(batch)
    finally:
        conn.exec_driver_sql(f"PRAGMA cache_size = {cache}")
    return count


def remove_doc(conn: Connection, kind: str, row_id: str) -> None:
    """Remove the document of (kind, row_id) from the index; no error if it is absent."""
    remove_docs(conn, kind, [row_id])


def remove_docs(conn: Connection, kind: str, row_ids: Sequence[str]) -> None:
    """Remove the documents of many rows of one kind (at most a few hundred ids per call)."""
    _kind_rank(kind)
    stale = [(rowid,) for rowid in _existing_rowids(conn, kind, row_ids).values()]
    if stale:
        conn.exec_driver_sql("DELETE FROM search_fts WHERE rowid = ?", stale)
        conn.exec_driver_sql("DELETE FROM search_doc WHERE rowid = ?", stale)


# ---------------------------------------------------------------- searching


_Row = tuple[str, str, str, str, str]  # row_id, title, subtitle, title_key, title_pinyin


def _rank(row: _Row, query: str, compact: str) -> tuple[int, int]:
    """0 exact title, 1 title prefix, 2 title substring, 3 matched elsewhere; then shorter.

    A Latin query also counts as the title when it is one of the title's stored pinyin
    spellings (exact) or begins one (prefix): zw and zhangwei are 张伟 exactly.
    """
    title_key, title_pinyin = row[3], row[4]
    if title_key == query:
        return 0, len(title_key)
    if title_key.startswith(query):
        return 1, len(title_key)
    if query in title_key:
        return 2, len(title_key)
    if title_pinyin and compact.isascii():
        spellings = title_pinyin.split()
        if compact in spellings:
            return 0, len(title_key)
        if any(s.startswith(compact) for s in spellings):
            return 1, len(title_key)
    return 3, len(title_key)


# {} is d.title_pinyin for a Latin query, '' otherwise (no use for it, nothing to read).
_SELECT = "SELECT d.rowid, d.row_id, d.title, d.subtitle, d.title_key, {} FROM search_doc d"
_BY_TITLE = (  # exact title matches, then title prefixes, straight from the index
    f"{_SELECT} WHERE d.kind = ? AND d.title_key >= ? AND d.title_key < ? "
    "ORDER BY d.title_key LIMIT ?"
)
_BY_TEXT = (
    f"{_SELECT} JOIN (SELECT rowid AS r FROM search_fts WHERE search_fts MATCH ? "
    "AND rowid BETWEEN ? AND ? LIMIT ?) m ON d.rowid = m.r"
)


def _kind_candidates(
    conn: Connection, kind: str, terms: list[str], query: str, want: int, pinyin: str
) -> dict[int, _Row]:
    low, high = _kind_range(kind)
    found: dict[int, _Row] = {}
    by_title = _BY_TITLE.format(pinyin)
    for rowid, *row in conn.exec_driver_sql(by_title, (kind, query, query + "\U0010ffff", want)):
        found[rowid] = tuple(row)
    params = (match_expression(terms), low, high, want * _CANDIDATES)
    for rowid, *row in conn.exec_driver_sql(_BY_TEXT.format(pinyin), params):
        found.setdefault(rowid, tuple(row))
    return found


def _has_title_pinyin(conn: Connection) -> bool:
    return any(row[1] == "title_pinyin"
               for row in conn.exec_driver_sql("PRAGMA table_info(search_doc)"))


def search(
    conn: Connection, query: str, *, kinds: Sequence[str] = KINDS, limit: int = 50
) -> list[SearchHit]:
    """Documents matching every term of the query, best first within each kind.

    ``kinds`` selects which kinds to search and in what order they are listed (contacts
    first by default). A blank query gives []; FTS5 syntax in the query has no effect.
    """
    kinds = (kinds,) if isinstance(kinds, str) else kinds
    for kind in kinds:
        _kind_rank(kind)
    terms = t.query_terms(query)
    if not terms or limit <= 0:
        return []
    pinyin = "d.title_pinyin" if "".join(terms).isascii() else "''"
    try:
        return _search(conn, terms, kinds, limit, pinyin)
    except OperationalError:
        if pinyin == "''" or _has_title_pinyin(conn):
            raise
        # A workspace opened read-only before migration 0008 has no stored spellings: pinyin
        # matches are still found, only ranked as matched elsewhere.
        return _search(conn, terms, kinds, limit, "''")


def _search(
    conn: Connection, terms: list[str], kinds: Sequence[str], limit: int, pinyin: str
) -> list[SearchHit]:
    normalized, compact = " ".join(terms), "".join(terms)
    hits: list[SearchHit] = []
    for kind in dict.fromkeys(kinds):
        found = _kind_candidates(conn, kind, terms, normalized, limit - len(hits), pinyin)
        ranked = sorted(found.items(), key=lambda i: (_rank(i[1], normalized, compact), i[0]))
        for _rowid, (row_id, title, subtitle, _key, _pinyin) in ranked[: limit - len(hits)]:
            hits.append(SearchHit(kind, row_id, title, subtitle))
        if len(hits) >= limit:
            break
    return hits
