"""Business summary: the key figures of a period. Each figure's definition is printed with it
(render/summary.py), and tests recompute each one from the services."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from statistics import mean
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlmodel import col, func

from crm_desktop.core.reports.datasets.service import read_logs
from crm_desktop.core.reports.datasets.sums import Totals, add, amount
from crm_desktop.core.reports.options import Period, ReportOptions
from crm_desktop.core.reports.progress import Progress
from crm_desktop.core.storage.tables import Contact, Deal

if TYPE_CHECKING:
    from crm_desktop.core.crm import Crm

SECONDS_PER_DAY = 86_400


@dataclass(frozen=True)
class WonDeal:
    customer: str          # the company, else the contact: who bought
    currency: str
    amount: Any            # Decimal
    created_at: datetime
    closed_at: datetime


@dataclass(frozen=True)
class Summary:
    period: Period
    new_contacts: int
    new_contacts_customers: int   # of those, in the customer stage now
    new_customers: int
    new_deals: int
    won: int
    lost: int
    won_amount: Totals            # per currency
    average_deal: Totals          # per currency
    open_pipeline: Totals         # open deals now, per currency
    sales_cycle_days: float | None
    cycle_deals: int              # the won deals the cycle is averaged over
    customers_in_period: int
    repeat_customers: int
    open_service: int
    opened_service: int
    satisfaction: float | None
    rated: int

    def ratio(self, part: int, whole: int) -> float | None:
        return part / whole if whole else None

    @property
    def conversion(self) -> float | None:
        return self.ratio(self.new_contacts_customers, self.new_contacts)

    @property
    def win_rate(self) -> float | None:
        return self.ratio(self.won, self.won + self.lost)

    @property
    def repeat_rate(self) -> float | None:
        return self.ratio(self.repeat_customers, self.customers_in_period)


def collect(crm: Crm, options: ReportOptions, progress: Progress) -> Summary:
    period = options.period_or_default()
    start, end = period.bounds(options.zone)
    new, converted = _new_contacts(crm, start, end)
    progress(1, 4)
    won_ever, lost_in_period = _closed_deals(crm, end, start)
    progress(2, 4)
    in_period = [deal for deal in won_ever if start <= deal.closed_at < end]
    first_win = _first_wins(won_ever)
    buyers = {deal.customer for deal in in_period}
    cycles = [(d.closed_at - d.created_at).total_seconds() / SECONDS_PER_DAY
              for d in in_period if d.closed_at >= d.created_at]
    logs = read_logs(crm, period, options)
    progress(3, 4)
    ratings = [log.satisfaction for log in logs if log.satisfaction]
    won_amount: Totals = {}
    for deal in in_period:
        add(won_amount, deal.currency, deal.amount)
    return Summary(
        period, new, converted, sum(1 for c in buyers if start <= first_win[c] < end),
        _new_deals(crm, start, end), len(in_period), lost_in_period, won_amount,
        _average_amounts(in_period), crm.deals.open_totals(),
        mean(cycles) if cycles else None, len(cycles), len(buyers),
        sum(1 for c in buyers if first_win[c] < start), crm.service.open_count(), len(logs),
        mean(ratings) if ratings else None, len(ratings))


def _new_contacts(crm: Crm, start: datetime, end: datetime) -> tuple[int, int]:
    """Live contacts added in [start, end), and how many of them are customers now."""
    customer = func.sum(func.iif(col(Contact.lifecycle_stage) == "customer", 1, 0))
    with crm.db.read() as session:
        added, converted = session.execute(
            select(func.count(), customer).select_from(Contact)
            .where(col(Contact.deleted_at).is_(None), col(Contact.created_at) >= start,
                   col(Contact.created_at) < end)).one()
    return int(added), int(converted or 0)


def _new_deals(crm: Crm, start: datetime, end: datetime) -> int:
    with crm.db.read() as session:
        return int(session.scalar(select(func.count()).select_from(Deal).where(
            col(Deal.deleted_at).is_(None), col(Deal.created_at) >= start,
            col(Deal.created_at) < end)) or 0)


def _closed_deals(crm: Crm, end: datetime, start: datetime) -> tuple[list[WonDeal], int]:
    """Every live deal won before `end` (for first and repeat wins), and the count of deals
    lost in [start, end)."""
    with crm.db.read() as session:
        won = session.execute(
            select(*(col(column) for column in (Deal.company_id, Deal.contact_id, Deal.id,
                                                Deal.currency, Deal.amount_minor,
                                                Deal.created_at, Deal.closed_at)))
            .where(col(Deal.deleted_at).is_(None), col(Deal.status) == "won",
                   col(Deal.closed_at) < end)).all()
        lost = session.scalar(
            select(func.count()).select_from(Deal)
            .where(col(Deal.deleted_at).is_(None), col(Deal.status) == "lost",
                   col(Deal.closed_at) >= start, col(Deal.closed_at) < end))
    deals = [WonDeal(company or contact or deal_id, currency, amount(minor, currency), created,
                     closed)
             for company, contact, deal_id, currency, minor, created, closed in won]
    return deals, int(lost or 0)


def _first_wins(deals: list[WonDeal]) -> dict[str, datetime]:
    first: dict[str, datetime] = {}
    for deal in deals:
        if deal.customer not in first or deal.closed_at < first[deal.customer]:
            first[deal.customer] = deal.closed_at
    return first


def _average_amounts(deals: list[WonDeal]) -> Totals:
    sums: Totals = {}
    counts: dict[str, int] = {}
    for deal in deals:
        add(sums, deal.currency, deal.amount)
        counts[deal.currency] = counts.get(deal.currency, 0) + 1
    return {currency: total / counts[currency] for currency, total in sums.items()}
