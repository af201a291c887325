"""GUI composition root: paths, keystore, language, the application and its main window."""

from __future__ import annotations

import argparse
import multiprocessing
import sys
from collections.abc import Sequence

from crm_desktop.core.config.paths import AppPaths
from crm_desktop.core.crm import Crm, open_crm
from crm_desktop.core.i18n import detect_language, set_language
from crm_desktop.core.security.keystore import KeyringKeyStore
from crm_desktop.core.security.vault import Vault


def _arguments(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="crm-desktop", description="The crm_desktop window.")
    parser.add_argument("--data-dir", metavar="DIR", help="the workspace folder")
    parser.add_argument("--lang", choices=("zh_CN", "en"), help="language of the window")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    multiprocessing.freeze_support()  # a frozen build's helper processes start here
    args = _arguments(sys.argv[1:] if argv is None else argv)
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from crm_desktop.ui import preferences
    from crm_desktop.ui.application import APPLICATION, ORGANIZATION, configure
    from crm_desktop.ui.controllers.first_run import FirstRunWizard
    from crm_desktop.ui.controllers.shell import Shell
    from crm_desktop.ui.controllers.unlock import UnlockScreen
    from crm_desktop.ui.tasks import ThreadTaskRunner

    app = QApplication(sys.argv[:1])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    language = args.lang or preferences.language(QSettings(), detect_language())
    set_language(language)
    configure(app, language)
    paths = AppPaths.resolve(args.data_dir)
    keystore = KeyringKeyStore()
    vault = Vault(paths, keystore)

    def open_with_key(key: bytes) -> Crm:
        return open_crm(paths, key)
    runner = ThreadTaskRunner()
    unlock = UnlockScreen(vault, open_with_key, runner)
    shell = Shell(unlock, QSettings(), runner=runner)
    if not paths.exists():
        wizard = FirstRunWizard(paths, keystore, language)
        wizard.created.connect(shell.open_workspace)
        if not wizard.exec():
            return 0
    shell.show()
    if shell.is_locked:
        unlock.try_remembered_key()
    return app.exec()
