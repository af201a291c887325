"""The database side of backups: a consistent encrypted copy of the live database, taken
through SQLite's backup API while the app keeps working (never a file copy: FACTS.md — that can
miss committed rows), and the checks and counts run on such a copy."""

from __future__ import annotations

import os
import re
import sqlite3
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor, as_completed
from pathlib import Path
from urllib.parse import quote

import sqlcipher3
from sqlalchemy import Engine

from crm_desktop.core.storage.engine import key_pragma, translate_error

Progress = Callable[[int, int], None]
CHECK_CACHE_KIB = 64 * 1024
PAGE_SIZE = 4096  # SQLCipher 4's default, which the workspace keeps
PAGE_NUMBER = re.compile(r"\bpage (\d+)\b")
COUNTED_TABLES = ("companies", "contacts", "deals", "pipeline_stages", "reminders",
                  "service_logs", "notes", "tags", "taggings", "journal_batches", "journal")
STEP_PAGES = 8192  # 32 MiB per step: progress moves, and the snapshot stays one read transaction


def take_snapshot(engine: Engine, data_key: bytes, target: Path,
                  progress: Progress | None = None) -> None:
    """Copy the database as of one moment into `target`, keyed with the same data key.

    The source holds one read transaction for the whole copy, so writes made meanwhile (in WAL)
    neither restart the copy nor appear half in it.
    """
    raw = engine.raw_connection()
    try:
        source: sqlcipher3.Connection = raw.dbapi_connection  # type: ignore[assignment]
        source.execute("BEGIN")
        source.execute("SELECT count(*) FROM sqlite_master").fetchone()
        dest = sqlcipher3.connect(str(target))
        try:
            dest.execute(key_pragma(data_key))
            source.backup(dest, pages=STEP_PAGES,
                          progress=(lambda _s, rem, tot: progress(tot - rem, tot)) if progress else None)
            # A backup needs no -wal/-shm beside it (USB sticks and network shares may not
            # support them); the live database turns WAL back on when it is restored.
            dest.execute("PRAGMA journal_mode = DELETE")
        finally:
            dest.close()
            source.execute("ROLLBACK")
    except (sqlcipher3.Error, sqlite3.Error) as exc:
        target.unlink(missing_ok=True)
        raise translate_error(exc, target) from None
    finally:
        raw.close()


def open_read_only(database: Path, data_key: bytes) -> sqlcipher3.Connection:
    """A keyed connection that writes nothing (no -wal, no journal) beside a backup's database."""
    try:
        conn = sqlcipher3.connect(f"file:{quote(str(database))}?mode=ro", uri=True,
                                  check_same_thread=False)
    except sqlcipher3.Error as exc:
        raise translate_error(exc, database) from None
    try:
        conn.execute(key_pragma(data_key))
        conn.execute("PRAGMA temp_store = MEMORY")
        conn.execute(f"PRAGMA cache_size = -{CHECK_CACHE_KIB}")  # integrity_check is 2x faster
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher3.DatabaseError as exc:
        conn.close()
        raise translate_error(exc, database) from None
    return conn


def describe(database: Path, data_key: bytes) -> tuple[str, dict[str, int]]:
    """The schema revision and the row count of every table a user would recognise."""
    conn = open_read_only(database, data_key)
    try:
        revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        existing = {name for (name,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'")}
        counts = {table: int(conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0])
                  for table in COUNTED_TABLES if table in existing}
        return (str(revision[0]) if revision else ""), counts
    except sqlcipher3.DatabaseError as exc:
        raise translate_error(exc, database) from None
    finally:
        conn.close()


def check_file(database: Path, data_key: bytes, progress: Progress | None = None,
               database_bytes: int | None = None) -> tuple[list[str], list[str]]:
    """SQLCipher's page check and SQLite's structural check of every table with its indexes:
    (pages that fail authentication, integrity problems); both empty for a sound file.

    With `database_bytes`, the database is the first that many bytes of the file (a backup checked
    in place): SQLite stops at the page count in its header, and SQLCipher's reports about the
    pages after it — the backup's trailer — are not about the database.
    """
    conn = open_read_only(database, data_key)
    try:
        tables = [name for (name,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'"
            " ORDER BY name = 'journal' DESC, name")]
    finally:
        conn.close()
    jobs = ["cipher_integrity_check", *(f"integrity_check('{name}')" for name in tables)]
    results = _run_parallel(database, data_key, jobs, progress)
    problems = [line for job in jobs[1:] for line in results[job] if line != "ok"]
    return _within(results[jobs[0]], database_bytes), problems


def _within(page_reports: list[str], database_bytes: int | None) -> list[str]:
    if database_bytes is None:
        return page_reports
    last_page = database_bytes // PAGE_SIZE
    return [line for line in page_reports
            if not ((found := PAGE_NUMBER.search(line)) and int(found.group(1)) > last_page)]


def _run_parallel(database: Path, data_key: bytes, pragmas: list[str],
                  progress: Progress | None) -> dict[str, list[str]]:
    """SQLite releases the GIL while it works: the checks, one connection each, use every core.

    SQLCipher's page check runs beside SQLite's structural check, table by table (each table
    with its indexes), biggest first — the whole-file check on one core would take twice as long.
    """
    results: dict[str, list[str]] = {}
    with ThreadPoolExecutor(max_workers=max(2, min(4, os.cpu_count() or 2))) as pool:
        futures = {pool.submit(_pragma, database, data_key, pragma): pragma for pragma in pragmas}
        for done, future in enumerate(as_completed(futures), start=1):
            results[futures[future]] = future.result()
            if progress:
                progress(done, len(pragmas))
    return results


def _pragma(database: Path, data_key: bytes, pragma: str) -> list[str]:
    conn = open_read_only(database, data_key)
    try:
        return [str(row[0]) for row in conn.execute(f"PRAGMA {pragma}")]
    except sqlcipher3.DatabaseError as exc:  # damage can stop a check before it reports
        return [str(translate_error(exc, database))]
    finally:
        conn.close()
