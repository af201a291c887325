"""Input and read models of every entity. Read models never carry ORM rows out of a session."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

LIFECYCLE_STAGES = ("lead", "prospect", "customer", "former")
NAME_ORDERS = ("eastern", "western")
DEAL_STATUSES = ("open", "won", "lost")
SERVICE_CHANNELS = ("phone", "email", "visit", "wechat", "other")
SERVICE_STATUSES = ("open", "in_progress", "resolved", "closed")
SERVICE_PRIORITIES = ("low", "normal", "high", "urgent")
NOTE_KINDS = ("note", "call", "meeting", "email")
TAGGABLE = ("contact", "company", "deal")

# What each list can be sorted by: its columns that hold a stored value (the default order first).
CONTACT_SORTS = ("name", "company", "title", "phone", "email", "stage")
COMPANY_SORTS = ("name", "industry", "phone", "website")
DEAL_SORTS = ("created", "title", "stage", "status", "amount", "expected_close", "owner")
REMINDER_SORTS = ("due", "title")
SERVICE_SORTS = ("opened", "subject", "contact", "channel", "priority", "status", "resolved",
                 "satisfaction")


class Input(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class ReadModel(BaseModel):
    model_config = ConfigDict(from_attributes=True, frozen=True)


class Labeled(BaseModel):
    label: str = ""
    value: str


class Address(BaseModel):
    label: str = ""
    street: str = ""
    city: str = ""
    region: str = ""
    postcode: str = ""
    country: str = ""


# -- companies ---------------------------------------------------------------------------------

class CompanyFields(Input):
    name: str | None = None
    industry: str | None = None
    phone: str | None = None
    website: str | None = None
    address: str | None = None
    notes: str | None = None
    owner: str | None = None


class CompanyCreate(CompanyFields):
    name: str
    tags: list[str] = Field(default_factory=list)


class CompanyUpdate(CompanyFields):
    pass


class CompanyRead(ReadModel):
    id: str
    name: str
    industry: str
    phone: str
    website: str
    address: str
    notes: str
    owner: str
    created_at: datetime
    updated_at: datetime
    deleted_at: datetime | None = None
    tags: tuple[str, ...] = ()


# -- contacts ----------------------------------------------------------------------------------

class ContactFields(Input):
    display_name: str | None = None
    family_name: str | None = None
    given_name: str | None = None
    name_order: str | None = None
    company_id: str | None = None
    company_name: str | None = None   # links to the company of that name, created if unknown
    title: str | None = None
    emails: list[Labeled] | None = None
    phones: list[Labeled] | None = None
    addresses: list[Address] | None = None
    birthday: str | None = None
    lead_source: str | None = None
    lifecycle_stage: str | None = None
    marketing_consent: bool | None = None
    consent_date: str | None = None
    consent_source: str | None = None
    owner: str | None = None
    custom_fields: dict[str, str] | None = None


class ContactCreate(ContactFields):
    tags: list[str] = Field(default_factory=list)
    note: str | None = None           # a first note, saved in the same transaction


class ContactUpdate(ContactFields):
    pass


class ContactRead(ReadModel):
    id: str
    display_name: str
    family_name: str
    given_name: str
    name_order: str
    company_id: str | None
    company_name: str = ""
    title: str
    emails: tuple[Labeled, ...]
    phones: tuple[Labeled, ...]
    addresses: tuple[Address, ...]
    birthday: str | None
    lead_source: str
    lifecycle_stage: str
    marketing_consent: bool
    consent_date: str | None
    consent_source: str
    owner: str
    custom_fields: dict[str, str]
    created_at: datetime
    updated_at: datetime
    deleted_at: datetime | None = None
    tags: tuple[str, ...] = ()
    sort_key: str = ""  # the list order (pinyin for Chinese names); pages continue after it

    @property
    def primary_email(self) -> str:
        return self.emails[0].value if self.emails else ""

    @property
    def primary_phone(self) -> str:
        return self.phones[0].value if self.phones else ""


# -- pipeline and deals ------------------------------------------------------------------------

class StageRead(ReadModel):
    id: str
    name: str
    position: int
    probability: int


class DealFields(Input):
    title: str | None = None
    contact_id: str | None = None
    company_id: str | None = None
    company_name: str | None = None   # links to the company of that name, created if unknown
    stage: str | None = None          # stage id or name
    amount: Decimal | str | None = None
    currency: str | None = None
    expected_close: str | None = None
    source: str | None = None
    owner: str | None = None


class DealCreate(DealFields):
    title: str
    tags: list[str] = Field(default_factory=list)


class DealUpdate(DealFields):
    pass


class DealRead(ReadModel):
    id: str
    title: str
    contact_id: str | None
    company_id: str | None
    stage_id: str
    stage_name: str = ""
    probability: int = 0
    amount: Decimal
    currency: str
    expected_close: str | None
    status: str
    lost_reason: str
    source: str
    owner: str
    closed_at: datetime | None
    created_at: datetime
    updated_at: datetime
    deleted_at: datetime | None = None
    tags: tuple[str, ...] = ()


class StageChange(ReadModel):
    deal_id: str
    from_stage: str | None
    to_stage: str
    at: datetime
    actor: str


# -- reminders ---------------------------------------------------------------------------------

class ReminderFields(Input):
    title: str | None = None
    due_at: datetime | None = None
    contact_id: str | None = None
    deal_id: str | None = None
    service_log_id: str | None = None
    rrule: str | None = None
    timezone: str | None = None  # IANA name the due time and the rule follow; UTC when not given
    notes: str | None = None
    owner: str | None = None


class ReminderCreate(ReminderFields):
    title: str
    due_at: datetime


class ReminderRead(ReadModel):
    id: str
    title: str
    due_at: datetime
    contact_id: str | None
    deal_id: str | None
    service_log_id: str | None
    rrule: str
    timezone: str
    series_start: datetime | None = None
    snoozed_until: datetime | None
    done_at: datetime | None
    notes: str
    owner: str
    created_at: datetime
    deleted_at: datetime | None = None

    @property
    def effective_due(self) -> datetime:
        return self.snoozed_until or self.due_at


# -- service logs ------------------------------------------------------------------------------

class ServiceFields(Input):
    contact_id: str | None = None
    subject: str | None = None
    description: str | None = None
    channel: str | None = None
    category: str | None = None
    priority: str | None = None
    status: str | None = None
    resolution: str | None = None
    satisfaction: int | None = None
    owner: str | None = None


class ServiceCreate(ServiceFields):
    subject: str


class ServiceUpdate(ServiceFields):
    pass


class ServiceRead(ReadModel):
    id: str
    contact_id: str | None
    subject: str
    description: str
    channel: str
    category: str
    priority: str
    status: str
    opened_at: datetime
    resolved_at: datetime | None
    resolution: str
    satisfaction: int | None
    owner: str
    created_at: datetime
    deleted_at: datetime | None = None


# -- notes, tags, history, search, trash -------------------------------------------------------

class NoteCreate(Input):
    body: str
    kind: str = "note"
    contact_id: str | None = None
    company_id: str | None = None
    deal_id: str | None = None
    occurred_at: datetime | None = None
    owner: str | None = None


class NoteRead(ReadModel):
    id: str
    kind: str
    body: str
    contact_id: str | None
    company_id: str | None
    deal_id: str | None
    occurred_at: datetime
    owner: str
    created_at: datetime
    deleted_at: datetime | None = None


class HistoryEntry(ReadModel):
    at: datetime
    hlc: int
    actor: str
    device_id: str
    entity: str
    row_id: str
    op: str
    field: str
    old_value: Any
    new_value: Any
    batch_id: str


class TrashItem(ReadModel):
    entity: str
    id: str
    label: str
    deleted_at: datetime


class UndoResult(ReadModel):
    batch_id: str
    action: str
    fields: int


class StageSummary(ReadModel):
    """One column of the pipeline board: a stage with the count and totals of its open deals."""
    id: str
    name: str
    count: int
    totals: dict[str, Decimal]  # currency -> sum of the open live deals' amounts
