"""The companies page: a paged list with a tag filter, and the editor and the timeline (notes,
deals, people, history, quick actions) of the selected company."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QSettings
from PySide6.QtGui import QKeySequence, QShortcut

from crm_desktop.core.crm import Crm
from crm_desktop.core.domain.changes import Changes
from crm_desktop.ui.changes import ChangeBus
from crm_desktop.ui.controllers.company_editor import CompanyEditor
from crm_desktop.ui.controllers.timeline_panel import TimelinePanel
from crm_desktop.ui.models.companies_model import CompaniesModel
from crm_desktop.ui.views.companies_view import CompaniesView

MAX_COLUMN = 260
STATE_KEY = "companies/"


class CompaniesPage(CompaniesView):
    def __init__(self, crm: Crm, bus: ChangeBus, settings: QSettings) -> None:
        self.editor = CompanyEditor(crm, bus)
        self.timeline = TimelinePanel(crm, bus, kind="company")
        super().__init__(self.editor, self.timeline)
        self._crm = crm
        self._settings = settings
        self.model = CompaniesModel(crm.companies)
        self.table.setModel(self.model)
        self._fill_tags()
        self.new_button.clicked.connect(self.new)
        QShortcut(QKeySequence.StandardKey.New, self, self.new)
        self.timeline.install_shortcuts(self)
        self.timeline.activated.connect(lambda: self.details.setCurrentWidget(self.timeline))
        self.table.selectionModel().selectionChanged.connect(self._selected)
        self.tag_filter.currentIndexChanged.connect(self._filter)
        self.editor.saved.connect(self.show_company)
        bus.changed.connect(self._refresh)
        self._restore_layout()
        self._update_count()

    def show_company(self, company_id: str) -> None:
        """Select the company in the list (loading pages as needed) and open it in the form."""
        row = self._find_row(company_id)
        if row is None:
            self.model.reload()
            row = self._find_row(company_id)
        if row is not None:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))
            self.editor.edit(self.model.company_at(row))
        else:  # filtered out by the tag filter
            self.editor.edit(self._crm.companies.get(company_id))
        self.timeline.show_company(company_id)

    def new(self) -> None:
        """An empty form, with nothing selected in the list."""
        self.table.clearSelection()
        self.details.setCurrentWidget(self.editor)
        self.timeline.forget()
        self.editor.edit_new()

    def save_layout(self) -> None:
        self._settings.setValue(STATE_KEY + "header", self.table.horizontalHeader().saveState())
        self._settings.setValue(STATE_KEY + "splitter", self.splitter.saveState())

    def forget(self) -> None:
        """Drop every company held for display (on lock)."""
        self.model.clear()
        self.timeline.forget()
        self.editor.edit_new()
        self.count.clear()

    def _find_row(self, company_id: str) -> int | None:
        row = self.model.row_of(company_id)
        while row is None and self.model.canFetchMore():
            self.model.fetchMore()
            row = self.model.row_of(company_id)
        return row

    def _fit_columns(self) -> None:
        """First run: columns as wide as the first page needs, none wider than MAX_COLUMN."""
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        for section in range(header.count()):
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

    def _fill_tags(self) -> None:
        current = self.tag_filter.currentData()
        self.tag_filter.blockSignals(True)
        self.tag_filter.clear()
        self.tag_filter.addItem(self.tr("All"), None)
        for tag in self._crm.tags.all():
            self.tag_filter.addItem(tag, tag)
        self.tag_filter.setCurrentIndex(max(0, self.tag_filter.findData(current)))
        self.tag_filter.blockSignals(False)

    def _filter(self) -> None:
        self.model.set_tag(self.tag_filter.currentData())
        self._update_count()

    def _selected(self, _selected: QItemSelection, _old: QItemSelection) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            company = self.model.company_at(rows[0].row())
            self.editor.edit(company)
            self.timeline.show_company(company.id)

    def _refresh(self, changes: Changes) -> None:
        if changes.touches("tag") or changes.touches("tagging"):
            self._fill_tags()
        if changes.touches("company") or changes.touches("tagging"):
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
        self.count.setText(self.tr("%n company(s)", "", self.model.total))
