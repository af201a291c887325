"""The one main window: the unlock screen while locked, the workbench while unlocked.

Locking removes the workbench (and with it every widget that shows customer data) and closes
the workspace; only the unlock screen remains.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QApplication, QMainWindow, QStackedWidget

from crm_desktop.core.crm import Crm
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
        self.unlock_screen.passphrase.setFocus()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.lock()
        super().closeEvent(event)

    def _restore_geometry(self) -> None:
        geometry = self.settings.value("window/geometry")
        if geometry:
            self.restoreGeometry(geometry)
        else:
            self.resize(1200, 760)
