"""One warm helper process kept between the steps of a big job — an import's read, preview and
write — so that no step waits for a new one to start (~1 s: a new interpreter, its imports,
the pinyin dictionaries). While the user looks at the preview, it already loads what the write
needs. Nobody taking it within IDLE_S, a new one kept, or closing the workspace ends it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from crm_desktop.core import helper_process
from crm_desktop.core.helper_process import HelperProcess

IDLE_S = 300.0  # a user may study a big preview for a while; an idle helper costs only memory


class KeptHelper:
    """At most one kept helper; safe to use from the GUI's worker threads."""

    def __init__(self) -> None:
        self._helper: HelperProcess | None = None
        self._timer: threading.Timer | None = None
        self._guard = threading.Lock()
        self._closed = False  # the workspace closed: a step finishing late keeps nothing

    def start(self, warm_up: Callable[[], None]) -> None:
        """Start one now for a job that is about to come (e.g. while its file is read)."""
        self.keep(HelperProcess(helper_process.PARALLEL_MIN_ROWS, warm_up))

    def take(self, rows: int, warm_up: Callable[[], None]) -> HelperProcess:
        """The kept helper, handed `warm_up`, for a job of this many rows; a new one (or none,
        for a small job) when none is kept."""
        with self._guard:
            kept, self._helper = self._helper, None
            self._stop_timer()
        if kept is not None and kept.running and rows >= helper_process.PARALLEL_MIN_ROWS:
            kept.warm(warm_up)
            return kept
        if kept is not None:
            kept.close()
        return HelperProcess(rows, warm_up)

    def keep(self, helper: HelperProcess, warm_up: Callable[[], None] | None = None) -> None:
        """Keep `helper` for the next step (which `warm_up` prepares for); it is closed if it
        stays unused for IDLE_S."""
        if not helper.running:
            return
        if warm_up is not None:
            helper.warm(warm_up)
        replaced: HelperProcess | None
        with self._guard:
            if self._closed:
                replaced = helper
            else:
                replaced, self._helper = self._helper, helper
                self._stop_timer()
                self._timer = threading.Timer(IDLE_S, self._idle, args=(helper,))
                self._timer.daemon = True
                self._timer.start()
        if replaced is not None:
            replaced.close()

    def close(self) -> None:
        """The workspace is closing: end the kept helper and keep none from now on."""
        self.release(for_good=True)

    def release(self, for_good: bool = False) -> None:
        """End the kept helper, if any (e.g. the file read is too small to need one)."""
        with self._guard:
            self._closed = self._closed or for_good
            kept, self._helper = self._helper, None
            self._stop_timer()
        if kept is not None:
            kept.close()

    def _idle(self, helper: HelperProcess) -> None:
        with self._guard:
            if self._helper is not helper:  # taken or replaced meanwhile
                return
            self._helper = None
        helper.close()

    def _stop_timer(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
