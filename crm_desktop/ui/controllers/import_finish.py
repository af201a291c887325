"""The import wizard's last two steps: write the previewed plan as ONE transaction on a worker,
with progress and Stop (which rolls the transaction back), then the summary with "Undo this
import". Also what every step shares: moving to a page and Cancel."""

from __future__ import annotations

import threading
from typing import Any

from PySide6.QtWidgets import QWidget

from crm_desktop.core.crm import Crm
from crm_desktop.core.domain.changes import Outcome
from crm_desktop.core.domain.models import UndoResult
from crm_desktop.core.errors import ImportAlreadyUndoneError
from crm_desktop.core.io.imports.plan import ImportPlan
from crm_desktop.core.io.imports.service import ImportResult
from crm_desktop.ui.changes import ChangeBus
from crm_desktop.ui.controllers import import_texts as texts
from crm_desktop.ui.controllers.backup_texts import error_text
from crm_desktop.ui.tasks import TaskRunner
from crm_desktop.ui.views.form_parts import ERROR_STYLE
from crm_desktop.ui.views.import_wizard_view import ImportWizardView


class ImportStopped(Exception):
    """The user pressed Stop: the import's transaction is rolled back."""


class ImportFinish(ImportWizardView):
    def __init__(self, crm: Crm, bus: ChangeBus, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._crm, self._bus, self._runner = crm, bus, runner
        self.plan: ImportPlan | None = None
        self.imported: ImportResult | None = None
        self._generation = 0  # a read or preview answered after the user moved on is dropped
        self._importing = False
        self._stop = threading.Event()
        self.cancel.clicked.connect(self.reject)
        self.undo.clicked.connect(self.undo_import)

    def reject(self) -> None:
        """Cancel before Import writes nothing; during the import it asks the worker to stop."""
        if self._importing:
            self._stop.set()
            self.cancel.setEnabled(False)
            self.work_message.setText(self.tr("Stopping… nothing will be kept."))
            return
        self._generation += 1
        super().reject()

    def _show(self, page: QWidget, forward: str = "") -> None:
        self.stack.setCurrentWidget(page)
        self.forward.setText(forward or self.tr("&Next >"))
        self.forward.setEnabled(True)
        self.back.setVisible(page in (self.mapping_page, self.preview_page))
        self.cancel.setVisible(page is not self.summary_page)
        self.cancel.setEnabled(True)

    # -- step 4: the import ----------------------------------------------------------------------------

    def _run(self) -> None:
        if self.plan is None or not self.forward.isEnabled():
            return
        plan, stop = self.plan, self._stop
        stop.clear()
        self._importing = True
        self._show(self.work_page, self.tr("Close"))
        self.forward.setEnabled(False)
        self.cancel.setText(self.tr("&Stop"))
        self.work_title.setText(self.tr("Importing…"))
        self.progress.setRange(0, 0)
        self.progress.show()
        self.work_message.setStyleSheet("")
        self.work_message.setText(self.tr("Nothing is kept until every row is written; Stop leaves "
                                          "the workspace as it was."))

        def work(emit: Any) -> Outcome[ImportResult]:
            def progress(done: int, total: int) -> None:
                if stop.is_set():
                    raise ImportStopped()
                emit(done, total)
            return self._crm.imports.run(plan, progress)
        self._runner.run(work, self._ran, self._run_failed, self._progress)

    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _ran(self, outcome: Outcome[ImportResult]) -> None:
        self._importing = False
        self.cancel.setText(self.tr("Cancel"))
        self._bus.publish(outcome.changes)
        self.imported = outcome.value
        self.created.setText(texts.number(self.imported.created))
        self.updated.setText(texts.number(self.imported.updated))
        self.skipped.setText(texts.number(self.imported.skipped))
        self.invalid.setText(texts.number(self.imported.invalid))
        self.summary_message.setText(self.tr("All rows were written as one import. “Undo this "
                                             "import” moves its new contacts to the recycle bin "
                                             "and sets its updates back."))
        self._show(self.summary_page, self.tr("Close"))
        self.undo.setFocus()

    def _run_failed(self, error: BaseException) -> None:
        self._importing = False
        self.cancel.setText(self.tr("Cancel"))
        self.progress.hide()
        nothing = self.tr("Nothing was imported: the workspace is as it was.")
        if isinstance(error, ImportStopped):
            self.work_title.setText(self.tr("Import stopped"))
            self.work_message.setText(nothing)
        else:
            self.work_title.setText(self.tr("The import failed"))
            self.work_message.setStyleSheet(ERROR_STYLE)
            self.work_message.setText(f"{error_text(error)} {nothing}")
        self._show(self.work_page, self.tr("Close"))
        self.back.show()

    # -- step 5: the summary ---------------------------------------------------------------------------

    def undo_import(self) -> None:
        if self.imported is None:
            return
        batch_id = self.imported.batch_id
        self.undo.setEnabled(False)
        self.summary_error.hide()
        self._runner.run(lambda: self._crm.imports.undo(batch_id), self._undone, self._undo_failed)

    def _undone(self, outcome: Outcome[UndoResult]) -> None:
        self._bus.publish(outcome.changes)
        self.undo.setText(self.tr("Undone"))
        self.summary_title.setText(self.tr("Import undone"))
        self.summary_message.setText(self.tr("The import was undone: its new contacts are in the "
                                             "recycle bin and its updates are set back."))

    def _undo_failed(self, error: BaseException) -> None:
        already = isinstance(error, ImportAlreadyUndoneError)
        self.undo.setEnabled(not already)
        if already:
            self.undo.setText(self.tr("Undone"))
        self.summary_error.setText(error_text(error))
        self.summary_error.show()
