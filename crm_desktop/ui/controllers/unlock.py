"""Unlock: passphrase or recovery key → data key → open the workspace, on a worker.

A wrong passphrase and a damaged file get different messages (the core tells them apart).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QInputDialog, QLineEdit

from crm_desktop.core.crm import Crm
from crm_desktop.core.errors import CrmError, KeyringUnavailableError
from crm_desktop.core.security.vault import Vault
from crm_desktop.ui.tasks import TaskRunner
from crm_desktop.ui.views.unlock_view import UnlockView

Opener = Callable[[bytes], Crm]


class UnlockScreen(UnlockView):
    unlocked = Signal(object)  # the open Crm

    def __init__(self, vault: Vault, open_with_key: Opener, runner: TaskRunner) -> None:
        super().__init__()
        self._vault = vault
        self._open = open_with_key
        self._runner = runner
        self.where.setText(self.tr("Data folder: %1").replace("%1", str(vault.paths.root)))
        if not vault.keystore.available():
            self.remember.setEnabled(False)
            self.remember.setToolTip(str(KeyringUnavailableError()))
        self.unlock.clicked.connect(self.try_passphrase)
        self.passphrase.returnPressed.connect(self.try_passphrase)
        self.recovery.clicked.connect(self.ask_recovery_key)

    def try_passphrase(self) -> None:
        passphrase, remember = self.passphrase.text(), self.remember.isChecked()
        if not passphrase:
            self.message.setText(self.tr("Enter your passphrase."))
            return

        def work() -> Crm:
            key = self._vault.unlock(passphrase)
            crm = self._open(key)
            if remember:
                self._vault.remember(key)
            return crm
        self._start(work)

    def try_remembered_key(self) -> bool:
        """Open without asking when this computer remembers the key; False if it does not."""
        key = self._vault.remembered_key()
        if key is None:
            return False
        self._start(lambda: self._open(key))
        return True

    def ask_recovery_key(self) -> None:
        recovery, ok = QInputDialog.getText(self, self.tr("Recovery key"),
                                            self.tr("Recovery key (as printed, e.g. K7QD-2M9F-…):"))
        if not ok or not recovery.strip():
            return
        new, ok = QInputDialog.getText(self, self.tr("New passphrase"),
                                       self.tr("Choose a new passphrase (at least 8 characters):"),
                                       QLineEdit.EchoMode.Password)
        if not ok:
            return

        def work() -> Crm:
            key = self._vault.unlock_with_recovery_key(recovery)
            self._vault.change_passphrase(key, new)
            return self._open(key)
        self._start(work)

    def _start(self, work: Callable[[], Crm]) -> None:
        self.message.clear()
        self.unlock.setEnabled(False)
        self._runner.run(work, self._opened, self._failed)

    def _opened(self, crm: Crm) -> None:
        self.unlock.setEnabled(True)
        self.passphrase.clear()
        self.unlocked.emit(crm)

    def _failed(self, error: BaseException) -> None:
        self.unlock.setEnabled(True)
        self.passphrase.selectAll()
        self.passphrase.setFocus()
        if isinstance(error, CrmError):
            self.message.setText(str(error))
        else:
            self.message.setText(self.tr("The workspace could not be opened (%1).")
                                 .replace("%1", type(error).__name__))
