"""Global search (Ctrl+K): results as you type, grouped by kind, over the core's search.

Ranking a Latin query against Chinese titles (zw → 张伟) needs pypinyin's dictionaries and its
phrase segmenter. The core loads them on first use: ~0.15-0.25 s of work holding the GIL, which
made the first such keystroke of a session take ~250 ms, whenever it came. They are loaded
ahead, on a thread of their own (`warm_up_in_background`), as soon as the GUI thread is idle
after the Today page has shown its first figures (the last of the start-up work), or when the
search field gets the focus, whichever comes first. Not earlier: while the window is built or
Today's figures are painted, the loading competes with the GUI thread for the GIL (start-up or
Today ~0.2 s slower, measured).
"""

from __future__ import annotations

import threading
from functools import cache

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from crm_desktop.core.crm import Crm
from crm_desktop.core.domain.labels import value_label
from crm_desktop.core.search.index import SearchHit
from crm_desktop.core.search.text import pinyin_forms
from crm_desktop.ui.tasks import call_when_idle

HIT_ROLE = Qt.ItemDataRole.UserRole + 1
WARM_UP_TEXTS = ("张伟", "重庆银行")  # a name spelled per character; a phrase, segmented


def warm_up() -> None:
    """Load what ranking by pinyin needs (Qt-free, any thread; cheap once done)."""
    for text in WARM_UP_TEXTS:
        pinyin_forms(text)


@cache
def warm_up_in_background() -> threading.Thread:
    """Start `warm_up` on a daemon thread, once per process (later calls return that thread).

    A plain thread, not the task pool: it returns nothing to the GUI and keeps the pool's
    threads free for the work that does."""
    thread = threading.Thread(target=warm_up, name="search warm-up", daemon=True)
    thread.start()
    return thread


@cache
def warm_up_when_idle() -> None:
    """Start the warm-up the next time the GUI thread is idle (the first call only)."""
    call_when_idle(warm_up_in_background)


class SearchBox(QWidget):
    opened = Signal(object)  # the chosen SearchHit

    def __init__(self, crm: Crm) -> None:
        super().__init__()
        self._crm = crm
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
        self.field.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.field and event.type() == QEvent.Type.FocusIn:
            warm_up_in_background()  # typing is about to start; a no-op once it has run
        return super().eventFilter(watched, event)

    def focus(self) -> None:
        self.field.setFocus()
        self.field.selectAll()

    def run_query(self, text: str) -> None:
        self.results.clear()
        hits = self._crm.search(text, limit=30) if text.strip() else []
        current_kind = None
        for hit in hits:
            if hit.kind != current_kind:
                current_kind = hit.kind
                header = QListWidgetItem(value_label(hit.kind))
                header.setFlags(Qt.ItemFlag.NoItemFlags)
                self.results.addItem(header)
            label = f"{hit.title}  —  {hit.subtitle}" if hit.subtitle else hit.title
            item = QListWidgetItem("    " + label)
            item.setData(HIT_ROLE, hit)
            self.results.addItem(item)
        if text.strip() and not hits:
            empty = QListWidgetItem(self.tr("No matches"))
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.results.addItem(empty)
        self._fit_results()
        self.results.setVisible(bool(text.strip()))

    def _fit_results(self) -> None:
        """As tall as the results (at most 12 rows), so the page below stays in view."""
        rows = min(self.results.count(), 12)
        height = self.results.sizeHintForRow(0) if self.results.count() else 0
        self.results.setFixedHeight(rows * max(height, 18) + 2 * self.results.frameWidth() + 4)

    def hits(self) -> list[SearchHit]:
        return [item.data(HIT_ROLE) for item in
                (self.results.item(i) for i in range(self.results.count()))
                if item.data(HIT_ROLE) is not None]

    def _open_first(self) -> None:
        hits = self.hits()
        if hits:
            self.opened.emit(hits[0])

    def _open_item(self, item: QListWidgetItem) -> None:
        hit = item.data(HIT_ROLE)
        if hit is not None:
            self.opened.emit(hit)
