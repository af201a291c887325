"""The customer profile: details, then people, deals, open reminders, service history, notes."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal

from reportlab.platypus import Flowable

from crm_desktop.core.domain.models import Address, CompanyRead, ContactRead, DealRead
from crm_desktop.core.i18n import N_
from crm_desktop.core.reports.blocks import Sheet, empty, facts, heading, lead_in, text
from crm_desktop.core.reports.columns import Column, Row
from crm_desktop.core.reports.datasets.profile import Profile


def render(data: Profile, sheet: Sheet) -> list[Flowable]:
    tr = sheet.tr
    story: list[Flowable] = [heading(tr(N_("Details")))]
    if data.contact:
        story.append(facts(_contact_facts(data.contact, sheet), sheet.width))
    elif data.company:
        story += _company_details(data.company, sheet)
        story += [heading(tr(N_("People"))), *_people(data.people, sheet)]
    story += [heading(tr(N_("Deals"))), *_deals(data, sheet)]
    story += [heading(tr(N_("Open reminders"))), *_reminders(data, sheet)]
    story += [heading(tr(N_("Service history"))), *_service(data, sheet)]
    story += [heading(tr(N_("Notes and activities"))), *_notes(data, sheet)]
    return story


def _contact_facts(contact: ContactRead, sheet: Sheet) -> list[tuple[str, str]]:
    tr, fmt = sheet.tr, sheet.fmt
    consent = ""
    if contact.marketing_consent:
        consent = " · ".join(part for part in (tr(N_("yes")), fmt.date(contact.consent_date),
                                               contact.consent_source) if part)
    pairs = [(tr(N_("Company")), contact.company_name), (tr(N_("Job title")), contact.title),
             (tr(N_("Phone")), _labeled((p.label, fmt.phone(p.value)) for p in contact.phones)),
             (tr(N_("Email")), _labeled((e.label, e.value) for e in contact.emails)),
             (tr(N_("Lifecycle stage")), fmt.label(contact.lifecycle_stage)),
             (tr(N_("Owner")), contact.owner), (tr(N_("Lead source")), contact.lead_source),
             (tr(N_("Birthday")), fmt.date(contact.birthday)),
             (tr(N_("Tags")), ", ".join(contact.tags)),
             (tr(N_("Marketing consent")), consent),
             (tr(N_("Added")), fmt.date(contact.created_at)),
             (tr(N_("Address")), "\n".join(_address(a) for a in contact.addresses))]
    return pairs + sorted(contact.custom_fields.items())


def _labeled(items: Iterable[tuple[str, str]]) -> str:
    return "\n".join(f"{value} ({label})" if label else value for label, value in items)


def _address(address: Address) -> str:
    parts = (address.street, address.city, address.region, address.postcode, address.country)
    line = ", ".join(part for part in parts if part)
    return f"{line} ({address.label})" if address.label and line else line


def _company_details(company: CompanyRead, sheet: Sheet) -> list[Flowable]:
    tr, fmt = sheet.tr, sheet.fmt
    pairs = [(tr(N_("Industry")), company.industry), (tr(N_("Phone")), fmt.phone(company.phone)
                                                      if company.phone else ""),
             (tr(N_("Website")), company.website), (tr(N_("Owner")), company.owner),
             (tr(N_("Tags")), ", ".join(company.tags)),
             (tr(N_("Added")), fmt.date(company.created_at)),
             (tr(N_("Address")), company.address)]
    story: list[Flowable] = [facts(pairs, sheet.width)]
    if company.notes:
        story.append(text(company.notes))
    return story


def _people(people: Sequence[ContactRead], sheet: Sheet) -> list[Flowable]:
    tr, fmt = sheet.tr, sheet.fmt
    if not people:
        return [empty(tr(N_("No people are linked to this company.")))]
    columns = [Column(tr(N_("Name")), 22), Column(tr(N_("Job title")), 16, optional=True),
               Column(tr(N_("Phone")), 20), Column(tr(N_("Email")), 28),
               Column(tr(N_("Stage")), 14)]
    return [sheet.table(columns, ([p.display_name, p.title,
                                   "\n".join(fmt.phone(x.value) for x in p.phones),
                                   p.primary_email, fmt.label(p.lifecycle_stage)]
                                  for p in people))]


def _deals(data: Profile, sheet: Sheet) -> list[Flowable]:
    tr, fmt = sheet.tr, sheet.fmt
    if not data.deals:
        return [empty(tr(N_("No deals.")))]
    columns = [Column(tr(N_("Deal")), 26), Column(tr(N_("Stage")), 14),
               Column(tr(N_("Status")), 10), Column(tr(N_("Amount")), 18, "RIGHT"),
               Column(tr(N_("Expected close")), 18), Column(tr(N_("Owner")), 14, optional=True)]
    rows: list[Row] = [Row([deal.title, deal.stage_name, fmt.label(deal.status),
                            fmt.money(deal.amount, deal.currency), fmt.date(deal.expected_close),
                            deal.owner]) for deal in data.deals]
    for status, label in (("open", N_("Open total")), ("won", N_("Won total"))):
        totals = _sum(d for d in data.deals if d.status == status)
        if totals:
            rows.append(Row([tr(label), "", "", fmt.totals(totals), "", ""], total=True))
    return [sheet.table(columns, rows)]


def _sum(deals: Iterable[DealRead]) -> dict[str, Decimal]:
    totals: dict[str, Decimal] = {}
    for deal in deals:
        totals[deal.currency] = totals.get(deal.currency, Decimal(0)) + deal.amount
    return totals


def _reminders(data: Profile, sheet: Sheet) -> list[Flowable]:
    tr, fmt = sheet.tr, sheet.fmt
    if not data.reminders:
        return [empty(tr(N_("No open reminders.")))]
    columns = [Column(tr(N_("Due")), 22), Column(tr(N_("Reminder")), 44),
               Column(tr(N_("Contact")), 20, optional=True),
               Column(tr(N_("Owner")), 14, optional=True)]
    return [sheet.table(columns, ([fmt.datetime(r.effective_due), r.title,
                                   _person(data, r.contact_id), r.owner]
                                  for r in data.reminders))]


def _person(data: Profile, contact_id: str | None) -> str:
    """Who, on a company's profile (its people differ); on a contact's it goes without saying."""
    return data.names.get(contact_id or "", "") if data.company else ""


def _service(data: Profile, sheet: Sheet) -> list[Flowable]:
    tr, fmt = sheet.tr, sheet.fmt
    if not data.service:
        return [empty(tr(N_("No service history.")))]
    columns = [Column(tr(N_("Opened")), 15), Column(tr(N_("Subject")), 27),
               Column(tr(N_("Contact")), 16, optional=True),
               Column(tr(N_("Channel")), 10), Column(tr(N_("Priority")), 10),
               Column(tr(N_("Status")), 12), Column(tr(N_("Resolved")), 15),
               Column(tr(N_("Satisfaction")), 11, "RIGHT", optional=True)]
    return [sheet.table(columns, ([fmt.date(s.opened_at), s.subject,
                                   _person(data, s.contact_id), fmt.label(s.channel),
                                   fmt.label(s.priority), fmt.label(s.status),
                                   fmt.date(s.resolved_at),
                                   f"{s.satisfaction}/5" if s.satisfaction else ""]
                                  for s in data.service))]


def _notes(data: Profile, sheet: Sheet) -> list[Flowable]:
    """A timeline in paragraphs, not a table: a long note may run over a page break."""
    fmt = sheet.fmt
    if not data.notes:
        return [empty(sheet.tr(N_("No notes or activities.")))]
    story: list[Flowable] = []
    for note in data.notes:
        meta = " · ".join(part for part in (fmt.datetime(note.occurred_at), fmt.label(note.kind),
                                            note.owner) if part)
        story += [lead_in(meta), text(note.body)]
    return story
