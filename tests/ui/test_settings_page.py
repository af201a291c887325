"""Settings: business settings go to the workspace, auto-lock and language to this computer."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from crm_desktop.core.crm import Crm
from crm_desktop.ui import preferences
from crm_desktop.ui.changes import ChangeBus
from crm_desktop.ui.controllers.help_dialog import ShortcutsDialog
from crm_desktop.ui.controllers.settings_page import SettingsPage


def test_saving_stores_business_settings_and_computer_preferences(crm: Crm, qsettings: QSettings,
                                                                  qtbot) -> None:  # type: ignore[no-untyped-def]
    """Business name and currency land in the workspace; auto-lock and language in QSettings."""
    page = SettingsPage(crm, ChangeBus(), qsettings)
    qtbot.addWidget(page)
    page.business_name.setText("明华贸易")
    page.currency.setText("usd")
    page.auto_lock.setValue(5)
    page.language.setCurrentIndex(page.language.findData("zh_CN"))
    with qtbot.waitSignal(page.auto_lock_changed) as changed:
        page.save.click()
    assert changed.args == [5]
    stored = crm.settings.get()
    assert (stored.business_name, stored.currency) == ("明华贸易", "USD")
    assert preferences.auto_lock_minutes(qsettings) == 5
    assert preferences.language(qsettings, "en") == "zh_CN"
    assert "next start" in page.message.text()


def test_bad_currency_is_refused_with_the_core_message(crm: Crm, qsettings: QSettings,
                                                       qtbot) -> None:  # type: ignore[no-untyped-def]
    """An unknown currency code is refused, named in the message, and nothing is stored."""
    page = SettingsPage(crm, ChangeBus(), qsettings)
    qtbot.addWidget(page)
    page.currency.setText("RMB")
    page.save.click()
    assert "RMB" in page.message.text()
    assert crm.settings.get().currency == "CNY"


def test_shortcuts_are_listed_in_help(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Help lists the lock, search and undo shortcuts."""
    dialog = ShortcutsDialog()
    qtbot.addWidget(dialog)
    keys = {dialog.table.item(row, 0).text() for row in range(dialog.table.rowCount())}
    assert {"Ctrl+K", "Ctrl+L", "Ctrl+Z"} <= keys
