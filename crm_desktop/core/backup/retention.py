"""Which backups to keep: the newest few, plus one per day, per week and per month going back.

Defaults: the last 7 backups, one a day for 14 days, one a week for 8 weeks, one a month for
12 months — about 35 files at most, enough to go back to before a mistake noticed months later,
small enough for a USB stick. Only files named like our backups are ever considered.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from crm_desktop.core.backup.naming import made_at


@dataclass(frozen=True)
class Retention:
    keep_last: int = 7
    daily_days: int = 14
    weekly_weeks: int = 8
    monthly_months: int = 12


def to_keep(backups: Iterable[Path], policy: Retention, now: datetime) -> set[Path]:
    """The backups the policy keeps; every other one may be deleted."""
    dated = sorted(((made_at(p), p) for p in backups if made_at(p) is not None),
                   key=lambda item: item[0], reverse=True)  # type: ignore[arg-type,return-value]
    keep = {path for _when, path in dated[:max(policy.keep_last, 1)]}  # never delete the newest
    generations: tuple[tuple[Callable[[datetime], object], datetime], ...] = (
        (lambda w: w.date(), now - timedelta(days=policy.daily_days)),
        (lambda w: w.isocalendar()[:2], now - timedelta(weeks=policy.weekly_weeks)),
        (lambda w: (w.year, w.month), now - timedelta(days=31 * policy.monthly_months)),
    )
    for bucket_of, since in generations:
        seen: set[object] = set()
        for when, path in dated:
            if when is not None and when >= since and bucket_of(when) not in seen:
                seen.add(bucket_of(when))
                keep.add(path)  # the newest backup of each day / week / month
    return keep
