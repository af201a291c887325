"""Hybrid logical clock: one 64-bit integer `(wall_ms << 16) | counter`.

Incrementing the integer carries a full counter into the millisecond part, so the clock never
raises on skew or overflow; it only ever moves forward.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, datetime

COUNTER_BITS = 16


def wall_ms_of(hlc: int) -> int:
    return hlc >> COUNTER_BITS


class HybridClock:
    def __init__(self, last: int = 0, wall_ms: Callable[[], int] | None = None) -> None:
        self._last = last
        self._wall_ms = wall_ms or (lambda: time.time_ns() // 1_000_000)

    @property
    def last(self) -> int:
        return self._last

    def now(self) -> int:
        """A timestamp greater than every one issued or received before."""
        self._last = max(self._wall_ms() << COUNTER_BITS, self._last + 1)
        return self._last

    def reserve(self, count: int) -> int:
        """The first of `count` consecutive timestamps, all issued at once (for bulk writes)."""
        first = self.now()
        self._last = first + count - 1
        return first

    def receive(self, remote: int) -> None:
        """Account for a remote timestamp; call only after the apply that carried it commits."""
        self._last = max(self._last, remote)


def hlc_datetime(hlc: int) -> datetime:
    """The wall-clock moment (UTC) a timestamp was issued."""
    return datetime.fromtimestamp(wall_ms_of(hlc) / 1000, UTC)
