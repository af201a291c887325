"""Unlocking, locking by hand and by idle time: customer data is shown only while unlocked."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView

from crm_desktop.core.config.paths import AppPaths
from crm_desktop.core.domain.models import ContactCreate
from crm_desktop.ui.controllers.shell import Shell
from tests.conftest import PASSPHRASE


def _texts(shell: Shell) -> str:
    """Everything the window's table views currently display."""
    shown = []
    for table in shell.findChildren(QTableView):
        model = table.model()
        for row in range(model.rowCount()):
            for column in range(model.columnCount()):
                shown.append(str(model.index(row, column).data() or ""))
    return " ".join(shown)


def test_wrong_passphrase_says_so_and_stays_locked(shell: Shell) -> None:
    """A wrong passphrase shows 'Wrong passphrase.' and the workspace stays locked."""
    shell.unlock_screen.passphrase.setText("not the passphrase")
    shell.unlock_screen.unlock.click()
    assert shell.is_locked
    assert shell.unlock_screen.message.text() == "Wrong passphrase."


def test_damaged_file_is_reported_as_damaged(shell: Shell, workspace: AppPaths) -> None:
    """The right passphrase on a damaged file says 'damaged', not 'wrong passphrase'."""
    workspace.database.write_bytes(b"\0" * 8192)
    shell.unlock_screen.passphrase.setText(PASSPHRASE)
    shell.unlock_screen.unlock.click()
    assert shell.is_locked
    assert "damaged" in shell.unlock_screen.message.text()


def test_right_passphrase_opens_the_contacts(shell: Shell) -> None:
    """The right passphrase shows the workbench with the contacts list."""
    shell.unlock_screen.passphrase.setText(PASSPHRASE)
    shell.unlock_screen.unlock.click()
    assert not shell.is_locked
    assert shell.stack.currentWidget() is shell.workbench


def test_ctrl_l_locks_and_hides_every_name(unlocked: Shell, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Ctrl+L removes all customer data from the window and closes the workspace."""
    assert unlocked.workbench is not None
    unlocked.workbench.crm.contacts.add(ContactCreate(display_name="Secret Customer"))
    unlocked.workbench.contacts.model.reload()
    assert "Secret Customer" in _texts(unlocked)
    qtbot.keyClick(unlocked.workbench.search.field, Qt.Key.Key_L,
                   Qt.KeyboardModifier.ControlModifier)
    assert unlocked.is_locked
    assert "Secret Customer" not in _texts(unlocked)
    assert unlocked.stack.currentWidget() is unlocked.unlock_screen


def test_idle_time_locks_the_window(unlocked: Shell, qtbot) -> None:  # type: ignore[no-untyped-def]
    """With no input for the auto-lock time, the window locks by itself."""
    unlocked.idle.set_minutes(0.002)  # 120 ms
    qtbot.waitUntil(lambda: unlocked.is_locked, timeout=3000)
    assert _texts(unlocked) == ""
