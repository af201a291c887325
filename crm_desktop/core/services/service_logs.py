"""Service logs: customer requests, complaints and visits, open → in progress → resolved → closed."""

from __future__ import annotations

import builtins
from dataclasses import dataclass
from typing import Any

from sqlalchemy import case
from sqlmodel import col, func, select

from crm_desktop.core.domain import rules
from crm_desktop.core.domain.changes import Outcome
from crm_desktop.core.domain.models import (
    SERVICE_CHANNELS,
    SERVICE_PRIORITIES,
    SERVICE_STATUSES,
    ServiceCreate,
    ServiceFields,
    ServiceRead,
)
from crm_desktop.core.ids import new_id
from crm_desktop.core.services.ordering import (
    Linked,
    Ordering,
    Ranked,
    SortKey,
    by,
    live_owners,
    read_page,
    sort_parts,
)
from crm_desktop.core.services.tagging import live_matching
from crm_desktop.core.storage.database import Database, Tx, get_live
from crm_desktop.core.storage.tables import Contact, ServiceLog
from crm_desktop.core.storage.types import utcnow

RESOLVED = ("resolved", "closed")
OPEN = ("open", "in_progress")
NEWEST_FIRST = Ordering("opened", descending=True)


@dataclass(frozen=True)
class ServiceQuery:
    status: str | None = None
    owner: str | None = None
    contact_id: str | None = None
    order: Ordering = NEWEST_FIRST

    @property
    def filtered(self) -> bool:
        return any((self.status, self.owner, self.contact_id))


def service_sorts() -> dict[str, SortKey]:
    """The keys the service list sorts by (SERVICE_SORTS): every column it shows; the contact
    by name (pinyin order), channel, priority and status in their own order (low → urgent,
    open → closed)."""
    return {"opened": by(ServiceLog.opened_at), "subject": by(ServiceLog.subject),
            "contact": Linked(ServiceLog.contact_id, Contact, Contact.sort_key),
            "channel": Ranked(ServiceLog.channel, SERVICE_CHANNELS),
            "priority": Ranked(ServiceLog.priority, SERVICE_PRIORITIES),
            "status": Ranked(ServiceLog.status, SERVICE_STATUSES),
            "resolved": by(ServiceLog.resolved_at), "satisfaction": by(ServiceLog.satisfaction)}


class ServiceLogService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def add(self, new: ServiceCreate) -> Outcome[ServiceRead]:
        with self._db.transaction("service.add") as tx:
            values = self._clean(tx, new, creating=True)
            if values.get("status") in RESOLVED:
                values["resolved_at"] = utcnow()
            row = tx.insert(ServiceLog(id=new_id(), **values))
            return Outcome(ServiceRead.model_validate(row), tx.changes())

    def update(self, log_id: str, changes: ServiceFields) -> Outcome[ServiceRead]:
        """Apply changes; reaching resolved/closed stamps the resolution time, reopening clears it."""
        with self._db.transaction("service.update") as tx:
            row = tx.get(ServiceLog, log_id)
            values = self._clean(tx, changes, creating=False)
            status = values.get("status", row.status)
            if status in RESOLVED and row.resolved_at is None:
                values["resolved_at"] = utcnow()
            elif status not in RESOLVED:
                values["resolved_at"] = None
            tx.update(row, values)
            return Outcome(ServiceRead.model_validate(row), tx.changes())

    def delete(self, log_id: str) -> Outcome[None]:
        with self._db.transaction("service.delete") as tx:
            tx.soft_delete(tx.get(ServiceLog, log_id))
            return Outcome(None, tx.changes())

    def get(self, log_id: str) -> ServiceRead:
        with self._db.read() as session:
            return ServiceRead.model_validate(get_live(session, ServiceLog, log_id))

    def count(self, query: ServiceQuery | None = None, *, status: str | None = None) -> int:
        """How many logs the query lists (`status=` alone is short for a query of that status)."""
        query = query or ServiceQuery(status=status)
        with self._db.read() as session:
            statement = self._filtered(select(func.count()).select_from(ServiceLog), query)
            return int(session.exec(statement).one())

    def page(self, query: ServiceQuery = ServiceQuery(), offset: int = 0,
             limit: int = 100) -> builtins.list[ServiceRead]:
        """Service logs in the query's order (by default the newest first)."""
        parts = sort_parts(query.order, service_sorts(), col(ServiceLog.id), query.filtered)
        with self._db.read() as session:
            rows = read_page(session, self._filtered(select(ServiceLog), query),
                             self._filtered(select(func.count()).select_from(ServiceLog), query),
                             parts, offset, limit)
            return [ServiceRead.model_validate(r) for r in rows]

    def list(self, *, status: str | None = None, contact_id: str | None = None,
             offset: int = 0, limit: int = 100) -> list[ServiceRead]:
        """Newest first: `page` for a status and a contact."""
        return self.page(ServiceQuery(status=status, contact_id=contact_id), offset, limit)

    def owners(self) -> builtins.list[str]:
        """Everyone who owns at least one live service log, for the owner filter."""
        with self._db.read() as session:
            return live_owners(session, ServiceLog)

    def open_count(self) -> int:
        """How many live service logs are still open or in progress."""
        with self._db.read() as session:
            query = (select(func.count()).select_from(ServiceLog)
                     .where(col(ServiceLog.deleted_at).is_(None), col(ServiceLog.status).in_(OPEN)))
            return int(session.exec(query).one())

    def open_by_priority(self, limit: int = 50) -> builtins.list[ServiceRead]:
        """Live open/in-progress logs, urgent → high → normal → low (unknown last), oldest first."""
        rank = case({code: rank for rank, code in enumerate(reversed(SERVICE_PRIORITIES))},
                    value=col(ServiceLog.priority), else_=len(SERVICE_PRIORITIES))
        with self._db.read() as session:
            rows = session.exec(select(ServiceLog)
                                .where(col(ServiceLog.deleted_at).is_(None),
                                       col(ServiceLog.status).in_(OPEN))
                                .order_by(rank, col(ServiceLog.opened_at), col(ServiceLog.id))
                                .limit(limit))
            return [ServiceRead.model_validate(r) for r in rows]

    @staticmethod
    def _filtered(statement: Any, query: ServiceQuery) -> Any:
        statement = live_matching(statement, ServiceLog, contact_id=query.contact_id,
                                  owner=query.owner)
        if query.status:
            statement = statement.where(
                ServiceLog.status == rules.choice(query.status, SERVICE_STATUSES, "status"))
        return statement

    @staticmethod
    def _clean(tx: Tx, fields: ServiceFields, *, creating: bool) -> dict[str, Any]:
        given = {k: v for k, v in fields.model_dump(exclude_unset=True).items() if v is not None}
        if "subject" in given or creating:
            given["subject"] = rules.required_text(given.get("subject"), "subject")
        if given.get("contact_id"):
            tx.get(Contact, given["contact_id"])
        for name, allowed in (("channel", SERVICE_CHANNELS), ("priority", SERVICE_PRIORITIES),
                              ("status", SERVICE_STATUSES)):
            if name in given:
                given[name] = rules.choice(given[name], allowed, name)
        if "satisfaction" in given:
            rules.rating(given["satisfaction"])
        return given
