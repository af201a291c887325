"""Keyboard order shared by the form views: Tab follows what the eye reads."""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtWidgets import QAbstractButton, QDialogButtonBox, QWidget


def tab_buttons_as_shown(box: QDialogButtonBox) -> None:
    """Tab through a button box's buttons in the order the platform lays them out.

    Each platform places Save, Cancel and a destructive button differently, and a button added
    with `addButton` otherwise keeps its place in the tab chain, not the one it is shown in.
    Call it once the box sits in its window."""
    layout = box.layout()
    items = [layout.itemAt(index) for index in range(layout.count())] if layout else []
    widgets = [item.widget() for item in items if item is not None]
    buttons = [widget for widget in widgets if isinstance(widget, QAbstractButton)]
    for before, after in pairwise(buttons):
        QWidget.setTabOrder(before, after)
