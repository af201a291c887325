"""What record forms and dialogs share in their layout: the error colour, the message label
shown under the field at fault, a step's heading, a wrapping text label and the row of buttons."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

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


def button_row(*buttons: QWidget) -> QHBoxLayout:
    """A dialog's buttons, right-aligned in the order given."""
    row = QHBoxLayout()
    row.addStretch(1)
    for button in buttons:
        row.addWidget(button)
    return row
