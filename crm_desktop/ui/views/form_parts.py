"""What record forms and dialogs share in their layout: the error colour, the message label
shown under the field at fault, a step's heading and a wrapping text label."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

ERROR_STYLE = "color: #b3261e;"


def error_label() -> QLabel:
    """A red, wrapping message label, hidden until there is something to say."""
    label = QLabel()
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.hide()
    return label


def heading(text: str) -> QLabel:
    """A dialog step's title, styled by the app style sheet (#formHeading)."""
    label = QLabel(text)
    label.setObjectName("formHeading")
    return label


def wrapped(text: str = "", style: str = "") -> QLabel:
    """A label whose text wraps, with an optional style."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet(style)
    return label
