"""Deals and the sales pipeline. Stage changes are kept by the journal (field `stage_id`)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlmodel import Session, col, func, select

from crm_desktop.core.domain import rules
from crm_desktop.core.domain.changes import Outcome
from crm_desktop.core.domain.models import (
    DEAL_STATUSES,
    DealCreate,
    DealFields,
    DealRead,
    DealUpdate,
    StageChange,
    StageRead,
    StageSummary,
)
from crm_desktop.core.domain.money import Money
from crm_desktop.core.errors import ValidationError
from crm_desktop.core.i18n import N_
from crm_desktop.core.ids import new_id
from crm_desktop.core.journal.hlc import hlc_datetime
from crm_desktop.core.services.companies import company_named
from crm_desktop.core.services.ordering import (
    Ordering,
    Ranked,
    SortKey,
    by,
    live_owners,
    read_page,
    sort_parts,
)
from crm_desktop.core.services.settings import SettingsService
from crm_desktop.core.services.tagging import add_tags, live_matching, tags_of
from crm_desktop.core.storage.database import Database, Tx, get_live
from crm_desktop.core.storage.tables import Company, Contact, Deal, PipelineStage
from crm_desktop.core.storage.types import utcnow

DEFAULT_STAGES = {
    "en": (("Lead", 10), ("Qualified", 25), ("Proposal", 50), ("Negotiation", 75)),
    "zh_CN": (("线索", 10), ("需求确认", 25), ("方案报价", 50), ("谈判", 75)),
}
NEWEST_FIRST = Ordering("created", descending=True)


@dataclass(frozen=True)
class DealQuery:
    stage: str | None = None
    status: str | None = None
    owner: str | None = None
    tag: str | None = None
    contact_id: str | None = None
    company_id: str | None = None
    order: Ordering = NEWEST_FIRST

    @property
    def filtered(self) -> bool:
        return any((self.stage, self.status, self.owner, self.tag, self.contact_id,
                    self.company_id))


def deal_sorts(stage_ids: tuple[str, ...]) -> dict[str, SortKey]:
    """The keys the deal list sorts by (DEAL_SORTS): the stage by its place in the pipeline
    (`stage_ids` in pipeline order), the status open → won → lost, the amount by its number in
    minor units (currencies are not converted), the owner then the age."""
    return {"created": by(Deal.created_at), "title": by(Deal.title),
            "stage": Ranked(Deal.stage_id, stage_ids), "status": Ranked(Deal.status, DEAL_STATUSES),
            "amount": by(Deal.amount_minor), "expected_close": by(Deal.expected_close),
            "owner": by(Deal.owner, Deal.created_at)}


class DealService:
    def __init__(self, db: Database, settings: SettingsService) -> None:
        self._db = db
        self._settings = settings

    # -- pipeline stages -------------------------------------------------------------------

    def stages(self) -> list[StageRead]:
        with self._db.read() as session:
            return [StageRead.model_validate(s) for s in self._stage_rows(session)]

    def add_stage(self, name: str, probability: int) -> StageRead:
        """A new stage at the end of the pipeline."""
        with self._db.transaction("stage.add") as tx:
            return StageRead.model_validate(self._insert_stage(tx, name, probability))

    def add_default_stages(self, tx: Tx, language: str) -> None:
        for name, probability in DEFAULT_STAGES.get(language, DEFAULT_STAGES["en"]):
            self._insert_stage(tx, name, probability)

    def _insert_stage(self, tx: Tx, name: str, probability: int) -> PipelineStage:
        if not 0 <= probability <= 100:
            raise ValidationError(N_("{field} must be between 0 and 100."), field="probability")
        position = len(self._stage_rows(tx.session))
        return tx.insert(PipelineStage(id=new_id(), name=rules.required_text(name, "name"),
                                       probability=probability, position=position))

    # -- deals -----------------------------------------------------------------------------

    def add(self, new: DealCreate) -> Outcome[DealRead]:
        with self._db.transaction("deal.add") as tx:
            values = self._clean(tx, new, creating=True)
            row = tx.insert(Deal(id=new_id(), **values))
            add_tags(tx, "deal", row.id, new.tags)
            return Outcome(self._read(tx.session, row), tx.changes())

    def update(self, deal_id: str, changes: DealUpdate) -> Outcome[DealRead]:
        with self._db.transaction("deal.update") as tx:
            row = tx.get(Deal, deal_id)
            tx.update(row, self._clean(tx, changes, creating=False, current=row))
            return Outcome(self._read(tx.session, row), tx.changes())

    def move(self, deal_id: str, stage: str) -> Outcome[DealRead]:
        return self.update(deal_id, DealUpdate(stage=stage))

    def win(self, deal_id: str) -> Outcome[DealRead]:
        return self._close(deal_id, "won", "")

    def lose(self, deal_id: str, reason: str) -> Outcome[DealRead]:
        return self._close(deal_id, "lost", rules.required_text(reason, "lost_reason"))

    def reopen(self, deal_id: str) -> Outcome[DealRead]:
        with self._db.transaction("deal.reopen") as tx:
            row = tx.get(Deal, deal_id)
            tx.update(row, {"status": "open", "lost_reason": "", "closed_at": None})
            return Outcome(self._read(tx.session, row), tx.changes())

    def delete(self, deal_id: str) -> Outcome[None]:
        with self._db.transaction("deal.delete") as tx:
            tx.soft_delete(tx.get(Deal, deal_id))
            return Outcome(None, tx.changes())

    def get(self, deal_id: str) -> DealRead:
        with self._db.read() as session:
            return self._read(session, get_live(session, Deal, deal_id))

    def count(self, query: DealQuery = DealQuery()) -> int:
        with self._db.read() as session:
            statement = self._filtered(session, select(func.count()).select_from(Deal), query)
            return int(session.exec(statement).one())

    def page(self, query: DealQuery = DealQuery(), offset: int = 0,
             limit: int = 100) -> list[DealRead]:
        """Deals in the query's order (by default the newest first)."""
        with self._db.read() as session:
            stage_ids = tuple(s.id for s in self._stage_rows(session))
            parts = sort_parts(query.order, deal_sorts(stage_ids), col(Deal.id), query.filtered)
            rows = read_page(session, self._filtered(session, select(Deal), query),
                             self._filtered(session, select(func.count()).select_from(Deal),
                                            query), parts, offset, limit)
            return self._read_many(session, rows)

    def owners(self) -> list[str]:
        """Everyone who owns at least one live deal, for the owner filter."""
        with self._db.read() as session:
            return live_owners(session, Deal)

    def open_totals(self) -> dict[str, Decimal]:
        """The open pipeline: the sum of live open deals, per currency."""
        with self._db.read() as session:
            rows = session.exec(select(Deal.currency, func.sum(Deal.amount_minor))
                                .where(col(Deal.deleted_at).is_(None), Deal.status == "open")
                                .group_by(col(Deal.currency)))
            return {currency: Money(int(minor or 0), currency).amount for currency, minor in rows}

    def won_count(self, since: datetime) -> int:
        """How many live deals were won at or after `since` (an aware datetime)."""
        with self._db.read() as session:
            query = (select(func.count()).select_from(Deal)
                     .where(col(Deal.deleted_at).is_(None), Deal.status == "won",
                            col(Deal.closed_at) >= rules.aware(since, "since")))
            return int(session.exec(query).one())

    def closing_between(self, start: str, end: str, limit: int = 50) -> list[DealRead]:
        """Live open deals expected to close from `start` to `end` (ISO dates, both included),
        soonest first, then the largest amount (in minor units)."""
        first = rules.iso_date(start, "start")
        last = rules.iso_date(end, "end")
        if first is None or last is None:
            return []
        with self._db.read() as session:
            rows = list(session.exec(
                select(Deal).where(col(Deal.deleted_at).is_(None), Deal.status == "open",
                                   col(Deal.expected_close) >= first,
                                   col(Deal.expected_close) <= last)
                .order_by(col(Deal.expected_close), col(Deal.amount_minor).desc(),
                          col(Deal.created_at).desc())
                .limit(limit)))
            return self._read_many(session, rows)

    def stage_history(self, deal_id: str) -> list[StageChange]:
        """Every stage the deal passed through, oldest first."""
        with self._db.read() as session:
            names = {s.id: s.name for s in self._stage_rows(session, include_deleted=True)}
            return [StageChange(deal_id=deal_id, from_stage=names.get(e.old_value),
                                to_stage=names.get(e.new_value, str(e.new_value)),
                                at=hlc_datetime(e.hlc), actor=b.actor)
                    for e, b in self._db.journal.history(session, deal_id)
                    if e.field == "stage_id"]

    # -- the pipeline board ----------------------------------------------------------------

    def stage_summaries(self) -> list[StageSummary]:
        """Each live stage in pipeline order, with the count and per-currency totals of its
        live open deals (one grouped query)."""
        with self._db.read() as session:
            stages = self._stage_rows(session)
            rows = session.exec(
                select(Deal.stage_id, Deal.currency, func.count(), func.sum(Deal.amount_minor))
                .where(col(Deal.deleted_at).is_(None), Deal.status == "open")
                .group_by(col(Deal.stage_id), col(Deal.currency)))
            counts: dict[str, int] = {}
            totals: dict[str, dict[str, Decimal]] = {}
            for stage_id, currency, number, minor in rows:
                counts[stage_id] = counts.get(stage_id, 0) + int(number)
                totals.setdefault(stage_id, {})[currency] = Money(int(minor or 0),
                                                                  currency).amount
            return [StageSummary(id=s.id, name=s.name, count=counts.get(s.id, 0),
                                 totals=totals.get(s.id, {})) for s in stages]

    def open_in_stage(self, stage_id: str, limit: int) -> list[DealRead]:
        """The newest `limit` live open deals of one stage (by stage id)."""
        with self._db.read() as session:
            rows = list(session.exec(
                select(Deal).where(col(Deal.deleted_at).is_(None), Deal.status == "open",
                                   Deal.stage_id == stage_id)
                .order_by(col(Deal.created_at).desc(), col(Deal.id).desc())
                .limit(max(limit, 0))))
            return self._read_many(session, rows)

    def party_names(self, deals: Iterable[DealRead]) -> dict[str, str]:
        """Deal id -> the name of its live company, else of its live contact, else "".
        One query for the companies and one for the contacts, however many deals."""
        deals = list(deals)
        with self._db.read() as session:
            companies = _names_by_id(session, Company, col(Company.name),
                                     {d.company_id for d in deals if d.company_id})
            contacts = _names_by_id(session, Contact, col(Contact.display_name),
                                    {d.contact_id for d in deals if d.contact_id and
                                     not companies.get(d.company_id or "")})
        return {d.id: companies.get(d.company_id or "") or contacts.get(d.contact_id or "", "")
                for d in deals}

    # -- helpers ---------------------------------------------------------------------------

    def _close(self, deal_id: str, status: str, reason: str) -> Outcome[DealRead]:
        with self._db.transaction(f"deal.{status}") as tx:
            row = tx.get(Deal, deal_id)
            tx.update(row, {"status": status, "lost_reason": reason, "closed_at": utcnow()})
            return Outcome(self._read(tx.session, row), tx.changes())

    def _clean(self, tx: Tx, fields: DealFields, *, creating: bool,
               current: Deal | None = None) -> dict[str, Any]:
        given = {k: v for k, v in fields.model_dump(exclude_unset=True, exclude={"tags"}).items()
                 if v is not None}
        values: dict[str, Any] = {link: None for link in ("contact_id", "company_id")
                                  if link in fields.model_fields_set and not getattr(fields, link)}
        if "title" in given or creating:
            values["title"] = rules.required_text(given.get("title"), "title")
        for link, table in (("contact_id", Contact), ("company_id", Company)):
            if given.get(link):
                values[link] = tx.get(table, given[link]).id
        if given.get("company_name") and not given.get("company_id"):
            values["company_id"] = company_named(tx, given["company_name"])
        if "stage" in given or creating:
            values["stage_id"] = self._stage_id(tx.session, given.get("stage"))
        if "amount" in given or "currency" in given or creating:
            old = Money(current.amount_minor, current.currency) if current else None
            currency = given.get("currency") or (old.currency if old else
                                                 self._settings.get().currency)
            amount = given.get("amount", old.amount if old else 0)
            money = Money.parse(amount, currency)
            values |= {"amount_minor": money.minor, "currency": money.currency}
        if "expected_close" in given:
            values["expected_close"] = rules.iso_date(given["expected_close"], "expected_close")
        for plain in ("source", "owner"):
            if plain in given:
                values[plain] = given[plain]
        return values

    def _stage_id(self, session: Session, stage: str | None) -> str:
        stages = self._stage_rows(session)
        if not stages:
            raise ValidationError(N_("The pipeline has no stages."), field="stage")
        if not stage:
            return stages[0].id
        for row in stages:
            if stage in (row.id, row.name) or row.name.lower() == stage.lower():
                return row.id
        raise ValidationError(N_("'{value}' is not one of: {options}."), field="stage",
                              value=stage, options=", ".join(s.name for s in stages))

    @staticmethod
    def _stage_rows(session: Session, include_deleted: bool = False) -> list[PipelineStage]:
        query = select(PipelineStage).order_by(col(PipelineStage.position))
        if not include_deleted:
            query = query.where(col(PipelineStage.deleted_at).is_(None))
        return list(session.exec(query))

    def _filtered(self, session: Session, statement: Any, query: DealQuery) -> Any:
        statement = live_matching(statement, Deal, query.tag, owner=query.owner,
                                  contact_id=query.contact_id, company_id=query.company_id)
        if query.stage:
            statement = statement.where(Deal.stage_id == self._stage_id(session, query.stage))
        if query.status:
            statement = statement.where(Deal.status == rules.choice(query.status, DEAL_STATUSES,
                                                                    "status"))
        return statement

    def _read(self, session: Session, row: Deal) -> DealRead:
        return self._read_many(session, [row])[0]

    def _read_many(self, session: Session, rows: list[Deal]) -> list[DealRead]:
        stages = {s.id: s for s in self._stage_rows(session, include_deleted=True)}
        tags = tags_of(session, "deal", [r.id for r in rows])
        result = []
        for row in rows:
            stage = stages.get(row.stage_id)
            probability = {"won": 100, "lost": 0}.get(row.status, stage.probability if stage else 0)
            result.append(DealRead.model_validate(row.model_dump() | {
                "stage_name": stage.name if stage else "", "probability": probability,
                "amount": Money(row.amount_minor, row.currency).amount,
                "tags": tags.get(row.id, ())}))
        return result



_IDS_PER_QUERY = 900  # below SQLite's oldest limit on bound parameters (999)


def _names_by_id(session: Session, table: Any, name: Any, ids: set[str]) -> dict[str, str]:
    """id -> name of the live rows of `table` among `ids` (one query per 900 ids)."""
    wanted = sorted(ids)
    names: dict[str, str] = {}
    for start in range(0, len(wanted), _IDS_PER_QUERY):
        chunk = wanted[start:start + _IDS_PER_QUERY]
        names.update(session.exec(select(col(table.id), name)
                                  .where(col(table.deleted_at).is_(None),
                                         col(table.id).in_(chunk))).all())
    return names
