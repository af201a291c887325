"""What each record contributes to the search index, and re-indexing of the rows a transaction touched."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlmodel import Session, col, select

from crm_desktop.core.search.index import SearchDoc, index_doc, remove_doc
from crm_desktop.core.storage.tables import Company, Contact, Deal, Note, Record, ServiceLog


def contact_doc(row: Contact, company_name: str = "") -> SearchDoc:
    return SearchDoc(
        kind="contact", row_id=row.id, title=row.display_name,
        subtitle=" · ".join(p for p in (company_name, row.title) if p),
        names=tuple(n for n in (row.display_name, row.family_name, row.given_name) if n),
        emails=tuple(e["value"] for e in row.emails),
        phones=tuple(p["value"] for p in row.phones),
        body=" ".join((row.title, company_name, *row.custom_fields.values())))


@dataclass(frozen=True)
class ContactDocs:
    """contact_doc with each contact's company name, for bulk writes. Picklable, so a helper
    process can build the documents; `for_rows` keeps only the names some rows need."""

    company_names: dict[str, str]  # company id -> name

    def __call__(self, row: Contact) -> SearchDoc:
        return contact_doc(row, self.company_names.get(row.company_id or "", ""))

    def for_rows(self, rows: list[dict[str, Any]]) -> ContactDocs:
        ids = {row["company_id"] for row in rows} & self.company_names.keys()
        return ContactDocs({company_id: self.company_names[company_id] for company_id in ids})


def company_doc(row: Company) -> SearchDoc:
    return SearchDoc(kind="company", row_id=row.id, title=row.name, subtitle=row.industry,
                     names=(row.name,), phones=(row.phone,) if row.phone else (),
                     body=f"{row.industry} {row.website} {row.address} {row.notes}")


def deal_doc(row: Deal) -> SearchDoc:
    return SearchDoc(kind="deal", row_id=row.id, title=row.title, subtitle=row.status,
                     names=(row.title,), body=row.source)


def service_doc(row: ServiceLog) -> SearchDoc:
    return SearchDoc(kind="service", row_id=row.id, title=row.subject, subtitle=row.status,
                     names=(row.subject,),
                     body=f"{row.category} {row.description} {row.resolution}")


def note_doc(row: Note) -> SearchDoc:
    return SearchDoc(kind="note", row_id=row.id, title=row.body[:80], subtitle=row.kind,
                     body=row.body)


def _contact_doc_in(session: Session, row: Contact) -> SearchDoc:
    company = session.get(Company, row.company_id) if row.company_id else None
    if company is None or company.deleted_at is not None:  # none, or in the recycle bin
        return contact_doc(row)
    return contact_doc(row, company.name)


BUILDERS: dict[str, tuple[type[Record], Callable[[Session, Record], SearchDoc]]] = {
    "contact": (Contact, _contact_doc_in),  # type: ignore[dict-item]
    "company": (Company, lambda _s, r: company_doc(r)),  # type: ignore[arg-type]
    "deal": (Deal, lambda _s, r: deal_doc(r)),  # type: ignore[arg-type]
    "service": (ServiceLog, lambda _s, r: service_doc(r)),  # type: ignore[arg-type]
    "note": (Note, lambda _s, r: note_doc(r)),  # type: ignore[arg-type]
}


def reindex(session: Session, touched: set[tuple[str, str]]) -> None:
    """Bring the index up to date for every searchable row a transaction touched, and for the
    live contacts of a touched company (their documents carry the company's name)."""
    conn = session.connection()
    for entity, row_id in touched | _contacts_of_companies(session, touched):
        if entity not in BUILDERS:
            continue
        table, build = BUILDERS[entity]
        row = session.get(table, row_id)
        if row is None or row.deleted_at is not None:
            remove_doc(conn, entity, row_id)
        else:
            index_doc(conn, build(session, row))


def _contacts_of_companies(session: Session, touched: set[tuple[str, str]]) -> set[tuple[str, str]]:
    company_ids = {row_id for entity, row_id in touched if entity == "company"}
    if not company_ids:
        return set()
    query = select(Contact.id).where(col(Contact.company_id).in_(company_ids),
                                     col(Contact.deleted_at).is_(None))
    return {("contact", contact_id) for contact_id in session.exec(query)}
