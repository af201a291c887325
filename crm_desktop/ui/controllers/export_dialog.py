"""Export contacts (CSV, Excel, vCard), open reminders (ICS) or the whole workspace (JSON).

The export runs on the task runner with progress; the core writes a temp file that becomes the
chosen file only when complete, so an error (shown here, translated) leaves no file behind.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QSettings, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QWidget

from crm_desktop.core.crm import Crm
from crm_desktop.core.domain.labels import value_label
from crm_desktop.core.domain.models import LIFECYCLE_STAGES
from crm_desktop.core.errors import CrmError
from crm_desktop.core.io.exports.output import ExportResult
from crm_desktop.core.services.contacts import ContactQuery
from crm_desktop.ui.controllers.record_list import fill_choices
from crm_desktop.ui.tasks import TaskRunner
from crm_desktop.ui.views.export_dialog_view import ExportDialogView

FOLDER_KEY = "exports/folder"
SUFFIXES = {"csv": ".csv", "xlsx": ".xlsx", "vcard": ".vcf", "ics": ".ics", "json": ".json"}
NAMES = {"contacts": "contacts", "reminders": "reminders", "everything": "workspace"}


def open_folder(path: Path) -> None:
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class ExportDialog(ExportDialogView):
    def __init__(self, crm: Crm, runner: TaskRunner, settings: QSettings, *,
                 preset: ContactQuery | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._crm = crm
        self._runner = runner
        self._settings = settings
        self._busy = False
        self.exported: ExportResult | None = None
        # replaceable in tests: the save dialog and the file manager
        self.ask_path: Callable[[str], str] = self._ask_path
        self.show_folder: Callable[[Path], None] = open_folder
        self._fill(preset or ContactQuery())
        self.what.buttonClicked.connect(lambda _button: self._show_choices())
        self.format.currentIndexChanged.connect(lambda _index: self._show_choices())
        self.choose.clicked.connect(self._choose)
        self.export.clicked.connect(self.run_export)
        self.close_button.clicked.connect(self.reject)
        self.open_folder.clicked.connect(self._open_folder)
        self.path.setText(str(self._suggested_path()))
        self._show_choices()

    def _fill(self, preset: ContactQuery) -> None:
        self.format.addItem(self.tr("CSV (opens in Excel and WPS)"), "csv")
        self.format.addItem(self.tr("Excel workbook (.xlsx)"), "xlsx")
        self.format.addItem(self.tr("vCard (.vcf) for phones and mail programs"), "vcard")
        self.encoding.addItem(self.tr("UTF-8, for Excel and most programs"), "utf-8-sig")
        self.encoding.addItem(self.tr("GBK, for older Chinese software"), "gbk")
        owners = {*self._crm.contacts.owners(), *self._crm.reminders.owners()}
        fill_choices(self.stage, ((value_label(code), code) for code in LIFECYCLE_STAGES))
        fill_choices(self.tag, ((tag, tag) for tag in self._crm.tags.all()))
        fill_choices(self.owner, ((owner, owner) for owner in sorted(owners)))
        for combo, value in ((self.stage, preset.lifecycle_stage), (self.tag, preset.tag),
                             (self.owner, preset.owner)):
            combo.setCurrentIndex(max(0, combo.findData(value)))

    def kind(self) -> str:
        """What is exported: "contacts", "reminders" or "everything"."""
        if self.reminders.isChecked():
            return "reminders"
        return "everything" if self.everything.isChecked() else "contacts"

    def file_format(self) -> str:
        kind = self.kind()
        return {"reminders": "ics", "everything": "json"}.get(kind) or str(self.format.currentData())

    def _show_choices(self) -> None:
        contacts = self.kind() == "contacts"
        shown = {self.format: contacts, self.encoding: contacts and self.file_format() == "csv",
                 self.stage: contacts, self.tag: contacts, self.owner: self.kind() != "everything"}
        for widget, visible in shown.items():
            self.form.setRowVisible(widget, visible)
        text = self.path.text().strip()
        if text:
            path = Path(text)
            suggested = {f"{name}-{date.today().isoformat()}" for name in NAMES.values()}
            stem = NAMES[self.kind()] + path.stem[path.stem.index("-"):] \
                if path.stem in suggested else path.stem
            self.path.setText(str(path.with_name(stem + SUFFIXES[self.file_format()])))
        self.adjustSize()

    # -- the file ------------------------------------------------------------------------------

    def _suggested_path(self) -> Path:
        folder = Path(str(self._settings.value(FOLDER_KEY) or Path.home()))
        name = f"{NAMES[self.kind()]}-{date.today().isoformat()}"
        return folder / f"{name}{SUFFIXES[self.file_format()]}"

    def _choose(self) -> None:
        chosen = self.ask_path(self.path.text().strip() or str(self._suggested_path()))
        if chosen:
            self.path.setText(chosen)

    def _ask_path(self, suggested: str) -> str:
        chosen, _filter = QFileDialog.getSaveFileName(self, self.tr("Export to"), suggested)
        return chosen

    def target(self) -> Path:
        """The chosen file, with the format's suffix."""
        path = Path(self.path.text().strip())
        suffix = SUFFIXES[self.file_format()]
        return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)

    # -- exporting -----------------------------------------------------------------------------

    def run_export(self) -> None:
        if self._busy:
            return
        if not self.path.text().strip():
            self._fail_with(self.tr("Choose the file to export to."))
            return
        target = self.target()
        self._settings.setValue(FOLDER_KEY, str(target.parent))
        self._set_busy(True)
        work = self._work(self.file_format(), target)
        self._runner.run(work, self._done, self._failed, self._progress)

    def _work(self, name: str, target: Path) -> Callable[[Callable[[int, int], None]], ExportResult]:
        exports = self._crm.exports
        query = ContactQuery(lifecycle_stage=self.stage.currentData(), tag=self.tag.currentData(),
                             owner=self.owner.currentData())
        owner, encoding = self.owner.currentData(), str(self.encoding.currentData())
        jobs: dict[str, Callable[[Callable[[int, int], None]], ExportResult]] = {
            "csv": lambda progress: exports.contacts_csv(target, query, encoding, progress),
            "xlsx": lambda progress: exports.contacts_xlsx(target, query, progress),
            "vcard": lambda progress: exports.contacts_vcard(target, query, progress),
            "ics": lambda progress: exports.reminders_ics(target, owner, progress),
            "json": lambda progress: exports.workspace_json(target, progress)}
        return jobs[name]

    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _done(self, result: ExportResult) -> None:
        self._set_busy(False)
        self.exported = result
        counted = {"contacts": self.tr("Exported %n contact(s) to %1.", "", result.count),
                   "reminders": self.tr("Exported %n reminder(s) to %1.", "", result.count),
                   "everything": self.tr("Exported %n record(s) to %1.", "", result.count)}
        self.done_line.setText(counted[self.kind()].replace("%1", str(result.path)))
        self.open_folder.show()
        self.adjustSize()

    def _failed(self, error: BaseException) -> None:
        self._set_busy(False)
        if isinstance(error, CrmError):
            self._fail_with(str(error))
        else:
            self._fail_with(self.tr("The export could not be made (%1). No file was written.")
                            .replace("%1", type(error).__name__))

    def _fail_with(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
        self.adjustSize()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.export.setEnabled(not busy)
        self.progress.setRange(0, 0)  # busy until the first progress report
        self.progress.setVisible(busy)
        if busy:
            self.exported = None
            self.done_line.clear()
            self.error.hide()
            self.open_folder.hide()

    def _open_folder(self) -> None:
        if self.exported is not None:
            self.show_folder(self.exported.path.parent)
