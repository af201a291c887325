"""Emptying item widgets whose items were built in Python, safely while a worker runs Python.

`QListWidget.clear()` / `QTreeWidget.clear()` delete the items inside one C++ call that PySide
makes with Python's GIL released; the wrapper of each Python-built item is then released into
PySide's binding map from that GIL-less call, racing any worker thread running Python — a
segfault in Shiboken::BindingManager::releaseWrapper (seen from a core dump, typing a search
right after unlock). Taking the items out one by one hands each back to Python, which deletes
it while holding the GIL.
"""

from __future__ import annotations

from PySide6.QtWidgets import QListWidget, QTreeWidget


def empty_list(widget: QListWidget) -> None:
    while widget.count():
        widget.takeItem(widget.count() - 1)  # returned to Python and freed here, GIL held


def empty_tree(widget: QTreeWidget) -> None:
    while widget.topLevelItemCount():
        widget.takeTopLevelItem(widget.topLevelItemCount() - 1)
