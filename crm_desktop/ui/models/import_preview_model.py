"""The rows of an import preview: line, what the row would do, the name, and why. A file of half a
million rows is shown without a widget per cell; the text of a row is made only when painted."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor

from crm_desktop.core.io.imports.plan import PlannedRow
from crm_desktop.core.io.imports.source import SourceRow
from crm_desktop.ui.models.columns import RIGHT, Column, ColumnTableModel, Index

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")

INVALID_COLOR = QColor("#b3261e")


def action_text(action: str) -> str:
    return {"create": translate("ImportPreviewModel", "New contact"),
            "update": translate("ImportPreviewModel", "Update"),
            "skip": translate("ImportPreviewModel", "Skip"),
            "invalid": translate("ImportPreviewModel", "Left out (invalid)")}.get(action, action)


class ImportPreviewModel(ColumnTableModel[PlannedRow]):
    def __init__(self) -> None:
        super().__init__()
        self._cells: dict[int, SourceRow] = {}  # line → the file's row, to name a row without a name
        self._columns: tuple[Column[PlannedRow], ...] = (
            Column("line", translate("ImportPreviewModel", "Line"), lambda r: str(r.line), align_right=True),
            Column("action", translate("ImportPreviewModel", "Action"), lambda r: action_text(r.action)),
            Column("name", translate("ImportPreviewModel", "Name"), self._name),
            Column("reasons", translate("ImportPreviewModel", "Why"),
                   lambda r: " ".join(str(reason) for reason in r.reasons)),
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (found := self.cell(index)) is None:
            return None
        row, column = found
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return column.display(row)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align_right:
            return int(RIGHT)
        if role == Qt.ItemDataRole.ForegroundRole and row.action == "invalid":
            return QBrush(INVALID_COLOR)
        return None

    def set_rows(self, rows: list[PlannedRow], source_rows: tuple[SourceRow, ...] = ()) -> None:
        self.beginResetModel()
        self._rows = rows
        self._cells = {row.line: row for row in source_rows}
        self.endResetModel()

    def row_at(self, row: int) -> PlannedRow:
        return self._rows[row]

    def _name(self, row: PlannedRow) -> str:
        name = row.candidate.values.get("display_name")
        if name:
            return str(name)
        found = self._cells.get(row.line)  # an invalid row: its first cells say which it is
        cells = [cell.strip() for cell in found.cells.values() if cell.strip()] if found else []
        return " · ".join(cells[:2])
