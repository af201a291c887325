"""The restore wizard: preview, the backup's own key when needed, check and stage, confirm, hand over.
Cancelling at any step leaves the workspace as it was and no staged copy behind."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from crm_desktop.core.backup.restore import RestorePlan
from crm_desktop.core.backup.service import BackupEntry
from crm_desktop.core.crm import Crm
from crm_desktop.core.domain.models import ContactCreate
from crm_desktop.ui.controllers.restore_wizard import RestoreWizard
from crm_desktop.ui.tasks import ImmediateTaskRunner, TaskRunner, ThreadTaskRunner
from tests.fixtures.make_old_backup import FIXTURE, FIXTURE_PASSPHRASE


@pytest.fixture
def usb(tmp_path: Path) -> Path:
    folder = tmp_path / "usb"
    folder.mkdir()
    return folder


@pytest.fixture
def own_backup(crm: Crm, usb: Path) -> BackupEntry:
    """A backup of this workspace, holding one contact."""
    crm.contacts.add(ContactCreate(display_name="李娜"))
    crm.backups.back_up(usb)
    return crm.backups.list(usb)[0]


@pytest.fixture
def foreign_backup(crm: Crm, usb: Path) -> BackupEntry:
    """A backup of another workspace (another laptop, other keys)."""
    shutil.copy(FIXTURE, usb / "crm-backup-20260101-000000.crmbak")
    return crm.backups.list(usb)[0]


def _wizard(crm: Crm, entry: BackupEntry, qtbot, runner: TaskRunner | None = None) -> RestoreWizard:  # type: ignore[no-untyped-def]
    wizard = RestoreWizard(crm, entry, runner or ImmediateTaskRunner())
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


def _staged(crm: Crm) -> list[Path]:
    return list(crm.paths.backup_work.glob("restore-staged*")) if crm.paths.backup_work.exists() else []


def test_preview_shows_what_the_backup_holds_and_warns(crm: Crm, own_backup: BackupEntry,
                                                      qtbot) -> None:  # type: ignore[no-untyped-def]
    """The first step shows when and where the backup was made, its versions and counts, and that
    the current workspace will be replaced with a safety copy kept."""
    wizard = _wizard(crm, own_backup, qtbot)
    manifest = own_backup.manifest
    assert manifest is not None
    assert wizard.stack.currentWidget() is wizard.preview_page
    assert "today" in wizard.made.text()
    assert wizard.device.text() == manifest.device_name
    assert manifest.schema_revision in wizard.versions.text()
    assert "Contacts 1" in wizard.contents.text()
    assert "replaces everything" in wizard.warning.text()
    assert str(crm.paths.safety_copies) in wizard.warning.text()


def test_own_backup_is_checked_then_handed_over_once_confirmed(crm: Crm, own_backup: BackupEntry,
                                                               qtbot) -> None:  # type: ignore[no-untyped-def]
    """A backup of this workspace needs no key: it is checked, staged, and on confirmation handed
    over; the live workspace itself is not touched by the wizard."""
    wizard = _wizard(crm, own_backup, qtbot)
    wizard.go_forward()
    assert wizard.stack.currentWidget() is wizard.confirm_page
    assert "passed all 6 checks" in wizard.summary.text()
    assert _staged(crm)
    crm.contacts.add(ContactCreate(display_name="Added after the backup"))
    with qtbot.waitSignal(wizard.restore_ready) as ready:
        wizard.forward.click()
    plan = ready.args[0]
    assert isinstance(plan, RestorePlan) and plan.data_key == crm.backups.data_key
    assert not wizard.isVisible()
    assert len(crm.contacts.page()) == 2  # the swap is the main window's job
    assert _staged(crm)  # kept for the main window to put in place


def test_backup_of_another_workspace_asks_for_its_passphrase(crm: Crm, foreign_backup: BackupEntry,
                                                             qtbot) -> None:  # type: ignore[no-untyped-def]
    """A backup made with other keys asks for its passphrase; a wrong one is said so in place,
    the right one stages it and says the backup's keys come along."""
    wizard = _wizard(crm, foreign_backup, qtbot)
    wizard.go_forward()
    assert wizard.stack.currentWidget() is wizard.key_page
    assert "other keys" in wizard.key_hint.text() and wizard.key_message.text() == ""
    wizard.passphrase.setText("not the passphrase")
    wizard.forward.click()
    assert wizard.stack.currentWidget() is wizard.key_page
    assert wizard.key_message.text() == "Wrong passphrase."
    assert not _staged(crm)
    wizard.passphrase.setText(FIXTURE_PASSPHRASE)
    wizard.forward.click()
    assert wizard.stack.currentWidget() is wizard.confirm_page
    assert "passphrase and recovery key that were valid" in wizard.summary.text()


def test_wrong_recovery_key_is_said_so_in_place(crm: Crm, foreign_backup: BackupEntry,
                                                qtbot) -> None:  # type: ignore[no-untyped-def]
    """Choosing the recovery key instead, a wrong one gets its own message."""
    wizard = _wizard(crm, foreign_backup, qtbot)
    wizard.go_forward()
    wizard.recovery_key.setText("AAAA-BBBB-CCCC-DDDD")
    wizard.use_recovery.setChecked(True)
    wizard.forward.click()
    assert wizard.stack.currentWidget() is wizard.key_page
    assert wizard.key_message.text() == "Wrong recovery key."


def test_empty_key_is_asked_for_without_trying(crm: Crm, foreign_backup: BackupEntry,
                                               qtbot) -> None:  # type: ignore[no-untyped-def]
    """Continuing with an empty passphrase field asks for it and tries nothing."""
    wizard = _wizard(crm, foreign_backup, qtbot)
    wizard.go_forward()
    wizard.forward.click()
    assert wizard.key_message.text() == "Enter the passphrase."


def test_cancel_after_checking_throws_the_staged_copy_away(crm: Crm, own_backup: BackupEntry,
                                                          qtbot) -> None:  # type: ignore[no-untyped-def]
    """Cancel on the last step hands nothing over, removes the staged copy, keeps the workspace."""
    wizard = _wizard(crm, own_backup, qtbot)
    database = crm.paths.database.read_bytes()
    wizard.go_forward()
    assert _staged(crm)
    handed: list[object] = []
    wizard.restore_ready.connect(handed.append)
    wizard.cancel.click()
    assert handed == [] and not _staged(crm) and not wizard.isVisible()
    assert crm.paths.database.read_bytes() == database
    assert [c.display_name for c in crm.contacts.page()] == ["李娜"]


def test_cancel_while_checking_discards_when_the_check_ends(crm: Crm, own_backup: BackupEntry,
                                                            qtbot) -> None:  # type: ignore[no-untyped-def]
    """Cancelling while the worker still checks leaves nothing staged once it is done."""
    runner = ThreadTaskRunner()
    wizard = _wizard(crm, own_backup, qtbot, runner)
    handed: list[object] = []
    wizard.restore_ready.connect(handed.append)
    wizard.go_forward()
    wizard.cancel.click()
    runner.wait()  # the worker staged the backup by now; the discard follows on the GUI thread
    assert _staged(crm)
    qtbot.waitUntil(lambda: not _staged(crm), timeout=5000)
    assert handed == [] and not wizard.isVisible()


def test_damaged_backup_cannot_be_restored(crm: Crm, own_backup: BackupEntry,
                                           qtbot) -> None:  # type: ignore[no-untyped-def]
    """A backup that fails its checks says so, offers only Close, and stages nothing."""
    data = bytearray(own_backup.path.read_bytes())
    data[len(data) // 3] ^= 0x10
    own_backup.path.write_bytes(bytes(data))
    wizard = _wizard(crm, own_backup, qtbot)
    wizard.go_forward()
    assert wizard.stack.currentWidget() is wizard.work_page
    assert "could not be restored" in wizard.work_message.text()
    assert wizard.forward.isHidden() and wizard.cancel.text() == "Close"
    assert not _staged(crm)
