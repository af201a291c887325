"""Settings: business settings go to the workspace, auto-lock and language to this computer."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from crm_desktop.core.crm import Crm
from crm_desktop.ui import preferences
from crm_desktop.ui.changes import ChangeBus
from crm_desktop.ui.controllers.help_dialog import ShortcutsDialog
from crm_desktop.ui.controllers.reports_page import ReportsPage
from crm_desktop.ui.controllers.settings_page import SettingsPage
from crm_desktop.ui.tasks import ImmediateTaskRunner
from tests.core.reports.support import require_poppler
from tests.logo_support import pdf_images, picture


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


def test_chosen_logo_is_previewed_kept_and_printed_on_reports(crm: Crm, qsettings: QSettings,
                                                              tmp_path: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Choose… keeps the picture at once: the preview shows it and the next report has it."""
    require_poppler()
    page = SettingsPage(crm, ChangeBus(), qsettings)
    qtbot.addWidget(page)
    assert page.logo_preview.pixmap().isNull() and not page.remove_logo.isEnabled()
    page.choose_file = lambda: str(picture(tmp_path, 300, 100))
    page.choose_logo.click()
    assert not page.logo_preview.pixmap().isNull() and page.remove_logo.isEnabled()
    assert "Logo saved" in page.message.text()
    reports = ReportsPage(crm, qsettings, runner=ImmediateTaskRunner())
    qtbot.addWidget(reports)
    reports.choose_report("contacts")
    out = tmp_path / "contacts.pdf"
    reports.ask_path = lambda suggested: str(out)
    reports.generate.click()
    assert len(pdf_images(out)) == 1


def test_bad_logo_is_refused_and_remove_takes_the_logo_off(crm: Crm, qsettings: QSettings,
                                                           tmp_path: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    """A text file is refused with the core's message; Remove clears the kept logo."""
    crm.settings.set_logo(picture(tmp_path))
    page = SettingsPage(crm, ChangeBus(), qsettings)
    qtbot.addWidget(page)
    assert not page.logo_preview.pixmap().isNull()
    bad = tmp_path / "readme.txt"
    bad.write_text("hello")
    page.choose_file = lambda: str(bad)
    page.choose_logo.click()
    assert "readme.txt" in page.message.text() and crm.settings.logo() is not None
    page.choose_file = lambda: ""  # cancelled: nothing happens
    page.choose_logo.click()
    page.remove_logo.click()
    assert crm.settings.logo() is None and page.logo_preview.pixmap().isNull()
    assert page.logo_preview.text() == "No logo" and not page.remove_logo.isEnabled()
