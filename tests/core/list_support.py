"""A small shop with a row of every kind, made through the services, for the list tests."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from crm_desktop.core.crm import Crm
from crm_desktop.core.domain.models import (
    CompanyCreate,
    ContactCreate,
    DealCreate,
    Labeled,
    ReminderCreate,
    ServiceCreate,
)
from crm_desktop.core.services.companies import CompanyQuery
from crm_desktop.core.services.contacts import ContactQuery
from crm_desktop.core.services.deals import DealQuery
from crm_desktop.core.services.ordering import Ordering
from crm_desktop.core.services.reminders import ReminderQuery
from crm_desktop.core.services.service_logs import ServiceQuery

NOW = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)
LEFT = "离职"  # the owner of rows in the recycle bin only: never offered as an owner

# kind: (service attribute, query class, the text that names a row)
LISTS: dict[str, tuple[str, Any, str]] = {
    "contacts": ("contacts", ContactQuery, "display_name"),
    "companies": ("companies", CompanyQuery, "name"),
    "deals": ("deals", DealQuery, "title"),
    "reminders": ("reminders", ReminderQuery, "title"),
    "service": ("service", ServiceQuery, "subject"),
}


def names(crm: Crm, kind: str, order: Ordering | None = None, **filters: Any) -> list[str]:
    """The rows of one list, by name, in `order` (the list's own order when None)."""
    service, query_class, label = LISTS[kind]
    query = query_class(**filters) if order is None else query_class(order=order, **filters)
    extra = {"now": NOW} if kind == "reminders" else {}
    return [getattr(row, label) for row in getattr(crm, service).page(query, limit=100, **extra)]


def build_shop(crm: Crm) -> Crm:
    companies = _companies(crm)
    contacts = _contacts(crm, companies)
    _deals(crm)
    _reminders(crm)
    _service_logs(crm, contacts)
    return crm


def _companies(crm: Crm) -> dict[str, str]:
    rows = {"阿里": ("Software", "13800000003", "www.ali.example", "王经理"),
            "Beta": ("Logistics", "", "beta.example", ""),
            "北京明华": ("", "13800000001", "", ""),
            "Zeta": ("制造", "13800000002", "zeta.example", "Anna"),
            "Gone": ("", "", "", LEFT)}
    ids = {name: crm.companies.add(CompanyCreate(
        name=name, industry=industry, phone=phone or None, website=website, owner=owner)).value.id
        for name, (industry, phone, website, owner) in rows.items()}
    crm.companies.delete(ids["Gone"])
    return ids


def _contacts(crm: Crm, companies: dict[str, str]) -> dict[str, str]:
    rows = {"张伟": ("Zeta", "经理", "13800000002", "a@example.com", "customer", "王经理"),
            "Anna": ("阿里", "Owner", "13800000003", "c@example.com", "lead", "Anna"),
            "白": (None, "", None, None, "former", ""),
            "Zoe": ("Beta", "Buyer", "13800000001", "b@example.com", "prospect", "王经理"),
            "Left": (None, "", None, None, "lead", LEFT)}
    ids = {}
    for name, (company, title, phone, email, stage, owner) in rows.items():
        ids[name] = crm.contacts.add(ContactCreate(
            display_name=name, company_id=companies[company] if company else None, title=title,
            phones=[Labeled(value=phone)] if phone else [],
            emails=[Labeled(value=email)] if email else [],
            lifecycle_stage=stage, owner=owner)).value.id
    crm.contacts.delete(ids.pop("Left"))
    return ids


def _deals(crm: Crm) -> None:
    rows = (("Supply", "Proposal", "12000", "2030-03-01", "王经理"),
            ("Audit", "Lead", "500.50", None, "Anna"),
            ("Website", "Negotiation", "99999", "2029-12-31", ""),
            ("培训", "Qualified", "3000", "2029-06-30", "Anna"),
            ("Left", "Lead", "1", None, LEFT))
    ids = {title: crm.deals.add(DealCreate(title=title, stage=stage, amount=amount,
                                           expected_close=close, owner=owner)).value.id
           for title, stage, amount, close, owner in rows}
    crm.deals.win(ids["Audit"])
    crm.deals.lose(ids["Website"], "No budget")
    crm.deals.delete(ids["Left"])


def _reminders(crm: Crm) -> None:
    rows = (("Call back", 2, "Anna"), ("Send quote", 1, "王经理"), ("回访", 3, ""),
            ("Archive", 4, "Anna"), ("Left", 6, LEFT))
    ids = {title: crm.reminders.add(ReminderCreate(
        title=title, due_at=NOW + timedelta(hours=hours), owner=owner)).value.id
        for title, hours, owner in rows}
    crm.reminders.snooze(ids["Send quote"], NOW + timedelta(hours=5))
    crm.reminders.done(ids["Archive"], at=NOW)
    crm.reminders.delete(ids["Left"])


def _service_logs(crm: Crm, contacts: dict[str, str]) -> None:
    rows = (("Printer", "张伟", "visit", "high", "open", None, "王经理"),
            ("Invoice", "Anna", "phone", "urgent", "resolved", 4, "Anna"),
            ("退货", None, "wechat", "low", "closed", 2, ""),
            ("Delivery", "Zoe", "email", "normal", "in_progress", None, "王经理"),
            ("Left", None, "other", "low", "open", None, LEFT))
    ids = {subject: crm.service.add(ServiceCreate(
        subject=subject, contact_id=contacts[contact] if contact else None, channel=channel,
        priority=priority, status=status, satisfaction=rating, owner=owner)).value.id
        for subject, contact, channel, priority, status, rating, owner in rows}
    crm.service.delete(ids["Left"])
