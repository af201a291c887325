"""Reminders: the list page (filter, done, snooze, delete) and the due-time notifier."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QSettings

from crm_desktop.core.crm import Crm
from crm_desktop.core.demo import populate_demo
from crm_desktop.core.domain.models import ContactCreate, ReminderCreate
from crm_desktop.core.services.reminders import ReminderQuery
from crm_desktop.ui.changes import ChangeBus
from crm_desktop.ui.controllers.notifier import ReminderNotifier
from crm_desktop.ui.controllers.reminders_actions import tomorrow_morning
from crm_desktop.ui.controllers.reminders_page import RemindersPage
from crm_desktop.ui.models.reminders_model import RemindersModel

T0 = datetime.now(UTC).replace(microsecond=0)


class Clock:
    """A clock the test moves by hand."""

    def __init__(self, at: datetime) -> None:
        self.at = at

    def __call__(self) -> datetime:
        return self.at

    def advance(self, **delta: float) -> None:
        self.at += timedelta(**delta)


@pytest.fixture
def clock() -> Clock:
    return Clock(T0)


@pytest.fixture
def bus() -> ChangeBus:
    return ChangeBus()


@pytest.fixture
def page(crm: Crm, bus: ChangeBus, qsettings: QSettings, clock: Clock, qtbot) -> RemindersPage:  # type: ignore[no-untyped-def]
    widget = RemindersPage(crm, bus, qsettings, now=clock)
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def notifier(crm: Crm, bus: ChangeBus, clock: Clock) -> Iterator[ReminderNotifier]:
    watcher = ReminderNotifier(crm, bus, now=clock, interval_seconds=0.02)
    yield watcher
    watcher.forget()


def _add(crm: Crm, title: str, due: datetime, **more: str) -> str:
    return crm.reminders.add(ReminderCreate(title=title, due_at=due, **more)).value.id


def test_reminders_model_passes_the_model_tester(crm: Crm, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    """The reminders model follows Qt's model rules (checked by qtmodeltester)."""
    populate_demo(crm, 40)
    model = RemindersModel(crm.reminders, crm.contacts, ReminderQuery(due="all"))
    assert model.rowCount() > 0
    qtmodeltester.check(model)


def test_list_shows_title_contact_repeat_and_overdue_status(crm: Crm, page: RemindersPage) -> None:
    """A row shows the reminder, its contact's name, how it repeats and that it is overdue."""
    contact = crm.contacts.add(ContactCreate(display_name="王芳")).value
    _add(crm, "回访", T0 - timedelta(hours=2), contact_id=contact.id, rrule="FREQ=WEEKLY")
    page.model.reload()
    texts = [page.model.index(0, c).data() for c in range(page.model.columnCount())]
    assert texts[0] == "回访" and texts[2] == "王芳"
    assert texts[3:] == ["weekly", "overdue"]


def test_done_removes_the_reminder_from_todays_list(crm: Crm, page: RemindersPage) -> None:
    """Marking a due reminder done takes it off today's list, in the page and in the core."""
    reminder_id = _add(crm, "Call Anna", T0 - timedelta(minutes=5))
    page.model.reload()
    assert page.select(reminder_id)
    page.done_button.click()
    assert page.model.rowCount() == 0
    assert crm.reminders.list("today", now=T0) == []
    assert crm.reminders.get(reminder_id).done_at is not None


def test_snooze_buttons_move_the_effective_due_time(crm: Crm, page: RemindersPage) -> None:
    """Snooze 1 hour moves the reminder an hour on; "Tomorrow" moves it to 09:00 tomorrow."""
    reminder_id = _add(crm, "Send quote", T0 - timedelta(minutes=1))
    page.model.reload()
    page.select(reminder_id)
    page.snooze_hour_button.click()
    assert crm.reminders.get(reminder_id).effective_due == T0 + timedelta(hours=1)
    page.due_filter.setCurrentIndex(page.due_filter.findData("all"))
    page.select(reminder_id)
    page.snooze_tomorrow_button.click()
    due = crm.reminders.get(reminder_id).effective_due
    assert due == tomorrow_morning(T0)
    assert due.astimezone().hour == 9


def test_delete_moves_the_reminder_out_of_the_list(crm: Crm, page: RemindersPage) -> None:
    """Deleting a reminder removes it from every list (it goes to the recycle bin)."""
    reminder_id = _add(crm, "Old idea", T0 + timedelta(days=2))
    page.due_filter.setCurrentIndex(page.due_filter.findData("all"))
    page.select(reminder_id)
    page.delete_button.click()
    assert page.model.rowCount() == 0 and crm.reminders.list("all") == []


def test_due_reminder_notifies_and_snooze_reschedules_it(crm: Crm, notifier: ReminderNotifier,
                                                        clock: Clock, qtbot) -> None:  # type: ignore[no-untyped-def]
    """At its due time a reminder is announced once; snoozing it from the banner moves it 10
    minutes on, and it is announced again only when that time comes."""
    reminder_id = _add(crm, "Call 张伟 back", T0 + timedelta(minutes=1))
    notifier.start()
    assert notifier.check() == [] and notifier.banner.isHidden()
    clock.advance(minutes=2)
    with qtbot.waitSignal(notifier.due, timeout=2000) as blocker:
        pass  # the timer looks on its own
    assert blocker.args[0].id == reminder_id
    assert not notifier.banner.isHidden()
    assert "Call 张伟 back" in notifier.banner.heading.text()
    assert notifier.check() == []  # not twice for the same due time
    notifier.banner.snooze_10_button.click()
    assert crm.reminders.get(reminder_id).effective_due == T0 + timedelta(minutes=12)
    assert notifier.banner.isHidden()
    clock.advance(minutes=5)
    assert notifier.check() == []
    clock.advance(minutes=6)
    assert [r.id for r in notifier.check()] == [reminder_id]


def test_done_from_the_notification_finishes_the_reminder(crm: Crm, notifier: ReminderNotifier,
                                                          clock: Clock) -> None:
    """Done in the banner marks the reminder done and hides the banner."""
    reminder_id = _add(crm, "Renew contract", T0 + timedelta(seconds=30))
    notifier.start()
    clock.advance(minutes=1)
    assert [r.id for r in notifier.check()] == [reminder_id]
    notifier.banner.done_button.click()
    assert crm.reminders.get(reminder_id).done_at is not None
    assert notifier.banner.isHidden()


def test_open_from_the_notification_asks_for_the_linked_record(crm: Crm,
                                                               notifier: ReminderNotifier,
                                                               clock: Clock, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Open in the banner asks the window to show the reminder's record."""
    contact = crm.contacts.add(ContactCreate(display_name="Anna")).value
    _add(crm, "Visit", T0 + timedelta(seconds=5), contact_id=contact.id)
    notifier.start()
    clock.advance(minutes=1)
    notifier.check()
    with qtbot.waitSignal(notifier.open_requested) as blocker:
        notifier.banner.open_button.click()
    assert blocker.args[0].contact_id == contact.id


def test_missed_at_start_summary_counts_overdue_reminders(crm: Crm, notifier: ReminderNotifier,
                                                          qtbot) -> None:  # type: ignore[no-untyped-def]
    """Reminders that fell due while the app was closed are reported once, as one summary."""
    _add(crm, "Yesterday", T0 - timedelta(days=1))
    _add(crm, "An hour ago", T0 - timedelta(hours=1))
    _add(crm, "Tomorrow", T0 + timedelta(days=1))
    with qtbot.waitSignal(notifier.missed) as blocker:
        notifier.start()
    assert blocker.args == [2]
    assert notifier.banner.detail.text().startswith("2 reminder")
    assert notifier.check() == []  # not announced one by one as well


def test_nothing_missed_means_no_summary(crm: Crm, notifier: ReminderNotifier, qtbot) -> None:  # type: ignore[no-untyped-def]
    """With nothing overdue at start there is no summary and no banner."""
    _add(crm, "Later", T0 + timedelta(hours=3))
    with qtbot.assertNotEmitted(notifier.missed):
        notifier.start()
    assert notifier.banner.isHidden()
