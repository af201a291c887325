"""The service logs page: a paged list filtered by status and owner, and the editor for the
selected log."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QSettings
from PySide6.QtGui import QKeySequence, QShortcut

from crm_desktop.core.crm import Crm
from crm_desktop.core.domain.changes import Changes
from crm_desktop.core.domain.labels import value_label
from crm_desktop.core.domain.models import SERVICE_STATUSES
from crm_desktop.core.errors import CrmError
from crm_desktop.core.services.service_logs import ServiceQuery
from crm_desktop.ui.changes import ChangeBus
from crm_desktop.ui.controllers.record_list import (
    ListLayout,
    enable_sorting,
    fill_choices,
    find_row,
    select_quietly,
)
from crm_desktop.ui.controllers.service_editor import ServiceEditor
from crm_desktop.ui.models.service_model import ServiceModel
from crm_desktop.ui.views.service_view import ServiceView

CONTACT_WIDTH = 130


class ServicePage(ServiceView):
    def __init__(self, crm: Crm, bus: ChangeBus, settings: QSettings) -> None:
        self.editor = ServiceEditor(crm, bus)
        super().__init__(self.editor)
        self._crm = crm
        self.model = ServiceModel(crm.service, self._contact_name)
        self.table.setModel(self.model)
        enable_sorting(self.table, self.model)
        contact_column = next(i for i, c in enumerate(self.model.columns) if c.key == "contact")
        self.layout_state = ListLayout(settings, "service/", self.table, self.splitter,
                                       fixed_widths={contact_column: CONTACT_WIDTH})
        fill_choices(self.status_filter, ((value_label(code), code) for code in SERVICE_STATUSES))
        self._fill_owners()
        self.new_button.clicked.connect(self.new)
        QShortcut(QKeySequence.StandardKey.New, self, self.new)
        self.table.selectionModel().selectionChanged.connect(self._selected)
        self.status_filter.currentIndexChanged.connect(self._filter)
        self.owner_filter.currentIndexChanged.connect(self._filter)
        self.editor.saved.connect(self.show_log)
        bus.changed.connect(self._refresh)
        self.layout_state.restore()
        self._update_count()

    def show_log(self, log_id: str) -> None:
        """Select the log in the list (loading pages as needed) and open it in the form."""
        row = find_row(self.model, log_id)
        if row is None:
            self.model.reload()
            row = find_row(self.model, log_id)
        if row is not None:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))
            self.editor.edit(self.model.log_at(row))
        else:  # filtered out
            self.editor.edit(self._crm.service.get(log_id))

    def new(self) -> None:
        """An empty form, with nothing selected in the list."""
        self.table.clearSelection()
        self.editor.edit_new()

    def save_layout(self) -> None:
        self.layout_state.save()

    def forget(self) -> None:
        """Drop every service log held for display (on lock)."""
        self.model.clear()
        self.editor.edit_new()
        self.count.clear()

    def _contact_name(self, contact_id: str) -> str:
        try:
            return self._crm.contacts.get(contact_id, include_deleted=True).display_name
        except CrmError:
            return ""

    def _fill_owners(self) -> None:
        fill_choices(self.owner_filter, ((owner, owner) for owner in self._crm.service.owners()))

    def _filter(self) -> None:
        self.model.reload(ServiceQuery(status=self.status_filter.currentData(),
                                       owner=self.owner_filter.currentData()))
        self._update_count()

    def _selected(self, _selected: QItemSelection, _old: QItemSelection) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self.editor.edit(self.model.log_at(rows[0].row()))

    def _refresh(self, changes: Changes) -> None:
        if changes.touches("service") or changes.touches("contact"):
            self._fill_owners()
            self.model.reload()
            self._update_count()
            editing = self.editor.editing
            select_quietly(self.table, self.model.row_of(editing.id) if editing else None)

    def _update_count(self) -> None:
        self.count.setText(self.tr("%n service log(s)", "", self.model.total))
