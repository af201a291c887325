"""First run: choose language, business and passphrase; see the recovery key; start.

The workspace is created when the passphrase page is accepted (so the recovery key shown next
is the real one); the last page adds sample data if asked and hands over the open Crm.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter

from crm_desktop.core.config.paths import AppPaths
from crm_desktop.core.crm import Crm
from crm_desktop.core.demo import populate_demo
from crm_desktop.core.errors import CrmError
from crm_desktop.core.security.keyslots import validate_passphrase
from crm_desktop.core.security.keystore import KeyStore
from crm_desktop.core.setup import init_workspace
from crm_desktop.ui.views.first_run_view import FirstRunView

PASSPHRASE_PAGE, RECOVERY_PAGE = 2, 3


def strength(passphrase: str) -> int:
    """0–4: length and variety, a hint only (the rule is at least 8 characters)."""
    if len(passphrase) < 8:
        return 0
    kinds = sum(any(test(c) for c in passphrase) for test in (
        str.islower, str.isupper, str.isdigit, lambda c: not c.isascii() or not c.isalnum()))
    return min(4, 1 + (len(passphrase) >= 12) + (len(passphrase) >= 16) + (kinds >= 3))


class FirstRunWizard(FirstRunView):
    created = Signal(object)  # the open Crm

    def __init__(self, paths: AppPaths, keystore: KeyStore, language: str = "zh_CN") -> None:
        super().__init__()
        self._paths = paths
        self._keystore = keystore
        self.crm: Crm | None = None
        self.language.setCurrentIndex(max(0, self.language.findData(language)))
        self.data_folder.setText(self.tr("Your encrypted data will be kept in: %1")
                                 .replace("%1", str(paths.root)))
        self.passphrase.textChanged.connect(self._show_strength)
        self.stored.toggled.connect(lambda _on: self.pages[RECOVERY_PAGE].completeChanged.emit())
        self.pages[RECOVERY_PAGE].isComplete = self.stored.isChecked  # type: ignore[method-assign]
        self.print_button.clicked.connect(self.print_recovery_key)
        self._show_strength("")

    def validateCurrentPage(self) -> bool:
        if self.currentId() == PASSPHRASE_PAGE and self.crm is None:
            return self._create()
        return super().validateCurrentPage()

    def accept(self) -> None:
        if self.crm is not None and self.sample_data.isChecked():
            populate_demo(self.crm, 200)
        if self.crm is not None:
            self.created.emit(self.crm)
        super().accept()

    def _create(self) -> bool:
        passphrase = self.passphrase.text()
        self.passphrase_error.clear()
        try:
            validate_passphrase(passphrase)
            if passphrase != self.repeat.text():
                self.passphrase_error.setText(self.tr("The two passphrases differ."))
                return False
            new = init_workspace(self._paths, self._keystore, passphrase,
                                 language=self.language.currentData(),
                                 business_name=self.business_name.text().strip(),
                                 currency=self.currency.currentData())
        except CrmError as error:
            self.passphrase_error.setText(str(error))
            return False
        self.crm = new.crm
        self.recovery_key.setText(new.recovery_key)
        self.passphrase.clear()
        self.repeat.clear()
        return True

    def _show_strength(self, text: str) -> None:
        level = strength(text)
        self.strength.setValue(level)
        words = [self.tr("too short"), self.tr("weak"), self.tr("fair"), self.tr("good"),
                 self.tr("strong")]
        self.strength_text.setText(words[level])

    def print_recovery_key(self) -> None:
        printer = QPrinter()
        if QPrintDialog(printer, self).exec():
            document = QTextDocument()
            document.setPlainText(self.tr("crm_desktop recovery key\n\n%1\n\nKeep this paper safe "
                                          "and away from the computer.")
                                  .replace("%1", self.recovery_key.text()))
            document.print_(printer)
