"""Automatic backups: made when the daily one is due, never otherwise; the status bar gets one
line about them; failures become a warning text, never an exception."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from crm_desktop.core.crm import Crm
from crm_desktop.ui.controllers.backup_scheduler import BackupScheduler
from crm_desktop.ui.tasks import ImmediateTaskRunner, ThreadTaskRunner

NOW = datetime(2026, 5, 6, 10, 0, tzinfo=UTC)


@pytest.fixture
def usb(crm: Crm, tmp_path: Path) -> Path:
    """A backup folder, chosen in the settings."""
    folder = tmp_path / "usb"
    folder.mkdir()
    crm.backups.configure(folder=str(folder))
    return folder


def _scheduler(crm: Crm, qtbot, **options) -> BackupScheduler:  # type: ignore[no-untyped-def]
    """A scheduler at a fixed time (qtbot: the QApplication exists); tasks run at once unless given."""
    options.setdefault("runner", ImmediateTaskRunner())
    return BackupScheduler(crm.backups, clock=lambda: NOW, **options)


def test_due_daily_backup_is_made_and_reported(crm: Crm, usb: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    """With no backup yet and "daily" on, a check makes one and the status bar says when."""
    scheduler = _scheduler(crm, qtbot)
    with qtbot.waitSignal(scheduler.status_changed) as changed:
        scheduler.check()
    assert [p.name for p in usb.iterdir()] == ["crm-backup-20260506-100000.crmbak"]
    assert changed.args[0].startswith("Last backup: today ") and not scheduler.warning
    assert crm.backups.config().last_good_at == NOW


def test_no_backup_when_the_last_one_is_recent(crm: Crm, usb: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    """A backup made three hours ago means the check makes no other one."""
    crm.backups.back_up(now=NOW - timedelta(hours=3))
    scheduler = _scheduler(crm, qtbot)
    scheduler.check()
    assert len(list(usb.iterdir())) == 1
    assert scheduler.text.startswith("Last backup: ") and not scheduler.warning


def test_no_backup_when_daily_is_off(crm: Crm, usb: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    """With "daily" unticked nothing is made, and an old last backup is reported as overdue."""
    crm.backups.back_up(now=NOW - timedelta(days=9))
    crm.backups.configure(daily=False)
    scheduler = _scheduler(crm, qtbot)
    scheduler.check()
    assert len(list(usb.iterdir())) == 1
    assert scheduler.text.endswith("overdue") and scheduler.warning


def test_the_timer_checks_by_itself(crm: Crm, usb: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Once started, the scheduler checks on its own and makes the due backup."""
    scheduler = _scheduler(crm, qtbot, interval_ms=20, first_check_ms=10)
    scheduler.start()
    qtbot.waitUntil(lambda: any(usb.iterdir()), timeout=5000)
    scheduler.stop()


def test_unplugged_folder_is_a_warning_not_an_error(crm: Crm, usb: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    """A due backup with the stick unplugged gives a warning text and makes nothing."""
    usb.rmdir()
    scheduler = _scheduler(crm, qtbot)
    scheduler.check()
    assert scheduler.text == "Backup folder not found — USB stick unplugged?" and scheduler.warning
    assert not scheduler.busy


def test_no_folder_chosen_is_a_warning(crm: Crm, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Before any folder is chosen the status bar asks for one."""
    scheduler = _scheduler(crm, qtbot)
    scheduler.check()
    assert scheduler.text == "Backups: no folder chosen yet" and scheduler.warning


def test_failed_backup_becomes_a_warning_text(crm: Crm, usb: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    """A backup that cannot be written reports why, as a signal and a status text."""
    usb.rmdir()
    scheduler = _scheduler(crm, qtbot)
    with qtbot.waitSignal(scheduler.backup_failed) as failed:
        assert scheduler.back_up_now()
    assert "plug the stick in" in failed.args[0]
    assert scheduler.text.startswith("Backup failed: ") and scheduler.warning


def test_one_backup_at_a_time(crm: Crm, usb: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    """While a backup runs on the worker, a second request is refused."""
    runner = ThreadTaskRunner()
    scheduler = _scheduler(crm, qtbot, runner=runner)
    with qtbot.waitSignal(scheduler.backup_done, timeout=10000):
        assert scheduler.back_up_now()
        assert not scheduler.back_up_now() and scheduler.busy
    assert len(list(usb.iterdir())) == 1


@pytest.mark.parametrize("threaded", [False, True])
def test_back_up_on_quit_returns_after_a_verified_backup(crm: Crm, usb: Path, qtbot,  # type: ignore[no-untyped-def]
                                                          threaded: bool) -> None:
    """On quit (when asked for) one backup is made before the call returns."""
    runner = ThreadTaskRunner() if threaded else ImmediateTaskRunner()
    scheduler = _scheduler(crm, qtbot, runner=runner)
    assert scheduler.back_up_on_quit() is True
    assert len(list(usb.iterdir())) == 1 and not scheduler.busy


def test_no_backup_on_quit_when_it_is_off(crm: Crm, usb: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    """With "back up when the app closes" unticked, quitting makes no backup."""
    crm.backups.configure(on_quit=False)
    scheduler = _scheduler(crm, qtbot)
    assert scheduler.back_up_on_quit() is False
    assert not any(usb.iterdir())


def test_failed_backup_on_quit_returns_false(crm: Crm, usb: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Quitting with the stick unplugged returns (False) with a warning, never an exception."""
    usb.rmdir()
    scheduler = _scheduler(crm, qtbot)
    assert scheduler.back_up_on_quit() is False
    assert scheduler.warning
