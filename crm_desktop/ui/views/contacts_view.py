"""The contacts page layout: new, stage / tag / owner filters, the table, the form and timeline."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from crm_desktop.ui.views.record_list_view import RecordListView


class ContactsView(RecordListView):
    def __init__(self, form: QWidget, timeline: QWidget | None = None) -> None:
        super().__init__(self.tr("New contact"), self.tr("New contact (Ctrl+N)"), form, timeline)
        self.stage_filter = self.add_filter(self.tr("Stage"))
        self.tag_filter = self.add_filter(self.tr("Tag"))
        self.owner_filter = self.add_filter(self.tr("Owner"))
