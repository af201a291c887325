"""Privacy requests from the contact form: export everything held about the person (JSON), and
erase the person for good after a confirmation that needs their name typed."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from crm_desktop.core.crm import Crm
from crm_desktop.core.domain.models import ContactRead
from crm_desktop.core.errors import CrmError
from crm_desktop.ui.changes import ChangeBus
from crm_desktop.ui.views.erase_dialog_view import EraseDialogView


def _same_name(typed: str, name: str) -> bool:
    return " ".join(typed.split()).casefold() == " ".join(name.split()).casefold()


class EraseDialog(EraseDialogView):
    """Erase is enabled only once the contact's name is typed; the erasure runs on Erase."""

    erased = Signal(str)  # the contact id

    def __init__(self, crm: Crm, bus: ChangeBus, contact: ContactRead,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._crm, self._bus, self._contact = crm, bus, contact
        self.heading.setText(self.tr("Erase “%1” for good?").replace("%1", contact.display_name))
        self.prompt.setText(self.tr("To confirm, type the name: %1").replace("%1", contact.display_name))
        self.typed.setPlaceholderText(contact.display_name)
        self.typed.textChanged.connect(
            lambda text: self.erase.setEnabled(_same_name(text, contact.display_name)))
        self.cancel.clicked.connect(self.reject)
        self.erase.clicked.connect(self.erase_now)

    def erase_now(self) -> None:
        if not _same_name(self.typed.text(), self._contact.display_name):
            return
        try:
            outcome = self._crm.privacy.erase_person(self._contact.id)
        except CrmError as error:
            self.error.setText(str(error))
            self.error.show()
            return
        self._bus.publish(outcome.changes)
        self.accept()
        self.erased.emit(self._contact.id)


class PrivacyActions(QObject):
    """The contact form's "Export personal data…" and "Erase this person…"."""

    said = Signal(str, bool)  # a message for the form, and whether it is an error

    def __init__(self, crm: Crm, bus: ChangeBus, parent: QWidget) -> None:
        super().__init__(parent)
        self._crm, self._bus, self._parent = crm, bus, parent
        self._folder = Path.home()
        self.erase_dialog: EraseDialog | None = None
        # replaceable in tests: the save dialog
        self.ask_path: Callable[[str], str] = self._ask_path

    def export_person(self, contact: ContactRead) -> Path | None:
        """Save everything held about the contact as JSON (a person's data is small: no worker)."""
        chosen = self.ask_path(str(self._folder / f"personal-data-{date.today().isoformat()}.json"))
        if not chosen:
            return None
        target = Path(chosen) if chosen.lower().endswith(".json") else Path(chosen + ".json")
        try:
            path = self._crm.privacy.export_person(contact.id, target)
        except CrmError as error:
            self.said.emit(str(error), True)
            return None
        self._folder = path.parent
        self.said.emit(self.tr("Saved %1. The file is NOT encrypted: keep it safe.")
                       .replace("%1", str(path)), False)
        return path

    def ask_erase(self, contact: ContactRead) -> EraseDialog:
        """The confirmation, window-modal; the person is erased only from its Erase button."""
        if self.erase_dialog is not None:
            self.erase_dialog.deleteLater()
        self.erase_dialog = EraseDialog(self._crm, self._bus, contact, self._parent)
        self.erase_dialog.open()
        return self.erase_dialog

    def _ask_path(self, suggested: str) -> str:
        QMessageBox.information(self._parent, self.tr("Export personal data"), self.tr(
            "The file will hold everything stored about this person and is NOT encrypted. "
            "Hand it over safely and delete your copy afterwards."))
        chosen, _filter = QFileDialog.getSaveFileName(self._parent, self.tr("Export personal data"),
                                                      suggested, self.tr("JSON files (*.json)"))
        return chosen
