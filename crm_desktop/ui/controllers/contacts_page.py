"""The contacts page: a paged list with filters, and the editor for the selected contact."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelection, QSettings, Qt
from PySide6.QtGui import QKeySequence, QShortcut

from crm_desktop.core.crm import Crm
from crm_desktop.core.domain.changes import Changes
from crm_desktop.core.domain.labels import value_label
from crm_desktop.core.domain.models import LIFECYCLE_STAGES
from crm_desktop.core.services.contacts import ContactQuery
from crm_desktop.ui.changes import ChangeBus
from crm_desktop.ui.controllers.contact_editor import ContactEditor
from crm_desktop.ui.controllers.record_list import ListLayout, enable_sorting, fill_choices, find_row
from crm_desktop.ui.controllers.timeline_panel import TimelinePanel
from crm_desktop.ui.models.contacts_model import ContactsModel
from crm_desktop.ui.tasks import TaskRunner, ThreadTaskRunner
from crm_desktop.ui.views.contacts_view import ContactsView

if TYPE_CHECKING:  # the import wizard and export dialog load on first use, not at start-up
    from crm_desktop.ui.controllers.export_dialog import ExportDialog
    from crm_desktop.ui.controllers.import_wizard import ImportWizard


class ContactsPage(ContactsView):
    def __init__(self, crm: Crm, bus: ChangeBus, settings: QSettings, *,
                 runner: TaskRunner | None = None) -> None:
        self.editor = ContactEditor(crm, bus, runner)
        self.timeline = TimelinePanel(crm, bus)
        super().__init__(self.editor, self.timeline)
        self._crm = crm
        self._bus, self._settings = bus, settings
        self._runner: TaskRunner = runner or ThreadTaskRunner(parent=self)
        self.import_wizard: ImportWizard | None = None
        self.model = ContactsModel(crm.contacts)
        self.table.setModel(self.model)
        enable_sorting(self.table, self.model)
        self.layout_state = ListLayout(settings, "contacts/", self.table, self.splitter)
        self._fill_filters()
        self.new_button.clicked.connect(self._new)
        QShortcut(QKeySequence.StandardKey.New, self, self._new)
        self.import_button.clicked.connect(self.open_import)
        QShortcut(QKeySequence("Ctrl+Shift+I"), self, self.open_import)
        self.export_button.clicked.connect(self.open_export)
        self.timeline.install_shortcuts(self)
        self.timeline.activated.connect(lambda: self.details.setCurrentWidget(self.timeline))
        self.table.selectionModel().selectionChanged.connect(self._selected)
        self.stage_filter.currentIndexChanged.connect(self._filter)
        self.tag_filter.currentIndexChanged.connect(self._filter)
        self.owner_filter.currentIndexChanged.connect(self._filter)
        self.editor.saved.connect(self.show_contact)
        self.editor.look_alikes.open_requested.connect(self.show_contact)
        bus.changed.connect(self._refresh)
        self.layout_state.restore()
        self._update_count()

    def show_contact(self, contact_id: str) -> None:
        """Select the contact in the list (loading pages as needed) and open it in the form."""
        row = find_row(self.model, contact_id)
        if row is None:  # changed elsewhere (another window, the CLI): start from fresh pages
            self.model.reload()
            row = find_row(self.model, contact_id)
        if row is not None:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))
        else:
            self.editor.edit(self._crm.contacts.get(contact_id))
            self.timeline.show_contact(contact_id)

    def _new(self) -> None:
        self.details.setCurrentWidget(self.editor)
        self.timeline.forget()
        self.editor.edit_new()

    def open_import(self) -> ImportWizard:
        """The import wizard, window-modal over this page; nothing is written before its Import."""
        if self.import_wizard is not None and self.import_wizard.isVisible():
            self.import_wizard.raise_()
            return self.import_wizard
        if self.import_wizard is not None:
            self.import_wizard.deleteLater()
        from crm_desktop.ui.controllers.import_wizard import ImportWizard

        self.import_wizard = ImportWizard(self._crm, self._bus, self._runner, self._settings, parent=self)
        self.import_wizard.open()
        return self.import_wizard

    def open_export(self) -> ExportDialog:
        """The export dialog, window-modal, with the list's current filters preset."""
        preset = ContactQuery(lifecycle_stage=self.stage_filter.currentData(),
                              tag=self.tag_filter.currentData(), owner=self.owner_filter.currentData())
        from crm_desktop.ui.controllers.export_dialog import ExportDialog

        dialog = ExportDialog(self._crm, self._runner, self._settings, preset=preset, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def forget(self) -> None:
        """Drop every contact held for display (on lock)."""
        if self.import_wizard is not None:
            self.import_wizard.close()
        self.model.clear()
        self.timeline.forget()
        self.editor.edit_new()

    def save_layout(self) -> None:
        self.layout_state.save()

    def _fill_filters(self) -> None:
        fill_choices(self.stage_filter, ((value_label(code), code) for code in LIFECYCLE_STAGES))
        fill_choices(self.tag_filter, ((tag, tag) for tag in self._crm.tags.all()))
        fill_choices(self.owner_filter, ((owner, owner) for owner in self._crm.contacts.owners()))

    def _filter(self) -> None:
        self.model.reload(ContactQuery(lifecycle_stage=self.stage_filter.currentData(),
                                       tag=self.tag_filter.currentData(),
                                       owner=self.owner_filter.currentData()))
        self._update_count()

    def _selected(self, selected: QItemSelection, _old: QItemSelection) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            contact = self.model.contact_at(rows[0].row())
            self.editor.edit(contact)
            self.timeline.show_contact(contact.id)

    def _refresh(self, changes: Changes) -> None:
        if changes.touches("contact") or changes.touches("company") or changes.touches("tagging"):
            self._fill_filters()
            self.model.reload()
            self._update_count()

    def _update_count(self) -> None:
        self.count.setText(self.tr("%n contact(s)", "", self.model.total))
