"""Sorting every list by the columns it shows: the orders, paging through them, and their speed."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from crm_desktop.core.config.paths import AppPaths
from crm_desktop.core.crm import Crm, open_crm
from crm_desktop.core.domain.models import (
    COMPANY_SORTS,
    CONTACT_SORTS,
    DEAL_SORTS,
    REMINDER_SORTS,
    SERVICE_SORTS,
    CompanyCreate,
    CompanyUpdate,
    ContactCreate,
)
from crm_desktop.core.errors import ValidationError
from crm_desktop.core.i18n import set_language
from crm_desktop.core.security.keystore import MemoryKeyStore
from crm_desktop.core.security.vault import Vault
from crm_desktop.core.services.companies import company_sorts
from crm_desktop.core.services.contacts import ContactQuery, contact_sorts
from crm_desktop.core.services.deals import DealQuery, deal_sorts
from crm_desktop.core.services.ordering import Ordering
from crm_desktop.core.services.reminders import reminder_sorts
from crm_desktop.core.services.service_logs import service_sorts
from crm_desktop.core.storage import migrate
from crm_desktop.core.storage.engine import build_engine
from crm_desktop.core.storage.tables import PipelineStage
from tests.conftest import PASSPHRASE
from tests.core.list_support import LISTS, build_shop, names

ORDERS = {
    "contacts": {"name": ["Anna", "白", "张伟", "Zoe"],  # anna, bai, zhang wei, zoe
                 "company": ["白", "Anna", "Zoe", "张伟"],  # none, 阿里 (a li), Beta, Zeta
                 "title": ["白", "Zoe", "Anna", "张伟"],
                 "phone": ["白", "Zoe", "张伟", "Anna"],
                 "email": ["白", "张伟", "Zoe", "Anna"],
                 "stage": ["Anna", "Zoe", "张伟", "白"]},  # lead, prospect, customer, former
    "companies": {"name": ["阿里", "北京明华", "Beta", "Zeta"],  # a li, bei jing, beta, zeta
                  "industry": ["北京明华", "Beta", "阿里", "Zeta"],
                  "phone": ["Beta", "北京明华", "Zeta", "阿里"],
                  "website": ["北京明华", "Beta", "阿里", "Zeta"]},
    "deals": {"created": ["Supply", "Audit", "Website", "培训"],
              "title": ["Audit", "Supply", "Website", "培训"],
              "stage": ["Audit", "培训", "Supply", "Website"],  # the pipeline's order
              "status": ["Supply", "培训", "Audit", "Website"],  # open, open, won, lost
              "amount": ["Audit", "培训", "Supply", "Website"],  # 500.50, 3000, 12000, 99999
              "expected_close": ["Audit", "培训", "Website", "Supply"],  # none first
              "owner": ["Website", "Audit", "培训", "Supply"]},  # "", Anna (older first), 王经理
    "reminders": {"due": ["Call back", "回访", "Send quote"],  # snoozed: due when it wakes
                  "title": ["Call back", "Send quote", "回访"]},
    "service": {"opened": ["Printer", "Invoice", "退货", "Delivery"],
                "subject": ["Delivery", "Invoice", "Printer", "退货"],
                "contact": ["退货", "Invoice", "Printer", "Delivery"],  # none, Anna, 张伟, Zoe
                "channel": ["Invoice", "Delivery", "Printer", "退货"],  # phone, email, visit, wechat
                "priority": ["退货", "Delivery", "Printer", "Invoice"],  # low … urgent
                "status": ["Printer", "Delivery", "Invoice", "退货"],  # open … closed
                "resolved": ["Printer", "Delivery", "Invoice", "退货"],  # unresolved first
                "satisfaction": ["Printer", "Delivery", "退货", "Invoice"]},
}
DEFAULTS = {"contacts": ORDERS["contacts"]["name"], "companies": ORDERS["companies"]["name"],
            "deals": ORDERS["deals"]["created"][::-1], "reminders": ORDERS["reminders"]["due"],
            "service": ORDERS["service"]["opened"][::-1]}
SORTS = {"contacts": (CONTACT_SORTS, contact_sorts()), "companies": (COMPANY_SORTS, company_sorts()),
         "deals": (DEAL_SORTS, deal_sorts(())), "reminders": (REMINDER_SORTS, reminder_sorts()),
         "service": (SERVICE_SORTS, service_sorts())}
CASES = [(kind, key) for kind, keys in ORDERS.items() for key in keys]
TABLES = {"contacts": "contacts", "companies": "companies", "deals": "deals",
          "reminders": "reminders", "service": "service_logs"}
Statement = tuple[str, Any]


def _open_copy(template: tuple[Path, str], folder: Path) -> Crm:
    shutil.copytree(template[0], folder / "workspace")
    paths = AppPaths.under(folder / "workspace")
    return open_crm(paths, Vault(paths, MemoryKeyStore()).unlock(PASSPHRASE), actor="tester")


@pytest.fixture(scope="module")
def shop(template_workspace: tuple[Path, str],
         tmp_path_factory: pytest.TempPathFactory) -> Iterator[Crm]:
    """One small shop for the tests that only read (made once: ~25 adds)."""
    with _open_copy(template_workspace, tmp_path_factory.mktemp("shop")) as crm:
        yield build_shop(crm)


@pytest.fixture(scope="module")
def empty(template_workspace: tuple[Path, str],
          tmp_path_factory: pytest.TempPathFactory) -> Iterator[Crm]:
    with _open_copy(template_workspace, tmp_path_factory.mktemp("empty")) as crm:
        yield crm


@pytest.mark.parametrize(("kind", "key"), CASES)
def test_each_list_sorts_by_each_of_its_columns_both_ways(shop: Crm, kind: str, key: str) -> None:
    """A column orders its list (names in pinyin order, codes in their own order, blanks first);
    descending is the same order reversed."""
    expected = ORDERS[kind][key]
    assert names(shop, kind, Ordering(key)) == expected
    assert names(shop, kind, Ordering(key, descending=True)) == expected[::-1]


@pytest.mark.parametrize("kind", LISTS)
def test_each_list_has_its_own_order_when_none_is_asked(shop: Crm, kind: str) -> None:
    """By default contacts and companies go by name, reminders soonest first, deals and service
    logs newest first."""
    assert names(shop, kind) == DEFAULTS[kind]


@pytest.mark.parametrize("kind", LISTS)
def test_the_sortable_keys_are_one_list_for_the_core_the_cli_and_these_tests(kind: str) -> None:
    """The keys a service sorts by are the keys the domain names (CLI choices) and all are tested."""
    keys, sorts = SORTS[kind]
    assert tuple(sorts) == keys and set(ORDERS[kind]) == set(keys)


@pytest.mark.parametrize("kind", LISTS)
def test_an_unknown_sort_key_is_refused_naming_the_known_ones(shop: Crm, kind: str) -> None:
    """Sorting by a column that is not sortable is a validation error listing the ones that are."""
    keys, _sorts = SORTS[kind]
    with pytest.raises(ValidationError) as caught:
        names(shop, kind, Ordering("colour"))
    assert caught.value.field == "sort" and ", ".join(keys) in str(caught.value)


def test_the_unknown_sort_key_error_speaks_chinese(shop: Crm) -> None:
    """The refusal is translated like every other validation message."""
    set_language("zh_CN")
    with pytest.raises(ValidationError, match="“tags”无效，可选值：name, company"):
        shop.contacts.page(ContactQuery(order=Ordering("tags")))


def _crowd(crm: Crm) -> None:
    """Ties, people without a company, and people whose company is in the recycle bin."""
    acme = crm.companies.add(CompanyCreate(name="Acme")).value.id
    gone = crm.companies.add(CompanyCreate(name="倒闭")).value.id
    for i, name in enumerate(["周", "Al", "张伟", "Al", "Bo", "章伟", "Cy", "Di", "白", "Ed"]):
        company = (None, acme, gone)[i % 3]
        crm.contacts.add(ContactCreate(display_name=name, company_id=company, title="经理"[: i % 2],
                                       lifecycle_stage=("lead", "customer")[i % 2],
                                       owner="AB"[i % 4 // 2]))
    crm.companies.delete(gone)


@pytest.mark.parametrize("key", CONTACT_SORTS)
@pytest.mark.parametrize("descending", [False, True])
def test_paging_through_a_sorted_list_shows_every_contact_once(crm: Crm, key: str,
                                                                descending: bool) -> None:
    """Pages of 3 read on by offset give the whole list in order: nothing skipped or repeated."""
    _crowd(crm)
    query = ContactQuery(order=Ordering(key, descending))
    whole = [c.id for c in crm.contacts.page(query, limit=100)]
    paged = [c.id for start in range(0, 12, 3)
             for c in crm.contacts.page(query, offset=start, limit=3)]
    assert paged == whole and len(set(whole)) == crm.contacts.count(query) == 10


@pytest.mark.parametrize("key", CONTACT_SORTS)
@pytest.mark.parametrize("descending", [False, True])
def test_one_owners_contacts_keep_the_whole_lists_order(crm: Crm, key: str,
                                                         descending: bool) -> None:
    """Sorted after filtering, one owner's contacts come as they do in the whole list: ties,
    the company-less and those of a company in the bin included."""
    _crowd(crm)
    order = Ordering(key, descending)
    whole = crm.contacts.page(ContactQuery(order=order), limit=100)
    mine = crm.contacts.page(ContactQuery(owner="B", order=order), limit=100)
    assert [c.id for c in mine] == [c.id for c in whole if c.owner == "B"] and len(mine) == 4


def test_people_of_a_company_in_the_bin_sort_with_those_without_a_company(crm: Crm) -> None:
    """A company in the recycle bin shows no name, so its people sort among the company-less."""
    _crowd(crm)
    shown = [(c.company_name, c.display_name) for c in
             crm.contacts.page(ContactQuery(order=Ordering("company")), limit=100)]
    assert [company for company, _name in shown] == [""] * 7 + ["Acme"] * 3
    # no company, then the bin's company, then Acme; each group in the order it was added
    assert [name for _company, name in shown] == ["周", "Al", "Cy", "Ed", "张伟", "章伟", "白",
                                                  "Al", "Bo", "Di"]


def test_deals_in_a_deleted_stage_come_after_the_pipeline(crm: Crm) -> None:
    """Sorted by stage, deals of a stage no longer in the pipeline come last, not lost."""
    from crm_desktop.core.domain.models import DealCreate

    for title, stage in (("Old", "Negotiation"), ("New", "Lead"), ("Mid", "Proposal")):
        crm.deals.add(DealCreate(title=title, stage=stage))
    with crm.db.transaction("stage.delete") as tx:
        negotiation = next(s for s in crm.deals.stages() if s.name == "Negotiation")
        tx.soft_delete(tx.get(PipelineStage, negotiation.id))
    by_stage = DealQuery(order=Ordering("stage"))
    assert [d.title for d in crm.deals.page(by_stage)] == ["New", "Mid", "Old"]
    assert [d.title for d in crm.deals.page(by_stage, offset=2)] == ["Old"]


def test_reading_on_after_the_last_name_works_in_both_directions(crm: Crm) -> None:
    """Pages read on from the last contact shown match offset pages, Z to A as well as A to Z."""
    _crowd(crm)
    for query in (ContactQuery(), ContactQuery(order=Ordering("name", descending=True))):
        by_offset = [c.id for c in crm.contacts.page(query, limit=100)]
        by_key: list[str] = []
        after = None
        while page := crm.contacts.page(query, offset=len(by_key), limit=4, after=after):
            by_key += [c.id for c in page]
            after = (page[-1].sort_key, page[-1].id)
        assert by_key == by_offset


def test_other_orders_read_on_by_offset_and_ignore_the_name_key(crm: Crm) -> None:
    """`after` belongs to the name order; sorted by another column, the offset decides."""
    _crowd(crm)
    query = ContactQuery(order=Ordering("company"))
    first = crm.contacts.page(query, limit=4)
    after = (first[-1].sort_key, first[-1].id)
    assert crm.contacts.page(query, offset=4, limit=4, after=after) == crm.contacts.page(
        query, offset=4, limit=4)


def test_a_renamed_company_moves_to_its_pinyin_place(crm: Crm) -> None:
    """Companies list in pinyin order too; renaming 白云 to 紫云 moves it from B to Z."""
    for name in ["Zeta", "白云", "Acme"]:
        crm.companies.add(CompanyCreate(name=name))
    assert [c.name for c in crm.companies.page()] == ["Acme", "白云", "Zeta"]
    baiyun = crm.companies.find_by_name("白云")
    assert baiyun is not None
    crm.companies.update(baiyun.id, CompanyUpdate(name="紫云"))
    assert [c.name for c in crm.companies.page()] == ["Acme", "Zeta", "紫云"]


def test_companies_of_an_older_workspace_list_in_pinyin_order_after_upgrade(
        workspace: AppPaths, data_key: bytes) -> None:
    """Companies made before they had a sort key are listed in pinyin order once it opens."""
    with open_crm(workspace, data_key) as crm:
        for name in ["Zeta", "北京明华", "Acme", "阿里"]:
            crm.companies.add(CompanyCreate(name=name))
    engine = build_engine(workspace.database, data_key)
    migrate.downgrade(engine, "0005")
    engine.dispose()
    with open_crm(workspace, data_key) as crm:
        assert migrate.current_revision(crm.engine) == migrate.head_revision()
        assert [c.name for c in crm.companies.page()] == ["阿里", "Acme", "北京明华", "Zeta"]


@pytest.fixture
def statements(empty: Crm) -> Iterator[list[Statement]]:
    """Every statement (SQL text and parameters) the empty workspace runs during the test."""
    seen: list[Statement] = []

    def remember(_conn, _cursor, statement, params, _context, _many) -> None:  # type: ignore[no-untyped-def]
        seen.append((statement, params))
    event.listen(empty.engine, "before_cursor_execute", remember)
    yield seen
    event.remove(empty.engine, "before_cursor_execute", remember)


def _list_reads(statements: list[Statement], table: str) -> list[Statement]:
    """The statements that read a page of `table`'s rows (not their counts, tags or names)."""
    return [(sql, params) for sql, params in statements
            if sql.startswith(f"SELECT {table}.id,") and "ORDER BY" in sql]


def _plan(crm: Crm, statement: Statement) -> str:
    with crm.engine.connect() as conn:
        rows = conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement[0], statement[1])
        return " | ".join(row[-1] for row in rows)


@pytest.mark.parametrize(("kind", "key"), CASES)
@pytest.mark.parametrize("descending", [False, True])
def test_a_sorted_page_is_read_in_index_order_not_sorted_after_a_scan(
        empty: Crm, statements: list[Statement], kind: str, key: str, descending: bool) -> None:
    """Every sortable column has an index on live rows that serves its order both ways, so a
    page at row 50,000 of 100,000 costs what the first page does."""
    names(empty, kind, Ordering(key, descending))  # an empty list reads every part of its order
    reads = [s for s in _list_reads(statements, TABLES[kind])
             if "IN (SELECT" not in s[0]]  # the few rows of records in the bin are sorted: fine
    assert reads
    for statement in reads:
        plan = _plan(empty, statement)
        assert "TEMP B-TREE" not in plan and "USING INDEX" in plan, (statement[0], plan)


def test_todays_reminders_by_title_are_read_from_the_title_index(
        empty: Crm, statements: list[Statement]) -> None:
    """The due window and the open-only filter are checked in the title index, without rows."""
    names(empty, "reminders", Ordering("title"), due="today")
    [read] = _list_reads(statements, "reminders")
    plan = _plan(empty, read)
    assert "ix_reminders_live_title" in plan and "TEMP B-TREE" not in plan
