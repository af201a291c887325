"""The deals page layout: a toolbar, the board or the list, and beside them the selected deal's
facts, its form and its stage history."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QToolButton,
    QTreeWidget,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.ui.views.deals_board_view import BoardView
from crm_desktop.ui.views.record_list_view import record_table

MESSAGE_STYLE = ("QLabel { background: #fdecea; color: #8a1c12; border: 1px solid #f5c2bd;"
                 " border-radius: 4px; padding: 4px 8px; }")


class DealsView(QWidget):
    def __init__(self, board: BoardView, form: QWidget) -> None:
        super().__init__()
        self.new_button = QPushButton(self.tr("New deal"))
        self.new_button.setToolTip(self.tr("New deal (Ctrl+N)"))
        self.board_button = self._mode_button(self.tr("Board"), self.tr("Pipeline board (Ctrl+Shift+B)"))
        self.list_button = self._mode_button(self.tr("List"), self.tr("All deals as a list (Ctrl+Shift+L)"))
        self.mode = QButtonGroup(self)
        self.mode.addButton(self.board_button, 0)
        self.mode.addButton(self.list_button, 1)
        self.board_button.setChecked(True)
        self.won_button = QPushButton(self.tr("Won"))
        self.won_button.setToolTip(self.tr("Mark the selected deal won"))
        self.lost_button = QPushButton(self.tr("Lost…"))
        self.lost_button.setToolTip(self.tr("Mark the selected deal lost, with the reason"))
        self.reopen_button = QPushButton(self.tr("Reopen"))
        self.reopen_button.setToolTip(self.tr("Put a won or lost deal back in the pipeline"))
        self.stage_filter = QComboBox()
        self.status_filter = QComboBox()
        self.owner_filter = QComboBox()
        self.filters = QWidget()
        self.count = QLabel()
        self.message = QLabel()
        self.message.setStyleSheet(MESSAGE_STYLE)
        self.message.setWordWrap(True)
        self.message.hide()
        self.board = board
        self.table = record_table(self.fontMetrics().height() + 10)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.board)
        self.stack.addWidget(self.table)
        self.deal_title = QLabel()
        self.deal_facts = QLabel()
        self.form = form
        self.history = QTreeWidget()
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self._lay_out()

    def _mode_button(self, text: str, tip: str) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip)
        button.setCheckable(True)
        button.setAutoRaise(False)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        return button

    def _lay_out(self) -> None:
        filters = QHBoxLayout(self.filters)
        filters.setContentsMargins(0, 0, 0, 0)
        filters.addWidget(QLabel(self.tr("Stage")))
        filters.addWidget(self.stage_filter)
        filters.addWidget(QLabel(self.tr("Status")))
        filters.addWidget(self.status_filter)
        filters.addWidget(QLabel(self.tr("Owner")))
        filters.addWidget(self.owner_filter)
        bar = QHBoxLayout()
        bar.setSpacing(6)
        bar.addWidget(self.new_button)
        bar.addSpacing(12)
        bar.addWidget(self.board_button)
        bar.addWidget(self.list_button)
        bar.addSpacing(12)
        bar.addWidget(self.won_button)
        bar.addWidget(self.lost_button)
        bar.addWidget(self.reopen_button)
        bar.addSpacing(12)
        bar.addWidget(self.filters)
        bar.addStretch(1)
        bar.addWidget(self.count)
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(bar)
        column.addWidget(self.message)
        column.addWidget(self.stack, 1)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self._panel())
        self.splitter.setStretchFactor(0, 4)
        self.splitter.setStretchFactor(1, 1)
        outer = QVBoxLayout(self)
        outer.addWidget(self.splitter)

    def _panel(self) -> QWidget:
        panel = QFrame()
        panel.setMinimumWidth(280)
        title_font = self.deal_title.font()
        title_font.setPointSizeF(title_font.pointSizeF() * 1.15)
        title_font.setBold(True)
        self.deal_title.setFont(title_font)
        self.deal_title.setWordWrap(True)
        self.deal_facts.setWordWrap(True)
        self.deal_facts.setTextFormat(Qt.TextFormat.PlainText)
        self.history.setColumnCount(2)
        self.history.setHeaderLabels([self.tr("When"), self.tr("Stage")])
        self.history.header().setStretchLastSection(True)
        self.history.setRootIsDecorated(False)
        self.history.setAlternatingRowColors(True)
        column = QVBoxLayout(panel)
        column.setContentsMargins(6, 0, 0, 0)
        column.addWidget(self.deal_title)
        column.addWidget(self.deal_facts)
        column.addSpacing(6)
        column.addWidget(self.form)
        heading = QLabel(self.tr("Stage history"))
        heading.setStyleSheet("font-weight: bold; margin-top: 8px;")
        column.addWidget(heading)
        column.addWidget(self.history, 1)
        return panel
