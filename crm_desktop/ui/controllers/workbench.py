"""Everything shown while the workspace is unlocked: navigation, pages, search, undo, lock."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QSettings, QSize, Qt, Signal
from PySide6.QtGui import QIcon, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.core.crm import Crm
from crm_desktop.core.domain.labels import action_label
from crm_desktop.core.domain.models import ReminderRead
from crm_desktop.core.errors import CrmError
from crm_desktop.core.search.index import SearchHit
from crm_desktop.ui.application import RESOURCES
from crm_desktop.ui.changes import ChangeBus
from crm_desktop.ui.controllers.backup_page import BackupPage
from crm_desktop.ui.controllers.backup_scheduler import BackupScheduler
from crm_desktop.ui.controllers.companies_page import CompaniesPage
from crm_desktop.ui.controllers.contacts_page import ContactsPage
from crm_desktop.ui.controllers.deals_page import DealsPage
from crm_desktop.ui.controllers.duplicates_page import DuplicatesPage
from crm_desktop.ui.controllers.help_dialog import ShortcutsDialog
from crm_desktop.ui.controllers.notifier import ReminderNotifier
from crm_desktop.ui.controllers.reminders_page import RemindersPage
from crm_desktop.ui.controllers.reports_page import ReportsPage
from crm_desktop.ui.controllers.search_box import SearchBox
from crm_desktop.ui.controllers.service_page import ServicePage
from crm_desktop.ui.controllers.settings_page import SettingsPage
from crm_desktop.ui.controllers.today_page import TodayPage
from crm_desktop.ui.controllers.trash_page import TrashPage
from crm_desktop.ui.tasks import TaskRunner

NAV_ICONS = RESOURCES / "icons" / "nav"  # one outline SVG per page, drawn on a 24-unit grid
NAV_ICON_SIZE = 20


def nav_icon(name: str) -> QIcon:
    """A navigation icon through Qt's SVG icon engine: sharp at any size and scale factor."""
    return QIcon(str(NAV_ICONS / f"{name}.svg"))


class Page(Protocol):
    def save_layout(self) -> None: ...
    def forget(self) -> None: ...


class Workbench(QWidget):
    lock_requested = Signal()
    status = Signal(str)

    def __init__(self, crm: Crm, settings: QSettings, runner: TaskRunner | None = None) -> None:
        super().__init__()
        self.crm = crm
        self.bus = ChangeBus(self)
        self.search = SearchBox(crm)
        self.notifier = ReminderNotifier(crm, self.bus, self)
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setIconSize(QSize(NAV_ICON_SIZE, NAV_ICON_SIZE))
        self.pages = QStackedWidget()
        self._pages: list[Page] = []
        self.today = self._add("today", self.tr("Today"),
                               TodayPage(crm, self.bus, settings, runner=runner))
        self.contacts = self._add("contacts", self.tr("Contacts"),
                                  ContactsPage(crm, self.bus, settings, runner=runner))
        self.companies = self._add("companies", self.tr("Companies"),
                                   CompaniesPage(crm, self.bus, settings))
        self.deals = self._add("deals", self.tr("Deals"), DealsPage(crm, self.bus, settings))
        self.reminders = self._add("reminders", self.tr("Reminders"),
                                   RemindersPage(crm, self.bus, settings))
        self.service = self._add("service", self.tr("Service"), ServicePage(crm, self.bus, settings))
        self.trash = self._add("trash", self.tr("Recycle bin"), TrashPage(crm, self.bus, settings))
        self.reports = self._add("reports", self.tr("Reports"),
                                 ReportsPage(crm, settings, runner=runner))
        self.backup_scheduler = BackupScheduler(crm.backups, runner, parent=self)
        self.backup = self._add("backup", self.tr("Backup"),
                                BackupPage(crm, settings, runner=runner, scheduler=self.backup_scheduler))
        self.duplicates = self._add("duplicates", self.tr("Duplicates"),
                                    DuplicatesPage(crm, self.bus, settings, runner=runner))
        self.settings_page = self._add("settings", self.tr("Settings"),
                                       SettingsPage(crm, self.bus, settings))
        self.nav.currentRowChanged.connect(self.pages.setCurrentIndex)
        self.nav.setCurrentRow(0)
        self.search.opened.connect(self.open_hit)
        self.contacts.editor.deleted.connect(self._moved_to_bin)  # type: ignore[attr-defined]
        self.contacts.editor.look_alikes.compare_requested.connect(self.compare)  # type: ignore[attr-defined]
        self.notifier.open_requested.connect(self.open_reminder)
        self.reminders.open_requested.connect(self.open_reminder)  # type: ignore[attr-defined]
        self.notifier.overdue_requested.connect(lambda: self.go_to(self.reminders))  # type: ignore[arg-type]
        self.today.open_requested.connect(self.open_record)  # type: ignore[attr-defined]
        for page in (self.contacts, self.companies):
            page.timeline.profile_requested.connect(self.open_profile)  # type: ignore[attr-defined]
        self._shortcuts()
        self._lay_out()
        self.backup_scheduler.status_changed.connect(
            lambda text: self.today.show_backup(text, self.backup_scheduler.warning))  # type: ignore[attr-defined]
        self.notifier.start()
        self.backup_scheduler.start()

    def _add(self, icon: str, title: str, page: QWidget) -> Page:
        self.nav.addItem(QListWidgetItem(nav_icon(icon), title))
        self.pages.addWidget(page)
        self._pages.append(page)  # type: ignore[arg-type]
        return page  # type: ignore[return-value]

    def _shortcuts(self) -> None:
        window = Qt.ShortcutContext.WindowShortcut
        QShortcut(QKeySequence("Ctrl+K"), self, self.search.focus, context=window)
        QShortcut(QKeySequence("Ctrl+L"), self, self.lock_requested.emit, context=window)
        QShortcut(QKeySequence.StandardKey.Undo, self, self.undo, context=window)
        QShortcut(QKeySequence.StandardKey.HelpContents, self, self.show_shortcuts, context=window)
        for number in range(1, min(9, self.nav.count()) + 1):
            QShortcut(QKeySequence(f"Ctrl+{number}"), self,
                      lambda row=number - 1: self.nav.setCurrentRow(row), context=window)

    def _lay_out(self) -> None:
        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.search)
        column.addWidget(self.notifier.banner)
        column.addWidget(self.pages, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.nav)
        splitter.addWidget(body)
        splitter.setStretchFactor(1, 1)
        splitter.setCollapsible(0, False)
        # The navigation is as wide as its longest entry: a wide page cannot squeeze it, and no
        # empty gap opens beside it when the window grows.
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.nav.setFixedWidth(self.nav.sizeHintForColumn(0) + 2 * self.nav.frameWidth() + 24)
        outer = QHBoxLayout(self)
        outer.addWidget(splitter)

    def go_to(self, page: QWidget) -> None:
        self.nav.setCurrentRow(self.pages.indexOf(page))

    def open_hit(self, hit: SearchHit) -> None:
        """Open the record a search result names, on its own page."""
        self.open_record(hit.kind, hit.row_id)
        self.search.results.hide()

    def open_record(self, kind: str, row_id: str) -> None:
        if kind == "contact":
            self.go_to(self.contacts)  # type: ignore[arg-type]
            self.contacts.show_contact(row_id)  # type: ignore[attr-defined]
        elif kind == "company":
            self.go_to(self.companies)  # type: ignore[arg-type]
            self.companies.show_company(row_id)  # type: ignore[attr-defined]
        elif kind == "deal":
            self.go_to(self.deals)  # type: ignore[arg-type]
            self.deals.open_deal(row_id)  # type: ignore[attr-defined]
        elif kind == "service":
            self.go_to(self.service)  # type: ignore[arg-type]
            self.service.show_log(row_id)  # type: ignore[attr-defined]
        elif kind == "reminder":
            self.go_to(self.reminders)  # type: ignore[arg-type]

    def compare(self, first_id: str, second_id: str) -> None:
        """Compare… on the contact form: the Duplicates page, with that pair selected."""
        self.duplicates.compare(first_id, second_id)  # type: ignore[attr-defined]
        self.go_to(self.duplicates)  # type: ignore[arg-type]

    def open_profile(self, kind: str, row_id: str) -> None:
        """A contact's or company's "Profile PDF…": the reports page, ready to generate it."""
        self.go_to(self.reports)  # type: ignore[arg-type]
        self.reports.preset_profile(kind, row_id)  # type: ignore[attr-defined]

    def open_reminder(self, reminder: ReminderRead) -> None:
        """A reminder opens the record it is about: contact, deal or service log."""
        for kind, row_id in (("contact", reminder.contact_id), ("deal", reminder.deal_id),
                             ("service", reminder.service_log_id)):
            if row_id:
                self.open_record(kind, row_id)
                return
        self.go_to(self.reminders)  # type: ignore[arg-type]

    def undo(self) -> None:
        try:
            outcome = self.crm.undo()
        except CrmError as error:
            self.status.emit(str(error))
            return
        self.bus.publish(outcome.changes)
        self.status.emit(self.tr("Undone: %1").replace("%1", action_label(outcome.value.action)))

    def _moved_to_bin(self, name: str) -> None:
        self.status.emit(self.tr("Moved “%1” to the recycle bin. Ctrl+Z brings it back.")
                         .replace("%1", name))

    def show_shortcuts(self) -> None:
        ShortcutsDialog(self).exec()

    def save_layout(self) -> None:
        for page in self._pages:
            page.save_layout()

    def forget(self) -> None:
        """Drop every record held for display (on lock), before the widgets go."""
        self.backup_scheduler.stop()
        self.backup_scheduler.wait_until_idle()  # an automatic backup reads the workspace
        self.notifier.forget()
        self.search.field.clear()
        self.search.results.clear()
        for page in self._pages:
            page.forget()
