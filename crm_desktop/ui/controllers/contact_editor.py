"""Create and edit a contact; validation messages appear under the field they concern."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialogButtonBox

from crm_desktop.core.crm import Crm
from crm_desktop.core.domain.labels import value_label
from crm_desktop.core.domain.models import (
    LIFECYCLE_STAGES,
    ContactCreate,
    ContactRead,
    ContactUpdate,
    Labeled,
)
from crm_desktop.ui.changes import ChangeBus
from crm_desktop.ui.controllers.duplicate_hint import DuplicateHint
from crm_desktop.ui.controllers.form_support import InlineErrors, split_tags
from crm_desktop.ui.controllers.privacy_actions import PrivacyActions
from crm_desktop.ui.tasks import TaskRunner, ThreadTaskRunner
from crm_desktop.ui.views.contact_form_view import ContactFormView
from crm_desktop.ui.views.form_parts import ERROR_STYLE

FIELD_ERRORS = {"display_name": "name", "name": "name", "email": "email", "phone": "phone",
                "company": "company", "lifecycle_stage": "lifecycle_stage", "note": "note"}


class ContactEditor(InlineErrors, ContactFormView):
    field_errors = FIELD_ERRORS
    saved = Signal(str)
    cancelled = Signal()
    deleted = Signal(str)  # the name, for a "moved to the bin" message
    erased = Signal(str)  # the id of a contact erased for good

    def __init__(self, crm: Crm, bus: ChangeBus, runner: TaskRunner | None = None) -> None:
        super().__init__()
        self._crm = crm
        self._bus = bus
        self._editing: ContactRead | None = None
        self.look_alikes = DuplicateHint(crm, self.duplicate_hint, runner or ThreadTaskRunner(parent=self),
                                         parent=self)
        for code in LIFECYCLE_STAGES:
            self.stage.addItem(value_label(code), code)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).clicked.connect(self.save)
        self.buttons.rejected.connect(self.cancelled.emit)
        self.delete.clicked.connect(self.move_to_bin)
        self.privacy = PrivacyActions(crm, bus, self)
        self.privacy.said.connect(self._say_privacy)
        self.export_data.clicked.connect(self.export_personal_data)
        self.erase.clicked.connect(self.ask_erase)
        self.edit_new()

    def edit_new(self) -> None:
        self._editing = None
        self.look_alikes.follow(None)
        self._enable_saved_actions(False)
        self.heading.setText(self.tr("New contact"))
        for field in (self.display_name, self.family_name, self.given_name, self.company,
                      self.job_title, self.email, self.phone, self.tags):
            field.clear()
        self.note.clear()
        self.note.setEnabled(True)
        self.stage.setCurrentIndex(0)
        self._clear_errors()
        self.display_name.setFocus()

    def edit(self, contact: ContactRead) -> None:
        self._editing = contact
        self.look_alikes.follow(contact.id)
        self._enable_saved_actions(True)
        self.heading.setText(self.tr("Edit contact"))
        self.display_name.setText(contact.display_name)
        self.family_name.setText(contact.family_name)
        self.given_name.setText(contact.given_name)
        self.company.setText(contact.company_name)
        self.job_title.setText(contact.title)
        self.email.setText(contact.primary_email)
        self.phone.setText(contact.primary_phone)
        self.stage.setCurrentIndex(max(0, self.stage.findData(contact.lifecycle_stage)))
        self.tags.setText(", ".join(contact.tags))
        self.note.clear()
        self.note.setEnabled(False)
        self._clear_errors()

    def move_to_bin(self) -> None:
        """Delete goes to the recycle bin; Ctrl+Z or the bin brings the contact back."""
        if self._editing is None:
            return
        contact_id = self._editing.id
        outcome = self._attempt(lambda: self._crm.contacts.delete(contact_id))
        if outcome is None:
            return
        self._bus.publish(outcome.changes)
        self.deleted.emit(self._editing.display_name)
        self.edit_new()

    def export_personal_data(self) -> None:
        """Export personal data…: everything held about this person, as a JSON file."""
        if self._editing is not None:
            self.privacy.export_person(self._editing)

    def ask_erase(self) -> None:
        """Erase this person…: a confirmation that needs the name typed; then the form empties."""
        if self._editing is not None:
            self.privacy.ask_erase(self._editing).erased.connect(self._erased)

    def _erased(self, contact_id: str) -> None:
        self.edit_new()
        self._say_privacy(self.tr("The person was erased."), False)
        self.erased.emit(contact_id)

    def _say_privacy(self, text: str, error: bool) -> None:
        self.privacy_message.setText(text)
        self.privacy_message.setStyleSheet(ERROR_STYLE if error else "")

    def _enable_saved_actions(self, saved: bool) -> None:
        for button in (self.delete, self.export_data, self.erase):
            button.setEnabled(saved)
        self.privacy_message.clear()

    def save(self) -> None:
        self._clear_errors()
        created = self._editing is None
        outcome = self._attempt(self._save)
        if outcome is None:
            return
        self._bus.publish(outcome.changes)
        if created:  # the form now shows the new contact, and says if it looks like a known one
            self.edit(outcome.value)
            self.look_alikes.check(outcome.value)
        self.saved.emit(outcome.value.id)

    def _save(self):  # type: ignore[no-untyped-def]
        email, phone = self.email.text(), self.phone.text()
        values = {
            "display_name": self.display_name.text(), "family_name": self.family_name.text(),
            "given_name": self.given_name.text(), "title": self.job_title.text(),
            "lifecycle_stage": self.stage.currentData(),
            "emails": [Labeled(label="work", value=email)] if email.strip() else [],
            "phones": [Labeled(label="mobile", value=phone)] if phone.strip() else [],
            "company_name": self.company.text().strip() or None}
        if self._editing is None:
            note = self.note.toPlainText().strip() or None
            tags = split_tags(self.tags.text())
            return self._crm.contacts.add(ContactCreate(**values, tags=tags, note=note))
        if not values["company_name"]:
            values["company_id"] = None
        outcome = self._crm.contacts.update(self._editing.id, ContactUpdate(**values))
        self._sync_tags(outcome.value)
        return outcome

    def _sync_tags(self, contact: ContactRead) -> None:
        self._bus.publish(self._crm.tags.set("contact", contact.id,
                                             split_tags(self.tags.text())).changes)

