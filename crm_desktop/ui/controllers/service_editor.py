"""Log and update a service request; the contact is found by typing (name, pinyin or phone)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QListWidgetItem

from crm_desktop.core.crm import Crm
from crm_desktop.core.domain.changes import Outcome
from crm_desktop.core.domain.labels import value_label
from crm_desktop.core.domain.models import (
    SERVICE_CHANNELS,
    SERVICE_PRIORITIES,
    SERVICE_STATUSES,
    ServiceCreate,
    ServiceRead,
    ServiceUpdate,
)
from crm_desktop.core.errors import CrmError
from crm_desktop.core.search.index import SearchHit
from crm_desktop.ui.changes import ChangeBus
from crm_desktop.ui.controllers.form_support import InlineErrors
from crm_desktop.ui.models.service_model import local_time, stars
from crm_desktop.ui.views.service_form_view import ServiceFormView

FIELD_ERRORS = {"subject": "subject", "contact_id": "contact", "satisfaction": "satisfaction"}
HIT_ROLE = Qt.ItemDataRole.UserRole + 1
MATCHES = 8


class ServiceEditor(InlineErrors, ServiceFormView):
    field_errors = FIELD_ERRORS
    saved = Signal(str)
    deleted = Signal(str)
    cancelled = Signal()

    def __init__(self, crm: Crm, bus: ChangeBus) -> None:
        super().__init__()
        self._crm = crm
        self._bus = bus
        self._editing: ServiceRead | None = None
        self._contact_id: str | None = None
        self._hits: list[SearchHit] = []
        self._fill_choices()
        self.buttons.button(QDialogButtonBox.StandardButton.Save).clicked.connect(self.save)
        self.buttons.rejected.connect(self.cancelled.emit)
        self.delete_button.clicked.connect(self.delete)
        self.contact.textEdited.connect(self.find_contacts)
        self.contact.returnPressed.connect(self._pick_first)
        self.contact_matches.itemClicked.connect(self._pick_item)
        self.contact_matches.itemActivated.connect(self._pick_item)
        self.edit_new()

    @property
    def editing(self) -> ServiceRead | None:
        return self._editing

    @property
    def contact_id(self) -> str | None:
        return self._contact_id

    def edit_new(self, contact_id: str | None = None) -> None:
        self._editing = None
        self.heading.setText(self.tr("New service log"))
        for field in (self.subject, self.category):
            field.clear()
        self.description.clear()
        self.resolution.clear()
        self._set_contact(contact_id)
        self._choose(self.channel, "phone")
        self._choose(self.priority, "normal")
        self._choose(self.status, "open")
        self._choose(self.satisfaction, None)
        self.times.clear()
        self.delete_button.setEnabled(False)
        self._clear_errors()
        self.subject.setFocus()

    def edit(self, log: ServiceRead) -> None:
        self._editing = log
        self.heading.setText(self.tr("Service log"))
        self.subject.setText(log.subject)
        self.category.setText(log.category)
        self.description.setPlainText(log.description)
        self.resolution.setPlainText(log.resolution)
        self._set_contact(log.contact_id)
        self._choose(self.channel, log.channel)
        self._choose(self.priority, log.priority)
        self._choose(self.status, log.status)
        self._choose(self.satisfaction, log.satisfaction)
        self.times.setText(self._times_text(log))
        self.delete_button.setEnabled(True)
        self._clear_errors()

    def save(self) -> None:
        self._clear_errors()
        if self.contact.text().strip() and self._contact_id is None:
            self._show_error("contact", self.tr("Pick a contact from the list, or clear the field."))
            return
        outcome = self._attempt(self._save)
        if outcome is None:
            return
        self._bus.publish(outcome.changes)
        self.edit(outcome.value)
        self.saved.emit(outcome.value.id)

    def delete(self) -> None:
        """Move the service log being edited to the recycle bin."""
        if self._editing is None:
            return
        log_id = self._editing.id
        outcome = self._attempt(lambda: self._crm.service.delete(log_id))
        if outcome is None:
            return
        self.edit_new()
        self._bus.publish(outcome.changes)
        self.deleted.emit(log_id)

    def find_contacts(self, text: str) -> None:
        """Search-as-you-type over contacts; typing drops the contact picked before."""
        self._contact_id = None
        self.contact_matches.clear()
        hits = self._crm.search(text, kinds=("contact",), limit=MATCHES) if text.strip() else []
        self._hits = hits  # rows made by Qt carry an index: see SearchBox._add_row
        for index, hit in enumerate(hits):
            self.contact_matches.addItem(f"{hit.title}  —  {hit.subtitle}" if hit.subtitle else hit.title)
            self.contact_matches.item(index).setData(HIT_ROLE, index)
        self._fit_matches()
        self.contact_matches.setVisible(bool(hits))

    def _fit_matches(self) -> None:
        rows = min(self.contact_matches.count(), 5)
        if rows:
            row_height = self.contact_matches.sizeHintForRow(0)
            self.contact_matches.setFixedHeight(rows * row_height + 2 * self.contact_matches.frameWidth())

    def matches(self) -> list[SearchHit]:
        return [self._hits[self.contact_matches.item(i).data(HIT_ROLE)]
                for i in range(self.contact_matches.count())]

    def pick_contact(self, hit: SearchHit) -> None:
        self._contact_id = hit.row_id
        self.contact.setText(hit.title)
        self.contact_matches.clear()
        self.contact_matches.hide()

    def _pick_first(self) -> None:
        hits = self.matches()
        if hits:
            self.pick_contact(hits[0])

    def _pick_item(self, item: QListWidgetItem) -> None:
        self.pick_contact(self._hits[item.data(HIT_ROLE)])

    def _save(self) -> Outcome[ServiceRead]:
        values: dict[str, Any] = {
            "subject": self.subject.text(), "description": self.description.toPlainText(),
            "channel": self.channel.currentData(), "category": self.category.text(),
            "priority": self.priority.currentData(), "status": self.status.currentData(),
            "resolution": self.resolution.toPlainText(), "contact_id": self._contact_id,
            "satisfaction": self.satisfaction.currentData()}
        if self._editing is None:
            return self._crm.service.add(ServiceCreate(**values))
        return self._crm.service.update(self._editing.id, ServiceUpdate(**values))

    def _fill_choices(self) -> None:
        for combo, codes in ((self.channel, SERVICE_CHANNELS), (self.priority, SERVICE_PRIORITIES),
                             (self.status, SERVICE_STATUSES)):
            for code in codes:
                combo.addItem(value_label(code), code)
        self.satisfaction.addItem(self.tr("Not rated"), None)
        for rating in range(1, 6):
            self.satisfaction.addItem(f"{stars(rating)}  {rating}", rating)

    def _set_contact(self, contact_id: str | None) -> None:
        self._contact_id = contact_id
        self.contact.setText(self._contact_name(contact_id) if contact_id else "")
        self.contact_matches.clear()
        self.contact_matches.hide()

    def _contact_name(self, contact_id: str) -> str:
        try:
            return self._crm.contacts.get(contact_id, include_deleted=True).display_name
        except CrmError:
            return ""

    def _times_text(self, log: ServiceRead) -> str:
        opened = self.tr("Opened %1").replace("%1", local_time(log.opened_at))
        if log.resolved_at is None:
            return opened
        resolved = self.tr("resolved %1").replace("%1", local_time(log.resolved_at))
        return f"{opened} · {resolved}"

    @staticmethod
    def _choose(combo: QComboBox, code: object) -> None:
        combo.setCurrentIndex(max(0, combo.findData(code)))

