"""Reminder notifications: a timer looks for reminders that fell due, shows them in an in-app
banner (snooze, done, open) and in the system tray where there is one; at start it reports, once,
how many reminders became overdue while the app was closed.

Each reminder is announced once per due time: snoozing gives it a new effective due time, and it
is announced again only when that time comes.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QSystemTrayIcon

from crm_desktop.core.crm import Crm
from crm_desktop.core.domain.changes import Changes
from crm_desktop.core.domain.models import ReminderRead
from crm_desktop.core.errors import CrmError
from crm_desktop.ui.changes import ChangeBus
from crm_desktop.ui.controllers.reminders_actions import Clock, ReminderActions, utc_now
from crm_desktop.ui.models.reminders_model import local_text
from crm_desktop.ui.views.reminders_banner_view import ReminderBannerView

DEFAULT_INTERVAL_SECONDS = 30.0
LOOKBACK = timedelta(hours=1)  # also catches a reminder moved just into the past
BATCH = 200
Notice = ReminderRead | int  # one due reminder, or the count of reminders missed at start


class ReminderNotifier(QObject):
    due = Signal(object)            # ReminderRead, once per due time
    missed = Signal(int)            # reminders overdue at start (once per session)
    open_requested = Signal(object)  # ReminderRead: show its linked record
    overdue_requested = Signal()    # the user wants the list of overdue reminders

    def __init__(self, crm: Crm, bus: ChangeBus, parent: QObject | None = None, *,
                 now: Clock = utc_now, interval_seconds: float = DEFAULT_INTERVAL_SECONDS,
                 tray: QSystemTrayIcon | None = None) -> None:
        super().__init__(parent)
        self._crm = crm
        self._now = now
        self._actions = ReminderActions(crm, bus, now)
        self.banner = ReminderBannerView()
        self._queue: list[Notice] = []
        self._announced: set[tuple[str, datetime]] = set()
        self._started: datetime | None = None
        self._last_check: datetime | None = None
        self._tray = tray
        self._timer = QTimer(self)
        self._timer.setInterval(max(1, int(interval_seconds * 1000)))
        self._timer.timeout.connect(self.check)
        self._connect_banner()
        bus.changed.connect(self._changed)

    # -- running ----------------------------------------------------------------------------

    def start(self) -> None:
        """Report what was missed while the app was closed, then look every interval."""
        now = self._now()
        self._started = self._last_check = now
        try:
            count = self._crm.reminders.count_overdue(now)
        except CrmError:
            count = 0
        if count:
            self.missed.emit(count)
            self._notify_tray(self.tr("Overdue reminders"), self._missed_text(count))
            self._push(count)
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    @property
    def is_running(self) -> bool:
        return self._timer.isActive()

    def check(self) -> list[ReminderRead]:
        """Announce every reminder that fell due since the last look and was not announced yet."""
        if self._started is None or self._last_check is None:
            return []
        now = self._now()
        since = max(self._started, self._last_check - LOOKBACK)
        self._last_check = now
        try:
            found = self._crm.reminders.due_between(since, now, limit=BATCH)
        except CrmError:
            return []
        fresh = [r for r in found if (r.id, r.effective_due) not in self._announced]
        for reminder in fresh:
            self._announced.add((reminder.id, reminder.effective_due))
            self._push(reminder)
            self.due.emit(reminder)
        if fresh:
            self._tray_for(fresh)
        return fresh

    def forget(self) -> None:
        """Stop and drop everything shown (on lock)."""
        self.stop()
        self._queue.clear()
        self._announced.clear()
        self.banner.hide()

    # -- the banner ---------------------------------------------------------------------------

    @property
    def current(self) -> Notice | None:
        return self._queue[0] if self._queue else None

    def snooze_current(self, choice: str) -> None:
        self._act(lambda r: self._actions.snooze(r.id, choice))

    def done_current(self) -> None:
        self._act(lambda r: self._actions.done(r.id))

    def open_current(self) -> None:
        notice = self.current
        if isinstance(notice, ReminderRead):
            self.open_requested.emit(notice)
        elif notice is not None:
            self.overdue_requested.emit()
        self.dismiss_current()

    def dismiss_current(self) -> None:
        if self._queue:
            self._queue.pop(0)
        self._show()

    def _act(self, action: Callable[[ReminderRead], None]) -> None:
        notice = self.current
        if not isinstance(notice, ReminderRead):
            return
        self._queue.pop(0)  # before the bus hears of the change
        try:
            action(notice)
        except CrmError as error:
            self._queue.insert(0, notice)
            self._show()
            self.banner.detail.setText(str(error))
            return
        self._show()

    def _connect_banner(self) -> None:
        view = self.banner
        view.snooze_10_button.clicked.connect(lambda: self.snooze_current("10min"))
        view.snooze_hour_button.clicked.connect(lambda: self.snooze_current("1h"))
        view.snooze_tomorrow_button.clicked.connect(lambda: self.snooze_current("tomorrow"))
        view.done_button.clicked.connect(self.done_current)
        view.open_button.clicked.connect(self.open_current)
        view.close_button.clicked.connect(self.dismiss_current)

    def _push(self, notice: Notice) -> None:
        self._queue.append(notice)
        self._show()

    def _show(self) -> None:
        notice = self.current
        if notice is None:
            self.banner.hide()
            return
        is_reminder = isinstance(notice, ReminderRead)
        for button in (self.banner.snooze_10_button, self.banner.snooze_hour_button,
                       self.banner.snooze_tomorrow_button, self.banner.done_button):
            button.setVisible(is_reminder)
        waiting = len(self._queue) - 1
        more = self.tr(" (+%n more)", "", waiting) if waiting else ""
        if isinstance(notice, ReminderRead):
            self.banner.heading.setText(self.tr("Reminder: %1").replace("%1", notice.title) + more)
            self.banner.detail.setText(self.tr("Due %1").replace(
                "%1", local_text(notice.effective_due)))
        else:
            self.banner.heading.setText(self.tr("Missed while the app was closed") + more)
            self.banner.detail.setText(self._missed_text(notice))
        self.banner.show()

    def _missed_text(self, count: int) -> str:
        return self.tr("%n reminder(s) became due while the app was closed.", "", count)

    def _changed(self, changes: Changes) -> None:
        """A reminder done, snoozed or deleted elsewhere no longer waits in the banner."""
        touched = changes.ids("reminder")
        if not touched:
            return
        kept = [n for n in self._queue if not (isinstance(n, ReminderRead) and n.id in touched)]
        if len(kept) != len(self._queue):
            self._queue = kept
            self._show()

    # -- the system tray ---------------------------------------------------------------------------

    def _tray_for(self, fresh: list[ReminderRead]) -> None:
        if len(fresh) == 1:
            self._notify_tray(self.tr("Reminder"), fresh[0].title)
        else:
            self._notify_tray(self.tr("Reminders"),
                              self.tr("%n reminder(s) are due.", "", len(fresh)))

    def _notify_tray(self, title: str, text: str) -> None:
        tray = self._tray_icon()
        if tray is not None:
            tray.showMessage(title, text, QSystemTrayIcon.MessageIcon.Information, 10_000)

    def _tray_icon(self) -> QSystemTrayIcon | None:
        if self._tray is None and QSystemTrayIcon.isSystemTrayAvailable():
            self._tray = QSystemTrayIcon(QGuiApplication.windowIcon(), self)
            self._tray.setToolTip(self.tr("CRM reminders"))
            self._tray.messageClicked.connect(self.open_current)
            self._tray.show()
        return self._tray
