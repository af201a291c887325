"""First run: a workspace is created only with a good passphrase, and the recovery key is real."""

from __future__ import annotations

from pathlib import Path

from crm_desktop.core.config.paths import AppPaths
from crm_desktop.core.security.keystore import MemoryKeyStore
from crm_desktop.core.security.vault import Vault
from crm_desktop.ui.controllers.first_run import PASSPHRASE_PAGE, RECOVERY_PAGE, FirstRunWizard


def _to_passphrase_page(wizard: FirstRunWizard) -> None:
    wizard.show()
    wizard.business_name.setText("明华贸易")
    while wizard.currentId() < PASSPHRASE_PAGE:
        wizard.next()


def test_the_shown_recovery_key_opens_the_new_workspace(tmp_path: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    """The recovery key on screen unlocks the workspace the wizard created."""
    paths = AppPaths.under(tmp_path / "ws")
    wizard = FirstRunWizard(paths, MemoryKeyStore(), "en")
    qtbot.addWidget(wizard)
    _to_passphrase_page(wizard)
    wizard.passphrase.setText("correct horse battery")
    wizard.repeat.setText("correct horse battery")
    wizard.next()
    assert wizard.currentId() == RECOVERY_PAGE
    key = wizard.recovery_key.text()
    assert Vault(paths, MemoryKeyStore()).unlock_with_recovery_key(key)
    assert wizard.crm is not None and wizard.crm.settings.get().business_name == "明华贸易"
    wizard.crm.close()


def test_next_waits_until_the_recovery_key_is_stored(tmp_path: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    """The wizard does not move past the recovery key until the user confirms storing it."""
    wizard = FirstRunWizard(AppPaths.under(tmp_path / "ws"), MemoryKeyStore(), "en")
    qtbot.addWidget(wizard)
    _to_passphrase_page(wizard)
    wizard.passphrase.setText("correct horse battery")
    wizard.repeat.setText("correct horse battery")
    wizard.next()
    assert not wizard.pages[RECOVERY_PAGE].isComplete()
    wizard.stored.setChecked(True)
    assert wizard.pages[RECOVERY_PAGE].isComplete()
    assert wizard.crm is not None
    wizard.crm.close()


def test_mismatched_or_short_passphrases_create_nothing(tmp_path: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Two different passphrases, or one under 8 characters, are refused with a message."""
    paths = AppPaths.under(tmp_path / "ws")
    wizard = FirstRunWizard(paths, MemoryKeyStore(), "en")
    qtbot.addWidget(wizard)
    _to_passphrase_page(wizard)
    wizard.passphrase.setText("correct horse battery")
    wizard.repeat.setText("correct horse batterY")
    wizard.next()
    assert wizard.currentId() == PASSPHRASE_PAGE and "differ" in wizard.passphrase_error.text()
    wizard.passphrase.setText("short")
    wizard.repeat.setText("short")
    wizard.next()
    assert "at least 8" in wizard.passphrase_error.text()
    assert not paths.exists()


def test_sample_data_is_added_when_chosen(tmp_path: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Choosing 'start with sample data' hands over a workspace with demo contacts."""
    wizard = FirstRunWizard(AppPaths.under(tmp_path / "ws"), MemoryKeyStore(), "en")
    qtbot.addWidget(wizard)
    _to_passphrase_page(wizard)
    wizard.passphrase.setText("correct horse battery")
    wizard.repeat.setText("correct horse battery")
    wizard.next()
    wizard.stored.setChecked(True)
    wizard.next()
    wizard.sample_data.setChecked(True)
    with qtbot.waitSignal(wizard.created) as created:
        wizard.accept()
    crm = created.args[0]
    assert crm.contacts.count() == 200
    crm.close()
