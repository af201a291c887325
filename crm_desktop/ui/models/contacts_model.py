"""Contacts as a paged table model: rows are fetched a page at a time as the view scrolls."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from crm_desktop.core.domain.labels import value_label
from crm_desktop.core.domain.models import ContactRead
from crm_desktop.core.services.contacts import ContactQuery, ContactService
from crm_desktop.ui.models.columns import Column
from crm_desktop.ui.models.paged import PAGE, ROW_ID_ROLE, PagedTableModel  # noqa: F401 (re-exported)

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")

SORTABLE = {key: key for key in ("name", "company", "title", "phone", "email", "stage")}


def contact_columns() -> tuple[Column[ContactRead], ...]:
    return (
        Column("name", translate("ContactsModel", "Name"), lambda c: c.display_name),
        Column("company", translate("ContactsModel", "Company"), lambda c: c.company_name),
        Column("title", translate("ContactsModel", "Job title"), lambda c: c.title),
        Column("phone", translate("ContactsModel", "Phone"), lambda c: c.primary_phone),
        Column("email", translate("ContactsModel", "Email"), lambda c: c.primary_email),
        Column("stage", translate("ContactsModel", "Stage"),
               lambda c: value_label(c.lifecycle_stage)),
        Column("tags", translate("ContactsModel", "Tags"), lambda c: ", ".join(c.tags)),
    )


@dataclass(frozen=True, slots=True)
class ContactRow:
    """What the table shows of a contact: 100,000 full records would cost ~450 MB and long
    garbage-collector pauses; the full contact is read when one is opened."""

    id: str
    sort_key: str  # the next page in name order continues after the last row's key
    texts: tuple[str, ...]


def _row_columns(columns: tuple[Column[ContactRead], ...]) -> tuple[Column[ContactRow], ...]:
    return tuple(Column(c.key, c.header, _text_at(i), c.align_right) for i, c in enumerate(columns))


def _text_at(i: int) -> Callable[[ContactRow], str]:
    return lambda row: row.texts[i]


class ContactsModel(PagedTableModel[ContactRow, ContactQuery]):
    def __init__(self, contacts: ContactService, query: ContactQuery = ContactQuery()) -> None:
        self._full_columns = contact_columns()
        super().__init__(_row_columns(self._full_columns), query, sort_keys=SORTABLE)
        self._contacts = contacts
        self.reload()

    def count_records(self) -> int:
        return self._contacts.count(self._query)

    def read_page(self, offset: int, limit: int) -> list[ContactRow]:
        last = self._rows[-1] if offset and self._rows else None
        page = self._contacts.page(self._query, offset=offset, limit=limit,
                                   after=(last.sort_key, last.id) if last else None)
        return [ContactRow(c.id, c.sort_key, tuple(str(col.display(c)) for col in self._full_columns))
                for c in page]

    def contact_at(self, row: int) -> ContactRead:
        """The full contact shown in `row`, read fresh from the workspace."""
        return self._contacts.get(self._rows[row].id)

    def id_at(self, row: int) -> str:
        return self._rows[row].id
