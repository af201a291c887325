"""Retention: the newest backups, then one per day, week and month; nothing else of ours, and
never anything that is not ours."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from crm_desktop.core.backup.retention import Retention, to_keep
from crm_desktop.core.crm import Crm

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)


def _name(when: datetime) -> Path:
    return Path(f"crm-backup-{when:%Y%m%d-%H%M%S}.crmbak")


def test_keeps_last_n_then_one_per_day_week_and_month() -> None:
    """Four backups a day for a year shrink to the last 7 + daily 14 + weekly 8 + monthly 12."""
    backups = [_name(NOW - timedelta(hours=6 * i)) for i in range(4 * 365)]
    keep = to_keep(backups, Retention(), NOW)
    assert set(backups[:7]) <= keep
    kept_days = {(NOW - timedelta(days=d)).date() for d in range(14)}
    assert kept_days <= {datetime.strptime(p.name[11:19], "%Y%m%d").date() for p in keep}
    assert 30 <= len(keep) <= 7 + 14 + 8 + 12
    oldest = min(keep, key=lambda p: p.name)
    assert oldest.name < _name(NOW - timedelta(days=300)).name  # a month from the past year


def test_never_deletes_the_newest_even_when_everything_is_old() -> None:
    """After a long holiday the last backups stay, however old."""
    backups = [_name(NOW - timedelta(days=400 + i)) for i in range(3)]
    assert to_keep(backups, Retention(keep_last=1, daily_days=0, weekly_weeks=0,
                                      monthly_months=0), NOW) == {backups[0]}


def test_prune_deletes_only_our_expired_backups(crm: Crm, tmp_path: Path) -> None:
    """Pruning removes expired crm-backup files and leaves every other file in the folder."""
    folder = tmp_path / "usb"
    folder.mkdir()
    names = [_name(NOW - timedelta(days=d)) for d in range(0, 60, 2)]
    for name in names:
        (folder / name).write_bytes(b"x")
    (folder / "family-photos.zip").write_bytes(b"y")
    crm.backups.configure(retention=Retention(keep_last=2, daily_days=3, weekly_weeks=2,
                                              monthly_months=1))
    removed = crm.backups.prune(folder, now=NOW)
    left = sorted(p.name for p in folder.iterdir())
    assert "family-photos.zip" in left
    assert names[0].name in left and names[1].name in left
    assert removed and all(not p.exists() for p in removed)
    assert len(left) < len(names)
