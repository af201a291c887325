"""Everything shown while the workspace is unlocked: navigation, pages, search, undo, lock."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QListWidget, QSplitter, QStackedWidget,
                               QVBoxLayout, QWidget)

from crm_desktop.core.crm import Crm
from crm_desktop.core.domain.labels import action_label
from crm_desktop.core.errors import CrmError
from crm_desktop.core.search.index import SearchHit
from crm_desktop.ui.changes import ChangeBus
from crm_desktop.ui.controllers.contacts_page import ContactsPage
from crm_desktop.ui.controllers.search_box import SearchBox


class Workbench(QWidget):
    lock_requested = Signal()
    status = Signal(str)

    def __init__(self, crm: Crm, settings: QSettings) -> None:
        super().__init__()
        self.crm = crm
        self.bus = ChangeBus(self)
        self.search = SearchBox(crm)
        self.nav = QListWidget()
        self.nav.setMaximumWidth(180)
        self.pages = QStackedWidget()
        self.contacts = ContactsPage(crm, self.bus, settings)
        self._add_page(self.tr("Contacts"), self.contacts)
        self.nav.currentRowChanged.connect(self.pages.setCurrentIndex)
        self.nav.setCurrentRow(0)
        self.search.opened.connect(self.open_hit)
        self._shortcuts()
        self._lay_out()

    def _add_page(self, title: str, page: QWidget) -> None:
        self.nav.addItem(title)
        self.pages.addWidget(page)

    def _shortcuts(self) -> None:
        QShortcut(QKeySequence("Ctrl+K"), self, self.search.focus,
                  context=Qt.ShortcutContext.WindowShortcut)
        QShortcut(QKeySequence("Ctrl+L"), self, self.lock_requested.emit,
                  context=Qt.ShortcutContext.WindowShortcut)
        QShortcut(QKeySequence.StandardKey.Undo, self, self.undo,
                  context=Qt.ShortcutContext.WindowShortcut)

    def _lay_out(self) -> None:
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(QLabel(self.tr("Go to")))
        column.addWidget(self.nav)
        body = QWidget()
        body_column = QVBoxLayout(body)
        body_column.setContentsMargins(0, 0, 0, 0)
        body_column.addWidget(self.search)
        body_column.addWidget(self.pages, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(body)
        splitter.setStretchFactor(1, 1)
        outer = QHBoxLayout(self)
        outer.addWidget(splitter)

    def open_hit(self, hit: SearchHit) -> None:
        if hit.kind == "contact":
            self.nav.setCurrentRow(self.pages.indexOf(self.contacts))
            self.contacts.show_contact(hit.row_id)
        self.search.results.hide()

    def undo(self) -> None:
        try:
            outcome = self.crm.undo()
        except CrmError as error:
            self.status.emit(str(error))
            return
        self.bus.publish(outcome.changes)
        self.status.emit(self.tr("Undone: %1").replace("%1", action_label(outcome.value.action)))

    def save_layout(self) -> None:
        self.contacts.save_layout()

    def forget(self) -> None:
        """Drop every record held for display (on lock), before the widgets go."""
        self.search.field.clear()
        self.search.results.clear()
        self.contacts.model.clear()
        self.contacts.editor.edit_new()
