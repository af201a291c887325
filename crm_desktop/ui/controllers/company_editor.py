"""Create, edit and delete a company; validation messages appear under the field they concern."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialogButtonBox

from crm_desktop.core.crm import Crm
from crm_desktop.core.domain.changes import Outcome
from crm_desktop.core.domain.models import CompanyCreate, CompanyRead, CompanyUpdate
from crm_desktop.ui.changes import ChangeBus
from crm_desktop.ui.controllers.form_support import InlineErrors, split_tags
from crm_desktop.ui.views.company_form_view import CompanyFormView

FIELD_ERRORS = {"name": "name", "phone": "phone"}


class CompanyEditor(InlineErrors, CompanyFormView):
    field_errors = FIELD_ERRORS
    saved = Signal(str)
    deleted = Signal(str)
    cancelled = Signal()

    def __init__(self, crm: Crm, bus: ChangeBus) -> None:
        super().__init__()
        self._crm = crm
        self._bus = bus
        self._editing: CompanyRead | None = None
        self.buttons.button(QDialogButtonBox.StandardButton.Save).clicked.connect(self.save)
        self.buttons.rejected.connect(self.cancelled.emit)
        self.delete_button.clicked.connect(self.delete)
        self.edit_new()

    @property
    def editing(self) -> CompanyRead | None:
        return self._editing

    def edit_new(self) -> None:
        self._editing = None
        self.heading.setText(self.tr("New company"))
        for field in (self.name, self.industry, self.phone, self.website, self.tags):
            field.clear()
        self.address.clear()
        self.notes.clear()
        self.delete_button.setEnabled(False)
        self._clear_errors()
        self.name.setFocus()

    def edit(self, company: CompanyRead) -> None:
        self._editing = company
        self.heading.setText(self.tr("Edit company"))
        self.name.setText(company.name)
        self.industry.setText(company.industry)
        self.phone.setText(company.phone)
        self.website.setText(company.website)
        self.address.setPlainText(company.address)
        self.notes.setPlainText(company.notes)
        self.tags.setText(", ".join(company.tags))
        self.delete_button.setEnabled(True)
        self._clear_errors()

    def save(self) -> None:
        self._clear_errors()
        outcome = self._attempt(self._save)
        if outcome is None:
            return
        self._bus.publish(outcome.changes)
        self.saved.emit(outcome.value.id)

    def delete(self) -> None:
        """Move the company being edited to the recycle bin."""
        if self._editing is None:
            return
        company_id = self._editing.id
        outcome = self._attempt(lambda: self._crm.companies.delete(company_id))
        if outcome is None:
            return
        self.edit_new()
        self._bus.publish(outcome.changes)
        self.deleted.emit(company_id)

    def _save(self) -> Outcome[CompanyRead]:
        values = {"name": self.name.text(), "industry": self.industry.text(),
                  "phone": self.phone.text(), "website": self.website.text(),
                  "address": self.address.toPlainText(), "notes": self.notes.toPlainText()}
        if self._editing is None:
            return self._crm.companies.add(CompanyCreate(**values, tags=split_tags(self.tags.text())))
        outcome = self._crm.companies.update(self._editing.id, CompanyUpdate(**values))
        self._sync_tags(outcome.value)
        return outcome

    def _sync_tags(self, company: CompanyRead) -> None:
        self._bus.publish(self._crm.tags.set("company", company.id,
                                             split_tags(self.tags.text())).changes)

