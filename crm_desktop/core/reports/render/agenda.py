"""The agenda on paper: per owner, what is overdue, then each day of the week, with phones.
Every table shares one column plan, so the columns line up from day to day."""

from __future__ import annotations

from collections.abc import Callable

from reportlab.platypus import Flowable

from crm_desktop.core.i18n import N_
from crm_desktop.core.reports.blocks import Sheet, empty, heading, subheading, text
from crm_desktop.core.reports.columns import Column, Plan
from crm_desktop.core.reports.datasets.agenda import Agenda, Item, OwnerAgenda

When = Callable[[Item], str]


def render(data: Agenda, sheet: Sheet) -> list[Flowable]:
    tr, fmt = sheet.tr, sheet.fmt
    span = tr(N_("Overdue, and due from {first} to {last}")).format(
        first=fmt.date(data.today), last=fmt.date(data.last_day))
    story: list[Flowable] = [text(span, "muted")]
    if not data.owners:
        return story + [empty(tr(N_("Nothing to follow up: no reminder is overdue or due in the "
                                    "next seven days.")))]

    def overdue_time(item: Item) -> str:
        this_year = fmt.local(item.due).year == data.today.year
        return fmt.day_and_time(item.due) if this_year else fmt.datetime(item.due)

    items = [item for owner in data.owners for item in (*owner.overdue, *_all_days(owner))]
    shared = sheet.plan(_columns(sheet), (_row(item, sheet, overdue_time) for item in items))
    for owner in data.owners:
        story += _owner(owner, data, sheet, shared, overdue_time)
    return story


def _all_days(owner: OwnerAgenda) -> list[Item]:
    return [item for items in owner.days.values() for item in items]


def _owner(owner: OwnerAgenda, data: Agenda, sheet: Sheet, shared: Plan,
           overdue_time: When) -> list[Flowable]:
    tr, fmt = sheet.tr, sheet.fmt
    name = owner.owner or tr(N_("No owner"))
    count = tr(N_("{count} reminders")).format(count=fmt.number(owner.count))
    story: list[Flowable] = [heading(f"{name} · {count}")]
    if owner.overdue:
        story += [subheading(tr(N_("Overdue"))),
                  _table(owner.overdue, sheet, shared, overdue_time)]
    for day, items in sorted(owner.days.items()):
        title = fmt.weekday(day)
        if day == data.today:
            today = tr(N_("Today"))
            title = f"{today} · {title}"
        story += [subheading(title), _table(items, sheet, shared, lambda i: fmt.time(i.due))]
    return story


def _columns(sheet: Sheet) -> list[Column]:
    tr = sheet.tr
    return [Column(tr(N_("Due")), 17), Column(tr(N_("Reminder")), 30),
            Column(tr(N_("Contact")), 17, optional=True),
            Column(tr(N_("Phone")), 17, optional=True), Column(tr(N_("Deal")), 19, optional=True)]


def _row(item: Item, sheet: Sheet, when: When) -> list[str]:
    phones = "\n".join(sheet.fmt.phone(phone) for phone in item.phones)
    return [when(item), item.reminder.title, item.contact, phones, item.deal]


def _table(items: list[Item], sheet: Sheet, shared: Plan, when: When) -> Flowable:
    return sheet.table(_columns(sheet), (_row(item, sheet, when) for item in items), shared)
