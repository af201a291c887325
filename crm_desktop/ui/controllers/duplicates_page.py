"""The duplicates page: likely duplicate pairs (found on the task runner when the page is shown),
and for the selected pair a side-by-side merge: per field, whose value to keep. A merge is one
journal batch, so the workbench's Undo (Ctrl+Z) takes it back; "Not now" skips a pair until the
workspace is locked."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import QListWidgetItem, QMessageBox, QRadioButton

from crm_desktop.core.crm import Crm
from crm_desktop.core.domain.changes import Changes
from crm_desktop.core.errors import CrmError
from crm_desktop.core.services.duplicates import DuplicatePair
from crm_desktop.core.services.merge import Choice
from crm_desktop.ui.changes import ChangeBus
from crm_desktop.ui.controllers.merge_fields import (
    MERGE_FIELDS,
    default_choice,
    field_label,
    field_text,
    reasons_text,
)
from crm_desktop.ui.tasks import TaskRunner, ThreadTaskRunner
from crm_desktop.ui.views.duplicates_view import DuplicatesView

LIMIT = 500
PAIR_ROLE = Qt.ItemDataRole.UserRole


def _named(name: str, company: str) -> str:
    return f"{name} · {company}" if company else name


class DuplicatesPage(DuplicatesView):
    def __init__(self, crm: Crm, bus: ChangeBus, settings: QSettings, *,
                 runner: TaskRunner | None = None) -> None:
        super().__init__()
        self._crm = crm
        self._bus = bus
        self._runner: TaskRunner = runner or ThreadTaskRunner(parent=self)
        self._found: list[DuplicatePair] = []
        self._skipped: set[tuple[str, str]] = set()
        self._pinned: tuple[str, str] | None = None  # a pair asked for by Compare…, listed first
        self._select_pinned = False
        self._choices: dict[str, tuple[QRadioButton, QRadioButton]] = {}
        self._stale = True
        self._loading = False
        self.confirm: Callable[[str], bool] = self._ask  # replaceable in tests
        self.pairs.currentRowChanged.connect(lambda _row: self._show_pair())
        self.merge.clicked.connect(self.merge_selected)
        self.not_now.clicked.connect(self.skip_selected)
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            QShortcut(QKeySequence(key), self.pairs, self.merge_selected,
                      context=Qt.ShortcutContext.WidgetShortcut)
        bus.changed.connect(self._changed)
        self._show_pair()

    # -- loading ---------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload()

    def reload(self) -> None:
        """Look for pairs again, on the task runner."""
        if self._loading:
            self._stale = True
            return
        self._stale, self._loading = False, True
        self.count.setText(self.tr("Looking for duplicates…"))
        pinned = self._pinned
        self._runner.run(lambda: self._suggestions(pinned), self._loaded, self._failed)

    def compare(self, first_id: str, second_id: str) -> None:
        """Compare… from the contact form: this pair comes first in the list, selected (even if
        it would not be among the strongest suggestions), until the workspace is locked."""
        pinned = (min(first_id, second_id), max(first_id, second_id))
        self._pinned, self._select_pinned = pinned, True
        self._skipped.discard(pinned)
        self._stale = True
        if self.isVisible():
            self.reload()

    def _suggestions(self, pinned: tuple[str, str] | None) -> list[DuplicatePair]:
        """On a worker: the suggestions, and the pinned pair (if still alike) before them."""
        found = self._crm.duplicates.suggestions(LIMIT)
        pair = self._crm.duplicates.pair(*pinned) if pinned else None
        if pair is None:
            return found
        return [pair, *(p for p in found if self._key(p) != pinned)]

    def _loaded(self, found: list[DuplicatePair]) -> None:
        self._loading = False
        row = max(0, self.pairs.currentRow())
        self._found = [pair for pair in found if self._key(pair) not in self._skipped]
        self.pairs.blockSignals(True)
        self.pairs.clear()
        for index, pair in enumerate(self._found):
            self.pairs.addItem(self._item(index, pair))
        self.pairs.blockSignals(False)
        self.count.setText(self.tr("%n likely duplicate(s)", "", len(self._found)))
        if self._select_pinned:  # once, on the load Compare… asked for
            self._select_pinned = False
            row = 0 if self._found and self._key(self._found[0]) == self._pinned else row
        self.pairs.setCurrentRow(min(row, len(self._found) - 1))
        self._show_pair()
        if self._stale:
            self.reload()

    def _failed(self, error: BaseException) -> None:
        self._loading = False
        self.count.clear()
        self._say_error(str(error) if isinstance(error, CrmError) else type(error).__name__)

    def _item(self, index: int, pair: DuplicatePair) -> QListWidgetItem:
        keep, other = pair.keep_candidate, pair.other
        item = QListWidgetItem("\n".join((_named(keep.display_name, keep.company_name),
                                          _named(other.display_name, other.company_name),
                                          reasons_text(pair.reasons))))
        item.setData(PAIR_ROLE, index)
        return item

    def _changed(self, changes: Changes) -> None:
        if changes.touches("contact") or changes.touches("company"):
            self._stale = True
            if self.isVisible():
                self.reload()

    # -- one pair --------------------------------------------------------------------------------

    def selected(self) -> DuplicatePair | None:
        item = self.pairs.currentItem()
        return self._found[int(item.data(PAIR_ROLE))] if item is not None else None

    def _show_pair(self) -> None:
        pair = self.selected()
        self.detail.setVisible(pair is not None)
        self.empty.setVisible(pair is None and not self._loading and not self._stale)
        self.clear_field_rows()
        self._choices = {}
        if pair is None:
            return
        keep, other = pair.keep_candidate, pair.other
        self.heading.setText(self.tr("Merge “%1” into “%2”?").replace("%1", other.display_name)
                             .replace("%2", keep.display_name))
        self.reasons.setText(reasons_text(pair.reasons))
        self.keep_title.setText(self.tr("Keep: %1").replace("%1", keep.display_name))
        self.other_title.setText(self.tr("Merge in: %1").replace("%1", other.display_name))
        for row, field in enumerate(MERGE_FIELDS, start=1):
            keep_text, other_text = field_text(keep, field), field_text(other, field)
            buttons = self.add_field_row(row, field_label(field), keep_text, other_text,
                                         keep_text != other_text)
            buttons[0 if default_choice(keep, other, field) == "keep" else 1].setChecked(True)
            self._choices[field] = buttons
        self.moves.setText(self.tr(
            "“%1”'s deals, notes, reminders and service logs move to “%2”, and “%1” goes to the "
            "recycle bin. Emails, phones, addresses and other fields of both are kept (the chosen "
            "side's first). Ctrl+Z undoes the merge.")
            .replace("%1", other.display_name).replace("%2", keep.display_name))

    def choices(self) -> dict[str, Choice]:
        """Per field whose two values differ, the side chosen."""
        return {field: "other" if buttons[1].isChecked() else "keep"
                for field, buttons in self._choices.items() if buttons[0].isEnabled()}

    def choose(self, field: str, side: Choice) -> None:
        self._choices[field][0 if side == "keep" else 1].setChecked(True)

    def merge_selected(self) -> None:
        pair = self.selected()
        if pair is None:
            return
        keep, other = pair.keep_candidate, pair.other
        question = (self.tr("Merge “%1” into “%2”? “%1”'s deals, notes, reminders and service logs "
                            "move to “%2”. Ctrl+Z undoes it.")
                    .replace("%1", other.display_name).replace("%2", keep.display_name))
        if not self.confirm(question):
            return
        try:
            outcome = self._crm.duplicates.merge(keep.id, other.id, self.choices())
        except CrmError as error:
            self._say_error(str(error))
            return
        self.error.hide()
        self.status.setText(self.tr("Merged. Undo with Ctrl+Z."))
        self._bus.publish(outcome.changes)
        if not self.isVisible():  # the bus reloads a visible page
            self.reload()

    def skip_selected(self) -> None:
        """Not now: leave the pair as it is and move on to the next one."""
        pair = self.selected()
        if pair is None:
            return
        self._skipped.add(self._key(pair))
        row = self.pairs.currentRow()
        self._loaded([p for p in self._found if p is not pair])
        self.pairs.setCurrentRow(min(row, self.pairs.count() - 1))
        self.pairs.setFocus()

    @staticmethod
    def _key(pair: DuplicatePair) -> tuple[str, str]:
        return pair.keep_candidate.id, pair.other.id

    def _say_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def _ask(self, question: str) -> bool:
        answer = QMessageBox.question(self, self.tr("Merge contacts"), question,
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def save_layout(self) -> None:
        """Nothing to keep."""

    def forget(self) -> None:
        """On lock: drop the pairs held for display and the pairs skipped."""
        self.pairs.blockSignals(True)  # clearing moves the current row through stale items
        self.pairs.clear()
        self.pairs.blockSignals(False)
        self._found, self._skipped, self._pinned = [], set(), None
        self.status.clear()
        self.error.hide()
        self._stale = True
        self._show_pair()
