"""Reminders: due filters, snooze, done, and recurrence in the reminder's own time zone."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from crm_desktop.core.config.paths import AppPaths
from crm_desktop.core.crm import Crm, open_crm
from crm_desktop.core.domain.models import ReminderCreate, ReminderFields
from crm_desktop.core.errors import ValidationError
from crm_desktop.core.storage import migrate
from crm_desktop.core.storage.engine import build_engine

NOW = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)
SHANGHAI = ZoneInfo("Asia/Shanghai")
NEW_YORK = ZoneInfo("America/New_York")


def _reminder(crm: Crm, title: str, due: datetime, **extra: Any) -> str:
    return crm.reminders.add(ReminderCreate(title=title, due_at=due, **extra)).value.id


def _done_until_finished(crm: Crm, rid: str) -> list[datetime]:
    """Mark done at each due time until the series ends; the due times it went through."""
    seen = []
    while (reminder := crm.reminders.get(rid)).done_at is None:
        seen.append(reminder.due_at)
        assert len(seen) < 50
        crm.reminders.done(rid, at=reminder.due_at)
    return seen


def test_due_filters_split_overdue_today_and_week(crm: Crm) -> None:
    """Overdue lists what is late; today and this week include the overdue ones too."""
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
    after = crm.reminders.done(rid, at=datetime(2026, 1, 31, 9, tzinfo=UTC)).value
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


# -- recurrence in local time -----------------------------------------------------------------

def test_weekly_rule_keeps_the_local_weekday(crm: Crm) -> None:
    """Mondays 07:00 in Shanghai (Sunday 23:00 UTC) stay Monday 07:00 Shanghai time."""
    monday = datetime(2026, 11, 30, 7, tzinfo=SHANGHAI)
    rid = _reminder(crm, "weekly", monday, rrule="FREQ=WEEKLY;BYDAY=MO", timezone="Asia/Shanghai")
    after = crm.reminders.done(rid, at=monday).value
    assert after.due_at == datetime(2026, 12, 7, 7, tzinfo=SHANGHAI)
    assert after.due_at.astimezone(SHANGHAI).strftime("%A %H:%M") == "Monday 07:00"


def test_daily_rule_keeps_the_local_hour_across_daylight_saving(crm: Crm) -> None:
    """A daily 09:00 New York reminder is still 09:00 local after the clocks go forward."""
    saturday = datetime(2026, 3, 7, 9, tzinfo=NEW_YORK)  # EST; DST starts Sunday 8 March
    rid = _reminder(crm, "daily", saturday, rrule="FREQ=DAILY", timezone="America/New_York")
    sunday = crm.reminders.done(rid, at=saturday).value.due_at
    monday = crm.reminders.done(rid, at=sunday).value.due_at
    assert [d.astimezone(NEW_YORK).hour for d in (sunday, monday)] == [9, 9]
    assert (saturday.astimezone(UTC).hour, sunday.hour) == (14, 13)


def test_count_ends_the_series(crm: Crm) -> None:
    """COUNT=2 gives two occurrences; done on the last one finishes the reminder."""
    start = datetime(2026, 11, 30, 9, tzinfo=UTC)
    rid = _reminder(crm, "twice", start, rrule="FREQ=WEEKLY;COUNT=2")
    assert _done_until_finished(crm, rid) == [start, start + timedelta(days=7)]
    assert crm.reminders.list("all") == []


def test_until_ends_the_series(crm: Crm) -> None:
    """UNTIL (in UTC, as RFC 5545 asks) ends the series; the last done finishes it."""
    start = datetime(2026, 11, 30, 9, tzinfo=SHANGHAI)
    rid = _reminder(crm, "until", start, rrule="FREQ=DAILY;UNTIL=20261202T000000Z",
                    timezone="Asia/Shanghai")
    assert _done_until_finished(crm, rid) == [start, start + timedelta(days=1)]


def test_overdue_recurring_reminder_jumps_past_now(crm: Crm) -> None:
    """Done on a daily reminder 30 days late moves it to the first occurrence after now."""
    late = datetime(2026, 10, 26, 9, tzinfo=SHANGHAI)
    rid = _reminder(crm, "daily", late, rrule="FREQ=DAILY", timezone="Asia/Shanghai")
    now = datetime(2026, 11, 25, 17, 30, tzinfo=SHANGHAI)
    assert crm.reminders.done(rid, at=now).value.due_at == datetime(2026, 11, 26, 9,
                                                                    tzinfo=SHANGHAI)


def test_done_early_moves_past_the_current_due_time(crm: Crm) -> None:
    """Done before a recurring reminder is due moves it to the occurrence after that due time."""
    due = datetime(2026, 11, 27, 9, tzinfo=UTC)
    rid = _reminder(crm, "daily", due, rrule="FREQ=DAILY")
    assert crm.reminders.done(rid, at=NOW).value.due_at == due + timedelta(days=1)


def test_moving_the_due_time_starts_the_series_again(crm: Crm) -> None:
    """A new due time is the new start of the series: COUNT counts from there."""
    rid = _reminder(crm, "twice", NOW, rrule="FREQ=DAILY;COUNT=2")
    crm.reminders.done(rid, at=NOW)
    moved = NOW + timedelta(days=10)
    assert crm.reminders.update(rid, ReminderFields(due_at=moved)).value.series_start == moved
    assert _done_until_finished(crm, rid) == [moved, moved + timedelta(days=1)]


def test_time_zone_defaults_to_utc_and_is_stored_by_its_iana_name(crm: Crm) -> None:
    """Without a zone a reminder follows UTC; a zone is kept in its canonical IANA spelling."""
    plain = crm.reminders.get(_reminder(crm, "plain", NOW))
    zoned = crm.reminders.get(_reminder(crm, "zoned", NOW, timezone="asia/shanghai"))
    assert (plain.timezone, plain.series_start) == ("UTC", NOW)
    assert zoned.timezone == "Asia/Shanghai"


@pytest.mark.parametrize("zone", ["Mars/Olympus", "America", "../etc/passwd", ""])
def test_unknown_time_zone_is_refused_with_its_name(crm: Crm, zone: str) -> None:
    """A time zone that is not an IANA name is refused, with the name quoted."""
    with pytest.raises(ValidationError, match=f"'{zone}' is not a known time zone"):
        _reminder(crm, "x", NOW, timezone=zone)


@pytest.mark.parametrize("rule", [
    "DTSTART:20260101T000000Z\nRRULE:FREQ=DAILY", "FREQ=DAILY;DTSTART=20260101T000000Z",
    "FREQ=DAILY\nFREQ=WEEKLY", "FREQ=DAILY FREQ=WEEKLY", "RRULE:FREQ=DAILY\nRRULE:FREQ=WEEKLY",
    "EXDATE:20260101T000000Z"])
def test_rule_text_is_one_rrule_body_only(crm: Crm, rule: str) -> None:
    """DTSTART, line breaks and several rules are refused: the series starts at the due time."""
    with pytest.raises(ValidationError, match="not a single recurrence rule"):
        _reminder(crm, "x", NOW, rrule=rule)


def test_rrule_prefix_is_accepted_and_dropped(crm: Crm) -> None:
    """`RRULE:FREQ=WEEKLY;BYDAY=MO` is stored as the rule body `FREQ=WEEKLY;BYDAY=MO`."""
    rid = _reminder(crm, "x", NOW, rrule=" rrule:FREQ=WEEKLY;BYDAY=MO ")
    assert crm.reminders.get(rid).rrule == "FREQ=WEEKLY;BYDAY=MO"


def test_rules_more_often_than_hourly_are_refused(crm: Crm) -> None:
    """Minutely or secondly repeats are refused (a reminder repeats at most hourly)."""
    for rule in ("FREQ=MINUTELY", "FREQ=SECONDLY;INTERVAL=30"):
        with pytest.raises(ValidationError, match="repeats too often"):
            _reminder(crm, "x", NOW, rrule=rule)


# -- finished reminders and absurd dates ------------------------------------------------------

def test_a_done_reminder_cannot_be_done_or_snoozed_again(crm: Crm) -> None:
    """Done or snooze on a finished reminder is refused; its done time stays as it was."""
    rid = _reminder(crm, "once", NOW)
    first = crm.reminders.done(rid, at=NOW).value.done_at
    with pytest.raises(ValidationError, match="This reminder is already done."):
        crm.reminders.done(rid, at=NOW + timedelta(days=1))
    with pytest.raises(ValidationError, match="This reminder is already done."):
        crm.reminders.snooze(rid, NOW + timedelta(days=1))
    reminder = crm.reminders.get(rid)
    assert (reminder.done_at, reminder.snoozed_until) == (first, None)


def test_dates_after_2199_are_refused(crm: Crm) -> None:
    """Due and snooze times up to the end of 2199 are accepted; later ones are refused."""
    last = datetime(2199, 12, 31, 23, 59, tzinfo=UTC)
    rid = _reminder(crm, "far", last)
    crm.reminders.snooze(rid, last)
    with pytest.raises(ValidationError, match="latest year accepted is 2199"):
        _reminder(crm, "too far", datetime(2200, 1, 1, tzinfo=UTC))
    with pytest.raises(ValidationError, match="'2300-01-01' is too far in the future"):
        crm.reminders.snooze(rid, datetime(2300, 1, 1, tzinfo=UTC))


def test_a_series_ends_before_2200(crm: Crm) -> None:
    """A yearly reminder in 2199 is done for good: its next time would be past 2199."""
    rid = _reminder(crm, "yearly", datetime(2199, 6, 1, tzinfo=UTC), rrule="FREQ=YEARLY")
    assert crm.reminders.done(rid, at=NOW).value.done_at == NOW


# -- the schema change --------------------------------------------------------------------------

def test_reminders_of_an_older_workspace_follow_utc_from_their_due_time(
        workspace: AppPaths, data_key: bytes) -> None:
    """After the upgrade to 0004, existing reminders have zone UTC and start at their due time."""
    with open_crm(workspace, data_key) as crm:
        rid = _reminder(crm, "old", NOW, rrule="FREQ=DAILY")
    engine = build_engine(workspace.database, data_key)
    migrate.downgrade(engine, "0003")
    engine.dispose()
    with open_crm(workspace, data_key) as crm:
        reminder = crm.reminders.get(rid)
        assert (reminder.timezone, reminder.series_start) == ("UTC", NOW)
        assert crm.reminders.done(rid, at=NOW).value.due_at == NOW + timedelta(days=1)
