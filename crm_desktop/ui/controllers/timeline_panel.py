"""A contact's or company's timeline with quick actions; it follows the change bus while a
record is shown."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QListWidgetItem, QWidget

from crm_desktop.core.crm import Crm
from crm_desktop.core.domain.changes import Changes
from crm_desktop.core.errors import NotFoundError
from crm_desktop.ui.changes import ChangeBus
from crm_desktop.ui.controllers.quick_actions import QuickActions
from crm_desktop.ui.controllers.timeline_entries import (
    COMPANY_TIMELINE_ENTITIES,
    TIMELINE_ENTITIES,
    TimelineEntry,
    company_timeline,
    contact_timeline,
)
from crm_desktop.ui.item_lists import empty_list
from crm_desktop.ui.models.reminders_model import local_text
from crm_desktop.ui.views.timeline_view import META_ROLE, TimelineView, badge_icon

ROW_ID_ROLE = Qt.ItemDataRole.UserRole + 1  # the record (or journal batch) an entry shows


class TimelinePanel(TimelineView):
    activated = Signal()  # a quick-action shortcut fired: the panel should be brought into view
    profile_requested = Signal(str, str)  # (kind, id): "Profile PDF…" was pressed

    def __init__(self, crm: Crm, bus: ChangeBus, kind: str = "contact") -> None:
        """`kind`: what the panel shows when nothing is selected ("contact" or "company")."""
        self.quick = QuickActions(crm, bus)
        super().__init__(self.quick)
        self._crm = crm
        self._kind = kind
        self._record_id: str | None = None
        self._entries: list[TimelineEntry] = []
        self.quick.profile_requested.connect(self.profile_requested)
        bus.changed.connect(self._changed)
        self.forget()

    @property
    def contact_id(self) -> str | None:
        return self._record_id if self._kind == "contact" else None

    @property
    def company_id(self) -> str | None:
        return self._record_id if self._kind == "company" else None

    def install_shortcuts(self, host: QWidget) -> None:
        """Quick-action shortcuts active anywhere inside `host` (a page holding this panel)."""
        self.quick.install_shortcuts(host, self.activated.emit)

    def show_contact(self, contact_id: str) -> None:
        """Show everything about the contact, newest first, and act on it."""
        self._show("contact", contact_id)

    def show_company(self, company_id: str) -> None:
        """Show everything about the company (notes, deals, people, history), newest first,
        and act on it."""
        self._show("company", company_id)

    def _show(self, kind: str, record_id: str) -> None:
        if (kind, record_id) != (self._kind, self._record_id):
            self._kind = kind
            self._record_id = record_id
            self.quick.set_record(kind, record_id)
        self.refresh()

    def forget(self) -> None:
        """Show nothing (no record, or the workspace is locked)."""
        self._record_id = None
        self._entries = []
        self.quick.set_record(self._kind, None)
        self.heading.setText(self.tr("Timeline"))
        empty_list(self.entries_list)
        self._show_empty(self.tr("Select a company to see its timeline.") if self._kind == "company"
                         else self.tr("Select a contact to see its timeline."))

    def entries(self) -> list[TimelineEntry]:
        """What is shown, top to bottom."""
        return list(self._entries)

    def refresh(self) -> None:
        if self._record_id is None:
            return
        try:
            if self._kind == "company":
                company = self._crm.companies.get(self._record_id)
                heading, entries = company.name, company_timeline(self._crm, company.id)
            else:
                contact = self._crm.contacts.get(self._record_id)
                heading, entries = contact.display_name, contact_timeline(self._crm, contact.id)
        except NotFoundError:  # deleted (or its creation undone) meanwhile
            self.forget()
            return
        self.heading.setText(heading)
        self._entries = entries
        self._fill()

    def _fill(self) -> None:
        empty_list(self.entries_list)
        for entry in self._entries:
            self.entries_list.addItem(self._item(entry))
        self._show_empty(self.tr("Nothing recorded yet: use the buttons above.")
                         if not self._entries else "")

    def _item(self, entry: TimelineEntry) -> QListWidgetItem:
        meta = f"{local_text(entry.at)} · {entry.detail}" if entry.detail else local_text(entry.at)
        item = QListWidgetItem(badge_icon(entry.kind), entry.title)
        item.setData(META_ROLE, meta)
        item.setData(ROW_ID_ROLE, entry.row_id)
        item.setToolTip(entry.title)
        return item

    def _show_empty(self, message: str) -> None:
        self.empty.setText(message)
        self.empty.setVisible(bool(message))
        self.entries_list.setVisible(not message)

    def _changed(self, changes: Changes) -> None:
        if self._record_id is None:
            return
        entities = COMPANY_TIMELINE_ENTITIES if self._kind == "company" else TIMELINE_ENTITIES
        if self._record_id in changes.ids(self._kind) or any(
                changes.touches(entity) for entity in entities):
            self.refresh()
