"""Making a backup: snapshot the live database, wrap it with its key slots and manifest, write
it to the chosen folder under a temporary name, fsync, rename — then verify it."""

from __future__ import annotations

import os
import platform
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path

from crm_desktop.core.backup import archive
from crm_desktop.core.backup.manifest import Manifest
from crm_desktop.core.backup.naming import backup_name
from crm_desktop.core.backup.progress import Progress, scaled
from crm_desktop.core.backup.verify import Check, VerifyReport, check_database
from crm_desktop.core.config.paths import AppPaths
from crm_desktop.core.errors import (
    BackupError,
    BackupFolderGoneError,
    BackupFolderMissingError,
    BackupInsideWorkspaceError,
    CrmError,
)
from crm_desktop.core.security import keyslots
from crm_desktop.core.storage import snapshot
from crm_desktop.core.storage.files import GONE, fsync_directory, storage_error

SNAPSHOT_SHARE = 55  # of 100 progress steps: writing the database; checking it takes the rest


@dataclass(frozen=True)
class BackupSource:
    """What a backup is taken from: the open workspace and the key that opens it."""

    paths: AppPaths
    engine: object  # sqlalchemy Engine (kept loose so this module does not import the Crm)
    data_key: bytes
    device_id: str


def app_version() -> str:
    try:
        return metadata.version("crm-desktop")
    except metadata.PackageNotFoundError:
        return "0+unknown"


def check_folder(folder: Path, paths: AppPaths) -> Path:
    """The backup folder, resolved; it must exist and lie outside the workspace."""
    folder = Path(folder).expanduser()
    if not folder.is_dir():
        raise BackupFolderMissingError(path=str(folder))
    resolved, root = folder.resolve(), paths.root.resolve()
    if resolved == root or root in resolved.parents:
        raise BackupInsideWorkspaceError(path=str(paths.root))
    return resolved


def create_backup(source: BackupSource, folder: Path, *, progress: Progress | None = None,
                  now: datetime | None = None) -> VerifyReport:
    """Write one backup into `folder`, verified before it gets its final name; returns the report.

    The backup API writes the database straight into the folder under a hidden temporary name;
    it is checked there (key, pages, structure, counts) while it is fingerprinted, given its trailer,
    fsynced and renamed. Nothing is left in the folder on failure.
    """
    folder = check_folder(folder, source.paths)
    when = now or datetime.now(UTC)
    target = backup_name(folder, when)
    partial = archive.partial_name(target)
    try:
        snapshot.take_snapshot(source.engine, source.data_key, partial,  # type: ignore[arg-type]
                               scaled(progress, 0, SNAPSHOT_SHARE))
        revision, counts = snapshot.describe(partial, source.data_key)
        slots = keyslots.read_slots(source.paths.key_slots)
        manifest = Manifest(app_version=app_version(), schema_revision=revision, created_at=when,
                            workspace_id=slots.workspace_id, device_id=source.device_id,
                            device_name=platform.node(), counts=counts,
                            database_sha256="", database_bytes=partial.stat().st_size)
        with ThreadPoolExecutor(max_workers=1) as pool:  # hashing runs beside the checks
            digest = pool.submit(archive.sha256_of, partial)
            checks = check_database(partial, source.data_key, manifest,
                                    scaled(progress, SNAPSHOT_SHARE, 100 - SNAPSHOT_SHARE))
            fingerprint = digest.result()
        if not all(check.ok for check in checks):
            raise BackupError(reason=next(c.detail for c in checks if not c.ok))
        signed = replace(manifest, database_sha256=fingerprint).signed(source.data_key)
        archive.append_trailer(partial, slots, signed)
        os.replace(partial, target)
        fsync_directory(folder)
    except CrmError:
        _remove(partial)
        if not folder.exists():
            raise BackupFolderGoneError(path=str(folder)) from None
        raise
    except OSError as exc:
        _remove(partial)
        if exc.errno in GONE or not folder.exists():
            raise BackupFolderGoneError(path=str(folder)) from None
        raise storage_error(exc, target) from None
    except BaseException:
        _remove(partial)
        raise
    report = (Check("readable", True), Check("checksum", True), *checks)
    return VerifyReport(target, signed, report)


def _remove(partial: Path) -> None:
    for leftover in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm"), Path(f"{partial}-journal")):
        try:
            leftover.unlink(missing_ok=True)
        except OSError:
            pass  # the stick is gone, and the partial file with it
