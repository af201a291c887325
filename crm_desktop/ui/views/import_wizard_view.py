"""The import wizard's layout: five steps on a stack (the file and how to read it, which column
fills which field, the preview, the progress, the summary) over Back, Cancel and one forward button."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLayout,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QTableView,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.ui.views.form_parts import button_row, error_label, heading, wrapped

WARNING_STYLE = ("background: #fff4e5; color: #663c00; border: 1px solid #ffcc80; "
                 "border-radius: 4px; padding: 8px;")
DONE_STYLE = "color: #1e7b34;"
MAPPING_COLUMNS = 3  # the file's column | its first values | the field it fills


def _combo(*choices: tuple[str, str]) -> QComboBox:
    combo = QComboBox()
    for text, data in choices:
        combo.addItem(text, data)
    return combo


def _add_row(form: QFormLayout, text: str, buddy: QWidget, field: QLayout) -> None:
    """A form row whose label's mnemonic (Alt+letter) focuses `buddy` inside the row's layout."""
    label = QLabel(text)
    label.setBuddy(buddy)
    form.addRow(label, field)


def _row(*widgets: QWidget, stretch_at: int | None = None) -> QHBoxLayout:
    row = QHBoxLayout()
    for number, widget in enumerate(widgets):
        row.addWidget(widget, 1 if number == stretch_at else 0)
    if stretch_at is None:
        row.addStretch(1)
    return row


class ImportWizardView(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import contacts"))
        self.back = QPushButton(self.tr("< &Back"))
        self.cancel = QPushButton(self.tr("Cancel"))
        self.forward = QPushButton()
        for button in (self.back, self.cancel, self.forward):
            button.setAutoDefault(False)  # Enter in a field never imports by accident
        self.stack = QStackedWidget()
        self.file_page = self._file_page()
        self.mapping_page = self._mapping_page()
        self.preview_page = self._preview_page()
        self.work_page = self._work_page()
        self.summary_page = self._summary_page()
        self._lay_out()

    def _lay_out(self) -> None:
        buttons = button_row(self.back, self.cancel, self.forward)
        column = QVBoxLayout(self)
        column.addWidget(self.stack, 1)
        column.addLayout(buttons)
        self.setMinimumSize(720, 520)

    def _page(self, *items: QWidget | QLayout, stretch: bool = True) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        for item in items:
            if isinstance(item, QLayout):
                column.addLayout(item)
            else:
                column.addWidget(item, 1 if isinstance(item, QTableView) else 0)
        if stretch:
            column.addStretch(1)
        self.stack.addWidget(page)
        return page

    def _file_page(self) -> QWidget:
        self.path = QLineEdit()
        self.path.setPlaceholderText(self.tr("A CSV, Excel (.xlsx) or vCard (.vcf) file"))
        self.choose = QPushButton(self.tr("&Choose…"))
        self.format = _combo((self.tr("Detect"), ""), ("CSV", "csv"), (self.tr("Excel (.xlsx)"), "xlsx"),
                             ("vCard", "vcard"), (self.tr("JSON (this app's workspace export)"), "json"))
        self.encoding = _combo((self.tr("Detect"), ""), ("UTF-8", "utf-8"), ("GB18030 (GBK)", "gb18030"),
                               (self.tr("Big5 (Traditional Chinese)"), "big5hkscs"),
                               ("UTF-16", "utf-16"), (self.tr("Western (Windows-1252)"), "cp1252"))
        self.delimiter = _combo((self.tr("Detect"), ""), (self.tr("Comma ,"), ","),
                                (self.tr("Semicolon ;"), ";"), (self.tr("Tab"), "\t"))
        self.sheet = _combo((self.tr("First sheet"), ""))
        self.saved_mapping = _combo((self.tr("Suggested from the column names"), ""))
        self.detected = wrapped()
        self.file_error = error_label()
        form = QFormLayout()
        _add_row(form, self.tr("&File"), self.path, _row(self.path, self.choose, stretch_at=0))
        _add_row(form, self.tr("F&ormat"), self.format, _row(self.format))
        _add_row(form, self.tr("&Encoding"), self.encoding, _row(self.encoding))
        _add_row(form, self.tr("&Delimiter"), self.delimiter, _row(self.delimiter))
        _add_row(form, self.tr("S&heet"), self.sheet, _row(self.sheet))
        _add_row(form, self.tr("Column &mapping"), self.saved_mapping, _row(self.saved_mapping))
        return self._page(heading(self.tr("Choose the file to import")), form, self.detected,
                          self.file_error)

    def _mapping_page(self) -> QWidget:
        self.columns = QTableWidget(0, MAPPING_COLUMNS)
        self.columns.setHorizontalHeaderLabels(
            [self.tr("Column in the file"), self.tr("First values"), self.tr("Import as")])
        self.columns.verticalHeader().hide()
        self.columns.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.columns.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.columns.setWordWrap(False)
        self.columns.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes from field to field instead
        header = self.columns.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.mapping_name = QLineEdit()
        self.mapping_name.setPlaceholderText(self.tr("e.g. Exhibition list"))
        self.save_mapping = QPushButton(self.tr("&Save mapping"))
        self.mapping_saved = wrapped(DONE_STYLE)
        self.mapping_status = wrapped()
        self.mapping_error = error_label()
        save_label = QLabel(self.tr("Save this mapping &as"))
        save_label.setBuddy(self.mapping_name)
        hint = wrapped()
        hint.setText(self.tr("Choose the contact field each column fills; columns set to "
                             "\"(do not import)\" are left out."))
        return self._page(heading(self.tr("Match the columns to contact fields")), hint,
                          self.columns, _row(save_label, self.mapping_name, self.save_mapping),
                          self.mapping_saved, self.mapping_status, self.mapping_error, stretch=False)

    def _preview_page(self) -> QWidget:
        self.counts = wrapped()
        self.invalid_warning = wrapped(WARNING_STYLE)
        self.accept_valid = QCheckBox(self.tr("Import the &valid rows and leave the invalid ones out"))
        self.show_all = QCheckBox(self.tr("Show a&ll rows"))
        self.rows = QTableView()
        self.rows.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.rows.setAlternatingRowColors(True)
        self.rows.setWordWrap(False)
        self.rows.verticalHeader().hide()
        self.rows.horizontalHeader().setStretchLastSection(True)
        self.rows_hint = wrapped()
        self.preview_error = error_label()
        return self._page(heading(self.tr("Check before importing")), self.counts,
                          self.invalid_warning, self.accept_valid, _row(self.rows_hint, self.show_all,
                                                                        stretch_at=0),
                          self.rows, self.preview_error, stretch=False)

    def _work_page(self) -> QWidget:
        self.work_title = heading(self.tr("Importing…"))
        self.progress = QProgressBar()
        self.work_message = wrapped()
        return self._page(self.work_title, self.progress, self.work_message)

    def _summary_page(self) -> QWidget:
        self.summary_title = heading(self.tr("Import finished"))
        self.created, self.updated, self.skipped, self.invalid = QLabel(), QLabel(), QLabel(), QLabel()
        form = QFormLayout()
        form.addRow(self.tr("New contacts"), self.created)
        form.addRow(self.tr("Updated"), self.updated)
        form.addRow(self.tr("Skipped (already here)"), self.skipped)
        form.addRow(self.tr("Left out (invalid)"), self.invalid)
        self.undo = QPushButton(self.tr("&Undo this import"))
        self.undo.setAutoDefault(False)
        self.summary_message = wrapped()
        self.summary_error = error_label()
        return self._page(self.summary_title, form, _row(self.undo), self.summary_message,
                          self.summary_error)
