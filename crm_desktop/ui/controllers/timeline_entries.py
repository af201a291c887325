"""What a record's timeline shows, as display-ready entries, newest first.

A contact's: its notes and activities, service logs, deals, reminders and field history (from
the journal). A company's: its notes and activities, deals, people and field history."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication

from crm_desktop.core.crm import Crm
from crm_desktop.core.domain.labels import value_label
from crm_desktop.core.domain.models import HistoryEntry
from crm_desktop.core.errors import FIELD_LABELS
from crm_desktop.core.i18n import _
from crm_desktop.core.services.contacts import ContactQuery
from crm_desktop.core.services.deals import DealQuery
from crm_desktop.ui.models.deals_model import money_text
from crm_desktop.ui.models.reminders_model import local_text

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")

LIMIT = 200
HIDDEN_FIELDS = frozenset({"id", "created_at", "updated_at", "deleted_at", "search_text"})
# The entities whose records appear on a contact's timeline (names as in `Changes`).
TIMELINE_ENTITIES = ("note", "deal", "service", "reminder")
# … and on a company's timeline (its people are contacts).
COMPANY_TIMELINE_ENTITIES = ("note", "deal", "contact")
CODE_FIELDS = frozenset({"lifecycle_stage", "status", "channel", "priority", "kind"})


@dataclass(frozen=True)
class TimelineEntry:
    at: datetime
    kind: str      # note, call, meeting, email, service, deal, reminder, person, history
    title: str     # the main line: a note's text, a deal's title, a field change…
    detail: str    # the second line, after the time: kind, status, amount, who…
    row_id: str


def contact_timeline(crm: Crm, contact_id: str) -> list[TimelineEntry]:
    """Everything about the contact, newest first."""
    entries = [*notes(crm, contact_id), *service_logs(crm, contact_id), *deals(crm, contact_id),
               *reminders(crm, contact_id), *history(crm.history.of(contact_id))]
    return sorted(entries, key=lambda e: e.at, reverse=True)


def company_timeline(crm: Crm, company_id: str) -> list[TimelineEntry]:
    """Everything about the company, newest first."""
    entries = [*notes(crm, company_id), *deals(crm, company_id, DealQuery(company_id=company_id)),
               *people(crm, company_id), *history(crm.history.of(company_id))]
    return sorted(entries, key=lambda e: e.at, reverse=True)


def notes(crm: Crm, record_id: str) -> Iterable[TimelineEntry]:
    """The notes and activities on a contact, company or deal."""
    for note in crm.notes.for_record(record_id, limit=LIMIT):
        yield TimelineEntry(note.occurred_at, note.kind, note.body,
                            value_label(note.kind).capitalize(), note.id)


def service_logs(crm: Crm, contact_id: str) -> Iterable[TimelineEntry]:
    for log in crm.service.list(contact_id=contact_id, limit=LIMIT):
        detail = translate("Timeline", "Service log · %1 · %2").replace(
            "%1", value_label(log.status)).replace("%2", value_label(log.channel))
        yield TimelineEntry(log.opened_at, "service", log.subject, detail, log.id)


def deals(crm: Crm, contact_id: str, query: DealQuery | None = None) -> Iterable[TimelineEntry]:
    """The contact's deals (or those `query` selects, e.g. a company's)."""
    for deal in crm.deals.page(query or DealQuery(contact_id=contact_id), limit=LIMIT):
        stage = deal.stage_name if deal.status == "open" else value_label(deal.status)
        detail = translate("Timeline", "Deal · %1 · %2").replace("%1", stage).replace(
            "%2", money_text(deal.amount, deal.currency))
        yield TimelineEntry(deal.created_at, "deal", deal.title, detail, deal.id)


def people(crm: Crm, company_id: str) -> Iterable[TimelineEntry]:
    """The company's people, each dated by when it was added."""
    for contact in crm.contacts.page(ContactQuery(company_id=company_id), limit=LIMIT):
        if contact.title:
            detail = translate("Timeline", "Person · %1").replace("%1", contact.title)
        else:
            detail = translate("Timeline", "Person")
        yield TimelineEntry(contact.created_at, "person", contact.display_name, detail,
                            contact.id)


def reminders(crm: Crm, contact_id: str) -> Iterable[TimelineEntry]:
    for reminder in crm.reminders.list("all", contact_id=contact_id, limit=LIMIT):
        due = local_text(reminder.snoozed_until or reminder.due_at)
        if reminder.done_at is not None:
            detail = translate("Timeline", "Follow-up · due %1 · done").replace("%1", due)
        else:
            detail = translate("Timeline", "Follow-up · due %1").replace("%1", due)
        yield TimelineEntry(reminder.created_at, "reminder", reminder.title, detail, reminder.id)


def history(entries: Iterable[HistoryEntry]) -> Iterable[TimelineEntry]:
    """One entry per changed field; a creation, deletion or restore is one entry per batch."""
    seen_batches: set[str] = set()
    for entry in entries:
        if entry.op in ("update", "undo"):
            if entry.field not in HIDDEN_FIELDS:
                yield _entry(entry, change_text(entry.field, entry.old_value, entry.new_value))
        elif entry.batch_id not in seen_batches:
            seen_batches.add(entry.batch_id)
            yield _entry(entry, value_label(entry.op).capitalize())


def _entry(entry: HistoryEntry, title: str) -> TimelineEntry:
    who = entry.actor or translate("Timeline", "someone")
    detail = translate("Timeline", "by %1").replace("%1", who)
    return TimelineEntry(entry.at, "history", title, detail, f"{entry.batch_id}:{entry.field}")


def change_text(field: str, old: Any, new: Any) -> str:
    """"Title: '' → 'Buyer'" (stored codes shown by their names)."""
    label = _(FIELD_LABELS[field]) if field in FIELD_LABELS else field.replace("_", " ").capitalize()
    return f"{label}: {shown_value(field, old)} → {shown_value(field, new)}"


def shown_value(field: str, value: Any) -> str:
    if isinstance(value, list):
        value = ", ".join(str(v.get("value", v)) if isinstance(v, dict) else str(v)
                          for v in value)
    elif isinstance(value, dict):
        value = json.dumps(value, ensure_ascii=False)
    elif isinstance(value, bool):
        value = translate("Timeline", "yes") if value else translate("Timeline", "no")
    elif value is None:
        value = ""
    text = value_label(str(value)) if field in CODE_FIELDS else str(value)
    return f"'{text[:60]}'"
