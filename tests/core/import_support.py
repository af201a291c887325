"""Import fixtures: the realistic files in tests/fixtures/imports, and small files written here."""

from __future__ import annotations

from pathlib import Path

from crm_desktop.core.crm import Crm
from crm_desktop.core.domain.models import ContactRead
from crm_desktop.core.io.imports.service import ImportResult

FIXTURES = Path(__file__).parent.parent / "fixtures" / "imports"


def fixture(name: str) -> Path:
    return FIXTURES / name


def import_file(crm: Crm, path: Path) -> ImportResult:
    plan = crm.imports.preview(crm.imports.read(path))
    return crm.imports.run(plan).value


def contacts_by_name(crm: Crm) -> dict[str, ContactRead]:
    return {c.display_name: c for c in crm.contacts.page(limit=1000)}


def write(folder: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = folder / name
    path.write_bytes(text.encode(encoding))
    return path
