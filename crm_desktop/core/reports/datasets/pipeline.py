"""Sales pipeline and forecast: open deals by stage and by expected month (amount and weighted
value), deals won and lost in the period with the reasons for losing, the largest open deals."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlmodel import col, func

from crm_desktop.core.domain.models import DealRead
from crm_desktop.core.reports.datasets.sums import Totals, add, amount, weighted
from crm_desktop.core.reports.options import Period, ReportOptions
from crm_desktop.core.reports.progress import Progress
from crm_desktop.core.services.deals import DealQuery
from crm_desktop.core.services.ordering import Ordering
from crm_desktop.core.services.tagging import live_matching
from crm_desktop.core.storage.tables import Deal, PipelineStage

if TYPE_CHECKING:
    from crm_desktop.core.crm import Crm

MONTHS_AHEAD = 6
LARGEST = 10
OVERDUE, LATER, UNDATED = "overdue", "later", "undated"


@dataclass
class Group:
    """Open deals of one stage or one month: how many, their amount and weighted value."""

    key: str
    label: str = ""
    probability: int = 0
    count: int = 0
    amount: Totals = field(default_factory=dict)
    weighted: Totals = field(default_factory=dict)

    def take(self, count: int, currency: str, value: Any, probability: int) -> None:
        self.count += count
        add(self.amount, currency, value)
        add(self.weighted, currency, weighted(value, probability))


@dataclass
class Closed:
    count: int = 0
    amount: Totals = field(default_factory=dict)


@dataclass(frozen=True)
class Pipeline:
    period: Period
    currency: str                      # the workspace's: the one the chart shows
    stages: list[Group]
    months: list[Group]                # OVERDUE, this month … +5, LATER, UNDATED
    won: Closed
    lost: Closed
    reasons: list[tuple[str, Closed]]  # most frequent first
    largest: list[DealRead]
    parties: dict[str, str]            # deal id -> company or contact name


def collect(crm: Crm, options: ReportOptions, progress: Progress) -> Pipeline:
    period = options.period_or_default()
    with crm.db.read() as session:
        probabilities = {s.id: (s.name, s.probability, s.position, s.deleted_at)
                         for s in session.scalars(select(PipelineStage))}
        open_rows = session.execute(_narrowed(
            select(col(Deal.stage_id), col(Deal.currency), func.substr(Deal.expected_close, 1, 7),
                   func.count(), func.sum(Deal.amount_minor)), options)
            .where(col(Deal.status) == "open")
            .group_by(col(Deal.stage_id), col(Deal.currency),
                      func.substr(Deal.expected_close, 1, 7))).all()
        progress(1, 3)
        start, end = period.bounds(options.zone)
        closed_rows = session.execute(_narrowed(
            select(col(Deal.status), col(Deal.lost_reason), col(Deal.currency), func.count(),
                   func.sum(Deal.amount_minor)), options)
            .where(col(Deal.status).in_(("won", "lost")), col(Deal.closed_at) >= start,
                   col(Deal.closed_at) < end)
            .group_by(col(Deal.status), col(Deal.lost_reason), col(Deal.currency))).all()
    progress(2, 3)
    stages, months = _open_groups(open_rows, probabilities, options.today)
    won, lost, reasons = _closed(closed_rows)
    largest = crm.deals.page(DealQuery(status="open", owner=options.owner, tag=options.tag,
                                       order=Ordering("amount", descending=True)), limit=LARGEST)
    return Pipeline(period, crm.settings.get().currency, stages, months, won, lost, reasons,
                    largest, crm.deals.party_names(largest))


def _narrowed(statement: Any, options: ReportOptions) -> Any:
    return live_matching(statement, Deal, options.tag, owner=options.owner)


def _open_groups(rows: Any, stages: dict[str, tuple[str, int, int, Any]],
                 today: date) -> tuple[list[Group], list[Group]]:
    by_stage = {sid: Group(sid, name, probability)
                for sid, (name, probability, _position, deleted) in
                sorted(stages.items(), key=lambda item: item[1][2]) if deleted is None}
    months = _month_groups(today)
    for stage_id, currency, month, count, minor in rows:
        name, probability, _position, _deleted = stages.get(stage_id, ("", 0, 0, None))
        group = by_stage.setdefault(stage_id, Group(stage_id, name, probability))
        value = amount(minor, currency)
        group.take(count, currency, value, probability)
        months[_month_key(month, today, months)].take(count, currency, value, probability)
    return list(by_stage.values()), list(months.values())


def _month_groups(today: date) -> dict[str, Group]:
    keys = [OVERDUE]
    year, month = today.year, today.month
    for _ in range(MONTHS_AHEAD):
        keys.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return {key: Group(key) for key in (*keys, LATER, UNDATED)}


def _month_key(month: str | None, today: date, months: dict[str, Group]) -> str:
    if not month:
        return UNDATED
    if month < f"{today.year:04d}-{today.month:02d}":
        return OVERDUE
    return month if month in months else LATER


def _closed(rows: Any) -> tuple[Closed, Closed, list[tuple[str, Closed]]]:
    won, lost = Closed(), Closed()
    reasons: dict[str, Closed] = {}
    for status, reason, currency, count, minor in rows:
        value = amount(minor, currency)
        target = won if status == "won" else lost
        target.count += count
        add(target.amount, currency, value)
        if status == "lost":
            entry = reasons.setdefault(reason or "", Closed())
            entry.count += count
            add(entry.amount, currency, value)
    ranked = sorted(reasons.items(), key=lambda item: (-item[1].count, item[0]))
    return won, lost, ranked
