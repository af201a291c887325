"""Customer profile: one contact, or one company with its people, and everything around them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from crm_desktop.core.domain.models import (
    CompanyRead,
    ContactRead,
    DealRead,
    NoteRead,
    ReminderRead,
    ServiceRead,
)
from crm_desktop.core.errors import NotFoundError, ReportSubjectNotFoundError
from crm_desktop.core.reports.options import ReportOptions
from crm_desktop.core.reports.progress import Progress
from crm_desktop.core.services.contacts import ContactQuery
from crm_desktop.core.services.deals import DealQuery
from crm_desktop.core.services.reminders import ReminderQuery

if TYPE_CHECKING:
    from crm_desktop.core.crm import Crm

LIMIT = 200  # per section: the newest; a profile is read, not a data dump


@dataclass(frozen=True)
class Profile:
    contact: ContactRead | None
    company: CompanyRead | None
    people: list[ContactRead] = field(default_factory=list)   # a company's contacts
    deals: list[DealRead] = field(default_factory=list)
    reminders: list[ReminderRead] = field(default_factory=list)  # open ones, soonest first
    service: list[ServiceRead] = field(default_factory=list)     # newest first
    notes: list[NoteRead] = field(default_factory=list)          # newest first
    names: dict[str, str] = field(default_factory=dict)          # contact id -> name

    @property
    def subtitle(self) -> str:
        if self.contact:
            return self.contact.display_name
        return self.company.name if self.company else ""


def collect(crm: Crm, options: ReportOptions, progress: Progress) -> Profile:
    if options.contact_id:
        return _contact_profile(crm, options.contact_id, progress)
    return _company_profile(crm, options.company_id or "", progress)


def _contact_profile(crm: Crm, contact_id: str, progress: Progress) -> Profile:
    try:
        contact = crm.contacts.get(contact_id)
    except NotFoundError:
        raise ReportSubjectNotFoundError(id=contact_id) from None
    progress(1, 5)
    deals = crm.deals.page(DealQuery(contact_id=contact_id), limit=LIMIT)
    progress(2, 5)
    reminders = crm.reminders.page(ReminderQuery(contact_id=contact_id), limit=LIMIT)
    progress(3, 5)
    service = crm.service.list(contact_id=contact_id, limit=LIMIT)
    progress(4, 5)
    notes = crm.notes.for_record(contact_id, limit=LIMIT)
    return Profile(contact, None, [], deals, reminders, service, notes,
                   {contact.id: contact.display_name})


def _company_profile(crm: Crm, company_id: str, progress: Progress) -> Profile:
    try:
        company = crm.companies.get(company_id)
    except NotFoundError:
        raise ReportSubjectNotFoundError(id=company_id) from None
    people = crm.contacts.page(ContactQuery(company_id=company_id), limit=LIMIT)
    deals = crm.deals.page(DealQuery(company_id=company_id), limit=LIMIT)
    reminders: list[ReminderRead] = []
    service: list[ServiceRead] = []
    for done, person in enumerate(people, 1):
        reminders += crm.reminders.page(ReminderQuery(contact_id=person.id), limit=LIMIT)
        service += crm.service.list(contact_id=person.id, limit=LIMIT)
        progress(done, len(people) + 1)
    reminders.sort(key=lambda r: (r.effective_due, r.id))
    service.sort(key=lambda s: (s.opened_at, s.id), reverse=True)
    notes = crm.notes.for_record(company_id, limit=LIMIT)
    return Profile(None, company, people, deals, reminders[:LIMIT], service[:LIMIT], notes,
                   {person.id: person.display_name for person in people})
