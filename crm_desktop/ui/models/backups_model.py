"""The backups found in the backup folder, newest first: when, where, how much, and whether this
session has verified them. Verification results are kept for the session (until lock)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QLocale,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from crm_desktop.core.backup.naming import made_at
from crm_desktop.core.backup.service import BackupEntry
from crm_desktop.core.backup.verify import CHECK_LABELS, VerifyReport
from crm_desktop.core.i18n import _
from crm_desktop.ui.models.columns import RIGHT, Column, ColumnTableModel, Index
from crm_desktop.ui.models.service_model import local_time

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")

PROBLEM_COLOR = QColor("#b3261e")
GOOD_COLOR = QColor("#1e7b34")
STATUS = 4  # the status column


class BackupsModel(ColumnTableModel[BackupEntry]):
    """A folder holds a few dozen backups at most (the keep rules see to it): no paging."""

    def __init__(self, own_device_id: str = "") -> None:
        super().__init__()
        self._own_device = own_device_id
        self._results: dict[str, tuple[bool, str, str]] = {}  # path → (ok, failed check, problem)
        self._columns: tuple[Column[BackupEntry], ...] = (
            Column("made", translate("BackupsModel", "Made"), self._made),
            Column("device", translate("BackupsModel", "Device"), self._device),
            Column("contacts", translate("BackupsModel", "Contacts"), self._contacts, align_right=True),
            Column("size", translate("BackupsModel", "Size"), self._size, align_right=True),
            Column("status", translate("BackupsModel", "Status"), self._status),
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (found := self.cell(index)) is None:
            return None
        entry, column = found
        if role == Qt.ItemDataRole.DisplayRole:
            return column.display(entry)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._problem(entry) or str(entry.path)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align_right:
            return int(RIGHT)
        if role == Qt.ItemDataRole.ForegroundRole and column.key == "status":
            return self._status_brush(entry)
        return None

    def set_entries(self, entries: list[BackupEntry]) -> None:
        self.beginResetModel()
        self._rows = list(entries)
        self.endResetModel()

    def mark(self, report: VerifyReport) -> None:
        """Remember how a verification of this session went, and show it."""
        failed = next((check.name for check in report.checks if not check.ok), "")
        label = _(CHECK_LABELS[failed]) if failed else ""
        self._results[str(report.path)] = (report.ok, label, report.problem)
        row = self.row_of(report.path)
        if row is not None:
            self.dataChanged.emit(self.index(row, STATUS), self.index(row, STATUS))

    def clear(self) -> None:
        """Drop the rows and the session's results (on lock)."""
        self.beginResetModel()
        self._rows = []
        self._results.clear()
        self.endResetModel()

    def entry_at(self, row: int) -> BackupEntry:
        return self._rows[row]

    def row_of(self, path: Path) -> int | None:
        return next((i for i, e in enumerate(self._rows) if str(e.path) == str(path)), None)

    def _made(self, entry: BackupEntry) -> str:
        """From the manifest; for an unreadable backup, from its name (UTC, as it was written)."""
        return local_time(entry.manifest.created_at if entry.manifest else made_at(entry.path))

    def _device(self, entry: BackupEntry) -> str:
        if entry.manifest is None:
            return ""
        if self._own_device and entry.manifest.device_id == self._own_device:
            return translate("BackupsModel", "%1 (this computer)").replace("%1", entry.manifest.device_name)
        return entry.manifest.device_name

    def _contacts(self, entry: BackupEntry) -> str:
        return QLocale().toString(entry.manifest.counts.get("contacts", 0)) if entry.manifest else ""

    def _size(self, entry: BackupEntry) -> str:
        if entry.manifest is None:
            return ""
        return QLocale().formattedDataSize(entry.manifest.database_bytes, 1,
                                           QLocale.DataSizeFormat.DataSizeTraditionalFormat)

    def _status(self, entry: BackupEntry) -> str:
        if entry.manifest is None:
            return translate("BackupsModel", "Unreadable: %1").replace("%1", self._problem(entry))
        result = self._results.get(str(entry.path))
        if result is None:
            return translate("BackupsModel", "Not verified")
        if result[0]:
            return translate("BackupsModel", "Verified ✓ (this session)")
        return translate("BackupsModel", "Failed: %1").replace("%1", result[1])

    def _problem(self, entry: BackupEntry) -> str:
        """Why the backup is unreadable or failed, naming the file by its name, not its path."""
        result = self._results.get(str(entry.path))
        problem = entry.problem if entry.manifest is None else (result[2] if result else "")
        return problem.replace(str(entry.path), entry.path.name)

    def _status_brush(self, entry: BackupEntry) -> QBrush | None:
        result = self._results.get(str(entry.path))
        if entry.manifest is None or (result is not None and not result[0]):
            return QBrush(PROBLEM_COLOR)
        return QBrush(GOOD_COLOR) if result else None
