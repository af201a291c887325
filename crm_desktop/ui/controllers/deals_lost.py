"""Mark a deal lost: the core requires a reason; a refused reason keeps the dialog open."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from crm_desktop.core.crm import Crm
from crm_desktop.core.domain.models import DealRead
from crm_desktop.core.errors import CrmError
from crm_desktop.ui.views.deals_lost_view import LostReasonView


class LostReasonDialog(LostReasonView):
    lost = Signal(object)  # the Outcome of crm.deals.lose

    def __init__(self, crm: Crm, deal: DealRead, parent: QWidget | None = None) -> None:
        super().__init__(deal.title, parent)
        self._crm = crm
        self._deal_id = deal.id
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

    def submit(self) -> None:
        try:
            outcome = self._crm.deals.lose(self._deal_id, self.reason.text())
        except CrmError as error:
            self.error.setText(str(error))
            self.error.show()
            self.reason.setFocus()
            return
        self.lost.emit(outcome)
        self.accept()
