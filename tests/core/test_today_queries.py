"""The Today page's figures and short lists, computed in SQL by the core."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from crm_desktop.core.crm import Crm
from crm_desktop.core.domain.models import DealCreate, ServiceCreate, ServiceUpdate
from crm_desktop.core.errors import ValidationError
from crm_desktop.core.services.deals import DealQuery

# -- service logs ---------------------------------------------------------------------------


def test_open_count_counts_open_and_in_progress_but_not_resolved_closed_or_deleted(
        crm: Crm) -> None:
    """Open and in-progress logs are counted; resolved, closed and deleted ones are not."""
    crm.service.add(ServiceCreate(subject="New"))
    crm.service.add(ServiceCreate(subject="Working", status="in_progress"))
    crm.service.add(ServiceCreate(subject="Fixed", status="resolved"))
    crm.service.add(ServiceCreate(subject="Done", status="closed"))
    gone = crm.service.add(ServiceCreate(subject="Binned")).value
    crm.service.delete(gone.id)
    assert crm.service.open_count() == 2


def test_open_by_priority_puts_urgent_first_then_the_oldest(crm: Crm) -> None:
    """Open logs come urgent, high, normal, low; within a priority the oldest opened first."""
    for subject, priority in [("low 1", "low"), ("urgent 1", "urgent"), ("normal 1", "normal"),
                              ("high 1", "high"), ("urgent 2", "urgent"), ("low 2", "low")]:
        crm.service.add(ServiceCreate(subject=subject, priority=priority))
    moving = crm.service.add(ServiceCreate(subject="high 2", priority="high")).value
    crm.service.update(moving.id, ServiceUpdate(status="in_progress"))
    assert [s.subject for s in crm.service.open_by_priority()] == [
        "urgent 1", "urgent 2", "high 1", "high 2", "normal 1", "low 1", "low 2"]


def test_open_by_priority_leaves_out_resolved_and_deleted_logs(crm: Crm) -> None:
    """Resolved, closed and deleted logs are never listed, however urgent."""
    crm.service.add(ServiceCreate(subject="Fixed", priority="urgent", status="resolved"))
    crm.service.add(ServiceCreate(subject="Done", priority="urgent", status="closed"))
    gone = crm.service.add(ServiceCreate(subject="Binned", priority="urgent")).value
    crm.service.delete(gone.id)
    crm.service.add(ServiceCreate(subject="Still open", priority="low"))
    assert [s.subject for s in crm.service.open_by_priority()] == ["Still open"]


def test_open_by_priority_honours_the_limit_and_keeps_the_most_pressing(crm: Crm) -> None:
    """With a limit, only that many are returned, and they are the highest-priority ones."""
    for n in range(4):
        crm.service.add(ServiceCreate(subject=f"low {n}", priority="low"))
    for n in range(3):
        crm.service.add(ServiceCreate(subject=f"urgent {n}", priority="urgent"))
    assert [s.subject for s in crm.service.open_by_priority(limit=2)] == ["urgent 0", "urgent 1"]
    assert crm.service.open_count() == 7


# -- deals ----------------------------------------------------------------------------------


def test_open_totals_are_the_sum_of_open_deals_per_currency(crm: Crm) -> None:
    """Each currency's total equals the exact sum of its live open deals; others are left out."""
    crm.deals.add(DealCreate(title="A", amount="1200.50", currency="CNY"))
    crm.deals.add(DealCreate(title="B", amount="0.25", currency="CNY"))
    crm.deals.add(DealCreate(title="C", amount="99.99", currency="USD"))
    crm.deals.add(DealCreate(title="D", amount="5000", currency="JPY"))
    won = crm.deals.add(DealCreate(title="Won", amount="700", currency="CNY")).value
    crm.deals.win(won.id)
    lost = crm.deals.add(DealCreate(title="Lost", amount="800", currency="USD")).value
    crm.deals.lose(lost.id, "price")
    gone = crm.deals.add(DealCreate(title="Binned", amount="900", currency="CNY")).value
    crm.deals.delete(gone.id)
    totals = crm.deals.open_totals()
    assert totals == {"CNY": Decimal("1200.75"), "USD": Decimal("99.99"), "JPY": Decimal(5000)}
    expected: dict[str, Decimal] = {}
    for deal in crm.deals.page(DealQuery(status="open"), limit=1000):
        expected[deal.currency] = expected.get(deal.currency, Decimal(0)) + deal.amount
    assert totals == expected


def test_open_totals_are_empty_without_open_deals(crm: Crm) -> None:
    """No open deals means no totals at all, not a zero per currency."""
    assert crm.deals.open_totals() == {}


def test_won_count_counts_live_deals_won_since_the_given_time(crm: Crm) -> None:
    """Deals won at or after `since` are counted; earlier wins, open and deleted deals are not."""
    early = crm.deals.add(DealCreate(title="Early")).value
    crm.deals.win(early.id)
    since = datetime.now(UTC)
    for title in ("Late 1", "Late 2", "Late binned"):
        crm.deals.win(crm.deals.add(DealCreate(title=title)).value.id)
    crm.deals.add(DealCreate(title="Still open"))
    binned = next(d for d in crm.deals.page(DealQuery(status="won")) if d.title == "Late binned")
    crm.deals.delete(binned.id)
    assert crm.deals.won_count(since) == 2
    assert crm.deals.won_count(since - timedelta(days=1)) == 3
    assert crm.deals.won_count(since + timedelta(days=1)) == 0


def test_won_count_refuses_a_time_without_a_zone(crm: Crm) -> None:
    """A naive `since` is refused rather than guessed at."""
    with pytest.raises(ValidationError):
        crm.deals.won_count(datetime(2025, 1, 1))


def test_closing_between_lists_open_deals_in_the_range_soonest_then_largest(crm: Crm) -> None:
    """Open deals due within the dates (both ends included) come soonest first, then largest."""
    for title, amount, close in [("Mid small", "10", "2025-03-15"), ("Mid big", "500", "2025-03-15"),
                                 ("Last day", "1", "2025-03-31"), ("First day", "1", "2025-03-01"),
                                 ("Before", "1", "2025-02-28"), ("After", "1", "2025-04-01")]:
        crm.deals.add(DealCreate(title=title, amount=amount, expected_close=close))
    crm.deals.add(DealCreate(title="No date"))
    assert [d.title for d in crm.deals.closing_between("2025-03-01", "2025-03-31")] == [
        "First day", "Mid big", "Mid small", "Last day"]


def test_closing_between_leaves_out_closed_and_deleted_deals(crm: Crm) -> None:
    """Won, lost and deleted deals are not listed even when their date is in range."""
    ids = {title: crm.deals.add(DealCreate(title=title, expected_close="2025-03-10")).value.id
           for title in ("Open", "Won", "Lost", "Binned")}
    crm.deals.win(ids["Won"])
    crm.deals.lose(ids["Lost"], "price")
    crm.deals.delete(ids["Binned"])
    assert [d.title for d in crm.deals.closing_between("2025-03-01", "2025-03-31")] == ["Open"]


def test_closing_between_honours_the_limit(crm: Crm) -> None:
    """Only `limit` deals are returned, the soonest ones."""
    for day in range(1, 8):
        crm.deals.add(DealCreate(title=f"Day {day}", expected_close=f"2025-03-{day:02d}"))
    assert [d.title for d in crm.deals.closing_between("2025-03-01", "2025-03-31", limit=3)] == [
        "Day 1", "Day 2", "Day 3"]


def test_closing_between_refuses_a_bad_date(crm: Crm) -> None:
    """A bound that is not YYYY-MM-DD is refused."""
    with pytest.raises(ValidationError, match="YYYY-MM-DD"):
        crm.deals.closing_between("March", "2025-03-31")
