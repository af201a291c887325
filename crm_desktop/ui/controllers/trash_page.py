"""The recycle bin page: restore a deleted record, or purge it for good after a confirmation."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QMessageBox

from crm_desktop.core.crm import Crm
from crm_desktop.core.domain.changes import Changes
from crm_desktop.core.domain.labels import value_label
from crm_desktop.core.domain.models import TrashItem
from crm_desktop.core.errors import CrmError
from crm_desktop.ui.changes import ChangeBus
from crm_desktop.ui.controllers.record_list import ListLayout
from crm_desktop.ui.models.trash_model import TrashModel
from crm_desktop.ui.views.trash_view import TrashView


class TrashPage(TrashView):
    def __init__(self, crm: Crm, bus: ChangeBus, settings: QSettings) -> None:
        super().__init__()
        self._crm = crm
        self._bus = bus
        self.confirm: Callable[[str], bool] = self._ask
        self.model = TrashModel(crm.trash)
        self.table.setModel(self.model)
        self.layout_state = ListLayout(settings, "trash/", self.table)
        self.restore_button.clicked.connect(self.restore_selected)
        self.purge_button.clicked.connect(self.purge_selected)
        QShortcut(QKeySequence.StandardKey.Delete, self.table, self.purge_selected,
                  context=Qt.ShortcutContext.WidgetShortcut)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(self.restore_selected)
        bus.changed.connect(self._refresh)
        self.layout_state.restore()
        self._update()

    def selected(self) -> TrashItem | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.item_at(rows[0].row()) if rows else None

    def select(self, row_id: str) -> None:
        row = self.model.row_of(row_id)
        if row is not None:
            self.table.selectRow(row)

    def restore_selected(self) -> None:
        item = self.selected()
        if item is None:
            return
        if self._apply(lambda: self._crm.trash.restore(item.id).changes):
            self.message.setText(self.tr("Restored: %1").replace("%1", item.label))

    def purge_selected(self) -> None:
        item = self.selected()
        if item is None:
            return
        question = (self.tr("Delete the %1 “%2” for good? This cannot be undone.")
                    .replace("%1", value_label(item.entity)).replace("%2", item.label))
        if not self.confirm(question):
            return
        if self._apply(lambda: self._crm.trash.purge(item.id).changes):
            self.message.setText(self.tr("Deleted for good: %1").replace("%1", item.label))

    def save_layout(self) -> None:
        self.layout_state.save()

    def forget(self) -> None:
        """Drop every deleted record held for display (on lock)."""
        self.model.clear()
        self.message.clear()
        self._update()

    def _apply(self, action: Callable[[], Changes]) -> bool:
        try:
            changes = action()
        except CrmError as error:
            self.message.setText(str(error))
            return False
        self._bus.publish(changes)
        return True

    def _ask(self, question: str) -> bool:
        answer = QMessageBox.question(self, self.tr("Purge"), question,
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def _refresh(self, changes: Changes) -> None:
        """Any change may delete, restore or purge something; the bin is small, so reload it."""
        if changes:
            self.model.reload()
            self._update()

    def _update(self) -> None:
        self.count.setText(self.tr("%n deleted record(s)", "", self.model.rowCount()))
        self._update_buttons()

    def _update_buttons(self) -> None:
        has = self.selected() is not None
        self.restore_button.setEnabled(has)
        self.purge_button.setEnabled(has)
