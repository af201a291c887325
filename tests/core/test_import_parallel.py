"""A big import reads its rows and prepares what it writes in a helper process; what the user
gets — the preview, the contacts, their search index, one undoable batch — is exactly what the
same import gives done in one process."""

from __future__ import annotations

import multiprocessing
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import col, select

from crm_desktop.core.crm import Crm
from crm_desktop.core.domain.models import ContactCreate, Labeled
from crm_desktop.core.io.imports.plan import ImportPlan
from crm_desktop.core.storage.tables import JournalEntry
from tests.core.import_support import (
    done_by_helper,
    use_helper,
    use_small_chunks,
    wait_for_processes_to_end,
    write,
)

HEADER = "姓名,手机,邮箱,公司,职位,标签,备注\n"
FAMILY = "王李张刘陈欧阳司马"
QUERIES = ("zhangwei", "oy", "欧阳", "13800000017", "星光", "vip", "展会")


def shop_list(folder: Path) -> Path:
    lines = []
    for n in range(40):
        family = ("欧阳", "司马")[n % 2] if n % 9 == 0 else FAMILY[n % 5]
        name = family + "伟芳娜敏静丽强"[n % 7]
        company = ("星光贸易", "海鸥五金", "")[n % 3]
        lines.append(f"{name},138000000{n:02d},user{n}@example.com,{company},经理,"
                     f"{('VIP', '展会', '')[n % 3]},第{n}位客户")
    lines[5] = "坏邮箱,13800000099,not-an-email,,,,"  # invalid: the preview names the line
    lines[7] = lines[6].replace("user6@", "other6@")  # the same phone as the row above: skipped
    lines[11] = "张伟,13900000011,,星光贸易,,,"
    lines[12] = "张 伟,13900000012,,星光贸易,,,"  # similar to 张伟 at 星光贸易: flagged, created
    lines[20] = "王芳,13800000020,known@example.com,,店长,,"  # matches a contact by email: updated
    return write(folder, "shop.csv", HEADER + "\n".join(lines) + "\n")


@pytest.fixture
def small_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    """Chunks of 7 rows, so that a 40-row file passes several through the helper."""
    use_small_chunks(monkeypatch, 7)


def planned(plan: ImportPlan) -> list[tuple[Any, ...]]:
    return [(row.line, row.action, row.contact_id, row.changes, row.candidate.values,
             row.candidate.tags, row.candidate.note, [str(reason) for reason in row.reasons])
            for row in plan.rows]


def what_was_written(crm: Crm) -> dict[str, Any]:
    contacts = sorted((c.display_name, c.sort_key, c.company_name, c.title,
                       [e.value for e in c.emails], [p.value for p in c.phones], sorted(c.tags))
                      for c in crm.contacts.page(limit=1000))
    found = {q: sorted(hit.title for hit in crm.search(q)) for q in QUERIES}
    return {"contacts": contacts, "search": found}


def test_preview_through_the_helper_is_the_same_preview(
        crm: Crm, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, small_chunks: None) -> None:
    """Every row's action, match, changes and translated reasons are the same with the helper."""
    crm.contacts.add(ContactCreate(display_name="王芳", emails=[Labeled(value="known@example.com")]))
    source = crm.imports.read(shop_list(tmp_path))
    use_helper(monkeypatch, on=False)
    here = crm.imports.preview(source)
    handed = use_helper(monkeypatch, on=True)
    helped = crm.imports.preview(source)
    assert done_by_helper(handed) > 3  # the warm-up, then chunks of rows
    assert planned(helped) == planned(here)
    assert helped.counts() == {"create": 37, "update": 1, "skip": 1, "invalid": 1}
    assert any("possibly the same person" in str(r) for row in helped.rows for r in row.reasons)


def test_an_import_written_through_the_helper_is_the_same_import(
        crm: Crm, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, small_chunks: None) -> None:
    """Contacts, companies, tags and the search index come out the same, as one batch that
    undo takes back whole."""
    crm.contacts.add(ContactCreate(display_name="王芳", emails=[Labeled(value="known@example.com")]))
    path = shop_list(tmp_path)
    progress: list[tuple[int, int]] = []
    handed = use_helper(monkeypatch, on=True)
    plan = crm.imports.preview(crm.imports.read(path))
    handed.clear()
    result = crm.imports.run(plan, lambda done, total: progress.append((done, total))).value
    assert done_by_helper(handed) > 3
    helped = what_was_written(crm)
    assert progress[-1][0] == progress[-1][1] and len(progress) > 3
    assert "司马娜" in {hit.title for hit in crm.search("sm")}
    crm.imports.undo(result.batch_id)
    assert [c.display_name for c in crm.contacts.page(limit=1000)] == ["王芳"]
    use_helper(monkeypatch, on=False)
    crm.imports.run(crm.imports.preview(crm.imports.read(path)))
    assert what_was_written(crm) == helped


def test_stopping_an_import_through_the_helper_keeps_nothing_and_no_process(
        crm: Crm, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, small_chunks: None) -> None:
    """Stop after the first chunk: nothing is written and the helper process is gone."""
    use_helper(monkeypatch, on=True)
    plan = crm.imports.preview(crm.imports.read(shop_list(tmp_path)))

    def stop(done: int, total: int) -> None:
        raise KeyboardInterrupt  # what the wizard's Stop does, in effect

    with pytest.raises(KeyboardInterrupt):
        crm.imports.run(plan, stop)
    assert crm.contacts.count() == 0
    assert crm.search("zhangwei") == []
    wait_for_processes_to_end()  # a helper finishes the chunk in hand, then ends
    assert not multiprocessing.active_children()


def test_refused_rows_keep_their_reasons_not_the_reading_frames(crm: Crm, tmp_path: Path) -> None:
    """A row's problems keep their message only: not the traceback whose frames (the row, the
    mapping, the reader) would otherwise stay in memory for every invalid row of a big file."""
    path = write(tmp_path, "bad.csv", "姓名,手机,邮箱\n" + "".join(
        f"客户{n},12,bad-{n}\n" for n in range(20)))
    plan = crm.imports.preview(crm.imports.read(path))
    problems = [p for row in plan.rows for p in row.candidate.problems]
    assert len(problems) == 40 and any("is not a valid phone number" in str(p) for p in problems)
    assert all(p.__traceback__ is None and p.__context__ is None for p in problems)


def test_each_new_company_is_journalled_before_the_contacts_that_name_it(
        crm: Crm, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, small_chunks: None) -> None:
    """Company and contact chunks alternate in a big write, yet the journal (what another
    laptop would replay) creates every company before any contact that works there."""
    use_helper(monkeypatch, on=True)
    rows = "".join(f"客户{n},1380000{n:04d},公司{n // 2}\n" for n in range(60))
    path = write(tmp_path, "companies.csv", "姓名,手机,公司\n" + rows)
    crm.imports.run(crm.imports.preview(crm.imports.read(path)))
    with crm.db.read() as session:
        entries = session.exec(select(JournalEntry).where(JournalEntry.op == "insert")
                               .order_by(col(JournalEntry.hlc))).all()
    made = {entry.row_id: position for position, entry in enumerate(entries)}
    contacts = crm.contacts.page(limit=100)
    assert len(contacts) == 60 and all(c.company_id for c in contacts)
    assert all(made[c.company_id] < made[c.id] for c in contacts)
    kinds = [entry.entity for entry in entries]
    assert kinds.index("contact") < len(kinds) - kinds[::-1].index("company") - 1  # alternating
