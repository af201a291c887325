"""Long work off the GUI thread: a TaskRunner on QThreadPool, and an immediate twin for tests.

The core is Qt-free and takes a plain `progress(done, total)` callback; here it becomes a signal.
`call_when_idle` defers small GUI-thread work until the event loop has nothing else to do.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

Work = Callable[..., Any]
Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]
Progress = Callable[[int, int], None]


class TaskRunner(Protocol):
    def run(self, work: Work, on_done: Done, on_error: Failed | None = None,
            on_progress: Progress | None = None) -> None:
        """Call `work(progress)` (or `work()` when no progress is wanted) off the GUI thread."""


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)
    progress = Signal(int, int)


class _Job(QRunnable):
    def __init__(self, work: Work, signals: _Signals, wants_progress: bool) -> None:
        super().__init__()
        self._work = work
        self._signals: _Signals | None = signals
        self._wants_progress = wants_progress

    def run(self) -> None:
        signals = self._signals
        assert signals is not None
        try:
            result = self._work(signals.progress.emit) if self._wants_progress else self._work()
        except BaseException as error:  # handed to the GUI thread, which shows a message
            signals.failed.emit(error)
        else:
            signals.done.emit(result)
        finally:
            # The signals object belongs to the GUI thread (parented there, deleted there with
            # deleteLater); the worker only lets go of its Python handle.
            self._signals = None


class ThreadTaskRunner(QObject):
    """Runs work on a QThreadPool; results and errors come back as queued signals."""

    def __init__(self, pool: QThreadPool | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = pool or QThreadPool.globalInstance()

    def run(self, work: Work, on_done: Done, on_error: Failed | None = None,
            on_progress: Progress | None = None) -> None:
        signals = _Signals(self)  # parented: never deleted by a worker thread
        signals.done.connect(on_done)
        signals.done.connect(lambda _result: signals.deleteLater())
        signals.failed.connect(lambda _error: signals.deleteLater())
        if on_error:
            signals.failed.connect(on_error)
        if on_progress:
            signals.progress.connect(on_progress)
        self._pool.start(_Job(work, signals, on_progress is not None))

    def wait(self) -> None:
        self._pool.waitForDone()


class ImmediateTaskRunner:
    """The same contract, run at once on the calling thread (tests, tiny jobs)."""

    def run(self, work: Work, on_done: Done, on_error: Failed | None = None,
            on_progress: Progress | None = None) -> None:
        try:
            result = work(on_progress) if on_progress else work()
        except Exception as error:
            if on_error is None:
                raise
            on_error(error)
        else:
            on_done(result)
