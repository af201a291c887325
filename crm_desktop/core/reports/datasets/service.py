"""Service report: the service logs opened in the period, counted by status, category, channel
and priority; how long resolving them took; how satisfied the customers were."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlmodel import col

from crm_desktop.core.domain.models import (
    SERVICE_CHANNELS,
    SERVICE_PRIORITIES,
    SERVICE_STATUSES,
    ServiceRead,
)
from crm_desktop.core.errors import NotFoundError
from crm_desktop.core.reports.options import Period, ReportOptions
from crm_desktop.core.reports.progress import Progress
from crm_desktop.core.storage.tables import ServiceLog

if TYPE_CHECKING:
    from crm_desktop.core.crm import Crm

RATINGS = (1, 2, 3, 4, 5)


@dataclass(frozen=True)
class LogFacts:
    """The columns of one log the figures need."""

    id: str
    status: str
    category: str
    channel: str
    priority: str
    opened_at: datetime
    resolved_at: datetime | None
    satisfaction: int | None


@dataclass(frozen=True)
class ServiceSummary:
    period: Period
    total: int
    by_status: list[tuple[str, int]]     # every status, in workflow order, zeros included
    by_category: list[tuple[str, int]]   # most frequent first; "" = no category
    by_channel: list[tuple[str, int]]
    by_priority: list[tuple[str, int]]
    resolved: int
    average_resolution: timedelta | None
    longest: ServiceRead | None
    longest_resolution: timedelta | None
    longest_contact: str
    ratings: dict[int, int]              # 1..5 -> how many
    average_rating: float | None


def read_logs(crm: Crm, period: Period, options: ReportOptions) -> list[LogFacts]:
    """The live logs opened in `period` (and owned by the owner asked for)."""
    start, end = period.bounds(options.zone)
    columns = (ServiceLog.id, ServiceLog.status, ServiceLog.category, ServiceLog.channel,
               ServiceLog.priority, ServiceLog.opened_at, ServiceLog.resolved_at,
               ServiceLog.satisfaction)
    statement = select(*(col(column) for column in columns)).where(
        col(ServiceLog.deleted_at).is_(None), col(ServiceLog.opened_at) >= start,
        col(ServiceLog.opened_at) < end)
    if options.owner:
        statement = statement.where(col(ServiceLog.owner) == options.owner)
    with crm.db.read() as session:
        return [LogFacts(*row) for row in session.execute(statement)]


def resolution(log: LogFacts) -> timedelta | None:
    return log.resolved_at - log.opened_at if log.resolved_at else None


def collect(crm: Crm, options: ReportOptions, progress: Progress) -> ServiceSummary:
    period = options.period_or_default()
    logs = read_logs(crm, period, options)
    progress(1, 2)
    times = [(span, log) for log in logs if (span := resolution(log)) is not None]
    longest_span, longest_log = max(times, key=lambda pair: pair[0], default=(None, None))
    longest = crm.service.get(longest_log.id) if longest_log else None
    ratings = Counter(log.satisfaction for log in logs if log.satisfaction)
    rated = sum(ratings.values())
    return ServiceSummary(
        period, len(logs), _in_order(logs, "status", SERVICE_STATUSES),
        _by_frequency(logs, "category"), _in_order(logs, "channel", SERVICE_CHANNELS),
        _in_order(logs, "priority", SERVICE_PRIORITIES), len(times),
        sum((span for span, _log in times), timedelta()) / len(times) if times else None,
        longest, longest_span, _contact_name(crm, longest),
        {rating: ratings.get(rating, 0) for rating in RATINGS},
        sum(r * n for r, n in ratings.items()) / rated if rated else None)


def _in_order(logs: list[LogFacts], name: str, codes: tuple[str, ...]) -> list[tuple[str, int]]:
    counts = Counter(getattr(log, name) for log in logs)
    extra = sorted(code for code in counts if code not in codes)  # written by a newer version
    return [(code, counts.get(code, 0)) for code in (*codes, *extra)]


def _by_frequency(logs: list[LogFacts], name: str) -> list[tuple[str, int]]:
    counts = Counter(getattr(log, name) for log in logs)
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))


def _contact_name(crm: Crm, log: ServiceRead | None) -> str:
    if log is None or not log.contact_id:
        return ""
    try:
        return crm.contacts.get(log.contact_id).display_name
    except NotFoundError:  # in the recycle bin
        return ""
