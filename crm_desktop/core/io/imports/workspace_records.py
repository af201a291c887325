"""The records of our workspace JSON export besides its contacts, written in the import's batch.

Stages and tags are matched by name (a fresh workspace has its own default stages); companies by
id, then by name; everything else keeps its id unless that id is taken here (then it is already
here and is skipped). Links (company, contact, deal, stage, service log) follow the matches.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime
from typing import Any

from crm_desktop.core.domain.money import Money
from crm_desktop.core.search.docs import company_doc, deal_doc, note_doc, service_doc
from crm_desktop.core.search.index import SearchDoc
from crm_desktop.core.search.text import sort_key
from crm_desktop.core.storage.bulk import BulkWriter, record_defaults
from crm_desktop.core.storage.database import Tx
from crm_desktop.core.storage.tables import (
    Company,
    Deal,
    Note,
    PipelineStage,
    Record,
    Reminder,
    ServiceLog,
    Tag,
    Tagging,
)
from crm_desktop.core.storage.types import UtcDateTime

Names = dict[str, tuple[str, str]]  # lower-case name -> (id, name)
Builder = Callable[[Any], SearchDoc]
LINKS = {"company_id": "companies", "contact_id": "contacts", "deal_id": "deals",
         "stage_id": "pipeline_stages", "service_log_id": "service_logs"}


class WorkspaceRecords:
    def __init__(self, tx: Tx, document: dict[str, list[dict[str, Any]]]) -> None:
        self._tx = tx
        self._doc = document
        self.ids: dict[str, dict[str, str]] = {name: {} for name in LINKS.values()}  # theirs -> ours
        self._taken = {name: _ids(tx, name) for name in (*LINKS.values(), "reminders", "notes", "tags")}

    def before_contacts(self, bulk: BulkWriter, companies: Names, tags: Names) -> None:
        stages = {name.lower(): row_id for row_id, name in _live_names(self._tx, "pipeline_stages")}
        new_stages = []
        for stage in self._doc["pipeline_stages"]:
            found = stages.get(stage["name"].lower())
            if found is None:
                new_stages.append(self._row(PipelineStage, stage))
                found = new_stages[-1]["id"]
            self.ids["pipeline_stages"][stage["id"]] = found
        bulk.add(PipelineStage, new_stages)
        bulk.add(Company, self._companies(companies), company_doc)
        for tag in self._doc["tags"]:
            if tag["name"].lower() not in tags:
                row = self._row(Tag, tag)
                bulk.add(Tag, [row])
                tags[tag["name"].lower()] = (row["id"], row["name"])

    def after_contacts(self, bulk: BulkWriter, contacts: dict[str, str], tags: Names) -> None:
        self.ids["contacts"] = contacts
        bulk.add(Deal, self._many(Deal, "deals", self._deal), deal_doc)
        bulk.add(ServiceLog, self._many(ServiceLog, "service_logs"), service_doc)
        bulk.add(Reminder, self._many(Reminder, "reminders"))
        bulk.add(Note, self._many(Note, "notes"), note_doc)
        bulk.add(Tagging, list(self._taggings(tags)))

    def _companies(self, companies: Names) -> list[dict[str, Any]]:
        rows = []
        for company in self._doc["companies"]:
            if company["id"] in self._taken["companies"]:
                self.ids["companies"][company["id"]] = company["id"]
            elif (known := companies.get(company["name"].lower())) is not None:
                self.ids["companies"][company["id"]] = known[0]
            else:
                rows.append(self._row(Company, company, sort_key=sort_key(company["name"])))
                companies[company["name"].lower()] = (rows[-1]["id"], company["name"])
                self.ids["companies"][company["id"]] = rows[-1]["id"]
        return rows

    def _many(self, table: type[Record], section: str,
              extra: Callable[[dict[str, Any]], dict[str, Any]] | None = None) -> list[dict[str, Any]]:
        rows = []
        for record in self._doc[section]:
            if record["id"] in self._taken[section]:  # already here: links to it still hold
                self.ids.setdefault(section, {})[record["id"]] = record["id"]
                continue
            row = self._row(table, record, **(extra(record) if extra else {}))
            if section in self.ids:
                self.ids[section][record["id"]] = row["id"]
            rows.append(row)
        return rows

    def _deal(self, record: dict[str, Any]) -> dict[str, Any]:
        money = Money.parse(record.get("amount") or "0", record.get("currency") or "CNY")
        return {"amount_minor": money.minor, "currency": money.currency, "stage_id": self._stage(record)}

    def _stage(self, record: dict[str, Any]) -> str:
        """The deal's stage here: as mapped, else the stage of that name, else the first stage."""
        mapped = self.ids["pipeline_stages"].get(record.get("stage_id") or "")
        if mapped:
            return mapped
        stages = _live_names(self._tx, "pipeline_stages")
        wanted = str(record.get("stage_name") or "").lower()
        return next((row_id for row_id, name in stages if name.lower() == wanted), stages[0][0])

    def _taggings(self, tags: Names) -> Iterable[dict[str, Any]]:
        for section, entity in (("companies", "company"), ("deals", "deal")):
            for record in self._doc[section]:
                ours = self.ids[section].get(record["id"])
                if ours and ours not in self._taken[section]:
                    for name in record.get("tags") or []:
                        yield record_defaults(tag_id=tags[name.lower()][0], entity=entity, row_id=ours)

    def _row(self, table: type[Record], record: dict[str, Any], **values: Any) -> dict[str, Any]:
        """Every column of `table` from the record (times parsed, links followed), the id kept."""
        row: dict[str, Any] = {}
        for column in table.__table__.columns:  # type: ignore[attr-defined]
            name = column.name
            given = name in values
            value = values[name] if given else record.get(name, _default(table, name))
            if isinstance(column.type, UtcDateTime) and isinstance(value, str):
                value = datetime.fromisoformat(value)
            if name in LINKS and value is not None and not given:
                value = self.ids[LINKS[name]].get(value)
            row[name] = value
        if row["id"] in self._taken.get(str(table.__tablename__), set()):
            row["id"] = record_defaults()["id"]
        return row


def _default(table: type[Record], name: str) -> Any:
    field = table.model_fields.get(name)
    if field is None:
        return None
    return field.default_factory() if field.default_factory else field.default  # type: ignore[call-arg]


def _ids(tx: Tx, table: str) -> set[str]:
    return {row_id for (row_id,) in tx.session.connection().exec_driver_sql(f"SELECT id FROM {table}")}


def _live_names(tx: Tx, table: str) -> list[tuple[str, str]]:
    return list(tx.session.connection().exec_driver_sql(
        f"SELECT id, name FROM {table} WHERE deleted_at IS NULL"))
