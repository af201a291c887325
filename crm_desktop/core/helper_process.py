"""A second process for big pure-Python work, so that it runs beside this process's own.

An import of 100,000 contacts spends about as long shaping rows in Python (pinyin and search
terms, JSON, validation) as SQLite spends storing them; on two cores the two overlap. The helper
is *spawned* (forking beside Qt's threads is unsafe) and is handed a few items ahead of their
turn; while it starts (~0.7 s: a new interpreter, its imports, the warm-up) items are done
here, and the one after them too while it takes the next ones. A helper started early by a
caller that had other work first takes them all. Work travels through an in-memory pipe, never
through a file. If the helper cannot start or dies, the rest is done here: the same results,
only slower. Small jobs never start one.
"""

from __future__ import annotations

import gc
import logging
import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from types import TracebackType
from typing import Self, TypeVar

log = logging.getLogger(__name__)
PARALLEL_MIN_ROWS = 20_000  # below this, starting a process costs more than it saves
AHEAD = 3  # items handed to the helper before their turn
CHUNK_ROWS = 5000  # rows per item: few enough for steady progress, enough to keep the pipe cheap

# A process that cannot start (no memory, no semaphores) or a pool that broke or was shut down.
_CANNOT_START = (OSError, ImportError, RuntimeError)

Item = TypeVar("Item")
Result = TypeVar("Result")


def chunks(rows: Sequence[Item]) -> Iterator[Sequence[Item]]:
    """The rows in items of CHUNK_ROWS."""
    for start in range(0, len(rows), CHUNK_ROWS):
        yield rows[start:start + CHUNK_ROWS]


def _nothing_to_warm() -> None:
    """The helper's first task: it has imported what the work needs by the time this returns."""


def _warm(warm_up: Callable[[], None]) -> None:
    """Run in the helper first (again before each job it is kept for). Its chunks make no
    reference cycles (a refused row's error keeps no traceback): the cycle collector, which
    cost a tenth of its time, is off there, and what it loaded is frozen out of any walk."""
    warm_up()
    gc.freeze()
    gc.disable()


class HelperProcess:
    """`with HelperProcess(rows) as helper: for item, result in helper.each(work, items): ...`.

    `work` must be a module-level function and items picklable. `warm_up` (module-level too)
    runs first in the helper, e.g. to load dictionaries while this process is still busy.
    """

    def __init__(self, rows: int, warm_up: Callable[[], None] = _nothing_to_warm,
                 parallel_min_rows: int | None = None) -> None:
        self._pool: ProcessPoolExecutor | None = None
        self._warming: Future[None] | None = None
        self._warm_up = warm_up
        if rows >= (PARALLEL_MIN_ROWS if parallel_min_rows is None else parallel_min_rows):
            try:
                self._pool = ProcessPoolExecutor(max_workers=1,
                                                 mp_context=multiprocessing.get_context("spawn"))
            except _CANNOT_START as exc:  # e.g. no semaphores in a confined sandbox
                log.warning("no helper process (%s); working here", type(exc).__name__)
            self._warming = self._submit(_warm, warm_up)

    def __enter__(self) -> Self:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None

    def warm(self, warm_up: Callable[[], None]) -> None:
        """Hand a running helper the warm-up of its next job (core/kept_helper.py); items are
        done here until it is through."""
        if self._pool is not None and warm_up is not self._warm_up:
            self._warm_up = warm_up
            self._warming = self._submit(_warm, warm_up)

    @property
    def running(self) -> bool:
        return self._pool is not None

    def each(self, work: Callable[[Item], Result],
             items: Iterable[Item]) -> Iterator[tuple[Item, Result]]:
        """(item, work(item)) for each item, in order; items are taken as they are needed."""
        pending = iter(items)
        starting = not self.ready()  # or no helper at all
        while self.still_starting():  # work here rather than wait for it
            if (item := next(pending, None)) is None:
                return
            yield item, work(item)
        # The item after those is done here too while the helper does the next ones; a helper
        # that was ready from the start takes them all.
        first = next(pending, None) if starting else None
        ahead: deque[tuple[Item, Future[Result] | None]] = deque()
        for _ in range(AHEAD if self._pool is not None else 0):
            if (item := next(pending, None)) is not None:
                ahead.append((item, self._submit(work, item)))
        if first is not None:
            yield first, work(first)
        while ahead:
            item, future = ahead.popleft()
            if (following := next(pending, None)) is not None:
                ahead.append((following, self._submit(work, following)))
            yield item, self._result(work, item, future)
        for item in pending:  # no helper: everything here
            yield item, work(item)

    def still_starting(self) -> bool:
        """Whether the helper is starting up; one whose start failed is given up here."""
        warming = self._warming
        if self._pool is None or warming is None:
            return False
        if not warming.done():
            return True
        failure = RuntimeError("cancelled") if warming.cancelled() else warming.exception()
        if failure is not None:
            self._give_up(failure)
        return False

    def ready(self) -> bool:
        """Whether the helper has started and warmed up (so it may take the first item too)."""
        return not self.still_starting() and self._pool is not None

    def _submit(self, work: Callable[..., Result], *args: object) -> Future[Result] | None:
        if self._pool is None:
            return None
        try:
            return self._pool.submit(work, *args)  # the first submit starts the process
        except _CANNOT_START as exc:
            self._give_up(exc)
            return None

    def _result(self, work: Callable[[Item], Result], item: Item,
                future: Future[Result] | None) -> Result:
        if future is not None:
            try:
                return future.result()
            except Exception as exc:  # noqa: BLE001 - done here instead; a data error recurs here
                self._give_up(exc)
        return work(item)

    def _give_up(self, exc: BaseException) -> None:
        if self._pool is not None:
            log.warning("helper process failed (%s); continuing here", type(exc).__name__)
            self.close()
