"""Printing a finished report PDF.

PySide6-Essentials has no QtPdf (it lives in PySide6-Addons, which we do not ship), so Qt cannot
draw the PDF's pages onto a QPrinter. Instead the PDF goes to the system: on Windows the default
PDF viewer's "print" verb; where CUPS is present (Linux, macOS) Qt's print dialog picks the
printer and copies and `lp` prints the PDF (CUPS rasterises PDF itself); elsewhere the PDF opens
in the system viewer for the user to print from there.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QWidget

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")


def open_in_viewer(path: Path) -> None:
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def print_pdf(parent: QWidget, path: Path) -> str:
    """Print `path`; returns what to tell the user ("" when they cancelled the dialog)."""
    if sys.platform == "win32":
        os.startfile(str(path), "print")  # type: ignore[attr-defined]  # Windows only
        return translate("ReportsPage", "Sent to the printer through your PDF viewer.")
    lp = shutil.which("lp")
    if lp is None:
        open_in_viewer(path)
        return translate("ReportsPage", "Opened in your PDF viewer: print it from there.")
    printer = QPrinter()
    dialog = QPrintDialog(printer, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return ""
    command = [lp, "-n", str(max(1, printer.copyCount()))]
    if printer.printerName():
        command += ["-d", printer.printerName()]
    subprocess.run([*command, str(path)], check=True, capture_output=True, timeout=60)
    return translate("ReportsPage", "Sent to %1.").replace(
        "%1", printer.printerName() or translate("ReportsPage", "the printer"))
