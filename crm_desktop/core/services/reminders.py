"""Follow-up reminders: due times in UTC, RFC 5545 recurrence in the reminder's own time zone,
snooze and done.

A recurring reminder keeps its IANA time zone and the start of its series: every "done" expands
the rule in local time from that start (so "Mondays 07:00 in Shanghai" stays Monday 07:00 there,
across daylight-saving changes, and COUNT/UNTIL end the series), and moves the reminder to the
first occurrence after both now and its current due time.
"""

from __future__ import annotations

import builtins
import zoneinfo
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, tzinfo
from functools import lru_cache
from typing import Any, Literal

from dateutil.rrule import rrule, rrulestr
from sqlalchemy import func
from sqlmodel import col, select

from crm_desktop.core.domain import rules
from crm_desktop.core.domain.changes import Outcome
from crm_desktop.core.domain.models import ReminderCreate, ReminderFields, ReminderRead
from crm_desktop.core.errors import ValidationError
from crm_desktop.core.i18n import N_
from crm_desktop.core.ids import new_id
from crm_desktop.core.services.ordering import (
    Ordering,
    SortKey,
    by,
    live_owners,
    read_page,
    sort_parts,
)
from crm_desktop.core.services.tagging import live_matching
from crm_desktop.core.storage.database import Database, Tx, get_live
from crm_desktop.core.storage.tables import Contact, Deal, Reminder, ServiceLog
from crm_desktop.core.storage.types import utcnow

DueFilter = Literal["today", "overdue", "week", "all"]
DEFAULT_TIMEZONE = "UTC"
LATEST_YEAR = 2199
END_OF_TIME = datetime(LATEST_YEAR + 1, 1, 1, tzinfo=UTC)
SCHEDULE_FIELDS = ("due_at", "rrule", "timezone")
TOO_OFTEN = ("FREQ=SECONDLY", "FREQ=MINUTELY")  # expanding years of these takes seconds
SOONEST_FIRST = Ordering("due")


@dataclass(frozen=True)
class ReminderQuery:
    """Which reminders a list shows: open ones unless `include_done`, limited by `due` (by
    effective due time; "today" and "week" include what is overdue, since what is late is
    still to do)."""

    due: DueFilter = "all"
    contact_id: str | None = None
    owner: str | None = None
    include_done: bool = False
    order: Ordering = SOONEST_FIRST


def reminder_sorts() -> dict[str, SortKey]:
    """The keys the reminder list sorts by (REMINDER_SORTS): the effective due time (a snoozed
    reminder at its snooze time) and the title; contact, repeat and status are not sortable."""
    return {"due": by(_effective_due()), "title": by(Reminder.title)}


@lru_cache(maxsize=1)
def _zone_names() -> dict[str, str]:
    """Every IANA zone name this machine knows, keyed by its lower-case spelling."""
    return {name.lower(): name for name in zoneinfo.available_timezones()}


def zone_name(name: str) -> str:
    """The canonical IANA spelling of `name` (e.g. "Asia/Shanghai"), or a ValidationError."""
    if name.strip().upper() == DEFAULT_TIMEZONE:
        return DEFAULT_TIMEZONE  # known even where the system has no time zone data
    canonical = _zone_names().get(name.strip().lower())
    if canonical is None:
        raise _unknown_zone(name)
    return canonical


def time_zone(name: str) -> tzinfo:
    """The zone called `name` (as stored), or a ValidationError quoting it."""
    if name == DEFAULT_TIMEZONE:
        return UTC
    try:
        return zoneinfo.ZoneInfo(name)
    except (ValueError, KeyError, OSError):
        raise _unknown_zone(name) from None


def _unknown_zone(name: str) -> ValidationError:
    return ValidationError(N_("'{value}' is not a known time zone (use an IANA name such as "
                              "Asia/Shanghai or America/New_York)."), field="timezone", value=name)


def not_too_late(value: datetime, field: str) -> datetime:
    """Any time up to the end of LATEST_YEAR; later ones are surely typing mistakes."""
    rules.aware(value, field)
    if value >= END_OF_TIME:
        raise ValidationError(N_("'{value}' is too far in the future: the latest year accepted "
                                 "is {year}."), field=field, value=value.date().isoformat(),
                              year=LATEST_YEAR)
    return value


def check_rrule(rule: str, start: datetime) -> str:
    """A single RRULE body (optional `RRULE:` prefix), upper-cased; `start` is the local start.

    DTSTART, several rules, EXDATE/RDATE lines and line breaks are refused: the start of the
    series is the reminder's due time and its zone, not something hidden in the rule text.
    """
    body = rule.strip().upper().removeprefix("RRULE:")
    if not body:
        return ""
    if "DTSTART" in body or ":" in body or any(char.isspace() for char in body):
        raise ValidationError(N_("'{value}' is not a single recurrence rule: give only the rule, "
                                 "e.g. FREQ=WEEKLY;BYDAY=MO (it starts at the due time)."),
                              field="rrule", value=rule)
    try:
        parsed = rrulestr(body, dtstart=start)
    except (ValueError, TypeError, KeyError, AttributeError):
        parsed = None
    if not isinstance(parsed, rrule):
        raise ValidationError(N_("'{value}' is not a valid recurrence rule (RFC 5545 RRULE)."),
                              field="rrule", value=rule)
    if any(part in TOO_OFTEN for part in body.split(";")):
        raise ValidationError(N_("'{value}' repeats too often: a reminder repeats at most "
                                 "hourly."), field="rrule", value=rule)
    return body


def next_occurrence(rule: str, zone: str, series_start: datetime,
                    after: datetime) -> datetime | None:
    """The first occurrence strictly after `after` (UTC), of `rule` expanded in local time of
    `zone` from `series_start`; None when the series has ended (COUNT, UNTIL, or year 2199)."""
    local_start = series_start.astimezone(time_zone(zone))
    following = rrulestr(rule, dtstart=local_start).after(after.astimezone(UTC))
    if following is None:
        return None
    following = following.astimezone(UTC)
    return following if following < END_OF_TIME else None


class ReminderService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def add(self, new: ReminderCreate) -> Outcome[ReminderRead]:
        with self._db.transaction("reminder.add") as tx:
            values = self._clean(tx, new, None)
            row = tx.insert(Reminder(id=new_id(), **values))
            return Outcome(ReminderRead.model_validate(row), tx.changes())

    def update(self, reminder_id: str, changes: ReminderFields) -> Outcome[ReminderRead]:
        """Change fields; a new due time, rule or zone starts the series again from the due time."""
        with self._db.transaction("reminder.update") as tx:
            row = tx.get(Reminder, reminder_id)
            tx.update(row, self._clean(tx, changes, row))
            return Outcome(ReminderRead.model_validate(row), tx.changes())

    def done(self, reminder_id: str, at: datetime | None = None) -> Outcome[ReminderRead]:
        """Mark done; a recurring reminder moves to its next occurrence after now instead, and
        is done for good when its series has ended."""
        now = rules.aware(at, "at") if at else utcnow()
        with self._db.transaction("reminder.done") as tx:
            row = _open_reminder(tx, reminder_id)
            following = next_occurrence(
                row.rrule, row.timezone, row.series_start or row.due_at,
                max(now, row.due_at)) if row.rrule else None
            if following:
                tx.update(row, {"due_at": following, "snoozed_until": None})
            else:
                tx.update(row, {"done_at": now, "snoozed_until": None})
            return Outcome(ReminderRead.model_validate(row), tx.changes())

    def snooze(self, reminder_id: str, until: datetime) -> Outcome[ReminderRead]:
        not_too_late(until, "until")
        with self._db.transaction("reminder.snooze") as tx:
            row = _open_reminder(tx, reminder_id)
            tx.update(row, {"snoozed_until": until})
            return Outcome(ReminderRead.model_validate(row), tx.changes())

    def delete(self, reminder_id: str) -> Outcome[None]:
        with self._db.transaction("reminder.delete") as tx:
            tx.soft_delete(tx.get(Reminder, reminder_id))
            return Outcome(None, tx.changes())

    def get(self, reminder_id: str) -> ReminderRead:
        with self._db.read() as session:
            return ReminderRead.model_validate(get_live(session, Reminder, reminder_id))

    def count(self, query: ReminderQuery = ReminderQuery(), *, now: datetime | None = None,
              day_start: datetime | None = None) -> int:
        statement = _filtered(select(func.count()).select_from(Reminder), query, now, day_start)
        with self._db.read() as session:
            return int(session.exec(statement).one())

    def page(self, query: ReminderQuery = ReminderQuery(), offset: int = 0, limit: int = 100, *,
             now: datetime | None = None,
             day_start: datetime | None = None) -> builtins.list[ReminderRead]:
        """Reminders in the query's order (by default the soonest effective due time first).

        `now` and `day_start` (the start of today in the user's local time, an aware datetime)
        place the due filter; they default to the current time and the start of its UTC day.
        """
        parts = sort_parts(query.order, reminder_sorts(), col(Reminder.id))
        with self._db.read() as session:
            rows = read_page(session, _filtered(select(Reminder), query, now, day_start),
                             _filtered(select(func.count()).select_from(Reminder), query, now,
                                       day_start), parts, offset, limit)
            return [ReminderRead.model_validate(r) for r in rows]

    def list(self, due: DueFilter = "all", *, now: datetime | None = None,
             day_start: datetime | None = None, contact_id: str | None = None,
             limit: int = 500) -> builtins.list[ReminderRead]:
        """The first open reminders by effective due time: `page` for a due filter and a contact."""
        return self.page(ReminderQuery(due=due, contact_id=contact_id), limit=limit, now=now,
                         day_start=day_start)

    def owners(self) -> builtins.list[str]:
        """Everyone who owns at least one live reminder, for the owner filter."""
        with self._db.read() as session:
            return live_owners(session, Reminder)

    def due_between(self, after: datetime, until: datetime,
                    limit: int = 100) -> builtins.list[ReminderRead]:
        """Open reminders whose effective due time is in [after, until), earliest first
        (what fell due since the last look, however many older ones are overdue)."""
        effective = _effective_due()
        query = select(Reminder).where(col(Reminder.deleted_at).is_(None),
                                       col(Reminder.done_at).is_(None),
                                       effective >= rules.aware(after, "after"),
                                       effective < rules.aware(until, "until"))
        with self._db.read() as session:
            rows = session.exec(query.order_by(effective).limit(limit))
            return [ReminderRead.model_validate(r) for r in rows]

    def count_overdue(self, now: datetime | None = None) -> int:
        """How many open reminders are past their effective due time."""
        query = select(func.count()).select_from(Reminder).where(
            col(Reminder.deleted_at).is_(None), col(Reminder.done_at).is_(None),
            _effective_due() < (now or utcnow()))
        with self._db.read() as session:
            return int(session.exec(query).one())

    @staticmethod
    def _clean(tx: Tx, fields: ReminderFields, row: Reminder | None) -> dict[str, Any]:
        """Checked values to write; `row` is None when creating."""
        given = {k: v for k, v in fields.model_dump(exclude_unset=True).items() if v is not None}
        if "title" in given or row is None:
            given["title"] = rules.required_text(given.get("title"), "title")
        if "due_at" in given:
            not_too_late(given["due_at"], "due_at")
        if "timezone" in given or row is None:
            given["timezone"] = zone_name(given.get("timezone", DEFAULT_TIMEZONE))
        for link, table in (("contact_id", Contact), ("deal_id", Deal),
                            ("service_log_id", ServiceLog)):
            if given.get(link):
                tx.get(table, given[link])
        if row is None or any(field in given for field in SCHEDULE_FIELDS):
            given |= _schedule(given, row)
        return given


def _schedule(given: dict[str, Any], row: Reminder | None) -> dict[str, Any]:
    """The series restarts at the (new) due time; the rule is checked in the (new) zone."""
    due: datetime = given["due_at"] if "due_at" in given or row is None else row.due_at
    zone = given["timezone"] if "timezone" in given or row is None else row.timezone
    rule = given.get("rrule", row.rrule if row else "")
    return {"series_start": due, "rrule": check_rrule(rule, due.astimezone(time_zone(zone)))}


def _open_reminder(tx: Tx, reminder_id: str) -> Reminder:
    row = tx.get(Reminder, reminder_id)
    if row.done_at is not None:
        raise ValidationError(N_("This reminder is already done."))
    return row


def _effective_due() -> Any:
    return func.coalesce(Reminder.snoozed_until, Reminder.due_at)


def _filtered(statement: Any, query: ReminderQuery, now: datetime | None,
              day_start: datetime | None) -> Any:
    now = now or utcnow()
    start = day_start or now.replace(hour=0, minute=0, second=0, microsecond=0)
    before: dict[str, datetime | None] = {
        "overdue": now, "today": start + timedelta(days=1),
        "week": start + timedelta(days=7), "all": None}
    high = before[rules.choice(query.due, before, "due")]
    statement = live_matching(statement, Reminder, contact_id=query.contact_id, owner=query.owner)
    if not query.include_done:
        statement = statement.where(col(Reminder.done_at).is_(None))
    if high is not None:
        statement = statement.where(_effective_due() < high)
    return statement
