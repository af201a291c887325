"""Opening the SQLCipher file: raw-key connections with the pragmas every connection must carry."""

from __future__ import annotations

import errno
from collections.abc import Callable
from pathlib import Path
from typing import Any

import sqlcipher3
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import QueuePool

from crm_desktop.core.errors import DamagedFileError, DiskFullError, ReadOnlyError, StorageError

# Every connection: keyed with the raw data key (no PBKDF2 cost), temp data kept in memory so no
# plaintext spills to temp files, WAL + synchronous=FULL so an acknowledged commit survives a crash.
CACHE_KIB = 16 * 1024  # decrypted pages kept per connection; SQLCipher decrypts on every miss
CONNECTION_PRAGMAS = (
    f"PRAGMA cache_size = -{CACHE_KIB}",
    "PRAGMA temp_store = MEMORY",
    "PRAGMA journal_mode = WAL",
    "PRAGMA synchronous = FULL",
    "PRAGMA foreign_keys = ON",
    "PRAGMA busy_timeout = 5000",
)


WRITE_OPTION = "crm_write"


def key_pragma(data_key: bytes) -> str:
    return f"PRAGMA key = \"x'{data_key.hex()}'\""


def connect(path: Path, data_key: bytes) -> sqlcipher3.Connection:
    """A keyed connection to `path`; raises DamagedFileError when the key does not open it."""
    conn = sqlcipher3.connect(str(path), check_same_thread=False)
    try:
        conn.execute(key_pragma(data_key))
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        for pragma in CONNECTION_PRAGMAS:
            conn.execute(pragma)
    except sqlcipher3.DatabaseError as exc:
        conn.close()
        raise translate_error(exc, path) from None
    return conn


def build_engine(path: Path, data_key: bytes, *, echo: bool = False) -> Engine:
    """A SQLAlchemy engine over keyed connections; bound parameters never appear in errors or logs."""
    engine = create_engine(
        "sqlite://",
        creator=lambda: connect(path, data_key),
        module=sqlcipher3.dbapi2,
        poolclass=QueuePool,
        pool_size=2,
        max_overflow=4,
        hide_parameters=True,
        echo=echo,
    )
    _use_explicit_transactions(engine)
    return engine


def _use_explicit_transactions(engine: Engine) -> None:
    """Let SQLAlchemy, not the DB-API, decide where transactions begin (SQLAlchemy's documented recipe)."""

    @event.listens_for(engine, "connect")
    def _no_implicit_begin(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None

    @event.listens_for(engine, "begin")
    def _begin(connection: Any) -> None:
        # Writers take the write lock up front, so they never fail half-way on an upgrade.
        writing = connection.get_execution_options().get(WRITE_OPTION)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if writing else "BEGIN")


def translate_error(exc: BaseException, path: Path | None = None) -> Exception:
    """Map a driver or OS error to the user-facing error that explains it."""
    text = str(getattr(exc, "orig", None) or exc).lower()
    where = str(path or "")
    if "file is not a database" in text or "malformed" in text or "not an error" in text:
        return DamagedFileError(path=where)
    if "disk is full" in text or getattr(exc, "errno", None) == errno.ENOSPC:
        return DiskFullError()
    if "readonly" in text or "read-only" in text or "unable to open" in text:
        return ReadOnlyError(path=where)
    return StorageError(reason=type(exc).__name__)


def backup_to(source: sqlcipher3.Connection, target: Path, data_key: bytes,
              progress: Callable[[int, int], None] | None = None) -> None:
    """Copy a live database through the backup API into a new file keyed with the same key."""
    dest = sqlcipher3.connect(str(target))
    try:
        dest.execute(key_pragma(data_key))
        source.backup(dest, pages=256, progress=(lambda _s, rem, tot: progress(tot - rem, tot))
                      if progress else None)
    finally:
        dest.close()
