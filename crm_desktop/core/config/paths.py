"""Where a workspace keeps its files. A value, built once by app/cli and passed down."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "crm_desktop"


@dataclass(frozen=True)
class AppPaths:
    root: Path

    @classmethod
    def from_platformdirs(cls) -> AppPaths:
        return cls(Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)))

    @classmethod
    def resolve(cls, data_dir: str | os.PathLike[str] | None = None) -> AppPaths:
        """`--data-dir`, then `CRM_DATA_DIR`, then the platform's user data folder."""
        chosen = data_dir or os.environ.get("CRM_DATA_DIR")
        return cls(Path(chosen).expanduser()) if chosen else cls.from_platformdirs()

    @classmethod
    def under(cls, folder: str | os.PathLike[str]) -> AppPaths:
        return cls(Path(folder))

    @property
    def database(self) -> Path:
        return self.root / "crm.db"

    @property
    def key_slots(self) -> Path:
        return self.root / "keyslots.json"

    @property
    def lock_file(self) -> Path:
        return self.root / "crm.lock"

    @property
    def settings(self) -> Path:
        return self.root / "settings.json"

    @property
    def safety_copies(self) -> Path:
        return self.root / "safety"

    @property
    def backup_work(self) -> Path:
        """Scratch space for backup snapshots and restores: encrypted files only."""
        return self.root / "backup-work"

    @property
    def backup_config(self) -> Path:
        return self.root / "backup.json"

    @property
    def restore_intent(self) -> Path:
        return self.root / "restore-intent.json"

    def exists(self) -> bool:
        return self.database.exists() and self.key_slots.exists()
