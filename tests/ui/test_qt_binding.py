"""The Qt binding in use keeps Python's own objects intact (PySide6 6.12.0 on Python 3.11 did not)."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel


def test_qt_calls_do_not_eat_references_to_none(qtbot) -> None:  # type: ignore[no-untyped-def]
    """A thousand Qt calls that return nothing leave None's reference count where it was;
    a binding that loses one per call crashes the app after a few minutes of typing."""
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for number in range(1000):
        label.setText(str(number))
    assert abs(sys.getrefcount(None) - before) < 100
