"""Candidates through the search index, for a caller that then compares exactly (the duplicate
check): the rows whose document holds a text (an email, a phone's digits), and the rows whose
title has given letters in order. Each answer may hold more rows than match, never fewer, and
costs an FTS phrase or a LIKE over one kind's titles instead of reading every row.

The index is written in the same transaction as the rows (``docs.reindex``), so it is current.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import Connection

from crm_desktop.core.search import text as t
from crm_desktop.core.search.index import _kind_range
from crm_desktop.core.search.terms import match_expression

MIN_TEXT = 3  # trigrams: a shorter text cannot be asked as a substring

_CONTAINING = (
    "SELECT d.row_id FROM search_fts JOIN search_doc d ON d.rowid = search_fts.rowid "
    "WHERE search_fts MATCH ? AND search_fts.rowid BETWEEN ? AND ?"
)
_TITLES_LIKE = "SELECT row_id, title_key FROM search_doc WHERE rowid BETWEEN ? AND ? AND title_key LIKE ?"


def findable(text: str) -> bool:
    """True if `rows_containing` can look for this text."""
    return len(t.normalize(text)) >= MIN_TEXT


def rows_containing(conn: Connection, kind: str, texts: Iterable[str]) -> set[str]:
    """Ids of the `kind` rows whose indexed text contains any of these texts (normalized, so
    case does not count). Texts that are not `findable` are skipped: ask for those otherwise."""
    phrases = [match_expression([n]) for n in dict.fromkeys(map(t.normalize, texts))
               if len(n) >= MIN_TEXT]
    if not phrases:
        return set()
    low, high = _kind_range(kind)
    return {row_id for (row_id,) in conn.exec_driver_sql(_CONTAINING, (" OR ".join(phrases), low, high))}


def titles_with_letters(conn: Connection, kind: str, letters: str) -> list[tuple[str, str]]:
    """(row id, normalized title) of the `kind` rows whose normalized title has these letters
    in this order, anything between them: every title that compacts to `letters` is among
    them. `letters` are word characters (no LIKE wildcards: ``%`` and ``_`` are not)."""
    if not letters or "%" in letters or "_" in letters:
        raise ValueError("letters must be word characters")
    low, high = _kind_range(kind)
    pattern = "%" + "%".join(letters) + "%"
    return [(row_id, key) for row_id, key in conn.exec_driver_sql(_TITLES_LIKE, (low, high, pattern))]
