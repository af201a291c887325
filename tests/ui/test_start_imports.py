"""The main window opens without loading what only later work needs (the PDF renderer)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from crm_desktop.core.config.paths import AppPaths

OPEN_WINDOW = """
import json, sys
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from crm_desktop.core.config.paths import AppPaths
from crm_desktop.core.crm import open_crm
from crm_desktop.ui.controllers.workbench import Workbench
from crm_desktop.ui.tasks import ImmediateTaskRunner
app = QApplication([])
crm = open_crm(AppPaths.under(sys.argv[1]), bytes.fromhex(sys.argv[2]))
settings = QSettings(sys.argv[3], QSettings.Format.IniFormat)
workbench = Workbench(crm, settings, ImmediateTaskRunner())
workbench.show()
app.processEvents()
before = "reportlab" in sys.modules
workbench.go_to(workbench.reports)
app.processEvents()
print(json.dumps({"at_start": before, "on_reports_page": "reportlab" in sys.modules,
                  "reports_listed": workbench.reports.reports.count()}))
workbench.forget()
crm.close()
"""


def test_reportlab_loads_when_the_reports_page_is_opened_not_at_start(
        workspace: AppPaths, data_key: bytes, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Starting the window leaves the PDF renderer (~0.4 s) unloaded until Reports is opened."""
    done = subprocess.run([sys.executable, "-c", OPEN_WINDOW, str(workspace.root), data_key.hex(),
                           str(tmp_path / "ui.ini")], capture_output=True, text=True, check=False,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result == {"at_start": False, "on_reports_page": True, "reports_listed": 6}
