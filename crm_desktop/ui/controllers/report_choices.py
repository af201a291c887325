"""Small pieces of the reports page: the quick period choices, and picking a contact or company
by typing its name (a completer over the core's search)."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QLineEdit

from crm_desktop.core.crm import Crm

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")
ID_ROLE = Qt.ItemDataRole.UserRole + 1
QUICK_PERIODS = ("this_month", "last_month", "last_30_days", "this_year")


def quick_period_label(code: str) -> str:
    labels = {"this_month": translate("ReportsPage", "This month"),
              "last_month": translate("ReportsPage", "Last month"),
              "last_30_days": translate("ReportsPage", "Last 30 days"),
              "this_year": translate("ReportsPage", "This year")}
    return labels[code]


def quick_period(code: str, today: date) -> tuple[date, date]:
    """The first and last day (both included) of a quick choice, as of `today`."""
    if code == "this_month":
        return today.replace(day=1), today
    if code == "last_month":
        last = today.replace(day=1) - timedelta(days=1)
        return last.replace(day=1), last
    if code == "this_year":
        return today.replace(month=1, day=1), today
    return today - timedelta(days=29), today


class SubjectPicker(QObject):
    """A line edit where typing a name offers the matching contacts (or companies); picking one
    remembers its id. Editing the text afterwards forgets it."""

    def __init__(self, crm: Crm, field: QLineEdit, kind: str) -> None:
        super().__init__(field)
        self._crm = crm
        self._field = field
        self._kind = kind
        self.chosen_id: str | None = None
        self.model = QStandardItemModel(self)
        self.completer = QCompleter(self.model, self)
        # the core's search already matched (pinyin, phone digits): show every hit as it is
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        field.setCompleter(self.completer)
        field.textEdited.connect(self._typed)
        self.completer.activated[str].connect(self._picked)  # type: ignore[index]

    def _typed(self, text: str) -> None:
        self.chosen_id = None
        self.model.clear()
        if not text.strip():
            return
        for hit in self._crm.search(text, kinds=(self._kind,), limit=20):
            label = f"{hit.title}  —  {hit.subtitle}" if hit.subtitle else hit.title
            item = QStandardItem(label)
            item.setData(hit.row_id, ID_ROLE)
            item.setData(hit.title, Qt.ItemDataRole.UserRole)
            self.model.appendRow(item)
        self.completer.complete()

    def _picked(self, label: str) -> None:
        for row in range(self.model.rowCount()):
            item = self.model.item(row)
            if item.text() == label:
                self.choose(item.data(ID_ROLE), item.data(Qt.ItemDataRole.UserRole))
                return

    def choose(self, row_id: str | None, name: str = "") -> None:
        """Pick `row_id` (shown as `name`); None clears the choice."""
        self.chosen_id = row_id
        self._field.setText(name if row_id else "")

    def clear(self) -> None:
        self.model.clear()
        self.choose(None)
