"""GUI fixtures: real widgets offscreen over a real encrypted workspace."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from crm_desktop.core.config.paths import AppPaths
from crm_desktop.core.crm import Crm, open_crm
from crm_desktop.core.security.keystore import MemoryKeyStore
from crm_desktop.core.security.vault import Vault
from crm_desktop.ui.controllers.shell import Shell
from crm_desktop.ui.controllers.unlock import UnlockScreen
from crm_desktop.ui.tasks import ImmediateTaskRunner


@pytest.fixture
def qsettings(tmp_path: Path) -> QSettings:
    """Window layout settings in a private file, never the user's real ones."""
    return QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def shell(workspace: AppPaths, qsettings: QSettings, qtbot) -> Iterator[Shell]:  # type: ignore[no-untyped-def]
    """The main window, locked, over a fresh workspace; tasks run immediately."""
    vault = Vault(workspace, MemoryKeyStore())
    unlock = UnlockScreen(vault, lambda key: open_crm(workspace, key), ImmediateTaskRunner())
    window = Shell(unlock, qsettings, runner=ImmediateTaskRunner())
    qtbot.addWidget(window)
    window.show()
    yield window
    window.lock()


@pytest.fixture
def unlocked(shell: Shell) -> Shell:
    from tests.conftest import PASSPHRASE
    shell.unlock_screen.passphrase.setText(PASSPHRASE)
    shell.unlock_screen.unlock.click()
    assert not shell.is_locked
    return shell


@pytest.fixture
def gui_crm(unlocked: Shell) -> Crm:
    assert unlocked.workbench is not None
    return unlocked.workbench.crm
