"""Translations for the Qt-free core: gettext catalogs compiled in memory from the shipped .po files.

The core never prints; it raises `CrmError`s whose text is looked up here in the active language.
"""

from __future__ import annotations

import gettext
import io
import locale
import os
from collections.abc import Callable
from functools import cache
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
DOMAIN = "crm"
SUPPORTED = ("en", "zh_CN")

_active = "en"


def detect_language() -> str:
    """The language from CRM_LANG, then LANGUAGE/LC_ALL/LANG, else English."""
    for var in ("CRM_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "")
        if value:
            return normalize_language(value)
    system = locale.getlocale()[0] or ""
    return normalize_language(system)


def normalize_language(value: str) -> str:
    code = value.split(":")[0].split(".")[0].replace("-", "_").lower()
    return "zh_CN" if code.startswith("zh") else "en"


def set_language(language: str) -> None:
    global _active
    _active = normalize_language(language)


def active_language() -> str:
    return _active


@cache
def _catalog(language: str) -> gettext.NullTranslations:
    po_path = LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"
    if not po_path.exists():
        return gettext.NullTranslations()
    with po_path.open("rb") as po:
        catalog = read_po(po, locale=language)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


def _(message: str) -> str:
    """Translate `message` into the active language."""
    return _catalog(_active).gettext(message)


def translator(language: str) -> Callable[[str], str]:
    """`_` for one language, whatever the active one: a report made in another language than the
    app's, on a worker, must not switch the language the rest of the app speaks."""
    return _catalog(normalize_language(language)).gettext


def N_(message: str) -> str:
    """Mark `message` for extraction without translating it now."""
    return message
