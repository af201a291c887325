"""The import wizard, driven through its widgets over a real workspace: file → detected format and
encoding → column mapping → preview → import → summary with "Undo this import". Nothing is
written before Import."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings

from crm_desktop.core.crm import Crm
from crm_desktop.core.errors import ImportCsvError
from crm_desktop.core.io.imports.candidates import Candidate
from crm_desktop.core.io.imports.plan import PlannedRow
from crm_desktop.core.io.imports.source import SourceRow
from crm_desktop.ui.changes import ChangeBus
from crm_desktop.ui.controllers.contacts_page import ContactsPage
from crm_desktop.ui.controllers.import_wizard import ImportWizard
from crm_desktop.ui.controllers.shell import Shell
from crm_desktop.ui.models.import_preview_model import ImportPreviewModel
from crm_desktop.ui.tasks import ImmediateTaskRunner
from tests.core.import_support import done_by_helper, use_helper, use_small_chunks

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "imports"
GBK_NAMES = {"欧阳娜娜", "张伟", "司马光"}


@pytest.fixture
def page(unlocked: Shell) -> ContactsPage:
    assert unlocked.workbench is not None
    contacts = unlocked.workbench.contacts
    assert isinstance(contacts, ContactsPage)
    return contacts


def _open(page: ContactsPage) -> ImportWizard:
    page.import_button.click()
    wizard = page.import_wizard
    assert wizard is not None and wizard.isVisible()
    return wizard


def _read(wizard: ImportWizard, path: Path) -> None:
    wizard.path.setText(str(path))
    wizard.forward.click()


def _write(tmp_path: Path, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / "contacts.csv"
    path.write_bytes(text.encode(encoding))
    return path


def _names(crm: Crm) -> set[str]:
    return {contact.display_name for contact in crm.contacts.page(limit=100)}


def test_gbk_file_is_detected_and_its_columns_mapped(page: ContactsPage) -> None:
    """A GBK CSV from Chinese Excel is read as GB18030 with commas, and 姓名 is suggested as the
    full name; the wizard moves on to the mapping step."""
    wizard = _open(page)
    _read(wizard, FIXTURES / "excel-gbk.csv")
    assert wizard.stack.currentWidget() is wizard.mapping_page
    assert "GB18030" in wizard.detected.text() and "comma" in wizard.detected.text()
    assert wizard.field_combo("姓名").currentData() == "full_name"
    assert wizard.field_combo("手机").currentData() == "phone"
    sample = wizard.columns.item(0, 1)
    assert sample is not None and sample.text().startswith("欧阳娜娜 · 张伟")


def test_import_writes_the_mapping_refreshes_the_list_and_can_be_undone(page: ContactsPage,
                                                                        gui_crm: Crm) -> None:
    """A field changed by the user is honoured; Import creates the contacts in one go, the contacts
    list shows them, and "Undo this import" takes them away again."""
    wizard = _open(page)
    _read(wizard, FIXTURES / "excel-gbk.csv")
    wizard.field_combo("职位").setCurrentIndex(wizard.field_combo("职位").findData(""))
    wizard.forward.click()
    assert wizard.stack.currentWidget() is wizard.preview_page
    assert wizard.counts.text().startswith("3 new, 0 to update")
    assert gui_crm.contacts.count() == 0  # the preview wrote nothing
    assert "3" in wizard.forward.text() and wizard.forward.isEnabled()
    wizard.forward.click()
    assert wizard.stack.currentWidget() is wizard.summary_page
    assert wizard.created.text() == "3"
    assert _names(gui_crm) == GBK_NAMES
    assert [c.title for c in gui_crm.contacts.page(limit=10)] == ["", "", ""]  # 职位 left out
    assert page.model.total == 3
    wizard.undo.click()
    assert wizard.undo.text() == "Undone" and not wizard.undo.isEnabled()
    assert gui_crm.contacts.count() == 0
    assert page.model.total == 0


def test_invalid_rows_are_left_out_only_when_the_user_accepts(page: ContactsPage, gui_crm: Crm,
                                                             tmp_path: Path) -> None:
    """With invalid rows, the preview says they will be left out and Import stays disabled until
    "Import the valid rows and leave the invalid ones out" is ticked; then only valid rows are written."""
    path = _write(tmp_path, "姓名,手机\n张三,13800000001\n李四,12\n王五,13800000003\n")
    wizard = _open(page)
    _read(wizard, path)
    wizard.forward.click()
    assert wizard.invalid_warning.isVisibleTo(wizard) and "1 row" in wizard.invalid_warning.text()
    assert wizard.accept_valid.isVisibleTo(wizard)
    assert not wizard.forward.isEnabled()
    assert wizard.model.rowCount() == 1  # only the row that is not a plain create
    assert "'12' is not a valid phone number" in wizard.model.index(0, 3).data()
    wizard.accept_valid.setChecked(True)
    assert wizard.forward.isEnabled()
    wizard.forward.click()
    assert _names(gui_crm) == {"张三", "王五"}
    assert wizard.invalid.text() == "1"


def test_show_all_rows_lists_every_row(page: ContactsPage) -> None:
    """The preview lists only rows that are not plain creates, and every row on request."""
    wizard = _open(page)
    _read(wizard, FIXTURES / "excel-gbk.csv")
    wizard.forward.click()
    assert wizard.model.rowCount() == 0
    wizard.show_all.setChecked(True)
    assert [wizard.model.index(r, 2).data() for r in range(3)] == ["欧阳娜娜", "张伟", "司马光"]


def test_changing_a_field_makes_a_new_preview(page: ContactsPage) -> None:
    """Going back and leaving the name column out invalidates the preview: every row now lacks a
    name, and there is nothing to import."""
    wizard = _open(page)
    _read(wizard, FIXTURES / "excel-gbk.csv")
    wizard.forward.click()
    wizard.back.click()
    assert wizard.stack.currentWidget() is wizard.mapping_page
    wizard.field_combo("姓名").setCurrentIndex(wizard.field_combo("姓名").findData(""))
    wizard.forward.click()
    assert wizard.plan is not None and wizard.plan.counts()["invalid"] == 3
    assert not wizard.forward.isEnabled()
    wizard.accept_valid.setChecked(True)
    assert not wizard.forward.isEnabled()  # still nothing to write


def test_one_field_for_two_columns_is_refused(page: ContactsPage) -> None:
    """A field that holds one value (full name) chosen for two columns is named, and the wizard
    does not move on."""
    wizard = _open(page)
    _read(wizard, FIXTURES / "excel-gbk.csv")
    wizard.field_combo("公司").setCurrentIndex(wizard.field_combo("公司").findData("full_name"))
    assert not wizard.mapping_error.isHidden() and "公司" in wizard.mapping_error.text()
    assert not wizard.forward.isEnabled()


def test_broken_file_shows_the_message_and_stays_on_the_first_step(page: ContactsPage, gui_crm: Crm,
                                                                  tmp_path: Path) -> None:
    """A quote that never closes gives the core's message (naming the line), not a traceback,
    and the wizard stays on the file step."""
    path = _write(tmp_path, 'Name,Phone\nAnna,13800000001\n"Bob,13800000002\nCarl,1\n')
    wizard = _open(page)
    _read(wizard, path)
    assert wizard.stack.currentWidget() is wizard.file_page
    assert not wizard.file_error.isHidden()
    with pytest.raises(ImportCsvError) as raised:
        gui_crm.imports.read(path)
    assert wizard.file_error.text() == str(raised.value)
    assert "line 3" in wizard.file_error.text()


def test_forcing_another_encoding_rereads_the_file(page: ContactsPage) -> None:
    """Choosing UTF-8 for a GBK file re-reads it and says the text is not UTF-8; back on Detect,
    it reads as GB18030 again."""
    wizard = _open(page)
    wizard.path.setText(str(FIXTURES / "excel-gbk.csv"))
    wizard.encoding.setCurrentIndex(wizard.encoding.findData("utf-8"))
    assert not wizard.file_error.isHidden() and "utf-8" in wizard.file_error.text()
    wizard.encoding.setCurrentIndex(0)
    assert wizard.file_error.isHidden() and "GB18030" in wizard.detected.text()


def test_cancel_at_the_preview_writes_nothing(page: ContactsPage, gui_crm: Crm) -> None:
    """Cancel on the preview closes the wizard and the workspace has no new contact."""
    wizard = _open(page)
    _read(wizard, FIXTURES / "excel-gbk.csv")
    wizard.forward.click()
    assert wizard.stack.currentWidget() is wizard.preview_page
    wizard.cancel.click()
    assert not wizard.isVisible()
    assert gui_crm.contacts.count() == 0


def test_saved_mapping_is_offered_and_applied_next_time(page: ContactsPage, gui_crm: Crm) -> None:
    """A mapping saved under a name is chosen in the next wizard, and its fields are used."""
    wizard = _open(page)
    _read(wizard, FIXTURES / "excel-gbk.csv")
    wizard.field_combo("备注").setCurrentIndex(wizard.field_combo("备注").findData("lead_source"))
    wizard.mapping_name.setText("展会名单")
    wizard.save_mapping.click()
    assert "展会名单" in wizard.mapping_saved.text()
    wizard.cancel.click()
    again = _open(page)
    assert again is not wizard
    assert again.saved_mapping.currentText() == "展会名单"
    _read(again, FIXTURES / "excel-gbk.csv")
    assert again.field_combo("备注").currentData() == "lead_source"
    assert gui_crm.contacts.count() == 0


def test_preview_model_passes_the_model_tester(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    """The preview's rows follow Qt's model rules (checked by qtmodeltester)."""
    model = ImportPreviewModel()
    rows = [PlannedRow(Candidate(2, values={"display_name": "张三"}), "create"),
            PlannedRow(Candidate(3), "invalid")]
    model.set_rows(rows, (SourceRow(3, {"Name": "李四", "Phone": "12"}),))
    assert model.index(1, 2).data() == "李四 · 12"
    qtmodeltester.check(model)


class _StopOnFirstProgress:
    """Runs work at once, pressing the wizard's Stop when the import first reports progress."""

    def __init__(self) -> None:
        self.wizard: ImportWizard | None = None

    def run(self, work: Any, on_done: Any, on_error: Any = None, on_progress: Any = None) -> None:
        def progress(done: int, total: int) -> None:
            if self.wizard is not None and self.wizard.stack.currentWidget() is self.wizard.work_page:
                self.wizard.cancel.click()
            on_progress(done, total)
        ImmediateTaskRunner().run(work, on_done, on_error, progress if on_progress else None)


def test_stop_during_the_import_keeps_nothing(crm: Crm, qsettings: QSettings, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Stop while the rows are written rolls the whole import back: no contact is kept."""
    runner = _StopOnFirstProgress()
    wizard = ImportWizard(crm, ChangeBus(), runner, qsettings)
    qtbot.addWidget(wizard)
    runner.wizard = wizard
    _read(wizard, FIXTURES / "excel-gbk.csv")
    wizard.forward.click()
    wizard.forward.click()
    assert wizard.work_title.text() == "Import stopped"
    assert "Nothing was imported" in wizard.work_message.text()
    assert crm.contacts.count() == 0


def test_own_json_export_goes_straight_to_the_preview(page: ContactsPage, gui_crm: Crm,
                                                      tmp_path: Path) -> None:
    """Our workspace JSON needs no column mapping: Next leads to the preview, Back to the file."""
    path = tmp_path / "workspace.json"
    path.write_text('{"format": "crm-desktop-workspace", "version": 1, "contacts": [{"id": '
                    '"0190d1a2-0000-7000-8000-000000000001", "display_name": "贾宝玉", '
                    '"phones": [{"label": "mobile", "value": "+8613800000099"}]}]}', encoding="utf-8")
    wizard = _open(page)
    _read(wizard, path)
    assert wizard.stack.currentWidget() is wizard.preview_page
    wizard.back.click()
    assert wizard.stack.currentWidget() is wizard.file_page
    wizard.forward.click()
    wizard.forward.click()
    assert _names(gui_crm) == {"贾宝玉"}


def test_a_big_import_goes_through_the_helper_process(page: ContactsPage, gui_crm: Crm,
                                                      tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """With the helper process reading and preparing the rows (as for 20,000 rows and more), the
    wizard previews and imports every row and the list shows them."""
    handed = use_helper(monkeypatch, on=True)
    use_small_chunks(monkeypatch, 4)
    rows = "".join(f"客户{n},1380000{n:04d}\n" for n in range(30))
    wizard = _open(page)
    _read(wizard, _write(tmp_path, "姓名,手机\n" + rows))
    wizard.forward.click()
    assert wizard.counts.text().startswith("30 new, 0 to update")
    wizard.forward.click()
    assert wizard.created.text() == "30"
    assert page.model.total == 30
    assert {hit.title for hit in gui_crm.search("客户29")} == {"客户29"}
    assert done_by_helper(handed) > 6  # two warm-ups, then chunks of rows
