"""Service logs as a paged table model, newest first, optionally for one status."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QDateTime,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTime,
)

from crm_desktop.core.domain.labels import value_label
from crm_desktop.core.domain.models import ServiceRead
from crm_desktop.core.services.service_logs import ServiceLogService
from crm_desktop.ui.models.columns import Column

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")

PAGE = 200
Index = QModelIndex | QPersistentModelIndex
NO_PARENT = QModelIndex()  # the root: a table has no other parent
ROW_ID_ROLE = Qt.ItemDataRole.UserRole + 1
ContactName = Callable[[str], str]




def local_time(moment: datetime | None) -> str:
    """A stored UTC time shown in the computer's time zone, in the UI locale's short format."""
    if moment is None:
        return ""
    local = (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).astimezone()
    shown = QDateTime(QDate(local.year, local.month, local.day),
                      QTime(local.hour, local.minute))
    return QLocale().toString(shown, QLocale.FormatType.ShortFormat)


def stars(rating: int | None) -> str:
    return "" if rating is None else "★" * rating + "☆" * (5 - rating)


def service_columns(contact_name: ContactName) -> tuple[Column[ServiceRead], ...]:
    return (
        Column("subject", translate("ServiceModel", "Subject"), lambda s: s.subject),
        Column("contact", translate("ServiceModel", "Contact"),
               lambda s: contact_name(s.contact_id) if s.contact_id else ""),
        Column("channel", translate("ServiceModel", "Channel"), lambda s: value_label(s.channel)),
        Column("priority", translate("ServiceModel", "Priority"), lambda s: value_label(s.priority)),
        Column("status", translate("ServiceModel", "Status"), lambda s: value_label(s.status)),
        Column("opened", translate("ServiceModel", "Opened"), lambda s: local_time(s.opened_at)),
        Column("resolved", translate("ServiceModel", "Resolved"), lambda s: local_time(s.resolved_at)),
        Column("satisfaction", translate("ServiceModel", "Satisfaction"), lambda s: stars(s.satisfaction)),
    )


class ServiceModel(QAbstractTableModel):
    """`contact_name` turns a contact id into a name; names are remembered until the next reload."""

    def __init__(self, service: ServiceLogService, contact_name: ContactName,
                 status: str | None = None) -> None:
        super().__init__()
        self._service = service
        self._lookup = contact_name
        self._names: dict[str, str] = {}
        self._status = status
        self._columns = service_columns(self._contact_name)
        self._rows: list[ServiceRead] = []
        self._total = 0
        self.reload()

    # -- Qt model interface ---------------------------------------------------------------

    def rowCount(self, parent: Index = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        record = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._columns[index.column()].display(record)
        if role == ROW_ID_ROLE:
            return record.id
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal
                and 0 <= section < len(self._columns)):
            return self._columns[section].header
        return None

    def canFetchMore(self, parent: Index = NO_PARENT) -> bool:
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: Index = NO_PARENT) -> None:
        if parent.isValid():
            return
        page = self._service.list(status=self._status, offset=len(self._rows), limit=PAGE)
        if not page:
            self._total = len(self._rows)
            return
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(page) - 1)
        self._rows.extend(page)
        self.endInsertRows()

    # -- ours -------------------------------------------------------------------------------

    def reload(self) -> None:
        """Start again from the first page (after a change or a new filter)."""
        self.beginResetModel()
        self._names.clear()
        self._total = self._service.count(status=self._status)
        self._rows = self._service.list(status=self._status, limit=PAGE)
        self.endResetModel()

    def set_status(self, status: str | None) -> None:
        self._status = status
        self.reload()

    def clear(self) -> None:
        self.beginResetModel()
        self._rows, self._total = [], 0
        self._names.clear()
        self.endResetModel()

    def log_at(self, row: int) -> ServiceRead:
        return self._rows[row]

    def row_of(self, log_id: str) -> int | None:
        return next((i for i, s in enumerate(self._rows) if s.id == log_id), None)

    @property
    def columns(self) -> tuple[Column[ServiceRead], ...]:
        return self._columns

    @property
    def total(self) -> int:
        return self._total

    def _contact_name(self, contact_id: str) -> str:
        if contact_id not in self._names:
            self._names[contact_id] = self._lookup(contact_id)
        return self._names[contact_id]
