"""The plain progress callback long backup work reports through: (done, total)."""

from __future__ import annotations

from collections.abc import Callable

Progress = Callable[[int, int], None]


def scaled(progress: Progress | None, start: int, share: int) -> Progress | None:
    """Map a phase's (done, total) onto its share of 0..100."""
    if progress is None:
        return None
    return lambda done, total: progress(start + (share * done // total if total else share), 100)
