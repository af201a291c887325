"""Settings: business name, currency and phone region (workspace); auto-lock and language
(this computer). Language takes effect at the next start."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Signal

from crm_desktop.core.crm import Crm
from crm_desktop.core.errors import CrmError
from crm_desktop.core.i18n import active_language
from crm_desktop.ui import preferences
from crm_desktop.ui.changes import ChangeBus
from crm_desktop.ui.views.settings_view import SettingsView


class SettingsPage(SettingsView):
    auto_lock_changed = Signal(int)

    def __init__(self, crm: Crm, bus: ChangeBus, settings: QSettings) -> None:
        super().__init__()
        self._crm = crm
        self._bus = bus
        self._settings = settings
        self.save.clicked.connect(self.apply)
        self.load()

    def load(self) -> None:
        current = self._crm.settings.get()
        self.business_name.setText(current.business_name)
        self.currency.setText(current.currency)
        self.region.setText(current.default_region)
        self.auto_lock.setValue(preferences.auto_lock_minutes(self._settings))
        language = preferences.language(self._settings, active_language())
        self.language.setCurrentIndex(max(0, self.language.findData(language)))
        self.message.clear()

    def apply(self) -> None:
        try:
            outcome = self._crm.settings.update(business_name=self.business_name.text().strip(),
                                                currency=self.currency.text(),
                                                default_region=self.region.text())
        except CrmError as error:
            self.message.setStyleSheet("color: #b3261e;")
            self.message.setText(str(error))
            return
        self._bus.publish(outcome.changes)
        self._settings.setValue(preferences.AUTO_LOCK_KEY, self.auto_lock.value())
        language_changed = self.language.currentData() != preferences.language(
            self._settings, active_language())
        self._settings.setValue(preferences.LANGUAGE_KEY, self.language.currentData())
        self.auto_lock_changed.emit(self.auto_lock.value())
        self.message.setStyleSheet("")
        self.message.setText(self.tr("Saved. The new language applies at the next start.")
                             if language_changed else self.tr("Saved."))

    def save_layout(self) -> None:
        """Nothing to remember: the page has no adjustable layout."""

    def forget(self) -> None:
        self.business_name.clear()
