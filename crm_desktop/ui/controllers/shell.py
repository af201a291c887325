"""The one main window: the unlock screen while locked, the workbench while unlocked.

Locking removes the workbench (and with it every widget that shows customer data) and closes
the workspace; only the unlock screen remains.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QMessageBox, QStackedWidget

from crm_desktop.core.backup.restore import RestorePlan, apply_restore
from crm_desktop.core.crm import Crm, open_crm
from crm_desktop.core.errors import CrmError
from crm_desktop.ui import preferences
from crm_desktop.ui.controllers.idle import IdleWatcher
from crm_desktop.ui.controllers.unlock import UnlockScreen
from crm_desktop.ui.controllers.workbench import Workbench
from crm_desktop.ui.tasks import TaskRunner


class Shell(QMainWindow):
    def __init__(self, unlock: UnlockScreen, settings: QSettings,
                 idle_minutes: float | None = None, runner: TaskRunner | None = None) -> None:
        super().__init__()
        self.settings = settings
        self._runner = runner
        self.unlock_screen = unlock
        self.workbench: Workbench | None = None
        self.stack = QStackedWidget()
        self.stack.addWidget(unlock)
        self.backup_status = QLabel()  # the last good backup, or a warning; stays in view
        self.statusBar().addPermanentWidget(self.backup_status)
        self.setCentralWidget(self.stack)
        self.setWindowTitle(self.tr("CRM"))
        minutes = preferences.auto_lock_minutes(settings) if idle_minutes is None else idle_minutes
        self.idle = IdleWatcher(minutes, self)
        self.idle.idle.connect(self.lock)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self.idle)
        unlock.unlocked.connect(self.open_workspace)
        self._restore_geometry()

    @property
    def is_locked(self) -> bool:
        return self.workbench is None

    def open_workspace(self, crm: Crm) -> None:
        self.workbench = Workbench(crm, self.settings, self._runner)
        self.workbench.lock_requested.connect(self.lock)
        self.workbench.settings_page.auto_lock_changed.connect(  # type: ignore[attr-defined]
            self.idle.set_minutes)
        self.workbench.status.connect(lambda text: self.statusBar().showMessage(text, 8000))
        scheduler = self.workbench.backup_scheduler
        scheduler.status_changed.connect(self._show_backup_status)
        self._show_backup_status(scheduler.text)
        self.workbench.backup.restore_ready.connect(self.restore_workspace)  # type: ignore[attr-defined]
        self.stack.addWidget(self.workbench)
        self.stack.setCurrentWidget(self.workbench)
        self.idle.restart()
        self.statusBar().showMessage(self.tr("Unlocked. Ctrl+L locks, Ctrl+K searches."), 6000)

    def lock(self) -> None:
        """Hide every piece of customer data and close the workspace."""
        if self.workbench is None:
            return
        workbench, self.workbench = self.workbench, None
        workbench.save_layout()
        self.stack.setCurrentWidget(self.unlock_screen)
        self.stack.removeWidget(workbench)
        workbench.forget()
        workbench.setParent(None)
        workbench.crm.close()
        workbench.deleteLater()
        self.statusBar().clearMessage()
        self.backup_status.clear()
        self.unlock_screen.passphrase.setFocus()

    def restore_workspace(self, plan: RestorePlan) -> None:
        """Close the workspace, put the verified backup in its place, and open it again."""
        if self.workbench is None:
            return
        paths = self.workbench.crm.paths
        self.lock()
        try:
            safety = apply_restore(paths, plan)
            crm = open_crm(paths, plan.data_key)
        except CrmError as error:
            QMessageBox.warning(self, self.tr("Restore"), str(error))
            return
        self.open_workspace(crm)
        self.statusBar().showMessage(
            self.tr("Backup restored. The previous workspace is kept in %1.").replace("%1", str(safety)))

    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        if self.workbench is not None:  # a backup on quit, when the settings ask for one
            self.workbench.backup_scheduler.back_up_on_quit(self)
        self.lock()
        super().closeEvent(event)

    def _show_backup_status(self, text: str) -> None:
        self.backup_status.setText(text)
        warning = self.workbench is not None and self.workbench.backup_scheduler.warning
        self.backup_status.setProperty("warning", bool(warning))
        self.backup_status.setStyleSheet("color: #a4262c;" if warning else "")

    def _restore_geometry(self) -> None:
        geometry = self.settings.value("window/geometry")
        if geometry:
            self.restoreGeometry(geometry)
        else:
            self.resize(1200, 760)
