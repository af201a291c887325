"""The one root object the GUI, the CLI and the tests drive: `Crm`, one service per aggregate."""

from __future__ import annotations

import getpass
from collections.abc import Callable
from functools import cached_property
from typing import TYPE_CHECKING, Self

from sqlalchemy import Engine, func
from sqlmodel import Session, col, select

from crm_desktop.core.backup.create import BackupSource
from crm_desktop.core.backup.restore import finish_interrupted_restore
from crm_desktop.core.backup.service import BackupService
from crm_desktop.core.config.paths import AppPaths
from crm_desktop.core.domain.changes import Outcome
from crm_desktop.core.domain.models import UndoResult
from crm_desktop.core.errors import ReadOnlyError, WorkspaceMissingError
from crm_desktop.core.ids import new_id
from crm_desktop.core.journal.hlc import HybridClock
from crm_desktop.core.journal.journal import Journal, JournalIdentity
from crm_desktop.core.search import docs as search_docs
from crm_desktop.core.search.index import SearchHit, search
from crm_desktop.core.services.companies import CompanyService
from crm_desktop.core.services.contacts import ContactService
from crm_desktop.core.services.deals import DealService
from crm_desktop.core.services.history import HistoryService
from crm_desktop.core.services.notes import NoteService
from crm_desktop.core.services.reminders import ReminderService
from crm_desktop.core.services.service_logs import ServiceLogService
from crm_desktop.core.services.settings import SettingsService
from crm_desktop.core.services.tags import TagService
from crm_desktop.core.services.trash import TrashService
from crm_desktop.core.storage import migrate
from crm_desktop.core.storage.database import Database
from crm_desktop.core.storage.engine import backup_to, build_engine
from crm_desktop.core.storage.lock import WorkspaceLock
from crm_desktop.core.storage.tables import JournalBatch, JournalEntry, Meta

if TYPE_CHECKING:
    from crm_desktop.core.io.exports.service import ExportService
    from crm_desktop.core.io.imports.service import ImportService
    from crm_desktop.core.reports.service import ReportService
    from crm_desktop.core.services.duplicates import DuplicateService
    from crm_desktop.core.services.privacy import PrivacyService

Progress = Callable[[int, int], None]


class Crm:
    def __init__(self, paths: AppPaths, engine: Engine, db: Database,
                 lock: WorkspaceLock | None, data_key: bytes = b"") -> None:
        self.paths = paths
        self.engine = engine
        self.db = db
        self._lock = lock
        self.settings = SettingsService(db)
        self.companies = CompanyService(db, self.settings)
        self.contacts = ContactService(db, self.settings)
        self.deals = DealService(db, self.settings)
        self.reminders = ReminderService(db)
        self.service = ServiceLogService(db)
        self.notes = NoteService(db)
        self.tags = TagService(db)
        self.trash = TrashService(db)
        self.history = HistoryService(db)
        self.backups = BackupService(BackupSource(paths, engine, data_key, self.device_id))

    def search(self, query: str, *, kinds: tuple[str, ...] | None = None,
               limit: int = 50) -> list[SearchHit]:
        with self.db.read() as session:
            if kinds:
                return search(session.connection(), query, kinds=kinds, limit=limit)
            return search(session.connection(), query, limit=limit)

    def undo(self) -> Outcome[UndoResult]:
        return self.history.undo()

    @cached_property
    def reports(self) -> ReportService:
        from crm_desktop.core.reports.service import ReportService  # reportlab: on first use only

        return ReportService(self)

    # Imports, exports, duplicates and privacy load their format libraries on first use only.
    @cached_property
    def imports(self) -> ImportService:
        from crm_desktop.core.io.imports.service import ImportService

        return ImportService(self.db, self.settings)

    @cached_property
    def exports(self) -> ExportService:
        from crm_desktop.core.io.exports.service import ExportService

        return ExportService(self.db, self.settings)

    @cached_property
    def duplicates(self) -> DuplicateService:
        from crm_desktop.core.services.duplicates import DuplicateService

        return DuplicateService(self.db, self.settings)

    @cached_property
    def privacy(self) -> PrivacyService:
        from crm_desktop.core.services.privacy import PrivacyService

        return PrivacyService(self.db)

    @property
    def device_id(self) -> str:
        return self.db.journal.identity.device_id

    def close(self) -> None:
        if "imports" in self.__dict__:  # cached_property: only if it was used
            self.imports.close()
        self.db.checkpoints.close()
        self.engine.dispose()
        if self._lock:
            self._lock.release()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def open_crm(paths: AppPaths, data_key: bytes, *, actor: str | None = None,
             write: bool = True, create: bool = False) -> Crm:
    """Open (or with `create`, initialise) the workspace database with an unwrapped data key.

    `write=True` takes the workspace lock: a second writer gets WorkspaceLockedError.
    """
    finish_interrupted_restore(paths)
    if not create and not paths.database.exists():
        raise WorkspaceMissingError(path=str(paths.root))
    lock = WorkspaceLock(paths.lock_file) if write else None
    if lock:
        _ensure_folder(paths)
        lock.acquire()
    try:
        engine = build_engine(paths.database, data_key)
        _upgrade_schema(paths, engine, data_key, write)
        identity = JournalIdentity(device_id=_device_id(engine, write),
                                   actor=actor or _default_actor())
        journal = Journal(HybridClock(_last_hlc(engine)), identity)
        db = Database(engine, journal, search_docs.reindex, read_only=not write)
        return Crm(paths, engine, db, lock, data_key)
    except BaseException:
        if lock:
            lock.release()
        raise


def _ensure_folder(paths: AppPaths) -> None:
    try:
        paths.root.mkdir(parents=True, exist_ok=True)
    except OSError:
        raise ReadOnlyError(path=str(paths.root)) from None


def _upgrade_schema(paths: AppPaths, engine: Engine, data_key: bytes, write: bool) -> None:
    current = migrate.current_revision(engine)
    if current == migrate.head_revision() or not write:
        return
    if current is not None:
        paths.safety_copies.mkdir(exist_ok=True)
        target = migrate.safety_copy_name(paths.safety_copies, current)
        with engine.connect() as conn:
            backup_to(conn.connection.dbapi_connection, target, data_key)  # type: ignore[arg-type]
    migrate.upgrade(engine)
    migrate.reclaim_space(engine)


def _device_id(engine: Engine, write: bool) -> str:
    with Session(engine) as session:
        row = session.get(Meta, "device_id")
        if row is not None:
            return str(row.value)
        device = new_id()
        if write:
            session.add(Meta(key="device_id", value=device))
            session.commit()
        return device


def _last_hlc(engine: Engine) -> int:
    """Seed the clock past every timestamp already issued (entries run ahead of their batch)."""
    with Session(engine) as session:
        batches = session.exec(select(func.max(JournalBatch.hlc))).one() or 0
        # The newest entry (by its row number, an O(1) lookup) carries this device's newest stamp.
        newest = select(JournalEntry.hlc).order_by(col(JournalEntry.seq).desc()).limit(1)
        entries = session.exec(newest).first() or 0
        return int(max(batches, entries))


def _default_actor() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return ""
