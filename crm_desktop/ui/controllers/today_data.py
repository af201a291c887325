"""What the Today page shows, gathered from the core in one go (Qt-free, run on a worker)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from crm_desktop.core.crm import Crm
from crm_desktop.core.domain.models import SERVICE_PRIORITIES, DealRead, ReminderRead, ServiceRead
from crm_desktop.core.errors import CrmError
from crm_desktop.core.services.deals import DealQuery
from crm_desktop.ui.controllers.reminders_actions import local_day_start

SHOWN = 50          # rows per list on the page
DEAL_PAGE = 1000
OPEN_SERVICE = ("open", "in_progress")
PRIORITY_RANK = {code: rank for rank, code in enumerate(reversed(SERVICE_PRIORITIES))}


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
    logs: list[ServiceRead] = []
    for status in OPEN_SERVICE:
        offset = 0
        while page := crm.service.list(status=status, offset=offset, limit=DEAL_PAGE):
            logs.extend(page)
            offset += len(page)
    data.open_service = len(logs)
    logs.sort(key=lambda s: (PRIORITY_RANK.get(s.priority, len(PRIORITY_RANK)), s.opened_at))
    data.service = logs[:SHOWN]


def _deals(crm: Crm, data: TodayData, day_start: datetime) -> None:
    month = day_start.strftime("%Y-%m")
    month_start = day_start.replace(day=1)
    closing: list[DealRead] = []
    for deal in _all(crm, "open"):
        data.pipeline[deal.currency] = data.pipeline.get(deal.currency, Decimal(0)) + deal.amount
        if deal.expected_close and deal.expected_close.startswith(month):
            closing.append(deal)
    closing.sort(key=lambda d: (d.expected_close or "", -d.amount))
    data.closing = closing[:SHOWN]
    data.won_this_month = sum(1 for d in _all(crm, "won")
                              if d.closed_at and d.closed_at >= month_start)


def _all(crm: Crm, status: str) -> list[DealRead]:
    deals: list[DealRead] = []
    while page := crm.deals.page(DealQuery(status=status), offset=len(deals), limit=DEAL_PAGE):
        deals.extend(page)
    return deals


def _names(crm: Crm, data: TodayData) -> None:
    wanted = {r.contact_id for r in data.followups} | {s.contact_id for s in data.service}
    for contact_id in wanted - {None}:
        assert contact_id is not None
        try:
            data.names[contact_id] = crm.contacts.get(contact_id).display_name
        except CrmError:
            pass
