"""A big import leaves the search index's merging for after its commit: searches are right
meanwhile, the index ends merged, and no failure can leave merging off."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from crm_desktop.core.crm import Crm
from crm_desktop.core.domain.models import ContactCreate
from tests.benchmarks.import_benchmark import make_csv
from tests.core.import_support import hold_background_work

ROWS = 3000
FTS5_CRISIS_MERGE = 16  # FTS5 merges a level's segments at once when it has this many


@pytest.fixture
def many_segments(crm: Crm) -> None:
    """Small in-memory segments, so that 3,000 rows make dozens of them (100,000 rows do so
    with FTS5's usual 1 MB)."""
    with crm.db.engine.begin() as conn:
        conn.exec_driver_sql("INSERT INTO search_fts (search_fts, rank) VALUES ('hashsize', 32768)")


@pytest.fixture
def held_tidying(monkeypatch: pytest.MonkeyPatch) -> Iterator[threading.Event]:
    """The background work after a big commit waits until the test lets it go."""
    release = hold_background_work(monkeypatch)
    yield release
    release.set()


def segments(crm: Crm) -> int:
    with crm.db.engine.connect() as conn:
        return conn.exec_driver_sql("SELECT count(DISTINCT segid) FROM search_fts_idx").scalar_one()


def merge_settings(crm: Crm) -> dict[str, int]:
    with crm.db.engine.connect() as conn:
        rows = conn.exec_driver_sql(
            "SELECT k, v FROM search_fts_config WHERE k IN ('automerge', 'crisismerge')")
        return {name: value for name, value in rows}


def import_shop_list(crm: Crm, folder: Path) -> None:
    make_csv(folder / "shop.csv", ROWS)
    crm.imports.run(crm.imports.preview(crm.imports.read(folder / "shop.csv")))


def test_searches_right_after_a_big_import_find_its_contacts_before_the_merge(
        crm: Crm, tmp_path: Path, many_segments: None, held_tidying: threading.Event) -> None:
    """Committed with its segments unmerged (more than FTS5 would let wait), the index already
    finds the imported contacts; after the background merge it is one segment and still does."""
    import_shop_list(crm, tmp_path)
    last = crm.contacts.page(limit=ROWS)[-1]
    assert segments(crm) > FTS5_CRISIS_MERGE
    assert last.id in {hit.row_id for hit in crm.search(last.display_name, limit=200)}
    held_tidying.set()
    crm.db.checkpoints.wait()
    assert segments(crm) == 1
    assert merge_settings(crm) == {"automerge": 4, "crisismerge": FTS5_CRISIS_MERGE}
    assert last.id in {hit.row_id for hit in crm.search(last.display_name, limit=200)}


def test_merging_is_back_on_at_the_commit_not_only_after_the_background_merge(
        crm: Crm, tmp_path: Path, held_tidying: threading.Event) -> None:
    """The import's commit already carries FTS5's usual automerge, so a crash before the
    background merge leaves an index that merges with every write as usual."""
    import_shop_list(crm, tmp_path)
    assert merge_settings(crm)["automerge"] == 4


def test_a_contact_saved_before_the_background_merge_does_not_merge_the_waiting_segments(
        crm: Crm, tmp_path: Path, many_segments: None, held_tidying: threading.Event) -> None:
    """The first save after a big import stays a small write: the waiting segments are left
    to the background merge (FTS5's crisis merge would have merged them all in that save)."""
    import_shop_list(crm, tmp_path)
    waiting = segments(crm)
    added = crm.contacts.add(ContactCreate(display_name="导入之后")).value
    assert segments(crm) >= waiting
    assert [hit.row_id for hit in crm.search("导入之后")] == [added.id]


def test_a_stopped_import_leaves_merging_as_it_was(crm: Crm, tmp_path: Path) -> None:
    """Stopped in the middle, the import's rollback takes its merge settings with it."""
    make_csv(tmp_path / "shop.csv", ROWS)
    plan = crm.imports.preview(crm.imports.read(tmp_path / "shop.csv"))

    def stop(done: int, total: int) -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        crm.imports.run(plan, stop)
    crm.db.checkpoints.wait()
    assert merge_settings(crm) == {}
    assert crm.contacts.count() == 0


def test_contacts_saved_while_the_index_merges_are_kept_and_found(
        crm: Crm, tmp_path: Path, many_segments: None, held_tidying: threading.Event,
        caplog: pytest.LogCaptureFixture) -> None:
    """The merge runs in short steps between the user's own saves: none is refused or lost,
    and the merge is not given up either."""
    import_shop_list(crm, tmp_path)
    held_tidying.set()
    for n in range(20):
        added = crm.contacts.add(ContactCreate(display_name=f"合并期间{n}")).value
    crm.db.checkpoints.wait()
    assert not [r for r in caplog.records if "failed" in r.getMessage()]
    assert crm.contacts.count() == ROWS + 20
    assert [hit.row_id for hit in crm.search("合并期间19")] == [added.id]
    assert segments(crm) < FTS5_CRISIS_MERGE  # no more than FTS5 keeps by itself
