"""One plain progress callback, (done, total) with total 100, across a report's two phases:
reading the data (the first 40) and laying out the pages (the rest, by table rows placed).

The callback may raise (a cancel button): the report is then abandoned and no file is left."""

from __future__ import annotations

from collections.abc import Callable

Progress = Callable[[int, int], None]
TOTAL = 100
READING = 0.4


class Steps:
    def __init__(self, callback: Progress | None) -> None:
        self._callback = callback
        self._shown = -1
        self._planned_rows = 0
        self._placed_rows = 0

    def _report(self, fraction: float) -> None:
        percent = min(TOTAL, max(0, int(fraction * TOTAL)))
        if self._callback and percent > self._shown:
            self._shown = percent
            self._callback(percent, TOTAL)

    def reading(self, done: int, total: int) -> None:
        self._report(READING * done / max(total, 1))

    def plan_rows(self, count: int) -> None:
        self._planned_rows += count

    def rows_placed(self, count: int) -> None:
        self._placed_rows += count
        self._report(READING + (1 - READING) * self._placed_rows / max(self._planned_rows, 1)
                     * 0.99)

    def finished(self) -> None:
        self._report(1.0)
