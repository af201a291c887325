"""The companies page: a paged list with tag and owner filters, and the editor and the timeline
(notes, deals, people, history, quick actions) of the selected company."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QSettings
from PySide6.QtGui import QKeySequence, QShortcut

from crm_desktop.core.crm import Crm
from crm_desktop.core.domain.changes import Changes
from crm_desktop.core.services.companies import CompanyQuery
from crm_desktop.ui.changes import ChangeBus
from crm_desktop.ui.controllers.company_editor import CompanyEditor
from crm_desktop.ui.controllers.record_list import (
    ListLayout,
    enable_sorting,
    fill_choices,
    find_row,
    select_quietly,
)
from crm_desktop.ui.controllers.timeline_panel import TimelinePanel
from crm_desktop.ui.models.companies_model import CompaniesModel
from crm_desktop.ui.views.companies_view import CompaniesView


class CompaniesPage(CompaniesView):
    def __init__(self, crm: Crm, bus: ChangeBus, settings: QSettings) -> None:
        self.editor = CompanyEditor(crm, bus)
        self.timeline = TimelinePanel(crm, bus, kind="company")
        super().__init__(self.editor, self.timeline)
        self._crm = crm
        self.model = CompaniesModel(crm.companies)
        self.table.setModel(self.model)
        enable_sorting(self.table, self.model)
        self.layout_state = ListLayout(settings, "companies/", self.table, self.splitter)
        self._fill_filters()
        self.new_button.clicked.connect(self.new)
        QShortcut(QKeySequence.StandardKey.New, self, self.new)
        self.timeline.install_shortcuts(self)
        self.timeline.activated.connect(lambda: self.details.setCurrentWidget(self.timeline))
        self.table.selectionModel().selectionChanged.connect(self._selected)
        self.tag_filter.currentIndexChanged.connect(self._filter)
        self.owner_filter.currentIndexChanged.connect(self._filter)
        self.editor.saved.connect(self.show_company)
        bus.changed.connect(self._refresh)
        self.layout_state.restore()
        self._update_count()

    def show_company(self, company_id: str) -> None:
        """Select the company in the list (loading pages as needed) and open it in the form."""
        row = find_row(self.model, company_id)
        if row is None:  # changed elsewhere (another window, the CLI): start from fresh pages
            self.model.reload()
            row = find_row(self.model, company_id)
        if row is not None:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))
            self.editor.edit(self.model.company_at(row))
        else:  # filtered out
            self.editor.edit(self._crm.companies.get(company_id))
        self.timeline.show_company(company_id)

    def new(self) -> None:
        """An empty form, with nothing selected in the list."""
        self.table.clearSelection()
        self.details.setCurrentWidget(self.editor)
        self.timeline.forget()
        self.editor.edit_new()

    def save_layout(self) -> None:
        self.layout_state.save()

    def forget(self) -> None:
        """Drop every company held for display (on lock)."""
        self.model.clear()
        self.timeline.forget()
        self.editor.edit_new()
        self.count.clear()

    def _fill_filters(self) -> None:
        fill_choices(self.tag_filter, ((tag, tag) for tag in self._crm.tags.all()))
        fill_choices(self.owner_filter, ((owner, owner) for owner in self._crm.companies.owners()))

    def _filter(self) -> None:
        self.model.reload(CompanyQuery(tag=self.tag_filter.currentData(),
                                       owner=self.owner_filter.currentData()))
        self._update_count()

    def _selected(self, _selected: QItemSelection, _old: QItemSelection) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            company = self.model.company_at(rows[0].row())
            self.editor.edit(company)
            self.timeline.show_company(company.id)

    def _refresh(self, changes: Changes) -> None:
        if changes.touches("tag") or changes.touches("tagging") or changes.touches("company"):
            self._fill_filters()
        if changes.touches("company") or changes.touches("tagging"):
            self.model.reload()
            self._update_count()
            editing = self.editor.editing
            select_quietly(self.table, self.model.row_of(editing.id) if editing else None)

    def _update_count(self) -> None:
        self.count.setText(self.tr("%n company(s)", "", self.model.total))
