"""The schema. Ids are time-ordered UUID text; no UNIQUE constraint on any business field (sync
merges rows from several laptops); deletes are soft (`deleted_at`)."""

from __future__ import annotations

from datetime import datetime
from typing import Any, ClassVar

from sqlalchemy import Column, Index, text
from sqlmodel import Field, SQLModel

from crm_desktop.core.storage.types import JsonText, UtcDateTime, utcnow


def _utc(nullable: bool = True, index: bool = False) -> Any:
    return Field(default=None, sa_column=Column(UtcDateTime, nullable=nullable, index=index))


def live_order_index(table: str, *columns: Any, unique: bool = False) -> Index:
    """Lists show live rows in this order; a partial index serves them directly.

    `unique` only tells SQLite that each row comes once in this order (the id is unique anyway),
    so another list can walk this table in order through a join without sorting."""
    return Index(f"ix_{table}_live_order", *columns, unique=unique,
                 sqlite_where=text("deleted_at IS NULL"))


def live_index(table: str, key: str, *columns: Any) -> Index:
    """A list sorted (or filtered by owner) by `key` reads live rows straight from this index."""
    return Index(f"ix_{table}_live_{key}", *columns, sqlite_where=text("deleted_at IS NULL"))


def first_value(column: str) -> Any:
    """The value of the first item of a labelled JSON list (the primary phone or email)."""
    return text(f"json_extract({column}, '$[0].value')")


EFFECTIVE_DUE = "coalesce(snoozed_until, due_at)"  # a snoozed reminder is due when it wakes


def bin_index(table: str) -> Index:
    """The recycle bin lists deleted rows; a partial index keeps that cheap and small."""
    return Index(f"ix_{table}_in_bin", "deleted_at", sqlite_where=text("deleted_at IS NOT NULL"))


def _json(default: Any) -> Any:
    return Field(default_factory=default, sa_column=Column(JsonText, nullable=False))


class Record(SQLModel):
    """Columns every business table has."""

    id: str = Field(primary_key=True)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UtcDateTime)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UtcDateTime)
    deleted_at: datetime | None = Field(default=None, sa_type=UtcDateTime)
    owner: str = ""


class Company(Record, table=True):
    __tablename__: ClassVar[str] = "companies"
    __table_args__ = (
        live_order_index("companies", "sort_key", "id", unique=True),
        live_index("companies", "owner", "owner", "sort_key", "id"),
        live_index("companies", "industry", "industry", "id"),
        live_index("companies", "phone", "phone", "id"),
        live_index("companies", "website", "website", "id"),
        bin_index("companies"))
    name: str = Field(index=True)
    sort_key: str = Field(default="", sa_column_kwargs={"server_default": ""})  # list order
    industry: str = ""
    phone: str = ""
    website: str = ""
    address: str = ""
    notes: str = ""


class Contact(Record, table=True):
    __tablename__: ClassVar[str] = "contacts"
    __table_args__ = (
        live_order_index("contacts", "sort_key", "id", unique=True),
        live_index("contacts", "owner", "owner", "sort_key", "id"),
        live_index("contacts", "company", "company_id", "id"),
        live_index("contacts", "title", "title", "id"),
        live_index("contacts", "phone", first_value("phones"), "id"),
        live_index("contacts", "email", first_value("emails"), "id"),
        live_index("contacts", "stage", "lifecycle_stage", "id"),
        bin_index("contacts"))
    display_name: str = Field(index=True)
    sort_key: str = Field(default="", sa_column_kwargs={"server_default": ""})  # list order
    family_name: str = ""
    given_name: str = ""
    name_order: str = "eastern"
    company_id: str | None = Field(default=None, foreign_key="companies.id", index=True)
    title: str = ""
    emails: list[dict[str, str]] = _json(list)
    phones: list[dict[str, str]] = _json(list)
    addresses: list[dict[str, str]] = _json(list)
    birthday: str | None = None
    lead_source: str = ""
    lifecycle_stage: str = "lead"  # indexed for lists on live rows, with the id
    marketing_consent: bool = False
    consent_date: str | None = None
    consent_source: str = ""
    custom_fields: dict[str, str] = _json(dict)


class PipelineStage(Record, table=True):
    __tablename__: ClassVar[str] = "pipeline_stages"
    name: str
    position: int = 0
    probability: int = 0


class Deal(Record, table=True):
    __tablename__: ClassVar[str] = "deals"
    __table_args__ = (
        live_order_index("deals", "created_at", "id"),
        live_index("deals", "owner", "owner", "created_at", "id"),
        live_index("deals", "title", "title", "id"),
        live_index("deals", "stage", "stage_id", "id"),
        live_index("deals", "status", "status", "id"),
        live_index("deals", "amount", "amount_minor", "id"),
        live_index("deals", "close", "expected_close", "id"),
        bin_index("deals"))
    title: str
    contact_id: str | None = Field(default=None, foreign_key="contacts.id", index=True)
    company_id: str | None = Field(default=None, foreign_key="companies.id", index=True)
    stage_id: str = Field(foreign_key="pipeline_stages.id")  # live rows indexed with the id
    amount_minor: int = 0
    currency: str = "CNY"
    expected_close: str | None = Field(default=None, index=True)
    status: str = "open"  # indexed for lists on live rows, with the id
    lost_reason: str = ""
    source: str = ""
    closed_at: datetime | None = Field(default=None, sa_type=UtcDateTime)


class ServiceLog(Record, table=True):
    __tablename__: ClassVar[str] = "service_logs"
    __table_args__ = (
        live_order_index("service_logs", "opened_at", "id"),
        live_index("service_logs", "owner", "owner", "opened_at", "id"),
        live_index("service_logs", "contact", "contact_id", "id"),
        live_index("service_logs", "subject", "subject", "id"),
        live_index("service_logs", "channel", "channel", "id"),
        live_index("service_logs", "priority", "priority", "id"),
        live_index("service_logs", "status", "status", "id"),
        live_index("service_logs", "resolved", "resolved_at", "id"),
        live_index("service_logs", "satisfaction", "satisfaction", "id"),
        bin_index("service_logs"))
    contact_id: str | None = Field(default=None, foreign_key="contacts.id", index=True)
    subject: str
    description: str = ""
    channel: str = "phone"
    category: str = ""
    priority: str = "normal"
    status: str = "open"  # indexed for lists on live rows, with the id
    opened_at: datetime = Field(default_factory=utcnow, sa_type=UtcDateTime)
    resolved_at: datetime | None = Field(default=None, sa_type=UtcDateTime)
    resolution: str = ""
    satisfaction: int | None = None


class Reminder(Record, table=True):
    __tablename__: ClassVar[str] = "reminders"
    __table_args__ = (
        bin_index("reminders"),
        Index("ix_reminders_open_due", text(EFFECTIVE_DUE), "id",
              sqlite_where=text("done_at IS NULL AND deleted_at IS NULL")),
        # done_at (and the due time) ride along so that open-only and due-window filters are
        # read from these indexes too, without fetching rows
        live_index("reminders", "due", text(EFFECTIVE_DUE), "id", "done_at"),
        live_index("reminders", "owner", "owner", text(EFFECTIVE_DUE), "id", "done_at"),
        live_index("reminders", "title", "title", "id", "done_at", text(EFFECTIVE_DUE)))
    title: str
    due_at: datetime = Field(sa_type=UtcDateTime, index=True)
    contact_id: str | None = Field(default=None, foreign_key="contacts.id", index=True)
    deal_id: str | None = Field(default=None, foreign_key="deals.id", index=True)
    service_log_id: str | None = Field(default=None, foreign_key="service_logs.id", index=True)
    rrule: str = ""
    timezone: str = Field(default="UTC", sa_column_kwargs={"server_default": "UTC"})
    series_start: datetime | None = Field(default=None, sa_type=UtcDateTime)  # the rule's start
    snoozed_until: datetime | None = Field(default=None, sa_type=UtcDateTime)
    done_at: datetime | None = Field(default=None, sa_type=UtcDateTime)
    notes: str = ""


class Note(Record, table=True):
    __tablename__: ClassVar[str] = "notes"
    __table_args__ = (bin_index("notes"),)
    kind: str = "note"
    body: str
    contact_id: str | None = Field(default=None, foreign_key="contacts.id", index=True)
    company_id: str | None = Field(default=None, foreign_key="companies.id", index=True)
    deal_id: str | None = Field(default=None, foreign_key="deals.id", index=True)
    occurred_at: datetime = Field(default_factory=utcnow, sa_type=UtcDateTime)


class Tag(Record, table=True):
    __tablename__: ClassVar[str] = "tags"
    name: str = Field(index=True)
    color: str = ""


class Tagging(Record, table=True):
    """A tag on a contact, company or deal (many-to-many)."""

    __tablename__: ClassVar[str] = "taggings"
    tag_id: str = Field(foreign_key="tags.id", index=True)
    entity: str
    row_id: str = Field(index=True)


class JournalBatch(SQLModel, table=True):
    """One user action (one transaction): the unit of undo and of sync.

    `seq` is a local row number only; across laptops a batch is known by its UUID `id`.
    """

    __tablename__: ClassVar[str] = "journal_batches"
    seq: int | None = Field(default=None, primary_key=True)
    id: str = Field(index=True)
    hlc: int = Field(index=True)
    device_id: str
    actor: str = ""
    action: str = ""
    undo_of: str | None = None
    undone_by: str | None = None


class JournalEntry(SQLModel, table=True):
    """One changed field of one row. Device and actor are the batch's.

    The journal grows by one row per field, so it is kept narrow: a local integer key, the batch
    by its local number. Across laptops an entry is known by (device id, hlc): the clock never
    issues the same value twice on one device.
    """

    __tablename__: ClassVar[str] = "journal"
    __table_args__ = (Index("ix_journal_row", "row_id", "hlc"),)
    seq: int | None = Field(default=None, primary_key=True)
    batch_seq: int = Field(foreign_key="journal_batches.seq", index=True)
    hlc: int
    entity: str
    row_id: str
    op: str
    field: str
    old_value: Any = Field(default=None, sa_column=Column(JsonText))
    new_value: Any = Field(default=None, sa_column=Column(JsonText))


class Meta(SQLModel, table=True):
    """Workspace facts: workspace id, device id, settings."""

    __tablename__: ClassVar[str] = "meta"
    key: str = Field(primary_key=True)
    value: Any = Field(default=None, sa_column=Column(JsonText))


ENTITY_TABLES: dict[str, type[Record]] = {
    "company": Company,
    "contact": Contact,
    "stage": PipelineStage,
    "deal": Deal,
    "service": ServiceLog,
    "reminder": Reminder,
    "note": Note,
    "tag": Tag,
    "tagging": Tagging,
}
