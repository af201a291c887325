"""The backup side of the root object: back up now, list, verify, prune, and the status the
status bar and Today show. Restoring replaces the open workspace, so it lives in `restore`."""

from __future__ import annotations

import builtins
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from crm_desktop.core.backup.config import BackupConfig, load_config, save_config
from crm_desktop.core.backup.create import BackupSource, Progress, check_folder, create_backup
from crm_desktop.core.backup.manifest import Manifest
from crm_desktop.core.backup.naming import backups_in
from crm_desktop.core.backup.retention import Retention, to_keep
from crm_desktop.core.backup.verify import BackupKey, VerifyReport, read_backup, verify_backup
from crm_desktop.core.errors import BackupFolderMissingError, BackupFolderNotChosenError, CrmError


@dataclass(frozen=True)
class BackupEntry:
    """A backup file found in a folder, with its manifest, or why it cannot be read."""

    path: Path
    manifest: Manifest | None
    problem: str = ""


@dataclass(frozen=True)
class BackupStatus:
    folder: str
    folder_present: bool
    last_good_at: datetime | None
    overdue: bool


class BackupService:
    def __init__(self, source: BackupSource) -> None:
        self._source = source
        self._config_path = source.paths.backup_config

    @property
    def data_key(self) -> bytes:
        """The key of the open workspace: a restore tries it first (a backup of this workspace)."""
        return self._source.data_key

    def config(self) -> BackupConfig:
        return load_config(self._config_path)

    def configure(self, **changes: Any) -> BackupConfig:
        """Change settings (folder, on_quit, daily, warn_after_days, retention); a folder must exist."""
        if changes.get("folder"):
            changes["folder"] = str(check_folder(Path(changes["folder"]), self._source.paths))
        config = replace(self.config(), **changes)
        save_config(self._config_path, config)
        return config

    def back_up(self, folder: Path | None = None, *, progress: Progress | None = None,
                prune: bool = False, now: datetime | None = None) -> VerifyReport:
        """Make and verify one backup; with `prune`, then apply the retention policy."""
        when = now or datetime.now(UTC)
        target = self._folder(folder)
        report = create_backup(self._source, target, progress=progress, now=when)
        save_config(self._config_path, self.config().with_success(report.path, when))
        if prune:
            self.prune(target, now=when)
        return report

    def list(self, folder: Path | None = None) -> list[BackupEntry]:
        """Backups in the folder, newest first; unreadable ones are listed with the reason."""
        return list_backups(self._folder(folder))

    def verify(self, path: Path, key: BackupKey | None = None,
               progress: Progress | None = None) -> VerifyReport:
        """Verify any backup; by default with this workspace's key."""
        return verify_backup(path, key or BackupKey(data_key=self._source.data_key),
                             self._source.paths.backup_work, progress=progress)

    def prune(self, folder: Path | None = None, *, now: datetime | None = None) -> builtins.list[Path]:
        """Delete the backups the retention policy no longer keeps; returns what was deleted."""
        return prune_backups(self._folder(folder), self.config().retention, now or datetime.now(UTC))

    def status(self, now: datetime | None = None) -> BackupStatus:
        config = self.config()
        present = bool(config.folder) and Path(config.folder).is_dir()
        return BackupStatus(config.folder, present, config.last_good_at,
                            config.overdue(now or datetime.now(UTC)))

    def _folder(self, folder: Path | None) -> Path:
        return backup_folder(self.config(), folder)


def backup_folder(config: BackupConfig, folder: Path | None) -> Path:
    """The folder given, else the configured one; it must be there (a USB stick plugged in)."""
    chosen = folder or (Path(config.folder) if config.folder else None)
    if chosen is None:
        raise BackupFolderNotChosenError()
    if not Path(chosen).is_dir():
        raise BackupFolderMissingError(path=str(chosen))
    return Path(chosen)


def list_backups(folder: Path) -> list[BackupEntry]:
    """Needs no key: manifests are readable without one."""
    entries = []
    for path in backups_in(folder):
        try:
            entries.append(BackupEntry(path, read_backup(path)[0]))
        except CrmError as error:
            entries.append(BackupEntry(path, None, str(error)))
    return entries


def prune_backups(folder: Path, policy: Retention, now: datetime) -> list[Path]:
    found = backups_in(folder)
    keep = to_keep(found, policy, now)
    removed = [path for path in found if path not in keep]
    for path in removed:
        path.unlink(missing_ok=True)
    return removed
