"""When the search index merges its segments: after a big write, not during it.

FTS5 writes new documents as small segments and merges them as it goes. During a bulk write of
100,000 documents that merging is ~1.4 s of the write, while the same segments merged once after
the commit take ~1 s in the background. Meanwhile every search stays right, only slower (up to
~10 ms with ~70 segments instead of ~1 ms). The settings live in the index itself, so the write
holds merging inside its own transaction and resumes it before its commit: a rollback or a crash
can never leave merging off.
"""

from __future__ import annotations

from sqlalchemy import Connection

__all__ = ["hold_merging", "merge_step", "resume_merging"]

FTS5_DEFAULTS = {"automerge": 4, "crisismerge": 16}
# crisismerge caps the segments that wait: ~1,400 documents each here, so a crisis merge comes
# only after ~280,000 of them; FTS5 allows at most 2,000 segments.
HELD = {"automerge": 0, "crisismerge": 200}
MERGE_PAGES = 2000  # one background step: ~8 MB written, ~0.15 s of holding the write lock


def hold_merging(conn: Connection) -> None:
    """New segments wait, unmerged, until `resume_merging` (same transaction)."""
    _configure(conn, HELD)


def resume_merging(conn: Connection) -> None:
    """FTS5's own merging again, from the next write on."""
    _configure(conn, FTS5_DEFAULTS)


def merge_step(conn: Connection) -> bool:
    """Merge up to MERGE_PAGES pages of segments, all of them eligible; False when there was
    nothing left to merge (FTS5's rule: fewer than two rows changed)."""
    before = conn.exec_driver_sql("SELECT total_changes()").scalar_one()
    conn.exec_driver_sql(
        "INSERT INTO search_fts (search_fts, rank) VALUES ('merge', ?)", (-MERGE_PAGES,))
    return conn.exec_driver_sql("SELECT total_changes()").scalar_one() - before >= 2


def _configure(conn: Connection, settings: dict[str, int]) -> None:
    for name, value in settings.items():
        conn.exec_driver_sql(
            "INSERT INTO search_fts (search_fts, rank) VALUES (?, ?)", (name, value))
