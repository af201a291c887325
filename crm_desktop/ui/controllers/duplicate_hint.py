"""After a new contact is saved, a look on the task runner for contacts it may duplicate; when
there are some, the form's hint names the first: Open shows it, Compare… opens the Duplicates
page with the pair, Dismiss hides the hint. Nothing is merged here, ever."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from crm_desktop.core.crm import Crm
from crm_desktop.core.domain.models import ContactFields, ContactRead
from crm_desktop.core.services.duplicates import DuplicateMatch
from crm_desktop.ui.controllers.merge_fields import reason_words
from crm_desktop.ui.tasks import TaskRunner
from crm_desktop.ui.views.duplicate_hint_view import DuplicateHintView

Found = tuple[str, list[DuplicateMatch], ContactRead | None]  # (saved id, matches, first match)


def look_alikes(crm: Crm, contact: ContactRead) -> Found:
    """Runs on a worker: the saved contact's look-alikes and the first of them, read."""
    fields = ContactFields(display_name=contact.display_name, company_id=contact.company_id,
                           emails=list(contact.emails), phones=list(contact.phones))
    matches = crm.duplicates.similar_to(fields, exclude_id=contact.id)
    first = crm.contacts.get(matches[0].contact_id) if matches else None
    return contact.id, matches, first


class DuplicateHint(QObject):
    open_requested = Signal(str)  # the look-alike's id
    compare_requested = Signal(str, str)  # (the saved contact's id, the look-alike's id)

    def __init__(self, crm: Crm, view: DuplicateHintView, runner: TaskRunner,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._crm, self.view, self._runner = crm, view, runner
        self._shown: str | None = None  # the contact the form shows
        self._pair: tuple[str, str] | None = None  # (saved, look-alike) while the hint is up
        view.open_button.clicked.connect(self._open)
        view.compare_button.clicked.connect(self._compare)
        view.dismiss_button.clicked.connect(self.dismiss)

    def check(self, contact: ContactRead) -> None:
        """Look for the newly saved contact's look-alikes, off the GUI thread."""
        self.follow(contact.id)
        # only a hint: when the look fails, the form simply shows none
        self._runner.run(lambda: look_alikes(self._crm, contact), self._found, lambda _error: None)

    def follow(self, contact_id: str | None) -> None:
        """The form now shows this contact (None: a new one): a hint about another one goes."""
        self._shown = contact_id
        if self._pair is not None and self._pair[0] != contact_id:
            self.dismiss()

    def dismiss(self) -> None:
        self._pair = None
        self.view.hide()

    def _found(self, found: Found) -> None:
        contact_id, matches, first = found
        if contact_id != self._shown or first is None:  # the form moved on meanwhile
            return
        self._pair = (contact_id, first.id)
        text = self.tr("Possibly the same person as %1 (%2)")
        if len(matches) > 1:
            text = self.tr("Possibly the same person as %1 (%2) and %n more", "", len(matches) - 1)
        self.view.text.setText(text.replace("%1", first.display_name)
                               .replace("%2", reason_words(matches[0].reasons)))
        self.view.show()

    def _open(self) -> None:
        if self._pair is not None:
            self.open_requested.emit(self._pair[1])

    def _compare(self) -> None:
        if self._pair is not None:
            self.compare_requested.emit(*self._pair)
