"""Work off the GUI thread: results and errors come back on the GUI thread, nothing leaks."""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject

from crm_desktop.ui.tasks import ThreadTaskRunner


def test_result_arrives_on_the_gui_thread(qtbot) -> None:  # type: ignore[no-untyped-def]
    """The work runs on a worker; its result is delivered on the GUI thread."""
    runner = ThreadTaskRunner()
    gui_thread = threading.get_ident()
    seen: dict[str, object] = {}

    def work() -> int:
        seen["worker"] = threading.get_ident()
        return 42

    def done(result: object) -> None:
        seen.update(result=result, delivered_on=threading.get_ident())
    runner.run(work, done)
    qtbot.waitUntil(lambda: "result" in seen, timeout=5000)
    assert seen["result"] == 42 and seen["delivered_on"] == gui_thread
    assert seen["worker"] != gui_thread


def test_errors_and_progress_come_back_and_signal_objects_go(qtbot) -> None:  # type: ignore[no-untyped-def]
    """A failing job reports its error and its progress; its signal object is deleted afterwards."""
    runner = ThreadTaskRunner()
    progress: list[tuple[int, int]] = []
    errors: list[BaseException] = []

    def work(report) -> None:  # type: ignore[no-untyped-def]
        report(1, 2)
        raise ValueError("disk unplugged")
    runner.run(work, lambda _r: None, errors.append, lambda done, total: progress.append((done, total)))
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert str(errors[0]) == "disk unplugged" and progress == [(1, 2)]
    qtbot.waitUntil(lambda: not runner.findChildren(QObject), timeout=5000)


def test_many_jobs_in_a_row_do_not_crash(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Hundreds of short jobs complete, each delivered once."""
    runner = ThreadTaskRunner()
    results: list[int] = []
    for number in range(300):
        runner.run(lambda n=number: n, results.append)
    qtbot.waitUntil(lambda: len(results) == 300, timeout=10000)
    assert sorted(results) == list(range(300))
