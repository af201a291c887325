"""The pipeline and business-summary figures, recomputed here from the services' own lists
(deal, contact and service-log pages), must equal the reports' datasets and show in the PDFs."""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from statistics import mean
from zoneinfo import ZoneInfo

import pytest
from babel.numbers import format_percent

from crm_desktop.core.crm import Crm
from crm_desktop.core.domain.models import DealRead
from crm_desktop.core.domain.money import Money
from crm_desktop.core.reports.datasets import pipeline, summary
from crm_desktop.core.reports.options import Period, ReportOptions
from crm_desktop.core.services.deals import DealQuery
from tests.core.reports.support import pdf_text, squashed

SHANGHAI = ZoneInfo("Asia/Shanghai")
ALL = 100_000


def options(days_back: int, days: int, language: str = "en") -> ReportOptions:
    last = datetime.now(SHANGHAI).date() - timedelta(days=days_back)
    return ReportOptions(period=Period.last_days(last, days), timezone=SHANGHAI,
                         language=language)


def in_period(moment: datetime | None, period: Period) -> bool:
    start, end = period.bounds(SHANGHAI)
    return moment is not None and start <= moment < end


def cny(amount: Decimal, language: str = "en") -> str:
    return Money(int((amount * 100).quantize(Decimal(1))), "CNY").format(language)


def percent(ratio: float, language: str = "en") -> str:
    return format_percent(ratio, "#,##0.0%", locale=language)


def noop(_done: int, _total: int) -> None:
    return None


# -- pipeline ------------------------------------------------------------------------------

def test_pipeline_stage_figures_equal_the_open_deal_list(shop_crm: Crm, tmp_path: Path) -> None:
    """Per stage: count, amount and weighted value (amount × the stage's probability)."""
    open_deals = shop_crm.deals.page(DealQuery(status="open"), limit=ALL)
    data = pipeline.collect(shop_crm, options(0, 30), noop)
    expected = {stage.name: (0, Decimal(0), Decimal(0)) for stage in shop_crm.deals.stages()}
    for deal in open_deals:
        count, amount, weighted = expected[deal.stage_name]
        expected[deal.stage_name] = (count + 1, amount + deal.amount,
                                     weighted + deal.amount * deal.probability / 100)
    found = {g.label: (g.count, g.amount.get("CNY", Decimal(0)), g.weighted.get("CNY", Decimal(0)))
             for g in data.stages}
    assert found == expected
    path = tmp_path / "pipeline.pdf"
    shop_crm.reports.render("pipeline", path, options(0, 30))
    text = squashed(pdf_text(path))
    assert cny(sum((w for _c, _a, w in expected.values()), Decimal(0))) in text
    assert cny(sum((a for _c, a, _w in expected.values()), Decimal(0))) in text


def test_pipeline_months_group_every_open_deal_once(shop_crm: Crm) -> None:
    """Expected closes: overdue, this month and five more, later, undated — every open deal once."""
    open_deals = shop_crm.deals.page(DealQuery(status="open"), limit=ALL)
    data = pipeline.collect(shop_crm, options(0, 30), noop)
    this_month = datetime.now(SHANGHAI).strftime("%Y-%m")
    by_month = Counter("undated" if not d.expected_close else
                       "overdue" if d.expected_close[:7] < this_month else d.expected_close[:7]
                       for d in open_deals)
    shown = {g.key: g.count for g in data.months}
    assert sum(shown.values()) == len(open_deals)
    assert shown["overdue"] == by_month["overdue"] and shown["undated"] == by_month["undated"]
    assert shown[this_month] == by_month[this_month]


@pytest.mark.parametrize(("days_back", "days"), [(0, 30), (0, 120), (60, 60)])
def test_won_and_lost_in_the_period_with_their_reasons(shop_crm: Crm, days_back: int,
                                                       days: int) -> None:
    """Closed deals count in the period of their closing; lost ones by reason."""
    chosen = options(days_back, days)
    assert chosen.period is not None
    closed = [d for d in shop_crm.deals.page(DealQuery(), limit=ALL)
              if d.status != "open" and in_period(d.closed_at, chosen.period)]
    data = pipeline.collect(shop_crm, chosen, noop)
    won = [d for d in closed if d.status == "won"]
    lost = [d for d in closed if d.status == "lost"]
    assert (data.won.count, data.lost.count) == (len(won), len(lost))
    assert data.won.amount.get("CNY", Decimal(0)) == sum((d.amount for d in won), Decimal(0))
    assert {reason: entry.count for reason, entry in data.reasons} == Counter(
        d.lost_reason for d in lost)


# -- business summary ----------------------------------------------------------------------

def _customer(deal: DealRead) -> str:
    return deal.company_id or deal.contact_id or deal.id


def _expected_summary(crm: Crm, period: Period) -> dict[str, object]:
    start, end = period.bounds(SHANGHAI)
    contacts = [c for c in crm.contacts.page(limit=ALL) if in_period(c.created_at, period)]
    deals = crm.deals.page(DealQuery(), limit=ALL)
    won = [d for d in deals if d.status == "won" and in_period(d.closed_at, period)]
    lost = [d for d in deals if d.status == "lost" and in_period(d.closed_at, period)]
    first: dict[str, datetime] = {}
    for deal in deals:
        if deal.status == "won" and deal.closed_at and deal.closed_at < end:
            first[_customer(deal)] = min(first.get(_customer(deal), deal.closed_at),
                                         deal.closed_at)
    buyers = {_customer(d) for d in won}
    logs = [s for s in crm.service.page(limit=ALL) if in_period(s.opened_at, period)]
    ratings = [s.satisfaction for s in logs if s.satisfaction]
    cycles = [(d.closed_at - d.created_at).total_seconds() / 86400 for d in won
              if d.closed_at and d.closed_at >= d.created_at]
    return {
        "new_contacts": len(contacts),
        "new_contacts_customers": sum(c.lifecycle_stage == "customer" for c in contacts),
        "new_customers": sum(start <= first[b] for b in buyers),
        "new_deals": sum(in_period(d.created_at, period) for d in deals),
        "won": len(won), "lost": len(lost),
        "won_amount": {"CNY": sum((d.amount for d in won), Decimal(0))} if won else {},
        "average_deal": {"CNY": sum((d.amount for d in won), Decimal(0)) / len(won)} if won else {},
        "open_pipeline": {"CNY": sum((d.amount for d in deals if d.status == "open"), Decimal(0))},
        "sales_cycle_days": pytest.approx(mean(cycles)) if cycles else None,
        "customers_in_period": len(buyers),
        "repeat_customers": sum(first[b] < start for b in buyers),
        "open_service": sum(1 for s in crm.service.page(limit=ALL)
                            if s.status in ("open", "in_progress")),
        "opened_service": len(logs),
        "satisfaction": pytest.approx(mean(ratings)) if ratings else None,
        "rated": len(ratings),
    }


@pytest.mark.parametrize(("days_back", "days"), [(0, 30), (0, 120), (60, 60)])
def test_summary_figures_equal_those_recomputed_from_the_services(
        shop_crm: Crm, days_back: int, days: int) -> None:
    """Every key figure of the business summary, for a recent, a long and a past period."""
    chosen = options(days_back, days)
    assert chosen.period is not None
    data = summary.collect(shop_crm, chosen, noop)
    expected = _expected_summary(shop_crm, chosen.period)
    assert {name: getattr(data, name) for name in expected} == expected


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_summary_pdf_shows_the_rates_and_amounts(shop_crm: Crm, tmp_path: Path,
                                                 language: str) -> None:
    """The win rate, conversion, revenue and average deal size as the language writes them."""
    chosen = options(0, 120, language)
    data = summary.collect(shop_crm, chosen, noop)
    assert data.win_rate is not None and data.conversion is not None
    path = tmp_path / "summary.pdf"
    shop_crm.reports.render("summary", path, chosen)
    text = squashed(pdf_text(path))
    for shown in (percent(data.win_rate, language), percent(data.conversion, language),
                  cny(data.won_amount["CNY"], language),
                  cny(data.average_deal["CNY"], language), str(data.new_contacts)):
        assert squashed(shown) in text


def test_summary_of_an_empty_period_shows_dashes_not_zeros(shop_crm: Crm, tmp_path: Path) -> None:
    """A period before the shop existed: no rate can be computed, so none is shown as 0%."""
    chosen = ReportOptions(period=Period(date(2001, 1, 1), date(2001, 1, 31)), timezone=SHANGHAI)
    data = summary.collect(shop_crm, chosen, noop)
    assert (data.new_contacts, data.won, data.conversion, data.win_rate) == (0, 0, None, None)
    path = tmp_path / "summary.pdf"
    shop_crm.reports.render("summary", path, chosen)
    assert pdf_text(path).count("—") >= 5
