"""Screens refresh themselves from what a mutation changed (the core's `Changes`)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from crm_desktop.core.domain.changes import Changes


class ChangeBus(QObject):
    """Every controller that mutates publishes the Outcome's changes here; pages listen."""

    changed = Signal(object)

    def publish(self, changes: Changes) -> None:
        if changes:
            self.changed.emit(changes)
