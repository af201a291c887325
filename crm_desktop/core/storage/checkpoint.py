"""Folding a big commit's write-ahead log into the database file after the commit, not inside it.

SQLite folds the log into the file when a commit leaves more than 1000 pages in it, as part of
that commit. After a 100,000-row import that is ~380 MB copied (1–1.5 s here) while the user
waits for an import that is already safe on disk. A transaction that asks for it (`defer`)
commits without the fold, and a background thread folds the log right after; closing the
workspace waits for it. If the fold fails, the next commit's automatic fold does the work.

Other tidying that such a write left for later (the search index's merging) runs in the same
thread, in small transactions a user's own write can slip between: after the fold (a user's save
meanwhile would otherwise fold the whole log inside its own commit), and followed by a second,
small fold of what it wrote.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from sqlalchemy import Connection, Engine, event

from crm_desktop.core.storage.engine import WRITE_OPTION

log = logging.getLogger(__name__)
AUTOCHECKPOINT_PAGES = 1000  # SQLite's default
_DEFERRED = "crm_checkpoint_deferred"
_COMMITTED = "crm_checkpoint_committed"
TidyStep = Callable[[Connection], bool]  # one small step of work; False when nothing is left


class Checkpoints:
    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._threads: list[threading.Thread] = []
        self._guard = threading.Lock()
        self._closed = False
        event.listen(engine, "checkin", self._checked_in)
        event.listen(engine, "commit", self._committing)

    def defer(self, connection: Connection, tidy: TidyStep | None = None) -> None:
        """This connection's next commit leaves the log for the background fold; `tidy`, if
        given, is repeated there after it, each step its own transaction, until it returns False."""
        connection.exec_driver_sql("PRAGMA wal_autocheckpoint = 0")
        connection.info[_DEFERRED] = tidy

    def wait(self) -> None:
        """Until the background work (folds, tidying) started so far has finished."""
        with self._guard:
            threads = list(self._threads)
        for thread in threads:
            thread.join()

    def close(self) -> None:
        """The workspace is closing: no more folds, and the running ones are waited for."""
        with self._guard:
            self._closed = True
        self.wait()

    def _committing(self, connection: Connection) -> None:
        if _DEFERRED in connection.info:
            connection.info[_COMMITTED] = True

    def _checked_in(self, dbapi_connection: Any, record: Any) -> None:
        """Back in the pool after its commit (or rollback): automatic folds again, and after a
        commit, this one's fold and tidying done in the background."""
        if _DEFERRED not in record.info:
            return
        tidy = record.info.pop(_DEFERRED)
        committed = record.info.pop(_COMMITTED, False)
        if dbapi_connection is None:
            return
        dbapi_connection.execute(f"PRAGMA wal_autocheckpoint = {AUTOCHECKPOINT_PAGES}")
        with self._guard:  # started under the guard: close() never sees one not yet started
            if self._closed or not committed:  # a rollback left nothing to fold or tidy
                return
            thread = threading.Thread(target=self._after_commit, args=(tidy,),
                                      name="wal-checkpoint", daemon=True)
            thread.start()
            self._threads = [t for t in self._threads if t.is_alive()] + [thread]

    def truncate(self) -> bool:
        """Fold the whole log into the file now and empty it (old page images go with it), after
        any background fold; False if a reader kept part of it."""
        self.wait()
        return self._checkpoint("TRUNCATE")

    def _after_commit(self, tidy: TidyStep | None) -> None:
        self._fold()
        if tidy is not None:
            self._tidy(tidy)
            self._fold()

    def _tidy(self, step: TidyStep) -> None:
        """Steps until done or the workspace closes (what is left waits for the next time)."""
        try:
            # BEGIN IMMEDIATE, as every write here: a step that read first could not write
            # after a user's commit in between ("database is locked" without waiting).
            with self._engine.connect().execution_options(**{WRITE_OPTION: True}) as conn:
                driver = conn.connection.driver_connection  # pragmas outside any transaction
                assert driver is not None
                driver.execute("PRAGMA wal_autocheckpoint = 0")  # a fold comes next
                try:
                    while not self._closed and step(conn):
                        conn.commit()
                    conn.commit()
                finally:
                    driver.execute(f"PRAGMA wal_autocheckpoint = {AUTOCHECKPOINT_PAGES}")
        except Exception as exc:  # noqa: BLE001 - left for later: the data is right without it
            log.warning("background tidying failed (%s)", type(exc).__name__)

    def _fold(self) -> None:
        try:
            self._checkpoint("PASSIVE")
        except Exception as exc:  # noqa: BLE001 - the next commit folds the log instead
            log.warning("background checkpoint failed (%s)", type(exc).__name__)

    def _checkpoint(self, mode: str) -> bool:
        raw = self._engine.raw_connection()
        try:
            busy, _log, _done = raw.cursor().execute(f"PRAGMA wal_checkpoint({mode})").fetchone()
            return not busy
        finally:
            raw.close()
