"""The backup page: choose a folder, back up now, see and verify the backups, and start a restore."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt

from crm_desktop.core.backup.retention import Retention
from crm_desktop.core.crm import Crm
from crm_desktop.core.domain.models import ContactCreate
from crm_desktop.ui.controllers.backup_page import BackupPage
from crm_desktop.ui.models.backups_model import BackupsModel
from crm_desktop.ui.tasks import ImmediateTaskRunner
from tests.fixtures.make_old_backup import FIXTURE


@pytest.fixture
def usb(tmp_path: Path) -> Path:
    folder = tmp_path / "usb"
    folder.mkdir()
    return folder


@pytest.fixture
def page(crm: Crm, qsettings: QSettings, qtbot) -> BackupPage:  # type: ignore[no-untyped-def]
    widget = BackupPage(crm, qsettings, runner=ImmediateTaskRunner())
    qtbot.addWidget(widget)
    return widget


def _column(page: BackupPage, column: int) -> list[str]:
    return [page.model.index(row, column).data() for row in range(page.model.rowCount())]


def _flip_a_bit(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[len(data) // 3] ^= 0x10
    path.write_bytes(bytes(data))


def test_backups_model_passes_the_model_tester(crm: Crm, usb: Path, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    """The backups model follows Qt's model rules, with good, verified and unreadable rows."""
    report = crm.backups.back_up(usb, now=datetime(2026, 1, 1, tzinfo=UTC))
    crm.backups.back_up(usb, now=datetime(2026, 1, 2, tzinfo=UTC))
    (usb / "crm-backup-20260103-000000.crmbak").write_bytes(b"not a backup")
    model = BackupsModel(crm.device_id)
    model.set_entries(crm.backups.list(usb))
    model.mark(report)
    qtmodeltester.check(model)


def test_choosing_a_folder_and_backing_up_lists_a_verified_backup(page: BackupPage, crm: Crm,
                                                                   usb: Path) -> None:
    """After choosing a folder, "Back up now" writes a verified backup that the list shows as such."""
    crm.contacts.add(ContactCreate(display_name="张伟"))
    page.choose_folder = lambda start: str(usb)
    page.choose.click()
    assert page.folder.text() == str(usb.resolve())
    assert crm.backups.config().folder == str(usb.resolve())
    page.back_up.click()
    assert [p.suffix for p in usb.iterdir()] == [".crmbak"]
    assert "made and verified" in page.message.text()
    assert page.model.rowCount() == 1
    assert _column(page, 2) == ["1"]  # contacts
    assert _column(page, 4) == ["Verified ✓ (this session)"]
    assert "(this computer)" in _column(page, 1)[0]
    assert "today" in page.status.text()
    assert [page.checks.item(i).text()[0] for i in range(page.checks.count())] == ["✓"] * 6


def test_back_up_now_without_a_folder_asks_for_one_first(page: BackupPage, usb: Path) -> None:
    """With no folder chosen, "Back up now" asks for one and then backs up into it."""
    assert "No backup folder chosen" in page.status.text()
    asked: list[str] = []
    page.choose_folder = lambda start: asked.append(start) or str(usb)  # type: ignore[func-returns-value]
    page.back_up_now()
    assert asked and len(list(usb.iterdir())) == 1


def test_missing_folder_shows_the_usb_warning(page: BackupPage, crm: Crm, usb: Path) -> None:
    """A configured folder that is not there (stick unplugged) is named in a warning."""
    crm.backups.configure(folder=str(usb))
    crm.backups.back_up()
    shutil.rmtree(usb)
    page.refresh()
    assert "USB stick unplugged?" in page.status.text()
    assert str(usb.resolve()) in page.status.text()
    assert "fdecea" in page.status.styleSheet()  # the warning look
    assert page.model.rowCount() == 0


def test_backing_up_to_a_vanished_folder_shows_the_core_message(page: BackupPage, crm: Crm,
                                                                 usb: Path) -> None:
    """"Back up now" into a folder that went away explains it and leaves no busy state behind."""
    page.choose_folder = lambda start: str(usb)
    page.pick_folder()
    usb.rmdir()
    page.back_up.click()
    assert "plug the stick in" in page.message.text()
    assert page.back_up.isEnabled() and not page.progress.isVisibleTo(page)


def test_folder_inside_the_workspace_is_refused(page: BackupPage, crm: Crm) -> None:
    """A backup folder inside the workspace is refused with the reason; nothing is saved."""
    inside = crm.paths.root / "backups"
    inside.mkdir()
    page.choose_folder = lambda start: str(inside)
    page.choose.click()
    assert "outside the workspace" in page.message.text()
    assert crm.backups.config().folder == "" and page.folder.text() == ""


def test_bit_flipped_backup_fails_verification_with_the_failed_check(page: BackupPage, crm: Crm,
                                                                     usb: Path) -> None:
    """Verify on a damaged backup marks it failed and shows which check failed and why."""
    crm.backups.configure(folder=str(usb))
    path = crm.backups.back_up().path
    _flip_a_bit(path)
    page.refresh()
    page.select(path)
    page.verify.click()
    assert _column(page, 4)[0].startswith("Failed: ")
    assert "damaged" in page.message.text()
    failed = [page.checks.item(i).text() for i in range(page.checks.count())
              if page.checks.item(i).text().startswith("✗")]
    assert len(failed) == 1 and "damaged" in failed[0]


def test_unreadable_file_is_listed_with_its_reason_and_cannot_be_restored(page: BackupPage, crm: Crm,
                                                                         usb: Path) -> None:
    """A file named like a backup that is not one shows as unreadable; Verify and Restore stay off."""
    crm.backups.configure(folder=str(usb))
    junk = usb / "crm-backup-20260101-000000.crmbak"
    junk.write_bytes(b"junk")
    page.refresh()
    page.select(junk)
    assert _column(page, 4)[0].startswith("Unreadable: ")
    assert not page.verify.isEnabled() and not page.restore.isEnabled()


def test_schedule_and_keep_rules_are_saved_as_they_change(page: BackupPage, crm: Crm) -> None:
    """Unticking "on quit", changing the warning days and a keep rule are stored at once."""
    page.on_quit.setChecked(False)
    page.warn_days.setValue(3)
    page.weekly_weeks.setValue(4)
    config = crm.backups.config()
    assert (config.on_quit, config.daily, config.warn_after_days) == (False, True, 3)
    assert config.retention == Retention(weekly_weeks=4)


def test_overdue_backup_is_a_warning(crm: Crm, usb: Path, qsettings: QSettings, qtbot) -> None:  # type: ignore[no-untyped-def]
    """A last backup older than the warning days is shown as a warning with its age."""
    crm.backups.configure(folder=str(usb))
    made = datetime(2026, 3, 1, 12, tzinfo=UTC)
    crm.backups.back_up(now=made)
    page = BackupPage(crm, qsettings, runner=ImmediateTaskRunner(), now=lambda: made + timedelta(days=10))
    qtbot.addWidget(page)
    assert "10 day(s) ago" in page.status.text()
    assert "more than 7 day(s) ago" in page.status.text()


def test_restore_hands_over_the_confirmed_plan(page: BackupPage, crm: Crm, usb: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Restore… opens the wizard; once confirmed, the page passes the staged plan on."""
    crm.backups.configure(folder=str(usb))
    path = crm.backups.back_up().path
    page.refresh()
    page.select(path)
    page.restore.click()
    assert page.wizard is not None and page.wizard.isVisible()
    page.wizard.go_forward()
    with qtbot.waitSignal(page.restore_ready) as ready:
        page.wizard.go_forward()
    assert ready.args[0].backup == path and not ready.args[0].new_keys


def test_forget_drops_the_list_and_cancels_an_open_restore(page: BackupPage, crm: Crm,
                                                           usb: Path) -> None:
    """On lock the page shows no backup any more and a staged restore is thrown away."""
    crm.backups.configure(folder=str(usb))
    path = crm.backups.back_up().path
    page.refresh()
    page.select(path)
    page.restore.click()
    assert page.wizard is not None
    page.wizard.go_forward()
    assert list(crm.paths.backup_work.glob("restore-staged*"))
    page.forget()
    assert page.model.rowCount() == 0 and not page.wizard.isVisible()
    assert not list(crm.paths.backup_work.glob("restore-staged*"))


def test_ctrl_b_backs_up_from_the_page(page: BackupPage, crm: Crm, usb: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Ctrl+B on the backup page makes a backup, like the button."""
    crm.backups.configure(folder=str(usb))
    page.load_settings()
    with qtbot.waitActive(page):  # a window shortcut needs the active window
        page.show()
        page.activateWindow()
    qtbot.keyClick(page.table, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert len(list(usb.iterdir())) == 1


def test_verifying_a_backup_with_other_keys_points_to_restore(page: BackupPage, crm: Crm,
                                                              usb: Path) -> None:
    """A backup from another workspace cannot be verified with this one's key; the page says how."""
    crm.backups.configure(folder=str(usb))
    foreign = usb / "crm-backup-20260101-000000.crmbak"
    shutil.copy(FIXTURE, foreign)
    page.refresh()
    page.select(foreign)
    page.verify.click()
    assert "other keys" in page.message.text() and "Restore…" in page.message.text()
    assert _column(page, 4) == ["Not verified"] and page.verify.isEnabled()
