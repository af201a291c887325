"""Service logs as a paged table model, newest first, optionally for one status."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QDateTime,
    QLocale,
    QTime,
)

from crm_desktop.core.domain.labels import value_label
from crm_desktop.core.domain.models import ServiceRead
from crm_desktop.core.services.service_logs import ServiceLogService, ServiceQuery
from crm_desktop.ui.models.columns import Column
from crm_desktop.ui.models.paged import PAGE, ROW_ID_ROLE, PagedTableModel  # noqa: F401 (re-exported)

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")

ContactName = Callable[[str], str]
SORTABLE = {key: key for key in ("subject", "contact", "channel", "priority", "status", "opened",
                                 "resolved", "satisfaction")}  # column → core sort key


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


class ServiceModel(PagedTableModel[ServiceRead, ServiceQuery]):
    """`contact_name` turns a contact id into a name; names are remembered until the next reload."""

    def __init__(self, service: ServiceLogService, contact_name: ContactName,
                 query: ServiceQuery = ServiceQuery()) -> None:
        self._service = service
        self._lookup = contact_name
        self._names: dict[str, str] = {}
        super().__init__(service_columns(self._contact_name), query, sort_keys=SORTABLE)
        self.reload()

    def count_records(self) -> int:
        return self._service.count(self._query)

    def read_page(self, offset: int, limit: int) -> list[ServiceRead]:
        return self._service.page(self._query, offset=offset, limit=limit)

    def forget_cached(self) -> None:
        self._names.clear()

    def log_at(self, row: int) -> ServiceRead:
        return self.record_at(row)

    def _contact_name(self, contact_id: str) -> str:
        if contact_id not in self._names:
            self._names[contact_id] = self._lookup(contact_id)
        return self._names[contact_id]
