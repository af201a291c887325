"""Follow-up reminders: due times in UTC, RFC 5545 recurrence, snooze and done."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any, Literal

from dateutil.rrule import rrulestr
from sqlalchemy import func
from sqlmodel import col, select

from crm_desktop.core.domain import rules
from crm_desktop.core.domain.changes import Outcome
from crm_desktop.core.domain.models import ReminderCreate, ReminderFields, ReminderRead
from crm_desktop.core.errors import ValidationError
from crm_desktop.core.i18n import N_
from crm_desktop.core.ids import new_id
from crm_desktop.core.storage.database import Database, Tx, get_live
from crm_desktop.core.storage.tables import Contact, Deal, Reminder, ServiceLog
from crm_desktop.core.storage.types import utcnow

DueFilter = Literal["today", "overdue", "week", "all"]


def next_occurrence(rule: str, after: datetime, start: datetime) -> datetime | None:
    """The first occurrence of `rule` (anchored at `start`) strictly after `after`."""
    return rrulestr(rule, dtstart=start).after(after)


def check_rrule(rule: str, start: datetime) -> str:
    text = rule.strip().removeprefix("RRULE:")
    if not text:
        return ""
    try:
        rrulestr(text, dtstart=start)
    except (ValueError, TypeError):
        raise ValidationError(N_("'{value}' is not a valid recurrence rule (RFC 5545 RRULE)."),
                              field="rrule", value=rule) from None
    return text


class ReminderService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def add(self, new: ReminderCreate) -> Outcome[ReminderRead]:
        with self._db.transaction("reminder.add") as tx:
            values = self._clean(tx, new, creating=True)
            row = tx.insert(Reminder(id=new_id(), **values))
            return Outcome(ReminderRead.model_validate(row), tx.changes())

    def update(self, reminder_id: str, changes: ReminderFields) -> Outcome[ReminderRead]:
        with self._db.transaction("reminder.update") as tx:
            row = tx.get(Reminder, reminder_id)
            tx.update(row, self._clean(tx, changes, creating=False))
            return Outcome(ReminderRead.model_validate(row), tx.changes())

    def done(self, reminder_id: str, at: datetime | None = None) -> Outcome[ReminderRead]:
        """Mark done; a recurring reminder moves to its next occurrence instead."""
        now = at or utcnow()
        with self._db.transaction("reminder.done") as tx:
            row = tx.get(Reminder, reminder_id)
            following = next_occurrence(row.rrule, row.due_at, row.due_at) if row.rrule else None
            if following:
                tx.update(row, {"due_at": following, "snoozed_until": None})
            else:
                tx.update(row, {"done_at": now, "snoozed_until": None})
            return Outcome(ReminderRead.model_validate(row), tx.changes())

    def snooze(self, reminder_id: str, until: datetime) -> Outcome[ReminderRead]:
        rules.aware(until, "until")
        with self._db.transaction("reminder.snooze") as tx:
            row = tx.get(Reminder, reminder_id)
            tx.update(row, {"snoozed_until": until})
            return Outcome(ReminderRead.model_validate(row), tx.changes())

    def delete(self, reminder_id: str) -> Outcome[None]:
        with self._db.transaction("reminder.delete") as tx:
            tx.soft_delete(tx.get(Reminder, reminder_id))
            return Outcome(None, tx.changes())

    def get(self, reminder_id: str) -> ReminderRead:
        with self._db.read() as session:
            return ReminderRead.model_validate(get_live(session, Reminder, reminder_id))

    def list(self, due: DueFilter = "all", *, now: datetime | None = None,
             day_start: datetime | None = None, contact_id: str | None = None,
             limit: int = 500) -> list[ReminderRead]:
        """Open reminders by effective due time (snoozed ones at their snooze time).

        `day_start` is the start of today in the user's local time, as an aware datetime.
        """
        now = now or utcnow()
        start = day_start or now.replace(hour=0, minute=0, second=0, microsecond=0)
        effective = _effective_due()
        bounds: dict[str, tuple[datetime | None, datetime | None]] = {
            "overdue": (None, now), "today": (None, start + timedelta(days=1)),
            "week": (None, start + timedelta(days=7)), "all": (None, None)}
        _low, high = bounds[rules.choice(due, bounds, "due")]
        query = select(Reminder).where(col(Reminder.deleted_at).is_(None),
                                       col(Reminder.done_at).is_(None))
        if high is not None:
            query = query.where(effective < high)
        if contact_id:
            query = query.where(Reminder.contact_id == contact_id)
        with self._db.read() as session:
            rows = session.exec(query.order_by(effective).limit(limit))
            return [ReminderRead.model_validate(r) for r in rows]

    @staticmethod
    def _clean(tx: Tx, fields: ReminderFields, *, creating: bool) -> dict[str, Any]:
        given = {k: v for k, v in fields.model_dump(exclude_unset=True).items() if v is not None}
        if "title" in given or creating:
            given["title"] = rules.required_text(given.get("title"), "title")
        if "due_at" in given:
            rules.aware(given["due_at"], "due_at")
        for link, table in (("contact_id", Contact), ("deal_id", Deal),
                            ("service_log_id", ServiceLog)):
            if given.get(link):
                tx.get(table, given[link])
        if "rrule" in given:
            given["rrule"] = check_rrule(given["rrule"], given.get("due_at") or utcnow())
        return given



def _effective_due() -> Any:
    return func.coalesce(Reminder.snoozed_until, Reminder.due_at)

