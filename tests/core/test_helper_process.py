"""The helper process: a real spawned process does the work beside this one, results come back
in order, and when it cannot help the work is done here with the same results."""

from __future__ import annotations

import logging
import multiprocessing
import os
import time

import pytest

from crm_desktop.core.helper_process import HelperProcess
from tests.core.import_support import wait_for_processes_to_end, wait_until_ready


def square_where_done(number: int) -> tuple[int, int]:
    return number * number, os.getpid()


def slow_square_where_done(number: int) -> tuple[int, int]:
    time.sleep(0.1)
    return number * number, os.getpid()


def die_in_the_helper(number: int) -> tuple[int, int]:
    if multiprocessing.parent_process() is not None:
        os._exit(3)  # the helper vanishes as if killed
    return number * number, os.getpid()


def refuse_seven(number: int) -> int:
    if number == 7:
        raise ValueError("seven is refused")
    return number


def test_results_come_back_in_order_and_the_helper_does_most_of_them() -> None:
    """Every item's result, in the items' order: the first ones computed here while the helper
    starts, most of the rest by the helper once it runs."""
    with HelperProcess(rows=1, parallel_min_rows=1) as helper:
        assert helper.running
        done = list(helper.each(slow_square_where_done, iter(range(60))))
    assert [(item, result[0]) for item, result in done] == [(n, n * n) for n in range(60)]
    where = [pid for _item, (_square, pid) in done]
    assert where[0] == os.getpid()
    assert sum(pid != os.getpid() for pid in where) > len(where) / 3


def test_a_helper_already_warm_takes_the_first_item_too() -> None:
    """Started early (before the caller made its items), the helper does every item: this
    process is left free for its own work."""
    with HelperProcess(rows=1, parallel_min_rows=1) as helper:
        wait_until_ready(helper)
        done = list(helper.each(square_where_done, range(8)))
    assert [(item, result[0]) for item, result in done] == [(n, n * n) for n in range(8)]
    assert os.getpid() not in {pid for _item, (_square, pid) in done}


def test_a_helper_that_dies_leaves_the_work_to_this_process(caplog: pytest.LogCaptureFixture) -> None:
    """A killed helper costs time, not results: the rest is computed here, and the log says so
    without any of the data."""
    with caplog.at_level(logging.WARNING), HelperProcess(rows=1, parallel_min_rows=1) as helper:
        wait_until_ready(helper)
        done = list(helper.each(die_in_the_helper, range(12)))
        assert not helper.running
    assert [(item, result[0]) for item, result in done] == [(n, n * n) for n in range(12)]
    assert {pid for _item, (_square, pid) in done} == {os.getpid()}
    assert "helper process failed" in caplog.text


def test_an_error_in_the_work_itself_reaches_the_caller() -> None:
    """A data error raised in the helper is raised here too, as the same kind of error."""
    with HelperProcess(rows=1, parallel_min_rows=1) as helper:
        wait_until_ready(helper)
        with pytest.raises(ValueError, match="seven"):
            list(helper.each(refuse_seven, range(12)))


def test_small_work_starts_no_process() -> None:
    """Below the threshold everything is done here and no process is started."""
    before = set(multiprocessing.active_children())
    with HelperProcess(rows=100, parallel_min_rows=1000) as helper:
        assert not helper.running
        done = list(helper.each(square_where_done, range(5)))
        assert set(multiprocessing.active_children()) <= before
    assert {pid for _item, (_square, pid) in done} == {os.getpid()}


def test_the_helper_ends_with_the_work() -> None:
    """No process is left behind once the work is done (or given up halfway)."""
    with HelperProcess(rows=1, parallel_min_rows=1) as helper:
        results = helper.each(square_where_done, range(30))
        next(results), next(results)  # the caller stops early, e.g. Stop in the import wizard
        started = set(multiprocessing.active_children())
        assert started
    wait_for_processes_to_end(started, seconds=20)
    assert not started & set(multiprocessing.active_children())


def test_a_helper_that_cannot_start_leaves_the_work_here(monkeypatch: pytest.MonkeyPatch,
                                                        caplog: pytest.LogCaptureFixture) -> None:
    """No process can be started (no memory, no semaphores in a sandbox): the work is done here."""
    def refuse(*_args: object, **_kwargs: object) -> None:
        raise BlockingIOError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(multiprocessing.get_context("spawn").Process, "start", refuse)
    with caplog.at_level(logging.WARNING), HelperProcess(rows=1, parallel_min_rows=1) as helper:
        done = list(helper.each(square_where_done, range(8)))
    assert [(item, result[0]) for item, result in done] == [(n, n * n) for n in range(8)]
    assert "BlockingIOError" in caplog.text
