"""Help → Keyboard shortcuts (F1): every frequent action and its keys."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget


class ShortcutsDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        rows = [
            ("Ctrl+K", self.tr("Search everything")),
            ("Ctrl+N", self.tr("New record on the current page")),
            ("Ctrl+Z", self.tr("Undo the last change")),
            ("Ctrl+L", self.tr("Lock now")),
            ("Ctrl+1 … Ctrl+9", self.tr("Go to a page (in the order of the navigation)")),
            ("Ctrl+Shift+C", self.tr("Log a call on the open contact or company")),
            ("Ctrl+Shift+N", self.tr("Add a note to the open contact or company")),
            ("Ctrl+Shift+F", self.tr("Add a follow-up for the open contact")),
            ("Ctrl+Shift+D", self.tr("New deal for the open contact or company")),
            ("Ctrl+Shift+S", self.tr("New service log for the open contact")),
            ("Ctrl+Shift+B / Ctrl+Shift+L", self.tr("Deals: board / list")),
            ("Ctrl+D", self.tr("Reminders: mark the selected one done")),
            ("Ctrl+P", self.tr("Reports: generate the chosen report")),
            ("Ctrl+B", self.tr("Backup: back up now")),
            ("F1", self.tr("This list")),
            ("Ctrl+Q", self.tr("Quit")),
        ]
        self.table = QTableWidget(len(rows), 2)
        self.table.setHorizontalHeaderLabels([self.tr("Keys"), self.tr("Action")])
        self.table.verticalHeader().hide()
        for row, (keys, action) in enumerate(rows):
            self.table.setItem(row, 0, QTableWidgetItem(keys))
            self.table.setItem(row, 1, QTableWidgetItem(action))
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addWidget(self.table)
        column.addWidget(buttons)
        self.resize(480, 320)
