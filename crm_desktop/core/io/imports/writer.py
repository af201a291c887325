"""Writing an accepted import: new contacts (with their companies, tags and first notes) through
the bulk path, updates through the contact service — all in the caller's one transaction, so the
import is one journal batch: all rows or none, undone as one."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from crm_desktop.core.domain.models import ContactUpdate
from crm_desktop.core.helper_process import HelperProcess
from crm_desktop.core.ids import is_id, new_id
from crm_desktop.core.io.imports.plan import PlannedRow
from crm_desktop.core.io.imports.workspace_records import WorkspaceRecords
from crm_desktop.core.search.docs import ContactDocs, company_doc, note_doc
from crm_desktop.core.search.text import sort_key
from crm_desktop.core.services.contacts import ContactService
from crm_desktop.core.services.tagging import add_tags
from crm_desktop.core.storage.bulk import BulkWriter, bulk_helper, record_defaults
from crm_desktop.core.storage.database import Database, Tx
from crm_desktop.core.storage.tables import Company, Contact, Note, Tag, Tagging
from crm_desktop.core.storage.types import utcnow

Progress = Callable[[int, int], None]
CONTACT_DEFAULTS: dict[str, Any] = {
    "family_name": "", "given_name": "", "name_order": "western", "company_id": None, "title": "",
    "emails": [], "phones": [], "addresses": [], "birthday": None, "lead_source": "",
    "lifecycle_stage": "lead", "marketing_consent": False, "consent_date": None,
    "consent_source": "", "custom_fields": {}}


class ImportWriter:
    def __init__(self, db: Database, tx: Tx, contacts: ContactService) -> None:
        self._tx = tx
        self._contacts = contacts
        self._bulk = BulkWriter(db, "import")
        self._companies = _names_to_ids(tx, "companies", "name")
        self._tags = _names_to_ids(tx, "tags", "name")
        self._new_companies: list[dict[str, Any]] = []
        self._new_tags: list[dict[str, Any]] = []

    def write(self, creates: list[PlannedRow], updates: list[PlannedRow],
              progress: Progress | None = None,
              document: dict[str, list[dict[str, Any]]] | None = None,
              matched: list[PlannedRow] | None = None,
              helper: HelperProcess | None = None) -> set[tuple[str, str]]:
        """Write them (and, from our workspace JSON, the records besides contacts); returns
        (entity, id) of every record created, for the screens to refresh. `helper`: a helper
        process for the bulk write, closed here (without one, a new one starts while the rows
        are made)."""
        with helper or bulk_helper(len(creates)) as preparer:
            created = self._write(creates, updates, progress, document, matched or [], preparer)
        return created

    def _write(self, creates: list[PlannedRow], updates: list[PlannedRow],
               progress: Progress | None, document: dict[str, list[dict[str, Any]]] | None,
               matched: list[PlannedRow], helper: HelperProcess) -> set[tuple[str, str]]:
        records = WorkspaceRecords(self._tx, document) if document is not None else None
        if records is not None:
            records.before_contacts(self._bulk, self._companies, self._tags)
        # ids already used, read only when the file brings ids of its own (our exports)
        own_ids = any(is_id(row.candidate.record_id) for row in creates)
        self._taken = _contact_ids(self._tx) if own_ids else set()
        contacts, notes, taggings = [], [], []
        for row in creates:  # ids and links here; the rows themselves are built by the helper
            contact = self._contact_item(row)
            contacts.append(contact)
            if row.candidate.note:
                notes.append({"body": row.candidate.note, "contact_id": contact["id"]})
            taggings += [{"tag_id": self._tag_id(name), "row_id": contact["id"]}
                         for name in _unique(row.candidate.tags)]
        names = {c["id"]: c["name"] for c in self._new_companies} | self._company_names()
        self._bulk.add(Company, self._new_companies, company_doc, build=company_row)
        # New companies are made in the order rows first name them: a contact chunk's companies
        # are all in the company chunks up to its own (not so when a workspace file brings its own)
        self._bulk.add(Contact, contacts, ContactDocs(names), build=contact_row,
                       alongside=records is None)
        self._bulk.add(Note, notes, note_doc, build=note_row)
        self._bulk.add(Tag, self._new_tags)
        self._bulk.add(Tagging, taggings, build=tagging_row)
        if records is not None:
            known = [*updates, *matched]  # skipped rows' records link to the contact they matched
            records.after_contacts(self._bulk, _contact_ids_of(creates, contacts, known), self._tags)
        self._bulk.write_into(self._tx, progress, helper)
        for row in updates:
            self._update(row)
        return ({("contact", c["id"]) for c in contacts}
                | {("company", c["id"]) for c in self._new_companies})

    def _contact_item(self, row: PlannedRow) -> dict[str, Any]:
        values = dict(row.candidate.values)
        company = values.pop("company_name", "")
        values["company_id"] = self._company_id(company) if company else None
        kept = row.candidate.record_id
        if is_id(kept) and kept not in self._taken:  # our own export: same person, same id
            values["id"] = kept
            self._taken.add(kept)
        else:
            values["id"] = new_id()
        return values

    def _update(self, row: PlannedRow) -> None:
        changes = dict(row.changes)
        tags = changes.pop("tags", [])
        if changes:
            self._contacts.update_in(self._tx, row.contact_id, ContactUpdate(**changes))
        if tags:
            add_tags(self._tx, "contact", row.contact_id, tags)

    def _company_id(self, name: str) -> str:
        key = name.strip().lower()
        if key not in self._companies:
            company = {"id": new_id(), "name": name.strip()}
            self._new_companies.append(company)
            self._companies[key] = (company["id"], company["name"])
        return self._companies[key][0]

    def _company_names(self) -> dict[str, str]:
        return dict(self._companies.values())

    def _tag_id(self, name: str) -> str:
        key = name.lower()
        if key not in self._tags:
            tag = record_defaults(name=name, color="")
            self._new_tags.append(tag)
            self._tags[key] = (tag["id"], name)
        return self._tags[key][0]


def contact_row(item: dict[str, Any]) -> dict[str, Any]:
    row = record_defaults(**(CONTACT_DEFAULTS | item))
    if "sort_key" not in item:  # the preview computes it
        row["sort_key"] = sort_key(row["display_name"])
    return row


def company_row(item: dict[str, Any]) -> dict[str, Any]:
    return record_defaults(sort_key=sort_key(item["name"]), industry="", phone="", website="",
                           address="", notes="", **item)


def note_row(item: dict[str, Any]) -> dict[str, Any]:
    return record_defaults(kind="note", company_id=None, deal_id=None, occurred_at=utcnow(),
                           **item)


def tagging_row(item: dict[str, Any]) -> dict[str, Any]:
    return record_defaults(entity="contact", **item)


def _names_to_ids(tx: Tx, table: str, column: str) -> dict[str, tuple[str, str]]:
    rows = tx.session.connection().exec_driver_sql(
        f"SELECT id, {column} FROM {table} WHERE deleted_at IS NULL")
    found: dict[str, tuple[str, str]] = {}
    for row_id, name in rows:
        found.setdefault(name.lower(), (row_id, name))
    return found


def _contact_ids(tx: Tx) -> set[str]:
    return {row_id for (row_id,) in tx.session.connection().exec_driver_sql("SELECT id FROM contacts")}


def _contact_ids_of(creates: list[PlannedRow], rows: list[dict[str, Any]],
                    updates: list[PlannedRow]) -> dict[str, str]:
    """The file's contact ids -> the contacts they became or matched here."""
    found = {row.candidate.record_id: made["id"] for row, made in zip(creates, rows, strict=True)}
    return found | {row.candidate.record_id: row.contact_id for row in updates if row.contact_id}



def _unique(names: list[str]) -> list[str]:
    seen: dict[str, str] = {}
    for name in names:
        seen.setdefault(name.lower(), name)
    return list(seen.values())
