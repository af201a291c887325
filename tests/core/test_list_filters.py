"""Filtering every list by owner, the owners to choose from, and finished reminders on request."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from crm_desktop.core.config.paths import AppPaths
from crm_desktop.core.crm import Crm, open_crm
from crm_desktop.core.domain.models import (
    COMPANY_SORTS,
    CONTACT_SORTS,
    DEAL_SORTS,
    REMINDER_SORTS,
    SERVICE_SORTS,
)
from crm_desktop.core.security.keystore import MemoryKeyStore
from crm_desktop.core.security.vault import Vault
from crm_desktop.core.services.ordering import Ordering
from crm_desktop.core.services.reminders import ReminderQuery
from tests.conftest import PASSPHRASE
from tests.core.list_support import LEFT, LISTS, NOW, build_shop, names

OWNED = {  # what each owner has, in each list's own order
    "contacts": {"Anna": ["Anna"], "王经理": ["张伟", "Zoe"]},
    "companies": {"Anna": ["Zeta"], "王经理": ["阿里"]},
    "deals": {"Anna": ["培训", "Audit"], "王经理": ["Supply"]},
    "reminders": {"Anna": ["Call back"], "王经理": ["Send quote"]},
    "service": {"Anna": ["Invoice"], "王经理": ["Delivery", "Printer"]},
}

SORT_KEYS = {"contacts": CONTACT_SORTS, "companies": COMPANY_SORTS, "deals": DEAL_SORTS,
             "reminders": REMINDER_SORTS, "service": SERVICE_SORTS}


@pytest.fixture(scope="module")
def shop(template_workspace: tuple[Path, str],
         tmp_path_factory: pytest.TempPathFactory) -> Iterator[Crm]:
    folder = tmp_path_factory.mktemp("owners") / "workspace"
    shutil.copytree(template_workspace[0], folder)
    paths = AppPaths.under(folder)
    with open_crm(paths, Vault(paths, MemoryKeyStore()).unlock(PASSPHRASE), actor="t") as crm:
        yield build_shop(crm)


@pytest.mark.parametrize("kind", LISTS)
def test_owners_are_the_people_owning_live_rows_in_pinyin_order(shop: Crm, kind: str) -> None:
    """The owner filter offers each owner once, not the unassigned and not who owns only what
    is in the recycle bin."""
    owners = getattr(shop, LISTS[kind][0]).owners()
    assert owners == ["Anna", "王经理"] and LEFT not in owners


@pytest.mark.parametrize("kind", LISTS)
@pytest.mark.parametrize("owner", ["Anna", "王经理"])
def test_the_owner_filter_lists_and_counts_only_that_owners_rows(shop: Crm, kind: str,
                                                                 owner: str) -> None:
    """Filtered by owner, a list shows (and counts) only that person's live rows, in its order."""
    service, query_class, _label = LISTS[kind]
    assert names(shop, kind, owner=owner) == OWNED[kind][owner]
    extra = {"now": NOW} if kind == "reminders" else {}
    assert getattr(shop, service).count(query_class(owner=owner), **extra) == len(
        OWNED[kind][owner])


@pytest.mark.parametrize(("kind", "owner", "order", "expected"), [
    ("contacts", "王经理", Ordering("name", descending=True), ["Zoe", "张伟"]),
    ("deals", "Anna", Ordering("amount", descending=True), ["培训", "Audit"]),
    ("service", "王经理", Ordering("priority", descending=True), ["Printer", "Delivery"]),
])
def test_the_owner_filter_keeps_the_chosen_order(shop: Crm, kind: str, owner: str,
                                                 order: Ordering, expected: list[str]) -> None:
    """Filter and sort combine: one owner's rows, in the order of the clicked column."""
    assert names(shop, kind, order, owner=owner) == expected


@pytest.mark.parametrize(("kind", "key"), [(kind, key) for kind in LISTS
                                           for key in SORT_KEYS[kind]])
def test_a_filtered_list_keeps_the_order_of_the_whole_list(shop: Crm, kind: str, key: str) -> None:
    """One owner's rows come in the same order as in the whole list, though a filtered list is
    sorted after filtering rather than read from the order's index."""
    for owner, theirs in OWNED[kind].items():
        for order in (Ordering(key), Ordering(key, descending=True)):
            whole = names(shop, kind, order)
            assert names(shop, kind, order, owner=owner) == [n for n in whole if n in theirs]


def test_finished_reminders_are_listed_only_when_asked(shop: Crm) -> None:
    """Done reminders stay out of the list unless it is asked to show them, in due order then."""
    every = ReminderQuery(include_done=True)
    assert names(shop, "reminders") == ["Call back", "回访", "Send quote"]
    assert names(shop, "reminders", include_done=True) == [
        "Call back", "回访", "Archive", "Send quote"]
    assert shop.reminders.count(every) == 4 and shop.reminders.count(ReminderQuery()) == 3


def test_finished_reminders_keep_to_the_due_window(shop: Crm) -> None:
    """With done ones shown, "overdue" still means due before now (nothing here is)."""
    assert names(shop, "reminders", include_done=True, due="overdue") == []
    assert names(shop, "reminders", Ordering("title"), include_done=True, due="today") == [
        "Archive", "Call back", "Send quote", "回访"]
