"""Layering rules that keep the CLI fast and the core reusable."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "crm_desktop"


def test_core_and_cli_import_no_qt() -> None:
    """Importing the whole core and the `crm` command never loads PySide6."""
    modules = sorted(
        ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        for path in (PACKAGE / "core").rglob("*.py")
        if "migrations" not in path.parts)
    script = ("import importlib, sys\n"
              f"for name in {modules + ['crm_desktop.cli']!r}:\n"
              "    importlib.import_module(name)\n"
              "assert 'PySide6' not in sys.modules, 'PySide6 was imported'\n"
              "print(len(sys.modules))")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_core_never_imports_ui_app_or_cli() -> None:
    """No module of the core reaches up into the GUI, the app or the CLI."""
    offenders = {str(path.relative_to(PACKAGE)): sorted(bad)
                 for path in (PACKAGE / "core").rglob("*.py")
                 if (bad := {n for n in _imports(path) if n.startswith(
                     ("crm_desktop.ui", "crm_desktop.app", "crm_desktop.cli", "PySide6"))})}
    assert offenders == {}


def test_only_storage_talks_sql() -> None:
    """SQLCipher and raw SQL stay inside core/storage and core/search (the index's own DDL)."""
    offenders = [str(path.relative_to(PACKAGE)) for path in PACKAGE.rglob("*.py")
                 if "sqlcipher3" in _imports(path)
                 and not {"storage", "search"} & set(path.relative_to(PACKAGE).parts)]
    assert offenders == []


def test_ui_reaches_data_only_through_core_services() -> None:
    """No GUI module opens a session, writes SQL or touches the storage layer directly."""
    forbidden = ("sqlalchemy", "sqlmodel", "sqlcipher3", "sqlite3", "crm_desktop.core.storage")
    offenders = {str(path.relative_to(PACKAGE)): sorted(bad)
                 for path in (PACKAGE / "ui").rglob("*.py")
                 if (bad := {n for n in _imports(path) if n.startswith(forbidden)})}
    assert offenders == {}
    for path in (PACKAGE / "ui").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "Session(" not in text and "exec_driver_sql" not in text, path
