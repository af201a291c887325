"""Open reminders as a table model: due time in local time, linked contact, repeat rule, status.

The core lists reminders earliest first with a limit; a further page asks for a longer list and
appends what is new, so the view still loads on demand as it scrolls.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QDateTime,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from crm_desktop.core.domain.models import ReminderRead
from crm_desktop.core.errors import CrmError
from crm_desktop.core.services.contacts import ContactService
from crm_desktop.core.services.reminders import DueFilter, ReminderService
from crm_desktop.ui.controllers.reminders_actions import Clock, local_day_start, utc_now
from crm_desktop.ui.models.columns import Column

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")

PAGE = 200
Index = QModelIndex | QPersistentModelIndex
ROW_ID_ROLE = Qt.ItemDataRole.UserRole + 1
OVERDUE_COLOR = QColor("#b3261e")




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


class RemindersModel(QAbstractTableModel):
    def __init__(self, reminders: ReminderService, contacts: ContactService,
                 due: DueFilter = "today", now: Clock = utc_now) -> None:
        super().__init__()
        self._reminders = reminders
        self._contacts = contacts
        self._due: DueFilter = due
        self._now = now
        self._names: dict[str, str] = {}
        self._columns = self._make_columns()
        self._rows: list[ReminderRead] = []
        self._more = False
        self.reload()

    def _make_columns(self) -> tuple[Column[ReminderRead], ...]:
        return (
            Column("title", translate("RemindersModel", "Reminder"), lambda r: r.title),
            Column("due", translate("RemindersModel", "Due"), lambda r: local_text(r.effective_due)),
            Column("contact", translate("RemindersModel", "Contact"), self._contact_name),
            Column("repeat", translate("RemindersModel", "Repeats"), lambda r: repeat_text(r.rrule)),
            Column("status", translate("RemindersModel", "Status"), self.status_text),
        )

    # -- Qt model interface ---------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        record = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._columns[index.column()].display(record)
        if role == Qt.ItemDataRole.ToolTipRole:
            return record.notes or record.rrule or None
        if (role == Qt.ItemDataRole.ForegroundRole and self.is_overdue(record)
                and self._columns[index.column()].key in ("due", "status")):
            return QBrush(OVERDUE_COLOR)
        if role == ROW_ID_ROLE:
            return record.id
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal
                and 0 <= section < len(self._columns)):
            return self._columns[section].header
        return None

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:
        return not parent.isValid() and self._more

    def fetchMore(self, parent: Index = QModelIndex()) -> None:
        if parent.isValid() or not self._more:
            return
        longer = self._fetch(len(self._rows) + PAGE)
        known = {r.id for r in self._rows}
        new = [r for r in longer if r.id not in known]
        self._more = len(longer) == len(self._rows) + PAGE and bool(new)
        if not new:
            return
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(new) - 1)
        self._rows.extend(new)
        self.endInsertRows()

    # -- ours -------------------------------------------------------------------------------

    def reload(self, due: DueFilter | None = None) -> None:
        """Start again from the first page (after a change or a new filter)."""
        self.beginResetModel()
        self._due = due or self._due
        self._names.clear()
        self._rows = self._fetch(PAGE)
        self._more = len(self._rows) == PAGE
        self.endResetModel()

    def clear(self) -> None:
        self.beginResetModel()
        self._rows, self._more = [], False
        self._names.clear()
        self.endResetModel()

    @property
    def due_filter(self) -> DueFilter:
        return self._due

    def reminder_at(self, row: int) -> ReminderRead:
        return self._rows[row]

    def row_of(self, reminder_id: str) -> int | None:
        return next((i for i, r in enumerate(self._rows) if r.id == reminder_id), None)

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

    def _fetch(self, limit: int) -> list[ReminderRead]:
        now = self._now()
        return self._reminders.list(self._due, now=now, day_start=local_day_start(now),
                                    limit=limit)

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
