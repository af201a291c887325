"""Automatic backups while the app runs: a timer checks whether the daily backup is due and makes
it on a worker; the status bar gets a one-line summary. Every backup (automatic, "Back up now",
on quit) goes through here, so two backups never run at once.

Failures never raise into Qt: they become a warning text.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, QTimer, Signal, SignalInstance
from PySide6.QtWidgets import QProgressDialog, QWidget

from crm_desktop.core.backup.service import BackupService, BackupStatus
from crm_desktop.core.backup.verify import VerifyReport
from crm_desktop.ui.controllers.backup_texts import error_text, status_bar_text, when_text
from crm_desktop.ui.controllers.reminders_actions import Clock, utc_now
from crm_desktop.ui.tasks import TaskRunner, ThreadTaskRunner

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")

CHECK_EVERY_MS = 15 * 60 * 1000
FIRST_CHECK_MS = 60 * 1000  # a minute after unlocking: starting up stays quick


class BackupScheduler(QObject):
    status_changed = Signal(str)  # the status bar text
    started = Signal()  # a backup began (automatic or asked for)
    progress = Signal(int, int)
    backup_done = Signal(object)  # VerifyReport of a verified backup
    backup_failed = Signal(str)  # the reason, translated
    _idle = Signal()

    def __init__(self, backups: BackupService, runner: TaskRunner | None = None, *,
                 clock: Clock = utc_now, interval_ms: int = CHECK_EVERY_MS,
                 first_check_ms: int = FIRST_CHECK_MS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._backups = backups
        self._runner: TaskRunner = runner or ThreadTaskRunner(parent=self)
        self._clock = clock
        self._busy = False
        self.text = ""
        self.warning = False
        self._timer = QTimer(self, interval=interval_ms)
        self._timer.timeout.connect(self.check)
        self._first = QTimer(self, singleShot=True, interval=first_check_ms)
        self._first.timeout.connect(self.check)

    @property
    def busy(self) -> bool:
        """A backup or a check is running (on the worker)."""
        return self._busy

    def start(self) -> None:
        """Check now for the status text, then every interval (the first backup waits a little)."""
        self.refresh_status()
        self._first.start()
        self._timer.start()

    def stop(self) -> None:
        self._first.stop()
        self._timer.stop()

    def check(self) -> None:
        """Back up when the daily backup is due and the folder is there; always refresh the text."""
        self._run_check(may_back_up=True)

    def refresh_status(self) -> None:
        self._run_check(may_back_up=False)

    def back_up_now(self) -> bool:
        """Start a backup (pruned by the keep rules); False when one is already running."""
        if self._busy:
            return False
        self._busy = True
        now = self._clock()
        self.started.emit()
        self._runner.run(lambda progress: self._backups.back_up(progress=progress, prune=True, now=now),
                         self._backed_up, self._failed, self.progress.emit)
        return True

    def wait_until_idle(self) -> None:
        """Return once the running backup or check (if any) has ended; events keep flowing."""
        if not self._busy:
            return
        loop = QEventLoop()
        self._idle.connect(loop.quit)
        if self._busy:
            loop.exec()
        self._idle.disconnect(loop.quit)

    def back_up_on_quit(self, parent: QWidget | None = None) -> bool:
        """When the settings ask for it, make one backup before closing, with a modal progress
        dialog; returns True once a verified backup is written (False: off, or it failed)."""
        self.stop()
        self.wait_until_idle()
        config = self._backups.config()
        if not config.on_quit or not config.folder:
            return False
        dialog = _quit_dialog(parent)
        outcome: list[bool] = []

        def on_progress(done: int, total: int) -> None:
            dialog.setValue(done * 100 // total if total else 0)

        def on_done(_report: object) -> None:
            outcome.append(True)

        def on_failed(_reason: str) -> None:
            outcome.append(False)
        wiring: tuple[tuple[SignalInstance, Callable[..., None]], ...] = (
            (self.progress, on_progress), (self.backup_done, on_done), (self.backup_failed, on_failed))
        for signal, slot in wiring:
            signal.connect(slot)
        self.back_up_now()
        self.wait_until_idle()
        for signal, slot in wiring:
            signal.disconnect(slot)
        dialog.close()
        dialog.deleteLater()
        return bool(outcome and outcome[-1])

    def _run_check(self, may_back_up: bool) -> None:
        if self._busy:
            return  # the running job reports when it ends
        self._busy = True
        now = self._clock()

        def work() -> VerifyReport | BackupStatus:
            status = self._backups.status(now)
            if may_back_up and status.folder_present and self._backups.config().daily_due(now):
                return self._backups.back_up(prune=True, now=now)
            return status
        self._runner.run(work, lambda result: self._checked(result, now), self._failed)

    def _checked(self, result: VerifyReport | BackupStatus, now: datetime) -> None:
        if isinstance(result, VerifyReport):
            self._backed_up(result)
            return
        self._busy = False
        self._show(*status_bar_text(result, now))
        self._idle.emit()

    def _backed_up(self, report: VerifyReport) -> None:
        self._busy = False
        made = report.manifest.created_at if report.manifest else self._clock()
        self._show(translate("BackupTexts", "Last backup: %1")
                   .replace("%1", when_text(made, self._clock())), False)
        self.backup_done.emit(report)
        self._idle.emit()

    def _failed(self, error: BaseException) -> None:
        self._busy = False
        reason = error_text(error)
        self._show(translate("BackupTexts", "Backup failed: %1").replace("%1", reason), True)
        self.backup_failed.emit(reason)
        self._idle.emit()

    def _show(self, text: str, warning: bool) -> None:
        self.text, self.warning = text, warning
        self.status_changed.emit(text)


def _quit_dialog(parent: QWidget | None) -> QProgressDialog:
    dialog = QProgressDialog(translate("BackupScheduler", "Backing up before closing…"), "", 0, 100, parent)
    dialog.setWindowTitle(translate("BackupScheduler", "Backup"))
    dialog.setCancelButton(None)  # type: ignore[arg-type]  # a backup cannot stop half-way
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setMinimumDuration(0)
    dialog.show()
    return dialog
