"""The service logs page: a paged list filtered by status, and the editor for the selected log."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QSettings
from PySide6.QtGui import QKeySequence, QShortcut

from crm_desktop.core.crm import Crm
from crm_desktop.core.domain.changes import Changes
from crm_desktop.core.domain.labels import value_label
from crm_desktop.core.domain.models import SERVICE_STATUSES
from crm_desktop.core.errors import CrmError
from crm_desktop.ui.changes import ChangeBus
from crm_desktop.ui.controllers.service_editor import ServiceEditor
from crm_desktop.ui.models.service_model import ServiceModel
from crm_desktop.ui.views.service_view import ServiceView

MAX_COLUMN = 260
CONTACT_WIDTH = 130
STATE_KEY = "service/"


class ServicePage(ServiceView):
    def __init__(self, crm: Crm, bus: ChangeBus, settings: QSettings) -> None:
        self.editor = ServiceEditor(crm, bus)
        super().__init__(self.editor)
        self._crm = crm
        self._settings = settings
        self.model = ServiceModel(crm.service, self._contact_name)
        self.table.setModel(self.model)
        self.status_filter.addItem(self.tr("All"), None)
        for code in SERVICE_STATUSES:
            self.status_filter.addItem(value_label(code), code)
        self.new_button.clicked.connect(self.new)
        QShortcut(QKeySequence.StandardKey.New, self, self.new)
        self.table.selectionModel().selectionChanged.connect(self._selected)
        self.status_filter.currentIndexChanged.connect(self._filter)
        self.editor.saved.connect(self.show_log)
        bus.changed.connect(self._refresh)
        self._restore_layout()
        self._update_count()

    def show_log(self, log_id: str) -> None:
        """Select the log in the list (loading pages as needed) and open it in the form."""
        row = self._find_row(log_id)
        if row is None:
            self.model.reload()
            row = self._find_row(log_id)
        if row is not None:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))
            self.editor.edit(self.model.log_at(row))
        else:  # filtered out by the status filter
            self.editor.edit(self._crm.service.get(log_id))

    def new(self) -> None:
        """An empty form, with nothing selected in the list."""
        self.table.clearSelection()
        self.editor.edit_new()

    def save_layout(self) -> None:
        self._settings.setValue(STATE_KEY + "header", self.table.horizontalHeader().saveState())
        self._settings.setValue(STATE_KEY + "splitter", self.splitter.saveState())

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

    def _find_row(self, log_id: str) -> int | None:
        row = self.model.row_of(log_id)
        while row is None and self.model.canFetchMore():
            self.model.fetchMore()
            row = self.model.row_of(log_id)
        return row

    def _fit_columns(self) -> None:
        """First run: columns as wide as the first page needs, none wider than MAX_COLUMN.

        The contact column gets a fixed width: measuring it would look up every name on the page,
        while painting looks up only the rows on screen.
        """
        header = self.table.horizontalHeader()
        for section, column in enumerate(self.model.columns):
            if column.key == "contact":
                header.resizeSection(section, CONTACT_WIDTH)
                continue
            self.table.resizeColumnToContents(section)
            header.resizeSection(section, min(header.sectionSize(section) + 12, MAX_COLUMN))

    def _restore_layout(self) -> None:
        header = self._settings.value(STATE_KEY + "header")
        if header:
            self.table.horizontalHeader().restoreState(header)
        else:
            self._fit_columns()
        splitter = self._settings.value(STATE_KEY + "splitter")
        if splitter:
            self.splitter.restoreState(splitter)

    def _filter(self) -> None:
        self.model.set_status(self.status_filter.currentData())
        self._update_count()

    def _selected(self, _selected: QItemSelection, _old: QItemSelection) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self.editor.edit(self.model.log_at(rows[0].row()))

    def _refresh(self, changes: Changes) -> None:
        if changes.touches("service") or changes.touches("contact"):
            self.model.reload()
            self._update_count()
            self._reselect()

    def _reselect(self) -> None:
        editing = self.editor.editing
        row = self.model.row_of(editing.id) if editing else None
        if row is not None:
            self.table.selectionModel().blockSignals(True)
            self.table.selectRow(row)
            self.table.selectionModel().blockSignals(False)
            self.table.viewport().update()

    def _update_count(self) -> None:
        self.count.setText(self.tr("%n service log(s)", "", self.model.total))
