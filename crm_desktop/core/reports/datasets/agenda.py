"""Follow-up agenda: open reminders that are overdue or due in the next seven days, by owner and
day, each with its contact's name and phone numbers so it can be worked from paper."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, TypeVar

from sqlmodel import col, select

from crm_desktop.core.domain.models import ReminderRead
from crm_desktop.core.reports.options import ReportOptions
from crm_desktop.core.reports.progress import Progress
from crm_desktop.core.search.text import sort_key
from crm_desktop.core.services.reminders import ReminderQuery
from crm_desktop.core.storage.tables import Contact, Deal, Record

if TYPE_CHECKING:
    from crm_desktop.core.crm import Crm

PAGE = 2000
DAYS = 7
_IDS_PER_QUERY = 900  # below SQLite's oldest limit on bound parameters
R = TypeVar("R", bound=Record)


@dataclass(frozen=True)
class Item:
    reminder: ReminderRead
    contact: str
    phones: tuple[str, ...]
    deal: str

    @property
    def due(self) -> datetime:
        return self.reminder.effective_due


@dataclass
class OwnerAgenda:
    owner: str
    overdue: list[Item] = field(default_factory=list)
    days: dict[date, list[Item]] = field(default_factory=dict)  # today first

    @property
    def count(self) -> int:
        return len(self.overdue) + sum(len(items) for items in self.days.values())


@dataclass(frozen=True)
class Agenda:
    today: date
    last_day: date
    owners: list[OwnerAgenda]  # the unassigned ("") first, then by name (pinyin for Chinese)


def collect(crm: Crm, options: ReportOptions, progress: Progress) -> Agenda:
    zone, today = options.zone, options.today
    day_start = datetime.combine(today, time(), zone)
    query = ReminderQuery(due="week", owner=options.owner)
    total = crm.reminders.count(query, now=options.moment, day_start=day_start)
    reminders: list[ReminderRead] = []
    while len(reminders) < total:
        page = crm.reminders.page(query, offset=len(reminders), limit=PAGE, now=options.moment,
                                  day_start=day_start)
        if not page:
            break
        reminders += page
        progress(len(reminders), total + 1)
    items = _with_details(crm, reminders)
    return Agenda(today, today + timedelta(days=DAYS - 1), _by_owner(items, options))


def _with_details(crm: Crm, reminders: list[ReminderRead]) -> list[Item]:
    contacts = _rows_by_id(crm, Contact, (r.contact_id for r in reminders))
    deals = _rows_by_id(crm, Deal, (r.deal_id for r in reminders))
    items = []
    for reminder in reminders:
        contact = contacts.get(reminder.contact_id or "")
        deal = deals.get(reminder.deal_id or "")
        items.append(Item(reminder, contact.display_name if contact else "",
                          tuple(p["value"] for p in contact.phones) if contact else (),
                          deal.title if deal else ""))
    return items


def _rows_by_id(crm: Crm, table: type[R], ids: Iterable[str | None]) -> dict[str, R]:
    """The live rows among `ids`, a few queries however many reminders."""
    wanted = sorted({row_id for row_id in ids if row_id})
    found: dict[str, R] = {}
    with crm.db.read() as session:
        for start in range(0, len(wanted), _IDS_PER_QUERY):
            chunk = wanted[start:start + _IDS_PER_QUERY]
            rows = session.exec(select(table).where(col(table.id).in_(chunk),
                                                    col(table.deleted_at).is_(None)))
            found.update({row.id: row for row in rows})
    return found


def _by_owner(items: list[Item], options: ReportOptions) -> list[OwnerAgenda]:
    owners: dict[str, OwnerAgenda] = {}
    for item in items:
        agenda = owners.setdefault(item.reminder.owner, OwnerAgenda(item.reminder.owner))
        if item.due < options.moment:
            agenda.overdue.append(item)
        else:
            agenda.days.setdefault(item.due.astimezone(options.zone).date(), []).append(item)
    return [owners[name] for name in sorted(owners, key=sort_key)]
