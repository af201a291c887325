"""The backup page: where backups go and when, which to keep, "Back up now", the backups in the
folder with their verification, and the way into a restore.

Everything that touches the folder (a USB stick, a network share) runs on the task runner;
settings are saved as soon as they change.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QBrush, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import QFileDialog, QListWidgetItem

from crm_desktop.core.backup.retention import Retention
from crm_desktop.core.backup.service import BackupEntry, BackupStatus
from crm_desktop.core.backup.verify import VerifyReport
from crm_desktop.core.crm import Crm
from crm_desktop.core.errors import BackupKeyError, CrmError
from crm_desktop.ui.controllers.backup_scheduler import BackupScheduler
from crm_desktop.ui.controllers.backup_texts import check_lines, error_text, short_problem, status_line
from crm_desktop.ui.controllers.record_list import ListLayout, select_quietly
from crm_desktop.ui.controllers.reminders_actions import Clock, utc_now
from crm_desktop.ui.controllers.restore_wizard import RestoreWizard
from crm_desktop.ui.models.backups_model import PROBLEM_COLOR, BackupsModel
from crm_desktop.ui.models.service_model import local_time
from crm_desktop.ui.tasks import TaskRunner, ThreadTaskRunner
from crm_desktop.ui.views.backup_view import ERROR_TEXT_STYLE, GOOD_STYLE, WARNING_STYLE, BackupView

BACK_UP_KEYS = "Ctrl+B"
Listing = tuple[BackupStatus, list[BackupEntry]]


class BackupPage(BackupView):
    restore_ready = Signal(object)  # a staged RestorePlan the user confirmed: swap the workspace

    def __init__(self, crm: Crm, settings: QSettings, *, runner: TaskRunner | None = None,
                 scheduler: BackupScheduler | None = None, now: Clock = utc_now) -> None:
        super().__init__()
        self._crm = crm
        self._runner: TaskRunner = runner or ThreadTaskRunner(parent=self)
        self._now = now
        self._generation = 0  # bumped on lock: a late listing is dropped
        self._working = False  # a backup or a verification is running
        self.scheduler = scheduler or BackupScheduler(crm.backups, self._runner, clock=now, parent=self)
        self.choose_folder: Callable[[str], str] = self._ask_folder  # replaceable in tests
        self.wizard: RestoreWizard | None = None
        self.model = BackupsModel(crm.device_id)
        self.table.setModel(self.model)
        self.layout_state = ListLayout(settings, "backup/", self.table)
        self._fit_pending = not settings.value("backup/header")  # fit columns to the first backups
        self._connect()
        self.load_settings()
        self.layout_state.restore()
        self.refresh()

    def _connect(self) -> None:
        self.choose.clicked.connect(self.pick_folder)
        self.on_quit.toggled.connect(lambda on: self._configure(on_quit=on))
        self.daily.toggled.connect(lambda on: self._configure(daily=on))
        self.warn_days.valueChanged.connect(self._warn_after)
        for spin in (self.keep_last, self.daily_days, self.weekly_weeks, self.monthly_months):
            spin.valueChanged.connect(lambda _v: self._configure(retention=self._retention()))
        for spin in (self.warn_days, self.keep_last, self.daily_days, self.weekly_weeks,
                     self.monthly_months):
            spin.valueChanged.connect(self._update_suffixes)
        self.back_up.clicked.connect(self.back_up_now)
        QShortcut(QKeySequence(BACK_UP_KEYS), self, self.back_up_now,
                  context=Qt.ShortcutContext.WindowShortcut)
        self.verify.clicked.connect(self.verify_selected)
        self.restore.clicked.connect(self.restore_selected)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.scheduler.started.connect(self._backup_started)
        self.scheduler.progress.connect(self._progress)
        self.scheduler.backup_done.connect(self._backed_up)
        self.scheduler.backup_failed.connect(self._backup_failed)

    def load_settings(self) -> None:
        config = self._crm.backups.config()
        values = ((self.warn_days, config.warn_after_days), (self.keep_last, config.retention.keep_last),
                  (self.daily_days, config.retention.daily_days),
                  (self.weekly_weeks, config.retention.weekly_weeks),
                  (self.monthly_months, config.retention.monthly_months))
        for spin, value in values:
            spin.blockSignals(True)
            spin.setValue(value)
            spin.blockSignals(False)
        for box, on in ((self.on_quit, config.on_quit), (self.daily, config.daily)):
            box.blockSignals(True)
            box.setChecked(on)
            box.blockSignals(False)
        self.folder.setText(config.folder)
        self._update_suffixes()

    def refresh(self) -> None:
        """Read the status and the backups in the folder again (on the worker)."""
        now, generation = self._now(), self._generation

        def work() -> Listing:
            status = self._crm.backups.status(now)
            return status, (self._crm.backups.list() if status.folder_present else [])
        self._runner.run(work, lambda listing: self._listed(generation, listing, now),
                         lambda error: self._list_failed(generation, error))

    def pick_folder(self) -> None:
        chosen = self.choose_folder(self.folder.text() or str(Path.home()))
        if not chosen:
            return
        try:
            config = self._crm.backups.configure(folder=chosen)
        except CrmError as error:
            self._say(str(error), warning=True)
            return
        self.folder.setText(config.folder)
        self._say(self.tr("Backups go to %1.").replace("%1", config.folder))
        self.refresh()
        self.scheduler.refresh_status()

    def back_up_now(self) -> None:
        """Make a backup; with no folder chosen yet, ask for one first."""
        if not self.folder.text():
            self.pick_folder()
            if not self.folder.text():
                return
        if not self.scheduler.back_up_now():
            self._say(self.tr("A backup is already being made."))

    def selected(self) -> BackupEntry | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.entry_at(rows[0].row()) if rows else None

    def select(self, path: Path) -> None:
        row = self.model.row_of(path)
        if row is not None:
            self.table.selectRow(row)

    def verify_selected(self) -> None:
        entry = self.selected()
        if entry is None or entry.manifest is None:
            return
        self._busy(True, self.tr("Verifying %1…").replace("%1", entry.path.name))
        generation = self._generation
        self._runner.run(lambda progress: self._crm.backups.verify(entry.path, progress=progress),
                         lambda report: self._verified(generation, report),
                         lambda error: self._verify_failed(generation, error),
                         lambda done, total: self._progress(done, total, generation))

    def restore_selected(self) -> None:
        entry = self.selected()
        if entry is None or entry.manifest is None:
            return
        if self.wizard is not None:
            self.wizard.deleteLater()
        self.wizard = RestoreWizard(self._crm, entry, self._runner, now=self._now, parent=self)
        self.wizard.restore_ready.connect(self.restore_ready)
        self.wizard.open()

    def showEvent(self, event: QShowEvent) -> None:
        """Coming back to the page (a stick plugged in meanwhile?) reads the folder again."""
        super().showEvent(event)
        self.refresh()

    def save_layout(self) -> None:
        self.layout_state.save()

    def forget(self) -> None:
        """On lock: drop what is shown, and cancel a restore that was not confirmed."""
        self._generation += 1
        if self.wizard is not None and self.wizard.isVisible():
            self.wizard.reject()
        self.model.clear()
        self.checks.clear()
        self.message.clear()

    # -- results coming back ------------------------------------------------------------------

    def _listed(self, generation: int, listing: Listing, now: datetime) -> None:
        if generation != self._generation:
            return
        status, entries = listing
        chosen = self.selected()
        self.model.set_entries(entries)
        if chosen is not None:
            select_quietly(self.table, self.model.row_of(chosen.path))
        self.count.setText(self.tr("%n backup(s)", "", len(entries)))
        if entries and self._fit_pending:
            self._fit_pending = False
            self.layout_state.fit_columns()
        self._show_status(*status_line(status, self.warn_days.value(), now))
        self._update_buttons()

    def _list_failed(self, generation: int, error: BaseException) -> None:
        if generation == self._generation:
            self.model.set_entries([])
            self._say(error_text(error), warning=True)
            self._update_buttons()

    def _backup_started(self) -> None:
        self._busy(True, self.tr("Backing up…"))

    def _backed_up(self, report: VerifyReport) -> None:
        self._busy(False, self.tr("Backup made and verified: %1").replace("%1", report.path.name))
        self.model.mark(report)
        self.show_checks(report)
        self.refresh()

    def _backup_failed(self, reason: str) -> None:
        self._busy(False)
        self._say(reason, warning=True)
        self.refresh()

    def _verified(self, generation: int, report: VerifyReport) -> None:
        if generation != self._generation:
            return
        self.model.mark(report)
        self.show_checks(report)
        if report.ok:
            self._busy(False, self.tr("%1 passed every check.").replace("%1", report.path.name))
        else:
            self._busy(False)
            self._say(self.tr("Verification failed: %1").replace(
                "%1", short_problem(report.problem, report.path)), warning=True)

    def _verify_failed(self, generation: int, error: BaseException) -> None:
        if generation != self._generation:
            return
        self._busy(False)
        if isinstance(error, BackupKeyError):
            self._say(self.tr("This backup was made with other keys. Restore… asks for its passphrase "
                              "or recovery key and checks it on the way."), warning=True)
        else:
            self._say(error_text(error), warning=True)

    def _progress(self, done: int, total: int, generation: int | None = None) -> None:
        if generation not in (None, self._generation):
            return
        if total and done < total:
            self.progress.setRange(0, total)
            self.progress.setValue(done)
        else:
            self.progress.setRange(0, 0)  # the last checks give no progress: busy

    # -- showing ------------------------------------------------------------------------------

    def show_checks(self, report: VerifyReport) -> None:
        """Every check of a verification: passed ✓, failed ✗ with the reason, or not reached."""
        made = local_time(report.manifest.created_at) if report.manifest else report.path.name
        self.checks_title.setText(self.tr("Checks of the backup made %1").replace("%1", made))
        self.checks.clear()
        for text, failed in check_lines(report):
            item = QListWidgetItem(text)
            if failed:
                item.setForeground(QBrush(PROBLEM_COLOR))
            self.checks.addItem(item)

    def _show_status(self, text: str, warning: bool) -> None:
        self.status.setText(text)
        self.status.setStyleSheet(WARNING_STYLE if warning else GOOD_STYLE)

    def _say(self, text: str, warning: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(ERROR_TEXT_STYLE if warning else "")

    def _busy(self, busy: bool, text: str | None = None) -> None:
        self._working = busy
        self.progress.setRange(0, 0)
        self.progress.setVisible(busy)
        self.back_up.setEnabled(not busy)
        self._update_buttons()
        if text is not None:
            self._say(text)

    def _update_buttons(self) -> None:
        readable = self._has_readable_selection()
        self.verify.setEnabled(readable and not self._working)
        self.restore.setEnabled(readable)

    def _has_readable_selection(self) -> bool:
        entry = self.selected()
        return entry is not None and entry.manifest is not None

    def _configure(self, **changes: object) -> bool:
        try:
            self._crm.backups.configure(**changes)
        except CrmError as error:
            self._say(str(error), warning=True)
            return False
        return True

    def _warn_after(self, days: int) -> None:
        if self._configure(warn_after_days=days):
            self.refresh()
            self.scheduler.refresh_status()

    def _update_suffixes(self) -> None:
        """Units after the numbers, singular or plural as the number asks."""
        self.warn_days.setSuffix(self.tr(" day(s)", "", self.warn_days.value()))
        self.keep_last.setSuffix(self.tr(" backup(s)", "", self.keep_last.value()))
        self.daily_days.setSuffix(self.tr(" day(s)", "", self.daily_days.value()))
        self.weekly_weeks.setSuffix(self.tr(" week(s)", "", self.weekly_weeks.value()))
        self.monthly_months.setSuffix(self.tr(" month(s)", "", self.monthly_months.value()))

    def _retention(self) -> Retention:
        return Retention(self.keep_last.value(), self.daily_days.value(),
                         self.weekly_weeks.value(), self.monthly_months.value())

    def _ask_folder(self, start: str) -> str:
        return QFileDialog.getExistingDirectory(self, self.tr("Choose the backup folder"), start)
