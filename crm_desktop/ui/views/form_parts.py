"""What record forms and dialogs share in their layout: the error colour and the message label
shown under the field at fault."""

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
