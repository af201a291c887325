"""Companies: the organisations contacts work for."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlmodel import Session, col, func, select

from crm_desktop.core.domain import rules
from crm_desktop.core.domain.changes import Outcome
from crm_desktop.core.domain.models import CompanyCreate, CompanyFields, CompanyRead, CompanyUpdate
from crm_desktop.core.ids import new_id
from crm_desktop.core.search.text import sort_key
from crm_desktop.core.services.ordering import (
    Ordering,
    SortKey,
    by,
    live_owners,
    read_page,
    sort_parts,
)
from crm_desktop.core.services.settings import SettingsService
from crm_desktop.core.services.tagging import add_tags, live_matching, tags_of
from crm_desktop.core.storage.database import Database, Tx, get_live
from crm_desktop.core.storage.tables import Company

BY_NAME = Ordering("name")


@dataclass(frozen=True)
class CompanyQuery:
    tag: str | None = None
    owner: str | None = None
    order: Ordering = BY_NAME


def company_sorts() -> dict[str, SortKey]:
    """The keys the company list sorts by (COMPANY_SORTS): the name in pinyin order; tags are
    not sortable."""
    return {"name": by(Company.sort_key), "industry": by(Company.industry),
            "phone": by(Company.phone), "website": by(Company.website)}


def live_company_named(session: Session, name: str) -> Company | None:
    """The live company called `name` (surrounding spaces and case ignored), if there is one."""
    query = select(Company).where(func.lower(Company.name) == name.strip().lower(),
                                  col(Company.deleted_at).is_(None)).order_by(Company.id)
    return session.exec(query).first()


def company_named(tx: Tx, name: str) -> str:
    """The id of the live company called `name` (any case), created in this transaction if none."""
    clean = rules.required_text(name, "company")
    found = live_company_named(tx.session, clean)
    if found:
        return found.id
    return tx.insert(Company(id=new_id(), name=clean, sort_key=sort_key(clean))).id


class CompanyService:
    def __init__(self, db: Database, settings: SettingsService) -> None:
        self._db = db
        self._settings = settings

    def add(self, new: CompanyCreate) -> Outcome[CompanyRead]:
        values = self._clean(new)
        with self._db.transaction("company.add") as tx:
            row = tx.insert(Company(id=new_id(), **values))
            add_tags(tx, "company", row.id, new.tags)
            return Outcome(self._read(tx.session, row), tx.changes())

    def update(self, company_id: str, changes: CompanyUpdate) -> Outcome[CompanyRead]:
        values = self._clean(changes)
        with self._db.transaction("company.update") as tx:
            row = tx.get(Company, company_id)
            tx.update(row, values)
            return Outcome(self._read(tx.session, row), tx.changes())

    def delete(self, company_id: str) -> Outcome[None]:
        with self._db.transaction("company.delete") as tx:
            tx.soft_delete(tx.get(Company, company_id))
            return Outcome(None, tx.changes())

    def get(self, company_id: str) -> CompanyRead:
        with self._db.read() as session:
            return self._read(session, get_live(session, Company, company_id))

    def count(self, query: CompanyQuery = CompanyQuery()) -> int:
        with self._db.read() as session:
            return int(session.exec(self._filtered(select(func.count()).select_from(Company),
                                                   query)).one())

    def page(self, query: CompanyQuery = CompanyQuery(), offset: int = 0,
             limit: int = 100) -> list[CompanyRead]:
        """Companies in the query's order (by default the name, pinyin for Chinese names)."""
        parts = sort_parts(query.order, company_sorts(), col(Company.id))
        with self._db.read() as session:
            rows = read_page(session, self._filtered(select(Company), query),
                             self._filtered(select(func.count()).select_from(Company), query),
                             parts, offset, limit)
            tags = tags_of(session, "company", [r.id for r in rows])
            return [CompanyRead.model_validate(r.model_dump() | {"tags": tags.get(r.id, ())})
                    for r in rows]

    def owners(self) -> list[str]:
        """Everyone who owns at least one live company, for the owner filter."""
        with self._db.read() as session:
            return live_owners(session, Company)

    def find_by_name(self, name: str) -> CompanyRead | None:
        with self._db.read() as session:
            row = live_company_named(session, name)
            return self._read(session, row) if row else None

    @staticmethod
    def _filtered(statement: Any, query: CompanyQuery) -> Any:
        return live_matching(statement, Company, query.tag, owner=query.owner)

    def _clean(self, fields: CompanyFields) -> dict[str, Any]:
        values = {k: v for k, v in fields.model_dump(exclude_unset=True, exclude={"tags"}).items()
                  if v is not None}
        if values.get("phone"):
            values["phone"] = rules.phone(values["phone"], self._settings.get().default_region)
        if "name" in values:
            values["name"] = rules.required_text(values["name"], "name")
            values["sort_key"] = sort_key(values["name"])
        return values

    @staticmethod
    def _read(session: Session, row: Company) -> CompanyRead:
        tags = tags_of(session, "company", [row.id]).get(row.id, ())
        return CompanyRead.model_validate(row.model_dump() | {"tags": tags})
