"""Create and edit a deal; the core's validation message appears under the field it concerns."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import QDialogButtonBox

from crm_desktop.core.crm import Crm
from crm_desktop.core.domain.changes import Outcome
from crm_desktop.core.domain.models import DealCreate, DealRead, DealUpdate
from crm_desktop.core.errors import NotFoundError
from crm_desktop.ui.changes import ChangeBus
from crm_desktop.ui.controllers.form_support import InlineErrors
from crm_desktop.ui.views.deal_form_view import DealFormView

# the core's field name -> the message label under the form field it concerns
FIELD_ERRORS = {"title": "title", "company": "company", "company_name": "company",
                "company_id": "company", "amount": "amount", "currency": "currency",
                "stage": "stage", "expected_close": "expected_close", "source": "source",
                "owner": "owner"}


class DealEditor(InlineErrors, DealFormView):
    field_errors = FIELD_ERRORS
    saved = Signal(str)   # id of the deal created or changed
    cancelled = Signal()

    def __init__(self, crm: Crm, bus: ChangeBus) -> None:
        super().__init__()
        self._crm = crm
        self._bus = bus
        self._editing: DealRead | None = None
        self._company_name = ""  # the company's name as loaded, to tell whether it was changed
        self.buttons.button(QDialogButtonBox.StandardButton.Save).clicked.connect(self.save)
        self.buttons.rejected.connect(self.cancelled.emit)
        self.no_close_date.toggled.connect(self._close_date_toggled)
        self.reload_stages()
        self.edit_new()

    @property
    def editing(self) -> DealRead | None:
        """The deal being edited, or None while the form is for a new deal."""
        return self._editing

    def reload_stages(self) -> None:
        """Offer the pipeline's stages, keeping the one chosen."""
        chosen = self.stage.currentData()
        self.stage.clear()
        for stage in self._crm.deals.stages():
            self.stage.addItem(stage.name, stage.id)
        self.stage.setCurrentIndex(max(0, self.stage.findData(chosen)))

    def edit_new(self) -> None:
        """An empty form for a new deal: first stage, the business's currency, no close date."""
        self.clear()
        self.set_currency(self._crm.settings.get().currency)
        self.title.setFocus()

    def clear(self) -> None:
        """Empty every field (also on lock: it reads nothing from the workspace)."""
        self._editing = None
        self._company_name = ""
        self.heading.setText(self.tr("New deal"))
        for field in (self.title, self.company, self.amount, self.source, self.owner):
            field.clear()
        self.stage.setCurrentIndex(0)
        self.expected_close.setDate(QDate.currentDate())
        self.no_close_date.setChecked(True)
        self._close_date_toggled(True)
        self._clear_errors()

    def edit(self, deal: DealRead) -> None:
        """Fill the form with the deal's values."""
        self._editing = deal
        self._company_name = self._company_of(deal)
        self.heading.setText(self.tr("Edit deal"))
        self.title.setText(deal.title)
        self.company.setText(self._company_name)
        self.amount.setText(f"{deal.amount:f}")
        self.set_currency(deal.currency)
        self.stage.setCurrentIndex(max(0, self.stage.findData(deal.stage_id)))
        close = (QDate.fromString(deal.expected_close, Qt.DateFormat.ISODate)
                 if deal.expected_close else QDate())
        self.no_close_date.setChecked(not close.isValid())
        self._close_date_toggled(not close.isValid())
        if close.isValid():
            self.expected_close.setDate(close)
        self.source.setText(deal.source)
        self.owner.setText(deal.owner)
        self._clear_errors()

    def set_currency(self, code: str) -> None:
        index = self.currency.findText(code)
        if index >= 0:
            self.currency.setCurrentIndex(index)
        else:
            self.currency.setEditText(code)

    def save(self) -> None:
        """Create or change the deal through the core; a refusal is shown under its field."""
        self._clear_errors()
        outcome = self._attempt(self._save)
        if outcome is None:
            return
        self._bus.publish(outcome.changes)
        self.saved.emit(outcome.value.id)

    def _save(self) -> Outcome[DealRead]:
        values: dict[str, object] = {
            "title": self.title.text(), "amount": self.amount.text().strip() or "0",
            "currency": self.currency.currentText().strip(), "stage": self.stage.currentData(),
            "expected_close": self._close_text(), "source": self.source.text().strip(),
            "owner": self.owner.text().strip()}
        company = self.company.text().strip()
        if self._editing is None:
            if company:
                values["company_name"] = company
            return self._crm.deals.add(DealCreate.model_validate(values))
        if company != self._company_name:  # linked to another (maybe new) company, or to none
            if company:
                values["company_name"] = company
            else:
                values["company_id"] = None
        return self._crm.deals.update(self._editing.id, DealUpdate.model_validate(values))

    def _close_text(self) -> str:
        """The expected close date as YYYY-MM-DD, or "" for none."""
        if self.no_close_date.isChecked():
            return ""
        return self.expected_close.date().toString(Qt.DateFormat.ISODate)

    def _close_date_toggled(self, none: bool) -> None:
        self.expected_close.setEnabled(not none)

    def _company_of(self, deal: DealRead) -> str:
        if not deal.company_id:
            return ""
        try:
            return self._crm.companies.get(deal.company_id).name
        except NotFoundError:  # in the recycle bin
            return ""

