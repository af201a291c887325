"""Where and when this computer backs up, and how the last backup went.

Kept in `backup.json` beside the database, not inside it: a USB stick's path belongs to one
laptop (it must not travel with sync or come back with a restore), and the file holds no
customer data.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from crm_desktop.core.backup.retention import Retention
from crm_desktop.core.storage.files import write_atomic

DEFAULT_WARN_DAYS = 7


@dataclass(frozen=True)
class BackupConfig:
    folder: str = ""  # empty: not chosen yet
    on_quit: bool = True
    daily: bool = True
    warn_after_days: int = DEFAULT_WARN_DAYS
    retention: Retention = field(default_factory=Retention)
    last_good_at: datetime | None = None
    last_good_file: str = ""

    def with_success(self, path: Path, when: datetime) -> BackupConfig:
        return replace(self, last_good_at=when, last_good_file=str(path))

    def overdue(self, now: datetime) -> bool:
        return self.last_good_at is None or now - self.last_good_at > timedelta(days=self.warn_after_days)

    def daily_due(self, now: datetime) -> bool:
        return self.daily and (self.last_good_at is None or now - self.last_good_at >= timedelta(days=1))


def load_config(path: Path) -> BackupConfig:
    """The saved configuration; defaults when there is none or it cannot be read."""
    try:
        data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        data["retention"] = Retention(**data.get("retention", {}))
        when = data.get("last_good_at")
        data["last_good_at"] = datetime.fromisoformat(when) if when else None
        return BackupConfig(**data)
    except (OSError, ValueError, TypeError):
        return BackupConfig()


def save_config(path: Path, config: BackupConfig) -> None:
    data = asdict(config)
    data["last_good_at"] = config.last_good_at.isoformat() if config.last_good_at else None
    write_atomic(path, json.dumps(data, indent=2).encode("utf-8"))
