"""Python's cycle collector, run on the GUI thread only.

Left alone, the collector runs in whichever thread happens to allocate when a threshold is
crossed — often a worker gathering Today's figures or making a backup. A cycle holding a Qt
wrapper is then destroyed off the GUI thread, deleting its Qt object under the GUI's feet
(measured: a segfault in QListWidget.clear() while typing a search right after unlock). This
turns automatic collection off and collects from a timer on the GUI thread instead, with the
collector's own thresholds (the approach pyqtgraph's GarbageCollector takes).
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

from crm_desktop.core import gc_pause

CHECK_EVERY_MS = 100


class GuiThreadCollector(QObject):
    def __init__(self, parent: QObject | None = None, interval_ms: int = CHECK_EVERY_MS) -> None:
        super().__init__(parent)
        self._threshold = gc.get_threshold()
        gc.disable()
        self._timer = QTimer(self, interval=interval_ms)
        self._timer.timeout.connect(self.check)
        self._timer.start()
        self.destroyed.connect(gc.enable)

    def check(self) -> None:
        """Collect the generation the counts call for, as the automatic collector would; not
        while an import or another big batch runs (see core/gc_pause.py)."""
        if gc_pause.paused():
            return
        counts = gc.get_count()
        if counts[0] <= self._threshold[0]:
            return
        generation = 0
        if counts[1] > self._threshold[1]:
            generation = 1
            if counts[2] > self._threshold[2]:
                generation = 2
        gc.collect(generation)
