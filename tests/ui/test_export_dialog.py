"""The export dialog: contacts to CSV (UTF-8 with a BOM or GBK), errors shown without a file left."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from crm_desktop.core.crm import Crm
from crm_desktop.core.domain.models import ContactCreate, ReminderCreate
from crm_desktop.core.errors import ExportFolderError
from crm_desktop.core.i18n import set_language
from crm_desktop.ui.changes import ChangeBus
from crm_desktop.ui.controllers.contacts_page import ContactsPage
from crm_desktop.ui.controllers.export_dialog import FOLDER_KEY, ExportDialog
from crm_desktop.ui.tasks import ImmediateTaskRunner


@pytest.fixture
def dialog(crm: Crm, qsettings: QSettings, qtbot) -> ExportDialog:  # type: ignore[no-untyped-def]
    crm.contacts.add(ContactCreate(display_name="张伟", company_name="星光科技"))
    crm.contacts.add(ContactCreate(display_name="Anna Smith"))
    made = ExportDialog(crm, ImmediateTaskRunner(), qsettings)
    qtbot.addWidget(made)
    return made


def test_contacts_export_as_utf8_csv_with_a_bom(dialog: ExportDialog, tmp_path: Path) -> None:
    """Exporting contacts as CSV writes a UTF-8 file with a BOM holding every name, and says how many."""
    dialog.path.setText(str(tmp_path / "out" / "客户"))
    (tmp_path / "out").mkdir()
    dialog.export.click()
    target = tmp_path / "out" / "客户.csv"
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert "张伟" in data.decode("utf-8-sig") and "Anna Smith" in data.decode("utf-8-sig")
    assert "2 contact" in dialog.done_line.text() and dialog.open_folder.isVisibleTo(dialog)
    assert not dialog.error.isVisibleTo(dialog)


def test_gbk_option_writes_gbk_without_a_bom(dialog: ExportDialog, tmp_path: Path) -> None:
    """Choosing GBK writes a file that old Chinese software reads: GBK bytes, no BOM."""
    dialog.encoding.setCurrentIndex(dialog.encoding.findData("gbk"))
    dialog.path.setText(str(tmp_path / "old.csv"))
    dialog.export.click()
    data = (tmp_path / "old.csv").read_bytes()
    assert not data.startswith(b"\xef\xbb\xbf") and "张伟".encode("gbk") in data


def test_unwritable_folder_shows_the_translated_message_and_leaves_no_file(
        dialog: ExportDialog, tmp_path: Path) -> None:
    """A folder that cannot be written to gives the core's message in the user's language, and no file."""
    folder = tmp_path / "exports"
    folder.mkdir()
    blocker = folder / "not-a-folder"
    blocker.write_text("a file where the folder should be")
    target = blocker / "c.csv"
    set_language("zh_CN")
    dialog.path.setText(str(target))
    dialog.export.click()
    assert dialog.error.isVisibleTo(dialog)
    assert dialog.error.text() == str(ExportFolderError(path=str(target)))
    assert dialog.done_line.text() == "" and not dialog.open_folder.isVisibleTo(dialog)
    assert [p.name for p in folder.iterdir()] == ["not-a-folder"]


def test_reminders_export_as_a_calendar(dialog: ExportDialog, crm: Crm, tmp_path: Path) -> None:
    """Reminders go out as an .ics calendar; the contact-only choices are hidden meanwhile."""
    from datetime import UTC, datetime, timedelta
    crm.reminders.add(ReminderCreate(title="回电", due_at=datetime.now(UTC) + timedelta(days=1)))
    dialog.reminders.click()
    assert not dialog.form.isRowVisible(dialog.format)
    assert dialog.path.text().endswith(".ics") and Path(dialog.path.text()).name.startswith("reminders-")
    dialog.path.setText(str(tmp_path / "cal.ics"))
    dialog.export.click()
    assert "BEGIN:VCALENDAR" in (tmp_path / "cal.ics").read_text(encoding="utf-8")
    assert "1 reminder" in dialog.done_line.text()


def test_the_chosen_folder_is_remembered(dialog: ExportDialog, crm: Crm, qsettings: QSettings,
                                         tmp_path: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    """The next export dialog suggests the folder of the last export."""
    dialog.ask_path = lambda _suggested: str(tmp_path / "chosen.xlsx")
    dialog.format.setCurrentIndex(dialog.format.findData("xlsx"))
    dialog.choose.click()
    dialog.export.click()
    assert (tmp_path / "chosen.xlsx").exists() and qsettings.value(FOLDER_KEY) == str(tmp_path)
    again = ExportDialog(crm, ImmediateTaskRunner(), qsettings)
    qtbot.addWidget(again)
    assert Path(again.path.text()).parent == tmp_path


def test_contacts_page_export_button_opens_the_dialog_with_the_filters(
        crm: Crm, qsettings: QSettings, qtbot) -> None:  # type: ignore[no-untyped-def]
    """The contacts page's Export… opens the dialog with the stage filter of the list preset."""
    page = ContactsPage(crm, ChangeBus(), qsettings, runner=ImmediateTaskRunner())
    qtbot.addWidget(page)
    page.stage_filter.setCurrentIndex(page.stage_filter.findData("customer"))
    assert page.export_button.toolTip()
    page.export_button.click()
    dialogs = page.findChildren(ExportDialog)
    assert len(dialogs) == 1 and dialogs[0].stage.currentData() == "customer"



def test_close_leaves_the_dialog_without_a_crash(dialog: ExportDialog, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Close hides the dialog (its widgets must not shadow QDialog's own done() or result())."""
    dialog.open()
    dialog.close_button.click()
    qtbot.wait(10)
    assert not dialog.isVisible()
