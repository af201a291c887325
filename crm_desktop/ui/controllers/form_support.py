"""What every record form shares: messages under the field at fault, and the tags field."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar, TypeVar

from PySide6.QtWidgets import QLabel

from crm_desktop.core.domain.changes import Outcome
from crm_desktop.core.errors import CrmError, ValidationError

T = TypeVar("T")


def split_tags(text: str) -> list[str]:
    """'VIP, 北京，展会' → ['VIP', '北京', '展会'] (ASCII or Chinese commas)."""
    return [t.strip() for t in text.replace("，", ",").split(",") if t.strip()]


class InlineErrors:
    """Mixin for forms with `self.errors: dict[str, QLabel]`, one label under each field."""

    errors: dict[str, QLabel]
    field_errors: ClassVar[dict[str, str]] = {}  # core field name → key of the label under it

    def _attempt(self, change: Callable[[], Outcome[T]]) -> Outcome[T] | None:
        """Run a core change; a refusal is shown under its field (else the form's), None returned."""
        try:
            return change()
        except ValidationError as error:
            self._show_error(self.field_errors.get(error.field or "", "form"), str(error))
        except CrmError as error:
            self._show_error("form", str(error))
        return None

    def _show_error(self, key: str, message: str) -> None:
        label = self.errors[key]
        label.setText(message)
        label.show()

    def _clear_errors(self) -> None:
        for label in self.errors.values():
            label.clear()
            label.hide()
