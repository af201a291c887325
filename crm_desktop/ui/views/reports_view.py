"""The reports page layout: the reports on the left; on the right the chosen report's filters,
the output options (language, paper, password), then Generate with its progress, Cancel, and
Open / Print… for the PDF just made."""

from __future__ import annotations

import html

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

MUTED_STYLE = "color: palette(placeholder-text);"
ERROR_TEXT_STYLE = "color: #b3261e;"
LIST_STYLE = ("QListWidget#reportList::item { border-bottom: 1px solid #e3e6ea; }"
              "QListWidget#reportList::item:selected { background: #dbe8f5; }")
REPORT_TEXT_WIDTH = 290
NAME_ROLE = Qt.ItemDataRole.UserRole + 1  # the report's name, kept on each list item


def _date_edit() -> QDateEdit:
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


def _password() -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


class ReportsView(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.reports = QListWidget()
        self.reports.setObjectName("reportList")
        # a light selection: the item labels keep their dark text on it
        self.reports.setStyleSheet(LIST_STYLE)
        self.reports.setMinimumWidth(REPORT_TEXT_WIDTH + 30)
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 15px; font-weight: 600;")
        self.description = QLabel()
        self.description.setWordWrap(True)
        self.description.setStyleSheet(MUTED_STYLE)
        self.from_date = _date_edit()
        self.to_date = _date_edit()
        self.quick_period = QComboBox()
        self.tag = QComboBox()
        self.owner = QComboBox()
        self.stage = QComboBox()
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Names, pinyin, phones…"))
        self.contact = QLineEdit()
        self.contact.setPlaceholderText(self.tr("Type a name and pick the contact"))
        self.company = QLineEdit()
        self.company.setPlaceholderText(self.tr("Type a name and pick the company"))
        self.no_filters = QLabel(self.tr("This report takes no filters."))
        self.no_filters.setStyleSheet(MUTED_STYLE)
        self.language = QComboBox()
        self.paper = QComboBox()
        self.password = _password()
        self.password.setPlaceholderText(self.tr("Optional"))
        self.password_again = _password()
        self.password_hint = QLabel(self.tr("Reports hold customer data: protect a PDF that leaves "
                                            "this computer with a password."))
        self.password_hint.setWordWrap(True)
        self.password_hint.setStyleSheet(MUTED_STYLE)
        self.generate = QPushButton(self.tr("Generate…"))
        self.generate.setToolTip(self.tr("Make the PDF and choose where to save it (Ctrl+P)"))
        self.generate.setDefault(True)
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(220)
        self.progress.hide()
        self.cancel = QPushButton(self.tr("Cancel"))
        self.cancel.hide()
        self.open = QPushButton(self.tr("Open"))
        self.open.setToolTip(self.tr("Open the PDF in your PDF viewer"))
        self.print = QPushButton(self.tr("Print…"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.filters_box = QGroupBox(self.tr("Filters"))
        self.filters = QFormLayout(self.filters_box)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self._lay_out()

    def add_report(self, name: str, title: str, description: str) -> None:
        """One entry of the list: the title in bold over its one-line description."""
        label = QLabel(f"<b>{html.escape(title)}</b><br>"
                       f"<span style='color: #5f6b76;'>{html.escape(description)}</span>")
        label.setWordWrap(True)
        label.setContentsMargins(6, 5, 6, 5)
        label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        item = QListWidgetItem()
        item.setData(NAME_ROLE, name)
        item.setToolTip(description)
        self.reports.addItem(item)
        self.reports.setItemWidget(item, label)
        # rows as tall as the text wrapped at the narrowest the list gets
        item.setSizeHint(QSize(REPORT_TEXT_WIDTH, label.heightForWidth(REPORT_TEXT_WIDTH)))

    def _lay_out(self) -> None:
        period = QWidget()
        row = QHBoxLayout(period)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.from_date)
        row.addWidget(QLabel("–"))
        row.addWidget(self.to_date)
        row.addWidget(self.quick_period)
        row.addStretch(1)
        self.period_row = period
        self.filters.addRow(self.tr("Period"), period)
        self.filters.addRow(self.tr("Tag"), self.tag)
        self.filters.addRow(self.tr("Owner"), self.owner)
        self.filters.addRow(self.tr("Lifecycle stage"), self.stage)
        self.filters.addRow(self.tr("Search"), self.search)
        self.filters.addRow(self.tr("Contact"), self.contact)
        self.filters.addRow(self.tr("Company"), self.company)
        self.filters.addRow(self.no_filters)
        detail = QWidget()
        column = QVBoxLayout(detail)
        column.addWidget(self.heading)
        column.addWidget(self.description)
        column.addWidget(self.filters_box)
        column.addWidget(self._output())
        column.addLayout(self._actions())
        column.addWidget(self.message)
        column.addStretch(1)
        self.splitter.addWidget(self.reports)
        self.splitter.addWidget(detail)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([330, 670])
        outer = QVBoxLayout(self)
        outer.addWidget(self.splitter)

    def _output(self) -> QGroupBox:
        box = QGroupBox(self.tr("PDF"))
        form = QFormLayout(box)
        form.addRow(self.tr("Language"), self.language)
        form.addRow(self.tr("Paper"), self.paper)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.tr("Password again"), self.password_again)
        form.addRow(self.password_hint)
        return box

    def _actions(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        for widget in (self.generate, self.progress, self.cancel):
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(self.open)
        bar.addWidget(self.print)
        return bar
