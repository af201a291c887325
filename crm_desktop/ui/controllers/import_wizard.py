"""Import, step by step: read the file (format, encoding, delimiter and sheet detected or chosen),
match its columns to contact fields, preview what each row would do, then (import_finish.py) write
the accepted rows as ONE transaction on a worker and offer "Undo this import". Reading and the
preview write nothing: Cancel at any step before Import leaves the workspace as it was."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QComboBox, QFileDialog, QTableWidgetItem, QWidget

from crm_desktop.core.crm import Crm
from crm_desktop.core.errors import CrmError
from crm_desktop.core.io.imports.mapping import TARGETS, Mapping
from crm_desktop.core.io.imports.plan import ImportPlan
from crm_desktop.core.io.imports.source import ReadOptions, Source
from crm_desktop.ui.changes import ChangeBus
from crm_desktop.ui.controllers import import_texts as texts
from crm_desktop.ui.controllers.backup_texts import error_text
from crm_desktop.ui.controllers.import_finish import ImportFinish
from crm_desktop.ui.models.import_preview_model import ImportPreviewModel
from crm_desktop.ui.tasks import TaskRunner

FOLDER_KEY = "import/folder"
MAPPING_KEY = "import/mapping"
FIELD_COLUMN = 2


class ImportWizard(ImportFinish):
    def __init__(self, crm: Crm, bus: ChangeBus, runner: TaskRunner, settings: QSettings,
                 parent: QWidget | None = None) -> None:
        super().__init__(crm, bus, runner, parent)
        self._settings = settings
        self.source: Source | None = None
        self._read_with: tuple[str, ReadOptions] | None = None
        self.mapping: Mapping = ()
        self.model = ImportPreviewModel()
        self.rows.setModel(self.model)
        self._connect()
        self._fill_saved_mappings(str(settings.value(MAPPING_KEY, "")))
        self._show(self.file_page)

    def _connect(self) -> None:
        self.forward.clicked.connect(self.go_forward)
        self.back.clicked.connect(self.go_back)
        self.choose.clicked.connect(self.choose_file)
        self.path.returnPressed.connect(self.go_forward)
        for combo in (self.format, self.encoding, self.delimiter, self.sheet):
            combo.currentIndexChanged.connect(self._options_changed)
        self.saved_mapping.currentIndexChanged.connect(self._saved_mapping_chosen)
        self.save_mapping.clicked.connect(self.save_current_mapping)
        self.mapping_name.returnPressed.connect(self.save_current_mapping)
        self.accept_valid.toggled.connect(lambda _on: self._update_import_button())
        self.show_all.toggled.connect(lambda _on: self._fill_rows())

    # -- moving between the steps ----------------------------------------------------------------

    def go_forward(self) -> None:
        page = self.stack.currentWidget()
        if page is self.file_page:
            self._read(advance=True)
        elif page is self.mapping_page:
            self._preview()
        elif page is self.preview_page:
            self._update_import_button()
            self._run()
        elif page in (self.summary_page, self.work_page):
            self.accept()

    def go_back(self) -> None:
        self._generation += 1  # a preview still being made is not wanted any more
        page = self.stack.currentWidget()
        if page is self.mapping_page or page is self.preview_page and self.source is not None and self.source.document is not None:
            self._show(self.file_page)
        elif page is self.preview_page:
            self._show(self.mapping_page)
            self._check_mapping()
        elif page is self.work_page and not self._importing:
            self._show(self.preview_page)
            self._update_import_button()

    # -- step 1: the file ----------------------------------------------------------------------------

    def choose_file(self) -> None:
        start = str(self._settings.value(FOLDER_KEY, "")) or str(Path.home())
        chosen = self.ask_path(start)
        if chosen:
            self._settings.setValue(FOLDER_KEY, str(Path(chosen).parent))
            self.path.setText(chosen)
            self._read(advance=False)

    def ask_path(self, start: str) -> str:
        chosen, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Choose the file to import"), start,
            self.tr("Contact files (*.csv *.txt *.xlsx *.vcf *.json);;All files (*)"))
        return chosen

    def options(self) -> ReadOptions:
        return ReadOptions(format=self.format.currentData() or None,
                           encoding=self.encoding.currentData() or None,
                           delimiter=self.delimiter.currentData() or None,
                           sheet=self.sheet.currentData() or None)

    def _options_changed(self) -> None:
        if self.path.text().strip() and self.stack.currentWidget() is self.file_page:
            self._read(advance=False)

    def _read(self, *, advance: bool) -> None:
        path = self.path.text().strip()
        if not path:
            self._file_problem(self.tr("Choose the file to import."))
            return
        if self._read_with and self._read_with[0] != path and self.sheet.currentData():
            self._fill_sheets((), "")  # another file: its sheets have other names
        wanted = (path, self.options())
        if advance and self.source is not None and wanted == self._read_with:
            self._to_mapping()
            return
        self._generation += 1
        generation = self._generation
        self.file_error.hide()
        self.detected.setText(self.tr("Reading the file…"))
        self.forward.setEnabled(False)
        self._runner.run(lambda: self._crm.imports.read(path, wanted[1]),
                         lambda source: self._read_done(generation, wanted, source, advance),
                         lambda error: self._read_failed(generation, error))

    def _read_done(self, generation: int, wanted: tuple[str, ReadOptions], source: Source,
                   advance: bool) -> None:
        if generation != self._generation:
            return
        self.forward.setEnabled(True)
        self.source, self._read_with, self.plan = source, wanted, None
        self._settings.setValue(FOLDER_KEY, str(Path(wanted[0]).parent))
        self.detected.setText(texts.describe(source))
        self._fill_sheets(source.sheets if source.format == "xlsx" else (), wanted[1].sheet or "")
        self.encoding.setEnabled(source.format != "xlsx")
        self.delimiter.setEnabled(source.format == "csv")
        self._set_mapping(self._chosen_mapping(source))
        if advance:
            self._to_mapping()

    def _read_failed(self, generation: int, error: BaseException) -> None:
        if generation != self._generation:
            return
        self.forward.setEnabled(True)
        self.source, self._read_with, self.plan = None, None, None
        self.detected.clear()
        self._file_problem(error_text(error))

    def _file_problem(self, message: str) -> None:
        self.file_error.setText(message)
        self.file_error.show()

    def _to_mapping(self) -> None:
        assert self.source is not None
        if not self.source.rows:
            self._file_problem(self.tr("The file names its columns but has no rows to import."))
            return
        if self.source.document is not None:  # our own JSON export: nothing to map
            self._preview()
            return
        self._show(self.mapping_page)
        self._check_mapping()

    def _fill_sheets(self, sheets: tuple[str, ...], chosen: str) -> None:
        self.sheet.blockSignals(True)
        self.sheet.clear()
        self.sheet.addItem(self.tr("First sheet"), "")
        for name in sheets:
            self.sheet.addItem(name, name)
        self.sheet.setCurrentIndex(max(0, self.sheet.findData(chosen)))
        self.sheet.setEnabled(len(sheets) > 1)
        self.sheet.blockSignals(False)

    # -- step 2: the columns ---------------------------------------------------------------------------

    def _fill_saved_mappings(self, chosen: str) -> None:
        self.saved_mapping.blockSignals(True)
        while self.saved_mapping.count() > 1:
            self.saved_mapping.removeItem(1)
        for name in self._crm.imports.mappings():
            self.saved_mapping.addItem(name, name)
        self.saved_mapping.setCurrentIndex(max(0, self.saved_mapping.findData(chosen)))
        self.saved_mapping.blockSignals(False)

    def _chosen_mapping(self, source: Source) -> Mapping:
        name = self.saved_mapping.currentData()
        try:
            return self._crm.imports.mapping(name, source) if name else self._crm.imports.suggest(source)
        except CrmError:  # removed meanwhile (another window): the suggestion instead
            return self._crm.imports.suggest(source)

    def _saved_mapping_chosen(self) -> None:
        self._settings.setValue(MAPPING_KEY, self.saved_mapping.currentData() or "")
        if self.source is not None:
            self._set_mapping(self._chosen_mapping(self.source))

    def _set_mapping(self, mapping: Mapping) -> None:
        assert self.source is not None
        self.mapping, self.plan = mapping, None
        self.columns.setRowCount(len(mapping))
        for row, entry in enumerate(mapping):
            self.columns.setItem(row, 0, QTableWidgetItem(entry.column))
            sample = QTableWidgetItem(texts.first_values(self.source, entry.column))
            sample.setToolTip(sample.text())
            self.columns.setItem(row, 1, sample)
            self.columns.setCellWidget(row, FIELD_COLUMN, self._field_combo(row, entry.field))
        self.mapping_saved.clear()

    def _field_combo(self, row: int, field: str) -> QComboBox:
        combo = QComboBox()
        for key in TARGETS:
            combo.addItem(texts.field_label(key), key)
        combo.setCurrentIndex(max(0, combo.findData(field)))
        combo.setAccessibleName(self.tr("Import column %1 as").replace("%1", self.mapping[row].column))
        combo.currentIndexChanged.connect(lambda _i: self._field_changed(row, combo.currentData()))
        return combo

    def field_combo(self, column: str) -> QComboBox:
        """The field chooser of the file's column named `column`."""
        row = next(i for i, entry in enumerate(self.mapping) if entry.column == column)
        combo = self.columns.cellWidget(row, FIELD_COLUMN)
        assert isinstance(combo, QComboBox)
        return combo

    def _field_changed(self, row: int, field: str) -> None:
        mapping = list(self.mapping)
        mapping[row] = replace(mapping[row], field=field)
        self.mapping, self.plan = tuple(mapping), None  # the preview no longer holds
        self.mapping_saved.clear()
        self._check_mapping()

    def _check_mapping(self) -> bool:
        problem = texts.mapping_problem(self.mapping)
        self.mapping_error.setText(problem)
        self.mapping_error.setVisible(bool(problem))
        self.forward.setEnabled(not problem)
        return not problem

    def save_current_mapping(self) -> None:
        name = self.mapping_name.text().strip()
        try:
            self._crm.imports.save_mapping(name, self.mapping)
        except CrmError as error:
            self.mapping_error.setText(str(error))
            self.mapping_error.show()
            return
        self._settings.setValue(MAPPING_KEY, name)
        self._fill_saved_mappings(name)
        self.mapping_saved.setText(self.tr("Saved as “%1”: choose it on the first step next time.")
                                   .replace("%1", name))

    # -- step 3: the preview ---------------------------------------------------------------------------

    def _preview(self) -> None:
        if not self._check_mapping() or self.source is None:
            return
        if self.plan is not None:
            self._show_plan()
            return
        self._generation += 1
        generation, source, mapping = self._generation, self.source, self.mapping
        self.forward.setEnabled(False)
        self.mapping_status.setText(self.tr("Checking the rows…"))
        self._runner.run(lambda progress: self._crm.imports.preview(source, mapping, progress),
                         lambda plan: self._previewed(generation, plan),
                         lambda error: self._preview_failed(generation, error),
                         self._preview_progress)

    def _preview_progress(self, done: int, total: int) -> None:
        self.mapping_status.setText(self.tr("Checking row %1 of %2…")
                                    .replace("%1", texts.number(done)).replace("%2", texts.number(total)))

    def _previewed(self, generation: int, plan: ImportPlan) -> None:
        if generation != self._generation:
            return
        self.mapping_status.clear()
        self.plan = plan
        self.accept_valid.setChecked(False)
        self._show_plan()

    def _preview_failed(self, generation: int, error: BaseException) -> None:
        if generation == self._generation:
            self.mapping_status.clear()
            self.forward.setEnabled(True)
            if self.stack.currentWidget() is self.file_page:
                self._file_problem(error_text(error))
                return
            self.mapping_error.setText(error_text(error))
            self.mapping_error.show()

    def _show_plan(self) -> None:
        assert self.plan is not None
        counts = self.plan.counts()
        self.counts.setText(texts.counts_text(counts))
        self.invalid_warning.setText(texts.invalid_text(counts["invalid"]))
        self.invalid_warning.setVisible(counts["invalid"] > 0)
        self.accept_valid.setVisible(counts["invalid"] > 0)
        self.preview_error.hide()
        self._show(self.preview_page)
        self._fill_rows()
        self._update_import_button()

    def _fill_rows(self) -> None:
        if self.plan is None:
            return
        everything = self.show_all.isChecked()
        rows = list(self.plan.rows) if everything else [r for r in self.plan.rows if r.action != "create"]
        self.model.set_rows(rows, self.plan.source.rows)
        self.rows_hint.setText(self.tr("Every row of the file:") if everything else
                               self.tr("Rows that are not simply new contacts:") if rows else
                               self.tr("Every row is a new contact."))
        self.rows.resizeColumnsToContents()

    def writes(self) -> int:
        counts = self.plan.counts() if self.plan else {"create": 0, "update": 0}
        return counts["create"] + counts["update"]

    def _update_import_button(self) -> None:
        if self.stack.currentWidget() is not self.preview_page or self.plan is None:
            return
        invalid = self.plan.counts()["invalid"]
        self.forward.setText(texts.import_button_text(self.writes()))
        self.forward.setEnabled(self.writes() > 0 and (not invalid or self.accept_valid.isChecked()))
