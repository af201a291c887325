"""Reminders as a paged table model: due time in local time, linked contact, repeat rule, status."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, Qt
from PySide6.QtGui import QBrush, QColor

from crm_desktop.core.domain.models import ReminderRead
from crm_desktop.core.errors import CrmError
from crm_desktop.core.services.contacts import ContactService
from crm_desktop.core.services.reminders import ReminderQuery, ReminderService
from crm_desktop.ui.controllers.reminders_actions import Clock, local_day_start, utc_now
from crm_desktop.ui.models.columns import Column
from crm_desktop.ui.models.paged import PAGE, ROW_ID_ROLE, PagedTableModel  # noqa: F401 (re-exported)

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")

OVERDUE_COLOR = QColor("#b3261e")
SORTABLE = {"title": "title", "due": "due"}  # column → core sort key


def local_text(moment: datetime) -> str:
    """An aware datetime as the user's locale writes a date and time, in local time."""
    local = QDateTime.fromMSecsSinceEpoch(int(moment.timestamp() * 1000))
    return QLocale().toString(local, QLocale.FormatType.ShortFormat)


def repeat_text(rule: str) -> str:
    """A readable name of an RRULE's frequency ("weekly", "every 2 weeks"); empty if none."""
    if not rule:
        return ""
    parts = dict(p.split("=", 1) for p in rule.split(";") if "=" in p)
    interval = int(parts.get("INTERVAL", "1") or 1)
    single = {"HOURLY": translate("RemindersModel", "hourly"),
              "DAILY": translate("RemindersModel", "daily"),
              "WEEKLY": translate("RemindersModel", "weekly"),
              "MONTHLY": translate("RemindersModel", "monthly"),
              "YEARLY": translate("RemindersModel", "yearly")}
    several = {"HOURLY": translate("RemindersModel", "every %n hours"),
               "DAILY": translate("RemindersModel", "every %n days"),
               "WEEKLY": translate("RemindersModel", "every %n weeks"),
               "MONTHLY": translate("RemindersModel", "every %n months"),
               "YEARLY": translate("RemindersModel", "every %n years")}
    freq = parts.get("FREQ", "")
    if freq not in single:
        return rule
    return single[freq] if interval <= 1 else several[freq].replace("%n", str(interval))


class RemindersModel(PagedTableModel[ReminderRead, ReminderQuery]):
    """Reminders by effective due time (or a clicked column); open ones unless the query says
    otherwise; contact names looked up once per contact, for the rows on screen."""

    def __init__(self, reminders: ReminderService, contacts: ContactService,
                 query: ReminderQuery = ReminderQuery(due="today"), now: Clock = utc_now) -> None:
        self._reminders = reminders
        self._contacts = contacts
        self._now = now
        self._names: dict[str, str] = {}
        super().__init__(self._make_columns(), query, sort_keys=SORTABLE)
        self.reload()

    def _make_columns(self) -> tuple[Column[ReminderRead], ...]:
        return (
            Column("title", translate("RemindersModel", "Reminder"), lambda r: r.title),
            Column("due", translate("RemindersModel", "Due"), lambda r: local_text(r.effective_due)),
            Column("contact", translate("RemindersModel", "Contact"), self._contact_name),
            Column("repeat", translate("RemindersModel", "Repeats"), lambda r: repeat_text(r.rrule)),
            Column("status", translate("RemindersModel", "Status"), self.status_text),
        )

    def count_records(self) -> int:
        now = self._now()
        return self._reminders.count(self._query, now=now, day_start=local_day_start(now))

    def read_page(self, offset: int, limit: int) -> list[ReminderRead]:
        now = self._now()
        return self._reminders.page(self._query, offset=offset, limit=limit, now=now,
                                    day_start=local_day_start(now))

    def forget_cached(self) -> None:
        self._names.clear()

    def extra_data(self, record: ReminderRead, column: Column[ReminderRead], role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole:
            return record.notes or record.rrule or None
        if (role == Qt.ItemDataRole.ForegroundRole and column.key in ("due", "status")
                and record.done_at is None and self.is_overdue(record)):
            return QBrush(OVERDUE_COLOR)
        return None

    def reminder_at(self, row: int) -> ReminderRead:
        return self.record_at(row)

    def is_overdue(self, record: ReminderRead) -> bool:
        return record.effective_due < self._now()

    def status_text(self, record: ReminderRead) -> str:
        if record.done_at is not None:
            return translate("RemindersModel", "done")
        if self.is_overdue(record):
            return translate("RemindersModel", "overdue")
        if record.snoozed_until is not None:
            return translate("RemindersModel", "snoozed")
        return translate("RemindersModel", "due")

    def _contact_name(self, record: ReminderRead) -> str:
        """Looked up once per contact when first shown (only the visible rows ask)."""
        if not record.contact_id:
            return ""
        if record.contact_id not in self._names:
            try:
                name = self._contacts.get(record.contact_id).display_name
            except CrmError:
                name = ""
            self._names[record.contact_id] = name
        return self._names[record.contact_id]
