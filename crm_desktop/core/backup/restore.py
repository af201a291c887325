"""Restoring a backup: verify it into a staged file, then — holding the workspace lock — move the
current database (with its -wal/-shm) aside as a safety copy and put the staged one in its place.

The steps after verification are recorded in an intent file first, so a crash in between is
finished on the next open: the workspace is the old one or the restored one, never a mix.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from crm_desktop.core.backup.manifest import Manifest
from crm_desktop.core.backup.progress import Progress
from crm_desktop.core.backup.verify import BackupKey, read_backup, unlock_backup, verify_backup
from crm_desktop.core.config.paths import AppPaths
from crm_desktop.core.errors import BackupTooNewError, RestoreFailedError
from crm_desktop.core.security import keyslots
from crm_desktop.core.storage import migrate
from crm_desktop.core.storage.files import fsync_directory, write_atomic
from crm_desktop.core.storage.lock import WorkspaceLock

STAGED, STAGED_SLOTS = "restore-staged.db", "restore-staged-keyslots.json"


@dataclass(frozen=True)
class RestorePlan:
    """A verified backup, staged beside the workspace and ready to take its place."""

    backup: Path
    manifest: Manifest
    data_key: bytes  # opens the restored workspace
    new_keys: bool  # the backup's key slots replace the current ones


def prepare_restore(paths: AppPaths, backup: Path, key: BackupKey,
                    progress: Progress | None = None) -> RestorePlan:
    """Verify the backup and stage its database; the live workspace is not touched yet."""
    manifest, slots = read_backup(backup)
    if not migrate.can_upgrade_from(manifest.schema_revision):
        raise BackupTooNewError(revision=manifest.schema_revision)
    data_key = unlock_backup(manifest, slots, key)
    paths.root.mkdir(parents=True, exist_ok=True)
    paths.backup_work.mkdir(exist_ok=True)
    report = verify_backup(backup, BackupKey(data_key=data_key), paths.backup_work,
                           progress=progress, keep_as=paths.backup_work / STAGED)
    if not report.ok:
        raise RestoreFailedError(reason=report.problem)
    new_keys = key.data_key != data_key
    if new_keys:
        keyslots.write_slots_atomic(paths.backup_work / STAGED_SLOTS, slots)
    return RestorePlan(backup, manifest, data_key, new_keys)


def discard_restore(paths: AppPaths) -> None:
    """Throw away a staged restore that the user cancelled."""
    for name in (STAGED, STAGED_SLOTS):
        (paths.backup_work / name).unlink(missing_ok=True)


def apply_restore(paths: AppPaths, plan: RestorePlan, now: datetime | None = None,
                  held: WorkspaceLock | None = None) -> Path:
    """Put the staged database in place; returns the folder holding the previous workspace.

    The caller must have closed its own connections. Unless the caller `held` the workspace
    lock already, it is taken here: another process holding the workspace gets
    WorkspaceLockedError and nothing moves.
    """
    lock = held or WorkspaceLock(paths.lock_file)
    if held is None:
        paths.root.mkdir(parents=True, exist_ok=True)
        lock.acquire()
    try:
        stamp = (now or datetime.now(UTC)).strftime("%Y%m%d-%H%M%S")
        safety = paths.safety_copies / f"before-restore-{stamp}"
        intent = {"safety": safety.name, "new_keys": plan.new_keys}
        _write_json(paths.restore_intent, intent)
        _finish(paths, safety, plan.new_keys)
        return safety
    finally:
        if held is None:
            lock.release()


def finish_interrupted_restore(paths: AppPaths) -> None:
    """Complete a restore that a crash or power cut stopped half-way (called before opening)."""
    if not paths.restore_intent.exists():
        return
    intent = json.loads(paths.restore_intent.read_text(encoding="utf-8"))
    _finish(paths, paths.safety_copies / str(intent["safety"]), bool(intent["new_keys"]))


def _finish(paths: AppPaths, safety: Path, new_keys: bool) -> None:
    """Every step is safe to repeat, so a second run after a crash completes the first."""
    staged = paths.backup_work / STAGED
    if staged.exists():
        safety.mkdir(parents=True, exist_ok=True)
        for live in (paths.database, _sidecar(paths.database, "-wal"), _sidecar(paths.database, "-shm")):
            if live.exists():
                live.replace(safety / live.name)
        if paths.key_slots.exists() and not (safety / paths.key_slots.name).exists():
            shutil.copy2(paths.key_slots, safety / paths.key_slots.name)
        if new_keys and (paths.backup_work / STAGED_SLOTS).exists():
            (paths.backup_work / STAGED_SLOTS).replace(paths.key_slots)
        staged.replace(paths.database)
        fsync_directory(paths.root)
    paths.restore_intent.unlink(missing_ok=True)
    fsync_directory(paths.root)


def _sidecar(database: Path, suffix: str) -> Path:
    return database.with_name(database.name + suffix)


def _write_json(path: Path, data: dict[str, object]) -> None:
    write_atomic(path, json.dumps(data).encode("utf-8"))
