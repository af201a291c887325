"""The reports page: pick a report, the filters it takes, language, paper and an optional
password; Generate makes the PDF on the task runner (with progress and Cancel), then Open and
Print… act on it. A contact's or company's "Profile PDF…" lands here preset (preset_profile)."""

from __future__ import annotations

import subprocess
import threading
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QSettings, Qt
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import QFileDialog, QWidget

from crm_desktop.core.crm import Crm
from crm_desktop.core.domain.labels import value_label
from crm_desktop.core.domain.models import LIFECYCLE_STAGES
from crm_desktop.core.errors import CrmError
from crm_desktop.core.i18n import _, active_language
from crm_desktop.core.reports.options import Period, ReportOptions
from crm_desktop.ui.controllers.record_list import fill_choices
from crm_desktop.ui.controllers.report_choices import (
    QUICK_PERIODS,
    SubjectPicker,
    quick_period,
    quick_period_label,
)
from crm_desktop.ui.controllers.report_printing import open_in_viewer, print_pdf
from crm_desktop.ui.tasks import TaskRunner, ThreadTaskRunner
from crm_desktop.ui.views.reports_view import ERROR_TEXT_STYLE, NAME_ROLE, ReportsView

GENERATE_KEYS = "Ctrl+P"
LANGUAGES = (("简体中文", "zh_CN"), ("English", "en"))
FOLDER_KEY = "reports/folder"


def _sentence(text: str) -> str:
    """A description shown on its own starts with a capital (Chinese text is left as it is)."""
    return text[:1].upper() + text[1:]


def _day(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class Cancelled(Exception):
    """Raised from the progress callback when the user pressed Cancel: the core drops the PDF."""


class ReportsPage(ReportsView):
    def __init__(self, crm: Crm, settings: QSettings, *, runner: TaskRunner | None = None,
                 today: Callable[[], date] = date.today) -> None:
        super().__init__()
        self._crm = crm
        self._settings = settings
        self._runner: TaskRunner = runner or ThreadTaskRunner(parent=self)
        self._today = today
        self._cancel = threading.Event()
        self._busy = False
        self.made: Path | None = None  # the last PDF generated
        # replaceable in tests: the save dialog, the system viewer, the printer
        self.ask_path: Callable[[str], str] = self._ask_path
        self.open_file: Callable[[Path], None] = open_in_viewer
        self.print_file: Callable[[Path], str] = lambda path: print_pdf(self, path)
        self.contact_picker = SubjectPicker(crm, self.contact, "contact")
        self.company_picker = SubjectPicker(crm, self.company, "company")
        self._loaded = False

    def ensure_loaded(self) -> None:
        """Fill the page the first time it is needed, not at start-up: listing the reports loads
        the PDF renderer (reportlab, ~0.4 s), which the window's start must not wait for."""
        if self._loaded:
            return
        self._loaded = True
        self._fill_choices()
        self._connect()
        self.reports.setCurrentRow(0)
        self._pick_quick("last_30_days")
        self._show_done(None)

    def _fill_choices(self) -> None:
        for name in self._crm.reports.names():
            info = self._crm.reports.info(name)
            self.add_report(name, _(info.title), _sentence(_(info.description)))
        for code in QUICK_PERIODS:
            self.quick_period.addItem(quick_period_label(code), code)
        for label, code in LANGUAGES:
            self.language.addItem(label, code)
        self.language.setCurrentIndex(max(0, self.language.findData(active_language())))
        self.paper.addItem(self.tr("A4"), "a4")
        self.paper.addItem(self.tr("Letter"), "letter")
        self._fill_filters()

    def _fill_filters(self) -> None:
        owners = {*self._crm.contacts.owners(), *self._crm.deals.owners(),
                  *self._crm.reminders.owners(), *self._crm.service.owners()}
        fill_choices(self.tag, ((tag, tag) for tag in self._crm.tags.all()))
        fill_choices(self.owner, ((owner, owner) for owner in sorted(owners)))
        fill_choices(self.stage, ((value_label(code), code) for code in LIFECYCLE_STAGES))

    def _connect(self) -> None:
        self.reports.currentRowChanged.connect(lambda _row: self._show_report())
        self.quick_period.activated.connect(
            lambda index: self._pick_quick(self.quick_period.itemData(index)))
        self.contact.textEdited.connect(lambda _text: self.company_picker.clear())
        self.company.textEdited.connect(lambda _text: self.contact_picker.clear())
        self.generate.clicked.connect(self.run_report)
        self.cancel.clicked.connect(self._cancel.set)
        self.open.clicked.connect(self._open)
        self.print.clicked.connect(self._print)
        QShortcut(QKeySequence(GENERATE_KEYS), self, self.run_report,
                  context=Qt.ShortcutContext.WindowShortcut)

    # -- choosing -----------------------------------------------------------------------------

    def report_name(self) -> str:
        item = self.reports.currentItem()
        return str(item.data(NAME_ROLE)) if item else ""

    def choose_report(self, name: str) -> None:
        self.ensure_loaded()
        for row in range(self.reports.count()):
            if self.reports.item(row).data(NAME_ROLE) == name:
                self.reports.setCurrentRow(row)

    def shown_filters(self) -> set[str]:
        """The filters whose rows are shown for the chosen report."""
        return {name for name, widget in self._filter_widgets().items()
                if self.filters.isRowVisible(widget)}

    def _filter_widgets(self) -> dict[str, QWidget]:
        return {"period": self.period_row, "tag": self.tag, "owner": self.owner,
                "lifecycle_stage": self.stage, "search": self.search,
                "contact_id": self.contact, "company_id": self.company}

    def _show_report(self) -> None:
        name = self.report_name()
        if not name:
            return
        info = self._crm.reports.info(name)
        self.heading.setText(_(info.title))
        self.description.setText(_sentence(_(info.description)))
        for filter_name, widget in self._filter_widgets().items():
            self.filters.setRowVisible(widget, filter_name in info.accepts)
        self.filters.setRowVisible(self.no_filters, not info.accepts)

    def _pick_quick(self, code: str) -> None:
        start, end = quick_period(code, self._today())
        self.quick_period.setCurrentIndex(self.quick_period.findData(code))
        self.from_date.setDate(QDate(start.year, start.month, start.day))
        self.to_date.setDate(QDate(end.year, end.month, end.day))

    def preset_profile(self, kind: str, row_id: str) -> None:
        """Ready the profile report of this contact or company (kind "contact" / "company")."""
        self.ensure_loaded()
        self.choose_report("profile")
        if kind == "company":
            self.contact_picker.clear()
            self.company_picker.choose(row_id, self._crm.companies.get(row_id).name)
        else:
            self.company_picker.clear()
            self.contact_picker.choose(row_id, self._crm.contacts.get(row_id).display_name)
        self._show_done(None)
        self.generate.setFocus()

    # -- generating ---------------------------------------------------------------------------

    def options(self) -> ReportOptions:
        """What the page asks for, for the chosen report (raises the core's CrmError)."""
        accepts = self._crm.reports.info(self.report_name()).accepts
        given = {"period": Period(_day(self.from_date.date()), _day(self.to_date.date()))
                 if "period" in accepts else None,
                 "tag": self.tag.currentData(), "owner": self.owner.currentData(),
                 "lifecycle_stage": self.stage.currentData(),
                 "search": self.search.text().strip() or None,
                 "contact_id": self.contact_picker.chosen_id,
                 "company_id": self.company_picker.chosen_id}
        return ReportOptions(**{k: v for k, v in given.items() if k in accepts},
                             language=self.language.currentData(),
                             paper=self.paper.currentData(),
                             password=self.password.text() or None)

    def run_report(self) -> None:
        """Check the choices, ask where to save, and make the PDF on the task runner."""
        if self._busy or not self.report_name():
            return
        if self.password.text() != self.password_again.text():
            self._say(self.tr("The two passwords differ: type the same password twice."), True)
            return
        try:
            options = self.options()
        except CrmError as error:
            self._say(str(error), True)
            return
        chosen = self.ask_path(str(self._suggested_path()))
        if not chosen:
            return
        target = Path(chosen).with_suffix(".pdf") if not chosen.lower().endswith(".pdf") else Path(chosen)
        self._settings.setValue(FOLDER_KEY, str(target.parent))
        self._run(self.report_name(), target, options)

    def _run(self, name: str, target: Path, options: ReportOptions) -> None:
        self._cancel.clear()
        self._set_busy(True)
        self._show_done(None)
        self._say(self.tr("Making the PDF…"))

        def work(emit: Callable[[int, int], None]) -> Path:
            def progress(done: int, total: int) -> None:
                if self._cancel.is_set():
                    raise Cancelled()
                emit(done, total)
            return self._crm.reports.render(name, target, options, progress)
        self._runner.run(work, self._done, self._failed, self._progress)

    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _done(self, path: Path) -> None:
        self._set_busy(False)
        self._show_done(path)
        self._say(self.tr("Saved %1").replace("%1", str(path)))

    def _failed(self, error: BaseException) -> None:
        self._set_busy(False)
        if isinstance(error, Cancelled):
            self._say(self.tr("Cancelled: no PDF was written."))
        elif isinstance(error, CrmError):
            self._say(str(error), True)
        elif isinstance(error, OSError):
            self._say(self.tr("The PDF could not be written: %1").replace(
                "%1", error.strerror or str(error)), True)
        else:
            self._say(self.tr("The report could not be made (%1). Nothing was written.")
                      .replace("%1", type(error).__name__), True)

    def _open(self) -> None:
        if self.made is not None:
            self.open_file(self.made)

    def _print(self) -> None:
        if self.made is None:
            return
        try:
            said = self.print_file(self.made)
        except (OSError, subprocess.SubprocessError) as error:
            self._say(self.tr("Printing failed: %1").replace("%1", str(error)), True)
            return
        if said:
            self._say(said)

    # -- showing ------------------------------------------------------------------------------

    def _suggested_path(self) -> Path:
        folder = Path(str(self._settings.value(FOLDER_KEY) or Path.home()))
        return folder / f"{self.report_name()}-{self._today().isoformat()}.pdf"

    def _ask_path(self, suggested: str) -> str:
        chosen, _filter = QFileDialog.getSaveFileName(self, self.tr("Save the report as"),
                                                      suggested, self.tr("PDF files (*.pdf)"))
        return chosen

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.generate.setEnabled(not busy)
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        self.progress.setVisible(busy)
        self.cancel.setVisible(busy)

    def _show_done(self, path: Path | None) -> None:
        self.made = path
        self.open.setEnabled(path is not None)
        self.print.setEnabled(path is not None)

    def _say(self, text: str, warning: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(ERROR_TEXT_STYLE if warning else "")

    def showEvent(self, event: QShowEvent) -> None:
        """Coming back to the page: new tags and owners may have appeared meanwhile."""
        super().showEvent(event)
        if self._loaded:
            self._fill_filters()
        self.ensure_loaded()

    def save_layout(self) -> None:
        """Nothing to keep but the folder, which is saved when chosen."""

    def forget(self) -> None:
        """On lock: drop the chosen contact or company, the password and what was said."""
        self._cancel.set()
        self.contact_picker.clear()
        self.company_picker.clear()
        self.search.clear()
        self.password.clear()
        self.password_again.clear()
        self.message.clear()
        self._show_done(None)
