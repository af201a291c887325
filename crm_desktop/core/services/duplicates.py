"""Likely duplicate contacts: suggested for the user to review, never merged on their own; and the
merge the user then asks for (one transaction, undone as one)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Text, type_coerce
from sqlalchemy import select as select_columns
from sqlmodel import Session, col, func, or_, select

from crm_desktop.core.domain import rules
from crm_desktop.core.domain.changes import Outcome
from crm_desktop.core.domain.models import ContactFields, ContactRead
from crm_desktop.core.errors import ValidationError
from crm_desktop.core.gc_pause import without_cyclic_gc
from crm_desktop.core.search import lookup
from crm_desktop.core.search.text import digits
from crm_desktop.core.services.contacts import ContactService, compose_display_name, default_name_order
from crm_desktop.core.services.duplicate_index import (
    REASONS,
    DuplicateIndex,
    DuplicateMatch,
    Pair,
    Reason,
    compact,
    email_key,
    phone_key,
    shared_reasons,
)
from crm_desktop.core.services.merge import Choice, merge_contacts
from crm_desktop.core.services.settings import SettingsService
from crm_desktop.core.storage.database import Database
from crm_desktop.core.storage.tables import Company, Contact
from crm_desktop.core.storage.types import json_value

__all__ = ["DuplicateIndex", "DuplicateMatch", "DuplicatePair", "DuplicateService"]


@dataclass(frozen=True)
class DuplicatePair:
    """Two contacts that look like one person; the older one is suggested as the one to keep."""

    keep_candidate: ContactRead
    other: ContactRead
    reasons: tuple[Reason, ...]


# (contact id, display name, emails, phones as stored) for each contact an index reads
AlsoFile = Callable[[str, str, list[dict[str, str]], list[dict[str, str]]], None]


class DuplicateService:
    def __init__(self, db: Database, settings: SettingsService) -> None:
        self._db = db
        self._settings = settings

    def index(self) -> DuplicateIndex:
        """Every live contact filed by key, read in one query."""
        with self._db.read() as session:
            return load_index(session, self._region())

    def suggestions(self, limit: int = 500) -> list[DuplicatePair]:
        """Likely duplicate pairs over the whole workspace: those with more reasons first, then
        email before phone before name, then by id."""
        with self._db.read() as session, without_cyclic_gc():
            pairs = sorted(load_index(session, self._region()).pairs().items(), key=_strength)
            chosen = pairs[:limit]
            reads = _read_contacts(session, {cid for pair, _r in chosen for cid in pair})
        return [DuplicatePair(reads[keep], reads[other], reasons)
                for (keep, other), reasons in chosen]

    def similar_to(self, fields: ContactFields, exclude_id: str | None = None) -> list[DuplicateMatch]:
        """Live contacts that look like this (new or edited) one: the warning before saving.

        Only contacts sharing an email or a phone (found through the search index) or a company
        of the same name are read and compared, so this takes milliseconds at 100,000 contacts."""
        region = self._region()
        name = _display_name(fields)
        emails = [_email(item.value) for item in fields.emails or ()]
        phones = [p for item in fields.phones or () if (p := phone_key(item.value, region))]
        company = fields.company_id or fields.company_name
        with self._db.read() as session:
            index = DuplicateIndex(_companies_named_as(session, company), region)
            company_ids = index.company_ids(index.company_key(company))
            conditions = _candidate_conditions(session, emails, phones, company_ids)
            if not conditions:
                return []
            _file(index, session.connection().execute(_contact_columns().where(or_(*conditions))))
        return index.matches(emails, phones, name, company, exclude_id)

    def pair(self, first_id: str, second_id: str) -> DuplicatePair | None:
        """These two live contacts as a pair to review (the older one as the keeper) with why
        they look alike; None if either is gone or they no longer look alike."""
        keep, other = sorted((first_id, second_id))
        if keep == other:
            return None
        with self._db.read() as session:
            rows = list(session.connection().execute(
                _contact_columns().where(col(Contact.id).in_((keep, other)))))
            index = DuplicateIndex(_companies_by_id(session, {row[3] for row in rows}), self._region())
            _file(index, rows)
            if len(index) < 2:
                return None
            reasons = shared_reasons(index.keys[keep], index.keys[other])
            reads = _read_contacts(session, {keep, other}) if reasons else {}
        return DuplicatePair(reads[keep], reads[other], reasons) if reasons else None

    def merge(self, keep_id: str, other_id: str,
              take: Mapping[str, Choice] | None = None) -> Outcome[ContactRead]:
        """Merge `other_id` into `keep_id` (see core/services/merge.py); `crm.undo()` reverses it."""
        with self._db.transaction("contact.merge") as tx:
            keep = merge_contacts(tx, keep_id, other_id, take)
            return Outcome(_read_contacts(tx.session, {keep.id})[keep.id], tx.changes())

    def _region(self) -> str:
        return self._settings.get().default_region


def load_index(session: Session, region: str, also: AlsoFile | None = None) -> DuplicateIndex:
    """Every live contact filed by key, read in one query (an import checks its rows against
    it); `also(id, name, emails, phones)` is given each contact read, for a second index."""
    index = DuplicateIndex(_company_names(session), region)
    _file(index, session.connection().execute(_contact_columns().order_by(col(Contact.id))), also)
    return index


def _contact_columns() -> Any:
    """The JSON lists come as text, decoded by the column type's own function without its
    per-row wrappers (half the cost)."""
    columns = (Contact.id, Contact.display_name, Contact.sort_key, Contact.company_id)
    return (select_columns(*(col(c) for c in columns), type_coerce(Contact.emails, Text),
                           type_coerce(Contact.phones, Text))
            .where(col(Contact.deleted_at).is_(None)))


def _file(index: DuplicateIndex, rows: Iterable[Any], also: AlsoFile | None = None) -> None:
    with without_cyclic_gc():
        for contact_id, name, key, company_id, emails_text, phones_text in rows:
            emails, phones = json_value(emails_text), json_value(phones_text)
            index.add_stored(contact_id, emails, phones, name, company_id, key)
            if also is not None:
                also(contact_id, name, emails, phones)


def _company_names(session: Session) -> dict[str, str]:
    query = select(Company.id, Company.name).where(col(Company.deleted_at).is_(None))
    return {company_id: name for company_id, name in session.exec(query)}


def _companies_by_id(session: Session, ids: set[str | None]) -> dict[str, str]:
    query = select(Company.id, Company.name).where(col(Company.id).in_(ids - {None}),
                                                    col(Company.deleted_at).is_(None))
    return dict(session.exec(query).all())


def _companies_named_as(session: Session, company: str | None) -> dict[str, str]:
    """{id: name} of the live companies known by this company's (compacted) name, and of the
    company itself: all that `DuplicateIndex` needs to compare one contact's company."""
    if not company:
        return {}
    query = select(Company.id, Company.name).where(col(Company.deleted_at).is_(None))
    names = dict(session.exec(query.where(col(Company.id) == company)).all())
    key = compact(names.get(company, "")) or compact(company)  # as DuplicateIndex.company_key
    if not key:
        return names
    titled = [row_id for row_id, title in lookup.titles_with_letters(session.connection(), "company", key)
              if compact(title) == key]
    if titled:
        names.update(session.exec(query.where(col(Company.id).in_(titled))).all())
    return names


def _candidate_conditions(session: Session, emails: list[str], phones: list[str],
                          company_ids: list[str]) -> list[Any]:
    """Contacts that may share an email or a phone (the search index holds both), or that work
    at one of these companies; `DuplicateIndex` then compares exactly."""
    keys = [email_key(e) for e in emails if e]
    texts = [*keys, *(digits(p) for p in phones)]
    ids = lookup.rows_containing(session.connection(), "contact", texts)
    found: list[Any] = [col(Contact.id).in_(ids)] if ids else []
    # an email too short to look up (only a mistyped one is): a substring of the stored JSON
    found += [func.instr(func.lower(type_coerce(Contact.emails, Text)), e) > 0
              for e in keys if not lookup.findable(e)]
    if company_ids:
        found.append(col(Contact.company_id).in_(company_ids))
    return found


def _display_name(fields: ContactFields) -> str:
    if fields.display_name:
        return fields.display_name
    family, given = fields.family_name or "", fields.given_name or ""
    return compose_display_name(family, given, fields.name_order or default_name_order(family, given))


def _email(value: str) -> str:
    try:
        return rules.email(value)
    except ValidationError:
        return value.strip()


def _strength(item: tuple[Pair, tuple[Reason, ...]]) -> tuple[int, int, str, str]:
    (keep, other), reasons = item
    return (-len(reasons), REASONS.index(reasons[0]), keep, other)


def _read_contacts(session: Session, ids: set[str]) -> dict[str, ContactRead]:
    rows = list(session.exec(select(Contact).where(col(Contact.id).in_(ids)))) if ids else []
    # ContactService's read model builder, so tags and company names read as everywhere else
    return {read.id: read for read in ContactService._read_many(session, rows)}
