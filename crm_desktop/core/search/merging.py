"""When the search index merges its segments: after a big write, not during it.

FTS5 writes new documents as small segments and merges them as it goes. During a bulk write of
100,000 documents that merging is ~1.4 s of the write, while the same segments merged once after
the commit take ~1 s in the background. Meanwhile every search stays right, only slower (up to
~10 ms with ~70 segments instead of ~1 ms). The settings live in the index itself, so the write
holds merging inside its own transaction and resumes it before its commit: a rollback or a crash
can never leave merging off.

Resumed means FTS5's automerge, which merges a little with every later write. Its crisis merge
stays raised until the background merge is through: at FTS5's 16 it would make the first contact
saved after the import, before that merge, merge all the waiting segments itself (~2 s instead
of ~5 ms). After a crash in between it stays raised until the next big write's merge.
"""

from __future__ import annotations

from sqlalchemy import Connection

__all__ = ["hold_merging", "merge_step", "resume_merging"]

# crisismerge caps the segments that wait: ~1,400 documents each here, so a crisis merge comes
# only after ~280,000 of them; FTS5 allows at most 2,000 segments.
HELD = {"automerge": 0, "crisismerge": 200}
RESUMED = {"automerge": 4}  # FTS5's default
MERGED = {"crisismerge": 16}  # FTS5's default
MERGE_PAGES = 2000  # one background step: ~8 MB written, ~0.15 s of holding the write lock


def hold_merging(conn: Connection) -> None:
    """New segments wait, unmerged, until `resume_merging` (same transaction)."""
    _configure(conn, HELD)


def resume_merging(conn: Connection) -> None:
    """Merging with every write again, as FTS5 does by default, from the next write on."""
    _configure(conn, RESUMED)


def merge_step(conn: Connection) -> bool:
    """Merge up to MERGE_PAGES pages of segments, all of them eligible; False when there was
    nothing left to merge (FTS5's rule: fewer than two rows changed), and FTS5's crisis merge
    is back."""
    before = conn.exec_driver_sql("SELECT total_changes()").scalar_one()
    conn.exec_driver_sql(
        "INSERT INTO search_fts (search_fts, rank) VALUES ('merge', ?)", (-MERGE_PAGES,))
    if conn.exec_driver_sql("SELECT total_changes()").scalar_one() - before >= 2:
        return True
    _configure(conn, MERGED)
    return False


def _configure(conn: Connection, settings: dict[str, int]) -> None:
    for name, value in settings.items():
        conn.exec_driver_sql(
            "INSERT INTO search_fts (search_fts, rank) VALUES (?, ?)", (name, value))
