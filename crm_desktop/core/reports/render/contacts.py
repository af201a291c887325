"""The contact list as a phone sheet: one row per contact, every phone number, numbered rows."""

from __future__ import annotations

from reportlab.platypus import Flowable

from crm_desktop.core.domain.models import ContactRead
from crm_desktop.core.i18n import N_
from crm_desktop.core.reports.blocks import Sheet, empty, gap, text
from crm_desktop.core.reports.columns import Column
from crm_desktop.core.reports.datasets.contacts import SEARCH_LIMIT, ContactList


def render(data: ContactList, sheet: Sheet) -> list[Flowable]:
    tr, fmt = sheet.tr, sheet.fmt
    if not data.contacts:
        return [empty(tr(N_("No contacts match these filters.")))]
    with_owner = any(c.owner for c in data.contacts)
    columns = [Column("#", 5, "RIGHT"), Column(tr(N_("Name")), 17),
               Column(tr(N_("Company")), 23), Column(tr(N_("Phone")), 16),
               Column(tr(N_("Email")), 22), Column(tr(N_("Stage")), 10)]
    if with_owner:
        columns.append(Column(tr(N_("Owner")), 10))
    rows = (_row(number, contact, sheet, with_owner)
            for number, contact in enumerate(data.contacts, 1))
    story: list[Flowable] = [sheet.table(columns, rows)]
    count = tr(N_("{count} contacts")).format(count=fmt.number(len(data.contacts)))
    story += [gap(4), text(count, "muted")]
    if data.truncated:
        story.append(text(tr(N_("The search found more than {limit} contacts; only the first "
                                "{limit} are listed. Narrow the search to see the rest."))
                          .format(limit=fmt.number(SEARCH_LIMIT)), "muted"))
    return story


def _row(number: int, contact: ContactRead, sheet: Sheet, with_owner: bool) -> list[str]:
    fmt = sheet.fmt
    company = " · ".join(part for part in (contact.company_name, contact.title) if part)
    phones = "\n".join(fmt.phone(phone.value) for phone in contact.phones)
    row = [str(number), contact.display_name, company, phones, contact.primary_email,
           fmt.label(contact.lifecycle_stage)]
    return row + [contact.owner] if with_owner else row
