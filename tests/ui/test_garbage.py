"""Python garbage is collected on the GUI thread, never on a worker (where deleting a Qt object
crashes the app)."""

from __future__ import annotations

import gc
import threading

from crm_desktop.core.gc_pause import without_cyclic_gc
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


def test_the_collector_waits_while_an_import_pauses_collection(qtbot) -> None:  # type: ignore[no-untyped-def]
    """While a big batch (an import) runs, the GUI collector does not walk its growing objects;
    afterwards automatic collection stays off and the batch's garbage can still be collected."""
    collector = GuiThreadCollector(interval_ms=10)
    try:
        Cycle.destroyed_on.clear()
        with without_cyclic_gc():
            for _ in range(2_000):
                Cycle()
            qtbot.wait(100)  # ten chances for the collector
            assert Cycle.destroyed_on == []
        assert not gc.isenabled()
        gc.collect()  # what the freeze at the batch's end moved to the oldest generation
        assert len(Cycle.destroyed_on) == 2_000
    finally:
        collector.deleteLater()
        qtbot.waitUntil(gc.isenabled, timeout=2000)
