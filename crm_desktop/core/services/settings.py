"""Workspace settings kept inside the encrypted file (meta table): region, currency, stages' defaults."""

from __future__ import annotations

from typing import Any

import phonenumbers
from pydantic import BaseModel, ConfigDict

from crm_desktop.core.domain.money import currency_code
from crm_desktop.core.errors import ValidationError
from crm_desktop.core.i18n import N_
from crm_desktop.core.storage.database import Database
from crm_desktop.core.storage.tables import Meta

SETTINGS_KEY = "settings"


class Settings(BaseModel):
    model_config = ConfigDict(frozen=True)
    business_name: str = ""
    default_region: str = "CN"
    currency: str = "CNY"
    language: str = ""


def _region(code: str) -> str:
    region = code.strip().upper()
    if region not in phonenumbers.SUPPORTED_REGIONS:
        raise ValidationError(N_("'{value}' is not a region code (two letters, such as CN, US, GB)."),
                              field="default_region", value=code)
    return region


class SettingsService:
    def __init__(self, db: Database) -> None:
        self._db = db
        self._cached: Settings | None = None

    def get(self) -> Settings:
        if self._cached is None:
            with self._db.read() as session:
                row = session.get(Meta, SETTINGS_KEY)
                self._cached = Settings.model_validate(row.value if row else {})
        return self._cached

    def update(self, **values: Any) -> Settings:
        merged = self.get().model_dump() | {k: v for k, v in values.items() if v is not None}
        merged["currency"] = currency_code(merged["currency"])
        merged["default_region"] = _region(merged["default_region"])
        settings = Settings.model_validate(merged)
        with self._db.transaction("settings") as tx:
            tx.session.merge(Meta(key=SETTINGS_KEY, value=settings.model_dump()))
        self._cached = settings
        return settings
