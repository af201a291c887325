"""Service logs: customer requests, complaints and visits, open → in progress → resolved → closed."""

from __future__ import annotations

import builtins
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
from crm_desktop.core.storage.database import Database, Tx, get_live
from crm_desktop.core.storage.tables import Contact, ServiceLog
from crm_desktop.core.storage.types import utcnow

RESOLVED = ("resolved", "closed")
OPEN = ("open", "in_progress")


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

    def list(self, *, status: str | None = None, contact_id: str | None = None,
             offset: int = 0, limit: int = 100) -> list[ServiceRead]:
        with self._db.read() as session:
            query = self._filtered(select(ServiceLog), status, contact_id)
            rows = session.exec(query.order_by(col(ServiceLog.opened_at).desc())
                                .offset(offset).limit(limit))
            return [ServiceRead.model_validate(r) for r in rows]

    def count(self, *, status: str | None = None) -> int:
        with self._db.read() as session:
            query = self._filtered(select(func.count()).select_from(ServiceLog), status, None)
            return int(session.exec(query).one())

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
    def _filtered(query: Any, status: str | None, contact_id: str | None) -> Any:
        query = query.where(col(ServiceLog.deleted_at).is_(None))
        if status:
            query = query.where(ServiceLog.status == rules.choice(status, SERVICE_STATUSES, "status"))
        if contact_id:
            query = query.where(ServiceLog.contact_id == contact_id)
        return query

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
