"""The duplicates page layout: suggested pairs on the left; on the right, the two contacts side by
side, one row per field with a choice of whose value to keep, and Merge / Not now."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.ui.views.form_parts import button_row, error_label, wrapped

MUTED_STYLE = "color: palette(placeholder-text);"
DIFFERENT_STYLE = "font-weight: bold;"


class DuplicatesView(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.hint = wrapped(self.tr("Contacts that look like the same person. Pick one, choose "
                                     "which values to keep and merge them; nothing is merged on "
                                     "its own."), MUTED_STYLE)
        self.pairs = QListWidget()
        self.pairs.setObjectName("duplicatePairs")
        self.pairs.setWordWrap(True)  # three lines per pair: both names and the reasons
        self.pairs.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.pairs.setSpacing(2)
        self.count = QLabel()
        self.status = wrapped()
        self.error = error_label()
        self.heading = QLabel()
        self.heading.setObjectName("formHeading")
        self.reasons = wrapped()
        self.keep_title, self.other_title = wrapped(), wrapped()
        self.grid = QGridLayout()
        self.moves = wrapped(style=MUTED_STYLE)
        self.merge = QPushButton(self.tr("Merge…"))
        self.merge.setToolTip(self.tr("Merge the two contacts into one (Enter). Ctrl+Z undoes it."))
        self.not_now = QPushButton(self.tr("Not now"))
        self.not_now.setToolTip(self.tr("Leave these two as they are and go to the next pair"))
        self.empty = wrapped(self.tr("No likely duplicates. Well kept!"), MUTED_STYLE)
        self.detail = QWidget()
        self._lay_out()

    def _lay_out(self) -> None:
        left = QWidget()
        list_column = QVBoxLayout(left)
        list_column.setContentsMargins(0, 0, 0, 0)
        list_column.addWidget(self.count)
        list_column.addWidget(self.pairs, 1)
        self.grid.addWidget(self.keep_title, 0, 1)
        self.grid.addWidget(self.other_title, 0, 2)
        self.grid.setColumnStretch(1, 1)
        self.grid.setColumnStretch(2, 1)
        fields = QWidget()
        fields.setLayout(self.grid)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(fields)
        buttons = button_row(self.not_now, self.merge)
        detail_column = QVBoxLayout(self.detail)
        detail_column.setContentsMargins(0, 0, 0, 0)
        for widget in (self.heading, self.reasons):
            detail_column.addWidget(widget)
        detail_column.addWidget(scroll, 1)
        detail_column.addWidget(self.moves)
        detail_column.addLayout(buttons)
        right = QWidget()
        right_column = QVBoxLayout(right)
        right_column.setContentsMargins(0, 0, 0, 0)
        right_column.addWidget(self.empty, 0, Qt.AlignmentFlag.AlignTop)
        right_column.addWidget(self.detail, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 2)
        column = QVBoxLayout(self)
        for widget in (self.hint, self.status, self.error):
            column.addWidget(widget)
        column.addWidget(splitter, 1)

    def add_field_row(self, row: int, label: str, keep: str, other: str,
                      differ: bool) -> tuple[QRadioButton, QRadioButton]:
        """One field: its name, then a choice per contact showing that contact's value."""
        name = QLabel(label)
        name.setStyleSheet(DIFFERENT_STYLE if differ else MUTED_STYLE)
        choices = (QRadioButton(keep or "—"), QRadioButton(other or "—"))
        group = QButtonGroup(name)
        self.grid.addWidget(name, row, 0, Qt.AlignmentFlag.AlignTop)
        for column, button in enumerate(choices, start=1):
            button.setEnabled(differ)
            group.addButton(button)
            self.grid.addWidget(button, row, column, Qt.AlignmentFlag.AlignTop)
        return choices

    def clear_field_rows(self) -> None:
        """Remove every field row, keeping the two titles of row 0."""
        for index in reversed(range(self.grid.count())):
            item = self.grid.itemAt(index)
            widget = item.widget() if item else None
            if widget is not None and widget not in (self.keep_title, self.other_title):
                self.grid.removeWidget(widget)
                widget.hide()  # gone from the screen now, not when the event loop next deletes it
                widget.deleteLater()
