"""Reminder actions shared by the reminders page, the notification banner and Today:
local-time arithmetic for snoozing, and the calls that publish what changed."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, time, timedelta

from crm_desktop.core.crm import Crm
from crm_desktop.ui.changes import ChangeBus

Clock = Callable[[], datetime]
MORNING = time(9, 0)
SNOOZE_CHOICES = ("10min", "1h", "tomorrow")


def utc_now() -> datetime:
    return datetime.now(UTC)


def local_day_start(now: datetime) -> datetime:
    """Midnight at the start of `now`'s day in the computer's local time zone (aware)."""
    return datetime.combine(now.astimezone().date(), time()).astimezone()


def tomorrow_morning(now: datetime) -> datetime:
    """09:00 local time on the day after `now` (aware; right across daylight-saving changes)."""
    tomorrow = now.astimezone().date() + timedelta(days=1)
    return datetime.combine(tomorrow, MORNING).astimezone()


def snooze_until(choice: str, now: datetime) -> datetime:
    """When a snooze chosen as "10min", "1h" or "tomorrow" at `now` ends."""
    if choice == "10min":
        return now + timedelta(minutes=10)
    if choice == "1h":
        return now + timedelta(hours=1)
    if choice == "tomorrow":
        return tomorrow_morning(now)
    raise ValueError(choice)


class ReminderActions:
    """Done / snooze / delete through the core, each publishing its changes on the bus."""

    def __init__(self, crm: Crm, bus: ChangeBus, now: Clock = utc_now) -> None:
        self._crm = crm
        self._bus = bus
        self._now = now

    def done(self, reminder_id: str) -> None:
        self._bus.publish(self._crm.reminders.done(reminder_id, at=self._now()).changes)

    def snooze(self, reminder_id: str, choice: str) -> None:
        until = snooze_until(choice, self._now())
        self._bus.publish(self._crm.reminders.snooze(reminder_id, until).changes)

    def delete(self, reminder_id: str) -> None:
        self._bus.publish(self._crm.reminders.delete(reminder_id).changes)
