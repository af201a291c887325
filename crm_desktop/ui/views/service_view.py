"""The service logs page layout: new, status / owner filters, the table, the form beside it."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from crm_desktop.ui.views.record_list_view import RecordListView


class ServiceView(RecordListView):
    def __init__(self, form: QWidget) -> None:
        super().__init__(self.tr("New service log"), self.tr("New service log (Ctrl+N)"), form)
        self.status_filter = self.add_filter(self.tr("Status"))
        self.owner_filter = self.add_filter(self.tr("Owner"))
