"""A big import keeps one helper process from reading the file to writing it, so that no step
waits for a new one to start, and never leaves a process behind."""

from __future__ import annotations

import multiprocessing
from concurrent.futures import Future
from pathlib import Path
from typing import Any

import pytest

from crm_desktop.core import kept_helper
from crm_desktop.core.config.paths import AppPaths
from crm_desktop.core.crm import Crm, open_crm
from crm_desktop.core.errors import CrmError
from crm_desktop.core.io.imports import service
from tests.core.import_support import (
    done_by_helper,
    use_helper,
    use_small_chunks,
    wait_for_processes_to_end,
    write,
)


@pytest.fixture
def handed(monkeypatch: pytest.MonkeyPatch) -> list[Future[Any]]:
    """Every file counts as big: its read starts a helper, which takes 5-row chunks. Helpers
    of earlier tests, closed but maybe not yet gone, are waited for first."""
    assert wait_for_processes_to_end() == set()
    monkeypatch.setattr(service, "BIG_FILE_BYTES", 0)
    use_small_chunks(monkeypatch, 5)
    return use_helper(monkeypatch, on=True)


def customers(folder: Path) -> Path:
    rows = "".join(f"客户{n},1380013{n:04d},c{n}@example.com,星光贸易{n % 4}\n" for n in range(30))
    return write(folder, "customers.csv", "姓名,手机,邮箱,公司\n" + rows)


def helpers() -> set[Any]:
    return set(multiprocessing.active_children())


def test_one_helper_process_reads_previews_and_prepares_the_write(
        crm: Crm, tmp_path: Path, handed: list[Future[Any]]) -> None:
    """The process started while the file is read builds the preview's rows and prepares the
    written ones: one process in all, doing real work in both steps, gone after the write."""
    seen: set[Any] = set()
    source = crm.imports.read(customers(tmp_path))
    seen |= helpers()
    plan = crm.imports.preview(source, progress=lambda done, total: seen.update(helpers()))
    after_preview = done_by_helper(handed)
    crm.imports.run(plan, progress=lambda done, total: seen.update(helpers()))
    assert len(seen) == 1
    assert after_preview >= 4 and done_by_helper(handed) >= after_preview + 4
    assert crm.contacts.count() == 30
    assert wait_for_processes_to_end(seen) == set()


def test_a_preview_not_written_leaves_no_process_once_the_workspace_closes(
        workspace: AppPaths, data_key: bytes, tmp_path: Path, handed: list[Future[Any]]) -> None:
    """A dry run keeps the helper for a write that never comes; closing the workspace ends it."""
    crm = open_crm(workspace, data_key, actor="tester")
    try:
        crm.imports.preview(crm.imports.read(customers(tmp_path)))
        kept = helpers()
        assert len(kept) == 1
        assert wait_for_processes_to_end(kept, seconds=1) == kept  # kept for the write
    finally:
        crm.close()
    assert wait_for_processes_to_end(kept) == set()


def test_a_preview_finishing_after_the_workspace_closed_keeps_no_process(
        workspace: AppPaths, data_key: bytes, tmp_path: Path, handed: list[Future[Any]]) -> None:
    """The wizard previews on a worker thread; if the window was closed meanwhile, the helper
    that preview would have kept for the write ends at once."""
    crm = open_crm(workspace, data_key, actor="tester")
    source = crm.imports.read(customers(tmp_path))
    crm.close()
    crm.imports.preview(source)
    assert wait_for_processes_to_end() == set()


def test_a_helper_nobody_takes_ends_by_itself(
        crm: Crm, tmp_path: Path, handed: list[Future[Any]],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A user who leaves the import wizard open on its preview does not keep a process forever."""
    monkeypatch.setattr(kept_helper, "IDLE_S", 3.0)
    crm.imports.preview(crm.imports.read(customers(tmp_path)))
    kept = helpers()
    assert len(kept) == 1
    assert wait_for_processes_to_end(kept, seconds=1) == kept  # kept for the write a while
    assert wait_for_processes_to_end(kept, seconds=30) == set()


def test_a_file_that_cannot_be_read_leaves_no_process(
        crm: Crm, tmp_path: Path, handed: list[Future[Any]]) -> None:
    """A binary file renamed .csv is refused, and the helper started for it ends."""
    binary = tmp_path / "photo.csv"
    binary.write_bytes(bytes(range(256)) * 64)
    with pytest.raises(CrmError):
        crm.imports.read(binary)
    assert wait_for_processes_to_end() == set()


def test_a_plan_with_few_new_rows_does_not_keep_its_helper(
        crm: Crm, tmp_path: Path, handed: list[Future[Any]],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A file big enough for a helper whose rows mostly repeat (15 of 30 are skipped) leaves
    too little to write for one: the preview lets it go at once."""
    monkeypatch.setattr(service.helper_process, "PARALLEL_MIN_ROWS", 20)
    rows = "".join(f"客户{n % 15},1380013{n % 15:04d}\n" for n in range(30))
    plan = crm.imports.preview(crm.imports.read(write(tmp_path, "repeats.csv", "姓名,手机\n" + rows)))
    assert plan.counts()["create"] == 15
    assert wait_for_processes_to_end() == set()
