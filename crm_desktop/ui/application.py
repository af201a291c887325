"""The QApplication: identity, translators (ours and Qt's own), style and icon."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from crm_desktop.ui.garbage import GuiThreadCollector

RESOURCES = Path(__file__).resolve().parents[2] / "resources"  # the project's resources/ folder
TRANSLATIONS = RESOURCES / "translations"
ORGANIZATION = "crm_desktop"
APPLICATION = "crm_desktop"


def install_translators(app: QApplication, language: str) -> list[QTranslator]:
    """Our strings plus Qt's own (qtbase: standard dialogs and buttons) in `language`."""
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    catalogs: tuple[tuple[str, str], ...]
    if language == "zh_CN":
        catalogs = ((qt_dir, "qtbase_zh_CN"), (str(TRANSLATIONS), "crm_desktop_zh_CN"))
        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    else:  # English source strings; the catalog only adds plural forms ("1 contact")
        catalogs = ((str(TRANSLATIONS), "crm_desktop_en"),)
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    installed = []
    for directory, name in catalogs:
        translator = QTranslator(app)
        if translator.load(name, directory):
            app.installTranslator(translator)
            installed.append(translator)
    return installed


_collector: GuiThreadCollector | None = None


def configure(app: QApplication, language: str) -> None:
    global _collector
    _collector = GuiThreadCollector(app)  # collect Python garbage on this thread only
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("CRM")
    icon = RESOURCES / "icons" / "app.svg"
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    style = RESOURCES / "styles" / "app.qss"
    if style.exists():
        app.setStyleSheet(style.read_text(encoding="utf-8"))
    install_translators(app, language)
