"""Contacts: people, with labelled emails/phones/addresses, lifecycle stage, consent and tags."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import literal_column, tuple_
from sqlmodel import Session, col, func, select

from crm_desktop.core.domain import rules
from crm_desktop.core.domain.changes import Outcome
from crm_desktop.core.domain.models import (
    LIFECYCLE_STAGES,
    NAME_ORDERS,
    ContactCreate,
    ContactFields,
    ContactRead,
    ContactUpdate,
)
from crm_desktop.core.errors import ValidationError
from crm_desktop.core.i18n import N_
from crm_desktop.core.ids import new_id
from crm_desktop.core.search.text import sort_key
from crm_desktop.core.services.companies import company_named
from crm_desktop.core.services.ordering import (
    Linked,
    Ordering,
    Ranked,
    SortKey,
    by,
    directed,
    live_owners,
    read_page,
    sort_parts,
)
from crm_desktop.core.services.settings import SettingsService
from crm_desktop.core.services.tagging import add_tags, live_matching, tags_of
from crm_desktop.core.storage.database import Database, Tx, get_live
from crm_desktop.core.storage.tables import Company, Contact, Note

CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
NAME_PARTS = frozenset({"family_name", "given_name", "name_order"})
FIRST: Any = literal_column("'$[0].value'")  # a literal: the query then matches the index
BY_NAME = Ordering("name")


@dataclass(frozen=True)
class ContactQuery:
    tag: str | None = None
    owner: str | None = None
    lifecycle_stage: str | None = None
    company_id: str | None = None
    order: Ordering = BY_NAME

    @property
    def filtered(self) -> bool:
        return any((self.tag, self.owner, self.lifecycle_stage, self.company_id))


def contact_sorts() -> dict[str, SortKey]:
    """The keys the contact list sorts by (CONTACT_SORTS): the name in pinyin order, the company
    name likewise, the stage in lifecycle order; tags are not sortable."""
    return {"name": by(Contact.sort_key),
            "company": Linked(Contact.company_id, Company, Company.sort_key),
            "title": by(Contact.title),
            "phone": by(func.json_extract(Contact.phones, FIRST)),
            "email": by(func.json_extract(Contact.emails, FIRST)),
            "stage": Ranked(Contact.lifecycle_stage, LIFECYCLE_STAGES)}


def filter_contacts(statement: Any, query: ContactQuery) -> Any:
    """Live contacts the query picks (tag, owner, lifecycle stage, company): lists and exports."""
    return live_matching(statement, Contact, query.tag, owner=query.owner,
                         lifecycle_stage=query.lifecycle_stage, company_id=query.company_id)


def compose_display_name(family: str, given: str, order: str) -> str:
    """Eastern order puts the family name first (张伟); Chinese names take no space between."""
    parts = [family, given] if order == "eastern" else [given, family]
    joiner = "" if CJK.search(family + given) else " "
    return joiner.join(p for p in parts if p)


def default_name_order(family: str, given: str) -> str:
    """Chinese names are written family name first; Latin (and other) names given name first."""
    return "eastern" if CJK.search(family + given) else "western"


def _follows_parts(current: Contact | None, values: dict[str, Any]) -> bool:
    """True when the parts or their order change and the display name was composed from them."""
    if current is None or not NAME_PARTS & values.keys():
        return False
    old = compose_display_name(current.family_name, current.given_name, current.name_order)
    return current.display_name == old


class ContactService:
    def __init__(self, db: Database, settings: SettingsService) -> None:
        self._db = db
        self._settings = settings

    def add(self, new: ContactCreate) -> Outcome[ContactRead]:
        values = self._clean(new, creating=True)
        with self._db.transaction("contact.add") as tx:
            self._link_company(tx, values, new.company_name)
            row = tx.insert(Contact(id=new_id(), **values))
            add_tags(tx, "contact", row.id, new.tags)
            if new.note is not None:
                tx.insert(Note(id=new_id(), body=rules.required_text(new.note, "note"),
                               contact_id=row.id))
            return Outcome(self._read(tx.session, row), tx.changes())

    def update(self, contact_id: str, changes: ContactUpdate) -> Outcome[ContactRead]:
        with self._db.transaction("contact.update") as tx:
            row = self.update_in(tx, contact_id, changes)
            return Outcome(self._read(tx.session, row), tx.changes())

    def update_in(self, tx: Tx, contact_id: str, changes: ContactUpdate) -> Contact:
        """The update, inside a transaction someone else opened (an import's)."""
        row = tx.get(Contact, contact_id)
        values = self._clean(changes, creating=False, current=row)
        self._link_company(tx, values, changes.company_name)
        tx.update(row, values)
        return row

    def delete(self, contact_id: str) -> Outcome[None]:
        with self._db.transaction("contact.delete") as tx:
            tx.soft_delete(tx.get(Contact, contact_id))
            return Outcome(None, tx.changes())

    def get(self, contact_id: str, *, include_deleted: bool = False) -> ContactRead:
        with self._db.read() as session:
            row = get_live(session, Contact, contact_id, include_deleted=include_deleted)
            return self._read(session, row)

    def count(self, query: ContactQuery = ContactQuery()) -> int:
        with self._db.read() as session:
            statement = filter_contacts(select(func.count()).select_from(Contact), query)
            return int(session.exec(statement).one())

    def page(self, query: ContactQuery = ContactQuery(), offset: int = 0,
             limit: int = 100, after: tuple[str, str] | None = None) -> list[ContactRead]:
        """Contacts in the query's order (by default the name, pinyin for Chinese names), from
        row `offset` on.

        `after` = (sort key, id) of the last contact already shown (row `offset - 1`): in name
        order the page is then read on from that key, straight from the order index, as fast at
        row 99,800 as at row 0; other orders ignore it and count `offset` rows.
        """
        if query.order.key == "name" and after is not None:
            return self._page_after(query, after, limit)
        parts = sort_parts(query.order, contact_sorts(), col(Contact.id), query.filtered)
        with self._db.read() as session:
            rows = read_page(session, filter_contacts(select(Contact), query),
                             filter_contacts(select(func.count()).select_from(Contact), query),
                             parts, offset, limit)
            return self._read_many(session, rows)

    def _page_after(self, query: ContactQuery, after: tuple[str, str],
                    limit: int) -> list[ContactRead]:
        key, descending = tuple_(Contact.sort_key, Contact.id), query.order.descending
        statement = filter_contacts(select(Contact), query).where(
            key < after if descending else key > after)
        order = directed((Contact.sort_key, Contact.id), descending)
        with self._db.read() as session:
            rows = list(session.exec(statement.order_by(*order).limit(limit)))
            return self._read_many(session, rows)

    def owners(self) -> list[str]:
        """Everyone who owns at least one live contact, for the owner filter."""
        with self._db.read() as session:
            return live_owners(session, Contact)

    # -- helpers ---------------------------------------------------------------------------


    def _clean(self, fields: ContactFields, *, creating: bool,
               current: Contact | None = None) -> dict[str, Any]:
        given = fields.model_dump(include=fields.model_fields_set - {"tags", "note", "company_name"})
        values: dict[str, Any] = {}
        region = self._settings.get().default_region
        for key, value in given.items():
            if value is None and key not in ("company_id", "birthday", "consent_date"):
                continue
            values[key] = _clean_field(key, value, region)
        self._name(values, creating, current)
        return values

    @staticmethod
    def _name(values: dict[str, Any], creating: bool, current: Contact | None) -> None:
        """Compose the display name from the name parts, unless one was chosen by hand.

        A stored display name that differs from what its old parts compose to was typed by the
        user, and survives an edit of the parts or of their order."""
        if "display_name" in values and not values["display_name"]:
            del values["display_name"]
        family = values.get("family_name", current.family_name if current else "")
        given = values.get("given_name", current.given_name if current else "")
        if current is None:
            order = values.setdefault("name_order", default_name_order(family, given))
        else:
            order = values.get("name_order", current.name_order)
        if "display_name" not in values and (creating or _follows_parts(current, values)):
            composed = compose_display_name(family, given, order)
            if composed:
                values["display_name"] = composed
        if creating and not values.get("display_name"):
            raise ValidationError(N_("{field} is required."), field="name")
        if "display_name" in values:
            values["sort_key"] = sort_key(values["display_name"])

    @staticmethod
    def _link_company(tx: Tx, values: dict[str, Any], company_name: str | None) -> None:
        """A company id must exist; a company name links to (or creates) that company."""
        if values.get("company_id"):
            tx.get(Company, values["company_id"])
        elif company_name:
            values["company_id"] = company_named(tx, company_name)

    def _read(self, session: Session, row: Contact) -> ContactRead:
        return self._read_many(session, [row])[0]

    @staticmethod
    def _read_many(session: Session, rows: list[Contact]) -> list[ContactRead]:
        tags = tags_of(session, "contact", [r.id for r in rows])
        company_ids = {r.company_id for r in rows if r.company_id}
        names: dict[str, str] = {}
        if company_ids:  # a company in the recycle bin shows no name
            query = select(Company.id, Company.name).where(col(Company.id).in_(company_ids),
                                                           col(Company.deleted_at).is_(None))
            names = dict(session.exec(query).all())
        return [ContactRead.model_validate(
            r.model_dump() | {"tags": tags.get(r.id, ()),
                              "company_name": names.get(r.company_id or "", "")})
            for r in rows]


def _clean_field(key: str, value: Any, region: str) -> Any:
    match key:
        case "emails":
            return [{"label": e["label"], "value": rules.email(e["value"])} for e in value]
        case "phones":
            return [{"label": p["label"], "value": rules.phone(p["value"], region)} for p in value]
        case "birthday" | "consent_date":
            return rules.iso_date(value, key)
        case "lifecycle_stage":
            return rules.choice(value, LIFECYCLE_STAGES, key)
        case "name_order":
            return rules.choice(value, NAME_ORDERS, key)
        case "company_id":
            return value or None
        case _:
            return value.strip() if isinstance(value, str) else value
