"""The Today page layout: the date, three figures, then follow-ups, service logs and deals."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QVBoxLayout,
    QWidget,
)

STYLE = """
QFrame#figure { background: palette(base); border: 1px solid palette(mid); border-radius: 6px; }
QLabel#figureValue { font-size: 18pt; font-weight: 600; }
QLabel#figureCaption { color: palette(dark); }
QLabel#todayTitle { font-size: 15pt; font-weight: 600; }
QLabel#sectionTitle { font-weight: 600; font-size: 11pt; }
"""


class Figure(QFrame):
    """One number with its caption, as a small card."""

    def __init__(self, caption: str) -> None:
        super().__init__()
        self.setObjectName("figure")
        self.value = QLabel("–")
        self.value.setObjectName("figureValue")
        self.value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.caption = QLabel(caption)
        self.caption.setObjectName("figureCaption")
        column = QVBoxLayout(self)
        column.setContentsMargins(14, 10, 14, 10)
        column.addWidget(self.value)
        column.addWidget(self.caption)


WARNING_STYLE = "color: #a4262c; font-weight: bold;"
MUTED_STYLE = "color: palette(placeholder-text);"


def _list(headers: list[str], stretch: int) -> QTreeWidget:
    """A flat list with columns; column `stretch` takes the room the others do not need."""
    tree = QTreeWidget()
    tree.setHeaderLabels(headers)
    header = tree.header()
    header.setStretchLastSection(False)
    for column in range(len(headers)):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    tree.setRootIsDecorated(False)
    tree.setAlternatingRowColors(True)
    tree.setUniformRowHeights(True)
    tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    return tree


def _section(title: QLabel, body: QWidget) -> QWidget:
    box = QWidget()
    column = QVBoxLayout(box)
    column.setContentsMargins(0, 0, 0, 0)
    column.addWidget(title)
    column.addWidget(body, 1)
    return box


class TodayView(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.setStyleSheet(STYLE)
        self.title = QLabel()
        self.title.setObjectName("todayTitle")
        self.status = QLabel()
        self.backup = QLabel()  # the last good backup, or why there is none: set by the workbench
        self.pipeline = Figure(self.tr("Open pipeline value"))
        self.won = Figure(self.tr("Deals won this month"))
        self.open_service = Figure(self.tr("Open service logs"))
        self.followups_title = self._heading(self.tr("Follow-ups due"))
        self.followups = _list([self.tr("Due"), self.tr("Reminder"), self.tr("Contact")], 1)
        self.service_title = self._heading(self.tr("Open service logs by priority"))
        self.service = _list([self.tr("Priority"), self.tr("Subject"), self.tr("Contact"),
                              self.tr("Status")], 1)
        self.deals_title = self._heading(self.tr("Deals expected to close this month"))
        self.deals = _list([self.tr("Deal"), self.tr("Stage"), self.tr("Amount"),
                            self.tr("Expected close")], 0)
        self._lay_out()

    @staticmethod
    def _heading(text: str) -> QLabel:
        label = QLabel(text)
        label.setObjectName("sectionTitle")
        return label

    def show_backup(self, text: str, warning: bool) -> None:
        self.backup.setText(text)
        self.backup.setStyleSheet(WARNING_STYLE if warning else MUTED_STYLE)

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addStretch(1)
        top.addWidget(self.status)
        top.addWidget(self.backup)
        figures = QHBoxLayout()
        for figure in (self.pipeline, self.won, self.open_service):
            figures.addWidget(figure, 1)
        grid = QGridLayout()
        grid.addWidget(_section(self.followups_title, self.followups), 0, 0, 2, 1)
        grid.addWidget(_section(self.service_title, self.service), 0, 1)
        grid.addWidget(_section(self.deals_title, self.deals), 1, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        outer = QVBoxLayout(self)
        outer.addLayout(top)
        outer.addLayout(figures)
        outer.addLayout(grid, 1)
