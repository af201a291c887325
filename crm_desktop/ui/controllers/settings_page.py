"""Settings: business name, currency, phone region and logo (workspace); auto-lock and language
(this computer). Language takes effect at the next start; the logo is kept as soon as it is chosen."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QFileDialog

from crm_desktop.core.crm import Crm
from crm_desktop.core.domain.changes import Outcome
from crm_desktop.core.errors import CrmError
from crm_desktop.core.i18n import active_language
from crm_desktop.ui import preferences
from crm_desktop.ui.changes import ChangeBus
from crm_desktop.ui.views.settings_view import PREVIEW, SettingsView


class SettingsPage(SettingsView):
    auto_lock_changed = Signal(int)

    def __init__(self, crm: Crm, bus: ChangeBus, settings: QSettings) -> None:
        super().__init__()
        self._crm = crm
        self._bus = bus
        self._settings = settings
        self.choose_file: Callable[[], str] = self._ask_logo_file  # replaceable in tests
        self.save.clicked.connect(self.apply)
        self.choose_logo.clicked.connect(self.pick_logo)
        self.remove_logo.clicked.connect(self.drop_logo)
        self.load()

    def load(self) -> None:
        current = self._crm.settings.get()
        self.business_name.setText(current.business_name)
        self.currency.setText(current.currency)
        self.region.setText(current.default_region)
        self.auto_lock.setValue(preferences.auto_lock_minutes(self._settings))
        language = preferences.language(self._settings, active_language())
        self.language.setCurrentIndex(max(0, self.language.findData(language)))
        self._show_logo(self._crm.settings.logo())
        self.message.clear()

    def apply(self) -> None:
        try:
            outcome = self._crm.settings.update(business_name=self.business_name.text().strip(),
                                                currency=self.currency.text(),
                                                default_region=self.region.text())
        except CrmError as error:
            self._say(str(error), error=True)
            return
        self._bus.publish(outcome.changes)
        self._settings.setValue(preferences.AUTO_LOCK_KEY, self.auto_lock.value())
        language_changed = self.language.currentData() != preferences.language(
            self._settings, active_language())
        self._settings.setValue(preferences.LANGUAGE_KEY, self.language.currentData())
        self.auto_lock_changed.emit(self.auto_lock.value())
        self._say(self.tr("Saved. The new language applies at the next start.")
                  if language_changed else self.tr("Saved."))

    def pick_logo(self) -> None:
        """Keep the chosen picture as the logo at once (it needs no Save)."""
        path = self.choose_file()
        if path:
            self._change_logo(lambda: self._crm.settings.set_logo(path),
                              self.tr("Logo saved. Reports print it from now on."))

    def drop_logo(self) -> None:
        self._change_logo(self._crm.settings.clear_logo, self.tr("Logo removed."))

    def _change_logo(self, change: Callable[[], Outcome[Any]], done: str) -> None:
        try:
            outcome = change()
        except CrmError as error:
            self._say(str(error), error=True)
            return
        self._bus.publish(outcome.changes)
        self._show_logo(self._crm.settings.logo())
        self._say(done)

    def _show_logo(self, logo: bytes | None) -> None:
        pixmap = QPixmap()
        if logo and pixmap.loadFromData(logo):
            self.logo_preview.setPixmap(pixmap.scaled(PREVIEW, Qt.AspectRatioMode.KeepAspectRatio,
                                                      Qt.TransformationMode.SmoothTransformation))
        else:
            self.logo_preview.setText(self.tr("No logo"))
        self.remove_logo.setEnabled(logo is not None)

    def _ask_logo_file(self) -> str:
        chosen, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Choose the logo"), str(Path.home()),
            self.tr("Pictures (*.png *.jpg *.jpeg)"))
        return chosen

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet("color: #b3261e;" if error else "")
        self.message.setText(text)

    def save_layout(self) -> None:
        """Nothing to remember: the page has no adjustable layout."""

    def forget(self) -> None:
        self.business_name.clear()
        self.logo_preview.clear()
