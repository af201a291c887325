"""The main window's side of backups: the status bar line, restore in place, backup on quit."""

from __future__ import annotations

from pathlib import Path

import pytest

from crm_desktop.core.backup.restore import prepare_restore
from crm_desktop.core.backup.verify import BackupKey
from crm_desktop.core.domain.models import ContactCreate
from crm_desktop.core.errors import NotFoundError
from crm_desktop.ui.controllers.shell import Shell


def _usb(tmp_path: Path) -> Path:
    folder = tmp_path / "usb"
    folder.mkdir()
    return folder


def test_restore_ready_replaces_the_open_workspace_and_reopens_it(unlocked: Shell, tmp_path: Path) -> None:
    """A confirmed restore closes the workspace, puts the backup in place and shows it again."""
    assert unlocked.workbench is not None
    crm = unlocked.workbench.crm
    kept = crm.contacts.add(ContactCreate(display_name="In the backup")).value
    report = crm.backups.back_up(_usb(tmp_path))
    later = crm.contacts.add(ContactCreate(display_name="Made after the backup")).value
    plan = prepare_restore(crm.paths, report.path, BackupKey(data_key=crm.backups.data_key))
    unlocked.workbench.backup.restore_ready.emit(plan)  # type: ignore[attr-defined]
    assert unlocked.workbench is not None and unlocked.workbench.crm is not crm
    restored = unlocked.workbench.crm
    assert restored.contacts.get(kept.id).display_name == "In the backup"
    with pytest.raises(NotFoundError):
        restored.contacts.get(later.id)
    assert "restored" in unlocked.statusBar().currentMessage()


def test_status_bar_names_the_last_backup_and_warns_without_one(unlocked: Shell, tmp_path: Path) -> None:
    """Without any backup the status bar warns; after one it names when it was made."""
    assert unlocked.workbench is not None
    scheduler = unlocked.workbench.backup_scheduler
    assert unlocked.backup_status.text() and scheduler.warning
    unlocked.workbench.crm.backups.configure(folder=str(_usb(tmp_path)))
    assert scheduler.back_up_now()
    scheduler.wait_until_idle()
    assert not scheduler.warning
    assert unlocked.backup_status.text() == scheduler.text


def test_closing_the_window_backs_up_when_asked(unlocked: Shell, tmp_path: Path) -> None:
    """With "back up on quit" on and a folder chosen, closing the window writes a verified backup."""
    assert unlocked.workbench is not None
    usb = _usb(tmp_path)
    unlocked.workbench.crm.backups.configure(folder=str(usb), on_quit=True)
    unlocked.close()
    assert [p.suffix for p in usb.iterdir()] == [".crmbak"]
    assert unlocked.is_locked


def test_today_shows_the_backup_status(unlocked: Shell, tmp_path: Path) -> None:
    """Today names the last good backup, and warns (in red) while there is none."""
    assert unlocked.workbench is not None
    today = unlocked.workbench.today
    assert today.backup.text() and "a4262c" in today.backup.styleSheet()  # type: ignore[attr-defined]
    unlocked.workbench.crm.backups.configure(folder=str(_usb(tmp_path)))
    scheduler = unlocked.workbench.backup_scheduler
    assert scheduler.back_up_now()
    scheduler.wait_until_idle()
    assert today.backup.text() == scheduler.text  # type: ignore[attr-defined]
    assert "a4262c" not in today.backup.styleSheet()  # type: ignore[attr-defined]
