"""Open reminders as an iCalendar file (RFC 5545) for any calendar app.

Each reminder is a VEVENT, not a VTODO: a reminder is a to-do, but Google Calendar, Outlook.com
and many phone calendars drop VTODOs on import, while every calendar app shows a VEVENT. The
event starts at the due time (a snoozed one-off reminder at its snooze time) in the reminder's
own time zone (DTSTART;TZID=Asia/Shanghai, with its VTIMEZONE; UTC reminders in UTC), has no
end (RFC 5545: it ends when it starts) and a display alarm at that moment. A recurring reminder
starts at the start of its series and carries its RRULE, so the calendar repeats it exactly as
the app does (COUNT and UNTIL included). UID is the reminder's id (a re-import updates the
event); SUMMARY is the title; DESCRIPTION the contact's name and the notes.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from icalendar import Alarm, Calendar, Event, vRecur
from sqlalchemy import and_
from sqlalchemy import select as select_columns
from sqlmodel import Session, col, func, select

from crm_desktop.core.io.exports.output import Progress, atomic_file, report
from crm_desktop.core.services.reminders import time_zone
from crm_desktop.core.storage.tables import Contact, Reminder

PRODID = "-//crm_desktop//Reminders//EN"
READ: tuple[Any, ...] = (Reminder.id, Reminder.title, Reminder.due_at, Reminder.snoozed_until, Reminder.rrule,
        Reminder.timezone, Reminder.series_start, Reminder.notes)


def write_reminders_ics(session: Session, path: Path, owner: str | None = None,
                        progress: Progress | None = None) -> int:
    """Write the open reminders (of `owner`, when given) to `path`; returns how many."""
    total = int(session.exec(_open(select(func.count()).select_from(Reminder), owner)).one())
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    stamp, done = datetime.now(UTC), 0
    for reminder in _reminders(session, owner):
        calendar.add_component(event(reminder, stamp))
        done += 1
        report(progress, done, total)
    calendar.add_missing_timezones()
    with atomic_file(path) as handle:
        handle.write(calendar.to_ical())
    return done


def event(reminder: Mapping[str, Any], stamp: datetime) -> Event:
    """One reminder (its stored values plus `contact_name`) as a VEVENT."""
    zone = time_zone(reminder["timezone"])
    recurring = bool(reminder["rrule"])
    start = (reminder["series_start"] or reminder["due_at"]) if recurring else (
        reminder["snoozed_until"] or reminder["due_at"])
    item = Event()
    item.add("uid", reminder["id"])
    item.add("dtstamp", stamp)
    item.add("dtstart", start.astimezone(zone))
    item.add("summary", reminder["title"])
    if recurring:
        item.add("rrule", vRecur.from_ical(reminder["rrule"]))
    description = "\n".join(text for text in (reminder["contact_name"], reminder["notes"]) if text)
    if description:
        item.add("description", description)
    item.add_component(_alarm(reminder["title"]))
    return item


def _alarm(title: str) -> Alarm:
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("trigger", timedelta(0))
    alarm.add("description", title)
    return alarm


def _open(statement: Any, owner: str | None) -> Any:
    statement = statement.where(col(Reminder.done_at).is_(None), col(Reminder.deleted_at).is_(None))
    return statement.where(Reminder.owner == owner) if owner else statement


def _reminders(session: Session, owner: str | None) -> Iterator[dict[str, Any]]:
    """Open reminders, soonest first, with the name of their live contact."""
    linked = and_(col(Contact.id) == Reminder.contact_id, col(Contact.deleted_at).is_(None))
    statement = (_open(select_columns(*READ, col(Contact.display_name).label("contact_name")), owner)
                 .outerjoin(Contact, linked)
                 .order_by(func.coalesce(Reminder.snoozed_until, Reminder.due_at), Reminder.id))
    for row in session.execute(statement).yield_per(1000):
        yield dict(row._mapping)
