"""Backup and restore under faults: full or vanished folders, killed processes, locked workspaces.
In every case earlier backups and the live workspace are untouched, and no file with a final
backup name exists that does not verify."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from crm_desktop.core.backup.naming import backups_in
from crm_desktop.core.backup.restore import STAGED, apply_restore, finish_interrupted_restore, prepare_restore
from crm_desktop.core.backup.verify import BackupKey
from crm_desktop.core.config.paths import AppPaths
from crm_desktop.core.crm import Crm, open_crm
from crm_desktop.core.demo import populate_demo
from crm_desktop.core.domain.models import ContactCreate
from crm_desktop.core.errors import (BackupFolderGoneError, DiskFullError, ReadOnlyError,
                                     WorkspaceLockedError)
from tests.core.backup_support import dump
from tests.core.fault_support import mount_tmpfs, unmount


def test_full_folder_mid_write_keeps_earlier_backups(crm: Crm, tmp_path: Path) -> None:
    """A stick that fills up mid-write: 'disk full', the earlier backup verifies, no partial left."""
    populate_demo(crm, 200, seed=3)
    small = tmp_path / "small"
    if not mount_tmpfs(small, "6m"):
        pytest.skip("mounting a tmpfs is not permitted here")
    try:
        first = crm.backups.back_up(small).path
        crm.contacts.add(ContactCreate(display_name="after the first backup"))
        with pytest.raises(DiskFullError, match="disk is full"):
            for _ in range(5):
                crm.backups.back_up(small)
        assert crm.backups.verify(first).ok
        assert all(crm.backups.verify(path).ok for path in backups_in(small))
        assert not [p for p in small.iterdir() if p.name.endswith(".partial")]
    finally:
        unmount(small)


def test_read_only_folder_is_named_and_nothing_is_left(crm: Crm, tmp_path: Path) -> None:
    """A write-protected stick or share: 'cannot be written to', and the workspace is untouched."""
    locked = tmp_path / "locked"
    if not mount_tmpfs(locked, "2m", read_only=True):
        pytest.skip("mounting a tmpfs is not permitted here")
    try:
        with pytest.raises(ReadOnlyError, match="cannot be written to"):
            crm.backups.back_up(locked)
        assert list(locked.iterdir()) == []
        assert crm.contacts.count() == 0 and crm.backups.status().last_good_at is None
    finally:
        unmount(locked)


@pytest.mark.parametrize("pulled_at", [20, 70, 95])  # writing, checking, fingerprinting
def test_stick_pulled_mid_write_leaves_no_backup_and_clear_message(crm: Crm, tmp_path: Path,
                                                                   pulled_at: int) -> None:
    """The folder vanishing mid-write (USB pulled) is reported; re-plugged, old backups are intact."""
    populate_demo(crm, 200, seed=4)
    usb = tmp_path / "usb"
    usb.mkdir()
    first = crm.backups.back_up(usb).path
    unplugged = tmp_path / "unplugged"

    def pull_the_stick(done: int, _total: int) -> None:
        if done >= pulled_at and usb.exists():
            usb.rename(unplugged)

    with pytest.raises(BackupFolderGoneError, match="USB stick removed"):
        crm.backups.back_up(usb, progress=pull_the_stick)
    unplugged.rename(usb)  # plugged back in
    assert backups_in(usb) == [first]
    assert crm.backups.verify(first).ok


KILLED_BACKUP = """
import sys
from pathlib import Path
from crm_desktop.core.config.paths import AppPaths
from crm_desktop.core.crm import open_crm
crm = open_crm(AppPaths.under(sys.argv[1]), bytes.fromhex(sys.argv[2]))
def report(done, total):
    print(done, flush=True)
crm.backups.back_up(Path(sys.argv[3]), progress=report)
print("finished", flush=True)
"""


def test_killed_backup_leaves_no_file_with_a_final_name(workspace: AppPaths, data_key: bytes,
                                                       tmp_path: Path) -> None:
    """kill -9 in the middle of writing: no crm-backup-… file appears, and the workspace opens."""
    with open_crm(workspace, data_key) as crm:
        populate_demo(crm, 600, seed=5)
    usb = tmp_path / "usb"
    usb.mkdir()
    child = subprocess.Popen([sys.executable, "-c", KILLED_BACKUP, str(workspace.root),
                              data_key.hex(), str(usb)], stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None
    for line in child.stdout:
        if line.strip() != "finished" and int(line) >= 50:  # writing into the folder
            os.kill(child.pid, signal.SIGKILL)
            break
    child.wait()
    assert child.returncode == -signal.SIGKILL
    assert backups_in(usb) == []
    with open_crm(workspace, data_key) as crm:
        assert crm.backups.back_up(usb).ok  # the next backup works


HOLDER = """
import sys, time
from crm_desktop.core.config.paths import AppPaths
from crm_desktop.core.crm import open_crm
crm = open_crm(AppPaths.under(sys.argv[1]), bytes.fromhex(sys.argv[2]))
print("open", flush=True)
time.sleep(60)
"""


def test_restore_refused_while_another_window_has_the_workspace(
        crm: Crm, workspace: AppPaths, data_key: bytes, tmp_path: Path) -> None:
    """Restore while another process holds the workspace: 'already open', nothing moved."""
    usb = tmp_path / "usb"
    usb.mkdir()
    path = crm.backups.back_up(usb).path
    crm.contacts.add(ContactCreate(display_name="after the backup"))
    crm.close()
    before = dump(workspace.database, data_key)
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(workspace.root), data_key.hex()],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
        plan = prepare_restore(workspace, path, BackupKey(data_key=data_key))
        with pytest.raises(WorkspaceLockedError):
            apply_restore(workspace, plan)
    finally:
        holder.kill()
        holder.wait()
    assert dump(workspace.database, data_key) == before
    assert not workspace.restore_intent.exists()


def test_restore_cut_short_is_finished_on_next_open(crm: Crm, workspace: AppPaths,
                                                     data_key: bytes, tmp_path: Path) -> None:
    """A power cut after the old file moved aside: the next open completes the restore."""
    crm.contacts.add(ContactCreate(display_name="in the backup"))
    usb = tmp_path / "usb"
    usb.mkdir()
    path = crm.backups.back_up(usb).path
    crm.contacts.add(ContactCreate(display_name="not in the backup"))
    crm.close()
    prepare_restore(workspace, path, BackupKey(data_key=data_key))
    safety = workspace.safety_copies / "before-restore-cut"
    safety.mkdir(parents=True)
    workspace.restore_intent.write_text(f'{{"safety": "{safety.name}", "new_keys": false}}')
    shutil.move(workspace.database, safety / "crm.db")  # ... and then the power went out
    assert (workspace.backup_work / STAGED).exists() and not workspace.database.exists()
    with open_crm(workspace, data_key) as reopened:
        names = [c.display_name for c in reopened.contacts.page()]
    assert names == ["in the backup"]
    assert not workspace.restore_intent.exists()
    finish_interrupted_restore(workspace)  # a second run changes nothing
    assert (safety / "crm.db").exists()


def test_backup_during_writes_is_a_consistent_snapshot(crm: Crm, tmp_path: Path) -> None:
    """Writes made while a backup runs neither break it nor appear half in it."""
    populate_demo(crm, 400, seed=6)
    usb = tmp_path / "usb"
    usb.mkdir()
    started = time.monotonic()

    def write_meanwhile(_done: int, _total: int) -> None:
        crm.contacts.add(ContactCreate(display_name=f"written at {time.monotonic() - started:.3f}"))

    report = crm.backups.back_up(usb, progress=write_meanwhile)
    assert report.ok  # counts, integrity and checksum agree with the snapshot
