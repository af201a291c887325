"""What the Today page shows, gathered from the core in one go (Qt-free, run on a worker)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal

from crm_desktop.core.crm import Crm
from crm_desktop.core.domain.models import DealRead, ReminderRead, ServiceRead
from crm_desktop.core.errors import CrmError
from crm_desktop.ui.controllers.reminders_actions import local_day_start

SHOWN = 50          # rows per list on the page


@dataclass
class TodayData:
    now: datetime
    followups: list[ReminderRead] = field(default_factory=list)
    service: list[ServiceRead] = field(default_factory=list)
    closing: list[DealRead] = field(default_factory=list)
    pipeline: dict[str, Decimal] = field(default_factory=dict)   # open deals, per currency
    won_this_month: int = 0
    open_service: int = 0
    names: dict[str, str] = field(default_factory=dict)          # contact id → name

    def is_overdue(self, reminder: ReminderRead) -> bool:
        return reminder.effective_due < self.now


def gather(crm: Crm, now: datetime) -> TodayData:
    data = TodayData(now=now)
    start = local_day_start(now)
    data.followups = crm.reminders.list("today", now=now, day_start=start, limit=SHOWN)
    _service(crm, data)
    _deals(crm, data, start)
    _names(crm, data)
    return data


def _service(crm: Crm, data: TodayData) -> None:
    data.open_service = crm.service.open_count()
    data.service = crm.service.open_by_priority(limit=SHOWN)


def _deals(crm: Crm, data: TodayData, day_start: datetime) -> None:
    month_start = day_start.replace(day=1)
    month_end = (month_start + timedelta(days=32)).replace(day=1) - timedelta(days=1)
    data.pipeline = crm.deals.open_totals()
    data.closing = crm.deals.closing_between(month_start.date().isoformat(),
                                             month_end.date().isoformat(), limit=SHOWN)
    data.won_this_month = crm.deals.won_count(since=month_start)


def _names(crm: Crm, data: TodayData) -> None:
    wanted = {r.contact_id for r in data.followups} | {s.contact_id for s in data.service}
    for contact_id in wanted - {None}:
        assert contact_id is not None
        try:
            data.names[contact_id] = crm.contacts.get(contact_id).display_name
        except CrmError:
            pass
