"""Global search (Ctrl+K): results as you type, grouped by kind, over the core's search.

The core never needs pypinyin to answer (titles' spellings are stored when indexed), so even
the first keystroke of a session answers in milliseconds.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from crm_desktop.core.crm import Crm
from crm_desktop.core.domain.labels import value_label
from crm_desktop.core.search.index import SearchHit

HIT_ROLE = Qt.ItemDataRole.UserRole + 1


class SearchBox(QWidget):
    opened = Signal(object)  # the chosen SearchHit

    def __init__(self, crm: Crm) -> None:
        super().__init__()
        self._crm = crm
        self._hits: list[SearchHit] = []
        self.field = QLineEdit()
        self.field.setPlaceholderText(self.tr("Search names, pinyin, phones, notes… (Ctrl+K)"))
        self.field.setClearButtonEnabled(True)
        self.results = QListWidget()
        self.results.hide()
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.field)
        column.addWidget(self.results)
        self.field.textChanged.connect(self.run_query)
        self.field.returnPressed.connect(self._open_first)
        self.results.itemActivated.connect(self._open_item)

    def focus(self) -> None:
        self.field.setFocus()
        self.field.selectAll()

    def run_query(self, text: str) -> None:
        self.results.clear()
        hits = self._crm.search(text, limit=30) if text.strip() else []
        self._hits = hits  # the rows carry an index into this list
        current_kind = None
        for index, hit in enumerate(hits):
            if hit.kind != current_kind:
                current_kind = hit.kind
                self._add_row(value_label(hit.kind), None)
            label = f"{hit.title}  —  {hit.subtitle}" if hit.subtitle else hit.title
            self._add_row("    " + label, index)
        if text.strip() and not hits:
            self._add_row(self.tr("No matches"), None)
        self._fit_results()
        self.results.setVisible(bool(text.strip()))

    def _add_row(self, text: str, hit_index: int | None) -> None:
        """A row made by Qt from text, not a QListWidgetItem built in Python: PySide's wrapper of
        a Python-built item is released when clear() deletes the item, and that crashed (segfault
        in Shiboken::BindingManager::releaseWrapper) when typing right after unlock, while the
        Today page's worker ran Python. Rows without a hit (kind headings) cannot be chosen."""
        self.results.addItem(text)
        row = self.results.item(self.results.count() - 1)
        if hit_index is None:
            row.setFlags(Qt.ItemFlag.NoItemFlags)
        else:
            row.setData(HIT_ROLE, hit_index)

    def _fit_results(self) -> None:
        """As tall as the results (at most 12 rows), so the page below stays in view."""
        rows = min(self.results.count(), 12)
        height = self.results.sizeHintForRow(0) if self.results.count() else 0
        self.results.setFixedHeight(rows * max(height, 18) + 2 * self.results.frameWidth() + 4)

    def hits(self) -> list[SearchHit]:
        return [self._hits[item.data(HIT_ROLE)] for item in
                (self.results.item(i) for i in range(self.results.count()))
                if item.data(HIT_ROLE) is not None]

    def _open_first(self) -> None:
        hits = self.hits()
        if hits:
            self.opened.emit(hits[0])

    def _open_item(self, item: QListWidgetItem) -> None:
        index = item.data(HIT_ROLE)
        if index is not None:
            self.opened.emit(self._hits[index])
