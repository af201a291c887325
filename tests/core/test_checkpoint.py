"""A big import's commit does not wait for SQLite to fold its write-ahead log into the database
file: that fold happens right after, in the background, and closing the workspace waits for it."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from crm_desktop.core.config.paths import AppPaths
from crm_desktop.core.crm import Crm, open_crm
from crm_desktop.core.storage.checkpoint import AUTOCHECKPOINT_PAGES
from tests.benchmarks.import_benchmark import make_csv
from tests.core.import_support import hold_background_work


@pytest.fixture
def held_fold(monkeypatch: pytest.MonkeyPatch) -> Iterator[threading.Event]:
    """The background fold waits until the test lets it go."""
    release = hold_background_work(monkeypatch)
    yield release
    release.set()


def test_the_log_is_folded_after_the_import_not_during_it(
        crm: Crm, workspace: AppPaths, tmp_path: Path, held_fold: threading.Event) -> None:
    """Right after the import the file has not grown (its pages are safe in the log); once the
    background fold has run, they are in the file."""
    make_csv(tmp_path / "shop.csv", 3000)
    before = workspace.database.stat().st_size
    crm.imports.run(crm.imports.preview(crm.imports.read(tmp_path / "shop.csv")))
    assert workspace.database.stat().st_size == before
    assert crm.contacts.count() == 3000
    held_fold.set()
    crm.db.checkpoints.wait()
    assert workspace.database.stat().st_size > before + 1_000_000


def test_later_commits_fold_the_log_themselves_again(crm: Crm, tmp_path: Path) -> None:
    """The pause applies to the import's commit only: every pooled connection is back to
    SQLite's automatic folding afterwards."""
    make_csv(tmp_path / "shop.csv", 3000)
    crm.imports.run(crm.imports.preview(crm.imports.read(tmp_path / "shop.csv")))
    with crm.db.engine.connect() as first, crm.db.engine.connect() as second:
        for conn in (first, second):
            assert conn.exec_driver_sql("PRAGMA wal_autocheckpoint").scalar() == AUTOCHECKPOINT_PAGES


def test_closing_waits_for_the_fold_and_keeps_everything(
        workspace: AppPaths, data_key: bytes, tmp_path: Path, held_fold: threading.Event) -> None:
    """Closing the workspace while the fold is pending waits for it; reopened, every imported
    contact is there."""
    make_csv(tmp_path / "shop.csv", 3000)
    crm = open_crm(workspace, data_key, actor="tester")
    crm.imports.run(crm.imports.preview(crm.imports.read(tmp_path / "shop.csv")))
    threading.Timer(0.3, held_fold.set).start()
    crm.close()
    assert held_fold.is_set()
    with open_crm(workspace, data_key, actor="tester") as reopened:
        assert reopened.contacts.count() == 3000


def test_no_fold_starts_once_the_workspace_is_closing(crm: Crm) -> None:
    """A big write that commits while the workspace closes starts no background fold (which
    would open the file again after its lock is released)."""
    crm.db.checkpoints.close()
    with crm.db.transaction("test") as tx:
        crm.db.checkpoints.defer(tx.session.connection())
        tx.touch("contact", "none")
    assert not [t for t in threading.enumerate() if t.name == "wal-checkpoint"]


def test_an_erasure_right_after_a_big_import_waits_for_its_fold_and_empties_the_log(
        crm: Crm, workspace: AppPaths, tmp_path: Path, held_fold: threading.Event) -> None:
    """Erasing a person just after an import: the import's background fold finishes first,
    then the log is emptied, so no old page image of the person stays in it."""
    make_csv(tmp_path / "shop.csv", 3000)
    crm.imports.run(crm.imports.preview(crm.imports.read(tmp_path / "shop.csv")))
    person = crm.contacts.page(limit=1)[0]
    threading.Timer(1.0, held_fold.set).start()
    erasure = crm.privacy.erase_person(person.id).value
    assert held_fold.is_set()
    assert not [t for t in threading.enumerate() if t.name == "wal-checkpoint" and t.is_alive()]
    assert erasure.wal_truncated
    wal = workspace.database.with_name(workspace.database.name + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0
