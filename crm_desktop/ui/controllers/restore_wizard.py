"""Restore, step by step: show what the backup holds and that the workspace will be replaced;
verify and stage it on a worker (asking for the backup's own passphrase or recovery key only when
it was made with other keys); confirm; then hand the staged plan to the main window, which swaps
the workspace. Cancelling at any step throws the staged copy away: the workspace is untouched.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from crm_desktop.core.backup.create import app_version
from crm_desktop.core.backup.manifest import Manifest
from crm_desktop.core.backup.restore import RestorePlan, discard_restore, prepare_restore
from crm_desktop.core.backup.service import BackupEntry
from crm_desktop.core.backup.verify import CHECKS, BackupKey
from crm_desktop.core.crm import Crm
from crm_desktop.core.errors import BackupKeyError, WrongPassphraseError, WrongRecoveryKeyError
from crm_desktop.ui.controllers.backup_texts import days_ago, error_text
from crm_desktop.ui.controllers.reminders_actions import Clock, utc_now
from crm_desktop.ui.models.service_model import local_time
from crm_desktop.ui.tasks import TaskRunner
from crm_desktop.ui.views.restore_wizard_view import ERROR_STYLE, RestoreWizardView

SHOWN_COUNTS = ("contacts", "companies", "deals", "service_logs", "reminders", "notes")


class RestoreWizard(RestoreWizardView):
    restore_ready = Signal(object)  # the RestorePlan, once the user confirmed

    def __init__(self, crm: Crm, entry: BackupEntry, runner: TaskRunner, *,
                 now: Clock = utc_now, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        if entry.manifest is None:
            raise ValueError("an unreadable backup cannot be restored")
        self._paths = crm.paths
        self._own_key = crm.backups.data_key
        self._backup = entry.path
        self._runner = runner
        self.plan: RestorePlan | None = None  # staged and not yet handed over
        self._working = False
        self._abandoned = False
        self.forward.clicked.connect(self.go_forward)
        self.cancel.clicked.connect(self.reject)
        self.passphrase.returnPressed.connect(self.go_forward)
        self.recovery_key.returnPressed.connect(self.go_forward)
        self.passphrase.textEdited.connect(lambda _t: self.use_passphrase.setChecked(True))
        self.recovery_key.textEdited.connect(lambda _t: self.use_recovery.setChecked(True))
        self._describe(entry.manifest, now())
        self._show(self.preview_page, self.tr("Check and continue"))

    def go_forward(self) -> None:
        page = self.stack.currentWidget()
        if page is self.preview_page:
            self._prepare(BackupKey(data_key=self._own_key))
        elif page is self.key_page:
            self._prepare_with_entered_key()
        elif page is self.confirm_page and self.plan is not None:
            plan, self.plan = self.plan, None
            self.accept()
            self.restore_ready.emit(plan)

    def reject(self) -> None:
        """Cancel: a staged backup is thrown away; one still being checked is, when it is done."""
        if self._working:
            self._abandoned = True
        self._discard()
        super().reject()

    def _describe(self, manifest: Manifest, now: datetime) -> None:
        made = local_time(manifest.created_at)
        self.made.setText(f"{made} ({days_ago(manifest.created_at, now)})")
        self.device.setText(manifest.device_name)
        self.versions.setText(self.tr("app %1, data format %2 (this app: %3)")
                              .replace("%1", manifest.app_version)
                              .replace("%2", manifest.schema_revision).replace("%3", app_version()))
        self.contents.setText(self._counts(manifest.counts))
        self.file.setText(str(self._backup))
        replaced = self.tr("Restoring replaces everything in the current workspace with this backup: "
                           "changes made after %1 are lost. A safety copy of the current workspace "
                           "is kept in %2.").replace("%1", made).replace("%2", str(self._paths.safety_copies))
        self.warning.setText(replaced)
        self.final_warning.setText(replaced)

    def _counts(self, counts: dict[str, int]) -> str:
        labels = {"contacts": self.tr("Contacts"), "companies": self.tr("Companies"),
                  "deals": self.tr("Deals"), "service_logs": self.tr("Service logs"),
                  "reminders": self.tr("Reminders"), "notes": self.tr("Notes")}
        return " · ".join(f"{labels[name]} {counts.get(name, 0)}" for name in SHOWN_COUNTS)

    def _prepare_with_entered_key(self) -> None:
        if self.use_recovery.isChecked():
            text, key = self.recovery_key.text().strip(), BackupKey(recovery_key=self.recovery_key.text())
        else:
            text, key = self.passphrase.text(), BackupKey(passphrase=self.passphrase.text())
        if not text:
            self.key_message.setText(self.tr("Enter the recovery key.") if self.use_recovery.isChecked()
                                     else self.tr("Enter the passphrase."))
            return
        self._prepare(key)

    def _prepare(self, key: BackupKey) -> None:
        self._working = True
        self.work_message.clear()
        self.progress.setRange(0, 0)  # busy until the copy reports its size
        self._show(self.work_page, self.tr("Check and continue"))
        self.forward.setEnabled(False)
        self._runner.run(lambda progress: prepare_restore(self._paths, self._backup, key, progress),
                         self._prepared, self._failed, self._progress)

    def _progress(self, done: int, total: int) -> None:
        if self._abandoned:
            return
        if total and done < total:
            self.progress.setRange(0, total)
            self.progress.setValue(done)
        else:
            self.progress.setRange(0, 0)  # the database checks give no progress of their own

    def _prepared(self, plan: RestorePlan) -> None:
        self._working = False
        self.plan = plan
        if self._abandoned:
            self._discard()
            return
        summary = self.tr("The backup passed all %1 checks and is ready.").replace("%1", str(len(CHECKS)))
        if plan.new_keys:
            summary += " " + self.tr("After the restore, the workspace opens with the passphrase and "
                                     "recovery key that were valid when the backup was made.")
        self.summary.setText(summary)
        self._show(self.confirm_page, self.tr("Replace the workspace"))

    def _failed(self, error: BaseException) -> None:
        self._working = False
        self._discard()  # nothing is staged after a failure; make sure of it
        if self._abandoned:
            return
        if isinstance(error, (WrongPassphraseError, WrongRecoveryKeyError)):
            self._ask_key(str(error))
        elif isinstance(error, BackupKeyError):
            self._ask_key("")
        else:
            self.work_title.setText(self.tr("This backup cannot be restored"))
            self.progress.hide()
            self.work_message.setStyleSheet(ERROR_STYLE)
            self.work_message.setText(error_text(error))
            self.forward.hide()
            self.cancel.setText(self.tr("Close"))

    def _ask_key(self, message: str) -> None:
        self.key_hint.setText(str(BackupKeyError()))
        self.key_message.setText(message)
        self._show(self.key_page, self.tr("Check and continue"))
        field = self.recovery_key if self.use_recovery.isChecked() else self.passphrase
        field.selectAll()
        field.setFocus()

    def _show(self, page: QWidget, forward: str) -> None:
        self.stack.setCurrentWidget(page)
        self.forward.setText(forward)
        self.forward.setEnabled(True)

    def _discard(self) -> None:
        if not self._working:
            self.plan = None
            discard_restore(self._paths)
