"""The reports there are: each one's name, title, the options it takes, its data and its pages."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from reportlab.platypus import Flowable

from crm_desktop.core.i18n import N_
from crm_desktop.core.reports.blocks import Sheet
from crm_desktop.core.reports.datasets import agenda, contacts, pipeline, profile, service, summary
from crm_desktop.core.reports.options import ReportOptions
from crm_desktop.core.reports.progress import Progress
from crm_desktop.core.reports.render import agenda as agenda_pages
from crm_desktop.core.reports.render import contacts as contacts_pages
from crm_desktop.core.reports.render import pipeline as pipeline_pages
from crm_desktop.core.reports.render import profile as profile_pages
from crm_desktop.core.reports.render import service as service_pages
from crm_desktop.core.reports.render import summary as summary_pages

if TYPE_CHECKING:
    from crm_desktop.core.crm import Crm

Collect = Callable[["Crm", ReportOptions, Progress], Any]
Render = Callable[[Any, Sheet], list[Flowable]]


@dataclass(frozen=True)
class ReportKind:
    name: str
    title: str                   # a msgid, translated into the report's language
    description: str             # a msgid: one line for a list of reports
    accepts: frozenset[str]      # the options of FILTERS it can be narrowed by
    collect: Collect
    render: Render

    @property
    def uses_period(self) -> bool:
        return "period" in self.accepts


KINDS = (
    ReportKind("contacts", N_("Contact list"),
               N_("names, companies, phone numbers and e-mail addresses, to print and call"),
               frozenset({"tag", "owner", "lifecycle_stage", "search"}),
               contacts.collect, contacts_pages.render),
    ReportKind("profile", N_("Customer profile"),
               N_("one contact or company: details, deals, reminders, service history, notes"),
               frozenset({"contact_id", "company_id"}), profile.collect, profile_pages.render),
    ReportKind("pipeline", N_("Sales pipeline and forecast"),
               N_("open deals by stage with weighted value, expected closes, won and lost"),
               frozenset({"period", "owner", "tag"}), pipeline.collect, pipeline_pages.render),
    ReportKind("agenda", N_("Follow-up agenda"),
               N_("overdue, today's and this week's reminders by owner and day, with phones"),
               frozenset({"owner"}), agenda.collect, agenda_pages.render),
    ReportKind("service", N_("Service report"),
               N_("service logs of a period by status, category and priority; resolution; "
                  "satisfaction"),
               frozenset({"period", "owner"}), service.collect, service_pages.render),
    ReportKind("summary", N_("Business summary"),
               N_("key figures of a period, each defined in a footnote"),
               frozenset({"period"}), summary.collect, summary_pages.render),
)
BY_NAME = {kind.name: kind for kind in KINDS}

# How the header names each filter, and how an error message names it.
FILTER_LABELS = {"period": N_("Period"), "tag": N_("Tag"), "owner": N_("Owner"),
                 "lifecycle_stage": N_("Lifecycle stage"), "search": N_("Search"),
                 "contact_id": N_("Contact"), "company_id": N_("Company")}
FILTER_NOUNS = {"period": N_("a period"), "tag": N_("a tag"), "owner": N_("an owner"),
                "lifecycle_stage": N_("a lifecycle stage"), "search": N_("a search text"),
                "contact_id": N_("a contact"), "company_id": N_("a company")}
