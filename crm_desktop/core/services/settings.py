"""Workspace settings kept inside the encrypted file (meta table): region, currency, stages' defaults."""

from __future__ import annotations

import base64
from pathlib import Path
from typing import Any

import phonenumbers
from pydantic import BaseModel, ConfigDict
from sqlmodel import Session

from crm_desktop.core.domain.changes import Changes, Outcome
from crm_desktop.core.domain.money import currency_code
from crm_desktop.core.errors import ValidationError
from crm_desktop.core.i18n import N_
from crm_desktop.core.storage.database import Database, Tx
from crm_desktop.core.storage.tables import Meta

SETTINGS_KEY = "settings"
LOGO_KEY = "logo"  # its own meta row: up to a few hundred KB that the journal should not copy


def restore_setting(session: Session, field: str, value: Any) -> None:
    """Put one setting back (undo)."""
    row = session.get(Meta, SETTINGS_KEY)
    current = dict(row.value) if row else {}
    session.merge(Meta(key=SETTINGS_KEY, value=current | {field: value}))


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

    def get(self) -> Settings:
        """Read fresh each time (a fraction of a millisecond), so undo and sync never leave a
        stale copy behind."""
        with self._db.read() as session:
            row = session.get(Meta, SETTINGS_KEY)
            return Settings.model_validate(row.value if row else {})

    def update(self, **values: Any) -> Outcome[Settings]:
        with self._db.transaction("settings") as tx:
            settings = self.apply(tx, **values)
            return Outcome(settings, tx.changes())

    def apply(self, tx: Tx, **values: Any) -> Settings:
        """Validate and store changed settings inside `tx`, journalled field by field."""
        old = self.get().model_dump()
        merged = old | {k: v for k, v in values.items() if v is not None}
        merged["currency"] = currency_code(merged["currency"])
        merged["default_region"] = _region(merged["default_region"])
        settings = Settings.model_validate(merged)
        changed = {k: (old[k], v) for k, v in settings.model_dump().items() if old[k] != v}
        tx.session.merge(Meta(key=SETTINGS_KEY, value=settings.model_dump()))
        tx.record(SETTINGS_KEY, SETTINGS_KEY, "update", changed)
        return settings

    def logo(self) -> bytes | None:
        """The business logo (PNG or JPEG bytes), or None when there is none."""
        with self._db.read() as session:
            row = session.get(Meta, LOGO_KEY)
            return base64.b64decode(row.value["data"]) if row and row.value else None

    def set_logo(self, path: str | Path) -> Outcome[bytes]:
        """Keep the picture at `path` (checked, scaled down) inside the workspace as the logo."""
        from crm_desktop.core.services.logo import read_logo  # Pillow: only when a logo is set

        data = read_logo(path)
        return Outcome(data, self._store_logo({"data": base64.b64encode(data).decode("ascii")}))

    def clear_logo(self) -> Outcome[None]:
        return Outcome(None, self._store_logo(None))

    def _store_logo(self, value: dict[str, str] | None) -> Changes:
        """One transaction; not journalled (the picture is too big to copy into history), but
        reported as a settings change so screens refresh."""
        with self._db.transaction("logo") as tx:
            row = tx.session.get(Meta, LOGO_KEY)
            if value is None and row is not None:
                tx.session.delete(row)
            elif value is not None:
                tx.session.merge(Meta(key=LOGO_KEY, value=value))
            tx.touch(SETTINGS_KEY, LOGO_KEY)
            return tx.changes()
