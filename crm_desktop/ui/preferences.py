"""Per-computer preferences (QSettings): language and auto-lock time. Business settings live in
the encrypted workspace instead, through the core."""

from __future__ import annotations

from PySide6.QtCore import QSettings

LANGUAGE_KEY = "preferences/language"
AUTO_LOCK_KEY = "preferences/auto_lock_minutes"
DEFAULT_AUTO_LOCK_MINUTES = 10


def language(settings: QSettings, fallback: str) -> str:
    value = settings.value(LANGUAGE_KEY)
    return str(value) if value in ("zh_CN", "en") else fallback


def auto_lock_minutes(settings: QSettings) -> int:
    try:
        return int(str(settings.value(AUTO_LOCK_KEY, DEFAULT_AUTO_LOCK_MINUTES)))
    except (TypeError, ValueError):
        return DEFAULT_AUTO_LOCK_MINUTES
