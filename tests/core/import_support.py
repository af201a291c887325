"""Import fixtures: the realistic files in tests/fixtures/imports, and small files written here."""

from __future__ import annotations

import multiprocessing
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from pathlib import Path
from typing import Any

import pytest

from crm_desktop.core import helper_process
from crm_desktop.core.crm import Crm
from crm_desktop.core.domain.models import ContactRead
from crm_desktop.core.io.imports.service import ImportResult
from crm_desktop.core.storage.checkpoint import Checkpoints, TidyStep

FIXTURES = Path(__file__).parent.parent / "fixtures" / "imports"


def fixture(name: str) -> Path:
    return FIXTURES / name


def import_file(crm: Crm, path: Path) -> ImportResult:
    plan = crm.imports.preview(crm.imports.read(path))
    return crm.imports.run(plan).value


def contacts_by_name(crm: Crm) -> dict[str, ContactRead]:
    return {c.display_name: c for c in crm.contacts.page(limit=1000)}


def write(folder: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = folder / name
    path.write_bytes(text.encode(encoding))
    return path


def use_helper(monkeypatch: pytest.MonkeyPatch, on: bool) -> list[Future[Any]]:
    """Every big job with a helper process (`on`), ready before the job starts so that it takes
    the items (small test files would otherwise be done here while it starts or warms up for
    its next job), or none at all. Returns what was handed to helpers, for `done_by_helper`."""
    monkeypatch.setattr(helper_process, "PARALLEL_MIN_ROWS", 1 if on else 10**9)
    handed: list[Future[Any]] = []
    if not on:
        return handed
    helper = helper_process.HelperProcess
    start, warm, submit = helper.__init__, helper.warm, helper._submit

    def start_and_wait(self: helper_process.HelperProcess, *args: Any, **kwargs: Any) -> None:
        start(self, *args, **kwargs)
        wait_until_ready(self)

    def warm_and_wait(self: helper_process.HelperProcess, warm_up: Callable[[], None]) -> None:
        warm(self, warm_up)
        wait_until_ready(self)

    def hand(self: helper_process.HelperProcess, work: Callable[..., Any], *args: object) -> Any:
        future = submit(self, work, *args)
        if future is not None:
            handed.append(future)
        return future

    monkeypatch.setattr(helper, "__init__", start_and_wait)
    monkeypatch.setattr(helper, "warm", warm_and_wait)
    monkeypatch.setattr(helper, "_submit", hand)
    return handed


def done_by_helper(handed: list[Future[Any]]) -> int:
    """How many of the handed items a helper process really computed (warm-ups included)."""
    return sum(f.done() and not f.cancelled() and f.exception() is None for f in handed)


def wait_until_ready(helper: helper_process.HelperProcess) -> None:
    """Until the helper has started and warmed up (or given up), at most a minute."""
    deadline = time.monotonic() + 60
    while helper.still_starting() and time.monotonic() < deadline:
        time.sleep(0.02)


def wait_for_processes_to_end(processes: set[Any] | None = None, seconds: float = 60) -> set[Any]:
    """Until these child processes (all of them when None) have ended; those still running."""
    def running() -> set[Any]:
        children = set(multiprocessing.active_children())
        return children if processes is None else processes & children

    deadline = time.monotonic() + seconds
    while (left := running()) and time.monotonic() < deadline:
        for child in left:
            child.join(timeout=1)
    return running()


def hold_background_work(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """The work after a big commit (log fold, search merge) waits until the event is set."""
    release = threading.Event()
    after_commit = Checkpoints._after_commit

    def held(self: Checkpoints, tidy: TidyStep | None) -> None:
        release.wait(timeout=60)
        after_commit(self, tidy)

    monkeypatch.setattr(Checkpoints, "_after_commit", held)
    return release


def use_small_chunks(monkeypatch: pytest.MonkeyPatch, rows: int) -> None:
    """Chunks of a few rows, so that a small test file passes several through the helper."""
    monkeypatch.setattr(helper_process, "CHUNK_ROWS", rows)
