"""One search index over contacts, companies, deals, service logs and notes (decision 8).

Storage: one FTS5 table with the ``trigram`` tokenizer and a plain table for display.

* ``search_fts(terms)`` holds, per document, one normalized text: the names, their pinyin
  (full spelling and initials), emails, phone digits (international and national forms) and
  the body. Any query term of 3+ characters is a trigram substring match on it.
* The same text also carries *short keys* for 1–2 character queries, which trigrams cannot
  match: for every CJK position the 2-character window starting there, and the first two
  characters of every word, pinyin syllable and initials window, each written as
  ``KEY_MARK + key``. A 1–2 character term ``t`` is then the 3+ character phrase
  ``KEY_MARK + t``, i.e. "some key starts with t". The mark is a control character that
  normalized text never contains, so keys and text cannot be confused.
* ``search_doc`` maps ``(kind, row_id)`` to a stable rowid and keeps the title/subtitle to
  display. Rowids live in per-kind ranges (``kind_rank * KIND_SPAN + n``), so "contacts
  first" is a ``rowid BETWEEN`` per kind (FTS5 pushes it down) with a LIMIT, never a sort of
  every match. The small candidate set is ranked in Python: exact title > title prefix >
  title substring > anything else.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import islice

from sqlalchemy import Connection

from crm_desktop.core.search import text as t

KINDS = ("contact", "company", "deal", "service", "note")
KIND_SPAN = 10**12
KEY_MARK = "\x1f\x1f"
_FIELD_SEP = "\n"  # query terms never contain whitespace, so no match spans two fields
_CANDIDATES = 2  # FTS candidates fetched per kind, as a multiple of the limit
_BATCH = 2000

DDL = (
    """CREATE TABLE IF NOT EXISTS search_doc (
        rowid INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        row_id TEXT NOT NULL,
        title TEXT NOT NULL,
        subtitle TEXT NOT NULL,
        title_key TEXT NOT NULL
    )""",
    "CREATE UNIQUE INDEX IF NOT EXISTS search_doc_key ON search_doc (kind, row_id)",
    "CREATE INDEX IF NOT EXISTS search_doc_title ON search_doc (kind, title_key)",
    """CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5(
        terms, tokenize='trigram', detail='full'
    )""",
)


@dataclass(frozen=True)
class SearchDoc:
    """What one record contributes to the index."""

    kind: str
    row_id: str
    title: str
    subtitle: str = ""
    names: tuple[str, ...] = ()  # name-like text: short keys and pinyin, besides substrings
    emails: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()  # E.164 strings
    body: str = ""  # long text: substrings (3+ characters) only


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


# ---------------------------------------------------------------- indexing


def _kind_rank(kind: str) -> int:
    try:
        return KINDS.index(kind) + 1
    except ValueError:
        raise ValueError(f"unknown search kind: {kind!r}") from None


def _kind_range(kind: str) -> tuple[int, int]:
    low = _kind_rank(kind) * KIND_SPAN
    return low, low + KIND_SPAN - 1


def _short_keys(name: str) -> list[str]:
    keys = t.cjk_windows(name)
    keys += [w[:2] for w in t.words(name)]
    for syllables in t.pinyin_syllables(name):
        keys += [s[:2] for s in syllables]
        initials = "".join(s[0] for s in syllables)
        keys += [initials[i : i + 2] for i in range(len(initials))]
    return keys


def doc_terms(doc: SearchDoc) -> str:
    """The normalized text stored in the FTS table for one document."""
    names = [n for n in dict.fromkeys(map(t.normalize, (doc.title, *doc.names))) if n]
    emails = [e for e in map(t.normalize, doc.emails) if e]
    keys: list[str] = []
    fields: list[str] = []
    for name in names:
        keys += _short_keys(name)
        fields.append(name)
        fields += [f for f in t.pinyin_forms(name) if " " not in f]
    for email in emails:
        keys += [w[:2] for w in t.words(email)]
        fields.append(email)
    for phone in doc.phones:
        fields += t.phone_digit_forms(phone)
    if doc.body:
        fields.append(t.normalize(doc.body))
    fields.append(" ".join(KEY_MARK + k for k in dict.fromkeys(keys)))
    return _FIELD_SEP.join(fields)


def _title_key(title: str) -> str:
    return t.normalize(title)


def _existing_rowids(conn: Connection, kind: str, row_ids: Sequence[str]) -> dict[str, int]:
    marks = ",".join("?" * len(row_ids))
    rows = conn.exec_driver_sql(
        f"SELECT row_id, rowid FROM search_doc WHERE kind = ? AND row_id IN ({marks})",
        (kind, *row_ids),
    )
    return {row_id: rowid for row_id, rowid in rows}


def _next_rowid(conn: Connection, kind: str) -> int:
    low, high = _kind_range(kind)
    top = conn.exec_driver_sql(
        "SELECT max(rowid) FROM search_doc WHERE rowid BETWEEN ? AND ?", (low, high)
    ).scalar()
    return (top or low) + 1


def _write_batch(conn: Connection, docs: list[SearchDoc]) -> None:
    by_kind: dict[str, list[SearchDoc]] = {}
    for doc in {(d.kind, d.row_id): d for d in docs}.values():  # last one wins
        by_kind.setdefault(doc.kind, []).append(doc)
    doc_rows: list[tuple[object, ...]] = []
    fts_rows: list[tuple[int, str]] = []
    stale: list[tuple[int]] = []
    for kind, group in by_kind.items():
        existing = _existing_rowids(conn, kind, [d.row_id for d in group])
        stale += [(rowid,) for rowid in existing.values()]
        next_rowid = _next_rowid(conn, kind)
        for doc in group:
            rowid = existing.get(doc.row_id)
            if rowid is None:
                rowid, next_rowid = next_rowid, next_rowid + 1
            doc_rows.append(
                (rowid, kind, doc.row_id, doc.title, doc.subtitle, _title_key(doc.title))
            )
            fts_rows.append((rowid, doc_terms(doc)))
    if stale:
        conn.exec_driver_sql("DELETE FROM search_fts WHERE rowid = ?", stale)
    conn.exec_driver_sql("INSERT OR REPLACE INTO search_doc VALUES (?, ?, ?, ?, ?, ?)", doc_rows)
    conn.exec_driver_sql("INSERT INTO search_fts (rowid, terms) VALUES (?, ?)", fts_rows)


def _batches(docs: Iterable[SearchDoc]) -> Iterator[list[SearchDoc]]:
    it = iter(docs)
    while batch := list(islice(it, _BATCH)):
        yield batch


def index_doc(conn: Connection, doc: SearchDoc) -> None:
    """Insert the document, or replace what was indexed before for its (kind, row_id)."""
    _kind_rank(doc.kind)
    _write_batch(conn, [doc])


def index_many(conn: Connection, docs: Iterable[SearchDoc]) -> int:
    """Index many documents (insert or replace); returns how many were given."""
    count = 0
    for batch in _batches(docs):
        for doc in batch:
            _kind_rank(doc.kind)
        _write_batch(conn, batch)
        count += len(batch)
    return count


def remove_doc(conn: Connection, kind: str, row_id: str) -> None:
    """Remove the document of (kind, row_id) from the index; no error if it is absent."""
    rowid = _existing_rowids(conn, kind, [row_id]).get(row_id)
    if rowid is not None:
        conn.exec_driver_sql("DELETE FROM search_fts WHERE rowid = ?", (rowid,))
        conn.exec_driver_sql("DELETE FROM search_doc WHERE rowid = ?", (rowid,))


# ---------------------------------------------------------------- searching


def _phrase(term: str) -> str:
    """One FTS5 string token, safely quoted; short terms become short-key phrases."""
    if len(term) < 3:
        term = KEY_MARK + term
    return '"' + term.replace('"', '""') + '"'


def match_expression(terms: Sequence[str]) -> str:
    """The FTS5 MATCH expression for normalized query terms (all must match)."""
    return " AND ".join(_phrase(term) for term in terms)


def _score(title_key: str, title: str, query: str, compact: str) -> tuple[int, int]:
    if title_key == query:
        return 0, len(title_key)
    if title_key.startswith(query):
        return 1, len(title_key)
    if query in title_key:
        return 2, len(title_key)
    if compact.isascii() and t.has_han(title_key):
        forms = [f.replace(" ", "") for f in t.pinyin_forms(title_key)]
        if compact in forms:
            return 1, len(title_key)
        if any(f.startswith(compact) for f in forms):
            return 2, len(title_key)
    return 3, len(title_key)


_SELECT = "SELECT d.rowid, d.row_id, d.title, d.subtitle, d.title_key FROM search_doc d"


def _kind_candidates(
    conn: Connection, kind: str, terms: list[str], query: str, want: int
) -> dict[int, tuple[str, str, str, str]]:
    low, high = _kind_range(kind)
    found: dict[int, tuple[str, str, str, str]] = {}
    rows = conn.exec_driver_sql(  # exact and prefix title matches first, via the index
        f"{_SELECT} WHERE d.kind = ? AND d.title_key >= ? AND d.title_key < ? "
        "ORDER BY d.title_key LIMIT ?",
        (kind, query, query + "\U0010ffff", want),
    )
    for rowid, *rest in rows:
        found[rowid] = tuple(rest)  # type: ignore[assignment]
    rows = conn.exec_driver_sql(
        f"{_SELECT} JOIN (SELECT rowid AS r FROM search_fts WHERE search_fts MATCH ? "
        "AND rowid BETWEEN ? AND ? LIMIT ?) m ON d.rowid = m.r",
        (match_expression(terms), low, high, want * _CANDIDATES),
    )
    for rowid, *rest in rows:
        found.setdefault(rowid, tuple(rest))  # type: ignore[arg-type]
    return found


def search(
    conn: Connection, query: str, *, kinds: Sequence[str] = KINDS, limit: int = 50
) -> list[SearchHit]:
    """Find documents matching every term of the query, ranked; earlier kinds come first.

    ``kinds`` selects the kinds to search and their order (contacts first by default).
    """
    terms = t.query_terms(query)
    if not terms or limit <= 0:
        return []
    for kind in kinds:
        _kind_rank(kind)
    normalized = " ".join(terms)
    compact = "".join(terms)
    hits: list[SearchHit] = []
    for kind in dict.fromkeys(kinds):
        found = _kind_candidates(conn, kind, terms, normalized, limit - len(hits))
        ranked = sorted(
            found.items(), key=lambda item: (_score(item[1][3], item[1][1], normalized, compact), item[0])
        )
        for _rowid, (row_id, title, subtitle, _key) in ranked[: limit - len(hits)]:
            hits.append(SearchHit(kind, row_id, title, subtitle))
        if len(hits) >= limit:
            break
    return hits
