"""What every record form shares: messages under the field at fault, and the tags field."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel


def split_tags(text: str) -> list[str]:
    """'VIP, 北京，展会' → ['VIP', '北京', '展会'] (ASCII or Chinese commas)."""
    return [t.strip() for t in text.replace("，", ",").split(",") if t.strip()]


class InlineErrors:
    """Mixin for forms with `self.errors: dict[str, QLabel]`, one label under each field."""

    errors: dict[str, QLabel]

    def _show_error(self, key: str, message: str) -> None:
        label = self.errors[key]
        label.setText(message)
        label.show()

    def _clear_errors(self) -> None:
        for label in self.errors.values():
            label.clear()
            label.hide()
