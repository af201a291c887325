"""The whole workspace as one JSON document: the user's data is theirs, readable by any program.

Format `crm-desktop-workspace`, version 1. A UTF-8 JSON object (no BOM):

    {"format": "crm-desktop-workspace", "version": 1,
     "exported_at": "2026-03-01T08:30:00.000000+00:00",   # UTC, ISO 8601
     "schema_revision": "0008",                            # the database schema it came from
     "settings": {"business_name": …, "default_region": "CN", "currency": "CNY", …},
     "counts": {"pipeline_stages": 6, "tags": 3, "companies": …, …},
     "pipeline_stages": [...], "tags": [...], "companies": [...], "contacts": [...],
     "deals": [...], "service_logs": [...], "reminders": [...], "notes": [...]}

Each list holds every record of that kind, in id order (ids are time-ordered UUIDs), with every
stored field under its column name; records in the recycle bin are included with their
`deleted_at` time (null for live records). Times are ISO 8601 in UTC; calendar dates
`YYYY-MM-DD`; codes (lifecycle stages, statuses, channels) as stored, untranslated. Links are ids
(`company_id`, `contact_id`, `deal_id`, `stage_id`, `service_log_id`). Besides the columns:

- companies, contacts and deals carry `tags`: the names of their tags, sorted;
- contacts: `emails` and `phones` are lists of {"label", "value"} (phones in E.164),
  `addresses` a list of {"label", "street", "city", "region", "postcode", "country"},
  `custom_fields` an object of text values;
- deals: `amount` is an exact decimal string in `currency` (ISO 4217), e.g. "12000.50", and
  `stage_name` names the pipeline stage; reminders: `rrule` is an RFC 5545 rule, `timezone` an
  IANA zone name, `series_start` the start its rule repeats from.

Internal columns (the list sort keys, money in minor units) are left out. The document is
written record by record, so exporting 100,000 contacts never holds them all in memory.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime
from typing import IO, Any

from sqlmodel import Session, func, select

from crm_desktop.core.domain.money import Money
from crm_desktop.core.io.exports.output import Progress, report
from crm_desktop.core.io.exports.records import Row, all_tags, table_rows
from crm_desktop.core.storage.tables import (
    Company,
    Contact,
    Deal,
    Note,
    PipelineStage,
    Record,
    Reminder,
    ServiceLog,
    Tag,
)

FORMAT, VERSION = "crm-desktop-workspace", 1
SECTIONS: tuple[tuple[str, type[Record], str | None], ...] = (
    ("pipeline_stages", PipelineStage, None), ("tags", Tag, None), ("companies", Company, "company"),
    ("contacts", Contact, "contact"), ("deals", Deal, "deal"), ("service_logs", ServiceLog, None),
    ("reminders", Reminder, None), ("notes", Note, None))
INTERNAL = ("sort_key", "amount_minor")


def write_workspace(session: Session, handle: IO[bytes], header: dict[str, Any],
                    progress: Progress | None = None) -> int:
    """Write the document to `handle`, `header` (exported_at, schema_revision, settings) first;
    returns how many records it holds."""
    counts = {name: _count(session, table) for name, table, _entity in SECTIONS}
    total, done = sum(counts.values()), 0
    head = header | {"format": FORMAT, "version": VERSION, "counts": counts}
    first = _dumps(dict(sorted(head.items(), key=lambda item: _HEAD_ORDER.get(item[0], 99))))
    handle.write(first[:-1].encode())
    tags, stages = all_tags(session), _stage_names(session)
    for name, table, entity in SECTIONS:
        handle.write(f',\n"{name}": ['.encode())
        shape = _shaper(entity, tags, stages)
        for index, record in enumerate(shape(row) for row in table_rows(session, table)):
            handle.write((",\n" if index else "\n").encode() + _dumps(record).encode())
            done += 1
            if done % 1000 == 0:
                report(progress, done, total)
        handle.write(b"\n]")
    handle.write(b"\n}\n")
    report(progress, done, max(done, total))
    return done


_HEAD_ORDER = {key: n for n, key in enumerate(
    ("format", "version", "exported_at", "schema_revision", "settings", "counts"))}


def _count(session: Session, table: type[Record]) -> int:
    return int(session.exec(select(func.count()).select_from(table)).one())


def _stage_names(session: Session) -> dict[str, str]:
    return {stage_id: name for stage_id, name in session.exec(select(PipelineStage.id,
                                                                      PipelineStage.name))}


def _shaper(entity: str | None, tags: dict[tuple[str, str], list[str]],
            stages: dict[str, str]) -> Callable[[Row], Row]:
    def shape(row: Row) -> Row:
        record = {key: value for key, value in row.items() if key not in INTERNAL}
        if entity:
            record["tags"] = tags.get((entity, row["id"]), [])
        if entity == "deal":
            record["amount"] = str(Money(row["amount_minor"], row["currency"]).amount)
            record["stage_name"] = stages.get(row["stage_id"], "")
        return record
    return shape


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, default=_plain)


def _plain(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat(timespec="microseconds")
    raise TypeError(type(value).__name__)

