"""The benchmark's plain-SQLite twin: the same data, unencrypted, driven by the same services."""

from __future__ import annotations

from pathlib import Path

import sqlcipher3
from sqlalchemy import create_engine

from crm_desktop.core.config.paths import AppPaths
from crm_desktop.core.crm import Crm
from crm_desktop.core.journal.hlc import HybridClock
from crm_desktop.core.journal.journal import Journal, JournalIdentity
from crm_desktop.core.search.docs import reindex
from crm_desktop.core.storage.database import Database
from crm_desktop.core.storage.engine import CONNECTION_PRAGMAS, _use_explicit_transactions


def export_plain(encrypted: sqlcipher3.Connection, target: Path) -> Path:
    """A PLAINTEXT copy for comparison only (benchmark data is synthetic)."""
    target.unlink(missing_ok=True)
    encrypted.execute(f"ATTACH DATABASE '{target}' AS plain KEY ''")
    encrypted.execute("SELECT sqlcipher_export('plain')")
    encrypted.execute("DETACH DATABASE plain")
    encrypted.close()
    return target


def _plain_connection(path: Path) -> sqlcipher3.Connection:
    conn = sqlcipher3.connect(str(path), check_same_thread=False)
    for pragma in CONNECTION_PRAGMAS:
        conn.execute(pragma)
    return conn


def open_plain(path: Path) -> Crm:
    engine = create_engine("sqlite://", creator=lambda: _plain_connection(path),
                           module=sqlcipher3.dbapi2, hide_parameters=True)
    _use_explicit_transactions(engine)
    journal = Journal(HybridClock(), JournalIdentity(device_id="benchmark", actor="benchmark"))
    return Crm(AppPaths.under(path.parent / "plain-workspace"), engine,
               Database(engine, journal, reindex), None)
