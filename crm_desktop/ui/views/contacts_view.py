"""The contacts page layout: new, import, stage / tag / owner filters, the table, the form and timeline."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton, QWidget

from crm_desktop.ui.views.record_list_view import RecordListView


class ContactsView(RecordListView):
    def __init__(self, form: QWidget, timeline: QWidget | None = None) -> None:
        super().__init__(self.tr("New contact"), self.tr("New contact (Ctrl+N)"), form, timeline)
        self.import_button = QPushButton(self.tr("Import…"))
        self.import_button.setToolTip(self.tr("Import contacts from a CSV, Excel or vCard file "
                                              "(Ctrl+Shift+I)"))
        self._bar.insertWidget(1, self.import_button)  # beside New
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.setToolTip(self.tr("Export contacts (CSV, Excel, vCard), reminders as a "
                                              "calendar, or everything as JSON"))
        self._bar.insertWidget(2, self.export_button)  # beside Import
        self.stage_filter = self.add_filter(self.tr("Stage"))
        self.tag_filter = self.add_filter(self.tr("Tag"))
        self.owner_filter = self.add_filter(self.tr("Owner"))
