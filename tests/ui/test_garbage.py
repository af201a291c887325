"""Python garbage is collected on the GUI thread, never on a worker (where deleting a Qt object
crashes the app)."""

from __future__ import annotations

import gc
import threading

from crm_desktop.ui.garbage import GuiThreadCollector


class Cycle:
    """An object in a reference cycle that notes which thread finally destroyed it."""

    destroyed_on: list[str] = []  # noqa: RUF012 (shared on purpose)

    def __init__(self) -> None:
        self.me = self

    def __del__(self) -> None:
        Cycle.destroyed_on.append(threading.current_thread().name)


def test_cycles_made_on_a_worker_are_collected_on_the_gui_thread(qtbot) -> None:  # type: ignore[no-untyped-def]
    """With the collector installed, garbage from a busy worker is destroyed on the GUI thread."""
    collector = GuiThreadCollector(interval_ms=10)
    try:
        assert not gc.isenabled()
        Cycle.destroyed_on.clear()

        def busy_worker() -> None:
            for _ in range(2_000):  # well past the collector's first threshold (700)
                Cycle()

        worker = threading.Thread(target=busy_worker, name="worker")
        worker.start()
        worker.join()
        assert Cycle.destroyed_on == []  # nothing collected on the worker
        qtbot.waitUntil(lambda: len(Cycle.destroyed_on) == 2_000, timeout=3000)
        assert set(Cycle.destroyed_on) == {threading.main_thread().name}
    finally:
        collector.deleteLater()
        qtbot.waitUntil(gc.isenabled, timeout=2000)
