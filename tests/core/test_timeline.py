"""Reminders, service logs, notes and tags."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from crm_desktop.core.crm import Crm
from crm_desktop.core.domain.models import (
    ContactCreate,
    NoteCreate,
    ReminderCreate,
    ServiceCreate,
    ServiceUpdate,
)
from crm_desktop.core.errors import ValidationError

NOW = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)


def _reminder(crm: Crm, title: str, due: datetime, **extra: object) -> str:
    return crm.reminders.add(ReminderCreate(title=title, due_at=due, **extra)).value.id


def test_due_filters_split_overdue_today_and_week(crm: Crm) -> None:
    """Overdue, today and this week each list the reminders a salesperson expects."""
    _reminder(crm, "late", NOW - timedelta(hours=2))
    _reminder(crm, "this afternoon", NOW + timedelta(hours=5))
    _reminder(crm, "friday", NOW + timedelta(days=3))
    _reminder(crm, "next month", NOW + timedelta(days=30))
    day = NOW.replace(hour=0)

    def titles(due: str) -> list[str]:
        return [r.title for r in crm.reminders.list(due, now=NOW, day_start=day)]  # type: ignore[arg-type]
    assert titles("overdue") == ["late"]
    assert titles("today") == ["late", "this afternoon"]
    assert titles("week") == ["late", "this afternoon", "friday"]
    assert len(titles("all")) == 4


def test_snooze_moves_the_reminder_out_of_today(crm: Crm) -> None:
    """A snoozed reminder shows at its snooze time, not its original due time."""
    rid = _reminder(crm, "call back", NOW - timedelta(hours=1))
    crm.reminders.snooze(rid, NOW + timedelta(days=2))
    assert crm.reminders.list("overdue", now=NOW) == []
    assert crm.reminders.get(rid).effective_due == NOW + timedelta(days=2)


def test_recurring_reminder_moves_to_next_occurrence_when_done(crm: Crm) -> None:
    """Done on a monthly 'last day' reminder moves it to the next month's last day."""
    rid = _reminder(crm, "month end", datetime(2026, 1, 31, 9, tzinfo=UTC),
                    rrule="FREQ=MONTHLY;BYMONTHDAY=-1")
    after = crm.reminders.done(rid).value
    assert (after.due_at, after.done_at) == (datetime(2026, 2, 28, 9, tzinfo=UTC), None)


def test_one_off_reminder_done_leaves_the_lists(crm: Crm) -> None:
    """A finished one-off reminder is no longer listed."""
    rid = _reminder(crm, "once", NOW)
    crm.reminders.done(rid)
    assert crm.reminders.list("all") == []


def test_bad_recurrence_rule_is_refused(crm: Crm) -> None:
    """An RRULE that is not RFC 5545 is refused with the rule quoted."""
    with pytest.raises(ValidationError, match="FREQ=SOMETIMES"):
        _reminder(crm, "x", NOW, rrule="FREQ=SOMETIMES")


def test_naive_due_time_is_refused(crm: Crm) -> None:
    """A due time without a time zone cannot be stored as UTC and is refused."""
    with pytest.raises(ValidationError):
        _reminder(crm, "x", datetime(2026, 1, 1, 9))


def test_service_log_resolution_time_follows_status(crm: Crm) -> None:
    """Resolving stamps the resolution time; reopening clears it."""
    log = crm.service.add(ServiceCreate(subject="打印机故障", channel="wechat")).value
    assert log.status == "open" and log.resolved_at is None
    resolved = crm.service.update(log.id, ServiceUpdate(status="resolved", satisfaction=5)).value
    assert resolved.resolved_at is not None and resolved.satisfaction == 5
    reopened = crm.service.update(log.id, ServiceUpdate(status="in_progress")).value
    assert reopened.resolved_at is None


@pytest.mark.parametrize("change", [ServiceUpdate(satisfaction=6), ServiceUpdate(status="done"),
                                    ServiceUpdate(channel="fax")])
def test_service_log_rejects_out_of_range_values(crm: Crm, change: ServiceUpdate) -> None:
    """Satisfaction outside 1–5, unknown statuses and channels are refused."""
    log = crm.service.add(ServiceCreate(subject="x")).value
    with pytest.raises(ValidationError):
        crm.service.update(log.id, change)


def test_note_needs_a_record_and_appears_on_its_timeline(crm: Crm) -> None:
    """A note must belong to something; it shows on that contact's timeline."""
    with pytest.raises(ValidationError):
        crm.notes.add(NoteCreate(body="floating"))
    contact = crm.contacts.add(ContactCreate(display_name="王芳")).value
    crm.notes.add(NoteCreate(body="电话沟通", kind="call", contact_id=contact.id))
    assert [(n.kind, n.body) for n in crm.notes.for_record(contact.id)] == [("call", "电话沟通")]


def test_tags_add_and_remove(crm: Crm) -> None:
    """Tags can be added (without duplicates) and removed again."""
    contact = crm.contacts.add(ContactCreate(display_name="T")).value
    crm.tags.add("contact", contact.id, ["VIP", "vip", "北京"])
    assert crm.contacts.get(contact.id).tags == ("VIP", "北京")
    crm.tags.remove("contact", contact.id, ["vip"])
    assert crm.contacts.get(contact.id).tags == ("北京",)
    assert crm.tags.entity_of(contact.id) == "contact"
