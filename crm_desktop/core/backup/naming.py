"""Backup file names: `crm-backup-YYYYMMDD-HHMMSS.crmbak`, in UTC so laptops in different time
zones sort the same way. Only files named like this are ever listed or pruned."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

SUFFIX = ".crmbak"
PATTERN = re.compile(r"^crm-backup-(\d{8}-\d{6})(?:-(\d+))?\.crmbak$")


def backup_name(folder: Path, when: datetime) -> Path:
    """A new, unused name in `folder` for a backup made at `when`."""
    stamp = when.astimezone(UTC).strftime("%Y%m%d-%H%M%S")
    candidate, number = folder / f"crm-backup-{stamp}{SUFFIX}", 1
    while candidate.exists():
        number += 1
        candidate = folder / f"crm-backup-{stamp}-{number}{SUFFIX}"
    return candidate


def made_at(path: Path) -> datetime | None:
    """When a backup was made, read from its name; None for any other file."""
    match = PATTERN.match(path.name)
    if not match:
        return None
    return datetime.strptime(match.group(1), "%Y%m%d-%H%M%S").replace(tzinfo=UTC)


def backups_in(folder: Path) -> list[Path]:
    """Our backup files in `folder`, newest first (half-written temp files are hidden)."""
    found = [p for p in folder.iterdir() if p.is_file() and made_at(p) is not None]
    return sorted(found, key=lambda p: (made_at(p), p.name), reverse=True)
